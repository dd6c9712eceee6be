// Package statregister is the connector to База данных "Единая
// унифицированная статистическая система" (ЕУСС): the statistical business
// register of the Bureau of National Statistics, one unit per legal entity
// with its locality (КАТО), main activity (ОКЭД), size class (КРП),
// employees and reporting status.
package statregister

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "stat_register"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads the statistical register.
type Store struct {
	db    *sqldb.DB
	byBIN string
}

var _ sio.StatisticalRegister = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{db: db, byBIN: db.Q(records.Select[sio.StatisticalUnit]("stat_units") + `WHERE ` + db.In("bin"))}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// StatisticalUnitsByBIN returns the units found among bins, in one statement.
func (s *Store) StatisticalUnitsByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN]*sio.StatisticalUnit, error) {
	return sqldb.Index(ctx, s.db, "stat_register: by bin", s.byBIN, func(u *sio.StatisticalUnit) sio.BIN { return u.BIN }, sqldb.List(s.db, bins))
}

// Insert bulk-loads units (used by the data generator).
func (s *Store) Insert(ctx context.Context, us []sio.StatisticalUnit) error {
	return records.Insert(ctx, s.db, "stat_units", us)
}
