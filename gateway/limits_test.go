package gateway_test

import (
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"testing"
	"time"

	"sio/gateway"
	"sio/httpapi"
	"sio/internal/testdb"
	"sio/synth"
)

// TestLimitsThroughGateway serves a seeded store with the default limits:
// a query over a limit is refused before any SQL statement is sent, and
// audited; the same query within the limits reads data; the link chart
// page's own query fits the defaults.
func TestLimitsThroughGateway(t *testing.T) {
	cfg := testdb.Dialects[1].Config(t)
	g, h := openSeeded(t, gateway.Config{DataDir: cfg.DataDir, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		Limits: httpapi.DefaultLimits()})
	fx := &fixture{g: g, srv: httptest.NewServer(h)}
	t.Cleanup(fx.srv.Close)
	t.Cleanup(func() { fx.checkAudited(t) })
	o := fx.allowedAll(t, "PERSONS", "VEHICLES")
	owner := one[string](t, g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY owner_id LIMIT 1`)
	vars := map[string]any{"b": o.basis(), "iin": owner}

	deep := `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { vehicles { edges { node { ownerPerson { iin } } } } } } }`
	r := fx.post(t, o.IIN, deep, vars)
	if r.Status != 200 || r.Data != nil || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != httpapi.ETOOCOMPLEX ||
		r.Extensions["sqlStatements"] != float64(0) {
		t.Fatalf("depth 7: %s", r.Raw)
	}
	if rec := fx.record(t, r.RequestID); !slices.Contains(rec.ErrorCodes, httpapi.ETOOCOMPLEX) || rec.UserIIN != string(o.IIN) || len(rec.Services) != 0 {
		t.Fatalf("audit record of the refusal: %+v", rec)
	}
	r = fx.post(t, o.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { vehicles { edges { node { vin } } } } } }`, vars)
	if len(r.Errors) > 0 || get(r.Data, "inquiry.person.vehicles.edges.0.node.vin") == nil {
		t.Fatalf("depth 6: %s", r.Raw)
	}

	page, err := os.ReadFile("../web/static/links.js")
	testdb.Must(t, err)
	m := regexp.MustCompile("(?s)const linksQuery = `(.*?)`").FindSubmatch(page)
	if m == nil {
		t.Fatal("links.js: no linksQuery")
	}
	r = fx.post(t, o.IIN, string(m[1]), map[string]any{"b": o.basis(), "s": map[string]any{"iin": owner}, "d": 1})
	for _, e := range r.Errors {
		if e.Extensions["code"] == httpapi.ETOOCOMPLEX {
			t.Fatalf("the link chart's query is over the default limits: %s", r.Raw)
		}
	}
}
