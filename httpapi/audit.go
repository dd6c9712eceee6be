package httpapi

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"sio"
	"sio/audit"
	"sio/tracing"
)

// AuditLog appends the audit record of a request and returns once it is
// committed (audit.Log).
type AuditLog interface {
	Append(ctx context.Context, r *audit.Record) error
}

// SignatureHeader carries the client's signature of the request, recorded
// with it when present.
const SignatureHeader = "X-Request-Signature"

// auditRequests records every request before its response leaves (seed 000
// §39, §53; seed 002 §39, §50): the handler's response is buffered, its
// audit record (the request, the response, who, under which basis, what was
// read and refused) is committed, and only then is the response sent. If
// the record cannot be committed the response is discarded and the caller
// gets AUDIT_UNAVAILABLE (503): no data leaves unrecorded. Authentication
// failures are recorded too (the trail says so).
func auditRequests(cfg Config, next http.Handler) http.Handler {
	tp := cfg.Tracer
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	tracer := tp.Tracer(tracing.InstrumentationName)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, span := tracer.Start(r.Context(), "sio "+r.Method+" "+routeOf(r), trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		r = r.WithContext(ctx)
		trail := audit.NewTrail()
		trail.Signature(r.Header.Get(SignatureHeader))
		if r.Body == nil {
			r.Body = http.NoBody
		}
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, cfg.Limits.BodyBytes))
		buf := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
		if err != nil {
			writeError(buf, http.StatusRequestEntityTooLarge, &sio.Error{Code: sio.EBADINPUT,
				Message: "request body too large or unreadable"})
		} else {
			r.Body = io.NopCloser(bytes.NewReader(raw))
			next.ServeHTTP(buf, r.WithContext(audit.WithTrail(r.Context(), trail)))
		}
		rec := trail.Record()
		rec.RequestID = requestID()
		rec.SetRequest(requestJSON(r, raw))
		rec.SetResult(buf.body.Bytes())
		rec.DurationUS = time.Since(start).Microseconds()
		span.SetAttributes(attribute.String("sio.request_id", rec.RequestID), attribute.Int("http.response.status_code", buf.status))
		wait := time.Now()
		var aerr error
		if cfg.Audit == nil {
			aerr = errNoAuditLog
		} else {
			actx, aspan := tracer.Start(context.WithoutCancel(r.Context()), "audit commit")
			aerr = cfg.Audit.Append(actx, rec)
			if aerr != nil {
				aspan.SetStatus(codes.Error, "audit unavailable")
			}
			aspan.End()
		}
		if cfg.Metrics != nil {
			cfg.Metrics.AuditWrite(time.Since(wait))
			cfg.Metrics.Request(operationKind(rec), rec.Operation, outcome(rec, aerr), time.Since(start))
		}
		if aerr != nil {
			cfg.Logger.Error("audit log unavailable: response withheld", "err", aerr.Error(), "request_id", rec.RequestID)
			writeError(w, http.StatusServiceUnavailable, &sio.Error{Code: sio.EAUDITUNAVAILABLE,
				Message: "the audit log cannot be written: no data is served"})
			return
		}
		for k, v := range buf.header {
			w.Header()[k] = v
		}
		w.Header().Set("X-Request-Id", rec.RequestID)
		w.WriteHeader(buf.status)
		w.Write(buf.body.Bytes())
	})
}

var errNoAuditLog = &sio.Error{Code: sio.EAUDITUNAVAILABLE, Message: "no audit log configured"}

func operationKind(r *audit.Record) string {
	if r.Kind == audit.KindMutation {
		return "mutation"
	}
	return "query"
}

func outcome(r *audit.Record, auditErr error) string {
	switch {
	case auditErr != nil:
		return "audit_unavailable"
	case len(r.Denials) > 0 || r.Kind == audit.KindAuthFailed:
		return "denied"
	case len(r.ErrorCodes) > 0:
		return "error"
	}
	return "ok"
}

// requestJSON is the request as recorded: method, path, query string and
// body (JSON when it is JSON).
func requestJSON(r *http.Request, body []byte) []byte {
	req := map[string]any{"method": r.Method, "path": r.URL.Path}
	if r.URL.RawQuery != "" {
		req["query"] = r.URL.RawQuery
	}
	if len(body) > 0 {
		if json.Valid(body) {
			req["body"] = json.RawMessage(body)
		} else {
			req["body"] = string(body)
		}
	}
	b, _ := json.Marshal(req)
	return b
}

func requestID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// bufferedResponse holds a handler's response until its audit record is
// committed.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(status int) {
	if !b.wrote {
		b.status, b.wrote = status, true
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.wrote = true
	return b.body.Write(p)
}

// traceOperation records the GraphQL operation in the request's trail.
func traceOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	name := oc.OperationName
	if name == "" && oc.Operation != nil {
		name = oc.Operation.Name
	}
	mutation := oc.Operation != nil && oc.Operation.Operation == ast.Mutation
	audit.TrailFrom(ctx).Operation(name, mutation)
	kind := "query"
	if mutation {
		kind = "mutation"
	}
	trace.SpanFromContext(ctx).SetAttributes(attribute.String("graphql.operation.type", kind),
		attribute.String("graphql.operation.name", sio.OperationLabel(name)))
	return next(ctx)
}

// routeOf names a request's route for its span without the path's variable
// parts (a photo's token).
func routeOf(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	if r.URL.Path == "/graphql" {
		return r.URL.Path
	}
	return "other"
}
