// Package techinspections is the connector to Прохождение технического
// осмотра: the technical inspections of vehicles at inspection centres, by
// vehicle.
package techinspections

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "technical_inspections"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"card_number", "vin", "plate", "inspected_at", "station", "region_kato", "result", "defects_ru",
	"mileage_km", "next_date"}

// Store reads and loads Прохождение технического осмотра.
type Store struct {
	db        *sqldb.DB
	byVehicle string
}

var _ sio.TechnicalInspectionRegistry = (*Store)(nil)

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
		db: db,
		byVehicle: db.Q(transportkit.Select("inspections", columns) + db.In("vin") +
			` ORDER BY vin, inspected_at DESC, card_number DESC`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// InspectionsByVehicle returns each vehicle's inspections (by VIN), latest
// first, in one statement.
func (s *Store) InspectionsByVehicle(ctx context.Context, vins []string) (map[string][]sio.TechnicalInspection, error) {
	return sqldb.Group(ctx, s.db, "technical inspections: by vehicle", s.byVehicle, func(t *sio.TechnicalInspection) string { return t.VIN }, sqldb.List(s.db, vins))
}

// Insert bulk-loads inspections (used by the data generator).
func (s *Store) Insert(ctx context.Context, ts []sio.TechnicalInspection) error {
	return transportkit.Insert(ctx, s.db, "inspections", columns, ts, func(t *sio.TechnicalInspection) []any {
		return []any{t.CardNumber, t.VIN, t.Plate, t.InspectedAt, t.Station, t.RegionKATO, string(t.Result), t.DefectsRu,
			t.MileageKm, t.NextDate}
	})
}
