// Package fugitives is the connector to База данных "Скрывающихся от
// следствия/дознания": suspects declared wanted for evading the
// investigation, by person and by the ЕРДР number of the case. Its data
// come from the justice model (connectors/justice): every search belongs
// to a criminal case of the special records.
package fugitives

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "fugitives"

//go:embed migrations/*.sql
var migrations embed.FS

var fugitives = justice.NewTable[sio.FugitiveRecord]("fugitives")

// Store reads and loads Скрывающиеся от следствия/дознания.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.FugitiveRecord]
	byERDR   justice.Lookup[string, sio.FugitiveRecord]
}

var _ sio.FugitiveRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, fugitives, "person_iin", "person_iin, declared_at, search_case_number", func(f *sio.FugitiveRecord) sio.IIN { return f.PersonIIN }),
		byERDR:   justice.By(db, fugitives, "erdr_number", "erdr_number", func(f *sio.FugitiveRecord) string { return f.ERDRNumber }),
	}
}

// FugitivesByPerson returns the searches of each person, oldest first, in
// one statement.
func (s *Store) FugitivesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.FugitiveRecord, error) {
	return s.byPerson.Group(ctx, iins)
}

// FugitivesByERDR returns the search of each criminal case found among
// ЕРДР numbers, in one statement.
func (s *Store) FugitivesByERDR(ctx context.Context, numbers []string) (map[string]*sio.FugitiveRecord, error) {
	return s.byERDR.Index(ctx, numbers)
}

// Insert bulk-loads searches.
func (s *Store) Insert(ctx context.Context, fs []sio.FugitiveRecord) error {
	return fugitives.Insert(ctx, s.DB(), fs)
}

// Filler loads the searches of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Fugitives) })
}
