// Package agrimachinery is the connector to База данных "Сельхозтехника":
// the tractors, combines and other self-propelled machines of farms,
// agricultural companies and rural persons, by owner and by plate.
package agrimachinery

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "agricultural_machinery"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"plate", "kind_ru", "make", "model", "serial_number", "engine_number", "build_year", "engine_power_hp",
	"owner_id", "owner_kind", "certificate_number", "registered_by", "registered_at", "region_kato", "status", "deregistered_at"}

func values(m *sio.AgriculturalMachine) []any {
	return []any{m.Plate, m.KindRu, m.Make, m.Model, m.SerialNumber, m.EngineNumber, m.BuildYear, m.EnginePowerHP,
		m.OwnerID, string(m.OwnerKind), m.CertificateNumber, m.RegisteredBy, m.RegisteredAt, m.RegionKATO,
		string(m.Status), m.DeregisteredAt}
}

// Store reads and loads Сельхозтехника.
type Store struct {
	*transportkit.Register[sio.AgriculturalMachine]
	byOwner, byPlate string
}

var _ sio.AgriculturalMachineRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "machines", columns, values)
	return &Store{Register: g, byOwner: g.Lookup("owner_id", "owner_id, registered_at, plate"), byPlate: g.Lookup("plate", "")}
}

// MachinesByOwner returns the machines of each owner (IIN or BIN), in order
// of registration, in one statement.
func (s *Store) MachinesByOwner(ctx context.Context, owners []string) (map[string][]sio.AgriculturalMachine, error) {
	return transportkit.Group(ctx, s.Register, "agricultural machinery: by owner", s.byOwner, func(m *sio.AgriculturalMachine) string { return m.OwnerID }, owners)
}

// MachinesByPlate returns the machines found among plates ("1234AB10"), in
// one statement.
func (s *Store) MachinesByPlate(ctx context.Context, plates []string) (map[string]*sio.AgriculturalMachine, error) {
	return transportkit.Index(ctx, s.Register, "agricultural machinery: by plate", s.byPlate, func(m *sio.AgriculturalMachine) string { return m.Plate }, plates)
}
