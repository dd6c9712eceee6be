// Package courts is the connector to База данных "Судебных органов": the
// court cases (criminal, civil, administrative) of persons and companies,
// by party and by case number, with their parties. Its data come from the
// justice model (connectors/justice): the criminal cases of the special
// records, divorces and alimony, claims of banks, utilities and companies,
// administrative offences decided by a court.
package courts

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "courts"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	cases   = justice.NewTable[sio.CourtCase]("court_cases")
	parties = justice.NewTable[sio.CourtParty]("court_parties")
)

// Store reads and loads Судебные органы.
type Store struct {
	justice.Store
	byParty   string
	byNumber  justice.Lookup[string, sio.CourtCase]
	partiesOf justice.Lookup[string, sio.CourtParty]
}

var _ sio.CourtRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byParty: db.Q(`SELECT ` + cases.Columns("c") + `, p.subject_id AS party_id, p.role AS party_role, p.role_ru AS party_role_ru
			FROM {court_parties} p JOIN {court_cases} c ON c.number = p.case_number
			WHERE ` + db.In("p.subject_id") + `
			ORDER BY p.subject_id, c.received_at DESC, c.number`),
		byNumber: justice.By(db, cases, "number", "number", func(c *sio.CourtCase) string { return c.Number }),
		partiesOf: justice.By(db, parties, "case_number", "case_number, CASE role WHEN 'PLAINTIFF' THEN 1 WHEN 'DEFENDANT' THEN 2 ELSE 3 END, name_ru",
			func(p *sio.CourtParty) string { return p.CaseNumber }),
	}
}

// CasesByParty returns the cases each subject (IIN or BIN) is a party of,
// with its role, newest first, in one statement.
func (s *Store) CasesByParty(ctx context.Context, ids []string) (map[string][]sio.PartyCase, error) {
	return sqldb.Group(ctx, s.DB(), "courts: by party", s.byParty, func(c *sio.PartyCase) string { return c.PartyID }, sqldb.List(s.DB(), ids))
}

// CasesByNumber returns the cases found among numbers, in one statement.
func (s *Store) CasesByNumber(ctx context.Context, numbers []string) (map[string]*sio.CourtCase, error) {
	return s.byNumber.Index(ctx, numbers)
}

// PartiesByCase returns the parties of each case (plaintiff first), in one
// statement.
func (s *Store) PartiesByCase(ctx context.Context, numbers []string) (map[string][]sio.CourtParty, error) {
	return s.partiesOf.Group(ctx, numbers)
}

// Insert bulk-loads cases and their parties.
func (s *Store) Insert(ctx context.Context, cs []sio.CourtCase, ps []sio.CourtParty) error {
	if err := cases.Insert(ctx, s.DB(), cs); err != nil {
		return err
	}
	return parties.Insert(ctx, s.DB(), ps)
}

// Filler loads the court cases of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error {
		return s.Insert(ctx, f.CourtCases, f.CourtParties)
	})
}
