// Package vehiclecustoms is the connector to База данных "Сведения по
// декларациям на транспортное средство": the customs declarations of
// imported vehicles, by VIN and by declaration number.
package vehiclecustoms

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "vehicle_customs"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"number", "declared_at", "customs_post_ru", "declarant_id", "declarant_kind", "vin", "make", "model",
	"year", "engine_cc", "origin_country_ru", "dispatch_country_ru", "customs_value_tiyn", "duty_tiyn", "vat_tiyn",
	"excise_tiyn", "fee_tiyn"}

func values(d *sio.VehicleCustomsDeclaration) []any {
	return []any{d.Number, d.DeclaredAt, d.CustomsPostRu, d.DeclarantID, string(d.DeclarantKind), d.VIN, d.Make, d.Model,
		d.Year, d.EngineCC, d.OriginCountryRu, d.DispatchCountryRu, d.CustomsValueTiyn, d.DutyTiyn, d.VATTiyn,
		d.ExciseTiyn, d.FeeTiyn}
}

// Store reads and loads Сведения по декларациям на транспортное средство.
type Store struct {
	*transportkit.Register[sio.VehicleCustomsDeclaration]
	byVIN, byNumber string
}

var _ sio.VehicleCustomsRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "declarations", columns, values)
	// byVIN oldest first: Index keeps the last row of a key, the latest
	// declaration of a vehicle imported more than once.
	return &Store{Register: g, byVIN: g.Lookup("vin", "vin, declared_at, number"), byNumber: g.Lookup("number", "")}
}

// DeclarationsByVIN returns the latest declaration of each vehicle, in one
// statement.
func (s *Store) DeclarationsByVIN(ctx context.Context, vins []string) (map[string]*sio.VehicleCustomsDeclaration, error) {
	return transportkit.Index(ctx, s.Register, "vehicle customs: by VIN", s.byVIN, func(d *sio.VehicleCustomsDeclaration) string { return d.VIN }, vins)
}

// DeclarationsByNumber returns the declarations found among numbers, in one
// statement.
func (s *Store) DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*sio.VehicleCustomsDeclaration, error) {
	return transportkit.Index(ctx, s.Register, "vehicle customs: by number", s.byNumber, func(d *sio.VehicleCustomsDeclaration) string { return d.Number }, numbers)
}
