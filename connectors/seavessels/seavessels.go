// Package seavessels is the connector to База данных "Морские суда": the
// sea-going ships of Kazakh companies registered in the ports of Актау,
// Баутино and Курык, by owner and by IMO number.
package seavessels

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "sea_vessels"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"imo_number", "name", "type_ru", "flag", "port_of_registry", "call_sign", "mmsi", "gross_tonnage",
	"deadweight", "length_m", "build_year", "builder", "owner_bin", "registry_number", "registered_at", "status", "deregistered_at"}

// Store reads and loads Морские суда.
type Store struct {
	db      *sqldb.DB
	byOwner string
	byIMO   string
}

var _ sio.SeaVesselRegistry = (*Store)(nil)

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
	sel := transportkit.Select("sea_vessels", columns)
	return &Store{
		db:      db,
		byOwner: db.Q(sel + db.In("owner_bin") + ` ORDER BY owner_bin, registered_at, imo_number`),
		byIMO:   db.Q(sel + db.In("imo_number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// SeaVesselsByOwner returns the ships of each owner, in order of
// registration, in one statement.
func (s *Store) SeaVesselsByOwner(ctx context.Context, owners []sio.BIN) (map[sio.BIN][]sio.SeaVessel, error) {
	return sqldb.Group(ctx, s.db, "sea vessels: by owner", s.byOwner, func(v *sio.SeaVessel) sio.BIN { return v.OwnerBIN }, sqldb.List(s.db, owners))
}

// SeaVesselsByIMO returns the ships found among IMO numbers (7 digits), in
// one statement.
func (s *Store) SeaVesselsByIMO(ctx context.Context, imos []string) (map[string]*sio.SeaVessel, error) {
	return sqldb.Index(ctx, s.db, "sea vessels: by IMO", s.byIMO, func(v *sio.SeaVessel) string { return v.IMONumber }, sqldb.List(s.db, imos))
}

// Insert bulk-loads ships (used by the data generator).
func (s *Store) Insert(ctx context.Context, vs []sio.SeaVessel) error {
	return transportkit.Insert(ctx, s.db, "sea_vessels", columns, vs, func(v *sio.SeaVessel) []any {
		return []any{v.IMONumber, v.Name, v.TypeRu, v.Flag, v.PortOfRegistry, v.CallSign, v.MMSI, v.GrossTonnage,
			v.Deadweight, v.LengthM, v.BuildYear, v.Builder, string(v.OwnerBIN), v.RegistryNumber, v.RegisteredAt,
			string(v.Status), v.DeregisteredAt}
	})
}
