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
// (for siblings).
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

// CompanySource: founders and directors from ГБД ЮЛ, in both directions
// (the companies of a subject; the founders and director of a company).
// Three statements: roles of the subjects, founders of the companies, the
// companies' directors.
type CompanySource struct{ Entities sio.EntityRegistry }

func (CompanySource) Service() string         { return "LEGAL_ENTITIES" }
func (CompanySource) Kinds() []EdgeKind       { return []EdgeKind{EdgeFounder, EdgeDirector} }
func (CompanySource) Handles(k NodeKind) bool { return k.Subject() }

func (s CompanySource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	roles, err := s.Entities.RolesBySubject(ctx, keys(from))
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
	var entities map[sio.BIN]*sio.LegalEntity
	if len(bins) > 0 {
		if founders, err = s.Entities.FoundersByEntity(ctx, bins); err != nil {
			return nil, err
		}
		if entities, err = s.Entities.EntitiesByBIN(ctx, bins); err != nil {
			return nil, err
		}
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		var es []Edge
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
				es = append(es, Edge{From: Ref{NodePerson, string(*le.DirectorIIN)}, To: ref, Kind: EdgeDirector,
					Attrs: []Attr{{"since", le.RegistrationDate.String()}}, Provenance: Provenance{Service: s.Service(), Record: "director:" + ref.Key}})
			}
			for _, f := range founders[bin] {
				es = append(es, Edge{From: subjectRef(f.FounderID, f.FounderKind), To: ref, Kind: EdgeFounder,
					Attrs:      []Attr{{"sharePercent", strconv.FormatFloat(f.SharePercent, 'f', -1, 64)}, {"since", f.Since.String()}},
					Provenance: Provenance{Service: s.Service(), Record: "founder:" + ref.Key + "/" + f.FounderID}})
			}
		}
		if len(es) == 0 {
			continue
		}
		f := found(out, ref)
		f.Edges = es[:f.capLinks(len(es), perNode)]
	}
	return out, nil
}

// rightsRegistry is what the real-estate register and the land cadastre
// share: rights by holder and by object.
type rightsRegistry interface {
	RightsByHolder(ctx context.Context, holders []string) (map[string][]sio.PropertyRight, error)
	RightsByObject(ctx context.Context, numbers []string) (map[string][]sio.PropertyRight, error)
}

// RightsSource: the holders of real estate (or land) and, through each
// object, its co-holders. Three statements: the subjects' rights, the rights
// to those objects, the objects (for labels).
type RightsSource struct {
	Registry rightsRegistry
	// Describe labels objects by cadastral number (one batch).
	Describe func(ctx context.Context, numbers []string) (map[string]string, error)
	service  string
	node     NodeKind
	edge     EdgeKind
}

// RealEstateSource links the holders of real estate.
func RealEstateSource(r sio.RealEstateRegistry) *RightsSource {
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
func LandSource(r sio.LandRegistry) *RightsSource {
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
	held, err := s.Registry.RightsByHolder(ctx, keys(from))
	if err != nil {
		return nil, err
	}
	var objects []string
	seen := map[string]bool{}
	for _, ref := range from {
		rs := held[ref.Key]
		for _, r := range rs[:min(len(rs), perNode)] {
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
	all, err := s.Registry.RightsByObject(ctx, objects)
	if err != nil {
		return nil, err
	}
	labels, err := s.Describe(ctx, objects)
	if err != nil {
		return nil, err
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		rs := held[ref.Key]
		if len(rs) == 0 {
			continue
		}
		f := found(out, ref)
		kept := f.capLinks(len(rs), perNode)
		for _, r := range rs[:kept] {
			obj := Ref{s.node, r.ObjectNumber}
			f.Nodes = append(f.Nodes, Node{Ref: obj, Label: labels[r.ObjectNumber],
				Provenance: Provenance{Service: s.service, Record: "object:" + r.ObjectNumber}})
			// The subject's own right and the co-holders' rights.
			for _, co := range all[r.ObjectNumber] {
				f.Edges = append(f.Edges, Edge{From: subjectRef(co.HolderID, co.HolderKind), To: obj, Kind: s.edge,
					Attrs:      []Attr{{"share", co.Share()}, {"rightType", co.RightType}, {"since", co.Since.String()}},
					Provenance: Provenance{Service: s.service, Record: "right:" + strconv.FormatInt(co.RecordID, 10)}})
			}
		}
	}
	return out, nil
}

// VehicleSource: vehicles registered to the subjects (leaves: a vehicle has
// one owner). One statement.
type VehicleSource struct{ Vehicles sio.VehicleRegistry }

func (VehicleSource) Service() string         { return "VEHICLES" }
func (VehicleSource) Kinds() []EdgeKind       { return []EdgeKind{EdgeVehicleOwner} }
func (VehicleSource) Handles(k NodeKind) bool { return k.Subject() }

func (s VehicleSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	owned, err := s.Vehicles.VehiclesByOwner(ctx, keys(from))
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
		for _, v := range vs[:f.capLinks(len(vs), perNode)] {
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
// (contacts, Kazakhtelecom): the subject's numbers, then every holder of
// each number. Two statements.
type PhoneSource struct {
	service string
	// numbers returns each subject's numbers with the record ids; holders
	// each number's holders.
	numbers func(ctx context.Context, ids []string) (map[string][]phoneHolder, error)
	holders func(ctx context.Context, phones []string) (map[string][]phoneHolder, error)
}

type phoneHolder struct {
	phone, id, record string
	kind              sio.SubjectKind
	since             sio.Date
}

// ContactPhoneSource links the holders of numbers of the contacts register
// (Поиск адресов и контактных телефонов).
func ContactPhoneSource(r sio.ContactRegistry) *PhoneSource {
	conv := func(m map[string][]sio.ContactPhone, err error) (map[string][]phoneHolder, error) {
		out := map[string][]phoneHolder{}
		for k, ps := range m {
			for _, p := range ps {
				if p.Until == nil {
					out[k] = append(out[k], phoneHolder{phone: p.Phone, id: p.OwnerID, kind: p.OwnerKind, since: p.Since,
						record: "contact_phone:" + strconv.FormatInt(p.ID, 10)})
				}
			}
		}
		return out, err
	}
	return &PhoneSource{service: "ADDRESS_PHONE_SEARCH",
		numbers: func(ctx context.Context, ids []string) (map[string][]phoneHolder, error) {
			return conv(r.PhonesByOwner(ctx, ids))
		},
		holders: func(ctx context.Context, ps []string) (map[string][]phoneHolder, error) {
			return conv(r.PhonesByNumber(ctx, ps))
		}}
}

// FixedLinePhoneSource links the subscribers of Kazakhtelecom's lines.
func FixedLinePhoneSource(r sio.FixedLineRegistry) *PhoneSource {
	conv := func(m map[string][]sio.FixedLineSubscription, err error) (map[string][]phoneHolder, error) {
		out := map[string][]phoneHolder{}
		for k, ss := range m {
			for _, s := range ss {
				if s.TerminatedOn == nil {
					out[k] = append(out[k], phoneHolder{phone: s.PhoneNumber, id: s.SubscriberID, kind: s.SubscriberKind,
						since: s.ContractDate, record: "contract:" + s.ContractNumber})
				}
			}
		}
		return out, err
	}
	return &PhoneSource{service: "KAZAKHTELECOM",
		numbers: func(ctx context.Context, ids []string) (map[string][]phoneHolder, error) {
			return conv(r.SubscriptionsBySubscriber(ctx, ids))
		},
		holders: func(ctx context.Context, ps []string) (map[string][]phoneHolder, error) {
			return conv(r.SubscriptionsByPhone(ctx, ps))
		}}
}

func (s *PhoneSource) Service() string         { return s.service }
func (s *PhoneSource) Kinds() []EdgeKind       { return []EdgeKind{EdgePhoneSubscriber} }
func (s *PhoneSource) Handles(k NodeKind) bool { return k.Subject() }

func (s *PhoneSource) Expand(ctx context.Context, from []Ref, perNode int) (map[Ref]*Found, error) {
	own, err := s.numbers(ctx, keys(from))
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
	all, err := s.holders(ctx, phones)
	if err != nil {
		return nil, err
	}
	out := map[Ref]*Found{}
	for _, ref := range from {
		hs := own[ref.Key]
		if len(hs) == 0 {
			continue
		}
		f := found(out, ref)
		kept := f.capLinks(len(hs), perNode)
		for _, h := range hs[:kept] {
			phone := Ref{NodePhone, h.phone}
			f.Nodes = append(f.Nodes, Node{Ref: phone, Label: h.phone, Provenance: Provenance{Service: s.service, Record: h.record}})
			holders := all[h.phone]
			for _, o := range holders[:min(len(holders), perNode)] {
				f.Edges = append(f.Edges, Edge{From: subjectRef(o.id, o.kind), To: phone, Kind: EdgePhoneSubscriber,
					Attrs: []Attr{{"since", o.since.String()}}, Provenance: Provenance{Service: s.service, Record: o.record}})
			}
		}
	}
	return out, nil
}
