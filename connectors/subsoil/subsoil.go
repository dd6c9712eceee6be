// Package subsoil is the connector to the two databases of subsoil-use
// contracts: Сведения о контрактах на недропользование (углеводородное
// сырье) and (твердые полезные ископаемые и подземные воды), a table each,
// by subsoil user and by contract number.
package subsoil

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "subsoil_contracts"

//go:embed migrations/*.sql
var migrations embed.FS

// tables holds each register's table.
var tables = map[sio.SubsoilRegister]string{
	sio.SubsoilHydrocarbons:  "hydrocarbon_contracts",
	sio.SubsoilSolidMinerals: "solid_mineral_contracts",
}

type statements struct{ byUser, byNumber string }

// Store reads and loads the subsoil-use contracts.
type Store struct {
	db  *sqldb.DB
	sql map[sio.SubsoilRegister]statements
}

var _ sio.SubsoilRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	s := &Store{db: db, sql: map[sio.SubsoilRegister]statements{}}
	for reg, table := range tables {
		sel := records.Select[sio.SubsoilContract](table) + `WHERE `
		s.sql[reg] = statements{
			byUser:   db.Q(sel + db.In("user_bin") + ` ORDER BY user_bin, signed_at, number`),
			byNumber: db.Q(sel + db.In("number") + ` ORDER BY number, share_percent DESC, user_bin`),
		}
	}
	return s
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ContractsByUser returns the contracts of each subsoil user in the
// register, oldest first, in one statement.
func (s *Store) ContractsByUser(ctx context.Context, reg sio.SubsoilRegister, bins []sio.BIN) (map[sio.BIN][]sio.SubsoilContract, error) {
	return sqldb.Group(ctx, s.db, "subsoil: by user", s.sql[reg].byUser, func(c *sio.SubsoilContract) sio.BIN { return c.UserBIN }, sqldb.List(s.db, bins))
}

// ContractsByNumber returns, for each contract number, its subsoil users
// (largest share first), in one statement.
func (s *Store) ContractsByNumber(ctx context.Context, reg sio.SubsoilRegister, numbers []string) (map[string][]sio.SubsoilContract, error) {
	return sqldb.Group(ctx, s.db, "subsoil: by number", s.sql[reg].byNumber, func(c *sio.SubsoilContract) string { return c.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads contracts into their registers' tables (used by the
// data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.SubsoilContract) error {
	by := map[sio.SubsoilRegister][]sio.SubsoilContract{}
	for _, c := range cs {
		by[c.Register] = append(by[c.Register], c)
	}
	for _, reg := range []sio.SubsoilRegister{sio.SubsoilHydrocarbons, sio.SubsoilSolidMinerals} {
		if err := records.Insert(ctx, s.db, tables[reg], by[reg]); err != nil {
			return err
		}
	}
	return nil
}
