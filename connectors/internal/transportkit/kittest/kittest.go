// Package kittest checks the synthetic-data generators (fillers) of the
// transport, road-traffic and criminal-records connectors.
package kittest

import (
	"context"
	"reflect"
	"testing"

	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// Store is a connector with a generator.
type Store interface {
	DB() *sqldb.DB
	Filler(seed int64) synth.Filler
}

// Fill runs the connector's filler over a generated population on a fresh
// SQLite store and returns the rows of query (a statement with {table}
// markers and a deterministic ORDER BY).
func Fill[T any, S Store](t *testing.T, open func(context.Context, sqldb.Config) (S, error), cfg synth.Config, query string) []T {
	t.Helper()
	ctx := context.Background()
	s, err := open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var rows []T
	testdb.Must(t, s.DB().Select(ctx, &rows, s.DB().Q(query)))
	return rows
}

// Deterministic generates 3,000 persons' worth of rows with seed 3 in one
// batch and in batches of 700, fails unless both give the same non-empty
// rows and seed 4 gives other rows, and returns the rows.
func Deterministic[T any, S Store](t *testing.T, open func(context.Context, sqldb.Config) (S, error), query string) []T {
	t.Helper()
	a := Fill[T](t, open, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000}, query)
	b := Fill[T](t, open, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700}, query)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d rows with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("batch cuts changed the data:\n%+v\nvs\n%+v", a[i], b[i])
		}
	}
	if c := Fill[T](t, open, synth.Config{Seed: 4, Persons: 3000}, query); len(c) > 0 && reflect.DeepEqual(c, a) {
		t.Fatal("another seed gave the same rows")
	}
	return a
}
