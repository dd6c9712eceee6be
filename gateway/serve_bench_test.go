package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"sio/audit"
	"sio/gateway"
	"sio/graph"
	"sio/httpapi"
	"sio/synth"
)

// BenchmarkServe serves the benchmark's GraphQL shapes (bench/queries)
// through the HTTP handler in process, against a seeded PostgreSQL database
// (SIO_BENCH_POSTGRES, as BenchmarkLinksHubLevel2), to measure what access
// control and the audit log cost per request:
//
//	authz=on   the @service directive of the policy (production)
//	authz=off  a pass-through directive (a schema built for this benchmark
//	           only: the binary has no such switch)
//	audit=on   the audit log (PostgreSQL, group commit), committed before
//	           the response is released (production)
//	audit=off  a log that records nothing (this benchmark only)
//
// Requests run in parallel (see parallelism below): ns/op is the inverse of
// the throughput. Compare with benchstat -col /authz and -col /audit
// (bench/run.sh does, over rounds of one run of each variant); -benchmem
// gives the executor's allocations per request, goroutines/op the
// goroutines started per request.
func BenchmarkServe(b *testing.B) {
	dsn := os.Getenv("SIO_BENCH_POSTGRES")
	if dsn == "" {
		b.Skip("SIO_BENCH_POSTGRES is not set (a seeded PostgreSQL database; see bench/README.md)")
	}
	ctx := context.Background()
	g, err := gateway.Open(ctx, gateway.Config{PostgresDSN: dsn, Sandbox: true, DataDir: b.TempDir(),
		Now: synth.SnapshotClock(time.Now)})
	if err != nil {
		b.Fatal(err)
	}
	defer g.Close()

	handler := func(authzOn, auditOn bool) http.Handler {
		cfg := g.Schema()
		if !authzOn {
			cfg.Directives.Service = func(ctx context.Context, _ any, next graphql.Resolver, _ string, _ []string) (any, error) {
				return next(ctx)
			}
		}
		var log httpapi.AuditLog = g.AuditLog
		if !auditOn {
			log = discardAudit{}
		}
		return httpapi.NewHandler(httpapi.Config{Schema: graph.NewExecutableSchema(cfg), Users: g.Accounts,
			Sandbox: true, Health: g.Health, Audit: log, Metrics: g.Metrics, Limits: benchLimits})
	}
	prod := handler(true, true)

	// Keys as bench/run.sh picks them.
	var owners, persons, hubs []string
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	vdb, pdb, edb := g.Vehicles.DB(), g.Persons.DB(), g.Entities.DB()
	must(vdb.Select(ctx, &owners, vdb.Q(`SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY vin LIMIT 500`)))
	must(pdb.Select(ctx, &persons, pdb.Q(`SELECT iin FROM {persons} ORDER BY iin LIMIT 2000`)))
	must(edb.Select(ctx, &hubs, edb.Q(`SELECT entity_bin FROM {founders} WHERE founder_kind = 'LEGAL_ENTITY'
		GROUP BY entity_bin HAVING COUNT(*) >= 40 ORDER BY entity_bin`)))
	if len(owners) == 0 || len(persons) < 100 || len(hubs) == 0 {
		b.Fatal("the database is not seeded enough (bench/README.md)")
	}
	user, basis := benchOfficial(b, prod, owners[0], hubs[0])

	query := func(name string) string {
		q, err := os.ReadFile("../bench/queries/sio-" + name + ".graphql")
		must(err)
		return string(q)
	}
	shapes := []struct {
		name string
		vars func(i int) map[string]any
	}{
		{"point", func(i int) map[string]any { return map[string]any{"iin": owners[i%len(owners)]} }},
		{"list", func(i int) map[string]any {
			k := (i * 100) % (len(persons) - 99)
			return map[string]any{"iins": persons[k : k+100]}
		}},
		{"links1", func(i int) map[string]any { return map[string]any{"bin": hubs[i%len(hubs)]} }},
		{"links2", func(i int) map[string]any { return map[string]any{"bin": hubs[i%len(hubs)]} }},
	}
	// Requests in flight: GOMAXPROCS × SIO_BENCH_PARALLELISM (default 4,
	// 8 on two cores, as wrk -c8), so that the audit log's group commit
	// works as it does under load.
	parallelism := 4
	if p, err := strconv.Atoi(os.Getenv("SIO_BENCH_PARALLELISM")); err == nil && p > 0 {
		parallelism = p
	}
	// The four variants of a shape run in an order drawn from
	// SIO_BENCH_ROUND (bench/run.sh numbers its rounds): over the rounds
	// none is always the first after the previous shape, whose heap and
	// cache state it would inherit.
	round, _ := strconv.ParseInt(os.Getenv("SIO_BENCH_ROUND"), 10, 64)
	order := rand.New(rand.NewSource(round))
	for _, s := range shapes {
		q := query(s.name)
		variants := [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}}
		order.Shuffle(len(variants), func(i, j int) { variants[i], variants[j] = variants[j], variants[i] })
		for _, v := range variants {
			az, au := v[0], v[1]
			h := prod
			if !az || !au {
				h = handler(az, au)
			}
			b.Run(fmt.Sprintf("shape=%s/authz=%s/audit=%s", s.name, onOff(az), onOff(au)), func(b *testing.B) {
				bodies := make([][]byte, 64)
				for i := range bodies {
					v := s.vars(i)
					v["b"] = basis
					bodies[i], _ = json.Marshal(map[string]any{"query": q, "variables": v})
				}
				// Every body once before timing: checks the answers and
				// warms the database's cache for the keys, so that the
				// variant measured first is not the one that pays for it.
				for _, body := range bodies {
					if w := serve(h, user, body); w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
						b.Fatalf("%d %s", w.Code, w.Body.Bytes()[:min(w.Body.Len(), 500)])
					}
				}
				b.ReportAllocs()
				b.SetParallelism(parallelism)
				started := goroutinesCreated()
				b.ResetTimer()
				var next atomic.Int64
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						serve(h, user, bodies[next.Add(1)%int64(len(bodies))])
					}
				})
				b.StopTimer()
				// Goroutines started per request (the executor's, the
				// loaders', the audit log's): gqlgen's per-element
				// goroutines are the cost gqlexec.MarshalSlice avoids.
				b.ReportMetric(float64(goroutinesCreated()-started)/float64(b.N), "goroutines/op")
			})
		}
	}
}

// benchLimits are the default query limits with the depth and cost that
// the list shape needs (as bench/run.sh starts SIO: --max-depth 8
// --max-cost 100000).
var benchLimits = func() httpapi.Limits {
	l := httpapi.Limits{}.WithDefaults()
	l.Depth, l.Cost = 8, 100000
	return l
}()

// goroutinesCreated is the number of goroutines the process has started.
func goroutinesCreated() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines-created:goroutines"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

type discardAudit struct{}

func (discardAudit) Append(context.Context, *audit.Record) error { return nil }

func serve(h http.Handler, user string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("Content-Type", "application/json")
	if user != "" {
		req.Header.Set(httpapi.DevUserHeader, user)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// benchOfficial finds a sandbox official with an open case under which
// every field of the shapes resolves (as bench/lib/bench.py pick-user).
func benchOfficial(b *testing.B, h http.Handler, iin, bin string) (string, map[string]any) {
	body, _ := json.Marshal(map[string]any{"query": `{ sandboxUsers { iin blocked agreementSigned cases { number basis status court year } } }`})
	var users struct {
		Data struct {
			SandboxUsers []struct {
				IIN             string
				Blocked         bool
				AgreementSigned bool
				Cases           []struct {
					Number, Basis, Status string
					Court                 *string
					Year                  *int
				}
			}
		}
	}
	if err := json.Unmarshal(serve(h, "", body).Body.Bytes(), &users); err != nil {
		b.Fatal(err)
	}
	probe := `query($b: BasisInput!, $iin: IIN!, $bin: BIN!) { inquiry(basis: $b) {
		person(iin: $iin) { iin vehicles { totalCount } realEstate { totalCount } companies { totalCount } }
		links(subject: {bin: $bin}, depth: 2, kinds: [FOUNDER, DIRECTOR], maxNodes: 5) { root } } }`
	for _, u := range users.Data.SandboxUsers {
		if u.Blocked || !u.AgreementSigned {
			continue
		}
		for _, c := range u.Cases {
			if c.Status != "OPEN" {
				continue
			}
			basis := map[string]any{"kind": c.Basis, "caseNumber": c.Number, "justification": "нагрузочное тестирование"}
			if c.Court != nil {
				basis["court"], basis["year"] = *c.Court, c.Year
			}
			body, _ := json.Marshal(map[string]any{"query": probe, "variables": map[string]any{"b": basis, "iin": iin, "bin": bin}})
			w := serve(h, u.IIN, body)
			if w.Code == http.StatusOK && !strings.Contains(w.Body.String(), `"errors"`) {
				return u.IIN, basis
			}
		}
	}
	b.Fatal("no sandbox official may read every field of the benchmark")
	return "", nil
}
