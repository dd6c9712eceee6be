package gateway_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"sio/authz"
	"sio/gateway"
	"sio/internal/testdb"
)

// editedPolicy compiles authz/policy.yaml without the serviceRules lines
// containing each of drop (each must match exactly one line, so that the
// test fails rather than passes vacuously when the policy changes).
func editedPolicy(t *testing.T, drop ...string) *authz.Policy {
	t.Helper()
	b, err := os.ReadFile("../authz/policy.yaml")
	testdb.Must(t, err)
	lines := strings.Split(string(b), "\n")
	for _, d := range drop {
		var kept []string
		for _, l := range lines {
			if !strings.Contains(l, d) {
				kept = append(kept, l)
			}
		}
		if len(lines)-len(kept) != 1 {
			t.Fatalf("policy.yaml: %d lines contain %q, want 1", len(lines)-len(kept), d)
		}
		lines = kept
	}
	p, err := authz.Parse([]byte(strings.Join(lines, "\n")))
	testdb.Must(t, err)
	return p
}

// TestLinksUnderEditedPolicy exercises, through HTTP, decisions the
// embedded policy never makes because it grants services 78 and 79 and
// every link source together: a basis with links of level 1 but not of
// level 2, and a basis with links but without ЗАГС. The gateway is opened
// with a copy of policy.yaml without the CRIMINAL_CASE rules of
// LINKS_LEVEL2 (000 App.2 row 79) and CIVIL_REGISTRY (row 32).
func TestLinksUnderEditedPolicy(t *testing.T) {
	policy := editedPolicy(t, "{basis: CRIMINAL_CASE, service: LINKS_LEVEL2,", "{basis: CRIMINAL_CASE, service: CIVIL_REGISTRY,")
	fx := newFixtureWith(t, gateway.Config{DataDir: t.TempDir(), Sandbox: true, Policy: policy})
	if fx.g.Policy != policy {
		t.Fatal("the gateway did not take the policy of its configuration")
	}
	enf := fx.g.Enforcer()
	var sources []string
	for _, s := range fx.g.LinkEngine().Sources {
		sources = append(sources, s.Service())
	}
	allowed := func(inq *authz.Inquiry, services ...string) bool {
		for _, s := range services {
			if _, err := enf.Check(inq, s); err != nil {
				return false
			}
		}
		return true
	}
	others := func(but string) []string {
		var out []string
		for _, s := range sources {
			if s != but {
				out = append(out, s)
			}
		}
		return out
	}
	// narrow: links of level 1 and every source but ЗАГС; not level 2.
	narrow, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
		return allowed(inq, append(others("CIVIL_REGISTRY"), "LINKS_LEVEL1")...) &&
			!allowed(inq, "LINKS_LEVEL2") && !allowed(inq, "CIVIL_REGISTRY")
	})
	if !ok {
		t.Fatal("no official has links of level 1 without level 2 and ЗАГС under the edited policy")
	}
	// full: both levels and every source.
	full, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
		return allowed(inq, append(sources, "LINKS_LEVEL1", "LINKS_LEVEL2")...)
	})
	if !ok {
		t.Fatal("no official has both link levels and every source under the edited policy")
	}
	if narrow.Basis != "CRIMINAL_CASE" || full.Basis == "CRIMINAL_CASE" {
		t.Fatalf("narrow official under %s, full under %s", narrow.Basis, full.Basis)
	}
	person := linkedPerson(t, fx)["iin"].(string)
	build := func(t *testing.T, o official, depth int) (linkGraph, gqlResponse) {
		t.Helper()
		r := fx.post(t, o.IIN, linksQuery, map[string]any{"b": o.basis(), "s": map[string]any{"iin": person}, "depth": depth})
		var g linkGraph
		if links := get(r.Data, "inquiry.links"); links != nil {
			b, _ := json.Marshal(links)
			testdb.Must(t, json.Unmarshal(b, &g))
		}
		return g, r
	}
	omitted := func(t *testing.T, r gqlResponse) int {
		t.Helper()
		n, ok := r.Extensions["linksOmitted"].(float64)
		if !ok {
			t.Fatalf("no linksOmitted extension: %v", r.Extensions)
		}
		return int(n)
	}

	t.Run("depth 2 needs LINKS_LEVEL2", func(t *testing.T) {
		g, r := build(t, narrow, 1)
		if len(r.Errors) > 0 || len(g.Nodes) < 2 || g.Depth != 1 {
			t.Fatalf("depth 1 under %s: %d nodes, errors %+v", narrow.Basis, len(g.Nodes), r.Errors)
		}
		g, r = build(t, narrow, 2)
		e := r.errorAt("inquiry.links")
		want := fx.g.Policy.Decide(narrow.Role, narrow.Basis, "LINKS_LEVEL2")
		if e == nil || e.Extensions["code"] != "FORBIDDEN" || e.Extensions["reason"] != authz.ReasonServiceNotAllowedForBasis ||
			e.Extensions["source"] != want.Source.String() || !strings.Contains(e.Message, "LINKS_LEVEL2") {
			t.Fatalf("depth 2 under %s: %+v", narrow.Basis, r.Errors)
		}
		// The refusal cites the empty cell of service 79 (App. 2 row 79).
		if !strings.Contains(want.Source.String(), "row79") {
			t.Fatalf("the refusal cites %s", want.Source)
		}
		if get(r.Data, "inquiry.links") != nil || len(g.Nodes) != 0 {
			t.Fatalf("a refused depth-2 graph was served: %v", get(r.Data, "inquiry.links"))
		}
		denied := false
		for _, d := range fx.record(t, r.RequestID).Denials {
			denied = denied || (d.Service == "LINKS_LEVEL2" && d.Reason == authz.ReasonServiceNotAllowedForBasis)
		}
		if !denied {
			t.Fatalf("the audit record does not hold the refusal of LINKS_LEVEL2: %+v", fx.record(t, r.RequestID).Denials)
		}
		// The same graph is served to a basis with service 79.
		if g, r := build(t, full, 2); len(r.Errors) > 0 || g.Depth != 2 {
			t.Fatalf("depth 2 under %s: %+v", full.Basis, r.Errors)
		}
	})

	t.Run("edges of a refused source are left out and counted", func(t *testing.T) {
		seen, rs := build(t, full, 1)
		hidden, rh := build(t, narrow, 1)
		if len(rs.Errors) > 0 || len(rh.Errors) > 0 {
			t.Fatalf("errors: %+v / %+v", rs.Errors, rh.Errors)
		}
		family := 0
		rest := map[string]bool{}
		for _, e := range seen.Edges {
			if e.Provenance.Service == "CIVIL_REGISTRY" {
				family++
			} else {
				rest[e.ID] = true
			}
		}
		if family == 0 || omitted(t, rs) != 0 {
			t.Fatalf("allowed ЗАГС (%s): %d family edges, %d omitted", full.Basis, family, omitted(t, rs))
		}
		for _, e := range hidden.Edges {
			if e.Provenance.Service == "CIVIL_REGISTRY" {
				t.Fatalf("refused ЗАГС (%s), yet an edge of it was served: %+v", narrow.Basis, e)
			}
			if !rest[e.ID] {
				t.Fatalf("edge %s is in the graph without ЗАГС but not in the graph with it", e.ID)
			}
		}
		// Exactly the family edges are missing, and counted.
		if n := omitted(t, rh); n != family || len(hidden.Edges) != len(rest) {
			t.Fatalf("refused ЗАГС: %d edges (want %d), %d omitted (want %d)", len(hidden.Edges), len(rest), n, family)
		}
	})
}
