// Package caseregistry is the connector to the case registries that give an
// inquiry its legal basis. Each registry is a state database of its own,
// able to live on its own server, and so its own store (PostgreSQL schema,
// SQLite file, --store-dsn NAME=DSN, --store-timeout NAME=...):
//
//   - ЕРДР (Единый реестр досудебных расследований, store "erdr"): criminal
//     cases, the records of primary checks, the cases of НСД and of search
//     measures (000 §21, 002 §19);
//   - АИС СУ (АИС "Специальные учеты", "ais_su"): administrative cases of
//     the law-enforcement bodies and search cases (000 §23, §26);
//   - АИС ОИП (органов исполнительного производства, "ais_oip"):
//     enforcement proceedings by their through number (000 §27);
//   - ЕАИАС СО РК (судебные органы, "eaias"): court administrative and civil
//     cases by number, year and court (000 §24, §25);
//   - the register of operational-accounting cases and of the tasks of
//     "иные задачи" ("ord_register"; seed 002 names no registry for them,
//     see authz/policy.yaml, bases ORD and OTHER_TASKS: interpreted).
//
// Each store holds its cases and their caseload: the assignments and the
// investigative groups (000 §21) live with the cases they are on. Where the
// other records a basis can name are registered is read from the seeds
// (interpretation, seed 000):
//
//   - instructions (§22 part 1, следственные поручения and поручения
//     прокурора) are given on a criminal case, named by its ЕРДР number
//     (§21, §22: "номер уголовного дела и исходящий номер поручения"): they
//     are registered in the registry of that case, which is ЕРДР (the only
//     registry whose bases take instructions in the policy);
//   - international requests for legal assistance (§22 part 2) have no
//     case: §5 exempts them from the ЕРДР case check, yet SIO must verify
//     the three numbers §22 names. They are accepted by the authorized body
//     (the Prosecutor General's Office, whose КПСиСУ keeps ЕРДР), so they are
//     registered in the ЕРДР store, in a table of their own with no case;
//   - electronic court sanctions (§28) are obtained "путем взаимодействия
//     СИО ПСО и ЕАИАС СО РК": they are registered in ЕАИАС, naming the case
//     (of ЕРДР) they are granted on by registry and number, with no foreign
//     key across the two databases.
//
// Store is one registry's store; Registries routes the calls of the
// enforcer and the resolvers (authz.CaseRegistry) to the registry each
// names, and merges the calls that span registries in a deterministic
// order.
package caseregistry

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"sio"
	"sio/authz"
	"sio/sqldb"
)

//go:embed migrations
var migrations embed.FS

// Registry describes one case registry and its store.
type Registry struct {
	// Code is the registry as cases name it (sio.Case.Registry, the
	// policy's request rules): "ERDR".
	Code string
	// Name is the store name: PostgreSQL schema and SQLite file, the NAME
	// of --store-dsn and --store-timeout.
	Name string
	// What the registry holds besides cases and caseloads.
	Instructions, LegalAssistance, Sanctions bool
	// extra is the folder of migrations/ with its own tables, if any.
	extra string
}

// Store names of the registries.
const (
	NameERDR   = "erdr"
	NameAISSU  = "ais_su"
	NameAISOIP = "ais_oip"
	NameEAIAS  = "eaias"
	NameORD    = "ord_register"
)

// All lists the case registries, ordered by Code (the order of merged
// lists).
var All = []Registry{
	{Code: sio.RegistryAISOIP, Name: NameAISOIP},
	{Code: sio.RegistryAISSU, Name: NameAISSU},
	{Code: sio.RegistryEAIAS, Name: NameEAIAS, Sanctions: true, extra: "eaias"},
	{Code: sio.RegistryERDR, Name: NameERDR, Instructions: true, LegalAssistance: true, extra: "erdr"},
	{Code: sio.RegistryORD, Name: NameORD},
}

// Lookup returns the registry with the code.
func Lookup(code string) (Registry, bool) {
	for _, r := range All {
		if r.Code == code {
			return r, true
		}
	}
	return Registry{}, false
}

// StoreName is the store name of the registry with the code ("" if none).
func StoreName(code string) string {
	r, _ := Lookup(code)
	return r.Name
}

// Opener opens the store of the registry with the code (for the gateway's
// list of connectors).
func Opener(code string) func(context.Context, sqldb.Config) (*Store, error) {
	return func(ctx context.Context, cfg sqldb.Config) (*Store, error) { return OpenStore(ctx, cfg, code) }
}

// Assignment puts a case into an official's caseload.
type Assignment struct {
	Registry, Number string
	IIN              sio.IIN
}

// Store is the store of one case registry.
type Store struct {
	reg                Registry
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
	sanctionsOn        string
}

// OpenStore opens the store of the registry with the code on cfg (its own
// schema or file, named Registry.Name) and migrates it: the tables of every
// registry, then the registry's own.
func OpenStore(ctx context.Context, cfg sqldb.Config, code string) (*Store, error) {
	reg, ok := Lookup(code)
	if !ok {
		return nil, fmt.Errorf("caseregistry: unknown registry %q", code)
	}
	common, err := fs.Sub(migrations, "migrations/cases")
	if err != nil {
		return nil, err
	}
	db, err := sqldb.OpenMigrated(ctx, cfg, reg.Name, common)
	if err != nil {
		return nil, err
	}
	if reg.extra != "" {
		own, err := fs.Sub(migrations, "migrations/"+reg.extra)
		if err == nil {
			err = db.Migrate(ctx, own)
		}
		if err != nil {
			db.Close()
			return nil, err
		}
	}
	return New(db, reg), nil
}

// caseload is the (number, iin, via) of every case of the registry in an
// official's caseload: assigned to them, or to a group they belong to.
const caseload = `SELECT number, iin, 'ASSIGNED' AS via FROM {case_assignments}
	UNION ALL SELECT g.number, m.iin, 'GROUP' AS via FROM {group_members} m
	JOIN {investigative_groups} g ON g.id = m.group_id`

// New wraps an opened, migrated database of the registry.
func New(db *sqldb.DB, reg Registry) *Store {
	// The registry is the store's: the code (one of All, never input) is
	// written into the statements as a literal.
	code := `'` + reg.Code + `' AS registry`
	columns := code + `, c.number, c.basis, c.article, c.status, c.opened_at, c.court, c.year`
	s := &Store{
		reg:      reg,
		db:       db,
		byNumber: db.Q(`SELECT ` + columns + ` FROM {cases} c WHERE c.number = ?`),
		ofUser: db.Q(`SELECT ` + columns + ` FROM {cases} c WHERE EXISTS (SELECT 1 FROM (` + caseload + `) l
			WHERE l.number = c.number AND l.iin = ?) ORDER BY c.number`),
		// ASSIGNED sorts before GROUP: a direct assignment wins.
		caseloadVia: db.Q(`SELECT l.via FROM (` + caseload + `) l WHERE l.number = ? AND l.iin = ? ORDER BY l.via LIMIT 1`),
		// The case and how it is in the official's caseload, in one
		// statement (the inquiry's case check).
		caseWithCaseload: db.Q(`SELECT ` + columns + `, COALESCE((SELECT l.via FROM (` + caseload + `) l
			WHERE l.number = c.number AND l.iin = ? ORDER BY l.via LIMIT 1), '') AS via
			FROM {cases} c WHERE c.number = ?`),
	}
	if reg.Instructions {
		cols := code + `, case_number, number, kind, issuer_iin, issuing_body, executor_iin, issued_at, due_at, status`
		s.instruction = db.Q(`SELECT ` + cols + ` FROM {instructions} WHERE case_number = ? AND number = ?`)
		s.instructionsOfUser = db.Q(`SELECT ` + cols + ` FROM {instructions} WHERE executor_iin = ?
			ORDER BY issued_at, case_number, number`)
	}
	if reg.LegalAssistance {
		cols := `number, requesting_body, country, cover_letter_number, authorized_body, executor_iin, article, received_at, due_at, status`
		s.assistance = db.Q(`SELECT ` + cols + ` FROM {legal_assistance} WHERE cover_letter_number = ?`)
		s.assistanceOfUser = db.Q(`SELECT ` + cols + ` FROM {legal_assistance} WHERE executor_iin = ?
			ORDER BY received_at, cover_letter_number`)
	}
	if reg.Sanctions {
		cols := `number, registry, case_number, court, judge, measure, granted_at, valid_from, valid_until, status`
		s.sanction = db.Q(`SELECT ` + cols + ` FROM {court_sanctions} WHERE number = ?`)
		s.sanctionsOn = db.Q(`SELECT ` + cols + ` FROM {court_sanctions} WHERE ` + db.In("case_number") + `
			ORDER BY granted_at, number`)
	}
	return s
}

// Registry describes the store's registry.
func (s *Store) Registry() Registry { return s.reg }

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
		return false, fmt.Errorf("caseregistry %s: %s: %w", s.reg.Name, what, err)
	}
	return true, nil
}

func (s *Store) list(ctx context.Context, what string, dst any, query string, args ...any) error {
	if err := s.db.Select(ctx, dst, query, args...); err != nil {
		return fmt.Errorf("caseregistry %s: %s: %w", s.reg.Name, what, err)
	}
	return nil
}

// holds fails for a record the registry does not register.
func (s *Store) holds(ok bool, what string) error {
	if !ok {
		return fmt.Errorf("caseregistry: %s are not registered in %s", what, s.reg.Code)
	}
	return nil
}

// CaseByNumber returns the case registered under number, or nil, nil.
func (s *Store) CaseByNumber(ctx context.Context, number string) (*sio.Case, error) {
	var c sio.Case
	if ok, err := s.one(ctx, "case by number", &c, s.byNumber, number); !ok {
		return nil, err
	}
	return &c, nil
}

// CasesOfUser returns the registry's cases in the official's caseload
// (assigned or through a group), by number.
func (s *Store) CasesOfUser(ctx context.Context, iin sio.IIN) ([]sio.Case, error) {
	var cs []sio.Case
	return cs, s.list(ctx, "cases of user", &cs, s.ofUser, string(iin))
}

// CaseloadVia tells how the case is in the official's caseload:
// authz.ViaAssigned, authz.ViaGroup, or "" when it is not.
func (s *Store) CaseloadVia(ctx context.Context, number string, iin sio.IIN) (string, error) {
	var via string
	_, err := s.one(ctx, "caseload", &via, s.caseloadVia, number, string(iin))
	return via, err
}

// CaseWithCaseload returns the case registered under number (nil if none)
// and how it is in the official's caseload (as CaseloadVia), in one
// statement.
func (s *Store) CaseWithCaseload(ctx context.Context, number string, iin sio.IIN) (*sio.Case, string, error) {
	var row struct {
		sio.Case
		Via string `db:"via"`
	}
	if ok, err := s.one(ctx, "case with caseload", &row, s.caseWithCaseload, string(iin), number); !ok {
		return nil, "", err
	}
	return &row.Case, row.Via, nil
}

// Instruction returns the instruction with the outgoing number on the case,
// or nil, nil (always nil in a registry without instructions).
func (s *Store) Instruction(ctx context.Context, caseNumber, number string) (*authz.Instruction, error) {
	if !s.reg.Instructions {
		return nil, nil
	}
	var in authz.Instruction
	if ok, err := s.one(ctx, "instruction", &in, s.instruction, caseNumber, number); !ok {
		return nil, err
	}
	return &in, nil
}

// InstructionsOfExecutor returns the instructions on the registry's cases
// that the official executes, by date of issue, case and number.
func (s *Store) InstructionsOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.Instruction, error) {
	if err := s.holds(s.reg.Instructions, "instructions"); err != nil {
		return nil, err
	}
	var out []authz.Instruction
	return out, s.list(ctx, "instructions of executor", &out, s.instructionsOfUser, string(iin))
}

// LegalAssistance returns the international request accepted under the
// cover letter, or nil, nil.
func (s *Store) LegalAssistance(ctx context.Context, coverLetterNumber string) (*authz.LegalAssistance, error) {
	if err := s.holds(s.reg.LegalAssistance, "international requests"); err != nil {
		return nil, err
	}
	var la authz.LegalAssistance
	if ok, err := s.one(ctx, "legal assistance", &la, s.assistance, coverLetterNumber); !ok {
		return nil, err
	}
	return &la, nil
}

// LegalAssistanceOfExecutor returns the international requests the
// official executes, by date of receipt and cover letter.
func (s *Store) LegalAssistanceOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.LegalAssistance, error) {
	if err := s.holds(s.reg.LegalAssistance, "international requests"); err != nil {
		return nil, err
	}
	var out []authz.LegalAssistance
	return out, s.list(ctx, "legal assistance of executor", &out, s.assistanceOfUser, string(iin))
}

// CourtSanction returns the sanction registered under the ЕАИАС number, or
// nil, nil.
func (s *Store) CourtSanction(ctx context.Context, number string) (*authz.CourtSanction, error) {
	if err := s.holds(s.reg.Sanctions, "court sanctions"); err != nil {
		return nil, err
	}
	var cs authz.CourtSanction
	if ok, err := s.one(ctx, "court sanction", &cs, s.sanction, number); !ok {
		return nil, err
	}
	return &cs, nil
}

// SanctionsOn returns the sanctions granted on the cases (of any
// registry), by date granted and number, in one statement (none for no
// cases).
func (s *Store) SanctionsOn(ctx context.Context, cases []sio.Case) ([]authz.CourtSanction, error) {
	if err := s.holds(s.reg.Sanctions, "court sanctions"); err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, nil
	}
	on := make(map[[2]string]bool, len(cases))
	numbers := make([]string, 0, len(cases))
	for _, c := range cases {
		if !on[[2]string{c.Registry, c.Number}] {
			on[[2]string{c.Registry, c.Number}] = true
			numbers = append(numbers, c.Number)
		}
	}
	var all []authz.CourtSanction
	if err := s.list(ctx, "sanctions on cases", &all, s.sanctionsOn, sqldb.List(s.db, numbers)); err != nil {
		return nil, err
	}
	// A number is unique within its registry only.
	out := all[:0]
	for _, x := range all {
		if on[[2]string{x.Registry, x.CaseNumber}] {
			out = append(out, x)
		}
	}
	return out, nil
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

// empty reports whether r holds nothing.
func (r Records) empty() bool {
	return len(r.Cases)+len(r.Assignments)+len(r.Groups)+len(r.Instructions)+len(r.LegalAssistance)+len(r.Sanctions) == 0
}

// Load bulk-loads the registry's cases and then the records that refer to
// them (used by the data generator and tests). Every record must be the
// registry's: a case, assignment, group or instruction of another registry,
// or a kind of record the registry does not hold, is an error.
func (s *Store) Load(ctx context.Context, r Records) error {
	mine := func(reg, what string) error {
		if reg != s.reg.Code {
			return fmt.Errorf("caseregistry: %s of registry %q loaded into %s", what, reg, s.reg.Code)
		}
		return nil
	}
	for _, c := range r.Cases {
		if err := mine(c.Registry, "case "+c.Number); err != nil {
			return err
		}
	}
	for _, a := range r.Assignments {
		if err := mine(a.Registry, "assignment to case "+a.Number); err != nil {
			return err
		}
	}
	var groups, members, instructions, requests, sanctions [][]any
	for _, g := range r.Groups {
		if err := mine(g.Registry, "group on case "+g.Number); err != nil {
			return err
		}
		groups = append(groups, []any{g.ID, g.Number, string(g.HeadIIN), g.FormedAt})
		for _, m := range g.Members {
			members = append(members, []any{g.ID, string(m)})
		}
	}
	if len(r.Instructions) > 0 {
		if err := s.holds(s.reg.Instructions, "instructions"); err != nil {
			return err
		}
	}
	for _, in := range r.Instructions {
		if err := mine(in.Registry, "instruction "+in.Number); err != nil {
			return err
		}
		instructions = append(instructions, []any{in.CaseNumber, in.Number, in.Kind, string(in.IssuerIIN),
			in.IssuingBody, string(in.ExecutorIIN), in.IssuedAt, in.DueAt, in.Status})
	}
	if len(r.LegalAssistance) > 0 {
		if err := s.holds(s.reg.LegalAssistance, "international requests"); err != nil {
			return err
		}
	}
	for _, la := range r.LegalAssistance {
		requests = append(requests, []any{la.Number, la.RequestingBody, la.Country, la.CoverLetterNumber, la.AuthorizedBody,
			string(la.ExecutorIIN), la.Article, la.ReceivedAt, la.DueAt, la.Status})
	}
	if len(r.Sanctions) > 0 {
		if err := s.holds(s.reg.Sanctions, "court sanctions"); err != nil {
			return err
		}
	}
	for _, cs := range r.Sanctions {
		sanctions = append(sanctions, []any{cs.Number, cs.Registry, cs.CaseNumber, cs.Court, cs.Judge, cs.Measure,
			cs.GrantedAt, cs.ValidFrom, cs.ValidUntil, cs.Status})
	}
	if err := s.Insert(ctx, r.Cases); err != nil {
		return err
	}
	if err := s.Assign(ctx, r.Assignments); err != nil {
		return err
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"investigative_groups", []string{"id", "number", "head_iin", "formed_at"}, groups},
		{"group_members", []string{"group_id", "iin"}, members},
		{"instructions", []string{"case_number", "number", "kind", "issuer_iin", "issuing_body", "executor_iin",
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
			return fmt.Errorf("caseregistry %s: load %s: %w", s.reg.Name, t.table, err)
		}
	}
	return nil
}

// Insert bulk-loads cases of the registry (used by the data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.Case) error {
	rows := make([][]any, len(cs))
	for i, c := range cs {
		if c.Registry != s.reg.Code {
			return fmt.Errorf("caseregistry: case %s of registry %q inserted into %s", c.Number, c.Registry, s.reg.Code)
		}
		rows[i] = []any{c.Number, c.Basis, c.Article, c.Status, c.OpenedAt, c.Court, c.Year}
	}
	return s.db.BulkInsert(ctx, "cases", []string{"number", "basis", "article", "status", "opened_at", "court", "year"}, rows)
}

// Assign bulk-loads caseload assignments (used by the data generator). The
// cases must exist in the registry.
func (s *Store) Assign(ctx context.Context, as []Assignment) error {
	rows := make([][]any, len(as))
	for i, a := range as {
		if a.Registry != s.reg.Code {
			return fmt.Errorf("caseregistry: assignment to case %s of registry %q loaded into %s", a.Number, a.Registry, s.reg.Code)
		}
		rows[i] = []any{a.Number, string(a.IIN)}
	}
	return s.db.BulkInsert(ctx, "case_assignments", []string{"number", "iin"}, rows)
}

// Count returns the number of the registry's cases (health and seeding
// checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "cases")
}
