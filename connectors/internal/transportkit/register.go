package transportkit

import (
	"context"
	"io/fs"

	"sio/sqldb"
)

// Open opens and migrates a connector's database (its PostgreSQL schema or
// SQLite file, name) and wraps it with the connector's constructor.
func Open[S any](ctx context.Context, cfg sqldb.Config, name string, migrations fs.FS, wrap func(*sqldb.DB) S) (S, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, name, migrations)
	if err != nil {
		var zero S
		return zero, err
	}
	return wrap(db), nil
}

// Register is a connector's database with its main table: the records T,
// their columns and how a record becomes a row. Connectors embed it for
// DB and Insert and build their batch lookups with Lookup.
type Register[T any] struct {
	db      *sqldb.DB
	table   string
	columns []string
	values  func(*T) []any
}

// NewRegister describes the main table of an opened database.
func NewRegister[T any](db *sqldb.DB, table string, columns []string, values func(*T) []any) *Register[T] {
	return &Register[T]{db: db, table: table, columns: columns, values: values}
}

// DB exposes the handle for administration (seeding, health checks).
func (g *Register[T]) DB() *sqldb.DB { return g.db }

// Lookup is the statement of a batch lookup: the records whose column is
// among a list bound as one parameter, ordered by order (none if empty).
func (g *Register[T]) Lookup(column, order string) string {
	q := Select(g.table, g.columns) + g.db.In(column)
	if order != "" {
		q += ` ORDER BY ` + order
	}
	return g.db.Q(q)
}

// Insert bulk-loads records (used by the data generator).
func (g *Register[T]) Insert(ctx context.Context, xs []T) error {
	return Insert(ctx, g.db, g.table, g.columns, xs, g.values)
}

// Group runs a lookup of g for keys and returns the records of each key in
// the statement's order (sqldb.Group); what names it in errors.
func Group[K ~string, T any](ctx context.Context, g *Register[T], what, query string, key func(*T) K, keys []K) (map[K][]T, error) {
	return sqldb.Group(ctx, g.db, what, query, key, sqldb.List(g.db, keys))
}

// Index runs a lookup of g for keys and returns the record of each key
// (sqldb.Index); what names it in errors.
func Index[K ~string, T any](ctx context.Context, g *Register[T], what, query string, key func(*T) K, keys []K) (map[K]*T, error) {
	return sqldb.Index(ctx, g.db, what, query, key, sqldb.List(g.db, keys))
}
