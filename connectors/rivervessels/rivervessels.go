// Package rivervessels is the connector to База данных "Речные и маломерные
// суда": boats, launches and jet skis of persons and the tugs, barges and
// passenger ships of companies on inland waters, by owner and by
// registration number.
package rivervessels

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "river_vessels"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"registration_number", "category", "hull_type_ru", "make", "model", "hull_number", "build_year",
	"length_m", "engine_make", "engine_number", "engine_power_hp", "passengers", "owner_id", "owner_kind",
	"registered_by", "registered_at", "home_water_ru", "region_kato", "status", "deregistered_at"}

func values(v *sio.RiverVessel) []any {
	return []any{v.RegistrationNumber, string(v.Category), v.HullTypeRu, v.Make, v.Model, v.HullNumber, v.BuildYear,
		v.LengthM, v.EngineMake, v.EngineNumber, v.EnginePowerHP, v.Passengers, v.OwnerID, string(v.OwnerKind),
		v.RegisteredBy, v.RegisteredAt, v.HomeWaterRu, v.RegionKATO, string(v.Status), v.DeregisteredAt}
}

// Store reads and loads Речные и маломерные суда.
type Store struct {
	*transportkit.Register[sio.RiverVessel]
	byOwner, byNumber string
}

var _ sio.RiverVesselRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "river_vessels", columns, values)
	return &Store{Register: g, byOwner: g.Lookup("owner_id", "owner_id, registered_at, registration_number"),
		byNumber: g.Lookup("registration_number", "")}
}

// RiverVesselsByOwner returns the vessels of each owner (IIN or BIN), in
// order of registration, in one statement.
func (s *Store) RiverVesselsByOwner(ctx context.Context, owners []string) (map[string][]sio.RiverVessel, error) {
	return transportkit.Group(ctx, s.Register, "river vessels: by owner", s.byOwner, func(v *sio.RiverVessel) string { return v.OwnerID }, owners)
}

// RiverVesselsByNumber returns the vessels found among registration numbers
// ("KZ 0123 16"), in one statement.
func (s *Store) RiverVesselsByNumber(ctx context.Context, numbers []string) (map[string]*sio.RiverVessel, error) {
	return transportkit.Index(ctx, s.Register, "river vessels: by number", s.byNumber, func(v *sio.RiverVessel) string { return v.RegistrationNumber }, numbers)
}
