package httpapi_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"sio"
	"sio/audit"
	"sio/graph"
	"sio/httpapi"
	"sio/resolvers"
)

// memoryLog keeps the audit records of a test handler in memory.
type memoryLog struct {
	mu      sync.Mutex
	records []*audit.Record
}

func (m *memoryLog) Append(ctx context.Context, r *audit.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.records = append(m.records, r)
	return nil
}

func (m *memoryLog) last() *audit.Record {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.records[len(m.records)-1]
}

// passThrough lets every guarded field run: the resolvers below have no
// stores, so a field that runs panics, which is what the tests of internal
// errors need.
func passThrough() graph.DirectiveRoot {
	return graph.DirectiveRoot{
		Service: func(ctx context.Context, obj any, next graphql.Resolver, code string, depthCodes []string) (any, error) {
			return next(ctx)
		},
		System: func(ctx context.Context, obj any, next graphql.Resolver) (any, error) { return next(ctx) },
	}
}

// apiServer serves the real schema over resolvers without stores: what is
// under test happens before any resolver runs, or is a resolver failing.
func apiServer(t *testing.T, sandbox bool, lim httpapi.Limits) (*httptest.Server, *memoryLog) {
	t.Helper()
	es := graph.NewExecutableSchema(graph.Config{Resolvers: &resolvers.Resolver{Sandbox: sandbox}, Directives: passThrough()})
	log := &memoryLog{}
	h := httpapi.NewHandler(httpapi.Config{Schema: es, Sandbox: sandbox, Audit: log, Limits: lim,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, log
}

type response struct {
	Status int
	Header http.Header
	Raw    string
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

func (r response) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func do(t *testing.T, req *http.Request) response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := response{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: the response is not JSON (%d): %q", req.Method, req.URL, resp.StatusCode, raw)
	}
	if resp.StatusCode >= 500 {
		t.Fatalf("%s %s: %d %s", req.Method, req.URL, resp.StatusCode, raw)
	}
	return out
}

func post(t *testing.T, srv *httptest.Server, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return postRaw(t, srv, "application/json", body)
}

func postRaw(t *testing.T, srv *httptest.Server, contentType string, body []byte) response {
	t.Helper()
	return postAccepting(t, srv, contentType, "", body)
}

// postAccepting posts body as contentType with the Accept header accept
// (none if "").
func postAccepting(t *testing.T, srv *httptest.Server, contentType, accept string, body []byte) response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return do(t, req)
}

func get(t *testing.T, srv *httptest.Server, query string) response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/graphql?query="+url.QueryEscape(query), nil)
	return do(t, req)
}

// refusedBy checks that a request was refused by the named limit before
// execution (no data).
func refusedBy(t *testing.T, what string, r response, limit string) {
	t.Helper()
	if r.code() != httpapi.ETOOCOMPLEX || r.Errors[0].Extensions["limit"] != limit || r.Data != nil || r.Status != http.StatusOK {
		t.Errorf("%s: %d %s; want 200 %s (%s)", what, r.Status, r.Raw, httpapi.ETOOCOMPLEX, limit)
	}
}

// passed checks that a request got past the limits (it may fail later: the
// resolvers have no stores).
func passed(t *testing.T, what string, r response) {
	t.Helper()
	for _, e := range r.Errors {
		if c := e.Extensions["code"]; c == httpapi.ETOOCOMPLEX || c == "GRAPHQL_VALIDATION_FAILED" || c == "GRAPHQL_PARSE_FAILED" {
			t.Errorf("%s: refused: %s", what, r.Raw)
		}
	}
}

func nest(levels int, leaf string) string {
	return strings.Repeat("... @include(if: true) { ", levels) + leaf + strings.Repeat(" }", levels)
}

func TestQueryLimits(t *testing.T) {
	srv, log := apiServer(t, false, httpapi.Limits{})
	const basis = `basis: {kind: "ORD"}`
	aliased := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "a%d: __typename ", i)
		}
		return "{ " + b.String() + "}"
	}
	for _, tc := range []struct {
		name, query, limit string
	}{
		// depth 7: inquiry > person > vehicles > edges > node > ownerPerson > iin
		{"depth", `{ inquiry(` + basis + `) { person(iin: "850314400108") { vehicles { edges { node { ownerPerson { iin } } } } } } }`, "depth"},
		{"depth through fragments", `query { inquiry(` + basis + `) { ...P } } fragment P on Inquiry { person(iin: "850314400108") { ...V } }
			fragment V on Person { vehicles { edges { node { ownerPerson { iin } } } } }`, "depth"},
		{"aliases", aliased(16), "aliases"},
		{"aliases in a fragment spread twice", `{ ...A ...A } fragment A on Query { ` + strings.TrimSuffix(strings.TrimPrefix(aliased(8), "{ "), "}") + ` }`, "aliases"},
		{"directives", "{ " + nest(51, "__typename") + " }", "directives"},
		{"tokens", "{ " + strings.Repeat("__typename ", 1000) + "}", "tokens"},
		{"field duplication", "{ " + strings.Repeat("__typename ", 500) + "}", "repeats"},
		{"cost of a large page", `{ inquiry(` + basis + `) { person(iin: "850314400108") { vehicles(first: 2000) { edges { node { vin plate } } } } } }`, "cost"},
	} {
		refusedBy(t, tc.name, post(t, srv, tc.query, nil), tc.limit)
	}
	// The limits are counted before anything runs, and the refusal is
	// audited.
	if rec := log.last(); len(rec.ErrorCodes) != 1 || rec.ErrorCodes[0] != httpapi.ETOOCOMPLEX {
		t.Errorf("audit record of a refusal: %+v", rec)
	}
	// With application/graphql-response+json a refusal is a 400.
	if r := postAccepting(t, srv, "application/json", "application/graphql-response+json", []byte(`{"query":"`+aliased(16)+`"}`)); r.Status != http.StatusBadRequest || r.code() != httpapi.ETOOCOMPLEX {
		t.Errorf("graphql-response+json: %d %s", r.Status, r.Raw)
	}
	// A request error never began executing: its result has errors and no
	// "data" entry (not even null), whatever the media type; a result that
	// executed keeps its data.
	for _, accept := range []string{"application/json", "application/graphql-response+json"} {
		for _, query := range []string{aliased(16), "{", "{ noSuchField }"} {
			body, _ := json.Marshal(map[string]string{"query": query})
			r := postAccepting(t, srv, "application/json", accept, body)
			var top map[string]json.RawMessage
			if err := json.Unmarshal([]byte(r.Raw), &top); err != nil || len(r.Errors) == 0 {
				t.Fatalf("%s %q: %d %s", accept, query, r.Status, r.Raw)
			}
			if _, has := top["data"]; has {
				t.Errorf("%s %q: a request error carries data: %s", accept, query, r.Raw)
			}
		}
	}
	// No query at all is a malformed request: 400 for either media type.
	for _, accept := range []string{"application/json", "application/graphql-response+json"} {
		for _, body := range []string{`{}`, `{"query": "  "}`, `{"qeury": "{ __typename }"}`} {
			if r := postAccepting(t, srv, "application/json", accept, []byte(body)); r.Status != http.StatusBadRequest || r.code() != sio.EBADINPUT || r.Errors[0].Extensions["argument"] != "query" {
				t.Errorf("%s %s: %d %s", accept, body, r.Status, r.Raw)
			}
		}
	}
	if r := get(t, srv, ""); r.Status != http.StatusBadRequest || r.code() != sio.EBADINPUT {
		t.Errorf("GET without a query: %d %s", r.Status, r.Raw)
	}
	// A persisted query (APQ) sends its hash and no text: it is not
	// refused as a request with no query once the text is known.
	const persisted = "{ __typename }"
	sum := sha256.Sum256([]byte(persisted))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	apq := func(query string) response {
		body, _ := json.Marshal(map[string]any{"query": query, "extensions": ext})
		return postRaw(t, srv, "application/json", body)
	}
	if r := apq(""); r.code() != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("unknown persisted query: %d %s", r.Status, r.Raw)
	}
	if r := apq(persisted); len(r.Errors) > 0 || !strings.Contains(r.Raw, `"__typename":"Query"`) {
		t.Errorf("registering a persisted query: %d %s", r.Status, r.Raw)
	}
	if r := apq(""); r.Status != http.StatusOK || len(r.Errors) > 0 || !strings.Contains(r.Raw, `"__typename":"Query"`) {
		t.Errorf("a known persisted query by its hash: %d %s", r.Status, r.Raw)
	}
	if r := post(t, srv, "{ __typename }", nil); !strings.Contains(r.Raw, `"data":{"__typename":"Query"}`) {
		t.Errorf("an executed result lost its data: %s", r.Raw)
	}
	// A list size in a variable counts.
	r := post(t, srv, `query($n: Int) { inquiry(`+basis+`) { person(iin: "850314400108") { vehicles(first: $n) { edges { node { vin plate } } } } } }`,
		map[string]any{"n": 5000})
	refusedBy(t, "list size in a variable", r, "cost")
	// So does the length of a list argument, times the lists below it.
	iins := make([]string, 2000)
	for i := range iins {
		iins[i] = "850314400108"
	}
	r = post(t, srv, `query($i: [IIN!]!) { inquiry(`+basis+`) { persons(iins: $i) { family { relation relativeIin } } } }`,
		map[string]any{"i": iins})
	refusedBy(t, "nested lists", r, "cost")

	// At the limits, requests pass.
	for _, tc := range []struct{ name, query string }{
		{"depth 6", `{ inquiry(` + basis + `) { person(iin: "850314400108") { vehicles { edges { node { vin } } } } } }`},
		{"15 aliases", aliased(15)},
		{"50 directives", "{ " + nest(50, "__typename") + " }"},
		{"3 repeats", "{ __typename __typename __typename }"},
		{"a page of 100", `{ inquiry(` + basis + `) { person(iin: "850314400108") { vehicles(first: 100) { edges { node { vin plate } } } } } }`},
	} {
		passed(t, tc.name, post(t, srv, tc.query, nil))
	}

	// Configured limits apply instead of the defaults.
	tight, _ := apiServer(t, false, httpapi.Limits{Depth: 2, Aliases: 1})
	refusedBy(t, "configured depth", post(t, tight, `{ me { role { code } } }`, nil), "depth")
	refusedBy(t, "configured aliases", post(t, tight, aliased(2), nil), "aliases")
	passed(t, "configured depth", post(t, tight, `{ me { iin } }`, nil))
}

func TestIntrospection(t *testing.T) {
	full := `{ __schema { queryType { name } types { name kind fields(includeDeprecated: true) { name args { name type { ...T } }
		type { ...T } } inputFields { name type { ...T } } } } }
		fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`
	circular := `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`

	sandbox, _ := apiServer(t, true, httpapi.Limits{})
	r := post(t, sandbox, full, nil)
	if len(r.Errors) > 0 || r.Data["__schema"] == nil {
		t.Fatalf("sandbox introspection (deeper than the depth limit, exempt): %s", r.Raw)
	}
	if r := post(t, sandbox, circular, nil); r.code() != "GRAPHQL_VALIDATION_FAILED" || r.Data != nil {
		t.Errorf("circular introspection: %s", r.Raw)
	}

	prod, _ := apiServer(t, false, httpapi.Limits{})
	for _, q := range []string{full, `{ __type(name: "Person") { name fields { name } } }`} {
		r := post(t, prod, q, nil)
		if len(r.Errors) == 0 || strings.Contains(r.Raw, `"Person"`) && strings.Contains(r.Raw, "fields") {
			t.Errorf("introspection in production: %s", r.Raw)
		}
	}
	resp, err := http.Get(prod.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("playground in production: %d", resp.StatusCode)
	}
}

// graphql-cop's checks, each against the production handler.
func TestGraphQLCopChecks(t *testing.T) {
	srv, _ := apiServer(t, false, httpapi.Limits{})

	t.Run("field suggestions", func(t *testing.T) {
		for _, q := range []string{`{ me { iinn } }`, `{ mee { iin } }`, `{ me }`, `{ inquiry(basiss: {kind: "ORD"}) { basis } }`} {
			r := post(t, srv, q, nil)
			if len(r.Errors) == 0 || strings.Contains(strings.ToLower(r.Raw), "did you mean") {
				t.Errorf("%s: %s", q, r.Raw)
			}
		}
	})

	t.Run("batching", func(t *testing.T) {
		r := postRaw(t, srv, "application/json", []byte(` [{"query":"{ __typename }"},{"query":"{ __typename }"}]`))
		if r.Status != http.StatusBadRequest || r.code() != sio.EBADINPUT || !strings.Contains(r.Errors[0].Message, "batched") {
			t.Errorf("batch: %d %s", r.Status, r.Raw)
		}
	})

	t.Run("CSRF: mutation over GET", func(t *testing.T) {
		r := get(t, srv, `mutation { signAgreement(signature: "x") { agreementSigned } }`)
		if r.Status != http.StatusMethodNotAllowed || r.code() != httpapi.EMETHODNOTALLOWED || r.Data != nil {
			t.Errorf("GET mutation: %d %s", r.Status, r.Raw)
		}
		if r := get(t, srv, `{ __typename }`); r.Status != 200 || r.Data["__typename"] != "Query" {
			t.Errorf("GET query: %d %s", r.Status, r.Raw)
		}
	})

	t.Run("CSRF: POST without JSON", func(t *testing.T) {
		q := `mutation { signAgreement(signature: "x") { agreementSigned } }`
		for _, ct := range []struct{ contentType, body string }{
			{"text/plain", `{"query":"` + q + `"}`},
			{"text/plain;charset=UTF-8", `{"query":"` + q + `"}`},
			{"application/x-www-form-urlencoded", "query=" + url.QueryEscape(q)},
			{"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{\"query\":\"" + q + "\"}\r\n--x--\r\n"},
			{"application/graphql", q},
			{"", `{"query":"{ __typename }"}`},
		} {
			r := postRaw(t, srv, ct.contentType, []byte(ct.body))
			if r.Status != http.StatusUnsupportedMediaType || r.code() != sio.EBADINPUT || r.Data != nil {
				t.Errorf("POST %q: %d %s", ct.contentType, r.Status, r.Raw)
			}
		}
		req, _ := http.NewRequest(http.MethodPut, srv.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		if r := do(t, req); r.Status != http.StatusMethodNotAllowed {
			t.Errorf("PUT: %d %s", r.Status, r.Raw)
		}
	})

	t.Run("alias overloading", func(t *testing.T) {
		q := "{ "
		for i := range 100 {
			q += fmt.Sprintf("alias%d: __typename ", i)
		}
		refusedBy(t, "100 aliases", post(t, srv, q+"}", nil), "aliases")
	})

	t.Run("field duplication", func(t *testing.T) {
		refusedBy(t, "500 fields", post(t, srv, "query { "+strings.Repeat("__typename ", 500)+"}", nil), "repeats")
	})

	t.Run("directive overloading", func(t *testing.T) {
		r := post(t, srv, "query { __typename "+strings.Repeat("@aa", 60)+" }", nil)
		if r.Data != nil || r.code() != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("unknown directives: %s", r.Raw)
		}
		refusedBy(t, "60 @include", post(t, srv, "{ "+nest(60, "__typename")+" }", nil), "directives")
	})

	t.Run("circular fragments", func(t *testing.T) {
		r := post(t, srv, `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`, nil)
		if r.code() != "GRAPHQL_VALIDATION_FAILED" || r.Data != nil {
			t.Errorf("circular fragments: %s", r.Raw)
		}
	})

	t.Run("tracing and debug", func(t *testing.T) {
		for _, path := range []string{"/graphql", "/graphql?debug=1"} {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(`{"query":"{ __typename nope }"}`))
			req.Header.Set("Content-Type", "application/json")
			r := do(t, req)
			if r.Extensions["tracing"] != nil || r.Extensions["ftv1"] != nil || strings.Contains(r.Raw, "stacktrace") ||
				strings.Contains(r.Raw, "exception") || strings.Contains(r.Raw, ".go:") {
				t.Errorf("%s: %s", path, r.Raw)
			}
		}
	})

	t.Run("unhandled errors", func(t *testing.T) {
		// The resolvers have no stores: policy panics inside its resolver.
		r := post(t, srv, `{ policy { roles { code } } }`, nil)
		if len(r.Errors) == 0 || r.code() != sio.EINTERNAL || r.Errors[0].Message != "internal error" || r.Status != 200 {
			t.Fatalf("panicking resolver: %d %s", r.Status, r.Raw)
		}
		for _, leak := range []string{"runtime error", "nil pointer", "goroutine", ".go:", "panic"} {
			if strings.Contains(r.Raw, leak) {
				t.Errorf("the response leaks %q: %s", leak, r.Raw)
			}
		}
		// Malformed query strings are typed errors too.
		for _, qs := range []string{"%", "query=%7B__typename%7D&variables=%7B", "query=%7B__typename%7D&extensions=1", "a=%zz"} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/graphql?"+qs, nil)
			if r := do(t, req); r.Status != http.StatusBadRequest || r.code() != sio.EBADINPUT {
				t.Errorf("GET ?%s: %d %s", qs, r.Status, r.Raw)
			}
		}
		req, _ := http.NewRequest(http.MethodGet, srv.URL+"/graphql?query=%7B__typename%7D", nil)
		req.Header.Set("Upgrade", "websocket")
		if r := do(t, req); r.code() != sio.EBADINPUT {
			t.Errorf("upgrade: %d %s", r.Status, r.Raw)
		}
		// Malformed JSON and variables of the wrong type are typed errors.
		for _, body := range []string{`{"query":`, `{"query": 1}`, `{"query":"query($n: Int) { __typename }","variables":{"n":"x"}}`, `{}`, `null`, `"x"`} {
			r := postRaw(t, srv, "application/json", []byte(body))
			if len(r.Errors) == 0 || r.code() == "" || r.Status >= 500 || strings.Contains(r.Raw, "RawParams") || strings.Contains(r.Raw, "Go ") {
				t.Errorf("%s: %d %s", body, r.Status, r.Raw)
			}
		}
	})
}

func TestRequestBounds(t *testing.T) {
	srv, _ := apiServer(t, false, httpapi.Limits{BodyBytes: 4096})
	big := `{"query":"{ __typename }","variables":{"x":"` + strings.Repeat("a", 5000) + `"}}`
	if r := postRaw(t, srv, "application/json", []byte(big)); r.Status != http.StatusRequestEntityTooLarge || r.code() != sio.EBADINPUT {
		t.Errorf("body over the bound: %d %s", r.Status, r.Raw)
	}
	if d := httpapi.DefaultLimits(); d.BodyBytes != 1<<20 || d.Timeout <= 0 {
		t.Errorf("default bounds: %+v", d)
	}
	// NUL characters never reach a store: in an argument, a variable or
	// an input field.
	for _, tc := range []struct {
		query string
		vars  map[string]any
		arg   string
	}{
		{`{ inquiry(basis: {kind: "ORD", justification: "a\u0000b"}) { basis } }`, nil, "basis.justification"},
		{`query($b: BasisInput!) { inquiry(basis: $b) { basis } }`, map[string]any{"b": map[string]any{"kind": "ORD", "caseNumber": "1\x00"}}, "basis.caseNumber"},
	} {
		r := post(t, srv, tc.query, tc.vars)
		if r.code() != sio.EBADINPUT || r.Errors[0].Extensions["argument"] != tc.arg || r.Data != nil {
			t.Errorf("%s: %s", tc.query, r.Raw)
		}
	}
}
