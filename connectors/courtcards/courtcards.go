// Package courtcards is the connector to База данных "Судебных карточек":
// the statistical cards (form 6) of criminal cases, one per defendant and
// verdict, by person and by court case number. Its data come from the
// justice model (connectors/justice): every verdict of a criminal case of
// the court database has its card.
package courtcards

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "court_cards"

//go:embed migrations/*.sql
var migrations embed.FS

var cards = justice.NewTable[sio.CourtCard]("court_cards")

// Store reads and loads Судебные карточки.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.CourtCard]
	byCase   justice.Lookup[string, sio.CourtCard]
}

var _ sio.CourtCardRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, cards, "person_iin", "person_iin, verdict_date, card_number", func(c *sio.CourtCard) sio.IIN { return c.PersonIIN }),
		byCase:   justice.By(db, cards, "case_number", "case_number, card_number", func(c *sio.CourtCard) string { return c.CaseNumber }),
	}
}

// CardsByPerson returns the cards of each person, oldest verdict first, in
// one statement.
func (s *Store) CardsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CourtCard, error) {
	return s.byPerson.Group(ctx, iins)
}

// CardsByCase returns the cards of each court case, in one statement.
func (s *Store) CardsByCase(ctx context.Context, caseNumbers []string) (map[string][]sio.CourtCard, error) {
	return s.byCase.Group(ctx, caseNumbers)
}

// Insert bulk-loads cards.
func (s *Store) Insert(ctx context.Context, cs []sio.CourtCard) error {
	return cards.Insert(ctx, s.DB(), cs)
}

// Filler loads the cards of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.CourtCards) })
}
