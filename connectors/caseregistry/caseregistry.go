// Package caseregistry is the connector to the case registries that give an
// inquiry its legal basis: ЕРДР (Единый реестр досудебных расследований),
// АИС СУ (автоматизированная информационная система специального учёта),
// АИС ОИП (исполнительное производство) and ЕАИАС (судебные дела), simulated
// in one store, with each official's caseload.
package caseregistry

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "case_registry"

//go:embed migrations/*.sql
var migrations embed.FS

const columns = `c.registry, c.number, c.basis, c.article, c.status, c.opened_at, c.court, c.year`

// Assignment puts a case into an official's caseload.
type Assignment struct {
	Registry, Number string
	IIN              sio.IIN
}

// Store reads and loads the case registries.
type Store struct {
	db         *sqldb.DB
	byNumber   string
	ofUser     string
	inCaseload string
}

var _ sio.CaseRegistry = (*Store)(nil)

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
		byNumber: db.Q(`SELECT ` + columns + ` FROM {cases} c WHERE c.registry = ? AND c.number = ?`),
		ofUser: db.Q(`SELECT ` + columns + ` FROM {case_assignments} a
			JOIN {cases} c ON c.registry = a.registry AND c.number = a.number
			WHERE a.iin = ? ORDER BY c.registry, c.number`),
		inCaseload: db.Q(`SELECT COUNT(*) FROM {case_assignments} WHERE registry = ? AND number = ? AND iin = ?`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// CaseByNumber returns the case registered under number in registry, or
// nil, nil when there is none.
func (s *Store) CaseByNumber(ctx context.Context, registry, number string) (*sio.Case, error) {
	var c sio.Case
	err := s.db.Get(ctx, &c, s.byNumber, registry, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("caseregistry: case by number: %w", err)
	}
	return &c, nil
}

// CasesOfUser returns the cases in the official's caseload, ordered by
// registry and number.
func (s *Store) CasesOfUser(ctx context.Context, iin sio.IIN) ([]sio.Case, error) {
	var cs []sio.Case
	if err := s.db.Select(ctx, &cs, s.ofUser, string(iin)); err != nil {
		return nil, fmt.Errorf("caseregistry: cases of user: %w", err)
	}
	return cs, nil
}

// InCaseload reports whether the case is in the official's caseload.
func (s *Store) InCaseload(ctx context.Context, registry, number string, iin sio.IIN) (bool, error) {
	var n int
	if err := s.db.Get(ctx, &n, s.inCaseload, registry, number, string(iin)); err != nil {
		return false, fmt.Errorf("caseregistry: in caseload: %w", err)
	}
	return n > 0, nil
}

// Insert bulk-loads cases (used by the data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.Case) error {
	rows := make([][]any, len(cs))
	for i, c := range cs {
		rows[i] = []any{c.Registry, c.Number, c.Basis, c.Article, c.Status, c.OpenedAt, c.Court, c.Year}
	}
	return s.db.BulkInsert(ctx, "cases", []string{"registry", "number", "basis", "article", "status", "opened_at",
		"court", "year"}, rows)
}

// Assign bulk-loads caseload assignments (used by the data generator). The
// cases must exist.
func (s *Store) Assign(ctx context.Context, as []Assignment) error {
	rows := make([][]any, len(as))
	for i, a := range as {
		rows[i] = []any{a.Registry, a.Number, string(a.IIN)}
	}
	return s.db.BulkInsert(ctx, "case_assignments", []string{"registry", "number", "iin"}, rows)
}

// Count returns the number of cases (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "cases")
}
