package links_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"sio"
	"sio/connectors/contacts"
	"sio/connectors/landplots"
	"sio/connectors/legalentities"
	"sio/connectors/realestate"
	"sio/connectors/telecom"
	"sio/connectors/vehicles"
	"sio/internal/testdb"
	"sio/links"
	"sio/sqldb"
)

// hubSize is the number of links of each hub: above MaxPerNode, so that
// no request can read them all.
const hubSize = 1200

// personIINs returns n distinct valid IINs.
func personIINs(t *testing.T, n int) []string {
	t.Helper()
	var out []string
	for day := 0; len(out) < n; day++ {
		birth := sio.MustDate("1960-01-01").AddDate(0, 0, day)
		for serial := 1; serial < 10 && len(out) < n; serial++ {
			if iin, ok := sio.MakeIIN(birth, sio.Male, serial); ok {
				out = append(out, string(iin))
			}
		}
	}
	return out
}

// companyBINs returns n distinct valid BINs.
func companyBINs(t *testing.T, n int) []sio.BIN {
	t.Helper()
	var out []sio.BIN
	reg := sio.MustDate("2012-03-01").Time
	for serial := 1; len(out) < n; serial++ {
		if bin, ok := sio.MakeBIN(reg, sio.BINResident, sio.BINHeadOffice, serial); ok {
			out = append(out, bin)
		}
	}
	return out
}

// hubStores are the stores of the sources whose lookups can meet a hub.
type hubStores struct {
	entities *legalentities.Store
	vehicles *vehicles.Store
	realty   *realestate.Store
	land     *landplots.Store
	contacts *contacts.Store
	telecom  *telecom.Store
}

func (s hubStores) sources() []links.Source {
	return []links.Source{
		links.CompanySource{Entities: s.entities},
		links.VehicleSource{Vehicles: s.vehicles},
		links.RealEstateSource(s.realty),
		links.LandSource(s.land),
		links.ContactPhoneSource(s.contacts),
		links.FixedLinePhoneSource(s.telecom),
	}
}

// TestHubsCappedInSQL loads hubs of every source that can meet one — a
// company with 1,200 founders and 1,200 vehicles, a founder of 1,200
// companies, a building and a plot with 1,200 co-holders, a number with
// 1,200 holders in the contacts register and 1,200 contracts at
// Kazakhtelecom — and checks that each lookup reads at most perNode rows
// per key in one statement while counting them all, and that the graph
// flags the hubs as truncated with their full degree.
func TestHubsCappedInSQL(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		var st hubStores
		var err error
		st.entities, err = legalentities.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.entities.Close() })
		st.vehicles, err = vehicles.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.vehicles.DB().Close() })
		st.realty, err = realestate.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.realty.DB().Close() })
		st.land, err = landplots.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.land.DB().Close() })
		st.contacts, err = contacts.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.contacts.DB().Close() })
		st.telecom, err = telecom.Open(ctx, cfg)
		testdb.Must(t, err)
		t.Cleanup(func() { st.telecom.DB().Close() })

		people := personIINs(t, hubSize+3)
		bins := companyBINs(t, hubSize+1)
		hub, director := bins[0], sio.IIN(people[hubSize])
		// body founded every other company; owner is the last co-holder.
		body, owner := people[hubSize+2], people[hubSize+1]
		since := sio.MustDate("2012-03-05")
		day := func(n int) sio.Date { return sio.Date{Time: since.AddDate(0, 0, n)} }

		testdb.Must(t, st.entities.Insert(ctx, []sio.LegalEntity{{BIN: hub, NameRu: "АО «Хаб»", LegalForm: "АО",
			RegistrationDate: since, Status: "ACTIVE", RegionKATO: "75", DirectorIIN: &director}}))
		var founders []sio.Founder
		for i, p := range people[:hubSize] {
			founders = append(founders, sio.Founder{EntityBIN: hub, FounderID: p, FounderKind: sio.SubjectPerson,
				SharePercent: 100.0 / hubSize, Since: day(i % 300)})
		}
		for _, b := range bins[1:] {
			founders = append(founders, sio.Founder{EntityBIN: b, FounderID: body, FounderKind: sio.SubjectPerson,
				SharePercent: 100, Since: since})
		}
		testdb.Must(t, st.entities.InsertFounders(ctx, founders))

		var vs []sio.Vehicle
		for i := range hubSize {
			vs = append(vs, sio.Vehicle{VIN: fmt.Sprintf("XTA21099%09d", i), Plate: fmt.Sprintf("%03dHUB02", i),
				Make: "LADA", Model: "Largus", Year: 2020, RegistrationDate: day(i), OwnerID: string(hub),
				OwnerKind: sio.SubjectLegalEntity})
		}
		testdb.Must(t, st.vehicles.Insert(ctx, vs))

		// A building and a plot held by 1,200 persons; owner's right is
		// the last one recorded (beyond any cap), and owner holds nothing
		// else.
		const building, plot = "20-311-004-123", "20-311-004-124"
		var rights []sio.PropertyRight
		for i, p := range append(append([]string{}, people[1:hubSize]...), owner) {
			rights = append(rights, sio.PropertyRight{RecordID: int64(i + 1), HolderID: p, HolderKind: sio.SubjectPerson,
				RightType: "OWNERSHIP", ShareNumerator: 1, ShareDenominator: hubSize, Since: since})
		}
		for i := range rights {
			rights[i].ObjectNumber = building
		}
		testdb.Must(t, st.realty.Insert(ctx, []sio.RealEstate{{CadastralNumber: building, Kind: "APARTMENT_BUILDING",
			RegionKATO: "75", Address: "г. Алматы, пр. Абая, д. 1", AreaSqm: 20000, RegisteredAt: since}}))
		testdb.Must(t, st.realty.InsertRights(ctx, rights))
		for i := range rights {
			rights[i].ObjectNumber = plot
		}
		testdb.Must(t, st.land.Insert(ctx, []sio.LandPlot{{CadastralNumber: plot, AreaHa: 2, Category: "SETTLEMENT",
			Purpose: "жилая застройка", RegionKATO: "75", Address: "г. Алматы, пр. Абая, д. 1"}}))
		testdb.Must(t, st.land.InsertRights(ctx, rights))

		// A switchboard number: 1,200 current holders (owner the newest),
		// one former holder not counted; and a Kazakhtelecom line with
		// 1,200 contracts in force (owner's the oldest), one terminated.
		const switchboard, line = "+77272000000", "+77272000001"
		var phones []sio.ContactPhone
		var contracts []sio.FixedLineSubscription
		ended := sio.MustDate("2015-01-01")
		holders := append(append([]string{}, people[1:hubSize]...), owner)
		for i, p := range holders {
			phones = append(phones, sio.ContactPhone{ID: int64(i + 1), Phone: switchboard, OwnerID: p, OwnerKind: sio.SubjectPerson,
				Kind: sio.PhoneWork, OperatorRu: "Kcell", SourceRu: "оператор", Since: day(i)})
			contracts = append(contracts, sio.FixedLineSubscription{ContractNumber: "HUB-" + strconv.Itoa(i), PhoneNumber: line,
				SubscriberID: p, SubscriberKind: sio.SubjectPerson, SubscriberName: "абонент", Address: "г. Алматы",
				RegionKATO: "75", ContractDate: day(hubSize - i), Status: sio.SubscriptionActive,
				ServiceList: "PHONE", Branch: "Алматы"})
		}
		phones = append(phones, sio.ContactPhone{ID: hubSize + 1, Phone: switchboard, OwnerID: people[hubSize], OwnerKind: sio.SubjectPerson,
			Kind: sio.PhoneWork, OperatorRu: "Kcell", SourceRu: "оператор", Since: since, Until: &ended})
		contracts = append(contracts, sio.FixedLineSubscription{ContractNumber: "HUB-ENDED", PhoneNumber: line,
			SubscriberID: people[hubSize], SubscriberKind: sio.SubjectPerson, SubscriberName: "абонент", Address: "г. Алматы",
			RegionKATO: "75", ContractDate: since, TerminatedOn: &ended, Status: sio.SubscriptionTerminated,
			ServiceList: "PHONE", Branch: "Алматы"})
		testdb.Must(t, st.contacts.Insert(ctx, phones, nil))
		testdb.Must(t, st.telecom.Insert(ctx, contracts))

		t.Run("lookups read at most per rows and count them all", func(t *testing.T) {
			per := links.MaxPerNode
			capped := func(what string, got, total int) {
				t.Helper()
				if got != per || total != hubSize {
					t.Fatalf("%s: read %d rows of %d, want %d of %d", what, got, total, per, hubSize)
				}
			}
			testdb.OneStatement(t, "FoundersByEntityCapped", func(ctx context.Context) error {
				fs, n, err := st.entities.FoundersByEntityCapped(ctx, []sio.BIN{hub, bins[1]}, per)
				capped("founders of the hub", len(fs[hub]), n[hub])
				if len(fs[bins[1]]) != 1 || n[bins[1]] != 1 {
					t.Fatalf("founders of a company with one founder: %v (%d)", fs[bins[1]], n[bins[1]])
				}
				return err
			})
			testdb.OneStatement(t, "RolesBySubjectCapped", func(ctx context.Context) error {
				rs, n, err := st.entities.RolesBySubjectCapped(ctx, []string{body, string(director)}, per)
				capped("companies founded by one person", len(rs[body]), n[body])
				if len(rs[string(director)]) != 1 || n[string(director)] != 1 || rs[string(director)][0].Kind != sio.CompanyDirector {
					t.Fatalf("director's roles: %v (%d)", rs[string(director)], n[string(director)])
				}
				return err
			})
			testdb.OneStatement(t, "VehiclesByOwnerCapped", func(ctx context.Context) error {
				v, n, err := st.vehicles.VehiclesByOwnerCapped(ctx, []string{string(hub)}, per)
				capped("vehicles of the hub", len(v[string(hub)]), n[string(hub)])
				return err
			})
			for _, r := range []struct {
				name   string
				rights links.Rights
				object string
			}{{"real estate", st.realty, building}, {"land", st.land, plot}} {
				testdb.OneStatement(t, r.name+" RightsByObjectCapped", func(ctx context.Context) error {
					rs, n, err := r.rights.RightsByObjectCapped(ctx, []string{r.object}, per)
					capped(r.name+": co-holders", len(rs[r.object]), n[r.object])
					return err
				})
			}
			testdb.OneStatement(t, "CurrentPhonesByNumber", func(ctx context.Context) error {
				ps, n, err := st.contacts.CurrentPhonesByNumber(ctx, []string{switchboard}, per)
				capped("holders of the switchboard number", len(ps[switchboard]), n[switchboard])
				return err
			})
			testdb.OneStatement(t, "ActiveSubscriptionsByPhone", func(ctx context.Context) error {
				cs, n, err := st.telecom.ActiveSubscriptionsByPhone(ctx, []string{line}, per)
				capped("contracts on the line", len(cs[line]), n[line])
				return err
			})
		})

		build := func(t *testing.T, root links.Ref) (*links.Graph, int64) {
			t.Helper()
			var stats sqldb.Stats
			eng := &links.Engine{Sources: st.sources()}
			g, err := eng.Build(sqldb.WithStats(ctx, &stats), links.Query{Root: root, Depth: 1, MaxNodes: links.MaxMaxNodes,
				PerNode: links.DefaultPerNode}, func(string) bool { return true })
			testdb.Must(t, err)
			return g, stats.Statements.Load()
		}
		count := func(g *links.Graph, kind links.EdgeKind, to links.Ref) int {
			n := 0
			for _, e := range g.Edges {
				if e.Kind == kind && (to == links.Ref{} || e.To == to) {
					n++
				}
			}
			return n
		}
		node := func(g *links.Graph, r links.Ref) *links.Node {
			for i := range g.Nodes {
				if g.Nodes[i].Ref == r {
					return &g.Nodes[i]
				}
			}
			t.Fatalf("no node %s in the graph", r.ID())
			return nil
		}

		t.Run("company hub", func(t *testing.T) {
			root := links.Ref{Kind: links.NodeLegalEntity, Key: string(hub)}
			g, statements := build(t, root)
			r := node(g, root)
			// Founders, the director and the vehicles, all counted.
			if want := hubSize + 1 + hubSize; !g.Truncated || !r.Truncated || r.Degree != want {
				t.Fatalf("hub: graph truncated %v, root %+v; want truncated with degree %d", g.Truncated, r, want)
			}
			if f, d, v := count(g, links.EdgeFounder, root), count(g, links.EdgeDirector, root), count(g, links.EdgeVehicleOwner, links.Ref{}); f+d != links.DefaultPerNode || d != 1 || v != links.DefaultPerNode {
				t.Fatalf("hub: %d founder, %d director, %d vehicle edges; want %d company links and %d vehicles",
					f, d, v, links.DefaultPerNode, links.DefaultPerNode)
			}
			// Roles, founders and directors of ГБД ЮЛ; vehicles; the
			// subject's rights in each register; its numbers in each.
			if statements != 3+1+1+1+1+1 {
				t.Fatalf("the hub's graph took %d statements", statements)
			}
		})

		t.Run("founder of many companies", func(t *testing.T) {
			root := links.Ref{Kind: links.NodePerson, Key: body}
			g, _ := build(t, root)
			if r := node(g, root); !r.Truncated || r.Degree != hubSize || count(g, links.EdgeFounder, links.Ref{}) != links.DefaultPerNode {
				t.Fatalf("founder of %d companies: root %+v, %d founder edges", hubSize, r, count(g, links.EdgeFounder, links.Ref{}))
			}
		})

		t.Run("co-holders and shared numbers", func(t *testing.T) {
			root := links.Ref{Kind: links.NodePerson, Key: owner}
			g, statements := build(t, root)
			if !g.Truncated {
				t.Fatal("graph of a co-holder of hubs not flagged truncated")
			}
			for _, hub := range []struct {
				kind links.EdgeKind
				ref  links.Ref
			}{
				{links.EdgePropertyOwner, links.Ref{Kind: links.NodeRealEstate, Key: building}},
				{links.EdgeLandHolder, links.Ref{Kind: links.NodeLandPlot, Key: plot}},
				{links.EdgePhoneSubscriber, links.Ref{Kind: links.NodePhone, Key: switchboard}},
				{links.EdgePhoneSubscriber, links.Ref{Kind: links.NodePhone, Key: line}},
			} {
				n := node(g, hub.ref)
				if !n.Truncated || n.Degree != hubSize {
					t.Errorf("%s: %+v; want truncated with degree %d", hub.ref.ID(), n, hubSize)
				}
				// perNode other holders and the root's own link, which
				// lies beyond the cap in the lookup's order.
				own := false
				for _, e := range g.Edges {
					own = own || (e.Kind == hub.kind && e.From == root && e.To == hub.ref)
				}
				if got := count(g, hub.kind, hub.ref); got != links.DefaultPerNode+1 || !own {
					t.Errorf("%s: %d %s edges (own link %v); want %d with the root's own", hub.ref.ID(), got, hub.kind, own, links.DefaultPerNode+1)
				}
			}
			if r := node(g, root); r.Truncated || r.Degree != 4 {
				t.Errorf("root %+v: its own links (a right, a plot, two numbers) are not truncated", r)
			}
			// Roles; vehicles; rights, co-holders and labels in each
			// register; numbers and their holders in each register.
			if statements != 1+1+3+3+2+2 {
				t.Errorf("the co-holder's graph took %d statements", statements)
			}
		})
	})
}
