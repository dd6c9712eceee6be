// Package kgddeclarations is the connector to the КГД declarations on
// excisable goods: Сведения о декларации по производству и обороту
// этилового спирта и/или виноматериала, по производству и обороту
// алкогольной продукции, по обороту алкогольной продукции, and по
// нефтепродуктам (versions 2 and 3 of the form). One source, a table per
// service; by declarant and by declaration number.
package kgddeclarations

import (
	"context"
	"embed"
	"fmt"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "kgd_declarations"

//go:embed migrations/*.sql
var migrations embed.FS

// tables holds each kind's table.
var tables = map[sio.ExciseKind]string{
	sio.ExciseEthylAlcohol:      "ethyl_alcohol_declarations",
	sio.ExciseAlcoholProduction: "alcohol_production_declarations",
	sio.ExciseAlcoholTurnover:   "alcohol_turnover_declarations",
	sio.ExcisePetroleumVersion2: "petroleum_declarations_v2",
	sio.ExcisePetroleumVersion3: "petroleum_declarations_v3",
}

// row is a stored line: the declaration's header and one product line.
type row struct {
	sio.ExciseDeclaration
	sio.ExciseLine
}

type statements struct{ byDeclarant, byNumber string }

// Store reads and loads the declarations.
type Store struct {
	db  *sqldb.DB
	sql map[sio.ExciseKind]statements
}

var _ sio.ExciseRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	s := &Store{db: db, sql: map[sio.ExciseKind]statements{}}
	for kind, table := range tables {
		sel := records.Select[row](table) + `WHERE `
		s.sql[kind] = statements{
			byDeclarant: db.Q(sel + db.In("declarant_bin") + ` ORDER BY declarant_bin, period_from DESC, number, line_no`),
			byNumber:    db.Q(sel + db.In("number") + ` ORDER BY number, line_no`),
		}
	}
	return s
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// declarations runs a lookup and folds its rows (ordered by declaration,
// then line) into declarations, in order.
func (s *Store) declarations(ctx context.Context, what, query string, keys []string) ([]sio.ExciseDeclaration, error) {
	var rows []row
	if err := s.db.Select(ctx, &rows, query, sqldb.List(s.db, keys)); err != nil {
		return nil, fmt.Errorf("kgd_declarations: %s: %w", what, err)
	}
	var out []sio.ExciseDeclaration
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Number != r.Number {
			out = append(out, r.ExciseDeclaration)
		}
		d := &out[len(out)-1]
		d.Lines = append(d.Lines, r.ExciseLine)
	}
	return out, nil
}

// DeclarationsByDeclarant returns the declarations of a kind of each
// declarant, latest period first, in one statement.
func (s *Store) DeclarationsByDeclarant(ctx context.Context, kind sio.ExciseKind, bins []sio.BIN) (map[sio.BIN][]sio.ExciseDeclaration, error) {
	keys := make([]string, len(bins))
	for i, b := range bins {
		keys[i] = string(b)
	}
	ds, err := s.declarations(ctx, "by declarant", s.sql[kind].byDeclarant, keys)
	if err != nil {
		return nil, err
	}
	out := map[sio.BIN][]sio.ExciseDeclaration{}
	for _, d := range ds {
		out[d.DeclarantBIN] = append(out[d.DeclarantBIN], d)
	}
	return out, nil
}

// DeclarationsByNumber returns the declarations of a kind found among
// numbers, in one statement.
func (s *Store) DeclarationsByNumber(ctx context.Context, kind sio.ExciseKind, numbers []string) (map[string]*sio.ExciseDeclaration, error) {
	ds, err := s.declarations(ctx, "by number", s.sql[kind].byNumber, numbers)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*sio.ExciseDeclaration, len(ds))
	for i := range ds {
		out[ds[i].Number] = &ds[i]
	}
	return out, nil
}

// Insert bulk-loads declarations, each into its kind's table, a row per
// line (used by the data generator).
func (s *Store) Insert(ctx context.Context, ds []sio.ExciseDeclaration) error {
	by := map[sio.ExciseKind][]row{}
	for _, d := range ds {
		for _, l := range d.Lines {
			by[d.Kind] = append(by[d.Kind], row{d, l})
		}
	}
	for _, kind := range sio.ExciseKinds {
		if err := records.Insert(ctx, s.db, tables[kind], by[kind]); err != nil {
			return err
		}
	}
	return nil
}
