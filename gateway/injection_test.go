package gateway_test

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"sio"
	"sio/graph"
	"sio/internal/testdb"
	"sio/sqldb"
)

// injectionPayloads go into every string argument and string input field.
var injectionPayloads = []string{
	"' OR 1=1 --",
	"'; DROP TABLE persons; --",
	`" OR ""="`,
	"1' UNION SELECT iin, full_name FROM persons --",
	"%", "_%\\",
	"\x00",
	"Ꙭ𝕏\u202e'\u0301\"",
	strings.Repeat("'", 20_000),
}

// stringTarget is one place of the schema a client-supplied string reaches:
// an argument of a field, or a field of an input object argument (input
// path "basis.caseNumber").
type stringTarget struct {
	mutation bool
	path     []step // from the root to the field
	arg      string
	input    []string // input-object fields below arg, if any
}

// step is a field on the way to a target, in an inline fragment on.
type step struct {
	field *ast.FieldDefinition
	on    string
}

func (t stringTarget) String() string {
	var parts []string
	for _, s := range t.path {
		parts = append(parts, s.field.Name)
	}
	return strings.Join(parts, ".") + "(" + strings.Join(append([]string{t.arg}, t.input...), ".") + ")"
}

// stringLike is a scalar a client writes as a string.
func stringLike(s *ast.Schema, t *ast.Type) bool {
	d := s.Types[t.Name()]
	return d != nil && d.Kind == ast.Scalar && t.Name() != "Int" && t.Name() != "Float" && t.Name() != "Boolean"
}

// stringTargets walks the schema from the roots (first path to each type,
// through abstract types' possible types) and lists every string argument
// and every string field of an input argument: new arguments are covered
// without touching this test.
func stringTargets(s *ast.Schema) []stringTarget {
	type node struct {
		def      *ast.Definition
		path     []step
		mutation bool
	}
	var out []stringTarget
	seen := map[string]bool{}
	var queue []node
	for _, root := range []*ast.Definition{s.Query, s.Mutation} {
		if root != nil {
			queue = append(queue, node{root, nil, root == s.Mutation})
			seen[root.Name] = true
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, f := range n.def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			path := append(append([]step(nil), n.path...), step{field: f})
			for _, a := range f.Arguments {
				for _, in := range inputPaths(s, a.Type, nil, 0) {
					out = append(out, stringTarget{mutation: n.mutation, path: path, arg: a.Name, input: in})
				}
			}
			rt := s.Types[f.Type.Name()]
			if rt == nil {
				continue
			}
			switch rt.Kind {
			case ast.Object:
				if !seen[rt.Name] {
					seen[rt.Name] = true
					queue = append(queue, node{rt, path, n.mutation})
				}
			case ast.Interface, ast.Union:
				for _, pt := range s.GetPossibleTypes(rt) {
					if !seen[pt.Name] {
						seen[pt.Name] = true
						p := append([]step(nil), path...)
						p[len(p)-1].on = pt.Name
						queue = append(queue, node{pt, p, n.mutation})
					}
				}
			}
		}
	}
	return out
}

// inputPaths lists the string places of a value of type t: itself (nil
// path) if it is a string, else the string fields of an input object.
func inputPaths(s *ast.Schema, t *ast.Type, prefix []string, depth int) [][]string {
	if stringLike(s, t) {
		return [][]string{append([]string(nil), prefix...)}
	}
	d := s.Types[t.Name()]
	if d == nil || d.Kind != ast.InputObject || depth > 2 {
		return nil
	}
	var out [][]string
	for _, f := range d.Fields {
		out = append(out, inputPaths(s, f.Type, append(prefix, f.Name), depth+1)...)
	}
	return out
}

// filler supplies valid values for the arguments on the way to a target.
type filler struct {
	s     *ast.Schema
	basis map[string]any
	iin   string
	bin   string
}

func (fl filler) value(t *ast.Type) any {
	if t.Elem != nil {
		return []any{fl.value(t.Elem)}
	}
	switch t.Name() {
	case "BasisInput":
		return fl.basis
	case "IIN":
		return fl.iin
	case "BIN":
		return fl.bin
	case "Int":
		return 1
	case "Float":
		return 1.0
	case "Boolean":
		return false
	case "Date":
		return "2020-01-01"
	case "Time":
		return "2020-01-01T00:00:00Z"
	}
	d := fl.s.Types[t.Name()]
	switch {
	case d == nil:
		return "1"
	case d.Kind == ast.Enum:
		return d.EnumValues[0].Name
	case d.Kind == ast.InputObject:
		m := map[string]any{}
		for _, f := range d.Fields {
			if f.Type.NonNull && f.DefaultValue == nil {
				m[f.Name] = fl.value(f.Type)
			}
		}
		return m
	}
	return "1"
}

// withPayload is the target argument's value holding the payload.
func (fl filler) withPayload(a *ast.ArgumentDefinition, input []string, payload string) any {
	if len(input) == 0 {
		if a.Type.Elem != nil {
			return []any{payload}
		}
		return payload
	}
	root := fl.value(a.Type)
	if l, ok := root.([]any); ok {
		root = l[0]
	}
	m, _ := root.(map[string]any)
	if a.Type.Name() == "BasisInput" {
		m = with(fl.basis) // a copy
	}
	cur, t := m, fl.s.Types[a.Type.Name()]
	for i, name := range input {
		ft := t.Fields.ForName(name)
		if i == len(input)-1 {
			if ft.Type.Elem != nil {
				cur[name] = []any{payload}
			} else {
				cur[name] = payload
			}
			break
		}
		next, _ := fl.value(ft.Type).(map[string]any)
		if next == nil {
			next = map[string]any{}
		}
		cur[name], cur, t = next, next, fl.s.Types[ft.Type.Name()]
	}
	if a.Type.Elem != nil {
		return []any{m}
	}
	return m
}

// query builds the operation reaching the target with every argument a
// variable: the target's holds the payload, the required others valid
// values.
func (fl filler) query(tg stringTarget, payload string) (string, map[string]any) {
	vars := map[string]any{}
	var decls []string
	var b strings.Builder
	last := tg.path[len(tg.path)-1].field
	for i, st := range tg.path {
		f := st.field
		var args []string
		for _, a := range f.Arguments {
			var v any
			switch {
			case f == last && a.Name == tg.arg:
				v = fl.withPayload(a, tg.input, payload)
			case a.Type.NonNull && a.DefaultValue == nil:
				v = fl.value(a.Type)
			default:
				continue
			}
			name := fmt.Sprintf("v%d_%s", i, a.Name)
			vars[name] = v
			decls = append(decls, "$"+name+": "+a.Type.String())
			args = append(args, a.Name+": $"+name)
		}
		b.WriteString(f.Name)
		if len(args) > 0 {
			b.WriteString("(" + strings.Join(args, ", ") + ")")
		}
		rt := fl.s.Types[f.Type.Name()]
		if rt.Kind == ast.Scalar || rt.Kind == ast.Enum {
			continue
		}
		if f == last {
			b.WriteString(" { __typename }")
			continue
		}
		b.WriteString(" { ")
		if st.on != "" {
			b.WriteString("... on " + st.on + " { ")
		}
	}
	for i := len(tg.path) - 2; i >= 0; i-- {
		if tg.path[i].on != "" {
			b.WriteString(" }")
		}
		b.WriteString(" }")
	}
	op := "query"
	if tg.mutation {
		op = "mutation"
	}
	if len(decls) == 0 {
		return op + " { " + b.String() + " }", vars
	}
	return op + "(" + strings.Join(decls, ", ") + ") { " + b.String() + " }", vars
}

// typedCodes are the errors a hostile string may cause: refusals of the
// input or of the access, or nothing found. INTERNAL or SOURCE_UNAVAILABLE
// would mean the string reached a statement and broke it.
var typedCodes = map[string]bool{sio.EBADINPUT: true, sio.EFORBIDDEN: true, sio.ENOTFOUND: true, sio.EUNAUTHENTICATED: true,
	"GRAPHQL_VALIDATION_FAILED": true}

// TestSQLInjectionInEveryStringArgument puts SQL-injection and hostile
// payloads into every string argument and string input field of the
// schema, on both stores: each answer is a typed error or a normal (empty)
// answer, never a 5xx, INTERNAL or a broken source; NUL characters are
// BAD_USER_INPUT; afterwards the data are intact and the audit chain
// verifies (fixture cleanup).
func TestSQLInjectionInEveryStringArgument(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		s := graph.NewExecutableSchema(fx.g.Schema()).Schema()
		targets := stringTargets(s)
		if len(targets) < 50 {
			t.Fatalf("only %d string arguments found in the schema", len(targets))
		}
		o := fx.allowedAll(t, "PERSONS", "LEGAL_ENTITIES", "VEHICLES")
		fl := filler{s: s,
			iin: one[string](t, fx.g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`),
			bin: one[string](t, fx.g.Entities.DB(), `SELECT bin FROM {legal_entities} ORDER BY bin LIMIT 1`)}
		counts := func() map[string]int {
			return map[string]int{
				"persons":  one[int](t, fx.g.Persons.DB(), `SELECT COUNT(*) FROM {persons}`),
				"entities": one[int](t, fx.g.Entities.DB(), `SELECT COUNT(*) FROM {legal_entities}`),
				"vehicles": one[int](t, fx.g.Vehicles.DB(), `SELECT COUNT(*) FROM {vehicles}`),
				"cases":    casesCount(t, fx),
			}
		}
		// The callers: the official first; where the policy refuses the
		// field to them, the operator (administration, oversight) or the
		// first other official, case and role it allows, so that the
		// payload reaches the field.
		type caller struct {
			iin   sio.IIN
			basis map[string]any
		}
		callers := []caller{{o.IIN, o.basis()}, {fx.staff(t).operator(t).IIN, o.basis()}}
		seenRB := map[string]bool{o.Role + "/" + o.Basis: true}
		for _, x := range fx.officials(t) {
			if !seenRB[x.Role+"/"+x.Basis+"/"+x.Sanction] {
				seenRB[x.Role+"/"+x.Basis+"/"+x.Sanction] = true
				callers = append(callers, caller{x.IIN, x.basis()})
			}
		}
		forbidden := func(r gqlResponse) bool {
			return len(r.Errors) > 0 && r.Errors[0].Extensions["code"] == sio.EFORBIDDEN
		}
		before := counts()
		codes := map[string]int{}
		refused := 0
		for _, tg := range targets {
			// The caller the policy lets reach the field (with a harmless
			// value), else the official.
			who := callers[0]
			for _, c := range callers {
				fl.basis = c.basis
				q, vars := fl.query(tg, "x")
				if !forbidden(fx.post(t, c.iin, q, vars)) {
					who = c
					break
				}
			}
			fl.basis = who.basis
			for _, p := range injectionPayloads {
				q, vars := fl.query(tg, p)
				r := fx.post(t, who.iin, q, vars)
				if forbidden(r) {
					refused++
				}
				if r.Status >= 500 {
					t.Fatalf("%s with %.20q: %d %s", tg, p, r.Status, r.Raw)
				}
				for _, e := range r.Errors {
					c, _ := e.Extensions["code"].(string)
					codes[c]++
					if !typedCodes[c] {
						t.Errorf("%s with %.20q: %s\nquery: %s", tg, p, r.Raw, q)
					}
				}
				if p == "\x00" && (len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != sio.EBADINPUT) {
					t.Errorf("%s with NUL: %s", tg, r.Raw)
				}
				if r.Status != http.StatusOK {
					t.Errorf("%s with %.20q: status %d", tg, p, r.Status)
				}
			}
		}
		if after := counts(); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Fatalf("data changed: %v, was %v", after, before)
		}
		var cs []string
		for c, n := range codes {
			cs = append(cs, fmt.Sprintf("%s=%d", c, n))
		}
		sort.Strings(cs)
		t.Logf("%d string places × %d payloads: errors %v; %d requests refused by the policy for every caller", len(targets), len(injectionPayloads), cs, refused)
	})
}

// casesCount is the number of cases in every case registry (each its own
// store).
func casesCount(t *testing.T, fx *fixture) int {
	t.Helper()
	n := 0
	for _, st := range fx.g.Cases.Stores() {
		n += one[int](t, st.DB(), `SELECT COUNT(*) FROM {cases}`)
	}
	return n
}
