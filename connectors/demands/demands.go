// Package demands is the connector to "Требования": the demands
// (требования) for checks of a person against the special records of
// КПСиСУ — about convictions and criminal prosecution, wanted status,
// dactyloscopic registration and administrative offences — with the
// answer the records gave on the day.
//
// Interpretation: the seeds name the register only ("Требования", row 22
// of Appendix 2, next to "Специальные учеты"). We take it to be the log of
// record-check demands sent to the special records, on the forms of the
// information centres: by investigators on their suspects, by personnel
// services on candidates for the civil service, by licensing units on
// applicants for weapons, by the migration service on foreigners applying
// for residence, and by citizens through eGov for a certificate of no
// criminal record. The answers are derived from the special records
// themselves (the justice model), as of the demand's date.
package demands

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "demands"

//go:embed migrations/*.sql
var migrations embed.FS

var demands = justice.NewTable[sio.Demand]("demands")

// Store reads and loads Требования.
type Store struct {
	justice.Store
	byPerson justice.Lookup[sio.IIN, sio.Demand]
	byNumber justice.Lookup[string, sio.Demand]
}

var _ sio.DemandRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, demands, "person_iin", "person_iin, requested_at DESC, number", func(d *sio.Demand) sio.IIN { return d.PersonIIN }),
		byNumber: justice.By(db, demands, "number", "number", func(d *sio.Demand) string { return d.Number }),
	}
}

// DemandsByPerson returns the demands about each person, newest first, in
// one statement.
func (s *Store) DemandsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Demand, error) {
	return s.byPerson.Group(ctx, iins)
}

// DemandsByNumber returns the demands found among numbers, in one statement.
func (s *Store) DemandsByNumber(ctx context.Context, numbers []string) (map[string]*sio.Demand, error) {
	return s.byNumber.Index(ctx, numbers)
}

// Insert bulk-loads demands.
func (s *Store) Insert(ctx context.Context, ds []sio.Demand) error {
	return demands.Insert(ctx, s.DB(), ds)
}
