// Package records is the table plumbing shared by the business and
// tax-administration connectors: a record's columns are the `db` tags of its
// core type (embedded structs flattened), so the SELECT list, the bulk
// insert and the struct scanned into are declared once and cannot drift
// apart.
package records

import (
	"context"
	"database/sql/driver"
	"fmt"
	"io/fs"
	"reflect"
	"strings"

	"sio/sqldb"
)

// Open opens the store called name, applies its migrations and wraps it: the
// body of a connector's Open.
func Open[S any](ctx context.Context, cfg sqldb.Config, name string, migrations fs.FS, wrap func(*sqldb.DB) S) (S, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, name, migrations)
	if err != nil {
		var zero S
		return zero, err
	}
	return wrap(db), nil
}

// field is a column of a record type: its name and where it sits.
type field struct {
	column string
	index  []int
}

func fields(t reflect.Type) []field {
	var out []field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("db")
		switch {
		case f.Anonymous && f.Type.Kind() == reflect.Struct && tag == "":
			for _, sub := range fields(f.Type) {
				out = append(out, field{sub.column, append([]int{i}, sub.index...)})
			}
		case tag != "" && tag != "-" && f.IsExported():
			out = append(out, field{tag, []int{i}})
		}
	}
	return out
}

func fieldsOf[T any]() []field { return fields(reflect.TypeFor[T]()) }

// Columns lists T's columns in field order.
func Columns[T any]() []string {
	fs := fieldsOf[T]()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.column
	}
	return out
}

// Select is "SELECT <T's columns> FROM {table} " (with the table in braces,
// for sqldb.DB.Q).
func Select[T any](table string) string {
	return "SELECT " + strings.Join(Columns[T](), ", ") + " FROM {" + table + "} "
}

// Insert bulk-loads records into table, one column per field of T.
func Insert[T any](ctx context.Context, db *sqldb.DB, table string, recs []T) error {
	fs := fieldsOf[T]()
	cols := make([]string, len(fs))
	for i, f := range fs {
		cols[i] = f.column
	}
	rows := make([][]any, len(recs))
	for i := range recs {
		v := reflect.ValueOf(&recs[i]).Elem()
		row := make([]any, len(fs))
		for j, f := range fs {
			// Plain driver values (typed strings as strings, nil pointers
			// as NULL), whatever conversions the driver's COPY applies.
			x, err := driver.DefaultParameterConverter.ConvertValue(v.FieldByIndex(f.index).Interface())
			if err != nil {
				return fmt.Errorf("%s.%s: %w", table, f.column, err)
			}
			row[j] = x
		}
		rows[i] = row
	}
	return db.BulkInsert(ctx, table, cols, rows)
}
