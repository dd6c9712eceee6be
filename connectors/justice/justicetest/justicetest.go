// Package justicetest holds the test helpers of the justice connectors:
// running a connector's filler over a generated population and checking
// that its data do not depend on batch cuts and do depend on the seed.
package justicetest

import (
	"context"
	"reflect"
	"testing"

	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// Connector is what the helpers need of a connector's store.
type Connector interface {
	DB() *sqldb.DB
	Filler(seed int64) synth.Filler
}

// Fill runs the filler of a fresh SQLite store opened by open over the
// population of cfg and returns the rows of query (tables in braces).
func Fill[S Connector, T any](t *testing.T, open func(context.Context, sqldb.Config) (S, error), cfg synth.Config, query string) []T {
	t.Helper()
	ctx := context.Background()
	s, err := open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var out []T
	testdb.Must(t, s.DB().Select(ctx, &out, s.DB().Q(query)))
	return out
}

// Deterministic fills a population of 3000 persons (seed 3) in one batch
// and in batches of 700, fails unless both give the same non-empty rows
// of query (which must order them totally), and unless seed 4 gives other
// rows; it returns the rows.
func Deterministic[S Connector, T any](t *testing.T, open func(context.Context, sqldb.Config) (S, error), query string) []T {
	t.Helper()
	a := Fill[S, T](t, open, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000}, query)
	b := Fill[S, T](t, open, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700}, query)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d rows with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("batch cuts changed the data:\n%+v\n%+v", a[i], b[i])
		}
	}
	c := Fill[S, T](t, open, synth.Config{Seed: 4, Persons: 3000, BatchPersons: 3000}, query)
	if reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same data")
	}
	return a
}
