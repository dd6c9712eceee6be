package gateway_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/connectors/vehicles"
	"sio/gateway"
	"sio/httpapi"
	"sio/internal/testdb"
	"sio/synth"
)

// personCard reads a person from six state databases at once.
const personCard = `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) {
	iin fullName vehicles { totalCount } realEstate { totalCount } companies { totalCount }
	family { relation } taxpayer { kind } taxDebts { kbk } } } }`

// TestSourceDownPartialResults runs on PostgreSQL with the vehicles
// database behind a proxy that swallows connections (a dead network path):
// every other field of the person still resolves, vehicles is null with
// SOURCE_UNAVAILABLE once its own timeout passes (1 s for vehicles alone,
// --store-timeout vehicles=1s; the request and every other store may take
// two minutes, so only that timeout can end it, and the vehicles
// statements are counted as ended by it); after three failures the
// vehicles breaker opens and fails requests without dialling; when the path
// is back, the breaker closes and vehicles resolve again.
func TestSourceDownPartialResults(t *testing.T) {
	cfg := testdb.Dialects[0].Config(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	lim := featureLimits
	lim.Timeout = 2 * time.Minute
	g, h := openSeeded(t, gateway.Config{PostgresDSN: cfg.PostgresDSN, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		StoreDSN:     map[string]string{vehicles.Name: proxy.WithPort(cfg.PostgresDSN)},
		StoreTimeout: 2 * time.Minute, StoreTimeouts: map[string]time.Duration{vehicles.Name: time.Second},
		BreakerFailures: 3, BreakerCooldown: time.Second, Limits: lim})
	fx := &fixture{g: g, srv: httptest.NewServer(h)}
	t.Cleanup(fx.srv.Close)
	t.Cleanup(func() { fx.checkAudited(t) })
	o := fx.allowedAll(t, "PERSONS", "VEHICLES", "REAL_ESTATE", "LEGAL_ENTITIES", "CIVIL_REGISTRY", "TAXPAYERS", "TAX_DEBTS")
	owner := one[string](t, g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY owner_id LIMIT 1`)
	vars := map[string]any{"b": o.basis(), "iin": owner}
	others := []string{"fullName", "realEstate", "companies", "family", "taxpayer", "taxDebts"}

	whole := fx.post(t, o.IIN, personCard, vars)
	if len(whole.Errors) > 0 || get(whole.Data, "inquiry.person.vehicles.totalCount") == float64(0) {
		t.Fatalf("all sources up: %s", whole.Raw)
	}
	partial := func(what string) {
		t.Helper()
		r := fx.post(t, o.IIN, personCard, vars)
		e := r.errorAt("inquiry.person.vehicles")
		if r.Status != 200 || len(r.Errors) != 1 || e == nil || e.Extensions["code"] != sio.ESOURCEUNAVAILABLE ||
			get(r.Data, "inquiry.person.vehicles") != nil {
			t.Fatalf("%s: %s", what, r.Raw)
		}
		for _, f := range others {
			if got, want := get(r.Data, "inquiry.person."+f), get(whole.Data, "inquiry.person."+f); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: %s = %v, with every source up %v", what, f, got, want)
			}
		}
	}

	proxy.Blackout()
	before := statementOutcomes(t, fx, vehicles.Name)
	for i := range 3 {
		partial(fmt.Sprintf("vehicles down, attempt %d", i+1))
	}
	// Each failed vehicles statement was ended by the store's own timeout,
	// none by the request's deadline or otherwise.
	after := statementOutcomes(t, fx, vehicles.Name)
	if timeouts := after["timeout"] - before["timeout"]; timeouts < 3 || after["error"] != before["error"] {
		t.Fatalf("vehicles statements while down: %v timeouts and %v other errors, want every failure (3 at least) a store timeout",
			timeouts, after["error"]-before["error"])
	}
	if s := g.Vehicles.DB().BreakerState(); s != "open" {
		t.Fatalf("vehicles breaker %s after 3 failures", s)
	}
	dialled := proxy.Accepted()
	partial("breaker open")
	if proxy.Accepted() != dialled {
		t.Fatal("the open breaker still dialled the vehicles database")
	}
	for _, db := range []interface{ BreakerState() string }{g.Persons.DB(), g.RealEstate.DB(), g.Civil.DB()} {
		if s := db.BreakerState(); s != "closed" {
			t.Fatalf("another source's breaker is %s", s)
		}
	}

	proxy.Restore()
	var r gqlResponse
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if r = fx.post(t, o.IIN, personCard, vars); len(r.Errors) == 0 {
			break
		}
	}
	if len(r.Errors) > 0 || !reflect.DeepEqual(get(r.Data, "inquiry.person"), get(whole.Data, "inquiry.person")) {
		t.Fatalf("after recovery: %s", r.Raw)
	}
	if s := g.Vehicles.DB().BreakerState(); s != "closed" {
		t.Fatalf("vehicles breaker %s after recovery", s)
	}
}

// TestRequestTimeout: a source that hangs longer than the request may take
// (store timeout 1 minute, request timeout 2 s) fails its field at the
// request's deadline; the rest of the answer and its audit record stand.
func TestRequestTimeout(t *testing.T) {
	cfg := testdb.Dialects[0].Config(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	lim := featureLimits
	lim.Timeout = 2 * time.Second
	g, h := openSeeded(t, gateway.Config{PostgresDSN: cfg.PostgresDSN, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		StoreDSN: map[string]string{vehicles.Name: proxy.WithPort(cfg.PostgresDSN)}, StoreTimeout: time.Minute, Limits: lim})
	fx := &fixture{g: g, srv: httptest.NewServer(h)}
	t.Cleanup(fx.srv.Close)
	t.Cleanup(func() { fx.checkAudited(t) })
	o := fx.allowedAll(t, "PERSONS", "VEHICLES")
	owner := one[string](t, g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY owner_id LIMIT 1`)
	proxy.Blackout()
	r := fx.post(t, o.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin vehicles { totalCount } } } }`,
		map[string]any{"b": o.basis(), "iin": owner})
	e := r.errorAt("inquiry.person.vehicles")
	if r.Status != 200 || get(r.Data, "inquiry.person.iin") != owner || e == nil || e.Extensions["code"] != sio.ESOURCEUNAVAILABLE {
		t.Fatalf("past the request deadline: %s", r.Raw)
	}
	if rec := fx.record(t, r.RequestID); rec.UserIIN != string(o.IIN) {
		t.Fatalf("audit record: %+v", rec)
	}
	// Ended by the request's deadline, not by the store's timeout.
	if out := statementOutcomes(t, fx, vehicles.Name); out["timeout"] != 0 || out["error"] == 0 {
		t.Fatalf("vehicles statements past the request deadline: %v, want errors and no store timeout", out)
	}
	if httpapi.DefaultLimits().Timeout < 5*time.Second {
		t.Fatal("the default request timeout is shorter than the default store timeout")
	}
}

// statementOutcomes reads the gateway's sio_sql_statements_total of one
// store by outcome (ok, error, timeout: ended by the store's own timeout).
func statementOutcomes(t *testing.T, fx *fixture, store string) map[string]float64 {
	t.Helper()
	return statementCounts(t, fx, func(l map[string]string) string {
		if l["store"] != store {
			return ""
		}
		return l["outcome"]
	})
}

// Per-store timeouts name stores that exist: a misspelt one is refused
// before anything opens.
func TestStoreTimeoutOfUnknownStore(t *testing.T) {
	_, err := gateway.Open(context.Background(), gateway.Config{DataDir: t.TempDir(),
		StoreTimeouts: map[string]time.Duration{"vehicle": time.Second}})
	if err == nil || !strings.Contains(err.Error(), `unknown store "vehicle"`) || !strings.Contains(err.Error(), vehicles.Name) {
		t.Fatalf("Open with a timeout for store \"vehicle\": %v", err)
	}
	_, err = gateway.Open(context.Background(), gateway.Config{DataDir: t.TempDir(),
		StoreTimeouts: map[string]time.Duration{vehicles.Name: -time.Second}})
	if err == nil {
		t.Fatal("Open with a negative store timeout")
	}
}
