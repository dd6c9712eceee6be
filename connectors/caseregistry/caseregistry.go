// Package caseregistry is the connector to the case registries that give an
// inquiry its legal basis: ЕРДР (Единый реестр досудебных расследований),
// АИС СУ (автоматизированная информационная система специального учёта),
// АИС ОИП (исполнительное производство), ЕАИАС (судебные дела) and the
// register of operational-accounting cases, simulated in one store, with
// each official's caseload (assignments and investigative groups), the
// instructions on cases (seed 000 §22 part 1), the international requests
// for legal assistance (§22 part 2) and the electronic court sanctions of
// ЕАИАС (§28).
package caseregistry

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"

	"sio"
	"sio/authz"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "case_registry"

//go:embed migrations/*.sql
var migrations embed.FS

const (
	columns            = `c.registry, c.number, c.basis, c.article, c.status, c.opened_at, c.court, c.year`
	instructionColumns = `registry, case_number, number, kind, issuer_iin, issuing_body, executor_iin, issued_at, due_at, status`
	assistanceColumns  = `number, requesting_body, country, cover_letter_number, authorized_body, executor_iin, article, received_at, due_at, status`
	sanctionColumns    = `s.number, s.registry, s.case_number, s.court, s.judge, s.measure, s.granted_at, s.valid_from, s.valid_until, s.status`
)

// Assignment puts a case into an official's caseload.
type Assignment struct {
	Registry, Number string
	IIN              sio.IIN
}

// Store reads and loads the case registries.
type Store struct {
	db                 *sqldb.DB
	byNumber           string
	ofUser             string
	caseloadVia        string
	caseWithCaseload   string
	instruction        string
	instructionsOfUser string
	assistance         string
	assistanceOfUser   string
	sanction           string
	sanctionsOfUser    string
}

var _ authz.CaseRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// caseload is the (registry, number, iin, via) of every case in an
// official's caseload: assigned to them, or to a group they belong to.
const caseload = `SELECT registry, number, iin, 'ASSIGNED' AS via FROM {case_assignments}
	UNION ALL SELECT g.registry, g.number, m.iin, 'GROUP' AS via FROM {group_members} m
	JOIN {investigative_groups} g ON g.id = m.group_id`

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{
		db:       db,
		byNumber: db.Q(`SELECT ` + columns + ` FROM {cases} c WHERE c.registry = ? AND c.number = ?`),
		ofUser: db.Q(`SELECT ` + columns + ` FROM {cases} c WHERE EXISTS (SELECT 1 FROM (` + caseload + `) l
			WHERE l.registry = c.registry AND l.number = c.number AND l.iin = ?) ORDER BY c.registry, c.number`),
		// ASSIGNED sorts before GROUP: a direct assignment wins.
		caseloadVia: db.Q(`SELECT l.via FROM (` + caseload + `) l WHERE l.registry = ? AND l.number = ? AND l.iin = ?
			ORDER BY l.via LIMIT 1`),
		// The case and how it is in the official's caseload, in one
		// statement (the inquiry's case check).
		caseWithCaseload: db.Q(`SELECT ` + columns + `, COALESCE((SELECT l.via FROM (` + caseload + `) l
			WHERE l.registry = c.registry AND l.number = c.number AND l.iin = ? ORDER BY l.via LIMIT 1), '') AS via
			FROM {cases} c WHERE c.registry = ? AND c.number = ?`),
		instruction: db.Q(`SELECT ` + instructionColumns + ` FROM {instructions}
			WHERE registry = ? AND case_number = ? AND number = ?`),
		instructionsOfUser: db.Q(`SELECT ` + instructionColumns + ` FROM {instructions}
			WHERE executor_iin = ? ORDER BY issued_at, registry, case_number, number`),
		assistance: db.Q(`SELECT ` + assistanceColumns + ` FROM {legal_assistance} WHERE cover_letter_number = ?`),
		assistanceOfUser: db.Q(`SELECT ` + assistanceColumns + ` FROM {legal_assistance}
			WHERE executor_iin = ? ORDER BY received_at, cover_letter_number`),
		sanction: db.Q(`SELECT ` + sanctionColumns + ` FROM {court_sanctions} s WHERE s.number = ?`),
		// The sanctions granted on the cases of the official's caseload.
		sanctionsOfUser: db.Q(`SELECT ` + sanctionColumns + ` FROM {court_sanctions} s WHERE EXISTS (SELECT 1 FROM (` + caseload + `) l
			WHERE l.registry = s.registry AND l.number = s.case_number AND l.iin = ?) ORDER BY s.granted_at, s.number`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// one reads a single row into dst; found is false when there is none.
func (s *Store) one(ctx context.Context, what string, dst any, query string, args ...any) (found bool, err error) {
	err = s.db.Get(ctx, dst, query, args...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("caseregistry: %s: %w", what, err)
	}
	return true, nil
}

func (s *Store) list(ctx context.Context, what string, dst any, query string, args ...any) error {
	if err := s.db.Select(ctx, dst, query, args...); err != nil {
		return fmt.Errorf("caseregistry: %s: %w", what, err)
	}
	return nil
}

// CaseByNumber returns the case registered under number in registry, or
// nil, nil when there is none.
func (s *Store) CaseByNumber(ctx context.Context, registry, number string) (*sio.Case, error) {
	var c sio.Case
	if ok, err := s.one(ctx, "case by number", &c, s.byNumber, registry, number); !ok {
		return nil, err
	}
	return &c, nil
}

// CasesOfUser returns the cases in the official's caseload (assigned or
// through a group), ordered by registry and number.
func (s *Store) CasesOfUser(ctx context.Context, iin sio.IIN) ([]sio.Case, error) {
	var cs []sio.Case
	return cs, s.list(ctx, "cases of user", &cs, s.ofUser, string(iin))
}

// CaseloadVia tells how the case is in the official's caseload:
// authz.ViaAssigned, authz.ViaGroup, or "" when it is not.
func (s *Store) CaseloadVia(ctx context.Context, registry, number string, iin sio.IIN) (string, error) {
	var via string
	_, err := s.one(ctx, "caseload", &via, s.caseloadVia, registry, number, string(iin))
	return via, err
}

// CaseWithCaseload returns the case registered under number in registry
// (nil if none) and how it is in the official's caseload (as CaseloadVia),
// in one statement.
func (s *Store) CaseWithCaseload(ctx context.Context, registry, number string, iin sio.IIN) (*sio.Case, string, error) {
	var row struct {
		sio.Case
		Via string `db:"via"`
	}
	if ok, err := s.one(ctx, "case with caseload", &row, s.caseWithCaseload, string(iin), registry, number); !ok {
		return nil, "", err
	}
	return &row.Case, row.Via, nil
}

// InCaseload reports whether the case is in the official's caseload.
func (s *Store) InCaseload(ctx context.Context, registry, number string, iin sio.IIN) (bool, error) {
	via, err := s.CaseloadVia(ctx, registry, number, iin)
	return via != "", err
}

// Instruction returns the instruction with the outgoing number on the case,
// or nil, nil.
func (s *Store) Instruction(ctx context.Context, registry, caseNumber, number string) (*authz.Instruction, error) {
	var in authz.Instruction
	if ok, err := s.one(ctx, "instruction", &in, s.instruction, registry, caseNumber, number); !ok {
		return nil, err
	}
	return &in, nil
}

// InstructionsOfExecutor returns the instructions the official executes,
// by date of issue.
func (s *Store) InstructionsOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.Instruction, error) {
	var out []authz.Instruction
	return out, s.list(ctx, "instructions of executor", &out, s.instructionsOfUser, string(iin))
}

// LegalAssistance returns the international request accepted under the
// cover letter, or nil, nil.
func (s *Store) LegalAssistance(ctx context.Context, coverLetterNumber string) (*authz.LegalAssistance, error) {
	var la authz.LegalAssistance
	if ok, err := s.one(ctx, "legal assistance", &la, s.assistance, coverLetterNumber); !ok {
		return nil, err
	}
	return &la, nil
}

// LegalAssistanceOfExecutor returns the international requests the
// official executes, by date of receipt.
func (s *Store) LegalAssistanceOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.LegalAssistance, error) {
	var out []authz.LegalAssistance
	return out, s.list(ctx, "legal assistance of executor", &out, s.assistanceOfUser, string(iin))
}

// CourtSanction returns the sanction registered under the ЕАИАС number, or
// nil, nil.
func (s *Store) CourtSanction(ctx context.Context, number string) (*authz.CourtSanction, error) {
	var cs authz.CourtSanction
	if ok, err := s.one(ctx, "court sanction", &cs, s.sanction, number); !ok {
		return nil, err
	}
	return &cs, nil
}

// SanctionsOfUser returns the sanctions granted on the cases of the
// official's caseload, by date granted.
func (s *Store) SanctionsOfUser(ctx context.Context, iin sio.IIN) ([]authz.CourtSanction, error) {
	var out []authz.CourtSanction
	return out, s.list(ctx, "sanctions of user", &out, s.sanctionsOfUser, string(iin))
}

// Records are the basis records the data generator loads.
type Records struct {
	Cases           []sio.Case
	Assignments     []Assignment
	Groups          []authz.InvestigativeGroup
	Instructions    []authz.Instruction
	LegalAssistance []authz.LegalAssistance
	Sanctions       []authz.CourtSanction
}

// Load bulk-loads cases and then the records that refer to them (used by
// the data generator and tests).
func (s *Store) Load(ctx context.Context, r Records) error {
	if err := s.Insert(ctx, r.Cases); err != nil {
		return err
	}
	if err := s.Assign(ctx, r.Assignments); err != nil {
		return err
	}
	var groups, members, instructions, requests, sanctions [][]any
	for _, g := range r.Groups {
		groups = append(groups, []any{g.ID, g.Registry, g.Number, string(g.HeadIIN), g.FormedAt})
		for _, m := range g.Members {
			members = append(members, []any{g.ID, string(m)})
		}
	}
	for _, in := range r.Instructions {
		instructions = append(instructions, []any{in.Registry, in.CaseNumber, in.Number, in.Kind, string(in.IssuerIIN),
			in.IssuingBody, string(in.ExecutorIIN), in.IssuedAt, in.DueAt, in.Status})
	}
	for _, la := range r.LegalAssistance {
		requests = append(requests, []any{la.Number, la.RequestingBody, la.Country, la.CoverLetterNumber, la.AuthorizedBody,
			string(la.ExecutorIIN), la.Article, la.ReceivedAt, la.DueAt, la.Status})
	}
	for _, cs := range r.Sanctions {
		sanctions = append(sanctions, []any{cs.Number, cs.Registry, cs.CaseNumber, cs.Court, cs.Judge, cs.Measure,
			cs.GrantedAt, cs.ValidFrom, cs.ValidUntil, cs.Status})
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"investigative_groups", []string{"id", "registry", "number", "head_iin", "formed_at"}, groups},
		{"group_members", []string{"group_id", "iin"}, members},
		{"instructions", []string{"registry", "case_number", "number", "kind", "issuer_iin", "issuing_body", "executor_iin",
			"issued_at", "due_at", "status"}, instructions},
		{"legal_assistance", []string{"number", "requesting_body", "country", "cover_letter_number", "authorized_body",
			"executor_iin", "article", "received_at", "due_at", "status"}, requests},
		{"court_sanctions", []string{"number", "registry", "case_number", "court", "judge", "measure", "granted_at",
			"valid_from", "valid_until", "status"}, sanctions},
	} {
		if len(t.rows) == 0 {
			continue
		}
		if err := s.db.BulkInsert(ctx, t.table, t.cols, t.rows); err != nil {
			return fmt.Errorf("caseregistry: load %s: %w", t.table, err)
		}
	}
	return nil
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
