// Package criminalweapons is the connector to База данных "Криминальное
// оружие": lost, stolen, seized and found weapons, by serial number. Lost
// and stolen registered weapons keep the serial number of Зарегистрированное
// оружие, which links the two databases.
package criminalweapons

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "criminal_weapons"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "event", "serial_number", "kind_ru", "make", "model", "caliber", "event_date", "place_ru",
	"region_kato", "erdr_number", "article", "initiator", "person_iin", "status", "found_at"}

// Store reads and loads Криминальное оружие.
type Store struct {
	db       *sqldb.DB
	bySerial string
	// registered and clear serve the generator (see Filler).
	registered string
	clear      string
}

var _ sio.CriminalWeaponRegistry = (*Store)(nil)

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
		bySerial: db.Q(transportkit.Select("criminal_weapons", columns) + db.In("serial_number") +
			` ORDER BY serial_number, event_date DESC, id DESC`),
		registered: db.Q(`SELECT * FROM {weapons}`),
		clear:      db.Q(`DELETE FROM {weapons}`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// CriminalRecordsBySerial returns the records of each serial number, latest
// first, in one statement. Records of weapons whose number was destroyed
// have no serial and are found by no lookup.
func (s *Store) CriminalRecordsBySerial(ctx context.Context, serials []string) (map[string][]sio.CriminalWeaponRecord, error) {
	return sqldb.Group(ctx, s.db, "criminal weapons: by serial", s.bySerial, func(c *sio.CriminalWeaponRecord) string { return c.SerialNumber }, sqldb.List(s.db, serials))
}

// Insert bulk-loads records (used by the data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.CriminalWeaponRecord) error {
	return transportkit.Insert(ctx, s.db, "criminal_weapons", columns, cs, func(c *sio.CriminalWeaponRecord) []any {
		var person any
		if c.PersonIIN != nil {
			person = string(*c.PersonIIN)
		}
		return []any{c.ID, string(c.Event), c.SerialNumber, c.KindRu, c.Make, c.Model, c.Caliber, c.EventDate, c.PlaceRu,
			c.RegionKATO, c.ERDRNumber, c.Article, c.Initiator, person, string(c.Status), c.FoundAt}
	})
}
