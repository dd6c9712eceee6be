// Package deportation is the connector to "Контроль процедуры выдворения
// иностранных граждан": decisions to expel foreign citizens (by a court
// for a migration offence, or as an additional punishment of a sentence),
// their deadline, execution, checkpoint and re-entry ban. Its data come
// from the justice model (connectors/justice): every expelled person is a
// foreign citizen of the population with the offence or conviction behind
// the decision.
package deportation

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "deportation"

//go:embed migrations/*.sql
var migrations embed.FS

var expulsions = justice.NewTable[sio.Expulsion]("expulsions")

// Store reads and loads Контроль процедуры выдворения.
type Store struct {
	db         *sqldb.DB
	byPerson   string
	byDecision string
}

var _ sio.ExpulsionRegistry = (*Store)(nil)

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
		db:         db,
		byPerson:   expulsions.Where(db, "person_iin", "person_iin, decision_date, decision_number"),
		byDecision: expulsions.Where(db, "decision_number", "decision_number"),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ExpulsionsByPerson returns the expulsions of each person, oldest first,
// in one statement.
func (s *Store) ExpulsionsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Expulsion, error) {
	return sqldb.Group(ctx, s.db, "deportation: by person", s.byPerson, func(e *sio.Expulsion) sio.IIN { return e.PersonIIN }, sqldb.List(s.db, iins))
}

// ExpulsionsByDecision returns the expulsions found among decision (court
// case) numbers, in one statement.
func (s *Store) ExpulsionsByDecision(ctx context.Context, numbers []string) (map[string]*sio.Expulsion, error) {
	return sqldb.Index(ctx, s.db, "deportation: by decision", s.byDecision, func(e *sio.Expulsion) string { return e.DecisionNumber }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads expulsions.
func (s *Store) Insert(ctx context.Context, es []sio.Expulsion) error {
	return expulsions.Insert(ctx, s.db, es)
}

// Filler loads the expulsions of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Expulsions) })
}
