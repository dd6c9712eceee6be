// Package taxpayers is the connector to База данных "Налогоплательщиков"
// (the taxpayer register of the State Revenue Committee): registration of
// individuals, entrepreneurs and legal entities with their tax office and
// VAT status.
package taxpayers

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "taxpayers"

//go:embed migrations/*.sql
var migrations embed.FS

// vat_payer is BOOLEAN on PostgreSQL and 0/1 INTEGER on SQLite; both scan
// into a Go bool.
const columns = `id, kind, tax_office_code, tax_office_ru, registered_at, status, vat_payer`

// Store reads and loads the taxpayer register.
type Store struct {
	db    *sqldb.DB
	byIDs string
}

var _ sio.TaxpayerRegistry = (*Store)(nil)

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
		db:    db,
		byIDs: db.Q(`SELECT ` + columns + ` FROM {taxpayers} WHERE ` + db.In("id")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// TaxpayersByID returns the taxpayers found among ids (IIN or BIN), in one
// statement.
func (s *Store) TaxpayersByID(ctx context.Context, ids []string) (map[string]*sio.Taxpayer, error) {
	return sqldb.Index(ctx, s.db, "taxpayers: by id", s.byIDs, func(r *sio.Taxpayer) string { return r.ID }, sqldb.List(s.db, ids))
}

// Insert bulk-loads taxpayers (used by the data generator).
func (s *Store) Insert(ctx context.Context, ts []sio.Taxpayer) error {
	rows := make([][]any, len(ts))
	for i, t := range ts {
		rows[i] = []any{t.ID, string(t.Kind), t.TaxOfficeCode, t.TaxOfficeRu, t.RegisteredAt, t.Status, t.VATPayer}
	}
	return s.db.BulkInsert(ctx, "taxpayers", []string{"id", "kind", "tax_office_code", "tax_office_ru",
		"registered_at", "status", "vat_payer"}, rows)
}

// Count returns the number of taxpayers (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "taxpayers")
}
