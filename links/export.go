package links

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Format is an export format of a graph.
type Format string

const (
	FormatGraphML   Format = "GRAPHML"
	FormatGEXF      Format = "GEXF"
	FormatCytoscape Format = "CYTOSCAPE_JSON"
	FormatI2CSV     Format = "I2_CSV"
)

// File is one exported document.
type File struct {
	Name      string
	MediaType string
	Content   string
}

// Export renders g in the format; base names the files (without
// extension). I2_CSV gives two files (entities and links), the others one.
func Export(g *Graph, f Format, base string) ([]File, error) {
	switch f {
	case FormatGraphML:
		b, err := graphML(g)
		return []File{{base + ".graphml", "application/graphml+xml", string(b)}}, err
	case FormatGEXF:
		b, err := gexf(g)
		return []File{{base + ".gexf", "application/gexf+xml", string(b)}}, err
	case FormatCytoscape:
		b, err := cytoscapeJSON(g)
		return []File{{base + ".cyjs", "application/json", string(b)}}, err
	case FormatI2CSV:
		ents, lnks, err := i2CSV(g)
		return []File{{base + "-entities.csv", "text/csv; charset=utf-8", string(ents)}, {base + "-links.csv", "text/csv; charset=utf-8", string(lnks)}}, err
	}
	return nil, fmt.Errorf("links: unknown export format %q", f)
}

// attrNames lists the attribute names used by nodes and by edges, sorted.
func attrNames(g *Graph) (nodeAttrs, edgeAttrs []string) {
	n, e := map[string]bool{}, map[string]bool{}
	for _, x := range g.Nodes {
		for _, a := range x.Attrs {
			n[a.Name] = true
		}
	}
	for _, x := range g.Edges {
		for _, a := range x.Attrs {
			e[a.Name] = true
		}
	}
	return sortedKeys(n), sortedKeys(e)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func attrMap(as []Attr) map[string]string {
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name] = a.Value
	}
	return m
}

// --- GraphML (http://graphml.graphdrawing.org/) ---

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlDoc struct {
	XMLName   xml.Name `xml:"graphml"`
	XMLNS     string   `xml:"xmlns,attr"`
	XSI       string   `xml:"xmlns:xsi,attr"`
	SchemaLoc string   `xml:"xsi:schemaLocation,attr"`
	Keys      []gmlKey `xml:"key"`
	Graph     struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlNode `xml:"node"`
		Edges       []gmlEdge `xml:"edge"`
	} `xml:"graph"`
}

func graphML(g *Graph) ([]byte, error) {
	na, ea := attrNames(g)
	d := gmlDoc{XMLNS: "http://graphml.graphdrawing.org/xmlns", XSI: "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLoc: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"}
	d.Keys = []gmlKey{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"level", "node", "level", "int"},
		{"service", "all", "service", "string"}, {"record", "all", "record", "string"},
		{"degree", "node", "degree", "int"}, {"truncated", "node", "truncated", "boolean"},
		{"ekind", "edge", "kind", "string"},
	}
	for _, a := range na {
		d.Keys = append(d.Keys, gmlKey{"n_" + a, "node", a, "string"})
	}
	for _, a := range ea {
		d.Keys = append(d.Keys, gmlKey{"e_" + a, "edge", a, "string"})
	}
	d.Graph.ID = g.Root.ID()
	d.Graph.EdgeDefault = "directed"
	for _, n := range g.Nodes {
		x := gmlNode{ID: n.ID(), Data: []gmlData{{"label", n.Label}, {"kind", string(n.Kind)}, {"level", strconv.Itoa(n.Level)},
			{"service", n.Service}, {"record", n.Record}, {"degree", strconv.Itoa(n.Degree)}, {"truncated", strconv.FormatBool(n.Truncated)}}}
		for _, a := range n.Attrs {
			x.Data = append(x.Data, gmlData{"n_" + a.Name, a.Value})
		}
		d.Graph.Nodes = append(d.Graph.Nodes, x)
	}
	for _, e := range g.Edges {
		x := gmlEdge{ID: e.ID(), Source: e.From.ID(), Target: e.To.ID(),
			Data: []gmlData{{"ekind", string(e.Kind)}, {"service", e.Service}, {"record", e.Record}}}
		for _, a := range e.Attrs {
			x.Data = append(x.Data, gmlData{"e_" + a.Name, a.Value})
		}
		d.Graph.Edges = append(d.Graph.Edges, x)
	}
	return marshalXML(d)
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// --- GEXF 1.3 (https://gexf.net/) ---

type gexfAttr struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfAttrs struct {
	Class string     `xml:"class,attr"`
	Attrs []gexfAttr `xml:"attribute"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfDoc struct {
	XMLName xml.Name `xml:"gexf"`
	XMLNS   string   `xml:"xmlns,attr"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string      `xml:"defaultedgetype,attr"`
		Mode            string      `xml:"mode,attr"`
		Attributes      []gexfAttrs `xml:"attributes"`
		Nodes           []gexfNode  `xml:"nodes>node"`
		Edges           []gexfEdge  `xml:"edges>edge"`
	} `xml:"graph"`
}

func gexf(g *Graph) ([]byte, error) {
	na, ea := attrNames(g)
	d := gexfDoc{XMLNS: "http://gexf.net/1.3", Version: "1.3"}
	d.Meta.Creator = "SIO"
	d.Meta.Description = fmt.Sprintf("Взаимосвязи %d-го уровня: %s", g.Depth, g.Root.ID())
	d.Graph.DefaultEdgeType, d.Graph.Mode = "directed", "static"
	nodeCols := append([]string{"kind", "level", "service", "record", "degree", "truncated"}, na...)
	edgeCols := append([]string{"kind", "service", "record"}, ea...)
	cols := func(class string, names []string) gexfAttrs {
		a := gexfAttrs{Class: class}
		for i, n := range names {
			a.Attrs = append(a.Attrs, gexfAttr{strconv.Itoa(i), n, "string"})
		}
		return a
	}
	d.Graph.Attributes = []gexfAttrs{cols("node", nodeCols), cols("edge", edgeCols)}
	values := func(names []string, m map[string]string) []gexfValue {
		var vs []gexfValue
		for i, n := range names {
			if v, ok := m[n]; ok && v != "" {
				vs = append(vs, gexfValue{strconv.Itoa(i), v})
			}
		}
		return vs
	}
	for _, n := range g.Nodes {
		m := attrMap(n.Attrs)
		m["kind"], m["level"], m["service"], m["record"] = string(n.Kind), strconv.Itoa(n.Level), n.Service, n.Record
		m["degree"], m["truncated"] = strconv.Itoa(n.Degree), strconv.FormatBool(n.Truncated)
		d.Graph.Nodes = append(d.Graph.Nodes, gexfNode{ID: n.ID(), Label: n.Label, Values: values(nodeCols, m)})
	}
	for _, e := range g.Edges {
		m := attrMap(e.Attrs)
		m["kind"], m["service"], m["record"] = string(e.Kind), e.Service, e.Record
		d.Graph.Edges = append(d.Graph.Edges, gexfEdge{ID: e.ID(), Source: e.From.ID(), Target: e.To.ID(), Label: string(e.Kind), Values: values(edgeCols, m)})
	}
	return marshalXML(d)
}

// --- Cytoscape.js JSON (elements, as cy.json() reads them) ---

func cytoscapeJSON(g *Graph) ([]byte, error) {
	type el struct {
		Data    map[string]any `json:"data"`
		Classes string         `json:"classes,omitempty"`
	}
	doc := struct {
		Data     map[string]any `json:"data"`
		Elements struct {
			Nodes []el `json:"nodes"`
			Edges []el `json:"edges"`
		} `json:"elements"`
	}{Data: map[string]any{"root": g.Root.ID(), "depth": g.Depth, "truncated": g.Truncated, "omitted": g.Omitted}}
	doc.Elements.Nodes, doc.Elements.Edges = []el{}, []el{}
	for _, n := range g.Nodes {
		d := map[string]any{"id": n.ID(), "label": n.Label, "kind": n.Kind, "key": n.Key, "level": n.Level,
			"service": n.Service, "record": n.Record, "degree": n.Degree, "truncated": n.Truncated}
		for _, a := range n.Attrs {
			d[a.Name] = a.Value
		}
		doc.Elements.Nodes = append(doc.Elements.Nodes, el{Data: d, Classes: strings.ToLower(string(n.Kind))})
	}
	for _, e := range g.Edges {
		d := map[string]any{"id": e.ID(), "source": e.From.ID(), "target": e.To.ID(), "kind": e.Kind,
			"service": e.Service, "record": e.Record}
		for _, a := range e.Attrs {
			d[a.Name] = a.Value
		}
		doc.Elements.Edges = append(doc.Elements.Edges, el{Data: d, Classes: strings.ToLower(string(e.Kind))})
	}
	return json.MarshalIndent(doc, "", "  ")
}

// --- CSV for i2 Analyst's Notebook (see links/I2-IMPORT.md) ---

func i2CSV(g *Graph) (entities, linksCSV []byte, err error) {
	na, ea := attrNames(g)
	var eb, lb bytes.Buffer
	// A UTF-8 byte-order mark: Analyst's Notebook and Excel then read the
	// Cyrillic text correctly.
	eb.WriteString("\ufeff")
	lb.WriteString("\ufeff")
	ew, lw := csv.NewWriter(&eb), csv.NewWriter(&lb)
	ew.Write(append([]string{"EntityID", "EntityType", "Label", "Identifier", "Level", "Service", "SourceRecord", "Degree", "Truncated"}, na...))
	byRef := map[Ref]*Node{}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		byRef[n.Ref] = n
		m := attrMap(n.Attrs)
		row := []string{n.ID(), string(n.Kind), n.Label, n.Key, strconv.Itoa(n.Level), n.Service, n.Record,
			strconv.Itoa(n.Degree), strconv.FormatBool(n.Truncated)}
		for _, a := range na {
			row = append(row, m[a])
		}
		ew.Write(row)
	}
	lw.Write(append([]string{"LinkID", "FromID", "FromType", "FromLabel", "ToID", "ToType", "ToLabel", "LinkType", "Direction",
		"Service", "SourceRecord"}, ea...))
	for _, e := range g.Edges {
		from, to := byRef[e.From], byRef[e.To]
		dir := "Directed"
		if e.Kind == EdgeSpouse || e.Kind == EdgeExSpouse || e.Kind == EdgeSibling {
			dir = "None"
		}
		m := attrMap(e.Attrs)
		row := []string{e.ID(), e.From.ID(), string(e.From.Kind), from.Label, e.To.ID(), string(e.To.Kind), to.Label,
			string(e.Kind), dir, e.Service, e.Record}
		for _, a := range ea {
			row = append(row, m[a])
		}
		lw.Write(row)
	}
	ew.Flush()
	lw.Flush()
	if err := ew.Error(); err != nil {
		return nil, nil, err
	}
	return eb.Bytes(), lb.Bytes(), lw.Error()
}
