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

func values(t *sio.TechnicalInspection) []any {
	return []any{t.CardNumber, t.VIN, t.Plate, t.InspectedAt, t.Station, t.RegionKATO, string(t.Result), t.DefectsRu,
		t.MileageKm, t.NextDate}
}

// Store reads and loads Прохождение технического осмотра.
type Store struct {
	*transportkit.Register[sio.TechnicalInspection]
	byVehicle string
}

var _ sio.TechnicalInspectionRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "inspections", columns, values)
	return &Store{Register: g, byVehicle: g.Lookup("vin", "vin, inspected_at DESC, card_number DESC")}
}

// InspectionsByVehicle returns each vehicle's inspections (by VIN), latest
// first, in one statement.
func (s *Store) InspectionsByVehicle(ctx context.Context, vins []string) (map[string][]sio.TechnicalInspection, error) {
	return transportkit.Group(ctx, s.Register, "technical inspections: by vehicle", s.byVehicle, func(t *sio.TechnicalInspection) string { return t.VIN }, vins)
}
