// Package enforcement is the connector to База данных "Исполнительных
// производств" (АИС ОИП): enforcement proceedings against persons and
// companies (alimony, loans, utilities, fines, commercial and tax debts),
// by debtor and by number, with the measures the bailiff imposed. Its data
// come from the justice model (connectors/justice): every proceeding
// executes a court case, a notary's executive inscription or an
// administrative ruling that exists in its own register.
package enforcement

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "enforcement"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	proceedings  = justice.NewTable[sio.EnforcementProceeding]("proceedings")
	restrictions = justice.NewTable[sio.EnforcementRestriction]("restrictions")
)

// Store reads and loads Исполнительные производства.
type Store struct {
	justice.Store
	byDebtor       justice.Lookup[string, sio.EnforcementProceeding]
	byNumber       justice.Lookup[string, sio.EnforcementProceeding]
	restrictionsOf justice.Lookup[string, sio.EnforcementRestriction]
}

var _ sio.EnforcementRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byDebtor: justice.By(db, proceedings, "debtor_id", "debtor_id, opened_at DESC, number", func(p *sio.EnforcementProceeding) string { return p.DebtorID }),
		byNumber: justice.By(db, proceedings, "number", "number", func(p *sio.EnforcementProceeding) string { return p.Number }),
		restrictionsOf: justice.By(db, restrictions, "proceeding_number", "proceeding_number, imposed_at, kind",
			func(r *sio.EnforcementRestriction) string { return r.ProceedingNumber }),
	}
}

// ProceedingsByDebtor returns the proceedings against each debtor (IIN or
// BIN), newest first, in one statement.
func (s *Store) ProceedingsByDebtor(ctx context.Context, ids []string) (map[string][]sio.EnforcementProceeding, error) {
	return s.byDebtor.Group(ctx, ids)
}

// ProceedingsByNumber returns the proceedings found among numbers, in one
// statement.
func (s *Store) ProceedingsByNumber(ctx context.Context, numbers []string) (map[string]*sio.EnforcementProceeding, error) {
	return s.byNumber.Index(ctx, numbers)
}

// RestrictionsByProceeding returns the measures of each proceeding, in the
// order imposed, in one statement.
func (s *Store) RestrictionsByProceeding(ctx context.Context, numbers []string) (map[string][]sio.EnforcementRestriction, error) {
	return s.restrictionsOf.Group(ctx, numbers)
}

// Insert bulk-loads proceedings and their measures.
func (s *Store) Insert(ctx context.Context, ps []sio.EnforcementProceeding, rs []sio.EnforcementRestriction) error {
	if err := proceedings.Insert(ctx, s.DB(), ps); err != nil {
		return err
	}
	return restrictions.Insert(ctx, s.DB(), rs)
}

// Filler loads the proceedings of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Proceedings, f.Restrictions) })
}
