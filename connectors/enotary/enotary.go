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
	db        *sqldb.DB
	byParty   string
	byObject  string
	byNumber  string
	partiesOf string
}

var _ sio.NotaryRegistry = (*Store)(nil)

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
		db: db,
		byParty: db.Q(`SELECT ` + acts.Columns("a") + `, p.subject_id AS party_id, p.role AS party_role, p.role_ru AS party_role_ru
			FROM {parties} p JOIN {acts} a ON a.registry_number = p.registry_number
			WHERE ` + db.In("p.subject_id") + `
			ORDER BY p.subject_id, a.act_date DESC, a.registry_number`),
		byObject:  acts.Where(db, "object_number", "object_number, act_date DESC, registry_number"),
		byNumber:  acts.Where(db, "registry_number", "registry_number"),
		partiesOf: parties.Where(db, "registry_number", "registry_number, role, name_ru"),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ActsByParty returns the acts each subject (IIN or BIN) is a party of,
// with its role, newest first, in one statement.
func (s *Store) ActsByParty(ctx context.Context, ids []string) (map[string][]sio.PartyAct, error) {
	return sqldb.Group(ctx, s.db, "e-notary: by party", s.byParty, func(a *sio.PartyAct) string { return a.PartyID }, sqldb.List(s.db, ids))
}

// ActsByObject returns the acts concerning each object (VIN or cadastral
// number), newest first, in one statement.
func (s *Store) ActsByObject(ctx context.Context, objects []string) (map[string][]sio.NotarialAct, error) {
	return sqldb.Group(ctx, s.db, "e-notary: by object", s.byObject, func(a *sio.NotarialAct) string { return *a.ObjectNumber }, sqldb.List(s.db, objects))
}

// ActsByNumber returns the acts found among registry numbers, in one
// statement.
func (s *Store) ActsByNumber(ctx context.Context, numbers []string) (map[string]*sio.NotarialAct, error) {
	return sqldb.Index(ctx, s.db, "e-notary: by number", s.byNumber, func(a *sio.NotarialAct) string { return a.RegistryNumber }, sqldb.List(s.db, numbers))
}

// PartiesByAct returns the parties of each act, in one statement.
func (s *Store) PartiesByAct(ctx context.Context, numbers []string) (map[string][]sio.NotarialParty, error) {
	return sqldb.Group(ctx, s.db, "e-notary: parties", s.partiesOf, func(p *sio.NotarialParty) string { return p.RegistryNumber }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads acts and their parties.
func (s *Store) Insert(ctx context.Context, as []sio.NotarialAct, ps []sio.NotarialParty) error {
	if err := acts.Insert(ctx, s.db, as); err != nil {
		return err
	}
	return parties.Insert(ctx, s.db, ps)
}
