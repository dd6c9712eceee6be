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

// Store reads and loads Сельхозтехника.
type Store struct {
	db      *sqldb.DB
	byOwner string
	byPlate string
}

var _ sio.AgriculturalMachineRegistry = (*Store)(nil)

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
	sel := transportkit.Select("machines", columns)
	return &Store{
		db:      db,
		byOwner: db.Q(sel + db.In("owner_id") + ` ORDER BY owner_id, registered_at, plate`),
		byPlate: db.Q(sel + db.In("plate")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// MachinesByOwner returns the machines of each owner (IIN or BIN), in order
// of registration, in one statement.
func (s *Store) MachinesByOwner(ctx context.Context, owners []string) (map[string][]sio.AgriculturalMachine, error) {
	return sqldb.Group(ctx, s.db, "agricultural machinery: by owner", s.byOwner, func(m *sio.AgriculturalMachine) string { return m.OwnerID }, sqldb.List(s.db, owners))
}

// MachinesByPlate returns the machines found among plates ("1234AB10"), in
// one statement.
func (s *Store) MachinesByPlate(ctx context.Context, plates []string) (map[string]*sio.AgriculturalMachine, error) {
	return sqldb.Index(ctx, s.db, "agricultural machinery: by plate", s.byPlate, func(m *sio.AgriculturalMachine) string { return m.Plate }, sqldb.List(s.db, plates))
}

// Insert bulk-loads machines (used by the data generator).
func (s *Store) Insert(ctx context.Context, ms []sio.AgriculturalMachine) error {
	return transportkit.Insert(ctx, s.db, "machines", columns, ms, func(m *sio.AgriculturalMachine) []any {
		return []any{m.Plate, m.KindRu, m.Make, m.Model, m.SerialNumber, m.EngineNumber, m.BuildYear, m.EnginePowerHP,
			m.OwnerID, string(m.OwnerKind), m.CertificateNumber, m.RegisteredBy, m.RegisteredAt, m.RegionKATO,
			string(m.Status), m.DeregisteredAt}
	})
}
