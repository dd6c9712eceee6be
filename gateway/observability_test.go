package gateway_test

import (
	"bytes"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"sio"
	"sio/connectors/persons"
	"sio/connectors/vehicles"
	"sio/gateway"
	"sio/internal/testdb"
	"sio/logging"
	"sio/synth"
	"sio/tracing"
)

// syncBuffer is a log destination written by concurrent requests.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestTracesAndLogs: with tracing on, a request is one trace (its span
// named by the operation and carrying the audit record's request id, a
// child span per SQL statement per state database, the audit commit); with
// the vehicles database unreachable its span fails and the log says which
// store failed; neither spans nor logs hold a subject's identifier.
func TestTracesAndLogs(t *testing.T) {
	cfg := testdb.Dialects[0].Config(t) // PostgreSQL: one store is taken away
	spans := tracetest.NewInMemoryExporter()
	tp := tracing.NewProvider(sdktrace.NewSimpleSpanProcessor(spans), sdktrace.AlwaysSample())
	logs := &syncBuffer{}
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	g, h := openSeeded(t, gateway.Config{PostgresDSN: cfg.PostgresDSN, Sandbox: true, Now: synth.SnapshotClock(time.Now),
		StoreDSN:     map[string]string{vehicles.Name: proxy.WithPort(cfg.PostgresDSN)},
		StoreTimeout: 2 * time.Second, Tracer: tp, Logger: logging.New(logs, slog.LevelInfo)})
	fx := &fixture{g: g, srv: httptest.NewServer(h)}
	t.Cleanup(fx.srv.Close)
	t.Cleanup(func() { fx.checkAudited(t) })
	o := fx.allowedAll(t, "PERSONS", "VEHICLES")
	owner := one[string](t, g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY owner_id LIMIT 1`)
	q := `query PersonWithVehicles($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) {
		person(iin: $iin) { iin fullName vehicles { edges { node { vin } } } } } }`
	vars := map[string]any{"b": o.basis(), "iin": owner}

	spans.Reset()
	r := fx.post(t, o.IIN, q, vars)
	if len(r.Errors) > 0 || get(r.Data, "inquiry.person.iin") != owner {
		t.Fatalf("person with vehicles: %s", r.Raw)
	}
	got := spans.GetSpans()
	var root *tracetest.SpanStub
	for i := range got {
		if got[i].Name == "sio POST /graphql" {
			root = &got[i]
		}
	}
	if root == nil {
		t.Fatalf("no request span among %d", len(got))
	}
	attrs := map[string]string{}
	for _, a := range root.Attributes {
		attrs[string(a.Key)] = a.Value.Emit()
	}
	if attrs["sio.request_id"] != r.RequestID || attrs["graphql.operation.name"] != "PersonWithVehicles" || attrs["graphql.operation.type"] != "query" {
		t.Fatalf("request span attributes: %v (request id %s)", attrs, r.RequestID)
	}
	stores, commits := map[string]int{}, 0
	byID := map[trace.SpanID]tracetest.SpanStub{}
	for _, s := range got {
		byID[s.SpanContext.SpanID()] = s
	}
	for _, s := range got {
		if s.SpanContext.TraceID() != root.SpanContext.TraceID() {
			t.Fatalf("span %s is outside the request's trace", s.Name)
		}
		if s.Name == "audit commit" && s.Parent.SpanID() == root.SpanContext.SpanID() {
			commits++
		}
		if strings.HasPrefix(s.Name, "sql ") {
			stores[strings.TrimPrefix(s.Name, "sql ")]++
			// Every statement span descends from the request span.
			p := s.Parent.SpanID()
			for p.IsValid() && p != root.SpanContext.SpanID() {
				p = byID[p].Parent.SpanID()
			}
			if !p.IsValid() {
				t.Fatalf("statement span %s is not under the request", s.Name)
			}
		}
		for _, a := range s.Attributes {
			if strings.Contains(a.Value.Emit(), owner) {
				t.Fatalf("span %s holds the subject's IIN in %s", s.Name, a.Key)
			}
		}
	}
	if stores[persons.Name] == 0 || stores[vehicles.Name] == 0 || commits != 1 {
		t.Fatalf("statement spans per store: %v; audit commits %d", stores, commits)
	}

	// The vehicles database goes away: its field fails, its span says so,
	// the log names the store, and none of it names the person.
	proxy.Refuse()
	spans.Reset()
	r = fx.post(t, o.IIN, q, vars)
	if get(r.Data, "inquiry.person.iin") != owner || r.errorAt("inquiry.person.vehicles") == nil ||
		r.errorAt("inquiry.person.vehicles").Extensions["code"] != sio.ESOURCEUNAVAILABLE {
		t.Fatalf("vehicles store down: %s", r.Raw)
	}
	failed := false
	for _, s := range spans.GetSpans() {
		if s.Name == "sql "+vehicles.Name && s.Status.Code.String() == "Error" {
			failed = true
		}
	}
	if !failed {
		t.Fatal("no failed statement span for the vehicles store")
	}
	out := logs.String()
	if !strings.Contains(out, `"store":"vehicles"`) {
		t.Fatalf("the log does not name the failed store:\n%s", out)
	}
	for _, leak := range []string{owner, string(o.IIN)} {
		if strings.Contains(out, leak) {
			t.Fatalf("the log holds an IIN (%s):\n%s", leak, out)
		}
	}
	proxy.Restore()
}
