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
	justice.Store
	byPerson   justice.Lookup[sio.IIN, sio.Expulsion]
	byDecision justice.Lookup[string, sio.Expulsion]
}

var _ sio.ExpulsionRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson:   justice.By(db, expulsions, "person_iin", "person_iin, decision_date, decision_number", func(e *sio.Expulsion) sio.IIN { return e.PersonIIN }),
		byDecision: justice.By(db, expulsions, "decision_number", "decision_number", func(e *sio.Expulsion) string { return e.DecisionNumber }),
	}
}

// ExpulsionsByPerson returns the expulsions of each person, oldest first,
// in one statement.
func (s *Store) ExpulsionsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Expulsion, error) {
	return s.byPerson.Group(ctx, iins)
}

// ExpulsionsByDecision returns the expulsions found among decision (court
// case) numbers, in one statement.
func (s *Store) ExpulsionsByDecision(ctx context.Context, numbers []string) (map[string]*sio.Expulsion, error) {
	return s.byDecision.Index(ctx, numbers)
}

// Insert bulk-loads expulsions.
func (s *Store) Insert(ctx context.Context, es []sio.Expulsion) error {
	return expulsions.Insert(ctx, s.DB(), es)
}

// Filler loads the expulsions of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Expulsions) })
}
