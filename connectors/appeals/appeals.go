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
	db       *sqldb.DB
	byPerson string
	byNumber string
}

var _ sio.AppealRegistry = (*Store)(nil)

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
		db:       db,
		byPerson: appeals.Where(db, "person_iin", "person_iin, submitted_at DESC, number"),
		byNumber: appeals.Where(db, "number", "number"),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// AppealsByPerson returns the appeals of each person, newest first, in one
// statement.
func (s *Store) AppealsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Appeal, error) {
	return sqldb.Group(ctx, s.db, "appeals: by person", s.byPerson, func(a *sio.Appeal) sio.IIN { return a.PersonIIN }, sqldb.List(s.db, iins))
}

// AppealsByNumber returns the appeals found among numbers, in one statement.
func (s *Store) AppealsByNumber(ctx context.Context, numbers []string) (map[string]*sio.Appeal, error) {
	return sqldb.Index(ctx, s.db, "appeals: by number", s.byNumber, func(a *sio.Appeal) string { return a.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads appeals.
func (s *Store) Insert(ctx context.Context, as []sio.Appeal) error {
	return appeals.Insert(ctx, s.db, as)
}
