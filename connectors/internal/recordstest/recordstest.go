// Package recordstest runs a connector's filler over generated populations
// for the connector tests of the business and tax-administration
// connectors: determinism across batch cuts and seeds, and the rows to check
// realism on.
package recordstest

import (
	"context"
	"reflect"
	"testing"

	"sio/connectors/internal/records"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// Filling is a connector store with a synthetic-data filler.
type Filling interface {
	DB() *sqldb.DB
	Filler(seed int64) synth.Filler
}

// Fill opens a fresh SQLite store with open and runs its filler over the
// population of cfg. The store is closed when the test ends.
func Fill[S Filling](t *testing.T, open func(context.Context, sqldb.Config) (S, error), cfg synth.Config) S {
	t.Helper()
	ctx := context.Background()
	s, err := open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	t.Cleanup(func() { s.DB().Close() })
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	return s
}

// Rows reads every row of table, ordered by orderBy, as T.
func Rows[T any](t *testing.T, db *sqldb.DB, table, orderBy string) []T {
	t.Helper()
	var out []T
	testdb.Must(t, db.Select(context.Background(), &out, db.Q(records.Select[T](table)+`ORDER BY `+orderBy)))
	return out
}

// Deterministic fills a population of persons with seed 3 in one batch and
// in several, and with seed 4; read snapshots a filled store. It fails
// unless both cuts give the same snapshot and the other seed another one,
// and returns the seed-3 snapshot for realism checks.
func Deterministic[S Filling, D any](t *testing.T, open func(context.Context, sqldb.Config) (S, error), persons int, read func(*testing.T, S) D) D {
	t.Helper()
	a := read(t, Fill(t, open, synth.Config{Seed: 3, Persons: persons, BatchPersons: persons}))
	b := read(t, Fill(t, open, synth.Config{Seed: 3, Persons: persons, BatchPersons: persons/5 + 1}))
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("batch cuts changed the data:\none batch: %+v\nseveral:   %+v", brief(a), brief(b))
	}
	if c := read(t, Fill(t, open, synth.Config{Seed: 4, Persons: persons})); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same data")
	}
	return a
}

// brief shortens a snapshot for a failure message: the lengths of its
// slices.
func brief(v any) any {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice:
		return rv.Len()
	case reflect.Struct:
		out := map[string]any{}
		for i := 0; i < rv.NumField(); i++ {
			if rv.Type().Field(i).IsExported() {
				out[rv.Type().Field(i).Name] = brief(rv.Field(i).Interface())
			}
		}
		return out
	}
	return v
}
