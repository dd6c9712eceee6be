// Package fillertest checks the fillers of the social, labour,
// civil-service, education and health connectors the way the connector
// guide asks: the records are derived from a generated population, the
// same seed gives the same records whatever the batch cuts, and another
// seed gives other records.
package fillertest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// Store is a connector with a filler.
type Store interface {
	Filler(seed int64) synth.Filler
	DB() *sqldb.DB
}

// Fill opens a fresh SQLite store with open, runs its filler over the
// population of cfg, and returns what read gives back.
func Fill[S Store, T any](t *testing.T, cfg synth.Config, open func(context.Context, sqldb.Config) (S, error),
	read func(ctx context.Context, db *sqldb.DB) (T, error)) T {
	t.Helper()
	ctx := context.Background()
	s, err := open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	out, err := read(ctx, s.DB())
	testdb.Must(t, err)
	return out
}

// Rows returns a read that selects query's rows (tables written {name}).
func Rows[T any](query string) func(ctx context.Context, db *sqldb.DB) ([]T, error) {
	return func(ctx context.Context, db *sqldb.DB) ([]T, error) {
		var out []T
		err := db.Select(ctx, &out, db.Q(query))
		return out, err
	}
}

// Deterministic fills seed 3 of persons in one batch and in batches of
// about a quarter, fails unless both give the same records, and unless
// seed 4 gives other ones; it returns the records of the population of
// Config (seed 3, one batch). fill is Fill bound to the connector.
func Deterministic[T any](t *testing.T, persons int, fill func(cfg synth.Config) T) (T, synth.Config) {
	t.Helper()
	cfg := synth.Config{Seed: 3, Persons: persons, BatchPersons: persons}
	a := fill(cfg)
	b := fill(synth.Config{Seed: 3, Persons: persons, BatchPersons: persons/4 + 1})
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("batch cuts changed the records: %s", firstDifference(reflect.ValueOf(a), reflect.ValueOf(b)))
	}
	if reflect.ValueOf(a).Kind() == reflect.Slice && reflect.ValueOf(a).Len() == 0 {
		t.Fatal("the filler derived no records")
	}
	if c := fill(synth.Config{Seed: 4, Persons: persons}); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same records")
	}
	return a, cfg
}

// firstDifference describes where two unequal values first differ: the
// first differing element of slices (or of a struct's slice fields).
func firstDifference(a, b reflect.Value) string {
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%d records vs %d", a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if !reflect.DeepEqual(a.Index(i).Interface(), b.Index(i).Interface()) {
				return fmt.Sprintf("record %d: %+v vs %+v", i, a.Index(i).Interface(), b.Index(i).Interface())
			}
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !reflect.DeepEqual(a.Field(i).Interface(), b.Field(i).Interface()) {
				return a.Type().Field(i).Name + ": " + firstDifference(a.Field(i), b.Field(i))
			}
		}
	case reflect.Pointer:
		return firstDifference(a.Elem(), b.Elem())
	}
	return fmt.Sprintf("%+v vs %+v", a.Interface(), b.Interface())
}
