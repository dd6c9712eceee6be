// Package criminalvehicles is the connector to База данных "Криминальный
// автотранспорт": vehicles wanted after theft or hijacking or used in
// crimes, by VIN and by plate.
package criminalvehicles

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "criminal_vehicles"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "event", "vin", "plate", "make", "model", "color", "year", "owner_id", "owner_kind",
	"event_date", "place_ru", "region_kato", "erdr_number", "article", "initiator", "status", "found_at", "found_place_ru"}

func values(c *sio.CriminalVehicleRecord) []any {
	return []any{c.ID, string(c.Event), c.VIN, c.Plate, c.Make, c.Model, c.Color, c.Year, c.OwnerID, string(c.OwnerKind),
		c.EventDate, c.PlaceRu, c.RegionKATO, c.ERDRNumber, c.Article, c.Initiator, string(c.Status), c.FoundAt, c.FoundPlaceRu}
}

// Store reads and loads Криминальный автотранспорт.
type Store struct {
	*transportkit.Register[sio.CriminalVehicleRecord]
	byVIN, byPlate string
}

var _ sio.CriminalVehicleRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "criminal_vehicles", columns, values)
	return &Store{Register: g, byVIN: g.Lookup("vin", "vin, event_date DESC, id DESC"), byPlate: g.Lookup("plate", "plate, event_date DESC, id DESC")}
}

// CriminalRecordsByVIN returns each vehicle's records, latest first, in one
// statement.
func (s *Store) CriminalRecordsByVIN(ctx context.Context, vins []string) (map[string][]sio.CriminalVehicleRecord, error) {
	return transportkit.Group(ctx, s.Register, "criminal vehicles: by VIN", s.byVIN, func(c *sio.CriminalVehicleRecord) string { return c.VIN }, vins)
}

// CriminalRecordsByPlate returns the records of each plate (as at the
// event), latest first, in one statement.
func (s *Store) CriminalRecordsByPlate(ctx context.Context, plates []string) (map[string][]sio.CriminalVehicleRecord, error) {
	return transportkit.Group(ctx, s.Register, "criminal vehicles: by plate", s.byPlate, func(c *sio.CriminalVehicleRecord) string { return c.Plate }, plates)
}
