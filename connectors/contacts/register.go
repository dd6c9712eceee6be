package contacts

import (
	"context"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/connectors/popdocs"
	"sio/synth"
)

// Mobile operators by DEF code.
var operators = map[string]string{
	"701": "АО «Кселл»", "702": "АО «Кселл»", "775": "АО «Кселл»", "778": "АО «Кселл»",
	"705": "ТОО «КаР-Тел» (Beeline)", "771": "ТОО «КаР-Тел» (Beeline)", "776": "ТОО «КаР-Тел» (Beeline)", "777": "ТОО «КаР-Тел» (Beeline)",
	"700": "ТОО «Мобайл Телеком-Сервис» (Altel)", "708": "ТОО «Мобайл Телеком-Сервис» (Altel)",
	"707": "ТОО «Мобайл Телеком-Сервис» (Tele2)", "747": "ТОО «Мобайл Телеком-Сервис» (Tele2)",
}

const (
	kazakhtelecom = "АО «Казахтелеком»"

	srcOperator   = "Сведения оператора сотовой связи"
	srcLandline   = "Сведения АО «Казахтелеком»"
	srcGuardian   = "Заявление в ЦОН (телефон законного представителя)"
	srcEntity     = "ГБД ЮЛ (контактный телефон юридического лица)"
	srcDirector   = "ГБД ЮЛ (телефон юридического лица, которым пользуется руководитель)"
	srcTax        = "Сведения органов государственных доходов"
	srcGBDFL      = "ГБД ФЛ (адрес регистрации)"
	srcGBDUL      = "ГБД ЮЛ (юридический адрес)"
	srcDelivery   = "Сведения операторов связи (адрес доставки счетов)"
	srcRealEstate = "Регистр недвижимости (объект в собственности)"

	// Actual addresses are taken from the family (persons) and the
	// entity's own premises, which the batch always holds: a pool of the
	// whole batch would depend on where batches are cut.

	// Record IDs of the entities stream start above those of the persons
	// stream.
	entityBase = 5_000_000_000
)

// Filler returns the generator of the contacts register:
//   - persons aged 14 or more: a mobile number (97%), a second one (18%), an
//     earlier one given up (25%); children under 14: a parent's number;
//   - ~30% of households (a family registered at one address) a home line
//     of Казахтелеком, listed for every member;
//   - active companies: an office line or mobile, listed for the company and
//     for its director; 25% a second number;
//   - the registered address of every person (since the registration of
//     СДН) and the legal address of every entity; an actual address of
//     some young adults (at their parents'), elderly (at a grown child's)
//     and entities (premises they own elsewhere).
//
// Numbers are unique to their holders: persons' mobiles are drawn with a
// subscriber number not beginning with 9, companies' with one beginning
// with 9 (and home and office lines likewise apart), so the two streams of
// the population never take each other's numbers whatever the batch cuts.
func (s *Store) Filler(seed int64) synth.Filler {
	g := newRegister(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		phones, addresses := g.batch(b)
		return s.Insert(ctx, phones, addresses)
	}
}

// register generates the records, remembering the numbers given out.
type register struct {
	k    *synth.Keyed
	docs *popdocs.Chronicle
	// mobiles taken by persons and by entities, by DEF code and subscriber
	// number; landlines taken, by number.
	personMobiles, entityMobiles map[string][]uint64
	personLines, entityLines     map[string]bool
	// record counters of the persons and entities streams
	nPhone, nAddress, nEntPhone, nEntAddress int64
	phones                                   []sio.ContactPhone
	addresses                                []sio.ContactAddress
}

func newRegister(seed int64) *register {
	return &register{k: synth.NewKeyed(seed, Name), docs: popdocs.NewChronicle(seed),
		personMobiles: map[string][]uint64{}, entityMobiles: map[string][]uint64{},
		personLines: map[string]bool{}, entityLines: map[string]bool{}}
}

// take marks n in the bitset of its DEF code; false if already taken.
func take(sets map[string][]uint64, n string) bool {
	def := n[2:5]
	bits := sets[def]
	if bits == nil {
		bits = make([]uint64, 10_000_000/64+1)
		sets[def] = bits
	}
	sub := 0
	for _, c := range n[5:] {
		sub = sub*10 + int(c-'0')
	}
	if bits[sub/64]&(1<<(sub%64)) != 0 {
		return false
	}
	bits[sub/64] |= 1 << (sub % 64)
	return true
}

// mobile draws a free mobile number of a stream: persons' subscriber
// numbers do not begin with 9, entities' do.
func (g *register) mobile(r *rand.Rand, entity bool) string {
	sets := g.personMobiles
	if entity {
		sets = g.entityMobiles
	}
	for {
		n := synth.MobileNumber(r)
		if (n[5] == '9') == entity && take(sets, n) {
			return n
		}
	}
}

// landline draws a free fixed line of the region for a stream: home lines
// end with 0-6, office lines with 7-9.
func (g *register) landline(r *rand.Rand, kato string, entity bool) string {
	set := g.personLines
	if entity {
		set = g.entityLines
	}
	for {
		n := synth.LandlineNumber(r, kato)
		if (n[len(n)-1] >= '7') == entity && !set[n] {
			set[n] = true
			return n
		}
	}
}

func operatorOf(n string) string {
	if strings.HasPrefix(n, "+77") {
		if op, ok := operators[n[2:5]]; ok {
			return op
		}
	}
	return kazakhtelecom
}

func (g *register) phone(entity bool, n, owner string, kind sio.SubjectKind, pk sio.ContactPhoneKind, src string, since sio.Date, until *sio.Date) {
	id := &g.nPhone
	base := int64(0)
	if entity {
		id, base = &g.nEntPhone, entityBase
	}
	*id++
	g.phones = append(g.phones, sio.ContactPhone{ID: base + *id, Phone: n, OwnerID: owner, OwnerKind: kind, Kind: pk,
		OperatorRu: operatorOf(n), SourceRu: src, Since: since, Until: until})
}

func (g *register) address(entity bool, owner string, kind sio.SubjectKind, ak sio.ContactAddressKind, addr, kato, src string, since sio.Date, until *sio.Date) {
	id := &g.nAddress
	base := int64(0)
	if entity {
		id, base = &g.nEntAddress, entityBase
	}
	*id++
	g.addresses = append(g.addresses, sio.ContactAddress{ID: base + *id, OwnerID: owner, OwnerKind: kind, Kind: ak, Address: addr,
		RegionKATO: kato, SourceRu: src, Since: since, Until: until})
}

var mobilesFrom = sio.MustDate("2003-01-01")

// batch derives the records of b: persons in population order (a
// household's home line with its first member), then entities.
func (g *register) batch(b *synth.Batch) ([]sio.ContactPhone, []sio.ContactAddress) {
	g.phones, g.addresses = nil, nil
	kin := synth.KinOf(b)
	registered := map[sio.IIN]sio.Date{}
	for _, f := range g.docs.Files(b) {
		registered[f.Person.IIN] = f.Addresses[len(f.Addresses)-1].RegisteredFrom
	}
	props := map[string]*sio.RealEstate{}
	for i := range b.Properties {
		props[b.Properties[i].CadastralNumber] = &b.Properties[i]
	}
	rights := map[string][]sio.PropertyRight{}
	for _, r := range b.PropertyRights {
		rights[r.HolderID] = append(rights[r.HolderID], r)
	}
	homes := households(b, kin)
	mobiles := map[sio.IIN]sio.ContactPhone{}
	for i := range b.Persons {
		p := &b.Persons[i]
		g.person(p, kin, registered, mobiles)
		if members := homes[i]; len(members) > 0 {
			g.homeLine(b, members)
		}
	}
	for i := range b.Entities {
		g.entity(&b.Entities[i], props, rights)
	}
	return g.phones, g.addresses
}

// households groups the persons of b into homes: a person with the spouse,
// parents and children registered at the same address. The result holds,
// at the index of each home's first member, the indexes of its members.
func households(b *synth.Batch, kin *synth.Kin) map[int][]int {
	index := make(map[sio.IIN]int, len(b.Persons))
	for i := range b.Persons {
		index[b.Persons[i].IIN] = i
	}
	parent := make([]int, len(b.Persons))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range b.Persons {
		p := &b.Persons[i]
		for _, rel := range []sio.IIN{kin.Father[p.IIN], kin.Mother[p.IIN]} {
			if j, ok := index[rel]; ok && b.Persons[j].Address == p.Address {
				a, c := find(i), find(j)
				parent[max(a, c)] = min(a, c)
			}
		}
		for _, m := range kin.Marriages[p.IIN] {
			if j, ok := index[m.Spouse]; ok && b.Persons[j].Address == p.Address {
				a, c := find(i), find(j)
				parent[max(a, c)] = min(a, c)
			}
		}
	}
	out := map[int][]int{}
	for i := range b.Persons {
		root := find(i)
		out[root] = append(out[root], i)
	}
	return out
}

func (g *register) person(p *sio.Person, kin *synth.Kin, registered map[sio.IIN]sio.Date, mobiles map[sio.IIN]sio.ContactPhone) {
	r := g.k.For(string(p.IIN))
	iin := string(p.IIN)
	end := synth.End(p)
	var until *sio.Date
	if p.DeathDate != nil {
		u := synth.MinDate(synth.AddDays(*p.DeathDate, r.IntN(180)), synth.Today())
		until = &u
	}
	// Registered address (as in ГБД ФЛ).
	since, ok := registered[p.IIN]
	if !ok {
		since = p.BirthDate
	}
	g.address(false, iin, sio.SubjectPerson, sio.AddressRegistered, p.Address, p.RegionKATO, srcGBDFL, since, until)

	age := synth.AgeAt(p, end)
	switch {
	case age >= 14 && !synth.MaxDate(synth.AddYears(p.BirthDate, 14), mobilesFrom).After(end.Time):
		from := synth.MaxDate(synth.AddYears(p.BirthDate, 14), mobilesFrom)
		if synth.Chance(r, 0.25) && from.Before(sio.MustDate("2014-01-01").Time) {
			// A number given up years ago.
			old := synth.DateBetween(r, from, synth.MinDate(sio.MustDate("2014-01-01"), end))
			gaveUp := synth.MinDate(synth.DateBetween(r, old, synth.AddYears(old, 8)), end)
			g.phone(false, g.mobile(r, false), iin, sio.SubjectPerson, sio.PhoneMobile, srcOperator, old, &gaveUp)
			from = gaveUp
		}
		if synth.Chance(r, 0.97) {
			g.phone(false, g.mobile(r, false), iin, sio.SubjectPerson, sio.PhoneMobile, srcOperator, synth.DateBetween(r, from, end), until)
			mobiles[p.IIN] = g.phones[len(g.phones)-1]
		}
		if synth.Chance(r, 0.18) {
			g.phone(false, g.mobile(r, false), iin, sio.SubjectPerson, sio.PhoneMobile, srcOperator, synth.DateBetween(r, from, end), until)
		}
	case age < 14 && synth.Alive(p):
		// A child's contact is a parent's number.
		for _, parent := range []sio.IIN{kin.Mother[p.IIN], kin.Father[p.IIN]} {
			if m, ok := mobiles[parent]; ok && m.Until == nil {
				g.phone(false, m.Phone, iin, sio.SubjectPerson, sio.PhoneMobile, srcGuardian, synth.MaxDate(m.Since, p.BirthDate), nil)
				break
			}
		}
	}

	// Actual address: young adults living at their parents' and the
	// elderly at a grown child's, rather than where they are registered
	// (15% of those who have such a relative).
	if synth.Alive(p) && (age >= 18 && age <= 35 || age >= 60) {
		var rel []sio.IIN
		if age <= 35 {
			rel = []sio.IIN{kin.Mother[p.IIN], kin.Father[p.IIN]}
		} else {
			rel = kin.Children[p.IIN]
		}
		var homes []*sio.Person
		for _, iin := range rel {
			if q := kin.ByIIN[iin]; q != nil && synth.Alive(q) && q.Address != p.Address && synth.AgeAt(q, synth.Today()) >= 18 {
				homes = append(homes, q)
			}
		}
		if len(homes) > 0 && synth.Chance(r, 0.15) {
			q := synth.Pick(r, homes)
			since := synth.DateBetween(r, synth.MaxDate(synth.AddYears(p.BirthDate, 18), mobilesFrom), synth.Today())
			g.address(false, iin, sio.SubjectPerson, sio.AddressActual, q.Address, q.RegionKATO, srcDelivery, since, nil)
		}
	}
}

// homeLine gives ~30% of homes a line of Казахтелеком, listed for every
// member (from birth for those born after it was installed).
func (g *register) homeLine(b *synth.Batch, members []int) {
	first := &b.Persons[members[0]]
	r := g.k.For("home:" + string(first.IIN))
	if !synth.Chance(r, 0.3) {
		return
	}
	n := g.landline(r, first.RegionKATO, false)
	installed := synth.DateBetween(r, sio.MustDate("1995-01-01"), synth.AddYears(synth.Today(), -1))
	for _, m := range members {
		p := &b.Persons[m]
		if p.DeathDate != nil && p.DeathDate.Before(installed.Time) {
			continue
		}
		var until *sio.Date
		if p.DeathDate != nil {
			d := *p.DeathDate
			until = &d
		}
		g.phone(false, n, string(p.IIN), sio.SubjectPerson, sio.PhoneHome, srcLandline, synth.MaxDate(installed, p.BirthDate), until)
	}
}

// entity derives an entity's addresses and numbers.
func (g *register) entity(e *sio.LegalEntity, props map[string]*sio.RealEstate, rights map[string][]sio.PropertyRight) {
	r := g.k.For(string(e.BIN))
	bin := string(e.BIN)
	// (ГБД ЮЛ of the synthetic population registers a few entities after
	// the snapshot date: their records are dated at the snapshot.)
	registered := synth.MinDate(e.RegistrationDate, synth.Today())
	g.address(true, bin, sio.SubjectLegalEntity, sio.AddressLegal, e.Address, e.RegionKATO, srcGBDUL, registered, nil)
	for _, right := range rights[bin] {
		if o := props[right.ObjectNumber]; o != nil && o.Address != e.Address && o.Kind == "NON_RESIDENTIAL" && synth.Chance(r, 0.6) {
			g.address(true, bin, sio.SubjectLegalEntity, sio.AddressActual, o.Address, o.RegionKATO, srcRealEstate, synth.MinDate(right.Since, synth.Today()), nil)
			break
		}
	}
	if e.Status != "ACTIVE" {
		return
	}
	since := synth.MinDate(synth.AddDays(registered, r.IntN(90)), synth.Today())
	var n string
	if (e.LegalForm == "ТОО" || e.LegalForm == "АО") && synth.Chance(r, 0.7) {
		n = g.landline(r, e.RegionKATO, true)
	} else {
		n = g.mobile(r, true)
	}
	g.phone(true, n, bin, sio.SubjectLegalEntity, sio.PhoneWork, srcEntity, since, nil)
	if e.DirectorIIN != nil {
		g.phone(true, n, string(*e.DirectorIIN), sio.SubjectPerson, sio.PhoneWork, srcDirector, since, nil)
	}
	if synth.Chance(r, 0.25) {
		g.phone(true, g.mobile(r, true), bin, sio.SubjectLegalEntity, sio.PhoneWork, srcTax, synth.DateBetween(r, since, synth.Today()), nil)
	}
}
