package loaders_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"sio/loaders"
)

var double = loaders.Define[int, int]("test.double")

// recorder is a batch function that records the batches it was given.
type recorder struct {
	mu      sync.Mutex
	batches [][]int
}

func (r *recorder) fetch(_ context.Context, keys []int) (map[int]int, error) {
	r.mu.Lock()
	r.batches = append(r.batches, append([]int(nil), keys...))
	r.mu.Unlock()
	m := map[int]int{}
	for _, k := range keys {
		if k >= 0 { // negative keys have no value
			m[k] = 2 * k
		}
	}
	return m, nil
}

// field returns ctx inside field `name` of a parent; index, if not nil,
// makes the parent an element of a list.
func field(ctx context.Context, index *int) context.Context {
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Index: index})
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Person"})
}

func TestLoadOutsideAListFetchesAtOnce(t *testing.T) {
	// A batching window of an hour: a Load that waited for it would time
	// the test out.
	ctx := loaders.With(context.Background(), loaders.NewSet(time.Hour))
	var r recorder
	v, err := double.Load(field(ctx, nil), r.fetch, 21)
	if err != nil || v != 42 {
		t.Fatalf("Load = %d, %v; want 42", v, err)
	}
	if v, err := double.Load(field(ctx, nil), r.fetch, -1); err != nil || v != 0 {
		t.Fatalf("Load of a key without a value = %d, %v; want 0, nil", v, err)
	}
	vs, err := double.LoadAll(field(ctx, nil), r.fetch, []int{3, 4, 3, -5})
	if err != nil || len(vs) != 4 || vs[0] != 6 || vs[1] != 8 || vs[2] != 6 || vs[3] != 0 {
		t.Fatalf("LoadAll = %v, %v; want [6 8 6 0]", vs, err)
	}
	if len(r.batches) != 3 || len(r.batches[2]) != 3 {
		t.Fatalf("batches %v: want one per call, keys deduplicated", r.batches)
	}
}

func TestLoadInsideAListBatchesSiblings(t *testing.T) {
	ctx := loaders.With(context.Background(), loaders.NewSet(50*time.Millisecond))
	var r recorder
	var wg sync.WaitGroup
	got := make([]int, 10)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := double.Load(field(ctx, &i), r.fetch, i)
			if err != nil {
				t.Error(err)
			}
			got[i] = v
		}()
	}
	wg.Wait()
	for i, v := range got {
		if v != 2*i {
			t.Fatalf("element %d: %d", i, v)
		}
	}
	if len(r.batches) != 1 || len(r.batches[0]) != 10 {
		t.Fatalf("batches %v: want the ten siblings in one", r.batches)
	}
}

func TestLoadWithoutMiddlewareFails(t *testing.T) {
	var r recorder
	if _, err := double.Load(field(context.Background(), nil), r.fetch, 1); err != loaders.ErrNoLoaders {
		t.Fatalf("err = %v, want ErrNoLoaders", err)
	}
	if _, err := double.Load(field(context.Background(), new(int)), r.fetch, 1); err != loaders.ErrNoLoaders {
		t.Fatalf("err = %v, want ErrNoLoaders", err)
	}
}
