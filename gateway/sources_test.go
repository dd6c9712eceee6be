package gateway_test

import (
	"fmt"
	"net/http/httptest"
	"reflect"
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
// SOURCE_UNAVAILABLE once its timeout passes; after three failures the
// vehicles breaker opens and fails requests without dialling; when the path
// is back, the breaker closes and vehicles resolve again.
func TestSourceDownPartialResults(t *testing.T) {
	cfg := testdb.Dialects[0].Config(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	g, h := openSeeded(t, gateway.Config{PostgresDSN: cfg.PostgresDSN, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		StoreDSN:     map[string]string{vehicles.Name: proxy.WithPort(cfg.PostgresDSN)},
		StoreTimeout: time.Second, BreakerFailures: 3, BreakerCooldown: time.Second})
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
	for i := range 3 {
		partial(fmt.Sprintf("vehicles down, attempt %d", i+1))
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
	if httpapi.DefaultLimits().Timeout < 5*time.Second {
		t.Fatal("the default request timeout is shorter than the default store timeout")
	}
}
