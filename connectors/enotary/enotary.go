// Package enotary is the connector to База данных "Е-Нотариат" (ЕНИС, the
// unified notarial information system): notarial acts — powers of
// attorney (on vehicles among others), sale contracts and consents,
// inheritance certificates, marriage contracts, executive inscriptions —
// by party, by object (VIN or cadastral number) and by registry number,
// with their parties.
package enotary

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "e_notary"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	acts    = justice.NewTable[sio.NotarialAct]("acts")
	parties = justice.NewTable[sio.NotarialParty]("parties")
)

// Store reads and loads Е-Нотариат.
type Store struct {
	justice.Store
	byParty   string
	byObject  justice.Lookup[string, sio.NotarialAct]
	byNumber  justice.Lookup[string, sio.NotarialAct]
	partiesOf justice.Lookup[string, sio.NotarialParty]
}

var _ sio.NotaryRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byParty: db.Q(`SELECT ` + acts.Columns("a") + `, p.subject_id AS party_id, p.role AS party_role, p.role_ru AS party_role_ru
			FROM {parties} p JOIN {acts} a ON a.registry_number = p.registry_number
			WHERE ` + db.In("p.subject_id") + `
			ORDER BY p.subject_id, a.act_date DESC, a.registry_number`),
		byObject:  justice.By(db, acts, "object_number", "object_number, act_date DESC, registry_number", func(a *sio.NotarialAct) string { return *a.ObjectNumber }),
		byNumber:  justice.By(db, acts, "registry_number", "registry_number", func(a *sio.NotarialAct) string { return a.RegistryNumber }),
		partiesOf: justice.By(db, parties, "registry_number", "registry_number, role, name_ru", func(p *sio.NotarialParty) string { return p.RegistryNumber }),
	}
}

// ActsByParty returns the acts each subject (IIN or BIN) is a party of,
// with its role, newest first, in one statement.
func (s *Store) ActsByParty(ctx context.Context, ids []string) (map[string][]sio.PartyAct, error) {
	return sqldb.Group(ctx, s.DB(), "e-notary: by party", s.byParty, func(a *sio.PartyAct) string { return a.PartyID }, sqldb.List(s.DB(), ids))
}

// ActsByObject returns the acts concerning each object (VIN or cadastral
// number), newest first, in one statement.
func (s *Store) ActsByObject(ctx context.Context, objects []string) (map[string][]sio.NotarialAct, error) {
	return s.byObject.Group(ctx, objects)
}

// ActsByNumber returns the acts found among registry numbers, in one
// statement.
func (s *Store) ActsByNumber(ctx context.Context, numbers []string) (map[string]*sio.NotarialAct, error) {
	return s.byNumber.Index(ctx, numbers)
}

// PartiesByAct returns the parties of each act, in one statement.
func (s *Store) PartiesByAct(ctx context.Context, numbers []string) (map[string][]sio.NotarialParty, error) {
	return s.partiesOf.Group(ctx, numbers)
}

// Insert bulk-loads acts and their parties.
func (s *Store) Insert(ctx context.Context, as []sio.NotarialAct, ps []sio.NotarialParty) error {
	if err := acts.Insert(ctx, s.DB(), as); err != nil {
		return err
	}
	return parties.Insert(ctx, s.DB(), ps)
}
