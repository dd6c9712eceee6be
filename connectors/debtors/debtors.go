// Package debtors is the connector to "Сведения о должниках и ответчиках":
// the temporary restrictions on leaving Kazakhstan of debtors (imposed by
// the bailiff of an enforcement proceeding) and of defendants (imposed by
// the court of a civil case as security of the claim), by person. Its data
// come from the justice model (connectors/justice): every restriction is a
// measure of a proceeding or a court case of the other registers.
package debtors

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "debtors"

//go:embed migrations/*.sql
var migrations embed.FS

var restrictions = justice.NewTable[sio.DebtorRestriction]("restrictions")

// Store reads and loads Сведения о должниках и ответчиках.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.DebtorRestriction]
	byBasis  justice.Lookup[string, sio.DebtorRestriction]
}

var _ sio.DebtorRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, restrictions, "person_iin", "person_iin, restricted_from DESC, id", func(d *sio.DebtorRestriction) sio.IIN { return d.PersonIIN }),
		byBasis:  justice.By(db, restrictions, "basis_number", "basis_number, restricted_from DESC, id", func(d *sio.DebtorRestriction) string { return d.BasisNumber }),
	}
}

// RestrictionsByPerson returns the restrictions of each person, newest
// first, in one statement.
func (s *Store) RestrictionsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.DebtorRestriction, error) {
	return s.byPerson.Group(ctx, iins)
}

// RestrictionsByBasis returns the restrictions imposed in each proceeding or
// court case (by number), newest first, in one statement.
func (s *Store) RestrictionsByBasis(ctx context.Context, numbers []string) (map[string][]sio.DebtorRestriction, error) {
	return s.byBasis.Group(ctx, numbers)
}

// Insert bulk-loads restrictions.
func (s *Store) Insert(ctx context.Context, ds []sio.DebtorRestriction) error {
	return restrictions.Insert(ctx, s.DB(), ds)
}

// Filler loads the restrictions of each batch from the justice model.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error { return s.Insert(ctx, f.Debtors) })
}
