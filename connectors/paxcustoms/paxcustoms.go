// Package paxcustoms is the connector to БД "Сведения по пассажирским
// таможенным декларациям": the passenger customs declarations (ПТД) filed by
// persons at the border, with the goods and cash they declared and the
// vehicle, if any.
package paxcustoms

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "passenger_customs"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	declColumns = []string{"number", "iin", "declared_at", "direction", "customs_post_code", "customs_post_ru", "checkpoint_code",
		"checkpoint_ru", "checkpoint_kind", "region_kato", "country_code", "transport", "flight_number", "train_number",
		"vehicle_plate", "vehicle_vin", "total_value_tiyn", "duty_tiyn", "decision_ru"}
	itemColumns = []string{"declaration_number", "line", "kind", "description_ru", "hs_code", "quantity", "unit_ru",
		"weight_kg", "value_tiyn", "currency", "currency_minor"}
)

// Store reads and loads the declarations.
type Store struct {
	db       *sqldb.DB
	byPerson string
	byNumber string
	items    string
}

var _ sio.PassengerDeclarations = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(declColumns) + ` FROM {declarations} WHERE `
	return &Store{
		db:       db,
		byPerson: db.Q(sel + db.In("iin") + ` ORDER BY iin, declared_at, number`),
		byNumber: db.Q(sel + db.In("number")),
		items: db.Q(`SELECT ` + sqldb.Columns(itemColumns) + ` FROM {declaration_items} WHERE ` + db.In("declaration_number") +
			` ORDER BY declaration_number, line`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// DeclarationsByPerson returns each person's declarations, oldest first, in
// one statement.
func (s *Store) DeclarationsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.PassengerDeclaration, error) {
	return sqldb.Group(ctx, s.db, "passenger_customs: by person", s.byPerson,
		func(d *sio.PassengerDeclaration) sio.IIN { return d.IIN }, sqldb.List(s.db, iins))
}

// DeclarationsByNumber returns the declarations found among numbers, in one
// statement.
func (s *Store) DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*sio.PassengerDeclaration, error) {
	return sqldb.Index(ctx, s.db, "passenger_customs: by number", s.byNumber,
		func(d *sio.PassengerDeclaration) string { return d.Number }, sqldb.List(s.db, numbers))
}

// ItemsByDeclaration returns the lines of each declaration, in order, in one
// statement.
func (s *Store) ItemsByDeclaration(ctx context.Context, numbers []string) (map[string][]sio.DeclarationItem, error) {
	return sqldb.Group(ctx, s.db, "passenger_customs: items", s.items,
		func(i *sio.DeclarationItem) string { return i.DeclarationNumber }, sqldb.List(s.db, numbers))
}

// Filler returns the generator of the declarations (see Declarer.Batch).
func (s *Store) Filler(seed int64) synth.Filler {
	d := NewDeclarer(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		decls, items := d.Batch(b)
		return s.Insert(ctx, decls, items)
	}
}

// Insert bulk-loads declarations and their lines (used by the data
// generator).
func (s *Store) Insert(ctx context.Context, decls []sio.PassengerDeclaration, items []sio.DeclarationItem) error {
	rows := make([][]any, len(decls))
	for i, d := range decls {
		rows[i] = []any{d.Number, string(d.IIN), d.DeclaredAt, string(d.Direction), d.CustomsPostCode, d.CustomsPostRu, d.Code,
			d.NameRu, string(d.Kind), d.RegionKATO, d.CountryCode, string(d.Transport), d.FlightNumber, d.TrainNumber,
			d.VehiclePlate, d.VehicleVIN, d.TotalValueTiyn, d.DutyTiyn, d.DecisionRu}
	}
	if err := s.db.BulkInsert(ctx, "declarations", declColumns, rows); err != nil {
		return err
	}
	rows = make([][]any, len(items))
	for i, it := range items {
		rows[i] = []any{it.DeclarationNumber, it.Line, string(it.Kind), it.DescriptionRu, it.HSCode, it.Quantity, it.UnitRu,
			it.WeightKg, it.ValueTiyn, it.Currency, it.CurrencyMinor}
	}
	return s.db.BulkInsert(ctx, "declaration_items", itemColumns, rows)
}
