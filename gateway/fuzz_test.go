package gateway_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"sio/audit"
	"sio/gateway"
	"sio/graph"
	"sio/httpapi"
	"sio/internal/testdb"
	"sio/synth"
)

// countingLog counts the audit records of the fuzzed handler. The fuzzer
// checks that every request is recorded; it keeps them in memory because a
// synchronous commit per execution would keep it from a million runs (the
// commit itself is tested through HTTP in audit_test.go and by the crash
// test).
type countingLog struct {
	mu sync.Mutex
	n  int
}

func (c *countingLog) Append(ctx context.Context, r *audit.Record) error {
	if r.RequestID == "" {
		panic("audit record without a request id")
	}
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return nil
}

func (c *countingLog) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

var (
	fuzzMethods      = []string{http.MethodPost, http.MethodGet, http.MethodPut, http.MethodOptions}
	fuzzContentTypes = []string{"application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=utf-8"}
)

// FuzzHTTPHandler sends arbitrary requests (method, content type, sandbox
// user, body or query string) to the sandbox API over a seeded SQLite
// gateway with the default limits: no request gets a 5xx, a non-JSON
// answer, an error without a code or a leaked panic, and each one has its
// audit record.
func FuzzHTTPHandler(f *testing.F) {
	// The stores live in memory where there is a tmpfs: a mutation's
	// commit then costs no disk flush.
	dir := f.TempDir()
	if shm, err := os.MkdirTemp("/dev/shm", "sio-fuzz-"); err == nil {
		dir = shm
		f.Cleanup(func() { os.RemoveAll(shm) })
	}
	ctx := context.Background()
	g, err := gateway.Open(ctx, gateway.Config{DataDir: dir, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	testdb.Must(f, err)
	f.Cleanup(func() { g.Close() })
	if _, err := g.Seed(ctx, synth.Config{Seed: 7, Persons: 200, BatchPersons: 200}); err != nil {
		f.Fatal(err)
	}
	log := &countingLog{}
	h := httpapi.NewHandler(httpapi.Config{Schema: graph.NewExecutableSchema(g.Schema()), Users: g.Accounts, Sandbox: true,
		Audit: log, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LoaderWait: 50 * time.Microsecond})

	// An active official with an open case (not a court case, which needs
	// more fields), and a person to look up.
	users, err := g.Accounts.ListUsers(ctx)
	testdb.Must(f, err)
	active := map[string]bool{}
	for _, u := range users {
		active[string(u.IIN)] = !u.Blocked && u.AgreementSignedAt != nil
	}
	var picks []struct {
		IIN    string `db:"iin"`
		Number string `db:"number"`
		Basis  string `db:"basis"`
	}
	// Every registry is its own store: the assignments of each, in one order.
	for _, st := range g.Cases.Stores() {
		db := st.DB()
		var some []struct {
			IIN    string `db:"iin"`
			Number string `db:"number"`
			Basis  string `db:"basis"`
		}
		testdb.Must(f, db.Select(ctx, &some, db.Q(`SELECT a.iin, c.number, c.basis FROM {cases} c
			JOIN {case_assignments} a ON a.number = c.number
			WHERE c.status = 'OPEN' AND c.basis NOT IN ('ADMIN_CASE_COURT', 'CIVIL_CASE')`)))
		picks = append(picks, some...)
	}
	sort.SliceStable(picks, func(i, j int) bool {
		return picks[i].IIN < picks[j].IIN || picks[i].IIN == picks[j].IIN && picks[i].Number < picks[j].Number
	})
	var official, caseNumber, basis string
	for _, p := range picks {
		if active[p.IIN] {
			official, caseNumber, basis = p.IIN, p.Number, p.Basis
			break
		}
	}
	if official == "" {
		f.Fatal("no active official with an open case")
	}
	var person string
	testdb.Must(f, g.Persons.DB().Get(ctx, &person, g.Persons.DB().Q(`SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)))
	b := `{"kind":"` + basis + `","caseNumber":"` + caseNumber + `","justification":"проверка"}`
	for _, body := range []string{
		`{"query":"{ me { iin role { code } } }"}`,
		`{"query":"query($b: BasisInput!, $i: IIN!) { inquiry(basis: $b) { person(iin: $i) { iin fullName vehicles(first: 5) { totalCount edges { node { vin } } } } } }","variables":{"b":` + b + `,"i":"` + person + `"}}`,
		`{"query":"query($b: BasisInput!) { inquiry(basis: $b) { persons(iins: [\"` + person + `\"]) { family { relation } } } }","variables":{"b":` + b + `}}`,
		`{"query":"mutation($s: String) { signAgreement(signature: $s) { agreementSigned } }","variables":{"s":"' OR 1=1 --"}}`,
		`{"query":"{ policy { roles { code } } }","operationName":"x"}`,
		`[{"query":"{ __typename }"}]`,
		`{"query":"{ a: __typename b: __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"00"}}}`,
		`{"query":"query { ...A } fragment A on Query { ...A }"}`,
		`{"query":"{ __schema { types { name } } }"}`,
	} {
		f.Add(uint8(0), uint8(0), true, []byte(body))
	}
	f.Add(uint8(1), uint8(4), true, []byte("query=%7B+me+%7B+iin+%7D+%7D"))
	f.Add(uint8(1), uint8(4), false, []byte("query=mutation+%7B+signAgreement%28signature%3A%22x%22%29+%7B+agreementSigned+%7D+%7D"))
	f.Add(uint8(0), uint8(1), true, []byte(`{"query":"mutation { signAgreement(signature: \"x\") { agreementSigned } }"}`))

	f.Fuzz(func(t *testing.T, method, contentType uint8, asUser bool, body []byte) {
		m := fuzzMethods[int(method)%len(fuzzMethods)]
		target := "/graphql"
		var rd io.Reader = bytes.NewReader(body)
		if m == http.MethodGet {
			target, rd = "/graphql?"+string(body), http.NoBody
		}
		req, err := http.NewRequest(m, "http://sio.test"+target, rd)
		if err != nil {
			return // not a request a client can send
		}
		req.RemoteAddr = "127.0.0.1:4000"
		req.Header.Set("Content-Type", fuzzContentTypes[int(contentType)%len(fuzzContentTypes)])
		if asUser {
			req.Header.Set(httpapi.DevUserHeader, official)
		}
		before := log.count()
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %q: %d %s", m, body, w.Code, w.Body.Bytes())
		}
		if log.count() != before+1 {
			t.Fatalf("%s %q: %d audit records", m, body, log.count()-before)
		}
		out := w.Body.Bytes()
		if m == http.MethodOptions && len(out) == 0 {
			return
		}
		var resp struct {
			Errors []struct {
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(out, &resp); err != nil {
			t.Fatalf("%s %q: not JSON (%d): %q", m, body, w.Code, out)
		}
		for _, e := range resp.Errors {
			if c, _ := e.Extensions["code"].(string); c == "" {
				t.Fatalf("%s %q: an error without a code: %s", m, body, out)
			}
		}
		for _, leak := range []string{"goroutine ", "runtime error", ".go:"} {
			if strings.Contains(string(out), leak) {
				t.Fatalf("%s %q: the response leaks %q: %s", m, body, leak, out)
			}
		}
	})
}
