// Package kgdtax is the connector to the tax-administration data of the
// state revenue committee (КГД): Сведения о встречных проверках (cross
// audits), о плательщиках НДС (VAT registrations), о налоговой отчетности
// (СОНО tax returns), по контрагентам (electronic invoices summed per
// counterparty and quarter) and о поступлениях в бюджет (budget receipts).
// Interpretation: the five services are data of one source, КГД's
// tax-administration systems, so they share this connector, a table per
// service (each service on its own fields). Lookups by IIN or BIN and by the
// documents' numbers.
package kgdtax

import (
	"context"
	"embed"
	"fmt"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "kgd_tax"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads the КГД tax-administration data.
type Store struct {
	db                        *sqldb.DB
	auditsOf, auditByNumber   string
	vatOf, vatByCertificate   string
	returnsOf, returnByNumber string
	invoicesOf                string
	paymentsOf                string
}

var _ sio.TaxAdministration = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	audits := records.Select[sio.CrossAudit]("cross_audits") + `WHERE `
	vat := records.Select[sio.VATRegistration]("vat_registrations") + `WHERE `
	returns := records.Select[sio.TaxReturn]("tax_returns") + `WHERE `
	// A certificate key is "series number": the concatenation with a space.
	certificate := `certificate_series || ' ' || certificate_number`
	return &Store{
		db:               db,
		auditsOf:         db.Q(audits + db.In("audited_id") + ` OR ` + db.In("counterparty_id") + ` ORDER BY requested_at DESC, number`),
		auditByNumber:    db.Q(audits + db.In("number")),
		vatOf:            db.Q(vat + db.In("taxpayer_id") + ` ORDER BY taxpayer_id, registered_at, certificate_number`),
		vatByCertificate: db.Q(vat + db.In(certificate)),
		returnsOf:        db.Q(returns + db.In("taxpayer_id") + ` ORDER BY taxpayer_id, period_to DESC, form_code, filed_at DESC, registration_number`),
		returnByNumber:   db.Q(returns + db.In("registration_number")),
		invoicesOf: db.Q(records.Select[sio.InvoiceTurnover]("invoices") + `WHERE ` + db.In("seller_id") + ` OR ` + db.In("buyer_id") +
			` ORDER BY period_from DESC, seller_id, buyer_id`),
		paymentsOf: db.Q(records.Select[sio.BudgetPayment]("budget_payments") + `WHERE ` + db.In("taxpayer_id") +
			` ORDER BY taxpayer_id, paid_at DESC, payment_id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// eitherSide runs a query over records with two subject columns (given the
// same keys twice) and files each record under each of its sides that is
// among ids, in the query's order.
func eitherSide[T any](ctx context.Context, s *Store, what, query string, ids []string, sides func(*T) (string, string)) (map[string][]T, error) {
	var rows []T
	keys := sqldb.List(s.db, ids)
	if err := s.db.Select(ctx, &rows, query, keys, keys); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := map[string][]T{}
	for _, row := range rows {
		a, b := sides(&row)
		if want[a] {
			out[a] = append(out[a], row)
		}
		if want[b] && b != a {
			out[b] = append(out[b], row)
		}
	}
	return out, nil
}

// CrossAuditsBySubject returns the cross audits where each subject is the
// audited taxpayer or the counterparty, latest first, in one statement.
func (s *Store) CrossAuditsBySubject(ctx context.Context, ids []string) (map[string][]sio.CrossAudit, error) {
	return eitherSide(ctx, s, "kgd_tax: cross audits by subject", s.auditsOf, ids, func(a *sio.CrossAudit) (string, string) {
		return a.AuditedID, a.CounterpartyID
	})
}

// CrossAuditsByNumber returns the cross audits found among numbers, in one
// statement.
func (s *Store) CrossAuditsByNumber(ctx context.Context, numbers []string) (map[string]*sio.CrossAudit, error) {
	return sqldb.Index(ctx, s.db, "kgd_tax: cross audit by number", s.auditByNumber, func(a *sio.CrossAudit) string { return a.Number }, sqldb.List(s.db, numbers))
}

// VATRegistrationsByTaxpayer returns the VAT registrations of each taxpayer,
// oldest first, in one statement.
func (s *Store) VATRegistrationsByTaxpayer(ctx context.Context, ids []string) (map[string][]sio.VATRegistration, error) {
	return sqldb.Group(ctx, s.db, "kgd_tax: vat by taxpayer", s.vatOf, func(v *sio.VATRegistration) string { return v.TaxpayerID }, sqldb.List(s.db, ids))
}

// VATRegistrationsByCertificate returns the registrations found among
// certificates ("series number"), in one statement.
func (s *Store) VATRegistrationsByCertificate(ctx context.Context, certs []string) (map[string]*sio.VATRegistration, error) {
	return sqldb.Index(ctx, s.db, "kgd_tax: vat by certificate", s.vatByCertificate, (*sio.VATRegistration).Certificate, sqldb.List(s.db, certs))
}

// TaxReturnsByTaxpayer returns the tax returns of each taxpayer, latest
// period first, in one statement.
func (s *Store) TaxReturnsByTaxpayer(ctx context.Context, ids []string) (map[string][]sio.TaxReturn, error) {
	return sqldb.Group(ctx, s.db, "kgd_tax: returns by taxpayer", s.returnsOf, func(t *sio.TaxReturn) string { return t.TaxpayerID }, sqldb.List(s.db, ids))
}

// TaxReturnsByNumber returns the tax returns found among registration
// numbers, in one statement.
func (s *Store) TaxReturnsByNumber(ctx context.Context, numbers []string) (map[string]*sio.TaxReturn, error) {
	return sqldb.Index(ctx, s.db, "kgd_tax: return by number", s.returnByNumber, func(t *sio.TaxReturn) string { return t.RegistrationNumber }, sqldb.List(s.db, numbers))
}

// InvoicesBySubject returns the invoice turnover where each subject is the
// seller or the buyer, latest quarter first, in one statement.
func (s *Store) InvoicesBySubject(ctx context.Context, ids []string) (map[string][]sio.InvoiceTurnover, error) {
	return eitherSide(ctx, s, "kgd_tax: invoices by subject", s.invoicesOf, ids, func(i *sio.InvoiceTurnover) (string, string) {
		return i.SellerID, i.BuyerID
	})
}

// PaymentsByTaxpayer returns the budget payments of each taxpayer, latest
// first, in one statement.
func (s *Store) PaymentsByTaxpayer(ctx context.Context, ids []string) (map[string][]sio.BudgetPayment, error) {
	return sqldb.Group(ctx, s.db, "kgd_tax: payments by taxpayer", s.paymentsOf, func(p *sio.BudgetPayment) string { return p.TaxpayerID }, sqldb.List(s.db, ids))
}

// Data is one batch of the КГД data.
type Data struct {
	Audits   []sio.CrossAudit
	VAT      []sio.VATRegistration
	Returns  []sio.TaxReturn
	Invoices []sio.InvoiceTurnover
	Payments []sio.BudgetPayment
}

// Insert bulk-loads a batch (used by the data generator).
func (s *Store) Insert(ctx context.Context, d Data) error {
	for _, err := range []func() error{
		func() error { return records.Insert(ctx, s.db, "cross_audits", d.Audits) },
		func() error { return records.Insert(ctx, s.db, "vat_registrations", d.VAT) },
		func() error { return records.Insert(ctx, s.db, "tax_returns", d.Returns) },
		func() error { return records.Insert(ctx, s.db, "invoices", d.Invoices) },
		func() error { return records.Insert(ctx, s.db, "budget_payments", d.Payments) },
	} {
		if e := err(); e != nil {
			return e
		}
	}
	return nil
}
