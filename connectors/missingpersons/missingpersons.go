// Package missingpersons is the connector to База данных "Без вести
// пропавших": persons reported missing, by person and by search case. Its
// data come from the justice model (connectors/justice): a missing person
// is alive in ГБД ФЛ and was neither in prison nor hiding from an
// investigation when last seen.
package missingpersons

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "missing_persons"

//go:embed migrations/*.sql
var migrations embed.FS

var missing = justice.NewTable[sio.MissingPersonRecord]("missing_persons")

// Store reads and loads Без вести пропавшие.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.MissingPersonRecord]
	byCase   justice.Lookup[string, sio.MissingPersonRecord]
}

var _ sio.MissingPersonRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, missing, "person_iin", "person_iin, reported_at, search_case_number", func(m *sio.MissingPersonRecord) sio.IIN { return m.PersonIIN }),
		byCase:   justice.By(db, missing, "search_case_number", "search_case_number", func(m *sio.MissingPersonRecord) string { return m.SearchCaseNumber }),
	}
}

// MissingByPerson returns the reports of each person, oldest first, in one
// statement.
func (s *Store) MissingByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.MissingPersonRecord, error) {
	return s.byPerson.Group(ctx, iins)
}

// MissingByCase returns the reports found among search case numbers, in
// one statement.
func (s *Store) MissingByCase(ctx context.Context, numbers []string) (map[string]*sio.MissingPersonRecord, error) {
	return s.byCase.Index(ctx, numbers)
}

// Insert bulk-loads reports.
func (s *Store) Insert(ctx context.Context, ms []sio.MissingPersonRecord) error {
	return missing.Insert(ctx, s.DB(), ms)
}

// Filler loads the reports of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Missing) })
}
