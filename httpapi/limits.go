package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/lexer"

	"sio"
)

// Limits bound what one request may ask for. They are checked on the parsed
// and validated document before any resolver runs or any SQL is sent; a
// request over a limit is refused with QUERY_TOO_COMPLEX naming the limit.
// A zero field takes its default (DefaultLimits); limits cannot be switched
// off.
type Limits struct {
	// Depth is the deepest field nesting (a top-level field is at depth
	// 1; fragments do not add levels); introspection (__schema, __type)
	// is exempt.
	Depth int
	// Aliases is the number of aliased fields in the operation (fragments
	// counted at each spread).
	Aliases int
	// Directives is the number of directives in the operation.
	Directives int
	// Tokens is the number of lexical tokens of the query text, checked
	// before it is parsed.
	Tokens int
	// Cost is the estimated number of field resolutions: each field costs
	// 1 per time it is resolved, and a list resolves its fields once per
	// item: `first`, `last`, `limit` or `maxNodes` (given or defaulted in
	// the schema) sizes the list, else the length of a list argument (e.g.
	// `iins`), else ListSize.
	Cost int
	// ListSize is the assumed size of a list without a size argument or a
	// list argument (1: such a list counts once, as in graphql-armor).
	ListSize int
	// Repeats is how many times one response key may be selected in one
	// selection set (field duplication).
	Repeats int
	// BodyBytes bounds the request body.
	BodyBytes int64
	// Timeout bounds the handling of one request (resolvers and their SQL;
	// the audit commit is not cut short).
	Timeout time.Duration
}

// DefaultLimits are those of graphql-armor (depth 6, aliases 15,
// directives 50, tokens 1000, cost 5000) with list sizes counted in the
// cost.
func DefaultLimits() Limits {
	return Limits{Depth: 6, Aliases: 15, Directives: 50, Tokens: 1000, Cost: 5000, ListSize: 1,
		Repeats: 3, BodyBytes: 1 << 20, Timeout: 30 * time.Second}
}

// WithDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.Depth, d.Depth)
	set(&l.Aliases, d.Aliases)
	set(&l.Directives, d.Directives)
	set(&l.Tokens, d.Tokens)
	set(&l.Cost, d.Cost)
	set(&l.ListSize, d.ListSize)
	set(&l.Repeats, d.Repeats)
	if l.BodyBytes <= 0 {
		l.BodyBytes = d.BodyBytes
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
}

// ETOOCOMPLEX is the code of a request refused by a limit.
const ETOOCOMPLEX = "QUERY_TOO_COMPLEX"

// A request over a limit is an error of the request itself, like a
// validation error: 200 for application/json, 400 for
// application/graphql-response+json (see statusWriter).
func init() { errcode.RegisterErrorType(ETOOCOMPLEX, errcode.KindProtocol) }

// queryLimits is the gqlgen extension enforcing Limits.
type queryLimits struct{ Limits }

var (
	_ graphql.HandlerExtension          = queryLimits{}
	_ graphql.OperationParameterMutator = queryLimits{}
	_ graphql.OperationContextMutator   = queryLimits{}
)

func (queryLimits) ExtensionName() string                          { return "QueryLimits" }
func (queryLimits) Validate(schema graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters counts the tokens of the query before it is
// parsed.
//
// A request with no query (and no persisted one: the APQ extension runs
// first) is not a well-formed GraphQL-over-HTTP request: 400 whatever the
// media type, where gqlgen would answer 200 "no operation provided".
func (q queryLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if strings.TrimSpace(p.Query) == "" {
		if st := stateFrom(ctx); st != nil {
			st.status = http.StatusBadRequest
		}
		return &gqlerror.Error{Message: "the request has no query: send {\"query\": \"...\"}",
			Extensions: map[string]any{"code": sio.EBADINPUT, "argument": "query"}}
	}
	lx := lexer.New(&ast.Source{Input: p.Query})
	for n := 0; ; n++ {
		tok, err := lx.ReadToken()
		if err != nil || tok.Kind == lexer.EOF {
			return nil // the parser reports a lexical error
		}
		if n >= q.Tokens {
			return tooComplex("tokens", q.Tokens)
		}
	}
}

// MutateOperationContext checks the parsed, validated operation: GET
// serves queries only; depth, aliases, directives, repeats and cost within
// their limits; no string argument holds a NUL character.
func (q queryLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if st := stateFrom(ctx); st != nil && st.method == "GET" && oc.Operation.Operation != ast.Query {
		st.status = 405
		err := gqlerror.Errorf("%s operations are not allowed over GET: use POST with Content-Type application/json", oc.Operation.Operation)
		err.Extensions = map[string]any{"code": EMETHODNOTALLOWED}
		return err
	}
	w := &walker{lim: q.Limits, vars: oc.Variables}
	for _, d := range oc.Operation.Directives {
		w.directive(d)
	}
	w.selections(oc.Operation.SelectionSet, 1, 1, 0)
	if w.over != "" {
		return tooComplex(w.over, w.limitOf(w.over))
	}
	if w.nul != nil {
		return w.nul
	}
	if arg, ok := nulIn(oc.Variables, ""); ok {
		return badInput(arg)
	}
	return nil
}

// EMETHODNOTALLOWED is the code of a mutation sent over GET.
const EMETHODNOTALLOWED = "METHOD_NOT_ALLOWED"

func init() { errcode.RegisterErrorType(EMETHODNOTALLOWED, errcode.KindProtocol) }

func tooComplex(limit string, max int) *gqlerror.Error {
	return &gqlerror.Error{Message: fmt.Sprintf("the query exceeds the %s limit (%d)", limit, max),
		Extensions: map[string]any{"code": ETOOCOMPLEX, "limit": limit, "max": max}}
}

func badInput(arg string) *gqlerror.Error {
	return &gqlerror.Error{Message: arg + ": NUL characters are not allowed",
		Extensions: map[string]any{"code": sio.EBADINPUT, "argument": arg}}
}

// walker measures an operation, expanding fragments at each spread; it
// stops as soon as a limit is exceeded, so a document cannot make it work
// more than the limits allow.
type walker struct {
	lim                 Limits
	vars                map[string]any
	aliases, directives int
	cost                int
	over                string
	nul                 *gqlerror.Error
}

func (w *walker) limitOf(name string) int {
	switch name {
	case "depth":
		return w.lim.Depth
	case "aliases":
		return w.lim.Aliases
	case "directives":
		return w.lim.Directives
	case "repeats":
		return w.lim.Repeats
	}
	return w.lim.Cost
}

func (w *walker) directive(d *ast.Directive) {
	w.directives++
	if w.directives > w.lim.Directives && w.over == "" {
		w.over = "directives"
	}
}

// selections walks a selection set at depth (of its fields), resolved mult
// times; size is the list size set by an enclosing non-list field (a
// connection's `first`), 0 if none.
func (w *walker) selections(set ast.SelectionSet, depth, mult, size int) {
	keys := map[string]int{}
	w.selectionsInto(set, depth, mult, size, keys)
}

func (w *walker) selectionsInto(set ast.SelectionSet, depth, mult, size int, keys map[string]int) {
	for _, s := range set {
		if w.over != "" {
			return
		}
		switch s := s.(type) {
		case *ast.Field:
			keys[s.Alias]++
			if keys[s.Alias] > w.lim.Repeats {
				w.over = "repeats"
				return
			}
			w.field(s, depth, mult, size)
		case *ast.InlineFragment:
			for _, d := range s.Directives {
				w.directive(d)
			}
			w.selectionsInto(s.SelectionSet, depth, mult, size, keys)
		case *ast.FragmentSpread:
			for _, d := range s.Directives {
				w.directive(d)
			}
			if s.Definition != nil {
				for _, d := range s.Definition.Directives {
					w.directive(d)
				}
				w.selectionsInto(s.Definition.SelectionSet, depth, mult, size, keys)
			}
		}
	}
}

func (w *walker) field(f *ast.Field, depth, mult, size int) {
	if f.Alias != f.Name {
		w.aliases++
		if w.aliases > w.lim.Aliases {
			w.over = "aliases"
			return
		}
	}
	for _, d := range f.Directives {
		w.directive(d)
	}
	if f.Name == "__schema" || f.Name == "__type" {
		// Introspection is exempt from depth and cost; gqlparser's
		// MaxIntrospectionDepth rule bounds its nesting.
		return
	}
	if depth > w.lim.Depth {
		w.over = "depth"
		return
	}
	w.cost += mult
	if w.cost > w.lim.Cost {
		w.over = "cost"
		return
	}
	if f.Definition == nil || len(f.SelectionSet) == 0 {
		w.checkNUL(f)
		return
	}
	args := f.ArgumentMap(w.vars)
	if w.nul == nil {
		if arg, ok := nulIn(args, ""); ok {
			w.nul = badInput(arg)
		}
	}
	own, listArg := sizeOf(args)
	if f.Definition.Type.Elem == nil {
		// An object: a size argument sizes the lists below (a connection).
		if own > 0 {
			size = own
		}
		w.selections(f.SelectionSet, depth+1, mult, size)
		return
	}
	n := own
	if n == 0 {
		n = size
	}
	if n == 0 {
		n = listArg
	}
	if n == 0 {
		n = w.lim.ListSize
	}
	if n > w.lim.Cost {
		n = w.lim.Cost + 1
	}
	w.selections(f.SelectionSet, depth+1, mult*n, 0)
}

func (w *walker) checkNUL(f *ast.Field) {
	if w.nul != nil || f.Definition == nil || len(f.Arguments) == 0 {
		return
	}
	if arg, ok := nulIn(f.ArgumentMap(w.vars), ""); ok {
		w.nul = badInput(arg)
	}
}

// sizeArguments size the list a field returns (or the lists of the
// connection it returns).
var sizeArguments = []string{"first", "last", "limit", "maxNodes"}

// sizeOf returns the size argument of a field, and the length of its
// longest list argument.
func sizeOf(args map[string]any) (size, listLen int) {
	for _, name := range sizeArguments {
		if n, ok := intOf(args[name]); ok && n > size {
			size = n
		}
	}
	for _, v := range args {
		if l, ok := v.([]any); ok && len(l) > listLen {
			listLen = len(l)
		}
	}
	return size, listLen
}

func intOf(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	case float64:
		return int(n), true
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// nulIn finds a string holding a NUL character in a decoded value; it
// returns the path of the argument or input field that holds it.
func nulIn(v any, path string) (string, bool) {
	switch x := v.(type) {
	case string:
		return path, strings.ContainsRune(x, 0)
	case map[string]any:
		for k, e := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			if strings.ContainsRune(k, 0) {
				return p, true
			}
			if at, ok := nulIn(e, p); ok {
				return at, true
			}
		}
	case []any:
		for _, e := range x {
			if at, ok := nulIn(e, path); ok {
				return at, true
			}
		}
	}
	return "", false
}
