// Package httpapi serves the GraphQL API over HTTP: explicit gqlgen
// transports and extensions, authentication, per-request loaders and
// statement counting, the playground and the health check.
package httpapi

import (
	"context"
	"encoding/json"
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

	"sio"
	"sio/authz"
	"sio/loaders"
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
	// Health reports whether the stores answer.
	Health func(ctx context.Context) error
	Logger *slog.Logger
	// Routes are further endpoints (pattern -> handler), served behind the
	// same authentication as the API (e.g. the photo images).
	Routes map[string]http.Handler
}

// DevUserHeader names the sandbox user (by IIN) a request acts as.
const DevUserHeader = "X-Dev-User"

// NewHandler builds the HTTP handler.
func NewHandler(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	srv := handler.New(cfg.Schema)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if cfg.Sandbox {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	srv.SetErrorPresenter(errorPresenter(cfg.Logger))
	srv.SetRecoverFunc(recoverFunc(cfg.Logger))
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
	mux.Handle("/graphql", api)
	for pattern, h := range cfg.Routes {
		mux.Handle(pattern, authenticate(cfg, h))
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

// authenticate establishes the caller. In sandbox mode the X-Dev-User header
// names a seeded user, accepted only from loopback; a header that cannot be
// honoured is refused outright rather than silently ignored.
func authenticate(cfg Config, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get(DevUserHeader)
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		if !cfg.Sandbox {
			writeError(w, http.StatusUnauthorized, sio.EUNAUTHENTICATED, DevUserHeader+" is accepted in sandbox mode only")
			return
		}
		if !isLoopback(r.RemoteAddr) {
			writeError(w, http.StatusUnauthorized, sio.EUNAUTHENTICATED, DevUserHeader+" is accepted from loopback only")
			return
		}
		iin, err := sio.ParseIIN(h, DevUserHeader)
		if err != nil {
			writeError(w, http.StatusUnauthorized, sio.EUNAUTHENTICATED, sio.ErrorMessage(err))
			return
		}
		u, err := cfg.Users.UserByIIN(r.Context(), iin)
		if err != nil {
			cfg.Logger.Error("user lookup failed", "err", err.Error())
			writeError(w, http.StatusServiceUnavailable, sio.ESOURCEUNAVAILABLE, "user directory unavailable")
			return
		}
		if u == nil {
			writeError(w, http.StatusUnauthorized, sio.EUNAUTHENTICATED, DevUserHeader+": no such user")
			return
		}
		ctx := authz.WithPrincipal(r.Context(), &authz.Principal{User: u, Via: "sandbox-header"})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
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

// writeError writes a GraphQL-shaped error response.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}
