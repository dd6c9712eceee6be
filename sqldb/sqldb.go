// Package sqldb adapts sqlx to the two stores SIO runs on: PostgreSQL (lib/pq,
// production) and embedded SQLite (modernc.org/sqlite, sandbox). Every
// connector opens its own DB: its own PostgreSQL schema (optionally on its
// own server) or its own SQLite file. SQL is written once with `?`
// placeholders and rebound per dialect.
package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	_ "modernc.org/sqlite" // registers driver "sqlite"
)

// Dialect is the SQL flavour of a DB.
type Dialect int

const (
	Postgres Dialect = iota + 1
	SQLite
)

func (d Dialect) String() string {
	switch d {
	case Postgres:
		return "postgres"
	case SQLite:
		return "sqlite"
	}
	return "unknown"
}

// Config says where a connector's database lives.
type Config struct {
	// Name is the connector's name: its PostgreSQL schema and its SQLite file
	// name. Lower-case letters, digits and underscores.
	Name string
	// PostgresDSN selects PostgreSQL (key=value or URL form). Empty selects
	// SQLite under DataDir.
	PostgresDSN string
	// DataDir holds the SQLite files.
	DataDir string
	// MaxOpenConns bounds the pool (0 = default 8).
	MaxOpenConns int
}

// DB is a connector's database handle.
type DB struct {
	*sqlx.DB
	Dialect Dialect
	Name    string
}

var validName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// Open opens (and for PostgreSQL creates the schema of) the connector's
// database.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if !validName.MatchString(cfg.Name) {
		return nil, fmt.Errorf("sqldb: invalid store name %q", cfg.Name)
	}
	maxOpen := cfg.MaxOpenConns
	if maxOpen <= 0 {
		maxOpen = 8
	}
	if cfg.PostgresDSN != "" {
		// Create the schema over a plain connection, then open the pool with
		// search_path pinned to it, so connector SQL is schema-agnostic.
		boot, err := sqlx.ConnectContext(ctx, "postgres", cfg.PostgresDSN)
		if err != nil {
			return nil, fmt.Errorf("sqldb: connect %s: %w", cfg.Name, err)
		}
		_, err = boot.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+cfg.Name)
		boot.Close()
		if err != nil && !isDuplicateSchema(err) {
			return nil, fmt.Errorf("sqldb: create schema %s: %w", cfg.Name, err)
		}
		dsn, err := withSearchPath(cfg.PostgresDSN, cfg.Name)
		if err != nil {
			return nil, err
		}
		db, err := sqlx.ConnectContext(ctx, "postgres", dsn)
		if err != nil {
			return nil, fmt.Errorf("sqldb: connect %s: %w", cfg.Name, err)
		}
		db.SetMaxOpenConns(maxOpen)
		db.SetMaxIdleConns(maxOpen)
		return &DB{DB: db, Dialect: Postgres, Name: cfg.Name}, nil
	}
	if cfg.DataDir == "" {
		return nil, fmt.Errorf("sqldb: %s: neither a PostgreSQL DSN nor a data directory given", cfg.Name)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("sqldb: %w", err)
	}
	path := filepath.Join(cfg.DataDir, cfg.Name+".db")
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sqlx.ConnectContext(ctx, "sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqldb: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxOpen)
	return &DB{DB: db, Dialect: SQLite, Name: cfg.Name}, nil
}

func isDuplicateSchema(err error) bool {
	// Two connectors racing to create the same schema: 23505/42P06.
	var pqErr *pq.Error
	if e, ok := err.(*pq.Error); ok {
		pqErr = e
	}
	return pqErr != nil && (pqErr.Code == "42P06" || pqErr.Code == "23505")
}

// withSearchPath adds search_path to a lib/pq DSN; lib/pq forwards unknown
// parameters to the server as run-time parameters.
func withSearchPath(dsn, schema string) (string, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return "", fmt.Errorf("sqldb: bad PostgreSQL URL: %w", err)
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	return dsn + " search_path=" + schema, nil
}

// Q rebinds a `?`-placeholder query to the dialect. Connectors call it once
// per statement at construction time.
func (db *DB) Q(query string) string {
	if db.Dialect == Postgres {
		return sqlx.Rebind(sqlx.DOLLAR, query)
	}
	return query
}

// In returns a predicate matching column against a list bound as ONE
// parameter, so a batch lookup is one statement with fixed text whatever the
// batch size: `col = ANY(?)` on PostgreSQL, `col IN (SELECT value FROM
// json_each(?))` on SQLite. Bind the list with List.
func (db *DB) In(column string) string {
	if db.Dialect == Postgres {
		return column + " = ANY(?)"
	}
	return column + " IN (SELECT value FROM json_each(?))"
}

// List converts keys into the single parameter expected by In.
func List[T ~string](db *DB, keys []T) any {
	ss := make([]string, len(keys))
	for i, k := range keys {
		ss[i] = string(k)
	}
	if db.Dialect == Postgres {
		return pq.StringArray(ss)
	}
	b, _ := json.Marshal(ss)
	return string(b)
}

// Stats counts statements issued on behalf of one request.
type Stats struct {
	Statements atomic.Int64
}

type statsKey struct{}

// WithStats returns a context that counts statements into s.
func WithStats(ctx context.Context, s *Stats) context.Context {
	return context.WithValue(ctx, statsKey{}, s)
}

// StatsFrom returns the request's statement counter, if any.
func StatsFrom(ctx context.Context) *Stats {
	s, _ := ctx.Value(statsKey{}).(*Stats)
	return s
}

func count(ctx context.Context) {
	if s := StatsFrom(ctx); s != nil {
		s.Statements.Add(1)
	}
}

// Select runs a counted query scanning all rows into dest.
func (db *DB) Select(ctx context.Context, dest any, query string, args ...any) error {
	count(ctx)
	return db.DB.SelectContext(ctx, dest, query, args...)
}

// Get runs a counted query scanning one row into dest (sql.ErrNoRows if none).
func (db *DB) Get(ctx context.Context, dest any, query string, args ...any) error {
	count(ctx)
	return db.DB.GetContext(ctx, dest, query, args...)
}

// Exec runs a counted statement.
func (db *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	count(ctx)
	return db.DB.ExecContext(ctx, query, args...)
}
