package main

import (
	"strings"
	"testing"
)

const generated = `package graph

import (
	"context"
	"sio/gqlscalar"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

func (ec *executionContext) marshalNLinkNode2ᚕ(ctx context.Context, sel ast.SelectionSet, v []links.Node) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec.marshalNLinkNode(ctx, sel, v[i])
	})
	return ret
}
`

func TestRewrite(t *testing.T) {
	out, err := rewrite([]byte(generated))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if strings.Contains(s, "MarshalSliceConcurrently") || !strings.Contains(s, "gqlexec.MarshalSlice(ctx, sel, len(v), func(") ||
		!strings.Contains(s, "\"sio/gqlexec\"\n\t\"sio/gqlscalar\"") {
		t.Fatalf("rewritten:\n%s", s)
	}
	// Idempotent in effect: a second run finds nothing to rewrite and says so.
	if _, err := rewrite(out); err == nil {
		t.Fatal("a second rewrite succeeded; want an error")
	}
}

func TestRewriteRefusesAnUnknownShape(t *testing.T) {
	changed := strings.Replace(generated, "len(v), 0, false,", "len(v), 4, false,", 1)
	if _, err := rewrite([]byte(changed)); err == nil {
		t.Fatal("an unknown call shape was accepted")
	}
}
