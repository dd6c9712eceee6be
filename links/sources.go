package links

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"sio"
)

// Sources over the core state databases. Each keeps to a fixed number of
// batched statements per call.

// found returns the Found of ref in m, creating it.
func found(m map[Ref]*Found, ref Ref) *Found {
	f := m[ref]
	if f == nil {
		f = &Found{}
		m[ref] = f
	}
	return f
}

// capLinks keeps the first perNode of n links (by the caller's order) and
// records the degree.
func (f *Found) capLinks(n, perNode int) int {
	f.Degree = n
	f.Kept = min(n, perNode)
	return f.Kept
}

// keep stores the first perNode of es and the degree: how many links the
// source holds around the node, counted in SQL when the lookup was capped
// there (then more than the edges read).
func (f *Found) keep(es []Edge, degree, perNode int) {
	f.Edges = es[:min(len(es), perNode)]
	f.Degree, f.Kept = max(degree, len(es)), len(f.Edges)
}

func subjectRef(id string, kind sio.SubjectKind) Ref {
	if kind == sio.SubjectLegalEntity {
		return Ref{NodeLegalEntity, id}
	}
	return Ref{NodePerson, id}
}

func keys(from []Ref) []string {
	out := make([]string, len(from))
	for i, r := range from {
		out[i] = r.Key
	}
	return out
}

func iins(from []Ref) []sio.IIN {
	out := make([]sio.IIN, 0, len(from))
	for _, r := range from {
		if r.Kind == NodePerson {
			out = append(out, sio.IIN(r.Key))
		}
	}
	return out
}

// FamilySource: spouses, former spouses, parents, children and siblings
// from ЗАГС. Two statements: the persons' acts, then their parents' acts
// (for siblings). Unlike the other sources it reads the acts whole and caps
// the ties in Go: a person's acts are their own birth, marriages, divorces
// and their children's births, a few dozen at most, so no one is a hub of
// ЗАГС; and a former spouse is known only from the divorce registered after
// the marriage, which a cap on the acts could cut off.
type FamilySource struct{ Civil sio.CivilRegistry }

func (FamilySource) Service() string { return "CIVIL_REGISTRY" }
func (FamilySource) Kinds() []EdgeKind {
	return []EdgeKind{EdgeSpouse, EdgeExSpouse, EdgeParent, EdgeSibling}
}
func (FamilySource) Handles(k NodeKind) bool { return k == NodePerson }

// symmetric orders the ends of an undirected edge.
func symmetric(a, b Ref) (Ref, Ref) {
	if b.Key < a.Key {
		return b, a
	}
	return a, b
}

func (s FamilySource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	ties, err := s.Civil.FamilyByPerson(ctx, iins(from))
	if err != nil {
		return nil, err
	}
	// Siblings share a parent: the parents' CHILD ties, in one more batch.
	var parents []sio.IIN
	seen := map[sio.IIN]bool{}
	for _, ts := range ties {
		for _, t := range ts {
			if t.Relation == sio.RelationParent && !seen[t.Relative] {
				seen[t.Relative] = true
				parents = append(parents, t.Relative)
			}
		}
	}
	sort.Slice(parents, func(i, j int) bool { return parents[i] < parents[j] })
	var ofParents map[sio.IIN][]sio.FamilyTie
	if len(parents) > 0 {
		if ofParents, err = s.Civil.FamilyByPerson(ctx, parents); err != nil {
			return nil, err
		}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		me := sio.IIN(ref.Key)
		var es []Edge
		for _, t := range ties[me] {
			rel := Ref{NodePerson, string(t.Relative)}
			prov := Provenance{Service: s.Service(), Record: "civil_act:" + strconv.FormatInt(t.ActID, 10)}
			switch t.Relation {
			case sio.RelationSpouse, sio.RelationExSpouse:
				a, b := symmetric(ref, rel)
				kind := EdgeSpouse
				if t.Relation == sio.RelationExSpouse {
					kind = EdgeExSpouse
				}
				es = append(es, Edge{From: a, To: b, Kind: kind, Provenance: prov})
			case sio.RelationParent:
				es = append(es, Edge{From: rel, To: ref, Kind: EdgeParent, Provenance: prov})
			case sio.RelationChild:
				es = append(es, Edge{From: ref, To: rel, Kind: EdgeParent, Provenance: prov})
			}
		}
		sibs := map[sio.IIN]string{}
		for _, t := range ties[me] {
			if t.Relation != sio.RelationParent {
				continue
			}
			for _, c := range ofParents[t.Relative] {
				if c.Relation == sio.RelationChild && c.Relative != me {
					if _, ok := sibs[c.Relative]; !ok {
						sibs[c.Relative] = fmt.Sprintf("civil_act:%d,%d", t.ActID, c.ActID)
					}
				}
			}
		}
		sibIINs := make([]sio.IIN, 0, len(sibs))
		for iin := range sibs {
			sibIINs = append(sibIINs, iin)
		}
		sort.Slice(sibIINs, func(i, j int) bool { return sibIINs[i] < sibIINs[j] })
		for _, iin := range sibIINs {
			a, b := symmetric(ref, Ref{NodePerson, string(iin)})
			es = append(es, Edge{From: a, To: b, Kind: EdgeSibling, Provenance: Provenance{Service: s.Service(), Record: sibs[iin]}})
		}
		if len(es) == 0 {
			continue
		}
		f := found(out, ref)
		f.Edges = es[:f.capLinks(len(es), perNode)]
	}
	return out, nil
}

// Companies is what the company source needs of ГБД ЮЛ: the roles of
// subjects and the founders of companies capped per key in SQL (a holding
// may have thousands of founders, a body may have founded thousands of
// companies), and the entities for their directors.
type Companies interface {
	RolesBySubjectCapped(ctx context.Context, ids []string, per int) (map[string][]sio.CompanyRole, map[string]int, error)
	FoundersByEntityCapped(ctx context.Context, bins []sio.BIN, per int) (map[sio.BIN][]sio.Founder, map[sio.BIN]int, error)
	EntitiesByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN]*sio.LegalEntity, error)
}

// CompanySource: founders and directors from ГБД ЮЛ, in both directions
// (the companies of a subject; the founders and director of a company).
// Three statements: roles of the subjects, founders of the companies (both
// at most perNode per key), the companies' directors.
type CompanySource struct{ Entities Companies }

func (CompanySource) Service() string         { return "LEGAL_ENTITIES" }
func (CompanySource) Kinds() []EdgeKind       { return []EdgeKind{EdgeFounder, EdgeDirector} }
func (CompanySource) Handles(k NodeKind) bool { return k.Subject() }

func (s CompanySource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	roles, roleTotals, err := s.Entities.RolesBySubjectCapped(ctx, keys(from), perNode)
	if err != nil {
		return nil, err
	}
	var bins []sio.BIN
	for _, r := range from {
		if r.Kind == NodeLegalEntity {
			bins = append(bins, sio.BIN(r.Key))
		}
	}
	var founders map[sio.BIN][]sio.Founder
	var founderTotals map[sio.BIN]int
	var entities map[sio.BIN]*sio.LegalEntity
	if len(bins) > 0 {
		if founders, founderTotals, err = s.Entities.FoundersByEntityCapped(ctx, bins, perNode); err != nil {
			return nil, err
		}
		if entities, err = s.Entities.EntitiesByBIN(ctx, bins); err != nil {
			return nil, err
		}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		var es []Edge
		degree := roleTotals[ref.Key]
		for _, r := range roles[ref.Key] {
			co := Ref{NodeLegalEntity, string(r.EntityBIN)}
			e := Edge{From: ref, To: co, Kind: EdgeDirector, Provenance: Provenance{Service: s.Service(), Record: "director:" + string(r.EntityBIN)}}
			if r.Kind == sio.CompanyFounder {
				e.Kind = EdgeFounder
				e.Record = "founder:" + string(r.EntityBIN) + "/" + ref.Key
				if r.SharePercent != nil {
					e.Attrs = []Attr{{"sharePercent", strconv.FormatFloat(*r.SharePercent, 'f', -1, 64)}}
				}
			}
			e.Attrs = append(e.Attrs, Attr{"since", r.Since.String()})
			es = append(es, e)
		}
		if ref.Kind == NodeLegalEntity {
			bin := sio.BIN(ref.Key)
			if le := entities[bin]; le != nil && le.DirectorIIN != nil {
				degree++
				es = append(es, Edge{From: Ref{NodePerson, string(*le.DirectorIIN)}, To: ref, Kind: EdgeDirector,
					Attrs: []Attr{{"since", le.RegistrationDate.String()}}, Provenance: Provenance{Service: s.Service(), Record: "director:" + ref.Key}})
			}
			degree += founderTotals[bin]
			for _, f := range founders[bin] {
				es = append(es, Edge{From: subjectRef(f.FounderID, f.FounderKind), To: ref, Kind: EdgeFounder,
					Attrs:      []Attr{{"sharePercent", strconv.FormatFloat(f.SharePercent, 'f', -1, 64)}, {"since", f.Since.String()}},
					Provenance: Provenance{Service: s.Service(), Record: "founder:" + ref.Key + "/" + f.FounderID}})
			}
		}
		if len(es) == 0 {
			continue
		}
		found(out, ref).keep(es, degree, perNode)
	}
	return out, nil
}

// Rights is what the rights source needs of the real-estate register or
// the land cadastre: rights by holder and by object, capped per key in SQL
// (a company may hold thousands of objects, an apartment block or a
// cooperative's land thousands of co-holders).
type Rights interface {
	RightsByHolderCapped(ctx context.Context, holders []string, per int) (map[string][]sio.PropertyRight, map[string]int, error)
	RightsByObjectCapped(ctx context.Context, numbers []string, per int) (map[string][]sio.PropertyRight, map[string]int, error)
}

// RealEstateRights is the real-estate register as the rights source reads
// it.
type RealEstateRights interface {
	Rights
	PropertiesByNumber(ctx context.Context, numbers []string) (map[string]*sio.RealEstate, error)
}

// LandRights is the land cadastre as the rights source reads it.
type LandRights interface {
	Rights
	PlotsByNumber(ctx context.Context, numbers []string) (map[string]*sio.LandPlot, error)
}

// RightsSource: the holders of real estate (or land) and, through each
// object, its co-holders. Three statements: the subjects' rights, the rights
// to those objects (both at most perNode per key), the objects (for
// labels). An object whose co-holders were capped is flagged truncated,
// with their number as its degree; the subject's own right is always kept.
type RightsSource struct {
	Registry Rights
	// Describe labels objects by cadastral number (one batch).
	Describe func(ctx context.Context, numbers []string) (map[string]string, error)
	service  string
	node     NodeKind
	edge     EdgeKind
}

// RealEstateSource links the holders of real estate.
func RealEstateSource(r RealEstateRights) *RightsSource {
	return &RightsSource{Registry: r, service: "REAL_ESTATE", node: NodeRealEstate, edge: EdgePropertyOwner,
		Describe: func(ctx context.Context, ns []string) (map[string]string, error) {
			m, err := r.PropertiesByNumber(ctx, ns)
			out := make(map[string]string, len(m))
			for k, p := range m {
				out[k] = p.Address
			}
			return out, err
		}}
}

// LandSource links the holders of land plots.
func LandSource(r LandRights) *RightsSource {
	return &RightsSource{Registry: r, service: "LAND_PLOTS", node: NodeLandPlot, edge: EdgeLandHolder,
		Describe: func(ctx context.Context, ns []string) (map[string]string, error) {
			m, err := r.PlotsByNumber(ctx, ns)
			out := make(map[string]string, len(m))
			for k, p := range m {
				out[k] = p.Address
			}
			return out, err
		}}
}

func (s *RightsSource) Service() string         { return s.service }
func (s *RightsSource) Kinds() []EdgeKind       { return []EdgeKind{s.edge} }
func (s *RightsSource) Handles(k NodeKind) bool { return k.Subject() }

func (s *RightsSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	held, heldTotals, err := s.Registry.RightsByHolderCapped(ctx, keys(from), perNode)
	if err != nil {
		return nil, err
	}
	var objects []string
	seen := map[string]bool{}
	for _, ref := range from {
		for _, r := range held[ref.Key] {
			if !seen[r.ObjectNumber] {
				seen[r.ObjectNumber] = true
				objects = append(objects, r.ObjectNumber)
			}
		}
	}
	if len(objects) == 0 {
		return map[Ref]*Found{}, nil
	}
	sort.Strings(objects)
	all, allTotals, err := s.Registry.RightsByObjectCapped(ctx, objects, perNode)
	if err != nil {
		return nil, err
	}
	labels, err := s.Describe(ctx, objects)
	if err != nil {
		return nil, err
	}
	edge := func(r sio.PropertyRight, obj Ref) Edge {
		return Edge{From: subjectRef(r.HolderID, r.HolderKind), To: obj, Kind: s.edge,
			Attrs:      []Attr{{"share", r.Share()}, {"rightType", r.RightType}, {"since", r.Since.String()}},
			Provenance: Provenance{Service: s.service, Record: "right:" + strconv.FormatInt(r.RecordID, 10)}}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		rs := held[ref.Key]
		if len(rs) == 0 {
			continue
		}
		f := found(out, ref)
		f.Degree, f.Kept = heldTotals[ref.Key], len(rs)
		// The subject's own rights, then the other rights to each object
		// (at most perNode of them were read).
		edges, objects := throughObjects(rs, all, allTotals,
			func(r sio.PropertyRight) string { return r.ObjectNumber },
			func(r sio.PropertyRight) int64 { return r.RecordID },
			func(r sio.PropertyRight) Edge { return edge(r, Ref{s.node, r.ObjectNumber}) })
		f.Edges = append(f.Edges, edges...)
		for _, o := range objects {
			f.Nodes = append(f.Nodes, Node{Ref: Ref{s.node, o.key}, Label: labels[o.key], Degree: o.degree,
				Truncated: o.degree > o.kept, Provenance: Provenance{Service: s.service, Record: "object:" + o.key}})
		}
	}
	return out, nil
}

// Vehicles is what the vehicle source needs of the register: the vehicles
// of owners, capped per owner in SQL (a leasing company or a fleet may own
// thousands).
type Vehicles interface {
	VehiclesByOwnerCapped(ctx context.Context, owners []string, per int) (map[string][]sio.Vehicle, map[string]int, error)
}

// VehicleSource: vehicles registered to the subjects (leaves: a vehicle has
// one owner). One statement, at most perNode vehicles per owner.
type VehicleSource struct{ Vehicles Vehicles }

func (VehicleSource) Service() string         { return "VEHICLES" }
func (VehicleSource) Kinds() []EdgeKind       { return []EdgeKind{EdgeVehicleOwner} }
func (VehicleSource) Handles(k NodeKind) bool { return k.Subject() }

func (s VehicleSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	owned, totals, err := s.Vehicles.VehiclesByOwnerCapped(ctx, keys(from), perNode)
	if err != nil {
		return nil, err
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		vs := owned[ref.Key]
		if len(vs) == 0 {
			continue
		}
		f := found(out, ref)
		f.Degree, f.Kept = max(totals[ref.Key], len(vs)), len(vs)
		for _, v := range vs {
			node := Ref{NodeVehicle, v.VIN}
			prov := Provenance{Service: s.Service(), Record: "vehicle:" + v.VIN}
			f.Nodes = append(f.Nodes, Node{Ref: node, Label: v.Plate + " " + v.Make + " " + v.Model,
				Attrs: []Attr{{"plate", v.Plate}, {"year", strconv.Itoa(v.Year)}}, Provenance: prov})
			f.Edges = append(f.Edges, Edge{From: ref, To: node, Kind: EdgeVehicleOwner,
				Attrs: []Attr{{"since", v.RegistrationDate.String()}}, Provenance: prov})
		}
	}
	return out, nil
}

// Residents finds the persons registered at addresses: at most perAddress
// each (in IIN order) with the total.
type Residents interface {
	ResidentsAt(ctx context.Context, addresses []string, perAddress int) (map[string][]sio.IIN, map[string]int, error)
}

// AddressSource: the other persons registered at a person's address
// (ГБД ФЛ). Two statements: the persons, then the residents of their
// addresses.
type AddressSource struct {
	Persons   sio.PersonRegistry
	Residents Residents
}

func (AddressSource) Service() string         { return "PERSONS" }
func (AddressSource) Kinds() []EdgeKind       { return []EdgeKind{EdgeRegisteredAt} }
func (AddressSource) Handles(k NodeKind) bool { return k == NodePerson }

// AddressKey normalizes an address into a node key.
func AddressKey(a string) string { return strings.ToUpper(strings.Join(strings.Fields(a), " ")) }

func (s AddressSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	ps, err := s.Persons.PersonsByIIN(ctx, iins(from))
	if err != nil {
		return nil, err
	}
	var addrs []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p.Address != "" && !seen[p.Address] {
			seen[p.Address] = true
			addrs = append(addrs, p.Address)
		}
	}
	if len(addrs) == 0 {
		return map[Ref]*Found{}, nil
	}
	sort.Strings(addrs)
	residents, totals, err := s.Residents.ResidentsAt(ctx, addrs, perNode)
	if err != nil {
		return nil, err
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		p := ps[sio.IIN(ref.Key)]
		if p == nil || p.Address == "" {
			continue
		}
		addr := Ref{NodeAddress, AddressKey(p.Address)}
		prov := Provenance{Service: s.Service(), Record: "address:" + AddressKey(p.Address)}
		f := found(out, ref)
		f.Degree, f.Kept = totals[p.Address], len(residents[p.Address])
		f.Nodes = append(f.Nodes, Node{Ref: addr, Label: p.Address, Provenance: prov})
		for _, iin := range residents[p.Address] {
			f.Edges = append(f.Edges, Edge{From: Ref{NodePerson, string(iin)}, To: addr, Kind: EdgeRegisteredAt,
				Provenance: Provenance{Service: s.Service(), Record: "person:" + string(iin)}})
		}
	}
	return out, nil
}

// Employers is what the employment source needs of the pension register.
type Employers interface {
	EmploymentsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Employment, error)
	CurrentEmployees(ctx context.Context, bins []sio.BIN, per int) (map[sio.BIN][]sio.Employment, map[sio.BIN]int, error)
}

// EmploymentSource: employees and employers from the pension register
// (Пенсионные отчисления): a person's current employers (payers of
// contributions withheld from a wage) and a company's current employees,
// capped in SQL. Two statements. Interpretation: the link is the current
// employment (contributions still coming); past employers are in
// Person.employment.
type EmploymentSource struct{ Pension Employers }

func (EmploymentSource) Service() string         { return "PENSION_CONTRIBUTIONS" }
func (EmploymentSource) Kinds() []EdgeKind       { return []EdgeKind{EdgeEmployee} }
func (EmploymentSource) Handles(k NodeKind) bool { return k.Subject() }

func (s EmploymentSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	var bins []sio.BIN
	for _, r := range from {
		if r.Kind == NodeLegalEntity {
			bins = append(bins, sio.BIN(r.Key))
		}
	}
	var held map[sio.IIN][]sio.Employment
	var staff map[sio.BIN][]sio.Employment
	var totals map[sio.BIN]int
	var err error
	if ps := iins(from); len(ps) > 0 {
		if held, err = s.Pension.EmploymentsByPerson(ctx, ps); err != nil {
			return nil, err
		}
	}
	if len(bins) > 0 {
		if staff, totals, err = s.Pension.CurrentEmployees(ctx, bins, perNode); err != nil {
			return nil, err
		}
	}
	edge := func(e sio.Employment) Edge {
		return Edge{From: Ref{NodePerson, string(e.IIN)}, To: Ref{NodeLegalEntity, string(e.EmployerBIN)}, Kind: EdgeEmployee,
			Attrs:      []Attr{{"since", e.StartDate.String()}},
			Provenance: Provenance{Service: "PENSION_CONTRIBUTIONS", Record: "employment:" + string(e.IIN) + "/" + string(e.EmployerBIN) + "/" + e.StartDate.String()}}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		var es []Edge
		switch ref.Kind {
		case NodePerson:
			for _, e := range held[sio.IIN(ref.Key)] {
				if e.Current() && e.PayerKind == sio.PayerEmployer {
					es = append(es, edge(e))
				}
			}
			if len(es) == 0 {
				continue
			}
			f := found(out, ref)
			f.Edges = es[:f.capLinks(len(es), perNode)]
		case NodeLegalEntity:
			staffOf := staff[sio.BIN(ref.Key)]
			if len(staffOf) == 0 {
				continue
			}
			f := found(out, ref)
			for _, e := range staffOf {
				f.Edges = append(f.Edges, edge(e))
			}
			f.Degree, f.Kept = totals[sio.BIN(ref.Key)], len(staffOf)
		}
	}
	return out, nil
}

// PhoneSource: subjects sharing a phone number, from a register of numbers
// (contacts, Kazakhtelecom): the subject's numbers in use, then the current
// holders of each number, both capped per key in SQL (a company may use a
// thousand lines; a switchboard number may be given by thousands). Two
// statements. A number whose holders were capped is flagged truncated,
// with their number as its degree; the subject's own holding is always
// kept.
type PhoneSource struct {
	service string
	// numbers returns at most per numbers of each subject and how many it
	// has; holders at most per holders of each number and how many there
	// are.
	numbers func(ctx context.Context, ids []string, per int) (map[string][]phoneHolder, map[string]int, error)
	holders func(ctx context.Context, phones []string, per int) (map[string][]phoneHolder, map[string]int, error)
}

type phoneHolder struct {
	phone, id, record string
	kind              sio.SubjectKind
	since             sio.Date
}

// ContactPhones is what the contacts source needs of the contacts register.
type ContactPhones interface {
	CurrentPhonesByOwner(ctx context.Context, owners []string, per int) (map[string][]sio.ContactPhone, map[string]int, error)
	CurrentPhonesByNumber(ctx context.Context, phones []string, per int) (map[string][]sio.ContactPhone, map[string]int, error)
}

// ContactPhoneSource links the holders of numbers of the contacts register
// (Поиск адресов и контактных телефонов).
func ContactPhoneSource(r ContactPhones) *PhoneSource {
	conv := func(m map[string][]sio.ContactPhone, totals map[string]int, err error) (map[string][]phoneHolder, map[string]int, error) {
		out := map[string][]phoneHolder{}
		for k, ps := range m {
			for _, p := range ps {
				out[k] = append(out[k], phoneHolder{phone: p.Phone, id: p.OwnerID, kind: p.OwnerKind, since: p.Since,
					record: "contact_phone:" + strconv.FormatInt(p.ID, 10)})
			}
		}
		return out, totals, err
	}
	return &PhoneSource{service: "ADDRESS_PHONE_SEARCH",
		numbers: func(ctx context.Context, ids []string, per int) (map[string][]phoneHolder, map[string]int, error) {
			return conv(r.CurrentPhonesByOwner(ctx, ids, per))
		},
		holders: func(ctx context.Context, ps []string, per int) (map[string][]phoneHolder, map[string]int, error) {
			return conv(r.CurrentPhonesByNumber(ctx, ps, per))
		}}
}

// FixedLines is what the Kazakhtelecom source needs of its register.
type FixedLines interface {
	ActiveSubscriptionsBySubscriber(ctx context.Context, ids []string, per int) (map[string][]sio.FixedLineSubscription, map[string]int, error)
	ActiveSubscriptionsByPhone(ctx context.Context, phones []string, per int) (map[string][]sio.FixedLineSubscription, map[string]int, error)
}

// FixedLinePhoneSource links the subscribers of Kazakhtelecom's lines.
func FixedLinePhoneSource(r FixedLines) *PhoneSource {
	conv := func(m map[string][]sio.FixedLineSubscription, totals map[string]int, err error) (map[string][]phoneHolder, map[string]int, error) {
		out := map[string][]phoneHolder{}
		for k, ss := range m {
			for _, s := range ss {
				out[k] = append(out[k], phoneHolder{phone: s.PhoneNumber, id: s.SubscriberID, kind: s.SubscriberKind,
					since: s.ContractDate, record: "contract:" + s.ContractNumber})
			}
		}
		return out, totals, err
	}
	return &PhoneSource{service: "KAZAKHTELECOM",
		numbers: func(ctx context.Context, ids []string, per int) (map[string][]phoneHolder, map[string]int, error) {
			return conv(r.ActiveSubscriptionsBySubscriber(ctx, ids, per))
		},
		holders: func(ctx context.Context, ps []string, per int) (map[string][]phoneHolder, map[string]int, error) {
			return conv(r.ActiveSubscriptionsByPhone(ctx, ps, per))
		}}
}

func (s *PhoneSource) Service() string         { return s.service }
func (s *PhoneSource) Kinds() []EdgeKind       { return []EdgeKind{EdgePhoneSubscriber} }
func (s *PhoneSource) Handles(k NodeKind) bool { return k.Subject() }

func (s *PhoneSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	own, ownTotals, err := s.numbers(ctx, keys(from), perNode)
	if err != nil {
		return nil, err
	}
	var phones []string
	seen := map[string]bool{}
	for _, ref := range from {
		for _, h := range own[ref.Key] {
			if !seen[h.phone] {
				seen[h.phone] = true
				phones = append(phones, h.phone)
			}
		}
	}
	if len(phones) == 0 {
		return map[Ref]*Found{}, nil
	}
	sort.Strings(phones)
	all, allTotals, err := s.holders(ctx, phones, perNode)
	if err != nil {
		return nil, err
	}
	edge := func(h phoneHolder, phone Ref) Edge {
		return Edge{From: subjectRef(h.id, h.kind), To: phone, Kind: EdgePhoneSubscriber,
			Attrs: []Attr{{"since", h.since.String()}}, Provenance: Provenance{Service: s.service, Record: h.record}}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		hs := own[ref.Key]
		if len(hs) == 0 {
			continue
		}
		f := found(out, ref)
		f.Degree, f.Kept = max(ownTotals[ref.Key], len(hs)), len(hs)
		// The subject's own holdings of each number, then the number's
		// other holders (at most perNode of them were read).
		edges, numbers := throughObjects(hs, all, allTotals,
			func(h phoneHolder) string { return h.phone },
			func(h phoneHolder) string { return h.record },
			func(h phoneHolder) Edge { return edge(h, Ref{NodePhone, h.phone}) })
		f.Edges = append(f.Edges, edges...)
		for _, n := range numbers {
			f.Nodes = append(f.Nodes, Node{Ref: Ref{NodePhone, n.key}, Label: n.key, Degree: n.degree,
				Truncated: n.degree > n.kept, Provenance: Provenance{Service: s.service, Record: n.first.record}})
		}
	}
	return out, nil
}

// sharedObject is an object (a building, a phone number) reached through a
// subject's own records: its key, the subject's first record naming it,
// how many links it has in all and how many were kept.
type sharedObject[R any] struct {
	key          string
	first        R
	degree, kept int
}

// throughObjects links a subject to the objects its records name and,
// through each object, to the object's other holders (as many as were
// read, others[key], of totals[key] in all): for each object in the order
// the subject's records name them, the subject's own records first, then
// the others, each record once.
func throughObjects[R any, ID comparable](own []R, others map[string][]R, totals map[string]int,
	object func(R) string, id func(R) ID, edge func(R) Edge) ([]Edge, []sharedObject[R]) {
	var order []string
	mine := map[string][]R{}
	for _, r := range own {
		k := object(r)
		if mine[k] == nil {
			order = append(order, k)
		}
		mine[k] = append(mine[k], r)
	}
	var edges []Edge
	objects := make([]sharedObject[R], 0, len(order))
	for _, k := range order {
		kept := map[ID]bool{}
		for _, rs := range [][]R{mine[k], others[k]} {
			for _, r := range rs {
				if !kept[id(r)] {
					kept[id(r)] = true
					edges = append(edges, edge(r))
				}
			}
		}
		objects = append(objects, sharedObject[R]{key: k, first: mine[k][0], degree: max(totals[k], len(kept)), kept: len(kept)})
	}
	return edges, objects
}
