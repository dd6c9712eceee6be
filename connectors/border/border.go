// Package border is the connector to the border service's databases of
// crossings of the state border: Пересечение государственной границы
// гражданами РК (service 33) and иностранными гражданами (service 34), with
// the foreigners' records (passport data, purpose, receiving party).
package border

import (
	"context"
	"embed"
	"sio"
	"sio/connectors/popdocs"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "border_crossings"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	crossingColumns = []string{"id", "iin", "crossed_at", "direction", "checkpoint_code", "checkpoint_ru", "checkpoint_kind",
		"region_kato", "country_code", "document_kind", "document_number", "transport", "flight_number", "train_number",
		"vehicle_plate", "route_ru", "carrier_ru"}
	foreignerColumns = append([]string{"traveller_id"}, crossingColumns...)
	travellerColumns = []string{"id", "iin", "last_name", "first_name", "birth_date", "gender", "citizenship",
		"passport_number", "passport_expiry", "purpose_ru", "host_id", "host_kind"}
)

// Store reads and loads the crossings.
type Store struct {
	db                   *sqldb.DB
	citizens             string
	foreignersByPerson   string
	foreignersByID       string
	travellersByID       string
	travellersByPassport string
	travellersByHost     string
}

var _ sio.BorderCrossings = (*Store)(nil)

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
	// The IIN of a foreigner's crossing is NULL for visitors: read as "".
	sel := func(cols []string, table string) string {
		out := ""
		for i, c := range cols {
			if i > 0 {
				out += ", "
			}
			if c == "iin" {
				c = "COALESCE(iin, '') AS iin"
			}
			out += c
		}
		return `SELECT ` + out + ` FROM {` + table + `} WHERE `
	}
	travellers := `SELECT ` + sqldb.Columns(travellerColumns) + ` FROM {foreign_travellers} WHERE `
	return &Store{
		db:                   db,
		citizens:             db.Q(sel(crossingColumns, "citizen_crossings") + db.In("iin") + ` ORDER BY iin, crossed_at, id`),
		foreignersByPerson:   db.Q(sel(foreignerColumns, "foreigner_crossings") + db.In("iin") + ` ORDER BY iin, crossed_at, id`),
		foreignersByID:       db.Q(sel(foreignerColumns, "foreigner_crossings") + db.In("traveller_id") + ` ORDER BY traveller_id, crossed_at, id`),
		travellersByID:       db.Q(travellers + db.In("id")),
		travellersByPassport: db.Q(travellers + db.In("passport_number") + ` ORDER BY passport_number, citizenship, id`),
		travellersByHost:     db.Q(travellers + db.In("host_id") + ` ORDER BY host_id, id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// CitizenCrossings returns each citizen's crossings, oldest first, in one
// statement.
func (s *Store) CitizenCrossings(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.BorderCrossing, error) {
	return sqldb.Group(ctx, s.db, "border: citizens' crossings", s.citizens,
		func(c *sio.BorderCrossing) sio.IIN { return sio.IIN(c.IIN) }, sqldb.List(s.db, iins))
}

// ForeignerCrossingsByPerson returns the crossings of foreigners registered
// in ГБД ФЛ, oldest first, in one statement.
func (s *Store) ForeignerCrossingsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.BorderCrossing, error) {
	return sqldb.Group(ctx, s.db, "border: foreigners' crossings by person", s.foreignersByPerson,
		func(c *sio.BorderCrossing) sio.IIN { return sio.IIN(c.IIN) }, sqldb.List(s.db, iins))
}

// ForeignerCrossingsByTraveller returns each traveller's crossings, oldest
// first, in one statement.
func (s *Store) ForeignerCrossingsByTraveller(ctx context.Context, ids []int64) (map[int64][]sio.BorderCrossing, error) {
	return sqldb.Group(ctx, s.db, "border: foreigners' crossings by traveller", s.foreignersByID,
		func(c *sio.BorderCrossing) int64 { return *c.TravellerID }, popdocs.IDList(s.db, ids))
}

// TravellersByID returns the travellers found among ids, in one statement.
func (s *Store) TravellersByID(ctx context.Context, ids []int64) (map[int64]*sio.ForeignTraveller, error) {
	return sqldb.Index(ctx, s.db, "border: travellers by id", s.travellersByID,
		func(t *sio.ForeignTraveller) int64 { return t.ID }, popdocs.IDList(s.db, ids))
}

// TravellersByPassport returns the travellers holding each passport number,
// in one statement.
func (s *Store) TravellersByPassport(ctx context.Context, numbers []string) (map[string][]sio.ForeignTraveller, error) {
	return sqldb.Group(ctx, s.db, "border: travellers by passport", s.travellersByPassport,
		func(t *sio.ForeignTraveller) string { return t.PassportNumber }, sqldb.List(s.db, numbers))
}

// TravellersByHost returns the foreigners each person or entity received, in
// one statement.
func (s *Store) TravellersByHost(ctx context.Context, hosts []string) (map[string][]sio.ForeignTraveller, error) {
	return sqldb.Group(ctx, s.db, "border: travellers by host", s.travellersByHost,
		func(t *sio.ForeignTraveller) string { return *t.HostID }, sqldb.List(s.db, hosts))
}

// Filler returns the generator of the crossings (see Journeys.Batch).
func (s *Store) Filler(seed int64) synth.Filler {
	j := NewJourneys(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		return s.Insert(ctx, j.Batch(b))
	}
}

func crossingRow(c *sio.BorderCrossing) []any {
	var iin any
	if c.IIN != "" {
		iin = c.IIN
	}
	return []any{c.ID, iin, c.CrossedAt, string(c.Direction), c.Code, c.NameRu, string(c.Kind), c.RegionKATO,
		c.CountryCode, string(c.DocumentKind), c.DocumentNumber, string(c.Transport), c.FlightNumber, c.TrainNumber,
		c.VehiclePlate, c.RouteRu, c.CarrierRu}
}

// Insert bulk-loads the records of a batch (used by the data generator).
func (s *Store) Insert(ctx context.Context, rec Records) error {
	citizens := make([][]any, len(rec.Citizens))
	for i := range rec.Citizens {
		citizens[i] = crossingRow(&rec.Citizens[i])
	}
	travellers := make([][]any, len(rec.Travellers))
	for i, t := range rec.Travellers {
		var kind any
		if t.HostKind != nil {
			kind = string(*t.HostKind)
		}
		var iin any
		if t.IIN != nil {
			iin = string(*t.IIN)
		}
		travellers[i] = []any{t.ID, iin, t.LastName, t.FirstName, t.BirthDate, string(t.Gender), t.Citizenship,
			t.PassportNumber, t.PassportExpiry, t.PurposeRu, t.HostID, kind}
	}
	foreigners := make([][]any, len(rec.Foreigners))
	for i := range rec.Foreigners {
		c := &rec.Foreigners[i]
		foreigners[i] = append([]any{*c.TravellerID}, crossingRow(c)...)
	}
	if err := s.db.BulkInsert(ctx, "citizen_crossings", crossingColumns, citizens); err != nil {
		return err
	}
	if err := s.db.BulkInsert(ctx, "foreign_travellers", travellerColumns, travellers); err != nil {
		return err
	}
	return s.db.BulkInsert(ctx, "foreigner_crossings", foreignerColumns, foreigners)
}
