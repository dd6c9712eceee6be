// Package sqldb adapts sqlx to the two stores SIO runs on: PostgreSQL (lib/pq,
// production) and embedded SQLite (modernc.org/sqlite, sandbox). Every
// connector opens its own DB: its own PostgreSQL schema (optionally on its
// own server) or its own SQLite file.
//
// Connector SQL is written once, with `?` placeholders and table names in
// braces: `SELECT ... FROM {weapons} WHERE ...`. Q rewrites a statement for
// the store: braces become the schema-qualified table on PostgreSQL
// (`weapons.weapons`) and the bare table on SQLite, placeholders become `$n`
// on PostgreSQL. Stores on the same PostgreSQL DSN share one connection pool
// (each state database of a single-server deployment does not get a pool of
// its own); a store given its own DSN gets its own pool.
package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"github.com/sony/gobreaker/v2"
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
	// Durable asks SQLite to fsync every commit (synchronous=FULL) instead
	// of at checkpoints: for stores whose commits are acknowledged to
	// clients (the audit log). PostgreSQL commits synchronously by default.
	Durable bool
	// Observer, if set, watches every statement of the store (metrics,
	// tracing).
	Observer Observer
	// Timeout bounds each statement of the store (0: no bound beyond the
	// request's own deadline).
	Timeout time.Duration
	// Breaker, if set, trips the store's circuit after that many
	// consecutive failures: statements then fail at once with
	// ErrUnavailable until a probe succeeds (BreakerCooldown later).
	Breaker         uint32
	BreakerCooldown time.Duration
	// MaxOpenConns bounds the pool: a SQLite file's, or the PostgreSQL pool
	// shared by the stores of one DSN (the first store to open it sets the
	// size). 0 = 8 for SQLite, 32 for PostgreSQL.
	MaxOpenConns int
}

// DB is a connector's database handle: its schema on a (possibly shared)
// PostgreSQL pool, or its SQLite file.
type DB struct {
	*sqlx.DB
	Dialect  Dialect
	Name     string
	release  func() error
	observer Observer
	timeout  time.Duration
	breaker  *gobreaker.CircuitBreaker[struct{}]
	// stmts holds the store's prepared statements (PostgreSQL; nil on
	// SQLite, whose parsing is in process and cheap).
	stmts *stmtCache
}

// ErrUnavailable is returned while a store's circuit breaker is open.
var ErrUnavailable = errors.New("sqldb: state database unavailable (circuit open)")

// ErrStatementTimeout is in the error of a statement that the store's own
// timeout (Config.Timeout) ended, as opposed to the caller's deadline or
// cancellation: errors.Is(err, ErrStatementTimeout) tells them apart. It
// is a context.DeadlineExceeded too.
var ErrStatementTimeout error = statementTimeout{}

type statementTimeout struct{}

func (statementTimeout) Error() string        { return "statement timeout of the store" }
func (statementTimeout) Is(target error) bool { return target == context.DeadlineExceeded }
func (statementTimeout) Timeout() bool        { return true }

// guard applies the per-store timeout and circuit breaker of cfg to db.
func (db *DB) guard(cfg Config) *DB {
	db.observer, db.timeout = cfg.Observer, cfg.Timeout
	if cfg.Breaker > 0 {
		cooldown := cfg.BreakerCooldown
		if cooldown <= 0 {
			cooldown = 5 * time.Second
		}
		n := cfg.Breaker
		db.breaker = gobreaker.NewCircuitBreaker[struct{}](gobreaker.Settings{
			Name:        db.Name,
			MaxRequests: 1,
			Timeout:     cooldown,
			ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= n },
			// A missing row or a caller who gave up says nothing about the
			// source's health.
			IsSuccessful: func(err error) bool {
				return err == nil || errors.Is(err, sql.ErrNoRows) || errors.Is(err, context.Canceled)
			},
		})
	}
	return db
}

// BreakerState reports the circuit of the store: "closed", "open",
// "half-open", or "none" without a breaker.
func (db *DB) BreakerState() string {
	if db.breaker == nil {
		return "none"
	}
	return db.breaker.State().String()
}

// Observer watches the statements of the stores. Statement is called before
// a statement runs and returns the context to run it in and the func to
// call with its outcome.
type Observer interface {
	Statement(ctx context.Context, store string) (context.Context, func(error))
}

// Observers watch a statement together, in order.
type Observers []Observer

// Statement implements Observer.
func (os Observers) Statement(ctx context.Context, store string) (context.Context, func(error)) {
	dones := make([]func(error), len(os))
	for i, o := range os {
		ctx, dones[i] = o.Statement(ctx, store)
	}
	return ctx, func(err error) {
		for i := len(dones) - 1; i >= 0; i-- {
			dones[i](err)
		}
	}
}

var validName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// pools are the PostgreSQL pools in use, by DSN, with their reference counts.
var pools = struct {
	sync.Mutex
	m map[string]*sharedPool
}{m: map[string]*sharedPool{}}

type sharedPool struct {
	db   *sqlx.DB
	refs int
}

// postgresPool returns the shared pool of dsn, opening it on first use.
func postgresPool(ctx context.Context, dsn string, maxOpen int) (*sqlx.DB, func() error, error) {
	pools.Lock()
	defer pools.Unlock()
	p := pools.m[dsn]
	if p == nil {
		// JIT compilation pays off for analytics, not for the short indexed
		// lookups of the connectors, where it only adds latency.
		conn, err := pq.NewConnector(withBinaryParameters(withConnectTimeout(WithRuntimeParam(dsn, "jit", "off"))))
		if err != nil {
			return nil, nil, err
		}
		conn.Dialer(ctxDialer{})
		db := sqlx.NewDb(sql.OpenDB(conn), "postgres")
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			return nil, nil, err
		}
		if maxOpen <= 0 {
			maxOpen = 32
		}
		db.SetMaxOpenConns(maxOpen)
		db.SetMaxIdleConns(maxOpen)
		p = &sharedPool{db: db}
		pools.m[dsn] = p
	}
	p.refs++
	var once sync.Once
	release := func() (err error) {
		once.Do(func() {
			pools.Lock()
			defer pools.Unlock()
			if p.refs--; p.refs == 0 {
				delete(pools.m, dsn)
				err = p.db.Close()
			}
		})
		return err
	}
	return p.db, release, nil
}

// Open opens (and for PostgreSQL creates the schema of) the connector's
// database.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if !validName.MatchString(cfg.Name) {
		return nil, fmt.Errorf("sqldb: invalid store name %q", cfg.Name)
	}
	if cfg.PostgresDSN != "" {
		pool, release, err := postgresPool(ctx, cfg.PostgresDSN, cfg.MaxOpenConns)
		if err != nil {
			return nil, fmt.Errorf("sqldb: connect %s: %w", cfg.Name, err)
		}
		// Create the schema only if missing: a store may be opened under a
		// role that cannot create schemas (the audit writer).
		var exists bool
		err = pool.GetContext(ctx, &exists, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, cfg.Name)
		if err == nil && !exists {
			_, err = pool.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+cfg.Name)
		}
		if err != nil && !isDuplicateSchema(err) {
			release()
			return nil, fmt.Errorf("sqldb: create schema %s: %w", cfg.Name, err)
		}
		return (&DB{DB: pool, Dialect: Postgres, Name: cfg.Name, release: release,
			stmts: &stmtCache{uses: map[string]int{}, stmts: map[string]*sqlx.Stmt{}}}).guard(cfg), nil
	}
	if cfg.DataDir == "" {
		return nil, fmt.Errorf("sqldb: %s: neither a PostgreSQL DSN nor a data directory given", cfg.Name)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("sqldb: %w", err)
	}
	path := filepath.Join(cfg.DataDir, cfg.Name+".db")
	sync := "NORMAL"
	if cfg.Durable {
		sync = "FULL"
	}
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(" + sync + ")"
	db, err := sqlx.ConnectContext(ctx, "sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqldb: open %s: %w", path, err)
	}
	maxOpen := cfg.MaxOpenConns
	if maxOpen <= 0 {
		maxOpen = 8
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxOpen)
	return (&DB{DB: db, Dialect: SQLite, Name: cfg.Name, release: db.Close}).guard(cfg), nil
}

// Close releases the store: its SQLite file, or its share of the
// PostgreSQL pool (closed with the last store on it). Safe to call twice.
func (db *DB) Close() error {
	if db.release == nil {
		return nil
	}
	db.closeStatements()
	return db.release()
}

// WithRuntimeParam returns dsn with a server run-time parameter set at
// connection start (PostgreSQL `options=-c key=value`), e.g. the role a
// pool's sessions run as. A different DSN string also means a pool of its
// own.
func WithRuntimeParam(dsn, key, value string) string {
	opt := "-c " + key + "=" + value
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("options", strings.TrimSpace(q.Get("options")+" "+opt))
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	if m := kvOptions.FindStringSubmatchIndex(dsn); m != nil {
		return dsn[:m[3]] + " " + opt + dsn[m[3]:]
	}
	return dsn + " options='" + opt + "'"
}

var kvOptions = regexp.MustCompile(`(?:^|\s)options='([^']*)'`)

// WithUser returns dsn connecting as user instead: the user is replaced and
// any password dropped, since it is the other role's. The role then
// authenticates by the server's rules for it (a .pgpass entry, a client
// certificate, trust on a sandbox's loopback); a role with a password of
// its own is given a DSN of its own instead.
func WithUser(dsn, user string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			u.User = url.User(user)
			q := u.Query()
			q.Del("user")
			q.Del("password")
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	pairs, ok := kvPairs(dsn)
	quoted := "user='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(user) + "'"
	if !ok {
		// Malformed: lib/pq reports it when connecting.
		return dsn + " " + quoted
	}
	var b strings.Builder
	for _, p := range pairs {
		if p.key == "user" || p.key == "password" {
			continue
		}
		b.WriteString(dsn[p.start:p.end])
		b.WriteByte(' ')
	}
	b.WriteString(quoted)
	return b.String()
}

// kvPair is a key=value pair of a key/value DSN and its span in it.
type kvPair struct {
	key        string
	start, end int
}

// kvPairs splits a key/value DSN as libpq does (values bare with
// backslash escapes, or single-quoted); ok is false if it is malformed.
func kvPairs(dsn string) (_ []kvPair, ok bool) {
	var out []kvPair
	i, n := 0, len(dsn)
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for {
		for i < n && space(dsn[i]) {
			i++
		}
		if i >= n {
			return out, true
		}
		start := i
		for i < n && !space(dsn[i]) && dsn[i] != '=' {
			i++
		}
		key := dsn[start:i]
		for i < n && space(dsn[i]) {
			i++
		}
		if i >= n || dsn[i] != '=' || i == start {
			return out, false
		}
		i++
		for i < n && space(dsn[i]) {
			i++
		}
		if i < n && dsn[i] == '\'' {
			for i++; i < n && dsn[i] != '\''; i++ {
				if dsn[i] == '\\' {
					i++
				}
			}
			if i >= n {
				return out, false
			}
			i++
		} else {
			for ; i < n && !space(dsn[i]); i++ {
				if dsn[i] == '\\' {
					i++
				}
			}
			i = min(i, n)
		}
		out = append(out, kvPair{key: key, start: start, end: i})
	}
}

// withConnectTimeout gives a DSN without one a connect_timeout, so that a
// server that accepts connections and never answers cannot hold a pool
// connection attempt forever (lib/pq does not watch the context during the
// start-up handshake; ctxDialer then bounds it by the statement's deadline).
func withConnectTimeout(dsn string) string {
	if strings.Contains(dsn, "connect_timeout") {
		return dsn
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("connect_timeout", "10")
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " connect_timeout=10"
}

// withBinaryParameters turns on lib/pq's binary_parameters unless the DSN
// says otherwise: a statement with arguments is then sent as one
// Parse/Bind/Execute exchange instead of a Parse/Describe round trip
// followed by Bind/Execute, one network round trip less per statement.
// (It also sends []byte arguments in binary format: SIO binds []byte only
// to BYTEA columns, where the binary format is the bytes themselves.)
func withBinaryParameters(dsn string) string {
	if strings.Contains(dsn, "binary_parameters") {
		return dsn
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		if u, err := url.Parse(dsn); err == nil {
			q := u.Query()
			q.Set("binary_parameters", "yes")
			u.RawQuery = q.Encode()
			return u.String()
		}
	}
	return dsn + " binary_parameters=yes"
}

// ctxDialer dials with the caller's context and keeps the connection's
// handshake within that context's deadline.
type ctxDialer struct{}

func (ctxDialer) Dial(network, address string) (net.Conn, error) {
	return ctxDialer{}.DialContext(context.Background(), network, address)
}

func (ctxDialer) DialTimeout(network, address string, timeout time.Duration) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	return ctxDialer{}.DialContext(ctx, network, address)
}

func (ctxDialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	limit, _ := ctx.Deadline()
	return &handshakeConn{Conn: c, limit: limit}, nil
}

// handshakeConn caps the deadlines lib/pq sets during the handshake at the
// dialling context's deadline; lib/pq clears the deadline (a zero time)
// once connected, which lifts the cap.
type handshakeConn struct {
	net.Conn
	limit time.Time
}

func (c *handshakeConn) SetDeadline(t time.Time) error {
	if t.IsZero() {
		c.limit = time.Time{}
	} else if !c.limit.IsZero() && c.limit.Before(t) {
		t = c.limit
	}
	return c.Conn.SetDeadline(t)
}

func isDuplicateSchema(err error) bool {
	// Two connectors racing to create the same schema: 23505/42P06.
	var pqErr *pq.Error
	if e, ok := err.(*pq.Error); ok {
		pqErr = e
	}
	return pqErr != nil && (pqErr.Code == "42P06" || pqErr.Code == "23505")
}

var tableRef = regexp.MustCompile(`\{([a-z_][a-z0-9_]*)\}`)

// Q rewrites a statement for the store: `{table}` becomes the store's table
// (schema-qualified on PostgreSQL) and `?` placeholders are rebound.
// Connectors call it once per statement at construction time.
func (db *DB) Q(query string) string {
	if db.Dialect == Postgres {
		return sqlx.Rebind(sqlx.DOLLAR, tableRef.ReplaceAllString(query, db.Name+".$1"))
	}
	return tableRef.ReplaceAllString(query, "$1")
}

// Table returns the store's table name as Q writes it.
func (db *DB) Table(name string) string {
	if db.Dialect == Postgres {
		return db.Name + "." + name
	}
	return name
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

// run counts a statement for the request, observes it and runs it under the
// store's timeout and circuit breaker.
func (db *DB) run(ctx context.Context, f func(ctx context.Context) error) error {
	if s := StatsFrom(ctx); s != nil {
		s.Statements.Add(1)
	}
	done := func(error) {}
	if db.observer != nil {
		ctx, done = db.observer.Statement(ctx, db.Name)
	}
	caller := ctx
	var timeoutAt time.Time
	if db.timeout > 0 {
		var cancel context.CancelFunc
		timeoutAt = time.Now().Add(db.timeout)
		ctx, cancel = context.WithTimeout(ctx, db.timeout)
		defer cancel()
	}
	var err error
	if db.breaker != nil {
		_, err = db.breaker.Execute(func() (struct{}, error) { return struct{}{}, f(ctx) })
		if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
			err = fmt.Errorf("%s: %w", db.Name, ErrUnavailable)
		}
	} else {
		err = f(ctx)
	}
	// Failed at or past the store's timeout while the caller still waits
	// (a caller's earlier deadline fails it before timeoutAt; the network
	// deadlines set from the context may fire a moment before it is done,
	// hence the clock rather than ctx.Err()).
	if err != nil && !timeoutAt.IsZero() && caller.Err() == nil && !time.Now().Before(timeoutAt) && !errors.Is(err, ErrStatementTimeout) {
		err = fmt.Errorf("%s: %w: %w", db.Name, ErrStatementTimeout, err)
	}
	if errors.Is(err, sql.ErrNoRows) {
		done(nil)
	} else {
		done(err)
	}
	return err
}

// Select runs a counted, observed, guarded query scanning all rows into
// dest.
func (db *DB) Select(ctx context.Context, dest any, query string, args ...any) error {
	return db.run(ctx, func(ctx context.Context) error {
		if st := db.prepared(ctx, query); st != nil {
			return st.SelectContext(ctx, dest, args...)
		}
		return db.DB.SelectContext(ctx, dest, query, args...)
	})
}

// Get runs a counted, observed, guarded query scanning one row into dest
// (sql.ErrNoRows if none).
func (db *DB) Get(ctx context.Context, dest any, query string, args ...any) error {
	return db.run(ctx, func(ctx context.Context) error {
		if st := db.prepared(ctx, query); st != nil {
			return st.GetContext(ctx, dest, args...)
		}
		return db.DB.GetContext(ctx, dest, query, args...)
	})
}

// Exec runs a counted, observed, guarded statement.
func (db *DB) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := db.run(ctx, func(ctx context.Context) (err error) {
		if st := db.prepared(ctx, query); st != nil {
			res, err = st.ExecContext(ctx, args...)
			return err
		}
		res, err = db.DB.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
}
