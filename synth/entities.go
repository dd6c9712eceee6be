package synth

import (
	"math"

	"sio"
)

// participant is a prospective founder of a new entity.
type participant struct {
	id       string
	kind     sio.SubjectKind
	earliest day // cannot found before (majority, registration of the founder entity)
	ri, li   int
}

func (g *gen) poolParticipant() participant {
	e := g.pool[g.r.IntN(len(g.pool))]
	return participant{id: string(e.iin), kind: sio.SubjectPerson, earliest: e.birth.addYears(18), ri: int(e.reg), li: int(e.loc)}
}

// distinctPool draws n distinct persons from the pool (fewer if the pool is
// smaller), of age to found an entity by latest.
func (g *gen) distinctPool(n int, have []participant, latest day) []participant {
	n = min(n, len(g.pool))
	out := have
	for tries := 0; len(out) < n && tries < 20*n; tries++ {
		c := g.poolParticipant()
		if c.earliest > latest {
			continue
		}
		dup := false
		for _, o := range out {
			if o.id == c.id {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// shares splits 100% among n founders (in hundredths of a percent): the
// usual splits for 1-3 founders, equal parts for more.
func (g *gen) shares(n int) []int {
	switch n {
	case 1:
		return []int{10000}
	case 2:
		return pick(g.r, [][]int{{5000, 5000}, {6000, 4000}, {5100, 4900}, {7000, 3000}, {7500, 2500}})
	case 3:
		return pick(g.r, [][]int{{3400, 3300, 3300}, {4000, 3000, 3000}, {5000, 2500, 2500}, {6000, 2000, 2000}, {5000, 3000, 2000}})
	}
	out := make([]int, n)
	base, rest := 10000/n, 10000%n
	for i := range out {
		out[i] = base
		if i < rest {
			out[i]++
		}
	}
	return out
}

// entityParams describes a new legal entity.
type entityParams struct {
	form       string
	act        *activity
	nameRu     string
	nameKz     string
	founders   []participant
	director   *sio.IIN
	ri, li     int
	lo, hi     day // registration window
	typ, attr  byte
	liquidable bool
}

// newEntity registers an entity with its founders and taxpayer record and
// returns it (a copy) with its registration day.
func (g *gen) newEntity(p entityParams) (sio.LegalEntity, day) {
	// A participant who cannot have founded the entity within its window
	// (under age, or a founder entity registered later) is left out, so
	// that no entity is registered after the snapshot; the earliest-able
	// one stays if none can.
	hi := minDay(p.hi, today-1)
	kept := make([]participant, 0, len(p.founders))
	first := 0
	for i, f := range p.founders {
		if f.earliest <= hi {
			kept = append(kept, f)
		}
		if f.earliest < p.founders[first].earliest {
			first = i
		}
	}
	if len(kept) == 0 && len(p.founders) > 0 {
		kept = append(kept, p.founders[first])
	}
	p.founders = kept
	lo := p.lo
	for _, f := range p.founders {
		lo = maxDay(lo, f.earliest)
	}
	hi = minDay(maxDay(hi, lo), today-1)
	lo = minDay(lo, hi)
	reg := lo + day(float64(hi-lo)*math.Sqrt(g.r.Float64()))
	r := &regions[p.ri]
	l := &r.locs[p.li]
	st, no := g.street(p.ri, p.li)
	addr := l.prefix + ", " + st + ", д. " + itoa(no)
	switch {
	case p.form == formKH:
	case g.r.IntN(100) < 60:
		addr += ", офис " + itoa(1+g.r.IntN(450))
	default:
		addr += ", н.п. " + itoa(1+g.r.IntN(40))
	}
	e := sio.LegalEntity{
		BIN: g.bins.alloc(reg, p.typ, p.attr), NameRu: p.nameRu, NameKz: p.nameKz, LegalForm: p.form,
		RegistrationDate: reg.date(), Status: "ACTIVE", RegionKATO: r.kato, Address: addr,
		ActivityCode: p.act.code, ActivityRu: p.act.nameRu, DirectorIIN: p.director,
	}
	if p.liquidable && reg < today-2*365 && g.r.IntN(100) < 12 {
		e.Status = "LIQUIDATED"
		if g.r.IntN(100) < 50 {
			e.DirectorIIN = nil
		}
	}
	g.b.Entities = append(g.b.Entities, e)
	sh := g.shares(len(p.founders))
	for i, f := range p.founders {
		since := reg
		if len(p.founders) > 1 && g.r.IntN(100) < 10 { // joined later (share purchase)
			since = between(g.r, reg, today-1)
		}
		g.b.Founders = append(g.b.Founders, sio.Founder{EntityBIN: e.BIN, FounderID: f.id, FounderKind: f.kind,
			SharePercent: float64(sh[i]) / 100, Since: since.date()})
	}
	t := sio.Taxpayer{ID: string(e.BIN), Kind: sio.TaxpayerLegalEntity, TaxOfficeCode: l.taxCode, TaxOfficeRu: l.taxName,
		RegisteredAt: minDay(reg+day(g.r.IntN(10)), today-1).date(), Status: "ACTIVE"}
	switch {
	case e.Status == "LIQUIDATED":
		t.Status = "DEREGISTERED"
	case g.r.IntN(100) < 8:
		t.Status = "INACTIVE" // признан бездействующим
	}
	if e.Status == "ACTIVE" {
		switch p.form {
		case formTOO, formAO:
			t.VATPayer = g.r.IntN(100) < 30 || p.form == formAO
		default:
			t.VATPayer = g.r.IntN(100) < 8
		}
	}
	g.taxpayer(t, t.VATPayer)
	if (p.form == formTOO || p.form == formAO) && e.Status == "ACTIVE" {
		en := entEntry{bin: e.BIN, reg: reg, rg: int16(p.ri), loc: int16(p.li)}
		if len(g.ents) < entsCap {
			g.ents = append(g.ents, en)
		} else {
			g.ents[g.entsNext] = en
			g.entsNext = (g.entsNext + 1) % entsCap
		}
	}
	return e, reg
}

func (g *gen) activity(farm bool) *activity {
	for {
		a := &activities[pickCum(g.r, activityCum)]
		if a.farm == farm || !farm && g.r.IntN(100) < 30 {
			return a
		}
	}
}

func quoted(s string) string { return "«" + s + "»" }

// entities creates n legal entities: ТОО (~74%), ИП (~15%), КХ (~8%), АО
// (~3%) with founders and directors among the adults generated so far, and
// their property, land and vehicles.
func (g *gen) entities(n int) {
	if len(g.pool) == 0 {
		return
	}
	for i := 0; i < n; i++ {
		x := g.r.IntN(100)
		switch {
		case x < 23 && len(g.entre) > 0:
			e := g.entre[0]
			g.entre = g.entre[1:]
			g.soleProprietor(e, x >= 15)
		case x < 26:
			g.company(formAO)
		default:
			g.company(formTOO)
		}
	}
}

// entrepreneur is a person registered as an individual entrepreneur who may
// still get an ИП or КХ in ГБД ЮЛ.
type entrepreneur struct {
	iin      sio.IIN
	birth    day
	reg, loc int16
	lastName string
}

const entreCap = 2000

// soleProprietor registers an ИП (or a КХ, peasant farm) of an entrepreneur.
func (g *gen) soleProprietor(p entrepreneur, farm bool) {
	ri, li := int(p.reg), int(p.loc)
	iin := p.iin
	self := holder{id: string(iin), kind: sio.SubjectPerson, num: 1, den: 1, earliest: p.birth.addYears(18)}
	f := participant{id: string(iin), kind: sio.SubjectPerson, earliest: self.earliest, ri: ri, li: li}
	ep := entityParams{founders: []participant{f}, director: &iin, ri: ri, li: li, lo: mkDay(1995, 1, 1), hi: today - 1,
		typ: sio.BINIndividualEnt, attr: sio.BINHeadOffice, liquidable: true}
	if farm {
		ep.form, ep.act = formKH, g.activity(true)
		w := pick(g.r, brandWords)
		ep.nameRu, ep.nameKz = "КХ "+quoted(w), quoted(w)+" ШҚ"
		ep.attr = sio.BINPeasantFarm
	} else {
		ep.form, ep.act = formIP, g.activity(false)
		ep.nameRu, ep.nameKz = "ИП "+p.lastName, p.lastName+" ЖК"
	}
	e, reg := g.newEntity(ep)
	if e.Status != "ACTIVE" {
		return
	}
	if farm {
		cad := g.plotNumber(ri, li)
		hs := []holder{{id: string(e.BIN), kind: sio.SubjectLegalEntity, num: 1, den: 1, earliest: reg}}
		if g.r.IntN(100) < 50 {
			hs = []holder{self}
		}
		u := g.r.Float64()
		g.plot(sio.LandPlot{CadastralNumber: cad, AreaHa: math.Round((20+u*u*2000)*100) / 100, Category: landAgricultural,
			Purpose: purposeFarm, RegionKATO: e.RegionKATO, Address: regions[ri].locs[li].prefix + ", уч. " + itoa(1+g.r.IntN(900)),
			Divisible: true}, reg, rightTempLandUse, hs)
		if g.r.IntN(100) < 40 {
			for k := 1 + g.r.IntN(2); k > 0; k-- {
				g.vehicle(string(e.BIN), sio.SubjectLegalEntity, ri, reg, true)
			}
		}
	} else if g.r.IntN(100) < 15 {
		// the entrepreneur's shop, owned personally
		g.commercial(ri, li, reg, []holder{self}, "магазин")
	}
}

// company registers a ТОО or an АО.
func (g *gen) company(form string) {
	nf := 1 + pickCum(g.r, []int{60, 87, 100})
	founders := g.distinctPool(nf, nil, today-1)
	entP := 4
	if form == formAO {
		entP = 35
	}
	if len(g.ents) > 0 && g.r.IntN(100) < entP {
		e := g.ents[g.r.IntN(len(g.ents))]
		founders[len(founders)-1] = participant{id: string(e.bin), kind: sio.SubjectLegalEntity, earliest: e.reg + 30, ri: int(e.rg), li: int(e.loc)}
	}
	var dir *sio.IIN
	ri, li := founders[0].ri, founders[0].li
	switch x := g.r.IntN(100); {
	case x < 5:
	case x < 70 && founders[0].kind == sio.SubjectPerson && form == formTOO:
		iin := sio.IIN(founders[0].id)
		dir = &iin
	default:
		d := g.poolParticipant()
		iin := sio.IIN(d.id)
		dir = &iin
		if founders[0].kind != sio.SubjectPerson {
			ri, li = d.ri, d.li
		}
	}
	a := g.activity(false)
	name := pick(g.r, brandWords) + " " + pick(g.r, a.words)
	e, reg := g.newEntity(entityParams{form: form, act: a, nameRu: form + " " + quoted(name), nameKz: quoted(name) + " " + formKz[form],
		founders: founders, director: dir, ri: ri, li: li, lo: mkDay(1992, 6, 1), hi: today - 1,
		typ: sio.BINResident, attr: sio.BINHeadOffice, liquidable: true})
	if e.Status != "ACTIVE" {
		return
	}
	own := []holder{{id: string(e.BIN), kind: sio.SubjectLegalEntity, num: 1, den: 1, earliest: reg}}
	if g.r.IntN(100) < 30 || form == formAO {
		g.commercial(ri, li, reg, own, pick(g.r, []string{"офис", "склад", "магазин", "производственная база"}))
	}
	if g.r.IntN(100) < 15 {
		cad := g.plotNumber(ri, li)
		right := rightTempLandUse
		if g.r.IntN(100) < 30 {
			right = rightPrivateLand
		}
		purpose := purposeIndustry
		if g.r.IntN(100) < 40 {
			purpose = purposeCommerce
		}
		g.plot(sio.LandPlot{CadastralNumber: cad, AreaHa: math.Round((0.1+g.r.Float64()*4.9)*10000) / 10000, Category: landIndustrial,
			Purpose: purpose, RegionKATO: e.RegionKATO, Address: e.Address, Divisible: g.r.IntN(100) < 30}, reg, right, own)
	}
	if a.code == "68201" {
		for k := 2 + g.r.IntN(4); k > 0; k-- {
			b := g.apartment(ri, g.pickLoc(ri))
			rooms := 1 + pickCum(g.r, aptRoomsCum)
			g.property(sio.RealEstate{CadastralNumber: b.cad + "/" + itoa(b.next), Kind: kindApartment, RegionKATO: regions[ri].kato,
				Address: b.addr + ", кв. " + itoa(b.next), AreaSqm: aptArea(g.r, rooms, b.year), Rooms: rooms, YearBuilt: b.year},
				b.regAt, maxDay(b.regAt, reg), rightOwnership, own)
		}
	}
	if g.r.IntN(100) < 35 || form == formAO {
		for k := 1 + g.r.IntN(4); k > 0; k-- {
			g.vehicle(string(e.BIN), sio.SubjectLegalEntity, ri, reg, true)
		}
	}
}

// commercial registers a non-residential building on its own plot.
func (g *gen) commercial(ri, li int, since day, hs []holder, what string) {
	cad := g.plotNumber(ri, li) + ":1"
	st, no := g.street(ri, li)
	y := g.yearBuilt()
	area := 40 + g.r.Float64()*g.r.Float64()*2500
	if what == "офис" || what == "магазин" {
		area = 30 + g.r.Float64()*300
	}
	regAt := g.registeredAt(y)
	g.property(sio.RealEstate{CadastralNumber: cad, Kind: kindNonResidential, RegionKATO: regions[ri].kato,
		Address: regions[ri].locs[li].prefix + ", " + st + ", д. " + itoa(no), AreaSqm: math.Round(area*10) / 10,
		Rooms: 1 + g.r.IntN(12), YearBuilt: y}, regAt, maxDay(since, regAt), rightOwnership, hs)
}

// hub registers a holding company whose ~50 founders are partnerships with
// ~50 participants each: the link-analysis benchmark's hub (~50 first-level
// neighbours with ~50 neighbours each).
func (g *gen) hub() {
	if len(g.pool) == 0 {
		return
	}
	ri := regionIdx["71"]
	if g.r.IntN(2) == 0 {
		ri = regionIdx["75"]
	}
	li := g.pickLoc(ri)
	tier := 48 + g.r.IntN(5)
	subs := make([]participant, 0, tier)
	latest := mkDay(2005, 1, 1)
	for k := 0; k < tier; k++ {
		founders := g.distinctPool(45+g.r.IntN(11), nil, mkDay(2018, 12, 31))
		a := g.activity(true)
		name := pick(g.r, brandWords) + " " + pick(g.r, a.words)
		sri, sli := founders[0].ri, founders[0].li
		dir := sio.IIN(founders[0].id)
		e, reg := g.newEntity(entityParams{form: formTOO, act: a, nameRu: "ТОО " + quoted(name), nameKz: quoted(name) + " ЖШС",
			founders: founders, director: &dir, ri: sri, li: sli, lo: mkDay(2005, 1, 1), hi: mkDay(2018, 12, 31),
			typ: sio.BINResident, attr: sio.BINHeadOffice})
		latest = maxDay(latest, reg)
		subs = append(subs, participant{id: string(e.BIN), kind: sio.SubjectLegalEntity, earliest: reg + 30, ri: sri, li: sli})
	}
	d := g.poolParticipant()
	dir := sio.IIN(d.id)
	name := holdingWords[g.hubsDone%len(holdingWords)]
	if g.hubsDone >= len(holdingWords) {
		name += " " + itoa(g.hubsDone/len(holdingWords)+1)
	}
	e, reg := g.newEntity(entityParams{form: formAO, act: &activity{code: holdingOKED, nameRu: holdingActivity},
		nameRu: "АО " + quoted(name), nameKz: quoted(name) + " АҚ", founders: subs, director: &dir, ri: ri, li: li,
		lo: latest + 30, hi: today - 1, typ: sio.BINResident, attr: sio.BINHeadOffice})
	g.commercial(ri, li, reg, []holder{{id: string(e.BIN), kind: sio.SubjectLegalEntity, num: 1, den: 1, earliest: reg}}, "офис")
}
