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

func values(c *sio.CriminalWeaponRecord) []any {
	var person any
	if c.PersonIIN != nil {
		person = string(*c.PersonIIN)
	}
	return []any{c.ID, string(c.Event), c.SerialNumber, c.KindRu, c.Make, c.Model, c.Caliber, c.EventDate, c.PlaceRu,
		c.RegionKATO, c.ERDRNumber, c.Article, c.Initiator, person, string(c.Status), c.FoundAt}
}

// Store reads and loads Криминальное оружие.
type Store struct {
	*transportkit.Register[sio.CriminalWeaponRecord]
	bySerial string
}

var _ sio.CriminalWeaponRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "criminal_weapons", columns, values)
	return &Store{Register: g, bySerial: g.Lookup("serial_number", "serial_number, event_date DESC, id DESC")}
}

// CriminalRecordsBySerial returns the records of each serial number, latest
// first, in one statement. Records of weapons whose number was destroyed
// have no serial and are found by no lookup.
func (s *Store) CriminalRecordsBySerial(ctx context.Context, serials []string) (map[string][]sio.CriminalWeaponRecord, error) {
	return transportkit.Group(ctx, s.Register, "criminal weapons: by serial", s.bySerial, func(c *sio.CriminalWeaponRecord) string { return c.SerialNumber }, serials)
}
