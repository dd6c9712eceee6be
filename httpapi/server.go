// Package httpapi serves the GraphQL API over HTTP: explicit gqlgen
// transports and extensions, authentication, per-request loaders and
// statement counting, the playground and the health check.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/trace"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/loaders"
	"sio/metrics"
	"sio/sqldb"
)

// Config configures the HTTP API.
type Config struct {
	Schema graphql.ExecutableSchema
	Users  sio.UserDirectory
	// LoaderWait is the dataloader batching window (0 = default).
	LoaderWait time.Duration
	// Sandbox enables X-Dev-User authentication from loopback, the
	// playground and introspection.
	Sandbox bool
	// Certs verifies the client certificates of a TLS connection
	// (production): the caller is the user of the certificate's IIN.
	Certs *authz.CertAuthority
	// Health reports whether the stores answer.
	Health func(ctx context.Context) error
	Logger *slog.Logger
	// Routes are further endpoints (pattern -> handler), served behind the
	// same authentication and audit as the API (e.g. the photo images).
	Routes map[string]http.Handler
	// Pages are static pages and assets (pattern -> handler): public, not
	// audited; they read data only through /graphql.
	Pages map[string]http.Handler
	// Audit commits the audit record of each request before its response
	// is sent; without it no request is served (fail closed).
	Audit AuditLog
	// Metrics, if set, counts requests, denials and audit writes and is
	// served at /metrics.
	Metrics *metrics.Metrics
	// Tracer, if set, traces each request (see package tracing).
	Tracer trace.TracerProvider
	// Limits bound each request (zero fields: DefaultLimits).
	Limits Limits
}

// DevUserHeader names the sandbox user (by IIN) a request acts as.
const DevUserHeader = "X-Dev-User"

// NewHandler builds the HTTP handler.
func NewHandler(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.Limits = cfg.Limits.WithDefaults()
	srv := handler.New(cfg.Schema)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// No "Did you mean ...?": the schema is not disclosed through errors.
	srv.SetDisableSuggestion(true)
	srv.SetParserTokenLimit(cfg.Limits.Tokens)
	if cfg.Sandbox {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	// After the persisted query is looked up: its text is checked too.
	srv.Use(queryLimits{cfg.Limits})
	srv.SetErrorPresenter(errorPresenter(cfg))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))
	srv.AroundOperations(traceOperation)
	srv.AroundFields(authz.FieldGuard)
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if st := sqldb.StatsFrom(ctx); st != nil && resp != nil {
			if resp.Extensions == nil {
				resp.Extensions = map[string]any{}
			}
			resp.Extensions["sqlStatements"] = st.Statements.Load()
		}
		return resp
	})

	var api http.Handler = srv
	api = loaders.Middleware(cfg.LoaderWait, api)
	api = countStatements(api)
	api = authenticate(cfg, api)

	mux := http.NewServeMux()
	mux.Handle("/graphql", auditRequests(cfg, guardRequests(cfg.Limits, api)))
	for pattern, h := range cfg.Routes {
		mux.Handle(pattern, auditRequests(cfg, authenticate(cfg, h)))
	}
	for pattern, h := range cfg.Pages {
		mux.Handle(pattern, h)
	}
	if cfg.Metrics != nil {
		mux.Handle("GET /metrics", cfg.Metrics.Handler())
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if cfg.Health != nil {
			if err := cfg.Health(ctx); err != nil {
				cfg.Logger.Error("health check failed", "err", err.Error())
				writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
				return
			}
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	if cfg.Sandbox {
		mux.Handle("GET /{$}", playground.Handler("SIO sandbox", "/graphql"))
	}
	return mux
}

func countStatements(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(sqldb.WithStats(r.Context(), &sqldb.Stats{})))
	})
}

// authenticate establishes the caller: from a client certificate of a TLS
// connection verified against the national CA (production), or in sandbox
// mode from the X-Dev-User header naming a seeded user, accepted only from
// loopback. A credential that cannot be honoured is refused outright (401,
// UNAUTHENTICATED with a reason) rather than silently ignored; so is a
// certificate of an unknown or blocked user.
func authenticate(cfg Config, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		trail := audit.TrailFrom(r.Context())
		h := r.Header.Get(DevUserHeader)
		// refuse answers an attempt that cannot be honoured; the attempt is
		// audited with the identity it claimed.
		refuse := func(status int, err error, claimed sio.IIN, via string) {
			trail.AuthFailed(string(claimed), via)
			writeError(w, status, err)
		}
		var p *authz.Principal
		switch {
		case h != "" && !cfg.Sandbox:
			refuse(http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Message: DevUserHeader + " is accepted in sandbox mode only"}, "", authz.ViaSandboxHeader)
			return
		case h != "" && !isLoopback(r.RemoteAddr):
			refuse(http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Message: DevUserHeader + " is accepted from loopback only"}, "", authz.ViaSandboxHeader)
			return
		case h != "":
			iin, err := sio.ParseIIN(h, DevUserHeader)
			if err != nil {
				refuse(http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Message: sio.ErrorMessage(err)}, "", authz.ViaSandboxHeader)
				return
			}
			u, ok := lookup(cfg, w, r, iin)
			if !ok {
				trail.AuthFailed(string(iin), authz.ViaSandboxHeader)
				return
			}
			p = &authz.Principal{User: u, Via: authz.ViaSandboxHeader}
		case cfg.Certs != nil && r.TLS != nil:
			claimed := certificateIIN(r)
			leaf, iin, err := cfg.Certs.Verify(r.Context(), r.TLS.PeerCertificates)
			if err != nil {
				refuse(http.StatusUnauthorized, err, claimed, authz.ViaMTLS)
				return
			}
			u, ok := lookup(cfg, w, r, iin)
			if !ok {
				trail.AuthFailed(string(iin), authz.ViaMTLS)
				return
			}
			if u.Blocked {
				refuse(http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Reason: authz.ReasonUserBlocked,
					Message: "the user of the certificate is blocked"}, iin, authz.ViaMTLS)
				return
			}
			p = &authz.Principal{User: u, Via: authz.ViaMTLS, Certificate: leaf, Verifiers: cfg.Certs.Verifiers}
		case cfg.Certs != nil:
			// Production never serves a request it cannot attribute.
			refuse(http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Reason: authz.ReasonCertMissing,
				Message: "a client certificate over TLS is required"}, "", authz.ViaMTLS)
			return
		default:
			next.ServeHTTP(w, r)
			return
		}
		trail.User(string(p.User.IIN), p.User.RoleCode, p.User.AgencyCode, p.Via)
		next.ServeHTTP(w, r.WithContext(authz.WithPrincipal(r.Context(), p)))
	})
}

// certificateIIN is the IIN a client certificate claims, read without
// verifying it (for the audit record of a refused attempt); "" if none.
func certificateIIN(r *http.Request) sio.IIN {
	if r.TLS == nil || len(r.TLS.PeerCertificates) == 0 {
		return ""
	}
	iin, err := authz.IINOf(r.TLS.PeerCertificates[0])
	if err != nil {
		return ""
	}
	return iin
}

// lookup finds the registered user of an IIN; it answers the request itself
// (401 or 503) when there is none.
func lookup(cfg Config, w http.ResponseWriter, r *http.Request, iin sio.IIN) (*sio.User, bool) {
	u, err := cfg.Users.UserByIIN(r.Context(), iin)
	if err != nil {
		cfg.Logger.Error("user lookup failed", "err", err.Error())
		writeError(w, http.StatusServiceUnavailable, &sio.Error{Code: sio.ESOURCEUNAVAILABLE, Message: "user directory unavailable"})
		return nil, false
	}
	if u == nil {
		writeError(w, http.StatusUnauthorized, &sio.Error{Code: sio.EUNAUTHENTICATED, Reason: authz.ReasonUnknownUser,
			Message: "no registered SIO user has this IIN"})
		return nil, false
	}
	return u, true
}

func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeError writes a GraphQL-shaped error response of a refused request.
func writeError(w http.ResponseWriter, status int, err error) {
	ext := map[string]any{"code": sio.ErrorCode(err)}
	var e *sio.Error
	if errors.As(err, &e) && e.Reason != "" {
		ext["reason"] = e.Reason
	}
	writeJSON(w, status, map[string]any{"errors": []any{map[string]any{"message": sio.ErrorMessage(err), "extensions": ext}}})
}
