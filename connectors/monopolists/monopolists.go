// Package monopolists is the connector to База данных "Сведения о
// монополистах": the register of natural monopolies (by sphere) and the
// register of market entities holding a dominant position (by product
// market, with the share), by BIN.
package monopolists

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "monopolists"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads Сведения о монополистах.
type Store struct {
	db    *sqldb.DB
	byBIN string
}

var _ sio.MonopolyRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{db: db, byBIN: db.Q(records.Select[sio.MonopolyRecord]("monopolists") + `WHERE ` + db.In("bin") + ` ORDER BY bin, included_at, register_number`)}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// MonopolyRecordsByBIN returns the register entries of each entity, oldest
// first, in one statement.
func (s *Store) MonopolyRecordsByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.MonopolyRecord, error) {
	return sqldb.Group(ctx, s.db, "monopolists: by bin", s.byBIN, func(m *sio.MonopolyRecord) sio.BIN { return m.BIN }, sqldb.List(s.db, bins))
}

// Insert bulk-loads register entries (used by the data generator).
func (s *Store) Insert(ctx context.Context, ms []sio.MonopolyRecord) error {
	return records.Insert(ctx, s.db, "monopolists", ms)
}
