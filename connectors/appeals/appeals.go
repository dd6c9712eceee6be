// Package appeals is the connector to База данных "Единый учет обращений
// лиц": the appeals of persons to state bodies — statements, complaints,
// proposals, requests and reports of criminal offences (registered in the
// police's book of information, КУИ) — by person and by number, with the
// body, the topic and the answer.
package appeals

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "appeals"

//go:embed migrations/*.sql
var migrations embed.FS

var appeals = justice.NewTable[sio.Appeal]("appeals")

// Store reads and loads Единый учет обращений лиц.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.Appeal]
	byNumber justice.Lookup[string, sio.Appeal]
}

var _ sio.AppealRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, appeals, "person_iin", "person_iin, submitted_at DESC, number", func(a *sio.Appeal) sio.IIN { return a.PersonIIN }),
		byNumber: justice.By(db, appeals, "number", "number", func(a *sio.Appeal) string { return a.Number }),
	}
}

// AppealsByPerson returns the appeals of each person, newest first, in one
// statement.
func (s *Store) AppealsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Appeal, error) {
	return s.byPerson.Group(ctx, iins)
}

// AppealsByNumber returns the appeals found among numbers, in one statement.
func (s *Store) AppealsByNumber(ctx context.Context, numbers []string) (map[string]*sio.Appeal, error) {
	return s.byNumber.Index(ctx, numbers)
}

// Insert bulk-loads appeals.
func (s *Store) Insert(ctx context.Context, as []sio.Appeal) error {
	return appeals.Insert(ctx, s.DB(), as)
}
