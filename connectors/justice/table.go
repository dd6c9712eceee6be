package justice

import (
	"context"
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"sio/sqldb"
)

// Table maps a record type to its table: the columns are the `db` tags of
// T's fields in declaration order (fields tagged "-" and embedded structs
// are not columns). The justice connectors declare one Table per record
// type and build their statements and bulk inserts from it.
type Table[T any] struct {
	name  string
	cols  []string
	index []int
}

// NewTable describes the table name of record type T.
func NewTable[T any](name string) *Table[T] {
	t := &Table[T]{name: name}
	rt := reflect.TypeFor[T]()
	for i := range rt.NumField() {
		f := rt.Field(i)
		tag := f.Tag.Get("db")
		if tag == "" || tag == "-" || f.Anonymous {
			continue
		}
		t.cols = append(t.cols, tag)
		t.index = append(t.index, i)
	}
	return t
}

// Name is the table name.
func (t *Table[T]) Name() string { return t.name }

// Columns is the SELECT list of the table's columns, each prefixed with
// alias and a dot when alias is given.
func (t *Table[T]) Columns(alias string) string {
	if alias == "" {
		return strings.Join(t.cols, ", ")
	}
	return alias + "." + strings.Join(t.cols, ", "+alias+".")
}

// Where is `SELECT <columns> FROM {table} WHERE <db.In(column)> ORDER BY
// <order>` rewritten for db: the batch lookup of records by one column.
func (t *Table[T]) Where(db *sqldb.DB, column, order string) string {
	return db.Q(`SELECT ` + t.Columns("") + ` FROM {` + t.name + `} WHERE ` + db.In(column) + ` ORDER BY ` + order)
}

// Insert bulk-loads records.
func (t *Table[T]) Insert(ctx context.Context, db *sqldb.DB, records []T) error {
	rows := make([][]any, len(records))
	for i := range records {
		v := reflect.ValueOf(&records[i]).Elem()
		row := make([]any, len(t.index))
		for k, fi := range t.index {
			row[k] = v.Field(fi).Interface()
		}
		rows[i] = row
	}
	if err := db.BulkInsert(ctx, t.name, t.cols, rows); err != nil {
		return fmt.Errorf("%s: %w", t.name, err)
	}
	return nil
}

// Store is what every justice connector's store holds: its database.
type Store struct{ db *sqldb.DB }

// NewStore wraps an opened, migrated database.
func NewStore(db *sqldb.DB) Store { return Store{db: db} }

// DB exposes the handle for administration (seeding, health checks).
func (s Store) DB() *sqldb.DB { return s.db }

// Open opens the store called name with its migrations and builds the
// connector on it: the body of every justice connector's Open.
func Open[S any](ctx context.Context, cfg sqldb.Config, name string, migrations fs.FS, build func(*sqldb.DB) S) (S, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, name, migrations)
	if err != nil {
		var zero S
		return zero, err
	}
	return build(db), nil
}

// Lookup is a batch lookup of a table by one column: one statement for any
// number of keys, rows in a fixed order.
type Lookup[K ~string, T any] struct {
	db    *sqldb.DB
	what  string
	query string
	key   func(*T) K
}

// By prepares the lookup of table t by column (whose value in a record is
// key), ordered by order.
func By[K ~string, T any](db *sqldb.DB, t *Table[T], column, order string, key func(*T) K) Lookup[K, T] {
	return Lookup[K, T]{db: db, what: db.Name + ": " + t.name + " by " + column, query: t.Where(db, column, order), key: key}
}

// Group returns the records of each key found (absent keys are absent).
func (l Lookup[K, T]) Group(ctx context.Context, keys []K) (map[K][]T, error) {
	return sqldb.Group(ctx, l.db, l.what, l.query, l.key, sqldb.List(l.db, keys))
}

// Index returns the record of each key found (absent keys are absent).
func (l Lookup[K, T]) Index(ctx context.Context, keys []K) (map[K]*T, error) {
	return sqldb.Index(ctx, l.db, l.what, l.query, l.key, sqldb.List(l.db, keys))
}
