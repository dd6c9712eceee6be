package gateway_test

import (
	"context"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"sort"
	"strings"
	"testing"

	"sio"
	"sio/authz"
	"sio/graph"
	"sio/internal/testdb"
	"sio/sqldb"
)

// serviceCase exercises one service of the policy end to end, through HTTP:
// an official whose role and basis the policy allows gets data; one whose
// role and basis it refuses gets FORBIDDEN on that field only. Every guarded
// field that returns data in an allowed response counts as served (see
// TestServices), so a case's selection should reach the nested guarded
// fields of its domain too.
//
// Cases are registered by the services_*_test.go files, one per domain.
type serviceCase struct {
	// service is the policy code (policy.services.code).
	service string
	// args declares the query's variables besides $b, e.g. "$iin: IIN!".
	args string
	// vars picks, from the seeded stores, variables for which the query
	// finds data.
	vars func(t *testing.T, fx *fixture) map[string]any
	// selection is selected under `inquiry(basis: $b) { basis ... }`.
	selection string
	// path (under inquiry) is the guarded field; it must hold data (a
	// non-null object or a non-empty list) when allowed, and be null with a
	// FORBIDDEN error when refused.
	path string
	// check, if set, inspects the allowed result further.
	check func(t *testing.T, fx *fixture, vars map[string]any, got any)
	// mutation sends the selection as a mutation under
	// `inquiryAction(basis: $b) { basis ... }` (the write services) instead
	// of a query under `inquiry`; path is then under inquiryAction.
	mutation bool
}

var serviceCases []serviceCase

func registerServices(cs ...serviceCase) { serviceCases = append(serviceCases, cs...) }

// byOfficial returns the first official for whom the enforcer's decision on
// service satisfies want.
func (fx *fixture) byOfficial(t *testing.T, service string, want func(authz.Access, error) bool) (official, bool) {
	t.Helper()
	e := fx.g.Enforcer()
	return fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool { return want(e.Check(inq, service)) })
}

// byOfficialWhere returns the first official whose inquiry satisfies want.
func (fx *fixture) byOfficialWhere(t *testing.T, want func(*authz.Inquiry) bool) (official, bool) {
	t.Helper()
	for _, o := range fx.inquiries(t) {
		if want(o.inq) {
			return o.official, true
		}
	}
	return official{}, false
}

// inquiries opens, once per fixture, the inquiry of every sandbox official's
// basis through the enforcer, as Query.inquiry does (the case, its article,
// the court sanction ... come from the registries).
func (fx *fixture) inquiries(t *testing.T) []openedInquiry {
	t.Helper()
	if fx.inqs != nil {
		return fx.inqs
	}
	ctx := context.Background()
	enf := fx.g.Enforcer()
	for _, o := range fx.officials(t) {
		u, err := fx.g.Accounts.UserByIIN(ctx, o.IIN)
		testdb.Must(t, err)
		inq, err := enf.Open(ctx, &authz.Principal{User: u}, authz.BasisRequest{Kind: o.Basis, CaseNumber: o.Case,
			Year: o.Year, Court: o.Court, CourtSanction: o.Sanction, Justification: "проверка по материалам дела"})
		if err == nil {
			fx.inqs = append(fx.inqs, openedInquiry{official: o, inq: inq})
		}
	}
	if len(fx.inqs) == 0 {
		t.Fatal("no sandbox official can open an inquiry")
	}
	return fx.inqs
}

// servicesAbove lists the services guarding the fields above the last one
// of path (a dotted path under typ, Inquiry or InquiryAction; list indices
// are skipped).
func servicesAbove(schema *ast.Schema, typ, path string) []string {
	var out []string
	segs := strings.Split(path, ".")
	for _, seg := range segs[:len(segs)-1] {
		if seg != "" && seg[0] >= '0' && seg[0] <= '9' {
			continue
		}
		def := schema.Types[typ]
		if def == nil {
			break
		}
		f := def.Fields.ForName(seg)
		if f == nil {
			break
		}
		if d := f.Directives.ForName("service"); d != nil {
			out = append(out, d.Arguments.ForName("code").Value.Raw)
		}
		typ = f.Type.Name()
	}
	return out
}

// root is the field the selection is under and its type.
func (c serviceCase) root() (field, typ string) {
	if c.mutation {
		return "inquiryAction", "InquiryAction"
	}
	return "inquiry", "Inquiry"
}

func (c serviceCase) query() string {
	args := "$b: BasisInput!"
	if c.args != "" {
		args += ", " + c.args
	}
	root, _ := c.root()
	op := "query"
	if c.mutation {
		op = "mutation"
	}
	return op + `(` + args + `) { ` + root + `(basis: $b) { basis ` + c.selection + ` } }`
}

func nonEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case []any:
		return len(x) > 0
	case map[string]any:
		if edges, ok := x["edges"].([]any); ok {
			return len(edges) > 0
		}
		return len(x) > 0
	}
	return true
}

// TestServices runs every serviceCase on both stores, then fails if a
// service of the policy has no field in the schema, or a guarded field never
// returned data from the sandbox in an allowed response.
func TestServices(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		schema := graph.NewExecutableSchema(fx.g.Schema()).Schema()
		served := map[string]bool{}
		for _, c := range serviceCases {
			t.Run(c.service+"/"+c.path, func(t *testing.T) {
				root, rootType := c.root()
				vars := c.vars(t, fx)
				// Allowed: FULL access to the service, and access to every
				// other service the selection reads.
				enf := fx.g.Enforcer()
				others := servicesIn(t, schema, c.query())
				allowed, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
					if a, err := enf.Check(inq, c.service); err != nil || a != authz.AccessFull {
						return false
					}
					for _, s := range others {
						if _, err := enf.Check(inq, s); err != nil {
							return false
						}
					}
					return true
				})
				if !ok {
					t.Fatalf("no seeded official may read %s with FULL access and %v", c.service, others)
				}
				vars["b"] = allowed.basis()
				r := fx.post(t, allowed.IIN, c.query(), vars)
				got := get(r.Data, root+"."+c.path)
				if len(r.Errors) > 0 || !nonEmpty(got) {
					t.Fatalf("%s as %s under %s: no data at %s: %+v", c.service, allowed.Role, allowed.Basis, c.path, r)
				}
				if c.check != nil {
					c.check(t, fx, vars, got)
				}
				markServed(t, schema, c.query(), r.Data, served)

				// Refused: this service, but not the guarded fields above it.
				above := servicesAbove(schema, rootType, c.path)
				refused, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
					if _, err := enf.Check(inq, c.service); err == nil {
						return false
					}
					for _, s := range above {
						if _, err := enf.Check(inq, s); err != nil {
							return false
						}
					}
					return true
				})
				if !ok {
					if deniedSomewhere(fx.g.Policy, c.service, above) {
						t.Fatalf("the policy refuses %s to some role and basis, but no seeded official has such a case (and %v allowed)", c.service, above)
					}
					t.Logf("%s is allowed wherever %v are: no refusal to test", c.service, above)
					return
				}
				vars["b"] = refused.basis()
				r = fx.post(t, refused.IIN, c.query(), vars)
				e := r.errorAt(root + "." + c.path)
				if e == nil || e.Extensions["code"] != sio.EFORBIDDEN || e.Extensions["reason"] == nil || get(r.Data, root+"."+c.path) != nil {
					t.Fatalf("%s as %s under %s: want FORBIDDEN at %s, got %+v", c.service, refused.Role, refused.Basis, c.path, r)
				}
				parent := root + ".basis"
				if i := strings.LastIndex(c.path, "."); i > 0 {
					parent = root + "." + c.path[:i]
				}
				if get(r.Data, parent) == nil {
					t.Fatalf("%s refused: the denial nulled %s too: %+v", c.service, parent, r)
				}
			})
		}
		t.Run("every service is served", func(t *testing.T) {
			checkEveryServiceServed(t, fx.g.Policy, authz.ServiceFields(schema), served)
		})
	})
}

// servicesIn lists the services guarding the fields of query.
func servicesIn(t *testing.T, schema *ast.Schema, query string) []string {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if errs != nil {
		t.Fatalf("query does not validate: %v", errs)
	}
	seen := map[string]bool{}
	var out []string
	var walk func(sel ast.SelectionSet)
	walk = func(sel ast.SelectionSet) {
		for _, s := range sel {
			switch f := s.(type) {
			case *ast.Field:
				if d := f.Definition.Directives.ForName("service"); d != nil {
					if c := d.Arguments.ForName("code").Value.Raw; !seen[c] {
						seen[c] = true
						out = append(out, c)
					}
				}
				walk(f.SelectionSet)
			case *ast.InlineFragment:
				walk(f.SelectionSet)
			case *ast.FragmentSpread:
				walk(f.Definition.SelectionSet)
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet)
	}
	sort.Strings(out)
	return out
}

// markServed records, in served, the guarded fields ("Type.field") of query
// that hold data (non-null, non-empty) in the response data.
func markServed(t *testing.T, schema *ast.Schema, query string, data map[string]any, served map[string]bool) {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(schema, query)
	if errs != nil {
		t.Fatalf("query does not validate: %v", errs)
	}
	var walk func(sel ast.SelectionSet, v any)
	walk = func(sel ast.SelectionSet, v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(sel, e)
			}
			return
		case map[string]any:
			for _, s := range sel {
				switch f := s.(type) {
				case *ast.Field:
					val := x[f.Alias]
					if f.Definition != nil && f.Definition.Directives.ForName("service") != nil && nonEmpty(val) {
						served[f.ObjectDefinition.Name+"."+f.Name] = true
					}
					walk(f.SelectionSet, val)
				case *ast.InlineFragment:
					walk(f.SelectionSet, x)
				case *ast.FragmentSpread:
					walk(f.Definition.SelectionSet, x)
				}
			}
		}
	}
	for _, op := range doc.Operations {
		walk(op.SelectionSet, data)
	}
}

// deniedSomewhere reports whether the policy refuses service to some role
// under a basis the role may use, while allowing it the services above.
func deniedSomewhere(p *authz.Policy, service string, above []string) bool {
	for _, r := range p.Roles {
		for _, b := range p.Bases {
			if _, ok := p.RoleBasis(r.Code, b.Code); !ok {
				continue
			}
			if d := p.Decide(r.Code, b.Code, service); d.Allowed && d.Access == authz.AccessFull {
				continue
			}
			ok := true
			for _, s := range above {
				ok = ok && p.Decide(r.Code, b.Code, s).Allowed
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// checkEveryServiceServed fails if a service of the policy has no field in
// the schema, or a field it guards never returned data in a service case.
func checkEveryServiceServed(t *testing.T, p *authz.Policy, fields map[string][]string, served map[string]bool) {
	var missing []string
	for _, s := range p.Services {
		fs := fields[s.Code]
		if len(fs) == 0 {
			missing = append(missing, s.Code+": no field carries @service(code: \""+s.Code+"\")")
		}
		for _, f := range fs {
			if !served[f] {
				missing = append(missing, s.Code+": "+f+" returned no data in any service case")
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("%d problems:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
}
