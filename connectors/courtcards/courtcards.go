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
	db       *sqldb.DB
	byPerson string
	byCase   string
}

var _ sio.CourtCardRegistry = (*Store)(nil)

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
		byPerson: cards.Where(db, "person_iin", "person_iin, verdict_date, card_number"),
		byCase:   cards.Where(db, "case_number", "case_number, card_number"),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// CardsByPerson returns the cards of each person, oldest verdict first, in
// one statement.
func (s *Store) CardsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CourtCard, error) {
	return sqldb.Group(ctx, s.db, "court cards: by person", s.byPerson, func(c *sio.CourtCard) sio.IIN { return c.PersonIIN }, sqldb.List(s.db, iins))
}

// CardsByCase returns the cards of each court case, in one statement.
func (s *Store) CardsByCase(ctx context.Context, caseNumbers []string) (map[string][]sio.CourtCard, error) {
	return sqldb.Group(ctx, s.db, "court cards: by case", s.byCase, func(c *sio.CourtCard) string { return c.CaseNumber }, sqldb.List(s.db, caseNumbers))
}

// Insert bulk-loads cards.
func (s *Store) Insert(ctx context.Context, cs []sio.CourtCard) error {
	return cards.Insert(ctx, s.db, cs)
}

// Filler loads the cards of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.CourtCards) })
}
