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

func values(v *sio.SeaVessel) []any {
	return []any{v.IMONumber, v.Name, v.TypeRu, v.Flag, v.PortOfRegistry, v.CallSign, v.MMSI, v.GrossTonnage,
		v.Deadweight, v.LengthM, v.BuildYear, v.Builder, string(v.OwnerBIN), v.RegistryNumber, v.RegisteredAt,
		string(v.Status), v.DeregisteredAt}
}

// Store reads and loads Морские суда.
type Store struct {
	*transportkit.Register[sio.SeaVessel]
	byOwner, byIMO string
}

var _ sio.SeaVesselRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "sea_vessels", columns, values)
	return &Store{Register: g, byOwner: g.Lookup("owner_bin", "owner_bin, registered_at, imo_number"), byIMO: g.Lookup("imo_number", "")}
}

// SeaVesselsByOwner returns the ships of each owner, in order of
// registration, in one statement.
func (s *Store) SeaVesselsByOwner(ctx context.Context, owners []sio.BIN) (map[sio.BIN][]sio.SeaVessel, error) {
	return transportkit.Group(ctx, s.Register, "sea vessels: by owner", s.byOwner, func(v *sio.SeaVessel) sio.BIN { return v.OwnerBIN }, owners)
}

// SeaVesselsByIMO returns the ships found among IMO numbers (7 digits), in
// one statement.
func (s *Store) SeaVesselsByIMO(ctx context.Context, imos []string) (map[string]*sio.SeaVessel, error) {
	return transportkit.Index(ctx, s.Register, "sea vessels: by IMO", s.byIMO, func(v *sio.SeaVessel) string { return v.IMONumber }, imos)
}
