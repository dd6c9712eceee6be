// Package persons is the connector to ГБД ФЛ (Государственная база данных
// "Физические лица"), the state database of individuals.
package persons

import (
	"context"
	"embed"
	"strings"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "gbd_fl"

//go:embed migrations/*.sql
var migrations embed.FS

const columns = `iin, last_name, first_name, middle_name, birth_date, gender, nationality,
	citizenship, birth_place, region_kato, address, document_number, death_date`

// Store reads and loads ГБД ФЛ.
type Store struct {
	db          *sqldb.DB
	byIINs      string
	namesByIINs string
	residents   string
}

var (
	_ sio.PersonRegistry = (*Store)(nil)
	_ sio.PersonNames    = (*Store)(nil)
)

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
		db:          db,
		byIINs:      db.Q(`SELECT ` + columns + ` FROM {persons} WHERE ` + db.In("iin")),
		namesByIINs: db.Q(`SELECT iin, last_name, first_name, middle_name, birth_date FROM {persons} WHERE ` + db.In("iin")),
		residents:   residentsQuery(db),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// PersonsByIIN returns the persons found among iins, in one statement.
func (s *Store) PersonsByIIN(ctx context.Context, iins []sio.IIN) (map[sio.IIN]*sio.Person, error) {
	return sqldb.Index(ctx, s.db, "persons: by iin", s.byIINs, func(r *sio.Person) sio.IIN { return r.IIN }, sqldb.List(s.db, iins))
}

// PersonNamesByIIN returns the names and birth dates of the persons found
// among iins, in one statement.
func (s *Store) PersonNamesByIIN(ctx context.Context, iins []sio.IIN) (map[sio.IIN]*sio.PersonName, error) {
	return sqldb.Index(ctx, s.db, "persons: names by iin", s.namesByIINs, func(r *sio.PersonName) sio.IIN { return r.IIN }, sqldb.List(s.db, iins))
}

// NameKey is the normalized search key of a full name: upper case, Ё folded
// to Е, single spaces. strings.ToUpper handles the Kazakh letters
// (ә→Ә, қ→Қ, ң→Ң, ө→Ө, ұ→Ұ, ү→Ү, һ→Һ, і→І).
func NameKey(last, first, middle string) string {
	s := strings.Join(strings.Fields(last+" "+first+" "+middle), " ")
	return strings.ReplaceAll(strings.ToUpper(s), "Ё", "Е")
}

// Insert bulk-loads persons (used by the data generator).
func (s *Store) Insert(ctx context.Context, ps []sio.Person) error {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = []any{string(p.IIN), p.LastName, p.FirstName, p.MiddleName, p.BirthDate, string(p.Gender),
			p.Nationality, p.Citizenship, p.BirthPlace, p.RegionKATO, p.Address, p.DocumentNumber, p.DeathDate,
			NameKey(p.LastName, p.FirstName, p.MiddleName)}
	}
	return s.db.BulkInsert(ctx, "persons", []string{"iin", "last_name", "first_name", "middle_name", "birth_date",
		"gender", "nationality", "citizenship", "birth_place", "region_kato", "address", "document_number",
		"death_date", "name_key"}, rows)
}

// Count returns the number of persons (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "persons")
}
