package metrics_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sio/metrics"
	"sio/sqldb"
)

func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func TestMetrics(t *testing.T) {
	m := metrics.New()
	_, done := m.Statement(context.Background(), "gbd_fl")
	done(nil)
	_, done = m.Statement(context.Background(), "vehicles")
	done(errors.New("boom"))
	_, done = m.Statement(context.Background(), "vehicles")
	done(fmt.Errorf("vehicles: %w: %w", sqldb.ErrStatementTimeout, errors.New("i/o timeout")))
	_, done = m.Statement(context.Background(), "vehicles")
	done(context.DeadlineExceeded) // the request's deadline, not the store's timeout
	m.Request("query", "PersonCard", "ok", 3*time.Millisecond)
	m.Request("query", "", "denied", time.Millisecond)
	m.Request("query", "drop table; --", "error", time.Millisecond)
	m.Denial("SERVICE_NOT_ALLOWED_FOR_BASIS")
	m.AuditWrite(2 * time.Millisecond)
	m.AuditBatch(12)
	out := scrape(t, m)
	for _, want := range []string{
		`sio_sql_statements_total{outcome="ok",store="gbd_fl"} 1`,
		`sio_sql_statements_total{outcome="error",store="vehicles"} 2`,
		`sio_sql_statements_total{outcome="timeout",store="vehicles"} 1`,
		`sio_requests_total{operation="query:PersonCard",outcome="ok"} 1`,
		`sio_requests_total{operation="query:anonymous",outcome="denied"} 1`,
		`sio_requests_total{operation="query:anonymous",outcome="error"} 1`,
		`sio_denials_total{reason="SERVICE_NOT_ALLOWED_FOR_BASIS"} 1`,
		`sio_audit_write_seconds_count 1`,
		`sio_audit_batch_records_sum 12`,
		`sio_sql_duration_seconds_count{store="gbd_fl"} 1`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s", want)
		}
	}
}

// Client-chosen operation names cannot grow the label set without bound.
func TestOperationLabelsAreBounded(t *testing.T) {
	m := metrics.New()
	for i := range 1000 {
		m.Request("query", fmt.Sprintf("Op%d", i), "ok", time.Millisecond)
	}
	if n := strings.Count(scrape(t, m), "sio_requests_total{"); n > 201 {
		t.Fatalf("%d operation series", n)
	}
}
