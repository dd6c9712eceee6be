// Package metrics exposes SIO's Prometheus metrics: requests and their
// latency per operation, SQL statements and their latency per state
// database, policy denials by reason and audit-log writes. Labels never hold
// personal data (no identifiers, no query text).
package metrics

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"sio"
	"sio/sqldb"
)

// Metrics holds the collectors of one gateway.
type Metrics struct {
	Registry *prometheus.Registry

	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	statements *prometheus.CounterVec
	sqlLatency *prometheus.HistogramVec
	denials    *prometheus.CounterVec
	auditWrite prometheus.Histogram
	auditBatch prometheus.Histogram

	mu  sync.Mutex
	ops map[string]bool
}

// maxOperations bounds the distinct operation labels: operation names come
// from clients, so past this many the rest are counted as "other".
const maxOperations = 200

// New registers the collectors (and the Go and process collectors).
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{Registry: r, ops: map[string]bool{},
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sio_requests_total",
			Help: "GraphQL operations served, by operation and outcome (ok, error, denied)."}, []string{"operation", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "sio_request_duration_seconds",
			Help: "GraphQL operation latency, audit commit included.", Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}, []string{"operation"}),
		statements: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sio_sql_statements_total",
			Help: "SQL statements sent to each state database, by outcome (ok, error, timeout: ended by the store's own statement timeout)."}, []string{"store", "outcome"}),
		sqlLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "sio_sql_duration_seconds",
			Help: "SQL statement latency per state database.", Buckets: prometheus.ExponentialBuckets(0.0002, 2, 14)}, []string{"store"}),
		denials: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sio_denials_total",
			Help: "Fields and inquiries refused by the access policy, by reason."}, []string{"reason"}),
		auditWrite: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "sio_audit_write_seconds",
			Help: "Time a request waited for its audit record to be committed.", Buckets: prometheus.ExponentialBuckets(0.0002, 2, 14)}),
		auditBatch: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "sio_audit_batch_records",
			Help: "Records per audit group commit.", Buckets: prometheus.ExponentialBuckets(1, 2, 10)}),
	}
	r.MustRegister(m.requests, m.latency, m.statements, m.sqlLatency, m.denials, m.auditWrite, m.auditBatch,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}

// operation turns a client-given operation into a bounded label.
func (m *Metrics) operation(kind, name string) string {
	op := kind + ":" + sio.OperationLabel(name)
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.ops[op] {
		if len(m.ops) >= maxOperations {
			return kind + ":other"
		}
		m.ops[op] = true
	}
	return op
}

// Request records a served GraphQL operation of kind (query, mutation)
// named name.
func (m *Metrics) Request(kind, name, outcome string, d time.Duration) {
	op := m.operation(kind, name)
	m.requests.WithLabelValues(op, outcome).Inc()
	m.latency.WithLabelValues(op).Observe(d.Seconds())
}

// Denial records a refusal of the access policy.
func (m *Metrics) Denial(reason string) { m.denials.WithLabelValues(reason).Inc() }

// AuditWrite records how long a request waited for its audit commit.
func (m *Metrics) AuditWrite(d time.Duration) { m.auditWrite.Observe(d.Seconds()) }

// AuditBatch records the size of an audit group commit.
func (m *Metrics) AuditBatch(records int) { m.auditBatch.Observe(float64(records)) }

// Statement implements sqldb.Observer.
func (m *Metrics) Statement(ctx context.Context, store string) (context.Context, func(error)) {
	start := time.Now()
	return ctx, func(err error) {
		outcome := "ok"
		switch {
		case errors.Is(err, sqldb.ErrStatementTimeout):
			// The store's own statement timeout, not the request's deadline.
			outcome = "timeout"
		case err != nil:
			outcome = "error"
		}
		m.statements.WithLabelValues(store, outcome).Inc()
		m.sqlLatency.WithLabelValues(store).Observe(time.Since(start).Seconds())
	}
}
