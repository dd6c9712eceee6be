package gateway_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/gateway"
	"sio/httpapi"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// fixture is a gateway over a seeded store served on a loopback listener.
type fixture struct {
	g   *gateway.Gateway
	srv *httptest.Server
	// inqs caches the inquiries of the sandbox officials (see inquiries).
	inqs []openedInquiry
	// acked are the request ids of the responses the fixture received:
	// each must have its audit record (checked when the test ends).
	mu    sync.Mutex
	acked []string
}

// openedInquiry is an official with the inquiry their basis opens.
type openedInquiry struct {
	official
	inq *authz.Inquiry
}

func newFixture(t *testing.T, cfg sqldb.Config, sandbox bool) *fixture {
	t.Helper()
	return newFixtureWith(t, gateway.Config{DataDir: cfg.DataDir, PostgresDSN: cfg.PostgresDSN, Sandbox: sandbox})
}

// newFixtureWith is newFixture for a gateway configured further (an
// edited policy, say); the fixture sets the loader window and the clock.
func newFixtureWith(t *testing.T, gcfg gateway.Config) *fixture {
	t.Helper()
	gcfg.LoaderWait, gcfg.Now = 30*time.Millisecond, synth.SnapshotClock(time.Now)
	g, h := openSeeded(t, gcfg)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	fx := &fixture{g: g, srv: srv}
	t.Cleanup(func() { fx.checkAudited(t) })
	return fx
}

// checkAudited verifies the audit chain and that every response the
// fixture received has its committed record.
func (fx *fixture) checkAudited(t *testing.T) {
	ctx := context.Background()
	anchor, err := audit.ReadAnchor(fx.g.AuditAnchor.Path())
	testdb.Must(t, err)
	rep, err := audit.VerifyWith(ctx, fx.g.Audit, audit.VerifyOptions{
		Trusted: []ed25519.PublicKey{fx.g.AuditKey.Public().(ed25519.PublicKey)}, Anchors: []audit.Anchor{anchor}})
	testdb.Must(t, err)
	if !rep.OK() {
		t.Fatalf("the audit log does not verify: %v", rep.Problems)
	}
	var ids []string
	db := fx.g.Audit.Owner()
	testdb.Must(t, db.Select(ctx, &ids, db.Q(`SELECT request_id FROM {records}`)))
	have := make(map[string]bool, len(ids))
	for _, id := range ids {
		have[id] = true
	}
	fx.mu.Lock()
	defer fx.mu.Unlock()
	for _, id := range fx.acked {
		if !have[id] {
			t.Fatalf("response %s has no audit record", id)
		}
	}
	if int64(len(fx.acked)) > rep.Records {
		t.Fatalf("%d responses, %d audit records", len(fx.acked), rep.Records)
	}
}

// featureLimits are the request limits of the feature tests, whose
// queries read whole records through connections (deeper than 6), batches
// of 100 persons (cost) and many policy decisions at once (tokens); the
// limits themselves are tested with the defaults (httpapi.DefaultLimits,
// see limits_test.go and TestLimitsThroughGateway).
var featureLimits = httpapi.Limits{Depth: 12, Tokens: 1_000_000, Aliases: 100_000, Cost: 10_000_000}

// openSeeded opens a gateway, seeds it (600 persons, seed 7) and builds its
// handler (with featureLimits unless gcfg sets limits).
func openSeeded(t *testing.T, gcfg gateway.Config) (*gateway.Gateway, http.Handler) {
	t.Helper()
	ctx := context.Background()
	if gcfg.Limits == (httpapi.Limits{}) {
		gcfg.Limits = featureLimits
	}
	if gcfg.DataDir == "" {
		// The audit key and anchor file live there.
		gcfg.DataDir = t.TempDir()
	}
	g, err := gateway.Open(ctx, gcfg)
	testdb.Must(t, err)
	t.Cleanup(func() { g.Close() })
	seeded, err := g.IsSeeded(ctx)
	testdb.Must(t, err)
	if seeded {
		t.Fatal("a fresh store reports seeded")
	}
	if _, err := g.Seed(ctx, synth.Config{Seed: 7, Persons: 600, BatchPersons: 250}); err != nil {
		t.Fatal(err)
	}
	if seeded, err = g.IsSeeded(ctx); err != nil || !seeded {
		t.Fatalf("after Seed: seeded=%v err=%v", seeded, err)
	}
	h, err := g.Handler()
	testdb.Must(t, err)
	return g, h
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Status int
	// Raw is the body as received; RequestID its X-Request-Id.
	Raw        []byte
	RequestID  string
	Data       map[string]any `json:"data"`
	Errors     []gqlError     `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

func (fx *fixture) post(t *testing.T, user sio.IIN, query string, vars map[string]any) gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, fx.srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if user != "" {
		req.Header.Set("X-Dev-User", string(user))
	}
	resp, err := http.DefaultClient.Do(req)
	testdb.Must(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	testdb.Must(t, err)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("response is not JSON: %v", err)
	}
	out.Status, out.Raw, out.RequestID = resp.StatusCode, raw, resp.Header.Get("X-Request-Id")
	if out.RequestID != "" {
		fx.mu.Lock()
		fx.acked = append(fx.acked, out.RequestID)
		fx.mu.Unlock()
	}
	return out
}

// get walks a decoded JSON value by keys and indexes ("a.b.0.c").
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			var i int
			fmt.Sscan(k, &i)
			if i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func (r gqlResponse) errorAt(path string) *gqlError {
	for i := range r.Errors {
		var parts []string
		for _, p := range r.Errors[i].Path {
			parts = append(parts, fmt.Sprint(p))
		}
		if strings.Join(parts, ".") == path {
			return &r.Errors[i]
		}
	}
	return nil
}

// official is a sandbox user with an open case usable as a basis.
type official struct {
	IIN     sio.IIN
	Role    string
	Agency  string
	Basis   string
	Case    string
	Article string
	// Year and Court of a court case (ЕАИАС).
	Year  int
	Court string
	// Sanction is a court sanction (ЕАИАС number) granted on the case.
	Sanction string
}

// basis is the BasisInput naming the official's case.
func (o official) basis() map[string]any {
	b := map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка по материалам дела"}
	if o.Court != "" {
		b["year"], b["court"] = o.Year, o.Court
	}
	if o.Sanction != "" {
		b["courtSanction"] = o.Sanction
	}
	return b
}

const sandboxUsersQuery = `{ sandboxUsers { iin fullName agency blocked agreementSigned role { code nameRu }
	cases { registry number basis article status court year } courtSanctions { number caseNumber status } } }`

// officials lists, from the sandboxUsers API, every usable (user, open case).
func (fx *fixture) officials(t *testing.T) []official {
	r := fx.post(t, "", sandboxUsersQuery, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("sandboxUsers: %+v", r.Errors)
	}
	var out []official
	for _, u := range r.Data["sandboxUsers"].([]any) {
		if get(u, "blocked") == true || get(u, "agreementSigned") == false {
			continue
		}
		for _, c := range get(u, "cases").([]any) {
			if get(c, "status") != sio.CaseOpen {
				continue
			}
			art, _ := get(c, "article").(string)
			court, _ := get(c, "court").(string)
			year, _ := get(c, "year").(float64)
			o := official{IIN: sio.IIN(get(u, "iin").(string)), Role: get(u, "role.code").(string), Agency: get(u, "agency").(string),
				Basis: get(c, "basis").(string), Case: get(c, "number").(string), Article: art, Court: court, Year: int(year)}
			out = append(out, o)
			// The same case with each court sanction granted on it.
			for _, cs := range get(u, "courtSanctions").([]any) {
				if get(cs, "caseNumber") == o.Case && get(cs, "status") == "GRANTED" {
					o.Sanction = get(cs, "number").(string)
					out = append(out, o)
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no usable sandbox official")
	}
	return out
}

// allowedAll returns an official whose role and basis allow every service.
func (fx *fixture) allowedAll(t *testing.T, services ...string) official {
	t.Helper()
	for _, o := range fx.officials(t) {
		ok := true
		for _, s := range services {
			d := fx.g.Policy.Decide(o.Role, o.Basis, s)
			ok = ok && d.Allowed && d.Access == "FULL"
		}
		if ok {
			return o
		}
	}
	t.Fatalf("no official may read all of %v with FULL access", services)
	return official{}
}

// one runs a query (tables written `{name}`, see sqldb.DB.Q) returning one
// value.
func one[T any](t *testing.T, db *sqldb.DB, query string) T {
	t.Helper()
	var v T
	if err := db.Get(context.Background(), &v, db.Q(query)); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

func TestEndToEnd(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		core := []string{"PERSONS", "LEGAL_ENTITIES", "REAL_ESTATE", "LAND_PLOTS", "VEHICLES", "TAXPAYERS", "TAX_DEBTS", "CIVIL_REGISTRY"}
		inv := fx.allowedAll(t, core...)
		basis := inv.basis()

		t.Run("healthz", func(t *testing.T) {
			resp, err := http.Get(fx.srv.URL + "/healthz")
			testdb.Must(t, err)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("healthz = %d", resp.StatusCode)
			}
		})

		t.Run("me", func(t *testing.T) {
			r := fx.post(t, inv.IIN, `{ me { iin fullName role { code nameRu } agreementSigned blocked } }`, nil)
			if len(r.Errors) > 0 || get(r.Data, "me.iin") != string(inv.IIN) || get(r.Data, "me.role.code") != inv.Role || get(r.Data, "me.role.nameRu") == "" {
				t.Fatalf("me = %+v", r)
			}
			if r := fx.post(t, "", `{ me { iin } }`, nil); r.errorAt("me") == nil || r.errorAt("me").Extensions["code"] != sio.EUNAUTHENTICATED {
				t.Fatalf("me without a user = %+v", r)
			}
		})

		t.Run("person with links", func(t *testing.T) {
			owner := one[string](t, fx.g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY vin LIMIT 1`)
			r := fx.post(t, inv.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { basis case { number article }
				person(iin: $iin) { iin fullName birthDate gender region { nameRu plateCode }
					vehicles(first: 5) { totalCount edges { cursor node { vin plate ownerPerson { iin } } } pageInfo { hasNextPage endCursor } }
					realEstate { totalCount edges { node { share realEstate { cadastralNumber address } } } }
					companies { totalCount edges { node { kind legalEntity { bin nameRu } } } }
					family { relation relativeIin relative { fullName } }
					taxpayer { id kind taxOffice { code nameRu } debts { kbk total } }
				} } }`, map[string]any{"b": basis, "iin": owner})
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %+v", r.Errors)
			}
			p := get(r.Data, "inquiry.person")
			if get(p, "iin") != owner || get(p, "fullName") == "" || get(p, "region.nameRu") == nil {
				t.Fatalf("person = %v", p)
			}
			iin, _ := sio.ParseIIN(owner, "iin")
			if get(p, "birthDate") != iin.BirthDate().Format(time.DateOnly) || get(p, "gender") != string(iin.Gender()) {
				t.Fatalf("birth date/gender do not match the IIN: %v", p)
			}
			n := one[int](t, fx.g.Vehicles.DB(), `SELECT COUNT(*) FROM {vehicles} WHERE owner_id = '`+owner+`'`)
			if get(p, "vehicles.totalCount") != float64(n) || get(p, "vehicles.edges.0.node.ownerPerson.iin") != owner {
				t.Fatalf("vehicles = %v, want %d", get(p, "vehicles"), n)
			}
			if get(r.Data, "inquiry.case.number") != inv.Case || get(r.Data, "inquiry.basis") != inv.Basis {
				t.Fatalf("inquiry = %v", r.Data["inquiry"])
			}
		})

		t.Run("pagination", func(t *testing.T) {
			owner := one[string](t, fx.g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' GROUP BY owner_id HAVING COUNT(*) > 1 ORDER BY owner_id LIMIT 1`)
			q := `query($b: BasisInput!, $iin: IIN!, $after: String) { inquiry(basis: $b) { person(iin: $iin) { vehicles(first: 1, after: $after) { totalCount edges { node { vin } } pageInfo { hasNextPage endCursor } } } } }`
			seen := map[string]bool{}
			var after any
			for i := 0; i < 50; i++ {
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "iin": owner, "after": after})
				c := get(r.Data, "inquiry.person.vehicles")
				if len(r.Errors) > 0 || c == nil {
					t.Fatalf("page %d: %+v", i, r)
				}
				seen[get(c, "edges.0.node.vin").(string)] = true
				if get(c, "pageInfo.hasNextPage") != true {
					if len(seen) != int(get(c, "totalCount").(float64)) {
						t.Fatalf("paged through %d of %v vehicles", len(seen), get(c, "totalCount"))
					}
					return
				}
				after = get(c, "pageInfo.endCursor")
			}
			t.Fatal("pagination did not end")
		})

		t.Run("legal entity", func(t *testing.T) {
			bin := one[string](t, fx.g.Entities.DB(), `SELECT entity_bin FROM {founders} GROUP BY entity_bin ORDER BY COUNT(*) DESC, entity_bin LIMIT 1`)
			var want []string
			db := fx.g.Entities.DB()
			testdb.Must(t, db.Select(context.Background(), &want, db.Q(`SELECT founder_id FROM {founders} WHERE entity_bin = ?
				ORDER BY share_percent DESC, founder_id`), bin))
			if len(want) < 3 {
				t.Fatalf("the entity with the most founders has %d: cannot page", len(want))
			}
			// Founders are a connection: paged two at a time, largest share
			// first, each page counting them all.
			q := `query($b: BasisInput!, $bin: BIN!, $after: String) { inquiry(basis: $b) { legalEntity(bin: $bin) {
				bin nameRu legalForm directorIin director { iin }
				founders(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor }
					edges { cursor node { founderId founderKind sharePercent person { iin } legalEntity { bin } } } }
				taxpayer { kind } } } }`
			var got []string
			var after any
			for page := 0; ; page++ {
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "bin": bin, "after": after})
				e := get(r.Data, "inquiry.legalEntity")
				c := get(e, "founders")
				if len(r.Errors) > 0 || get(e, "bin") != bin || c == nil || get(c, "totalCount") != float64(len(want)) || page > len(want) {
					t.Fatalf("legalEntity, page %d = %s", page, r.Raw)
				}
				edges := get(c, "edges").([]any)
				if len(edges) == 0 || len(edges) > 2 || get(c, "pageInfo.endCursor") != get(edges[len(edges)-1], "cursor") {
					t.Fatalf("page %d: %v", page, c)
				}
				for _, ed := range edges {
					f := get(ed, "node")
					if get(f, "founderKind") == "PERSON" && get(f, "person.iin") != get(f, "founderId") ||
						get(f, "founderKind") == "LEGAL_ENTITY" && get(f, "legalEntity.bin") != get(f, "founderId") {
						t.Fatalf("founder not resolved: %v", f)
					}
					got = append(got, get(f, "founderId").(string))
				}
				if get(c, "pageInfo.hasNextPage") != true {
					break
				}
				after = get(c, "pageInfo.endCursor")
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("paged founders %v, want %v", got, want)
			}
			r := fx.post(t, inv.IIN, `query($b: BasisInput!, $bin: BIN!) { inquiry(basis: $b) { legalEntity(bin: $bin) { founders(first: 101) { totalCount } } } }`,
				map[string]any{"b": basis, "bin": bin})
			if e := r.errorAt("inquiry.legalEntity.founders"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "first" {
				t.Fatalf("founders(first: 101): %s", r.Raw)
			}
		})

		t.Run("founders batched per level", func(t *testing.T) {
			// The founders of a list of entities (the company founders of
			// the hub, each with founders of its own): one statement for the
			// level, as with the plain list the connection replaced.
			db := fx.g.Entities.DB()
			hub := one[string](t, db, `SELECT entity_bin FROM {founders} WHERE founder_kind = 'LEGAL_ENTITY'
				GROUP BY entity_bin ORDER BY COUNT(*) DESC, entity_bin LIMIT 1`)
			q := `query($b: BasisInput!, $bin: BIN!) { inquiry(basis: $b) { legalEntity(bin: $bin) { bin
				founders(first: 10) { edges { node { founderId legalEntity { bin founders(first: 3) { totalCount edges { node { founderId } } } } } } } } } }`
			before := statementsByStore(t, fx)
			r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "bin": hub})
			after := statementsByStore(t, fx)
			edges, _ := get(r.Data, "inquiry.legalEntity.founders.edges").([]any)
			if len(r.Errors) > 0 || len(edges) == 0 {
				t.Fatalf("founders of the hub: %s", r.Raw)
			}
			nested := 0
			for _, ed := range edges {
				e := get(ed, "node.legalEntity")
				if e == nil {
					continue
				}
				nested++
				n := one[int](t, db, `SELECT COUNT(*) FROM {founders} WHERE entity_bin = '`+get(e, "bin").(string)+`'`)
				if get(e, "founders.totalCount") != float64(n) || len(get(e, "founders.edges").([]any)) != min(n, 3) {
					t.Fatalf("founders of founder %v: %v, want %d in all", get(e, "bin"), get(e, "founders"), n)
				}
			}
			if nested < 2 {
				t.Fatalf("the hub has %d company founders: no level to batch", nested)
			}
			// ГБД ЮЛ: the hub, its founders, the founder companies, their
			// founders: four statements whatever the number of founders.
			if n := after["gbd_ul"] - before["gbd_ul"]; n != 4 {
				t.Fatalf("founders of %d companies took %v statements on gbd_ul, want 4 (one per level)", nested, n)
			}
		})

		t.Run("lookups by key", func(t *testing.T) {
			plate, vin := one[string](t, fx.g.Vehicles.DB(), `SELECT plate FROM {vehicles} ORDER BY vin LIMIT 1`), one[string](t, fx.g.Vehicles.DB(), `SELECT vin FROM {vehicles} ORDER BY vin LIMIT 1`)
			cad := one[string](t, fx.g.RealEstate.DB(), `SELECT cadastral_number FROM {properties} ORDER BY cadastral_number LIMIT 1`)
			plot := one[string](t, fx.g.Land.DB(), `SELECT cadastral_number FROM {plots} ORDER BY cadastral_number LIMIT 1`)
			r := fx.post(t, inv.IIN, `query($b: BasisInput!, $plate: String, $vin: String, $cad: String!, $plot: String!) { inquiry(basis: $b) {
				byPlate: vehicle(plate: $plate) { vin } byVin: vehicle(vin: $vin) { plate }
				realEstate(cadastralNumber: $cad) { cadastralNumber rights { share person { iin } legalEntity { bin } } }
				landPlot(cadastralNumber: $plot) { areaHa rights { rightType } } } }`,
				map[string]any{"b": basis, "plate": plate, "vin": vin, "cad": cad, "plot": plot})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.byPlate.vin") != vin || get(r.Data, "inquiry.byVin.plate") != plate ||
				get(r.Data, "inquiry.realEstate.cadastralNumber") != cad || len(get(r.Data, "inquiry.realEstate.rights").([]any)) == 0 ||
				get(r.Data, "inquiry.landPlot.areaHa") == nil {
				t.Fatalf("lookups = %+v", r)
			}
		})

		t.Run("bad identifiers", func(t *testing.T) {
			for _, tc := range []struct{ field, arg, value, want string }{
				{"person(iin: %q) { iin }", "iin", "12345", "12 digits"},
				{"person(iin: %q) { iin }", "iin", "85031440010x", "digits only"},
				{"person(iin: %q) { iin }", "iin", "850314400108", "check digit"},
				{"legalEntity(bin: %q) { bin }", "bin", "110540123457x", "12 digits"},
				{"taxpayer(id: %q) { id }", "id", "850314400108", "check digit"},
				{"realEstate(cadastralNumber: %q) { kind }", "cadastralNumber", "1:2:3", "RR:DDD"},
				{"vehicle(vin: %q) { plate }", "vin", "IOQ", "17 characters"},
			} {
				q := `query($b: BasisInput!) { inquiry(basis: $b) { ` + fmt.Sprintf(tc.field, tc.value) + ` } }`
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis})
				if len(r.Errors) != 1 {
					t.Fatalf("%s: want one error, got %+v", tc.value, r.Errors)
				}
				e := r.Errors[0]
				if e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != tc.arg || !strings.Contains(e.Message, tc.want) {
					t.Errorf("%s=%s: error %+v; want BAD_USER_INPUT naming %s mentioning %q", tc.arg, tc.value, e, tc.arg, tc.want)
				}
			}
		})

		t.Run("sql statements bounded by depth", func(t *testing.T) {
			var iins []string
			testdb.Must(t, fx.g.Persons.DB().Select(context.Background(), &iins, fx.g.Persons.DB().Q(`SELECT iin FROM {persons} ORDER BY iin LIMIT 100`)))
			q := `query($b: BasisInput!, $iins: [IIN!]!) { inquiry(basis: $b) { persons(iins: $iins) { iin
				vehicles { edges { node { plate ownerPerson { iin } } } }
				realEstate { edges { node { share realEstate { address } } } }
				companies { edges { node { kind legalEntity { nameRu } } } } } } }`
			// count runs the query over keys and returns the statements it
			// took (the response's extensions.sqlStatements) and, from the
			// metrics, the statements per state database.
			count := func(keys []string) (int64, map[string]float64) {
				before := statementsByStore(t, fx)
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "iins": keys})
				if len(r.Errors) > 0 || len(get(r.Data, "inquiry.persons").([]any)) != len(keys) {
					t.Fatalf("persons: %+v", r.Errors)
				}
				after := statementsByStore(t, fx)
				for store, n := range before {
					after[store] -= n
				}
				delete(after, "audit") // group commits of this and earlier requests
				n, _ := r.Extensions["sqlStatements"].(float64)
				return int64(n), after
			}
			small, smallBy := count(iins[:5])
			large, largeBy := count(iins)
			// At most one statement per connector per level of the query:
			// level 1 persons (ГБД ФЛ); level 2 vehicles, real-estate
			// rights, company roles (ГБД ЮЛ); level 3 the owners (ГБД ФЛ),
			// the objects (real estate), the companies (ГБД ЮЛ). Before the
			// data: the caller's account (authentication, not counted in
			// sqlStatements) and the case of the basis with the caller's
			// caseload (one statement, on the store of the case's registry
			// only: each registry is a store of its own).
			rule, ok := fx.g.Policy.Request(inv.Basis)
			caseStore := caseregistry.StoreName(rule.Registry)
			if !ok || caseStore == "" || inv.Case == "" || basis["courtSanction"] != nil {
				t.Fatalf("the official's basis %v names no case of a registry with a store (or names a sanction)", basis)
			}
			limits := map[string]float64{"gbd_fl": 2, "vehicles": 1, "real_estate": 2, "gbd_ul": 2,
				"sio_accounts": 1, caseStore: 1}
			var sum float64
			for store, n := range largeBy {
				if n > limits[store] {
					t.Errorf("100 persons: %v statements on %s, want at most %v (one per level): %v", n, store, limits[store], largeBy)
				}
				if smallBy[store] > n {
					t.Errorf("5 persons took more statements on %s (%v) than 100 (%v)", store, smallBy[store], n)
				}
				sum += n
			}
			for _, by := range []map[string]float64{smallBy, largeBy} {
				if by[caseStore] != 1 {
					t.Errorf("the case check took %v statements on %s, want one: %v", by[caseStore], caseStore, by)
				}
			}
			if large > 8 || small > large || float64(large) != sum-largeBy["sio_accounts"] {
				t.Fatalf("100 persons took %d statements (%v by store), 5 took %d: want at most 8, and no more for 5", large, largeBy, small)
			}
		})

		t.Run("forbidden field nulls only itself", func(t *testing.T) {
			for _, o := range fx.officials(t) {
				if !fx.g.Policy.Decide(o.Role, o.Basis, "PERSONS").Allowed {
					continue
				}
				for _, svc := range []struct{ code, field string }{{"VEHICLES", "vehicles { totalCount }"}, {"TAX_DEBTS", "taxDebts { kbk }"},
					{"REAL_ESTATE", "realEstate { totalCount }"}, {"CIVIL_REGISTRY", "family { relation }"}, {"TAXPAYERS", "taxpayer { kind }"},
					{"LAND_PLOTS", "landPlots { totalCount }"}, {"LEGAL_ENTITIES", "companies { totalCount }"}} {
					d := fx.g.Policy.Decide(o.Role, o.Basis, svc.code)
					if d.Allowed {
						continue
					}
					iin := one[string](t, fx.g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)
					r := fx.post(t, o.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin `+svc.field+` } } }`,
						map[string]any{"b": o.basis(), "iin": iin})
					name := strings.Fields(svc.field)[0]
					e := r.errorAt("inquiry.person." + name)
					if get(r.Data, "inquiry.person.iin") != iin || e == nil || e.Extensions["code"] != sio.EFORBIDDEN ||
						e.Extensions["reason"] != d.Reason || e.Extensions["source"] == "" || get(r.Data, "inquiry.person."+name) != nil {
						t.Fatalf("%s under %s/%s: %+v", svc.code, o.Role, o.Basis, r)
					}
					return
				}
			}
			t.Fatal("the policy denies none of the core services to any seeded official; cannot test a denial")
		})

		t.Run("sandbox header", func(t *testing.T) {
			r := fx.post(t, "850314400109", `{ me { iin } }`, nil)
			if r.Status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != sio.EUNAUTHENTICATED {
				t.Fatalf("unknown user: %+v", r)
			}
			r = fx.post(t, "12345", `{ me { iin } }`, nil)
			if r.Status != http.StatusUnauthorized || r.Errors[0].Extensions["code"] != sio.EUNAUTHENTICATED {
				t.Fatalf("malformed user: %+v", r)
			}
		})
	})
}

func TestProductionMode(t *testing.T) {
	cfg := testdb.Dialects[1].Config(t) // SQLite: the mode, not the store, is under test
	fx := newFixture(t, cfg, false)
	r := fx.post(t, "", `{ sandboxUsers { iin } }`, nil)
	if e := r.errorAt("sandboxUsers"); e == nil || e.Extensions["code"] != sio.EFORBIDDEN {
		t.Fatalf("sandboxUsers in production: %+v", r)
	}
	users, err := fx.g.Accounts.ListUsers(context.Background())
	testdb.Must(t, err)
	r = fx.post(t, users[0].IIN, `{ me { iin } }`, nil)
	if r.Status != http.StatusUnauthorized {
		t.Fatalf("X-Dev-User accepted in production: %+v", r)
	}
	resp, err := http.Get(fx.srv.URL + "/")
	testdb.Must(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("playground served in production: %d", resp.StatusCode)
	}
	r = fx.post(t, "", `{ __schema { types { name } } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatal("introspection allowed in production")
	}
}

// statementCounts sums the gateway's sio_sql_statements_total by the label
// key of each sample (its labels given to key); key returns "" to leave a
// sample out.
func statementCounts(t *testing.T, fx *fixture, key func(labels map[string]string) string) map[string]float64 {
	t.Helper()
	mfs, err := fx.g.Metrics.Registry.Gather()
	testdb.Must(t, err)
	out := map[string]float64{}
	for _, mf := range mfs {
		if mf.GetName() != "sio_sql_statements_total" {
			continue
		}
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			if k := key(labels); k != "" {
				out[k] += m.GetCounter().GetValue()
			}
		}
	}
	return out
}

// statementsByStore reads the gateway's statement count per state database.
func statementsByStore(t *testing.T, fx *fixture) map[string]float64 {
	t.Helper()
	return statementCounts(t, fx, func(l map[string]string) string { return l["store"] })
}
