// Package gqlexec holds what SIO adds to gqlgen's generated executor
// (graph/): the generated code calls it where internal/gqlgenpost has
// rewritten gqlgen's output (see generate.go).
package gqlexec

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// MarshalSlice marshals the elements of a list of objects. gqlgen's own
// MarshalSliceConcurrently starts a goroutine per element, whatever the
// element's fields do; SIO needs that only where an element's selection
// reads a state database (a field with @service or @system), so that the
// siblings' lookups meet in one dataloader batch. Elsewhere (the 5,000
// nodes and edges of a link graph, the edges of a connection whose nodes
// are plain records) the elements are marshalled in turn, in the caller's
// goroutine, with the same field context and panic handling as gqlgen's.
func MarshalSlice(ctx context.Context, sel ast.SelectionSet, length int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if length <= 1 || readsSources(sel) {
		return graphql.MarshalSliceConcurrently(ctx, length, 0, false, marshalElement)
	}
	ret := make(graphql.Array, length)
	for i := range length {
		fc := &graphql.FieldContext{Index: &i}
		childCtx := graphql.WithFieldContext(ctx, fc)
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	return ret
}

// accessDirectives mark the fields whose resolvers read a state database
// or SIO's own stores (authz.Enforcer enforces them; the schema check
// refuses a resolver field without one).
var accessDirectives = []string{"service", "system"}

// readsSources reports whether any field of sel, at any depth, carries an
// access directive. It walks the selection each time (a few fields, no
// allocation): a cache keyed by the parsed documents would grow with every
// distinct query a client sends.
func readsSources(sel ast.SelectionSet) bool {
	return walkReads(sel, 0)
}

// maxWalk bounds the recursion through fragments (validation already
// refuses fragment cycles; this is a backstop).
const maxWalk = 64

func walkReads(sel ast.SelectionSet, depth int) bool {
	if depth > maxWalk {
		return true // fail towards gqlgen's default
	}
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if s.Definition == nil {
				return true
			}
			for _, d := range accessDirectives {
				if s.Definition.Directives.ForName(d) != nil {
					return true
				}
			}
			if walkReads(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.InlineFragment:
			if walkReads(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || walkReads(s.Definition.SelectionSet, depth+1) {
				return true
			}
		default:
			return true
		}
	}
	return false
}
