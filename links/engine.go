package links

import (
	"context"
	"fmt"
	"sort"

	"golang.org/x/sync/errgroup"

	"sio"
)

// Found is what a source found around one node.
type Found struct {
	// Nodes introduced by the edges (reached subjects, assets, phones,
	// addresses), with whatever label and attributes the source holds.
	Nodes []Node
	Edges []Edge
	// Degree is how many links the source holds around the node before
	// the fan-out cap; more than the edges returned means truncated.
	Degree int
	// Kept is how many of them the edges represent.
	Kept int
}

// Source yields the edges of one state database around a batch of nodes.
type Source interface {
	// Service is the policy code guarding the source's edges.
	Service() string
	// Kinds are the edge kinds the source yields.
	Kinds() []EdgeKind
	// Handles reports whether the source expands nodes of the kind.
	Handles(NodeKind) bool
	// Expand returns what the source holds around each of from (absent:
	// nothing), at most perNode links per node, in a fixed number of
	// statements whatever len(from).
	Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error)
}

// Limits of a build.
const (
	DefaultMaxNodes = 500
	MaxMaxNodes     = 5000
	DefaultPerNode  = 50
	MaxPerNode      = 500
)

// Query asks for the graph around Root.
type Query struct {
	Root  Ref
	Depth int
	// Kinds restricts the edge kinds (nil: all).
	Kinds    map[EdgeKind]bool
	MaxNodes int
	PerNode  int
}

// Engine builds graphs from its sources.
type Engine struct {
	Sources []Source
	// Persons and Entities label person and company nodes (their services
	// permitting).
	Persons  sio.PersonNames
	Entities sio.EntityNames
}

// Build expands q.Root level by level. allowed tells whether the inquiry
// may read a service: sources it may not read are still asked, so that
// their edges can be counted in Graph.Omitted, but nothing of them is kept.
func (e *Engine) Build(ctx context.Context, q Query, allowed func(service string) bool) (*Graph, error) {
	if q.Depth < 1 || q.Depth > 2 {
		return nil, fmt.Errorf("links: depth %d", q.Depth)
	}
	b := &builder{q: q, g: &Graph{Root: q.Root, Depth: q.Depth}, nodes: map[Ref]*Node{}, edges: map[string]bool{}}
	b.addNode(Node{Ref: q.Root, Level: 0})
	frontier := []Ref{q.Root}
	for level := 1; level <= q.Depth && len(frontier) > 0; level++ {
		results := make([]map[Ref]*Found, len(e.Sources))
		eg, ectx := errgroup.WithContext(ctx)
		for i, src := range e.Sources {
			from := b.relevant(src, frontier)
			if len(from) == 0 {
				continue
			}
			eg.Go(func() error {
				m, err := src.Expand(ectx, from, q.PerNode)
				results[i] = m
				return err
			})
		}
		if err := eg.Wait(); err != nil {
			return nil, err
		}
		var next []Ref
		for i, src := range e.Sources {
			ok := allowed(src.Service())
			for _, ref := range frontier {
				f := results[i][ref]
				if f == nil {
					continue
				}
				if !ok {
					b.g.Omitted += len(b.wanted(f.Edges))
					continue
				}
				next = append(next, b.merge(ref, f, level)...)
			}
		}
		frontier = next
	}
	if err := e.label(ctx, b, allowed); err != nil {
		return nil, err
	}
	b.finish()
	return b.g, nil
}

type builder struct {
	q     Query
	g     *Graph
	nodes map[Ref]*Node
	order []Ref
	edges map[string]bool
}

func (b *builder) relevant(src Source, frontier []Ref) []Ref {
	if b.q.Kinds != nil {
		any := false
		for _, k := range src.Kinds() {
			any = any || b.q.Kinds[k]
		}
		if !any {
			return nil
		}
	}
	var out []Ref
	for _, r := range frontier {
		if src.Handles(r.Kind) {
			out = append(out, r)
		}
	}
	return out
}

func (b *builder) wanted(es []Edge) []Edge {
	if b.q.Kinds == nil {
		return es
	}
	var out []Edge
	for _, e := range es {
		if b.q.Kinds[e.Kind] {
			out = append(out, e)
		}
	}
	return out
}

func (b *builder) addNode(n Node) bool {
	if _, ok := b.nodes[n.Ref]; ok {
		return true
	}
	if len(b.nodes) >= b.q.MaxNodes {
		b.g.Truncated = true
		return false
	}
	b.nodes[n.Ref] = &n
	b.order = append(b.order, n.Ref)
	return true
}

// merge adds what a source found around ref at level and returns the
// subjects reached for the first time.
func (b *builder) merge(ref Ref, f *Found, level int) []Ref {
	at := b.nodes[ref]
	at.Degree += f.Degree
	if f.Degree > f.Kept {
		at.Truncated = true
		b.g.Truncated = true
	}
	byRef := make(map[Ref]*Node, len(f.Nodes))
	for i := range f.Nodes {
		byRef[f.Nodes[i].Ref] = &f.Nodes[i]
	}
	var reached []Ref
	for _, e := range b.wanted(f.Edges) {
		id := e.ID()
		if b.edges[id] {
			continue
		}
		ok := true
		for _, end := range []Ref{e.From, e.To} {
			if _, seen := b.nodes[end]; seen {
				continue
			}
			n := Node{Ref: end, Level: level}
			if d := byRef[end]; d != nil {
				n.Label, n.Attrs, n.Provenance = d.Label, d.Attrs, d.Provenance
			}
			if !b.addNode(n) {
				ok = false
				break
			}
			if end.Kind.Subject() {
				reached = append(reached, end)
			}
		}
		if !ok {
			continue
		}
		b.edges[id] = true
		b.g.Edges = append(b.g.Edges, e)
	}
	// An asset the source reports with its own degree (an object's
	// holders, a number's holders) keeps it, flagged when capped.
	for i := range f.Nodes {
		d := &f.Nodes[i]
		n := b.nodes[d.Ref]
		if n == nil || n.Kind.Subject() {
			continue
		}
		n.Degree = max(n.Degree, d.Degree)
		if d.Truncated {
			n.Truncated = true
			b.g.Truncated = true
		}
	}
	return reached
}

// label names person and company nodes from ГБД ФЛ and ГБД ЮЛ, when the
// inquiry may read them (otherwise they keep their identifiers).
func (e *Engine) label(ctx context.Context, b *builder, allowed func(string) bool) error {
	var iins []sio.IIN
	var bins []sio.BIN
	for _, r := range b.order {
		switch r.Kind {
		case NodePerson:
			iins = append(iins, sio.IIN(r.Key))
		case NodeLegalEntity:
			bins = append(bins, sio.BIN(r.Key))
		}
	}
	if e.Persons != nil && len(iins) > 0 && allowed("PERSONS") {
		ps, err := e.Persons.PersonNamesByIIN(ctx, iins)
		if err != nil {
			return err
		}
		for iin, p := range ps {
			n := b.nodes[Ref{NodePerson, string(iin)}]
			n.Label = p.FullName()
			n.Attrs = append(n.Attrs, Attr{"birthDate", p.BirthDate.String()})
			n.Provenance = Provenance{Service: "PERSONS", Record: "person:" + string(iin)}
		}
	}
	if e.Entities != nil && len(bins) > 0 && allowed("LEGAL_ENTITIES") {
		es, err := e.Entities.EntityNamesByBIN(ctx, bins)
		if err != nil {
			return err
		}
		for bin, le := range es {
			n := b.nodes[Ref{NodeLegalEntity, string(bin)}]
			n.Label = le.NameRu
			n.Attrs = append(n.Attrs, Attr{"status", le.Status})
			n.Provenance = Provenance{Service: "LEGAL_ENTITIES", Record: "legal_entity:" + string(bin)}
		}
	}
	return nil
}

// finish orders the graph deterministically: nodes by level, kind and key;
// edges by kind and ends.
func (b *builder) finish() {
	// Sort pointers, then copy once: Node is large, and swapping values
	// costs more than comparing them. (level, kind, key) is unique per node.
	ptrs := make([]*Node, 0, len(b.order))
	for _, r := range b.order {
		n := b.nodes[r]
		if n.Label == "" {
			n.Label = r.Key
		}
		ptrs = append(ptrs, n)
	}
	sort.Slice(ptrs, func(i, j int) bool {
		x, y := ptrs[i], ptrs[j]
		if x.Level != y.Level {
			return x.Level < y.Level
		}
		if x.Kind != y.Kind {
			return x.Kind < y.Kind
		}
		return x.Key < y.Key
	})
	b.g.Nodes = make([]Node, len(ptrs))
	for i, n := range ptrs {
		b.g.Nodes[i] = *n
	}
	// Edge IDs are built once, not per comparison: on a 2-level hub graph
	// the comparisons' string concatenations cost more than the SQL.
	keyed := make([]keyedEdge, len(b.g.Edges))
	for i := range b.g.Edges {
		keyed[i] = keyedEdge{id: b.g.Edges[i].ID(), edge: &b.g.Edges[i]}
	}
	sort.Slice(keyed, func(i, j int) bool { return keyed[i].id < keyed[j].id })
	edges := make([]Edge, len(keyed))
	for i := range keyed {
		edges[i] = *keyed[i].edge
	}
	b.g.Edges = edges
}

type keyedEdge struct {
	id   string
	edge *Edge
}
