// Package pension is the connector to База данных "Пенсионные отчисления"
// (ГЦВП / ЕНПФ): who paid mandatory pension contributions for whom and
// when. Its periods of contributions by payer are the "employee of"
// relation of the population; its monthly receipts carry the amounts that a
// truncated inquiry may not see.
package pension

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "pension_contributions"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	employmentColumns   = []string{"iin", "employer_bin", "payer_kind", "start_date", "end_date"}
	contributionColumns = []string{"iin", "employer_bin", "payer_kind", "period", "income_tiyn", "amount_tiyn",
		"employer_amount_tiyn", "payment_date"}
)

// Store reads and loads Пенсионные отчисления.
type Store struct {
	db                 *sqldb.DB
	employmentsByIIN   string
	employmentsByBIN   string
	contributionsByIIN string
	contributionsByBIN string
	currentEmployees   string
}

var _ sio.PensionRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	emp := `SELECT ` + sqldb.Columns(employmentColumns) + ` FROM {employments} WHERE `
	con := `SELECT ` + sqldb.Columns(contributionColumns) + ` FROM {contributions} WHERE `
	return &Store{
		db:                 db,
		employmentsByIIN:   db.Q(emp + db.In("iin") + ` ORDER BY iin, start_date, employer_bin`),
		employmentsByBIN:   db.Q(emp + db.In("employer_bin") + ` ORDER BY employer_bin, start_date, iin`),
		contributionsByIIN: db.Q(con + db.In("iin") + ` ORDER BY iin, period DESC, employer_bin`),
		contributionsByBIN: db.Q(con + db.In("employer_bin") + ` ORDER BY employer_bin, period DESC, iin`),
		currentEmployees:   currentEmployeesQuery(db),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// EmploymentsByPerson returns each person's periods of contributions by
// payer, oldest first, in one statement.
func (s *Store) EmploymentsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Employment, error) {
	return sqldb.Group(ctx, s.db, "pension: employments by person", s.employmentsByIIN,
		func(e *sio.Employment) sio.IIN { return e.IIN }, sqldb.List(s.db, iins))
}

// EmploymentsByEmployer returns each payer's contributors, oldest first, in
// one statement.
func (s *Store) EmploymentsByEmployer(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.Employment, error) {
	return sqldb.Group(ctx, s.db, "pension: employments by employer", s.employmentsByBIN,
		func(e *sio.Employment) sio.BIN { return e.EmployerBIN }, sqldb.List(s.db, bins))
}

// ContributionsByPerson returns each person's monthly contributions, newest
// period first, in one statement.
func (s *Store) ContributionsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.PensionContribution, error) {
	return sqldb.Group(ctx, s.db, "pension: contributions by person", s.contributionsByIIN,
		func(c *sio.PensionContribution) sio.IIN { return c.IIN }, sqldb.List(s.db, iins))
}

// ContributionsByEmployer returns the contributions each payer paid, newest
// period first, in one statement.
func (s *Store) ContributionsByEmployer(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.PensionContribution, error) {
	return sqldb.Group(ctx, s.db, "pension: contributions by employer", s.contributionsByBIN,
		func(c *sio.PensionContribution) sio.BIN { return c.EmployerBIN }, sqldb.List(s.db, bins))
}

// InsertEmployments bulk-loads periods of contributions.
func (s *Store) InsertEmployments(ctx context.Context, es []sio.Employment) error {
	rows := make([][]any, len(es))
	for i, e := range es {
		rows[i] = []any{string(e.IIN), string(e.EmployerBIN), string(e.PayerKind), e.StartDate, e.EndDate}
	}
	return s.db.BulkInsert(ctx, "employments", employmentColumns, rows)
}

// InsertContributions bulk-loads monthly contributions.
func (s *Store) InsertContributions(ctx context.Context, cs []sio.PensionContribution) error {
	rows := make([][]any, len(cs))
	for i, c := range cs {
		rows[i] = []any{string(c.IIN), string(c.EmployerBIN), string(c.PayerKind), c.Period, c.IncomeTiyn, c.AmountTiyn,
			c.EmployerAmountTiyn, c.PaymentDate}
	}
	return s.db.BulkInsert(ctx, "contributions", contributionColumns, rows)
}
