// Package elicensing is the connector to База данных "Е-лицензирование":
// licences and permits issued to legal entities and persons, by holder and
// by number.
package elicensing

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "e_licensing"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads Е-лицензирование.
type Store struct {
	db       *sqldb.DB
	byHolder string
	byNumber string
}

var _ sio.BusinessLicenseRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	sel := records.Select[sio.BusinessLicense]("licenses") + `WHERE `
	return &Store{
		db:       db,
		byHolder: db.Q(sel + db.In("holder_id") + ` ORDER BY holder_id, issued_at, number`),
		byNumber: db.Q(sel + db.In("number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// LicensesByHolder returns the licences of each holder (IIN or BIN), oldest
// first, in one statement.
func (s *Store) LicensesByHolder(ctx context.Context, holders []string) (map[string][]sio.BusinessLicense, error) {
	return sqldb.Group(ctx, s.db, "e_licensing: by holder", s.byHolder, func(l *sio.BusinessLicense) string { return l.HolderID }, sqldb.List(s.db, holders))
}

// LicensesByNumber returns the licences found among numbers, in one
// statement.
func (s *Store) LicensesByNumber(ctx context.Context, numbers []string) (map[string]*sio.BusinessLicense, error) {
	return sqldb.Index(ctx, s.db, "e_licensing: by number", s.byNumber, func(l *sio.BusinessLicense) string { return l.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads licences (used by the data generator).
func (s *Store) Insert(ctx context.Context, ls []sio.BusinessLicense) error {
	return records.Insert(ctx, s.db, "licenses", ls)
}
