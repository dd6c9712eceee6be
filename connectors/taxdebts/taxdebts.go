// Package taxdebts is the connector to Сведения о налоговой задолженности
// (the State Revenue Committee's data on tax arrears): principal, penalty and
// fine per taxpayer, tax office and budget classification code (КБК).
package taxdebts

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "tax_debts"

//go:embed migrations/*.sql
var migrations embed.FS

const columns = `record_id, taxpayer_id, tax_office_code, kbk, kbk_name_ru, principal_tiyn, penalty_tiyn,
	fine_tiyn, as_of`

// Store reads and loads the tax-arrears data.
type Store struct {
	db         *sqldb.DB
	byTaxpayer string
}

var _ sio.TaxDebtRegistry = (*Store)(nil)

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
	return &Store{
		db:         db,
		byTaxpayer: db.Q(`SELECT ` + columns + ` FROM {tax_debts} WHERE ` + db.In("taxpayer_id") + ` ORDER BY record_id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DebtsByTaxpayer returns the arrears lines of each taxpayer (IIN or BIN)
// among ids, in record order, in one statement. Taxpayers without arrears
// are absent.
func (s *Store) DebtsByTaxpayer(ctx context.Context, ids []string) (map[string][]sio.TaxDebt, error) {
	return sqldb.Group(ctx, s.db, "taxdebts: by taxpayer", s.byTaxpayer, func(r *sio.TaxDebt) string { return r.TaxpayerID }, sqldb.List(s.db, ids))
}

// Insert bulk-loads arrears lines (used by the data generator).
func (s *Store) Insert(ctx context.Context, ds []sio.TaxDebt) error {
	rows := make([][]any, len(ds))
	for i, d := range ds {
		rows[i] = []any{d.RecordID, d.TaxpayerID, d.TaxOfficeCode, d.KBK, d.KBKNameRu, d.PrincipalTiyn, d.PenaltyTiyn,
			d.FineTiyn, d.AsOf}
	}
	return s.db.BulkInsert(ctx, "tax_debts", []string{"record_id", "taxpayer_id", "tax_office_code", "kbk",
		"kbk_name_ru", "principal_tiyn", "penalty_tiyn", "fine_tiyn", "as_of"}, rows)
}

// Count returns the number of arrears lines (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "tax_debts")
}
