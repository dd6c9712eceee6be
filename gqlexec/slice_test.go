package gqlexec_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"sio/gqlexec"
)

// field builds a selected field; directive, if set, is on its definition.
func field(name, directive string, sub ...ast.Selection) *ast.Field {
	def := &ast.FieldDefinition{Name: name}
	if directive != "" {
		def.Directives = ast.DirectiveList{{Name: directive}}
	}
	return &ast.Field{Name: name, Alias: name, Definition: def, SelectionSet: sub}
}

func ctxWithErrors() context.Context {
	return graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
}

// started reports how many elements were running at once at most.
type gauge struct{ now, max atomic.Int32 }

func (g *gauge) in() {
	n := g.now.Add(1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			break
		}
	}
}
func (g *gauge) out() { g.now.Add(-1) }

func TestPlainElementsAreMarshalledInTurn(t *testing.T) {
	// nodes { id kind attrs { name } }: nothing reads a source.
	sel := ast.SelectionSet{field("id", ""), field("kind", ""), field("attrs", "", field("name", ""))}
	var g gauge
	var order []int
	var mu sync.Mutex
	ret := gqlexec.MarshalSlice(ctxWithErrors(), sel, 50, func(ctx context.Context, i int) graphql.Marshaler {
		g.in()
		defer g.out()
		if fc := graphql.GetFieldContext(ctx); fc == nil || fc.Index == nil || *fc.Index != i {
			t.Errorf("element %d: field context %+v", i, fc)
		}
		mu.Lock()
		order = append(order, i)
		mu.Unlock()
		return graphql.MarshalInt(i)
	})
	if g.max.Load() != 1 {
		t.Fatalf("%d elements ran at once; want one at a time", g.max.Load())
	}
	for i, v := range order {
		if v != i {
			t.Fatalf("order %v", order)
		}
	}
	var b bytes.Buffer
	ret.MarshalGQL(&b)
	if !strings.HasPrefix(b.String(), "[0,1,2,") || !strings.HasSuffix(b.String(), ",49]") {
		t.Fatalf("marshalled %s", b.String())
	}
}

func TestElementsThatReadSourcesRunConcurrently(t *testing.T) {
	for name, sel := range map[string]ast.SelectionSet{
		"service at the top":    {field("iin", ""), field("vehicles", "service", field("totalCount", ""))},
		"service below":         {field("cursor", ""), field("node", "", field("share", ""), field("realEstate", "service"))},
		"system":                {field("cases", "system")},
		"in an inline fragment": {&ast.InlineFragment{SelectionSet: ast.SelectionSet{field("person", "service")}}},
		"in a fragment spread": {&ast.FragmentSpread{Name: "F", Definition: &ast.FragmentDefinition{
			SelectionSet: ast.SelectionSet{field("person", "service")}}}},
		"unknown definition": {&ast.Field{Name: "x"}},
	} {
		t.Run(name, func(t *testing.T) {
			// Every element waits until all have started: only concurrent
			// marshalling gets past it (the deadline turns a hang into a
			// failure; it is not a measurement).
			const n = 8
			var wg sync.WaitGroup
			wg.Add(n)
			all := make(chan struct{})
			go func() { wg.Wait(); close(all) }()
			gqlexec.MarshalSlice(ctxWithErrors(), sel, n, func(ctx context.Context, i int) graphql.Marshaler {
				wg.Done()
				select {
				case <-all:
				case <-time.After(10 * time.Second):
					t.Errorf("element %d waited for siblings that never started: not concurrent", i)
				}
				return graphql.MarshalInt(i)
			})
		})
	}
}

func TestAPanickingElementIsNull(t *testing.T) {
	ctx := ctxWithErrors()
	ret := gqlexec.MarshalSlice(ctx, ast.SelectionSet{field("id", "")}, 3, func(ctx context.Context, i int) graphql.Marshaler {
		if i == 1 {
			panic("boom")
		}
		return graphql.MarshalInt(i)
	})
	if ret[1] != graphql.Null || ret[0] == graphql.Null || ret[2] == graphql.Null {
		t.Fatalf("ret = %v", ret)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Fatalf("errors %v, want the panic reported once", errs)
	}
}
