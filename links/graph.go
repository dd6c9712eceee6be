// Package links builds the relationship graphs of services 78-79 of seed 000
// (Взаимосвязи 1-го и 2-го уровня; 75-76 of seed 002): the persons and
// companies linked to a subject one or two hops out, through the assets,
// phones and addresses that connect them, for link-analysis tools.
//
// Every edge comes from one state database (a Source) and carries its
// provenance: the service code and the source record. The access matrix is
// applied per source: edges from a source the inquiry may not read are left
// out and only counted. The work is bounded: a per-node fan-out cap, a total
// node cap and one batched lookup per source per level, so the statements
// of a request depend on the depth, not on the number of nodes.
package links

import "strings"

// NodeKind is the type of a node.
type NodeKind string

const (
	NodePerson      NodeKind = "PERSON"
	NodeLegalEntity NodeKind = "LEGAL_ENTITY"
	NodeRealEstate  NodeKind = "REAL_ESTATE"
	NodeLandPlot    NodeKind = "LAND_PLOT"
	NodeVehicle     NodeKind = "VEHICLE"
	NodePhone       NodeKind = "PHONE"
	NodeAddress     NodeKind = "ADDRESS"
)

// Subject reports whether nodes of the kind are persons or companies: the
// nodes a hop starts from. Assets, phones and addresses connect subjects
// without counting as a hop.
func (k NodeKind) Subject() bool { return k == NodePerson || k == NodeLegalEntity }

// EdgeKind is the type of an edge.
type EdgeKind string

const (
	EdgeSpouse          EdgeKind = "SPOUSE"           // person - person (ЗАГС)
	EdgeExSpouse        EdgeKind = "EX_SPOUSE"        // person - person (ЗАГС)
	EdgeParent          EdgeKind = "PARENT"           // parent -> child (ЗАГС)
	EdgeSibling         EdgeKind = "SIBLING"          // person - person, a common parent (ЗАГС)
	EdgeFounder         EdgeKind = "FOUNDER"          // founder -> company (ГБД ЮЛ)
	EdgeDirector        EdgeKind = "DIRECTOR"         // person -> company (ГБД ЮЛ)
	EdgeEmployee        EdgeKind = "EMPLOYEE"         // person -> employer (pension contributions)
	EdgePropertyOwner   EdgeKind = "PROPERTY_OWNER"   // holder -> real estate (Регистр недвижимости)
	EdgeLandHolder      EdgeKind = "LAND_HOLDER"      // holder -> land plot (Земельный участок)
	EdgeVehicleOwner    EdgeKind = "VEHICLE_OWNER"    // owner -> vehicle (Транспортные средства)
	EdgeRegisteredAt    EdgeKind = "REGISTERED_AT"    // person -> address (ГБД ФЛ)
	EdgePhoneSubscriber EdgeKind = "PHONE_SUBSCRIBER" // subject -> phone
)

// Ref names a node: its kind and its key (IIN, BIN, cadastral number, VIN,
// E.164 number, normalized address).
type Ref struct {
	Kind NodeKind
	Key  string
}

// ID is the node's identifier in the graph and in exports, e.g.
// "PERSON:850314400109".
func (r Ref) ID() string { return string(r.Kind) + ":" + r.Key }

// ParseRef is the inverse of Ref.ID.
func ParseRef(id string) (Ref, bool) {
	k, key, ok := strings.Cut(id, ":")
	if !ok || key == "" {
		return Ref{}, false
	}
	return Ref{Kind: NodeKind(k), Key: key}, true
}

// Provenance says where a node or an edge comes from.
type Provenance struct {
	// Service is the policy code of the state database.
	Service string
	// Record identifies the source record, e.g. "civil_act:1234",
	// "founder:110540001234/850314400109", "right:77".
	Record string
}

// Attr is a named attribute of a node or an edge (share, since, plate ...).
type Attr struct{ Name, Value string }

// Node is a vertex of the graph.
type Node struct {
	Ref
	Label string
	// Level is the number of hops from the root (0 for the root; assets
	// take the level of the subjects they were reached from).
	Level int
	Attrs []Attr
	Provenance
	// Degree is the number of links the sources reported for the node;
	// Truncated is set when the fan-out cap kept only part of them.
	Degree    int
	Truncated bool
}

// Edge is a typed, directed link between two nodes.
type Edge struct {
	From, To Ref
	Kind     EdgeKind
	Attrs    []Attr
	Provenance
}

// Source is the ID of the edge's tail.
func (e *Edge) Source() string { return e.From.ID() }

// Target is the ID of the edge's head.
func (e *Edge) Target() string { return e.To.ID() }

// ID identifies the edge: kind, ends and source record.
func (e *Edge) ID() string {
	return string(e.Kind) + "|" + e.From.ID() + "|" + e.To.ID() + "|" + e.Record
}

// RootID is the ID of the root node.
func (g *Graph) RootID() string { return g.Root.ID() }

// Graph is the result of a build.
type Graph struct {
	Root  Ref
	Depth int
	Nodes []Node
	Edges []Edge
	// Truncated is set when the node cap stopped the build or a node's
	// fan-out was capped.
	Truncated bool
	// Omitted counts the edges left out because the inquiry may not read
	// their source (the count only: not which sources or what they hold).
	Omitted int
}
