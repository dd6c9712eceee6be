package enotary

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"

	"sio"
	"sio/connectors/justice"
	"sio/synth"
)

// Registry-number streams (the S digit of YY RR S NNNNNN): executive
// inscriptions come from the justice model (justice.NotaryStream = 1); the
// other acts are derived here from vehicles, civil acts, persons and real
// estate, each stream numbered by its own counters in population order.
const (
	streamVehicles = 2
	streamCivil    = 3
	streamPersons  = 4
	streamEstate   = 5
)

// Notarial practice starts for the register with ЕНИС (about 2012): older
// acts are in paper registers only.
var enisStart = sio.MustDate("2012-01-01")

var kindRu = map[sio.NotarialActKind]string{
	sio.NotarialVehiclePowerOfAttorney: "Доверенность на право управления и распоряжения транспортным средством",
	sio.NotarialPowerOfAttorney:        "Доверенность на представление интересов",
	sio.NotarialEntityPowerOfAttorney:  "Доверенность от имени юридического лица",
	sio.NotarialSaleContract:           "Договор купли-продажи недвижимого имущества",
	sio.NotarialSpouseConsent:          "Согласие супруга на совершение сделки с недвижимым имуществом",
	sio.NotarialChildTravelConsent:     "Согласие на выезд несовершеннолетнего ребёнка за пределы Республики Казахстан",
	sio.NotarialInheritanceCertificate: "Свидетельство о праве на наследство по закону",
	sio.NotarialMarriageContract:       "Брачный договор",
	sio.NotarialExecutiveInscription:   "Исполнительная надпись",
}

var roleRu = map[sio.NotarialRole]string{
	sio.NotarialPrincipal: "доверитель", sio.NotarialRepresentative: "поверенный", sio.NotarialSeller: "продавец",
	sio.NotarialBuyer: "покупатель", sio.NotarialConsenting: "дающий согласие", sio.NotarialChild: "несовершеннолетний",
	sio.NotarialSpouse: "супруг(а)", sio.NotarialTestator: "наследодатель", sio.NotarialHeir: "наследник",
	sio.NotarialCreditor: "взыскатель", sio.NotarialDebtor: "должник",
}

// Filler returns the generator of Е-Нотариат: powers of attorney on about
// 12% of persons' vehicles (to a relative) and 20% of companies' vehicles
// (to a participant), general powers of attorney of 1.5% of adults,
// inheritance certificates after half of the deaths with heirs, marriage
// contracts of 1.5% of marriages, travel consents for 7% of minors, sale
// contracts of 30% of homes bought since 2012 (with the spouse's
// consent when married), and the executive inscriptions of the justice
// model on defaulted loans.
func (s *Store) Filler(seed int64) synth.Filler {
	g := &gen{k: synth.NewKeyed(seed, Name), model: justice.NewStream(seed), n: justice.Counters{}}
	return func(ctx context.Context, b *synth.Batch) error {
		g.acts, g.parties = g.acts[:0], g.parties[:0]
		if err := g.batch(b); err != nil {
			return err
		}
		return s.Insert(ctx, g.acts, g.parties)
	}
}

type gen struct {
	k       *synth.Keyed
	model   *justice.Stream
	n       justice.Counters
	acts    []sio.NotarialAct
	parties []sio.NotarialParty

	persons  map[sio.IIN]*sio.Person
	kin      map[sio.IIN][]kin
	entities map[sio.BIN]*sio.LegalEntity
	founders map[sio.BIN][]sio.IIN
	estate   map[string]*sio.RealEstate
	rightsOf map[sio.IIN][]string
	recent   recent
}

// recent remembers the persons of the last recentCap persons before the
// current batch: the participants of a company are drawn from the recent
// adults of the population (synth keeps the last 20,000), so they are in
// the company's batch or shortly before it, whatever the batch cuts.
type recent struct {
	byIIN map[sio.IIN]*sio.Person
	queue []sio.IIN
}

const recentCap = 60_000

func (rc *recent) add(ps []sio.Person) {
	if rc.byIIN == nil {
		rc.byIIN = map[sio.IIN]*sio.Person{}
	}
	for i := range ps {
		p := ps[i] // a copy: the batch is not kept
		rc.byIIN[p.IIN] = &p
		rc.queue = append(rc.queue, p.IIN)
	}
	if over := len(rc.queue) - recentCap; over > 0 {
		for _, iin := range rc.queue[:over] {
			delete(rc.byIIN, iin)
		}
		rc.queue = append(rc.queue[:0], rc.queue[over:]...)
	}
}

// person finds a person of the batch or of the recent ones before it.
func (g *gen) lookup(iin sio.IIN) *sio.Person {
	if p := g.persons[iin]; p != nil {
		return p
	}
	return g.recent.byIIN[iin]
}

// kin is a relative of a person from the civil acts of the batch (a family
// never spans two batches).
type kin struct {
	iin    sio.IIN
	spouse bool
	since  sio.Date // marriage
	until  sio.Date // divorce (zero if none)
}

func (g *gen) index(b *synth.Batch) {
	g.persons = make(map[sio.IIN]*sio.Person, len(b.Persons))
	for i := range b.Persons {
		g.persons[b.Persons[i].IIN] = &b.Persons[i]
	}
	g.kin = map[sio.IIN][]kin{}
	for i := range b.Acts {
		a := &b.Acts[i]
		switch a.Kind {
		case sio.ActMarriage:
			if len(a.Parties) == 2 {
				x, y := a.Parties[0].IIN, a.Parties[1].IIN
				g.kin[x] = append(g.kin[x], kin{iin: y, spouse: true, since: a.Date})
				g.kin[y] = append(g.kin[y], kin{iin: x, spouse: true, since: a.Date})
			}
		case sio.ActDivorce:
			if len(a.Parties) == 2 {
				g.divorce(a.Parties[0].IIN, a.Parties[1].IIN, a.Date)
				g.divorce(a.Parties[1].IIN, a.Parties[0].IIN, a.Date)
			}
		case sio.ActBirth:
			child, parents := birthParties(a)
			for _, p := range parents {
				g.kin[p] = append(g.kin[p], kin{iin: child})
				g.kin[child] = append(g.kin[child], kin{iin: p})
			}
		}
	}
	g.entities = make(map[sio.BIN]*sio.LegalEntity, len(b.Entities))
	for i := range b.Entities {
		g.entities[b.Entities[i].BIN] = &b.Entities[i]
	}
	g.founders = map[sio.BIN][]sio.IIN{}
	for _, f := range b.Founders {
		if f.FounderKind == sio.SubjectPerson {
			g.founders[f.EntityBIN] = append(g.founders[f.EntityBIN], sio.IIN(f.FounderID))
		}
	}
	g.estate = make(map[string]*sio.RealEstate, len(b.Properties))
	for i := range b.Properties {
		g.estate[b.Properties[i].CadastralNumber] = &b.Properties[i]
	}
	g.rightsOf = map[sio.IIN][]string{}
	for _, pr := range b.PropertyRights {
		if pr.HolderKind == sio.SubjectPerson {
			g.rightsOf[sio.IIN(pr.HolderID)] = append(g.rightsOf[sio.IIN(pr.HolderID)], pr.ObjectNumber)
		}
	}
}

func (g *gen) divorce(x, y sio.IIN, d sio.Date) {
	ks := g.kin[x]
	for i := len(ks) - 1; i >= 0; i-- {
		if ks[i].spouse && ks[i].iin == y && ks[i].until.IsZero() {
			ks[i].until = d
			return
		}
	}
}

func birthParties(a *sio.CivilAct) (child sio.IIN, parents []sio.IIN) {
	for _, p := range a.Parties {
		switch p.Role {
		case sio.RoleChild:
			child = p.IIN
		case sio.RoleMother, sio.RoleFather:
			parents = append(parents, p.IIN)
		}
	}
	return child, parents
}

func (g *gen) batch(b *synth.Batch) error {
	facts, err := g.model.Batch(b)
	if err != nil {
		return err
	}
	g.index(b)
	for i := range b.Vehicles {
		g.vehicle(&b.Vehicles[i])
	}
	for i := range b.Acts {
		g.civil(&b.Acts[i])
	}
	for i := range b.Persons {
		g.powerOfAttorney(&b.Persons[i])
	}
	for i := range b.PropertyRights {
		g.purchase(&b.PropertyRights[i])
	}
	for _, in := range facts.Inscriptions {
		g.inscription(in)
	}
	g.recent.add(b.Persons)
	return nil
}

// act registers an act of a notary of the region (KATO) on date.
func (g *gen) act(r *rand.Rand, stream int, date sio.Date, kato string, kind sio.NotarialActKind, summary string) *sio.NotarialAct {
	if _, ok := sio.RegionByKATO(kato); !ok {
		kato = "71"
	}
	name, lic := justice.NotaryRoster(kato).Pick(r)
	no := justice.NotarialNumber(date, kato, stream, g.n.Next(r, strconv.Itoa(stream)+date.Format("06")+kato, 1000))
	g.acts = append(g.acts, sio.NotarialAct{RegistryNumber: no, ActDate: date, Kind: kind, KindRu: kindRu[kind], SummaryRu: summary,
		NotaryName: name, NotaryLicence: lic, RegionKATO: kato})
	return &g.acts[len(g.acts)-1]
}

func (g *gen) party(a *sio.NotarialAct, role sio.NotarialRole, id string, kind sio.SubjectKind, name string) {
	p := sio.NotarialParty{RegistryNumber: a.RegistryNumber, Role: role, RoleRu: roleRu[role], NameRu: name}
	if id != "" {
		p.SubjectID, p.SubjectKind = &id, &kind
	}
	g.parties = append(g.parties, p)
}

func (g *gen) person(a *sio.NotarialAct, role sio.NotarialRole, p *sio.Person) {
	g.party(a, role, string(p.IIN), sio.SubjectPerson, p.FullName())
}

func object(a *sio.NotarialAct, kind sio.NotarialObjectKind, number string) {
	a.ObjectKind, a.ObjectNumber = &kind, &number
}

// term sets the validity of a power of attorney or consent, and revokes a
// few before they expire.
func term(r *rand.Rand, a *sio.NotarialAct, months int) {
	until := sio.Date{Time: a.ActDate.AddDate(0, months, 0)}
	a.ValidUntil = &until
	if synth.Chance(r, 0.06) {
		end := until
		if end.After(synth.Today().Time) {
			end = synth.AddDays(synth.Today(), -1)
		}
		revoked := synth.DateBetween(r, a.ActDate, end)
		a.RevokedAt = &revoked
	}
}

// relative draws an adult, living relative of p (a current spouse, a
// child or a parent); nil if none.
func (g *gen) relative(r *rand.Rand, p *sio.Person) *sio.Person {
	var cands []*sio.Person
	for _, k := range g.kin[p.IIN] {
		q := g.persons[k.iin]
		if q == nil || q.DeathDate != nil || (k.spouse && !k.until.IsZero()) {
			continue
		}
		if synth.AgeAt(q, synth.Today()) >= 18 {
			cands = append(cands, q)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	return cands[r.IntN(len(cands))]
}

func maxDate(ds ...sio.Date) sio.Date {
	m := ds[0]
	for _, d := range ds[1:] {
		if d.After(m.Time) {
			m = d
		}
	}
	return m
}

// window draws a date in [from, yesterday]; ok is false when empty.
func window(r *rand.Rand, from sio.Date) (sio.Date, bool) {
	to := synth.AddDays(synth.Today(), -1)
	if from.After(to.Time) {
		return sio.Date{}, false
	}
	return synth.DateBetween(r, from, to), true
}

func (g *gen) vehicle(v *sio.Vehicle) {
	r := g.k.For(v.VIN)
	desc := v.Make + " " + v.Model + " " + strconv.Itoa(v.Year) + " г.в., VIN " + v.VIN + ", г/н " + v.Plate
	switch v.OwnerKind {
	case sio.SubjectPerson:
		owner := g.persons[sio.IIN(v.OwnerID)]
		if owner == nil || !synth.Chance(r, 0.12) {
			return
		}
		rep := g.relative(r, owner)
		if rep == nil {
			return
		}
		date, ok := window(r, maxDate(v.RegistrationDate, synth.AddYears(rep.BirthDate, 18), enisStart))
		if !ok {
			return
		}
		a := g.act(r, streamVehicles, date, owner.RegionKATO, sio.NotarialVehiclePowerOfAttorney,
			"Доверенность на право управления и распоряжения транспортным средством "+desc+", с правом продажи и снятия с учёта")
		object(a, sio.ObjectVehicle, v.VIN)
		term(r, a, 12*(1+r.IntN(3)))
		g.person(a, sio.NotarialPrincipal, owner)
		g.person(a, sio.NotarialRepresentative, rep)
	case sio.SubjectLegalEntity:
		e := g.entities[sio.BIN(v.OwnerID)]
		if e == nil || !synth.Chance(r, 0.2) {
			return
		}
		var reps []*sio.Person
		for _, f := range g.founders[e.BIN] {
			if q := g.lookup(f); q != nil && q.DeathDate == nil && (e.DirectorIIN == nil || *e.DirectorIIN != f) {
				reps = append(reps, q)
			}
		}
		if len(reps) == 0 {
			return
		}
		rep := reps[r.IntN(len(reps))]
		date, ok := window(r, maxDate(v.RegistrationDate, e.RegistrationDate, enisStart))
		if !ok {
			return
		}
		a := g.act(r, streamVehicles, date, e.RegionKATO, sio.NotarialEntityPowerOfAttorney,
			"Доверенность от имени "+e.NameRu+" на право управления транспортным средством "+desc)
		object(a, sio.ObjectVehicle, v.VIN)
		term(r, a, 12)
		g.party(a, sio.NotarialPrincipal, string(e.BIN), sio.SubjectLegalEntity, e.NameRu)
		g.person(a, sio.NotarialRepresentative, rep)
	}
}

func (g *gen) civil(a *sio.CivilAct) {
	switch a.Kind {
	case sio.ActDeath:
		g.inheritance(a)
	case sio.ActMarriage:
		if len(a.Parties) != 2 || a.Date.Before(enisStart.Time) {
			return
		}
		x, y := g.persons[a.Parties[0].IIN], g.persons[a.Parties[1].IIN]
		r := g.k.For("marriage/" + string(a.Parties[0].IIN) + string(a.Parties[1].IIN))
		if x == nil || y == nil || !synth.Chance(r, 0.015) {
			return
		}
		date, ok := window(r, synth.AddDays(a.Date, -30))
		if !ok {
			return
		}
		if lim := synth.AddYears(a.Date, 5); date.After(lim.Time) {
			date = lim
		}
		act := g.act(r, streamCivil, date, x.RegionKATO, sio.NotarialMarriageContract,
			"Брачный договор об установлении режима раздельной собственности супругов на имущество, приобретённое в браке")
		g.person(act, sio.NotarialSpouse, x)
		g.person(act, sio.NotarialSpouse, y)
	case sio.ActBirth:
		g.travelConsent(a)
	}
}

func (g *gen) inheritance(a *sio.CivilAct) {
	var dead *sio.Person
	for _, p := range a.Parties {
		if p.Role == sio.RoleDeceased {
			dead = g.persons[p.IIN]
		}
	}
	if dead == nil || dead.DeathDate == nil || dead.DeathDate.Before(enisStart.Time) {
		return
	}
	r := g.k.For("inheritance/" + string(dead.IIN))
	var heirs []*sio.Person
	for _, k := range g.kin[dead.IIN] {
		q := g.persons[k.iin]
		if q == nil || (k.spouse && !k.until.IsZero()) || (q.DeathDate != nil && !q.DeathDate.After(dead.DeathDate.Time)) ||
			!q.BirthDate.Before(dead.DeathDate.Time) {
			continue
		}
		if k.spouse || q.BirthDate.After(dead.BirthDate.Time) {
			heirs = append(heirs, q) // the spouse and the children
		}
	}
	if len(heirs) == 0 || !synth.Chance(r, 0.55) {
		return
	}
	date := synth.AddDays(*dead.DeathDate, 183+r.IntN(180))
	if date.After(synth.AddDays(synth.Today(), -1).Time) {
		return
	}
	summary := "Свидетельство о праве на наследство по закону после смерти " + dead.FullName() + ", умершего(ей) " + dead.DeathDate.Format("02.01.2006")
	act := g.act(r, streamCivil, date, dead.RegionKATO, sio.NotarialInheritanceCertificate, summary)
	g.person(act, sio.NotarialTestator, dead)
	for _, h := range heirs {
		g.person(act, sio.NotarialHeir, h)
	}
	if home := g.inherited(dead, heirs); home != nil {
		object(act, sio.ObjectRealEstate, home.CadastralNumber)
		act.SummaryRu += "; наследственное имущество: " + home.Address + " (кадастровый номер " + home.CadastralNumber +
			"), доля каждого наследника 1/" + strconv.Itoa(len(heirs))
	}
}

// inherited is the home the deceased left: the dwelling at the deceased's
// registered address that an heir holds now (the register shows the
// owners after the inheritance). Homes are registered with the household,
// in its batch; other property (a flat let to others, a shop) may come in
// later batches and is left out, so that the acts never depend on batch
// cuts.
func (g *gen) inherited(dead *sio.Person, heirs []*sio.Person) *sio.RealEstate {
	for _, h := range heirs {
		for _, k := range g.rightsOf[h.IIN] {
			if e := g.estate[k]; e != nil && e.Address == dead.Address {
				return e
			}
		}
	}
	return nil
}

func (g *gen) travelConsent(a *sio.CivilAct) {
	child, parents := birthParties(a)
	c := g.persons[child]
	if c == nil || c.DeathDate != nil || len(parents) != 2 || synth.AgeAt(c, synth.Today()) >= 18 {
		return
	}
	r := g.k.For("travel/" + string(child))
	if !synth.Chance(r, 0.07) {
		return
	}
	consenting, accompanying := g.persons[parents[0]], g.persons[parents[1]]
	if synth.Chance(r, 0.4) {
		consenting, accompanying = accompanying, consenting
	}
	if consenting == nil || accompanying == nil || consenting.DeathDate != nil || accompanying.DeathDate != nil {
		return
	}
	date, ok := window(r, maxDate(synth.AddYears(c.BirthDate, 1), enisStart))
	if !ok {
		return
	}
	dest := []string{"Российскую Федерацию", "Турецкую Республику", "Объединённые Арабские Эмираты", "Республику Узбекистан", "Кыргызскую Республику"}[r.IntN(5)]
	act := g.act(r, streamCivil, date, consenting.RegionKATO, sio.NotarialChildTravelConsent,
		"Согласие на выезд несовершеннолетнего ребёнка "+c.FullName()+" в "+dest+" в сопровождении "+accompanying.FullName())
	term(r, act, 1+r.IntN(6))
	g.person(act, sio.NotarialConsenting, consenting)
	g.person(act, sio.NotarialChild, c)
	g.person(act, sio.NotarialRepresentative, accompanying)
}

var poaPurposes = []string{
	"представление интересов в государственных органах, судах и банках второго уровня",
	"оформление наследственных прав",
	"продажу принадлежащего доверителю недвижимого имущества",
	"получение пенсии и социальных выплат",
}

func (g *gen) powerOfAttorney(p *sio.Person) {
	if p.DeathDate != nil {
		return
	}
	r := g.k.For(string(p.IIN))
	if synth.AgeAt(p, synth.Today()) < 18 || !synth.Chance(r, 0.015) {
		return
	}
	rep := g.relative(r, p)
	if rep == nil {
		return
	}
	date, ok := window(r, maxDate(synth.AddYears(p.BirthDate, 18), synth.AddYears(rep.BirthDate, 18), enisStart))
	if !ok {
		return
	}
	a := g.act(r, streamPersons, date, p.RegionKATO, sio.NotarialPowerOfAttorney, "Доверенность на "+poaPurposes[r.IntN(len(poaPurposes))])
	term(r, a, 12*(1+r.IntN(3)))
	g.person(a, sio.NotarialPrincipal, p)
	g.person(a, sio.NotarialRepresentative, rep)
}

// purchase records the sale contract of the home a person bought alone
// (registered since ЕНИС), and the spouse's consent when married.
func (g *gen) purchase(pr *sio.PropertyRight) {
	if pr.HolderKind != sio.SubjectPerson || pr.ShareNumerator != 1 || pr.ShareDenominator != 1 || pr.Since.Before(enisStart.Time) {
		return
	}
	obj, buyer := g.estate[pr.ObjectNumber], g.persons[sio.IIN(pr.HolderID)]
	if obj == nil || buyer == nil || obj.Address != buyer.Address {
		return
	}
	r := g.k.For(pr.HolderID + "/" + pr.ObjectNumber)
	if !synth.Chance(r, 0.3) {
		return
	}
	date := synth.AddDays(pr.Since, -r.IntN(10))
	what := "квартиры"
	if obj.Kind == "HOUSE" {
		what = "жилого дома"
	}
	price := int64(obj.AreaSqm*float64(150_000+r.IntN(450_000))) / 1000 * 1000
	a := g.act(r, streamEstate, date, obj.RegionKATO, sio.NotarialSaleContract,
		"Договор купли-продажи "+what+" по адресу: "+obj.Address+", площадь "+strconv.FormatFloat(obj.AreaSqm, 'f', 1, 64)+
			" кв. м, цена "+strconv.FormatInt(price, 10)+" тенге")
	object(a, sio.ObjectRealEstate, obj.CadastralNumber)
	g.party(a, sio.NotarialSeller, "", "", justice.OfficialName(r))
	g.person(a, sio.NotarialBuyer, buyer)
	for _, k := range g.kin[buyer.IIN] {
		spouse := g.persons[k.iin]
		if !k.spouse || spouse == nil || k.since.After(date.Time) || (!k.until.IsZero() && k.until.Before(date.Time)) || !synth.Chance(r, 0.7) {
			continue
		}
		c := g.act(r, streamEstate, date, obj.RegionKATO, sio.NotarialSpouseConsent,
			"Согласие супруга(и) на приобретение "+what+" по адресу: "+obj.Address)
		object(c, sio.ObjectRealEstate, obj.CadastralNumber)
		g.person(c, sio.NotarialConsenting, spouse)
		g.person(c, sio.NotarialSpouse, buyer)
	}
}

func (g *gen) inscription(in justice.Inscription) {
	g.acts = append(g.acts, sio.NotarialAct{RegistryNumber: in.RegistryNumber, ActDate: in.Date, Kind: sio.NotarialExecutiveInscription,
		KindRu: kindRu[sio.NotarialExecutiveInscription], NotaryName: in.NotaryName, NotaryLicence: in.NotaryLicence, RegionKATO: in.RegionKATO,
		SummaryRu: "О взыскании с " + in.Debtor.FullName() + " в пользу " + in.CreditorName + " задолженности по договору банковского займа в сумме " +
			strings.TrimSuffix(sio.Money(in.AmountTiyn).String(), ".00") + " тенге"})
	a := &g.acts[len(g.acts)-1]
	g.party(a, sio.NotarialCreditor, "", "", in.CreditorName)
	g.person(a, sio.NotarialDebtor, in.Debtor)
}
