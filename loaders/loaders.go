// Package loaders batches nested-field lookups per request with
// vikstrous/dataloadgen: N sibling lookups become one statement per connector
// per level of the query.
//
// A lookup is declared once, as a package-level Def, next to the resolvers
// that use it:
//
//	var vehiclesByOwner = loaders.Define[string, []sio.Vehicle]("vehicles.byOwner")
//
//	vs, err := vehiclesByOwner.Load(ctx, r.VehicleRegistry.VehiclesByOwner, owner)
//
// Middleware gives every request an empty set; the first Load of a Def in a
// request creates its dataloadgen.NewMappedLoader over the given batch
// function, and later Loads of the same Def in that request share it. Loaders
// are never shared between requests (their caches would leak data across
// callers).
//
// Only a field inside a list has siblings to batch with. A Load from a field
// that no list encloses (`inquiry { person(iin:) { vehicles } }`) is the one
// Load of its place in the query: it fetches at once instead of waiting out
// the batching window for keys that cannot come. The statements of a query
// stay bounded by its shape (each such place costs one), not by its rows.
package loaders

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"
)

// DefaultWait is how long a loader collects keys before fetching.
const DefaultWait = 2 * time.Millisecond

// ErrNoLoaders is returned when a resolver runs outside Middleware: a wiring
// bug that every end-to-end test would catch.
var ErrNoLoaders = errors.New("loaders: no loader set in context (Middleware not installed)")

// Set holds the loaders of one request, created on first use.
type Set struct {
	wait time.Duration
	mu   sync.Mutex
	m    map[any]any
}

// NewSet returns an empty set whose loaders wait wait (0 = DefaultWait) to
// collect keys.
func NewSet(wait time.Duration) *Set {
	if wait <= 0 {
		wait = DefaultWait
	}
	return &Set{wait: wait, m: map[any]any{}}
}

type ctxKey struct{}

// With returns ctx carrying s.
func With(ctx context.Context, s *Set) context.Context {
	return context.WithValue(ctx, ctxKey{}, s)
}

// Middleware gives every request a fresh Set.
func Middleware(wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), NewSet(wait))))
	})
}

// Fetch is a connector's batch lookup: the values found among keys, by key.
// Keys without a value are absent from the map.
type Fetch[K comparable, V any] func(ctx context.Context, keys []K) (map[K]V, error)

// Def declares one kind of batched lookup.
type Def[K comparable, V any] struct{ name string }

// Define declares a lookup; name is for diagnostics only. Call it once per
// lookup, at package level.
func Define[K comparable, V any](name string) *Def[K, V] { return &Def[K, V]{name: name} }

// Name is the diagnostic name of the lookup.
func (d *Def[K, V]) Name() string { return d.name }

// Load returns the value for key, batched with every other Load of d in the
// request. A key without a value gives the zero V and a nil error: a missing
// record is a null field, not an error. fetch must be the same function for
// every Load of d (the first one of the request is used).
func (d *Def[K, V]) Load(ctx context.Context, fetch Fetch[K, V], key K) (V, error) {
	if alone(ctx) {
		m, err := d.fetchNow(ctx, fetch, []K{key})
		return m[key], err
	}
	l, err := d.loader(ctx, fetch)
	if err != nil {
		var zero V
		return zero, err
	}
	return Found(l.Load(ctx, key))
}

// LoadAll is Load for several keys, in their order.
func (d *Def[K, V]) LoadAll(ctx context.Context, fetch Fetch[K, V], keys []K) ([]V, error) {
	if alone(ctx) {
		m, err := d.fetchNow(ctx, fetch, keys)
		if err != nil {
			return nil, err
		}
		vs := make([]V, len(keys))
		for i, k := range keys {
			vs[i] = m[k]
		}
		return vs, nil
	}
	l, err := d.loader(ctx, fetch)
	if err != nil {
		return nil, err
	}
	vs, err := l.LoadAll(ctx, keys)
	if err == nil {
		return vs, nil
	}
	// Keep the found values; only a real failure is an error.
	var errs dataloadgen.ErrorSlice
	if !errors.As(err, &errs) {
		return nil, err
	}
	for i, e := range errs {
		if e != nil && !errors.Is(e, dataloadgen.ErrNotFound) {
			return nil, e
		}
		if e != nil {
			var zero V
			vs[i] = zero
		}
	}
	return vs, nil
}

// alone reports whether the field resolving in ctx is outside every list of
// the query: no sibling field can Load with it.
func alone(ctx context.Context) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return false // not inside a GraphQL field: batch as before
	}
	for ; fc != nil; fc = fc.Parent {
		if fc.Index != nil {
			return false
		}
	}
	return true
}

// fetchNow runs fetch for keys without batching (see alone); it needs the
// request's Set like Load does, so that a wiring bug fails the same way.
func (d *Def[K, V]) fetchNow(ctx context.Context, fetch Fetch[K, V], keys []K) (map[K]V, error) {
	if _, ok := ctx.Value(ctxKey{}).(*Set); !ok {
		return nil, ErrNoLoaders
	}
	uniq := keys
	if len(keys) > 1 {
		seen := make(map[K]bool, len(keys))
		uniq = make([]K, 0, len(keys))
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				uniq = append(uniq, k)
			}
		}
	}
	return fetch(ctx, uniq)
}

func (d *Def[K, V]) loader(ctx context.Context, fetch Fetch[K, V]) (*dataloadgen.Loader[K, V], error) {
	s, ok := ctx.Value(ctxKey{}).(*Set)
	if !ok {
		return nil, ErrNoLoaders
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if l, ok := s.m[d]; ok {
		return l.(*dataloadgen.Loader[K, V]), nil
	}
	l := dataloadgen.NewMappedLoader(fetch, dataloadgen.WithWait(s.wait))
	s.m[d] = l
	return l, nil
}

// Found converts dataloadgen's not-found into (zero, nil).
func Found[V any](v V, err error) (V, error) {
	if errors.Is(err, dataloadgen.ErrNotFound) {
		var zero V
		return zero, nil
	}
	return v, err
}
