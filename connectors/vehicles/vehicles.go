// Package vehicles is the connector to Транспортные средства (the state
// register of motor vehicles): vehicles by VIN and by number plate, and the
// vehicles registered to a person or legal entity.
package vehicles

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "vehicles"

//go:embed migrations/*.sql
var migrations embed.FS

const columns = `vin, plate, make, model, year, color, body_type, engine_cc, certificate_no,
	registration_date, owner_id, owner_kind`

// Store reads and loads Транспортные средства.
type Store struct {
	db      *sqldb.DB
	byVIN   string
	byPlate string
	byOwner string
	// byOwnerTop is byOwner capped per owner (link graphs).
	byOwnerTop string
}

var _ sio.VehicleRegistry = (*Store)(nil)

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
		db:         db,
		byVIN:      db.Q(`SELECT ` + columns + ` FROM {vehicles} WHERE ` + db.In("vin")),
		byPlate:    db.Q(`SELECT ` + columns + ` FROM {vehicles} WHERE ` + db.In("plate")),
		byOwner:    db.Q(`SELECT ` + columns + ` FROM {vehicles} WHERE ` + db.In("owner_id") + ` ORDER BY registration_date, vin`),
		byOwnerTop: db.Q(sqldb.TopPerKey(columns, `{vehicles} WHERE `+db.In("owner_id"), "owner_id", "registration_date, vin")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// VehiclesByVIN returns the vehicles found among vins, in one statement.
func (s *Store) VehiclesByVIN(ctx context.Context, vins []string) (map[string]*sio.Vehicle, error) {
	return sqldb.Index(ctx, s.db, "vehicles: by vin", s.byVIN, func(v *sio.Vehicle) string { return v.VIN }, sqldb.List(s.db, vins))
}

// VehiclesByPlate returns the vehicles found among number plates, in one
// statement.
func (s *Store) VehiclesByPlate(ctx context.Context, plates []string) (map[string]*sio.Vehicle, error) {
	return sqldb.Index(ctx, s.db, "vehicles: by plate", s.byPlate, func(v *sio.Vehicle) string { return v.Plate }, sqldb.List(s.db, plates))
}

// VehiclesByOwner returns the vehicles of each owner (IIN or BIN) among
// owners, oldest registration first, in one statement.
func (s *Store) VehiclesByOwner(ctx context.Context, owners []string) (map[string][]sio.Vehicle, error) {
	return sqldb.Group(ctx, s.db, "vehicles: by owner", s.byOwner, func(v *sio.Vehicle) string { return v.OwnerID }, sqldb.List(s.db, owners))
}

type vehicleRow struct {
	sio.Vehicle
	Total int `db:"total"`
}

// VehiclesByOwnerCapped returns, for each owner among owners, at most per
// of its vehicles (oldest registration first) and how many it has, in one
// statement: a leasing company or a fleet with thousands of vehicles is a
// hub of a relationship graph, read a few rows at a time.
func (s *Store) VehiclesByOwnerCapped(ctx context.Context, owners []string, per int) (map[string][]sio.Vehicle, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "vehicles: by owner (capped)", s.byOwnerTop,
		func(r *vehicleRow) (string, sio.Vehicle, int) { return r.OwnerID, r.Vehicle, r.Total },
		sqldb.List(s.db, owners), per)
}

// Insert bulk-loads vehicles (used by the data generator).
func (s *Store) Insert(ctx context.Context, vs []sio.Vehicle) error {
	rows := make([][]any, len(vs))
	for i, v := range vs {
		rows[i] = []any{v.VIN, v.Plate, v.Make, v.Model, v.Year, v.Color, v.BodyType, v.EngineCC, v.CertificateNo,
			v.RegistrationDate, v.OwnerID, string(v.OwnerKind)}
	}
	return s.db.BulkInsert(ctx, "vehicles", []string{"vin", "plate", "make", "model", "year", "color", "body_type",
		"engine_cc", "certificate_no", "registration_date", "owner_id", "owner_kind"}, rows)
}

// Count returns the number of vehicles (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "vehicles")
}
