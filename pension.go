package sio

import "context"

// PensionPayerKind tells who paid a pension contribution.
type PensionPayerKind string

const (
	// PayerEmployer: a tax agent (employer) withheld it from the wage.
	PayerEmployer PensionPayerKind = "EMPLOYER"
	// PayerEntrepreneur: an individual entrepreneur (ИП) or peasant farm
	// head paid it for himself.
	PayerEntrepreneur PensionPayerKind = "ENTREPRENEUR"
)

// Employment is a period of contributions of one person by one payer in
// База данных "Пенсионные отчисления": the "employee of" relation. EndDate
// is nil while contributions still come.
type Employment struct {
	IIN         IIN              `db:"iin"`
	EmployerBIN BIN              `db:"employer_bin"`
	PayerKind   PensionPayerKind `db:"payer_kind"`
	StartDate   Date             `db:"start_date"`
	EndDate     *Date            `db:"end_date"`
}

// Current reports whether contributions still come.
func (e *Employment) Current() bool { return e.EndDate == nil }

// PensionContribution is one monthly receipt of mandatory pension
// contributions (ОПВ, 10% of the income) for a person, and since 2024 of the
// employer's contributions (ОПВР), paid by a tax agent or by the person as
// an entrepreneur. Amounts are in tiyn.
type PensionContribution struct {
	IIN         IIN              `db:"iin"`
	EmployerBIN BIN              `db:"employer_bin"`
	PayerKind   PensionPayerKind `db:"payer_kind"`
	// Period is the month the income was earned, "YYYY-MM".
	Period             string `db:"period"`
	IncomeTiyn         int64  `db:"income_tiyn"`
	AmountTiyn         int64  `db:"amount_tiyn"`
	EmployerAmountTiyn *int64 `db:"employer_amount_tiyn"`
	PaymentDate        Date   `db:"payment_date"`
	// Truncated is set by the gateway when the inquiry may read the
	// contributions only without the amounts (seed 000 App.2 note *:
	// "Усеченный сервис ГЦВП - без указания размера поступлений").
	Truncated bool `db:"-"`
}

// Income is the monthly income the contributions were computed from (nil
// when truncated).
func (c *PensionContribution) Income() *Money { return c.money(c.IncomeTiyn) }

// Amount is the person's mandatory pension contribution, ОПВ (nil when
// truncated).
func (c *PensionContribution) Amount() *Money { return c.money(c.AmountTiyn) }

// EmployerAmount is the employer's mandatory pension contribution, ОПВР
// (nil before 2024, for entrepreneurs, and when truncated).
func (c *PensionContribution) EmployerAmount() *Money {
	if c.EmployerAmountTiyn == nil {
		return nil
	}
	return c.money(*c.EmployerAmountTiyn)
}

func (c *PensionContribution) money(tiyn int64) *Money {
	if c.Truncated {
		return nil
	}
	m := Money(tiyn)
	return &m
}

// PensionStatement is the answer of БД "Пенсионные отчисления" to a
// request by IIN: the person's periods of contributions by payer and the
// monthly receipts of the last six paid months, newest first.
type PensionStatement struct {
	IIN        IIN
	Employment []Employment
	Receipts   []PensionContribution
}

// PensionRegistry is База данных "Пенсионные отчисления" (ГЦВП / ЕНПФ).
type PensionRegistry interface {
	// EmploymentsByPerson returns each person's contribution periods by
	// payer, oldest first.
	EmploymentsByPerson(ctx context.Context, iins []IIN) (map[IIN][]Employment, error)
	// EmploymentsByEmployer returns each payer's contributors, oldest
	// first.
	EmploymentsByEmployer(ctx context.Context, bins []BIN) (map[BIN][]Employment, error)
	// ContributionsByPerson returns each person's monthly contributions,
	// newest first.
	ContributionsByPerson(ctx context.Context, iins []IIN) (map[IIN][]PensionContribution, error)
	// ContributionsByEmployer returns the contributions each payer paid,
	// newest first.
	ContributionsByEmployer(ctx context.Context, bins []BIN) (map[BIN][]PensionContribution, error)
}
