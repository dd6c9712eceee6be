package gateway_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"sio/authz"
	"sio/internal/testdb"
	"sio/links"
	"sio/sqldb"
)

const linksQuery = `query($b: BasisInput!, $s: SubjectInput!, $depth: Int!, $kinds: [LinkKind!], $max: Int, $per: Int) {
	inquiry(basis: $b) { links(subject: $s, depth: $depth, kinds: $kinds, maxNodes: $max, perNode: $per) {
		root depth truncated
		nodes { id kind key label level degree truncated attrs { name value } provenance { service record } }
		edges { id source target kind attrs { name value } provenance { service record } } } } }`

// hubBIN is the company with the most company founders: the population's
// hub (an АО whose founders are partnerships with many founders each).
func hubBIN(t *testing.T, fx *fixture) string {
	return one[string](t, fx.g.Entities.DB(), `SELECT entity_bin FROM {founders} WHERE founder_kind = 'LEGAL_ENTITY'
		GROUP BY entity_bin ORDER BY COUNT(*) DESC, entity_bin LIMIT 1`)
}

type linkGraph struct {
	Root      string
	Depth     int
	Truncated bool
	Nodes     []struct {
		ID, Kind, Key, Label string
		Level, Degree        int
		Truncated            bool
		Provenance           struct{ Service, Record string }
	}
	Edges []struct {
		ID, Source, Target, Kind string
		Provenance               struct{ Service, Record string }
	}
}

func TestLinks(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		o, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
			for _, s := range []string{"LINKS_LEVEL1", "LINKS_LEVEL2", "PERSONS", "LEGAL_ENTITIES", "CIVIL_REGISTRY",
				"REAL_ESTATE", "LAND_PLOTS", "VEHICLES"} {
				if a, err := fx.g.Enforcer().Check(inq, s); err != nil || a != authz.AccessFull {
					return false
				}
			}
			return true
		})
		if !ok {
			t.Fatal("no official may read both link levels")
		}
		basis := o.basis()
		build := func(t *testing.T, vars map[string]any) (linkGraph, gqlResponse) {
			t.Helper()
			vars["b"] = basis
			r := fx.post(t, o.IIN, linksQuery, vars)
			if len(r.Errors) > 0 {
				t.Fatalf("links: %+v", r.Errors)
			}
			var g linkGraph
			b, _ := json.Marshal(get(r.Data, "inquiry.links"))
			testdb.Must(t, json.Unmarshal(b, &g))
			ids := map[string]bool{}
			for _, n := range g.Nodes {
				ids[n.ID] = true
			}
			for _, e := range g.Edges {
				if !ids[e.Source] || !ids[e.Target] || e.Provenance.Service == "" || e.Provenance.Record == "" {
					t.Fatalf("edge %+v: dangling or without provenance", e)
				}
			}
			return g, r
		}
		person := linkedPerson(t, fx)["iin"].(string)

		t.Run("person, level 1", func(t *testing.T) {
			g, r := build(t, map[string]any{"s": map[string]any{"iin": person}, "depth": 1})
			if g.Root != "PERSON:"+person || g.Nodes[0].ID != g.Root || g.Nodes[0].Level != 0 || g.Nodes[0].Provenance.Service != "PERSONS" {
				t.Fatalf("root = %+v", g.Nodes[0])
			}
			kinds := map[string]int{}
			for _, e := range g.Edges {
				kinds[e.Kind]++
				if e.Kind == "PARENT" && !strings.HasPrefix(e.Provenance.Record, "civil_act:") {
					t.Fatalf("family edge provenance: %+v", e)
				}
			}
			if kinds["PARENT"] == 0 || kinds["REGISTERED_AT"] == 0 {
				t.Fatalf("edge kinds = %v", kinds)
			}
			for _, n := range g.Nodes {
				if n.Level > 1 {
					t.Fatalf("level-1 graph has %+v", n)
				}
			}
			if _, ok := r.Extensions["linksOmitted"]; !ok {
				t.Fatalf("no linksOmitted extension: %v", r.Extensions)
			}
		})

		hub := hubBIN(t, fx)
		t.Run("company hub, level 2", func(t *testing.T) {
			g1, _ := build(t, map[string]any{"s": map[string]any{"bin": hub}, "depth": 1, "max": 5000, "per": 500})
			before := goroutinesCreated()
			g2, r := build(t, map[string]any{"s": map[string]any{"bin": hub}, "depth": 2, "max": 5000, "per": 500})
			// The nodes and edges are plain records: marshalled in turn,
			// not a goroutine each (gqlexec.MarshalSlice). The count is of
			// the whole process (HTTP, loaders, the audit log): well below
			// the elements, which gqlgen alone would exceed.
			if started, elements := goroutinesCreated()-before, uint64(len(g2.Nodes)+len(g2.Edges)); started >= elements/2 {
				t.Fatalf("a graph of %d nodes and edges started %d goroutines", elements, started)
			}
			level := map[int]int{}
			for _, n := range g2.Nodes {
				level[n.Level]++
			}
			if level[1] < 10 || level[2] <= level[1] || len(g2.Nodes) <= len(g1.Nodes) || g2.Truncated {
				t.Fatalf("hub graph: %d nodes at level 1, %d at level 2 (level-1 graph %d nodes), truncated %v", level[1], level[2], len(g1.Nodes), g2.Truncated)
			}
			// Bounded by depth: two rounds of one batch per source, the
			// labels, the user and the case; not by the ~hundreds of nodes.
			if n := r.Extensions["sqlStatements"].(float64); n > 36 {
				t.Fatalf("level-2 graph of %d nodes took %v statements", len(g2.Nodes), n)
			}
		})

		t.Run("caps", func(t *testing.T) {
			g, _ := build(t, map[string]any{"s": map[string]any{"bin": hub}, "depth": 2, "per": 3, "max": 5000})
			if !g.Truncated || !g.Nodes[0].Truncated || g.Nodes[0].Degree <= 3 {
				t.Fatalf("fan-out cap: truncated=%v root=%+v", g.Truncated, g.Nodes[0])
			}
			g, _ = build(t, map[string]any{"s": map[string]any{"bin": hub}, "depth": 2, "max": 10})
			if len(g.Nodes) > 10 || !g.Truncated {
				t.Fatalf("node cap: %d nodes, truncated=%v", len(g.Nodes), g.Truncated)
			}
		})

		t.Run("deterministic", func(t *testing.T) {
			vars := map[string]any{"s": map[string]any{"bin": hub}, "depth": 2}
			_, a := build(t, vars)
			_, b := build(t, vars)
			ja, _ := json.Marshal(a.Data)
			jb, _ := json.Marshal(b.Data)
			if string(ja) != string(jb) {
				t.Fatal("the same request gave two different graphs")
			}
		})

		t.Run("kinds", func(t *testing.T) {
			g, _ := build(t, map[string]any{"s": map[string]any{"iin": person}, "depth": 2, "kinds": []string{"PARENT", "SPOUSE"}})
			if len(g.Edges) == 0 {
				t.Fatal("no family edges")
			}
			for _, e := range g.Edges {
				if e.Kind != "PARENT" && e.Kind != "SPOUSE" {
					t.Fatalf("kinds filter let %s through", e.Kind)
				}
			}
		})

		t.Run("bad input", func(t *testing.T) {
			for _, tc := range []struct {
				vars map[string]any
				arg  string
			}{
				{map[string]any{"s": map[string]any{"iin": person, "bin": hub}, "depth": 1}, "subject"},
				{map[string]any{"s": map[string]any{}, "depth": 1}, "subject"},
				{map[string]any{"s": map[string]any{"iin": person}, "depth": 3}, "depth"},
				{map[string]any{"s": map[string]any{"iin": person}, "depth": 1, "max": 0}, "maxNodes"},
				{map[string]any{"s": map[string]any{"iin": person}, "depth": 1, "per": 100000}, "perNode"},
			} {
				tc.vars["b"] = basis
				r := fx.post(t, o.IIN, linksQuery, tc.vars)
				e := r.errorAt("inquiry.links")
				if e == nil || e.Extensions["code"] != "BAD_USER_INPUT" || e.Extensions["argument"] != tc.arg {
					t.Errorf("%v: %+v", tc.vars, r.Errors)
				}
			}
		})

		t.Run("edge kinds", func(t *testing.T) {
			// Each kind around a subject the seeded registers give it to,
			// picked by SQL: the edge joins the ends the register names,
			// with its provenance. Rights and vehicles are the subject's
			// first (within any fan-out cap). Cadastral numbers hold '/'.
			split := func(v string) []string { return strings.Split(v, "|") }
			right := func(db *sqldb.DB) []string {
				return split(one[string](t, db, `SELECT holder_id || '|' || object_number || '|' || CAST(record_id AS TEXT) FROM {rights} r
					WHERE holder_kind = 'PERSON' AND record_id = (SELECT MIN(record_id) FROM {rights} o WHERE o.holder_id = r.holder_id)
					ORDER BY holder_id LIMIT 1`))
			}
			home, plot := right(fx.g.RealEstate.DB()), right(fx.g.Land.DB())
			car := split(one[string](t, fx.g.Vehicles.DB(), `SELECT owner_id || '|' || vin FROM {vehicles} v
				WHERE owner_kind = 'PERSON' AND NOT EXISTS (SELECT 1 FROM {vehicles} o WHERE o.owner_id = v.owner_id
					AND (o.registration_date < v.registration_date OR (o.registration_date = v.registration_date AND o.vin < v.vin)))
				ORDER BY owner_id LIMIT 1`))
			// Two children of one parent (births of two acts).
			sibs := split(one[string](t, fx.g.Civil.DB(), `SELECT a.iin || '|' || b.iin FROM {civil_act_parties} pa
				JOIN {civil_act_parties} a ON a.act_id = pa.act_id AND a.role = 'CHILD'
				JOIN {civil_act_parties} pb ON pb.iin = pa.iin AND pb.role = pa.role AND pb.act_id <> pa.act_id
				JOIN {civil_act_parties} b ON b.act_id = pb.act_id AND b.role = 'CHILD'
				WHERE pa.role IN ('MOTHER', 'FATHER') AND pa.iin <> '' AND a.iin < b.iin
				ORDER BY a.iin, b.iin LIMIT 1`))
			// A marriage with a divorce of the same spouses registered
			// after it.
			exes := split(one[string](t, fx.g.Civil.DB(), `SELECT x.iin || '|' || y.iin || '|' || CAST(m.id AS TEXT) FROM {civil_acts} m
				JOIN {civil_act_parties} x ON x.act_id = m.id AND x.role = 'SPOUSE'
				JOIN {civil_act_parties} y ON y.act_id = m.id AND y.role = 'SPOUSE' AND y.iin > x.iin
				JOIN {civil_act_parties} dx ON dx.iin = x.iin AND dx.role = 'SPOUSE'
				JOIN {civil_act_parties} dy ON dy.act_id = dx.act_id AND dy.iin = y.iin AND dy.role = 'SPOUSE'
				JOIN {civil_acts} d ON d.id = dx.act_id AND d.kind = 'DIVORCE'
				WHERE m.kind = 'MARRIAGE' AND (d.act_date > m.act_date OR (d.act_date = m.act_date AND d.id > m.id))
				ORDER BY x.iin, y.iin, m.id LIMIT 1`))
			for _, c := range []struct {
				kind, subject, from, to, service, record string
			}{
				{"PROPERTY_OWNER", home[0], "PERSON:" + home[0], "REAL_ESTATE:" + home[1], "REAL_ESTATE", "right:" + home[2]},
				{"LAND_HOLDER", plot[0], "PERSON:" + plot[0], "LAND_PLOT:" + plot[1], "LAND_PLOTS", "right:" + plot[2]},
				{"VEHICLE_OWNER", car[0], "PERSON:" + car[0], "VEHICLE:" + car[1], "VEHICLES", "vehicle:" + car[1]},
				{"SIBLING", sibs[1], "PERSON:" + sibs[0], "PERSON:" + sibs[1], "CIVIL_REGISTRY", ""},
				{"EX_SPOUSE", exes[0], "PERSON:" + exes[0], "PERSON:" + exes[1], "CIVIL_REGISTRY", "civil_act:" + exes[2]},
			} {
				g, r := build(t, map[string]any{"s": map[string]any{"iin": c.subject}, "depth": 1})
				if n := r.Extensions["linksOmitted"]; n != float64(0) {
					t.Fatalf("%s: %v edges omitted", c.kind, n)
				}
				found := false
				for _, e := range g.Edges {
					if e.Kind == c.kind && e.Source == c.from && e.Target == c.to && e.Provenance.Service == c.service &&
						(c.record == "" || e.Provenance.Record == c.record) {
						found = true
					}
					if c.kind == "EX_SPOUSE" && e.Kind == "SPOUSE" && e.Provenance.Record == c.record {
						t.Fatalf("the dissolved marriage %s is also a SPOUSE edge", c.record)
					}
				}
				if !found {
					t.Errorf("no %s edge %s -> %s (%s %s) in the graph of %s", c.kind, c.from, c.to, c.service, c.record, c.subject)
				}
			}
		})

		t.Run("matrix per source", func(t *testing.T) {
			// The embedded policy allows every link source wherever it
			// allows the links themselves, so the per-source check is
			// exercised here on the engine with a matrix that refuses ЗАГС,
			// and through HTTP under an edited policy in
			// TestLinksUnderEditedPolicy.
			eng := fx.g.LinkEngine()
			q := links.Query{Root: links.Ref{Kind: links.NodePerson, Key: person}, Depth: 1, MaxNodes: 500, PerNode: 50}
			all, err := eng.Build(context.Background(), q, func(string) bool { return true })
			testdb.Must(t, err)
			noZAGS, err := eng.Build(context.Background(), q, func(s string) bool { return s != "CIVIL_REGISTRY" })
			testdb.Must(t, err)
			family := func(g *links.Graph) int {
				n := 0
				for _, e := range g.Edges {
					if e.Provenance.Service == "CIVIL_REGISTRY" {
						n++
					}
				}
				return n
			}
			if family(all) == 0 || all.Omitted != 0 || family(noZAGS) != 0 || noZAGS.Omitted != family(all) {
				t.Fatalf("family edges %d (omitted %d) with ЗАГС; %d (omitted %d) without", family(all), all.Omitted, family(noZAGS), noZAGS.Omitted)
			}
		})

		t.Run("employment and phones", func(t *testing.T) {
			// Current employments link both ways (employee -> employer and
			// employer -> its employees); a shared number links its holders.
			eng := fx.g.LinkEngine()
			all := func(string) bool { return true }
			build := func(root links.Ref) *links.Graph {
				g, err := eng.Build(context.Background(), links.Query{Root: root, Depth: 1, MaxNodes: 500, PerNode: 50}, all)
				testdb.Must(t, err)
				return g
			}
			has := func(g *links.Graph, kind links.EdgeKind, from, to links.Ref) bool {
				for _, e := range g.Edges {
					if e.Kind == kind && e.From == from && e.To == to {
						return true
					}
				}
				return false
			}
			emp := one[string](t, fx.g.Pension.DB(), `SELECT iin || '/' || employer_bin FROM {employments}
				WHERE end_date IS NULL AND payer_kind = 'EMPLOYER' ORDER BY iin, employer_bin LIMIT 1`)
			worker := links.Ref{Kind: links.NodePerson, Key: emp[:12]}
			employer := links.Ref{Kind: links.NodeLegalEntity, Key: emp[13:]}
			if !has(build(worker), links.EdgeEmployee, worker, employer) || !has(build(employer), links.EdgeEmployee, worker, employer) {
				t.Fatalf("no EMPLOYEE edge %s -> %s from either end", worker.Key, employer.Key)
			}
			ended := one[string](t, fx.g.Pension.DB(), `SELECT iin || '/' || employer_bin FROM {employments} e
				WHERE end_date IS NOT NULL AND payer_kind = 'EMPLOYER' AND NOT EXISTS (SELECT 1 FROM {employments} c
				WHERE c.iin = e.iin AND c.employer_bin = e.employer_bin AND c.end_date IS NULL) ORDER BY iin LIMIT 1`)
			former := links.Ref{Kind: links.NodePerson, Key: ended[:12]}
			if has(build(former), links.EdgeEmployee, former, links.Ref{Kind: links.NodeLegalEntity, Key: ended[13:]}) {
				t.Fatalf("ended employment %s linked", ended)
			}
			shared := one[string](t, fx.g.Contacts.DB(), `SELECT phone FROM {phones} WHERE until IS NULL
				GROUP BY phone HAVING COUNT(DISTINCT owner_id) > 1 ORDER BY phone LIMIT 1`)
			holder := one[string](t, fx.g.Contacts.DB(), `SELECT owner_id FROM {phones} WHERE until IS NULL AND owner_kind = 'PERSON'
				AND phone = '`+shared+`' ORDER BY owner_id LIMIT 1`)
			phone := links.Ref{Kind: links.NodePhone, Key: shared}
			g := build(links.Ref{Kind: links.NodePerson, Key: holder})
			if !has(g, links.EdgePhoneSubscriber, links.Ref{Kind: links.NodePerson, Key: holder}, phone) {
				t.Fatalf("no PHONE_SUBSCRIBER edge from %s to %s", holder, shared)
			}
			holders := 0
			for _, e := range g.Edges {
				if e.Kind == links.EdgePhoneSubscriber && e.To == phone {
					holders++
				}
			}
			if holders < 2 {
				t.Fatalf("shared number %s: %d holders in the graph of %s", shared, holders, holder)
			}
		})

		t.Run("exports", func(t *testing.T) {
			q := `query($b: BasisInput!, $bin: BIN!, $f: LinkExportFormat!) { inquiry(basis: $b) { links(subject: {bin: $bin}, depth: 2) {
				nodes { id } edges { id } export(format: $f) { name mediaType content } } } }`
			for _, f := range []string{"GRAPHML", "GEXF", "CYTOSCAPE_JSON", "I2_CSV"} {
				r := fx.post(t, o.IIN, q, map[string]any{"b": basis, "bin": hub, "f": f})
				if len(r.Errors) > 0 {
					t.Fatalf("%s: %+v", f, r.Errors)
				}
				nodes, edges := len(get(r.Data, "inquiry.links.nodes").([]any)), len(get(r.Data, "inquiry.links.edges").([]any))
				files := get(r.Data, "inquiry.links.export").([]any)
				checkExport(t, f, files, nodes, edges)
			}
		})
	})
}

// checkExport parses an export against its format's structure and checks
// that it holds the graph's nodes and edges.
func checkExport(t *testing.T, format string, files []any, nodes, edges int) {
	t.Helper()
	content := func(i int) string { return get(files[i], "content").(string) }
	endsOK := func(ids map[string]bool, src, dst []string) {
		for i := range src {
			if !ids[src[i]] || !ids[dst[i]] {
				t.Fatalf("%s: edge %s -> %s ends outside the nodes", format, src[i], dst[i])
			}
		}
	}
	switch format {
	case "GRAPHML":
		var d struct {
			XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
			Keys    []struct {
				ID  string `xml:"id,attr"`
				For string `xml:"for,attr"`
			} `xml:"key"`
			Graph struct {
				EdgeDefault string `xml:"edgedefault,attr"`
				Nodes       []struct {
					ID   string `xml:"id,attr"`
					Data []struct {
						Key string `xml:"key,attr"`
					} `xml:"data"`
				} `xml:"node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"edge"`
			} `xml:"graph"`
		}
		testdb.Must(t, xml.Unmarshal([]byte(content(0)), &d))
		keys := map[string]bool{}
		for _, k := range d.Keys {
			keys[k.ID] = true
		}
		ids := map[string]bool{}
		for _, n := range d.Graph.Nodes {
			ids[n.ID] = true
			for _, x := range n.Data {
				if !keys[x.Key] {
					t.Fatalf("graphml: data key %q not declared", x.Key)
				}
			}
		}
		var src, dst []string
		for _, e := range d.Graph.Edges {
			src, dst = append(src, e.Source), append(dst, e.Target)
		}
		if len(d.Graph.Nodes) != nodes || len(d.Graph.Edges) != edges || d.Graph.EdgeDefault != "directed" {
			t.Fatalf("graphml: %d nodes, %d edges; want %d, %d", len(d.Graph.Nodes), len(d.Graph.Edges), nodes, edges)
		}
		endsOK(ids, src, dst)
	case "GEXF":
		var d struct {
			XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
			Version string   `xml:"version,attr"`
			Graph   struct {
				Attributes []struct {
					Class string `xml:"class,attr"`
					Attrs []struct {
						ID string `xml:"id,attr"`
					} `xml:"attribute"`
				} `xml:"attributes"`
				Nodes []struct {
					ID     string `xml:"id,attr"`
					Label  string `xml:"label,attr"`
					Values []struct {
						For string `xml:"for,attr"`
					} `xml:"attvalues>attvalue"`
				} `xml:"nodes>node"`
				Edges []struct {
					Source string `xml:"source,attr"`
					Target string `xml:"target,attr"`
				} `xml:"edges>edge"`
			} `xml:"graph"`
		}
		testdb.Must(t, xml.Unmarshal([]byte(content(0)), &d))
		declared := map[string]bool{}
		for _, a := range d.Graph.Attributes {
			if a.Class == "node" {
				for _, x := range a.Attrs {
					declared[x.ID] = true
				}
			}
		}
		ids := map[string]bool{}
		for _, n := range d.Graph.Nodes {
			ids[n.ID] = true
			for _, v := range n.Values {
				if !declared[v.For] {
					t.Fatalf("gexf: attvalue for undeclared attribute %q", v.For)
				}
			}
		}
		var src, dst []string
		for _, e := range d.Graph.Edges {
			src, dst = append(src, e.Source), append(dst, e.Target)
		}
		if d.Version != "1.3" || len(d.Graph.Nodes) != nodes || len(d.Graph.Edges) != edges {
			t.Fatalf("gexf: version %s, %d nodes, %d edges", d.Version, len(d.Graph.Nodes), len(d.Graph.Edges))
		}
		endsOK(ids, src, dst)
	case "CYTOSCAPE_JSON":
		var d struct {
			Elements struct {
				Nodes []struct{ Data map[string]any }
				Edges []struct{ Data map[string]any }
			}
		}
		testdb.Must(t, json.Unmarshal([]byte(content(0)), &d))
		ids := map[string]bool{}
		for _, n := range d.Elements.Nodes {
			ids[n.Data["id"].(string)] = true
		}
		var src, dst []string
		for _, e := range d.Elements.Edges {
			src, dst = append(src, e.Data["source"].(string)), append(dst, e.Data["target"].(string))
		}
		if len(ids) != nodes || len(src) != edges {
			t.Fatalf("cytoscape: %d nodes, %d edges", len(ids), len(src))
		}
		endsOK(ids, src, dst)
	case "I2_CSV":
		if len(files) != 2 {
			t.Fatalf("i2: %d files", len(files))
		}
		ents, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(content(0), "\ufeff"))).ReadAll()
		testdb.Must(t, err)
		lnks, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(content(1), "\ufeff"))).ReadAll()
		testdb.Must(t, err)
		if ents[0][0] != "EntityID" || lnks[0][1] != "FromID" || len(ents)-1 != nodes || len(lnks)-1 != edges {
			t.Fatalf("i2: headers %v / %v, %d entities, %d links", ents[0], lnks[0], len(ents)-1, len(lnks)-1)
		}
		ids := map[string]bool{}
		for _, r := range ents[1:] {
			ids[r[0]] = true
		}
		var src, dst []string
		for _, r := range lnks[1:] {
			src, dst = append(src, r[1]), append(dst, r[4])
		}
		endsOK(ids, src, dst)
	}
}
