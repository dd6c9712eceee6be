package synth

import (
	"sio"
)

// pinfo is what the generator remembers about a person of the current
// batch besides the emitted record.
type pinfo struct {
	birth, death, lastEvent day
	male, kzPat, entre      bool
	eth                     ethnos
	name                    maleName // own first name (for children's patronymics)
	surname                 string   // masculine base form of the surname
	hh                      int32    // household (index into g.hhs of the clan)
	spouse                  int32    // current spouse, -1 if none
}

func (p *pinfo) alive() bool { return p.death == 0 }

// regional ethnic mix: a group is more frequent in the regions listed.
var ethnosRegions = map[ethnos][]string{
	ethRussian:    {"59", "55", "39", "11", "35", "63", "71", "75"},
	ethUzbek:      {"61", "79"},
	ethUkrainian:  {"39", "11", "59", "55", "35"},
	ethUyghur:     {"75", "19", "33"},
	ethGerman:     {"39", "11", "55", "35", "59"},
	ethTatar:      {"35", "55", "63", "75"},
	ethKorean:     {"75", "31", "43", "35"},
	ethBelarusian: {"39", "11", "59"},
}

// regionEthCum holds per-region cumulative ethnic weights: the national
// weights, the groups listed for a region tripled there, Kazakhs weighted by
// how Kazakh the region is (south and west more, north less).
var regionEthCum = buildRegionEthnos()

func buildRegionEthnos() (out [][]int) {
	north := map[string]bool{"59": true, "55": true, "39": true, "11": true, "35": true, "63": true}
	south := map[string]bool{"61": true, "43": true, "23": true, "47": true, "31": true, "79": true, "27": true, "15": true, "62": true}
	for _, r := range regions {
		w := make([]int, nEthnos)
		for e := ethnos(0); e < nEthnos; e++ {
			w[e] = ethnoses[e].weight
			for _, k := range ethnosRegions[e] {
				if k == r.kato {
					w[e] *= 3
				}
			}
		}
		switch {
		case north[r.kato]:
			w[ethKazakh] = w[ethKazakh] * 2 / 3
		case south[r.kato]:
			w[ethKazakh] *= 3
		}
		out = append(out, cumulative(w))
	}
	return out
}

func (g *gen) pickRegion() (int, int) {
	ri := pickCum(g.r, regionCum)
	return ri, pickCum(g.r, regions[ri].locCum)
}

func (g *gen) pickLoc(ri int) int { return pickCum(g.r, regions[ri].locCum) }

// rootBirth draws the birth date of the husband of a clan's root couple.
var rootYearCum = cumulative([]int{6, 14, 22, 26, 26, 22, 16, 10, 5, 2})

func (g *gen) rootBirth() day {
	dec := pickCum(g.r, rootYearCum) // 5-year buckets 1940-44 … 1985-89
	y := 1940 + dec*5 + g.r.IntN(5)
	return mkDay(y, 1, 1) + day(g.r.IntN(365))
}

func (g *gen) childrenCount(e ethnos, motherBirth day) int {
	var w []int
	switch e {
	case ethKazakh, ethUzbek, ethUyghur:
		if motherBirth.year() < 1960 {
			w = []int{3, 6, 12, 20, 22, 18, 12, 7}
		} else {
			w = []int{5, 12, 24, 30, 18, 8, 3}
		}
	default:
		w = []int{10, 35, 38, 12, 4, 1}
	}
	return pickCum(g.r, cumulative(w))
}

// person creates the record and info of a person; -1 when the batch is
// full. surname is the masculine base; fatherName the name the patronymic
// is made from.
func (g *gen) person(budget *int, e ethnos, male bool, birth day, hh int, surname string, father maleName, kzPat bool, birthReg, birthLoc int, citizenship string) int {
	if *budget <= 0 {
		return -1
	}
	*budget--
	info := pinfo{male: male, eth: e, surname: surname, hh: int32(hh), spouse: -1}
	eth := &ethnoses[e]
	p := sio.Person{Nationality: eth.nationality, Citizenship: citizenship}
	if male {
		info.name = pick(g.r, eth.male)
		p.FirstName = info.name.name
		p.LastName = surname
		p.Gender = sio.Male
		info.kzPat = eth.kazakhPat && g.r.IntN(100) < 45
	} else {
		p.FirstName = pick(g.r, eth.female)
		p.LastName = surname
		if eth.gendered {
			p.LastName = feminine(surname)
		}
		p.Gender = sio.Female
	}
	p.MiddleName = patronymic(father, male, kzPat)
	iin, b := g.iins.alloc(birth, male)
	p.IIN, p.BirthDate = iin, b.date()
	info.birth, info.lastEvent = b, b
	p.BirthPlace = g.birthPlace(e, b, birthReg, birthLoc, citizenship)
	g.b.Persons = append(g.b.Persons, p)
	g.ps = append(g.ps, info)
	return len(g.ps) - 1
}

// adult creates a person without known parents (root or in-law).
func (g *gen) adult(budget *int, e ethnos, male bool, birth day, hh int, citizenship string) int {
	e = ethnosOfCitizenship(citizenship, e)
	eth := &ethnoses[e]
	father := pick(g.r, eth.male)
	kz := false
	if eth.kazakhPat {
		p := 10
		switch y := birth.year(); {
		case y >= 1995:
			p = 55
		case y >= 1980:
			p = 25
		}
		kz = g.r.IntN(100) < p
	}
	h := &g.hhs[hh]
	br, bl := int(h.reg), int(h.loc)
	if g.r.IntN(100) < 35 { // born elsewhere
		br, bl = g.pickRegion()
	}
	return g.person(budget, e, male, birth, hh, pick(g.r, eth.surnames), father, kz, br, bl, citizenship)
}

// child creates a child of a couple in their household.
func (g *gen) child(budget *int, father, mother int, birth day, hh int) int {
	f := &g.ps[father]
	e := f.eth
	if ethnoses[g.ps[mother].eth].nationality != ethnoses[e].nationality && g.r.IntN(100) < 30 {
		e = g.ps[mother].eth
	}
	h := &g.hhs[hh]
	c := g.person(budget, e, g.r.IntN(100) < 51, birth, hh, f.surname, f.name, f.kzPat, int(h.reg), int(h.loc), "KZ")
	if c < 0 {
		return -1
	}
	// The child's surname is the father's (even in a mixed family).
	if g.ps[c].male || !ethnoses[f.eth].gendered {
		g.b.Persons[c].LastName = f.surname
	} else {
		g.b.Persons[c].LastName = feminine(f.surname)
	}
	g.ps[c].surname = f.surname
	g.ps[c].eth = f.eth
	g.b.Persons[c].Nationality = ethnoses[f.eth].nationality
	act := g.act(sio.ActBirth, g.ps[c].birth+day(1+g.r.IntN(25)), hh)
	act.Parties = []sio.CivilParty{
		{ActID: act.ID, Role: sio.RoleChild, IIN: g.b.Persons[c].IIN},
		{ActID: act.ID, Role: sio.RoleMother, IIN: g.b.Persons[mother].IIN},
		{ActID: act.ID, Role: sio.RoleFather, IIN: g.b.Persons[father].IIN},
	}
	g.ps[father].lastEvent = maxDay(g.ps[father].lastEvent, act.dateDay)
	g.ps[mother].lastEvent = maxDay(g.ps[mother].lastEvent, act.dateDay)
	g.flushAct(act)
	return c
}

// pendingAct is an act being built (its date as a day for bookkeeping).
type pendingAct struct {
	sio.CivilAct
	dateDay day
}

func (g *gen) act(kind sio.CivilActKind, d day, hh int) *pendingAct {
	d = minDay(d, today)
	h := &g.hhs[hh]
	r := &regions[h.reg]
	l := &r.locs[h.loc]
	g.actID++
	ki := int64(0)
	switch kind {
	case sio.ActMarriage:
		ki = 1
	case sio.ActDivorce:
		ki = 2
	case sio.ActDeath:
		ki = 3
	}
	k := (int64(h.reg)*4+ki)*10000 + int64(d.year())
	g.actNum[k]++
	return &pendingAct{CivilAct: sio.CivilAct{
		ID: g.actID, Kind: kind, Number: itoa(int(g.actNum[k])), Date: d.date(),
		RegistryOffice: l.zags, RegionKATO: r.kato,
	}, dateDay: d}
}

func (g *gen) flushAct(a *pendingAct) { g.b.Acts = append(g.b.Acts, a.CivilAct) }

// marry registers a marriage; the wife may take the husband's surname.
func (g *gen) marry(h, w int, d day, hh int) {
	a := g.act(sio.ActMarriage, d, hh)
	a.Parties = []sio.CivilParty{
		{ActID: a.ID, Role: sio.RoleSpouse, IIN: g.b.Persons[h].IIN},
		{ActID: a.ID, Role: sio.RoleSpouse, IIN: g.b.Persons[w].IIN},
	}
	g.flushAct(a)
	for _, x := range []int{h, w} {
		g.ps[x].lastEvent = maxDay(g.ps[x].lastEvent, d)
		g.ps[x].hh = int32(hh)
	}
	g.ps[h].spouse, g.ps[w].spouse = int32(w), int32(h)
	take := 70
	switch g.ps[w].eth {
	case ethKazakh:
		take = 50
	case ethRussian, ethUkrainian, ethBelarusian, ethGerman:
		take = 85
	}
	if g.r.IntN(100) < take {
		if ethnoses[g.ps[h].eth].gendered {
			g.b.Persons[w].LastName = feminine(g.ps[h].surname)
		} else {
			g.b.Persons[w].LastName = g.ps[h].surname
		}
	}
	hd := &g.hhs[hh]
	hd.head, hd.spouse = int32(h), int32(w)
}

func (g *gen) divorce(h, w int, d day, hh int) {
	a := g.act(sio.ActDivorce, d, hh)
	a.Parties = []sio.CivilParty{
		{ActID: a.ID, Role: sio.RoleSpouse, IIN: g.b.Persons[h].IIN},
		{ActID: a.ID, Role: sio.RoleSpouse, IIN: g.b.Persons[w].IIN},
	}
	g.flushAct(a)
	g.ps[h].lastEvent = maxDay(g.ps[h].lastEvent, a.dateDay)
	g.ps[w].lastEvent = maxDay(g.ps[w].lastEvent, a.dateDay)
	g.ps[h].spouse, g.ps[w].spouse = -1, -1
	hd := &g.hhs[hh]
	hd.head, hd.spouse = int32(w), -1
}

func (g *gen) spouseEthnos(e ethnos, ri int) ethnos {
	if g.r.IntN(100) < 88 {
		return e
	}
	return ethnos(pickCum(g.r, regionEthCum[ri]))
}

// clan generates a family tree rooted at one couple (or a single person)
// with at most budget persons, then everything hanging on its members.
func (g *gen) clan(budget int) {
	g.hhs = g.hhs[:0]
	start := len(g.ps)
	defer func() { g.afterClan(len(g.ps) - start) }()
	ri, li := g.pickRegion()
	e := ethnos(pickCum(g.r, regionEthCum[ri]))
	hb := g.rootBirth()
	if budget < 2 || g.r.IntN(100) < 4 {
		g.single(&budget, ri, li, e, hb)
		g.finishClan(start)
		return
	}
	wb := hb + day(g.r.IntN(7*365)) - 365 // wife 1 year older … 6 years younger
	if wb < firstBirth {
		wb = firstBirth + day(g.r.IntN(365))
	}
	lo := maxDay(hb.addYears(20), wb.addYears(18))
	md := maxDay(lo, wb.addYears(19+g.r.IntN(9))) + day(g.r.IntN(365))
	if md >= today {
		if lo >= today {
			g.single(&budget, ri, li, e, hb)
			g.finishClan(start)
			return
		}
		md = between(g.r, lo, today-1)
	}
	hh := g.newHousehold(ri, li, md)
	h := g.adult(&budget, e, true, hb, hh, "KZ")
	w := g.adult(&budget, g.spouseEthnos(e, ri), false, wb, hh, g.citizenship())
	g.marry(h, w, md, hh)
	g.family(&budget, h, w, md, hh, 0)
	g.finishClan(start)
}

// citizenship of an in-law: a few are foreign citizens.
// citizenship draws the citizenship of a spouse married into a clan: ~1.5%
// foreign. The first such spouse after the first 100 persons is foreign if
// none was yet, so that every population holds foreign residents.
func (g *gen) citizenship() string {
	if g.r.IntN(1000) < 15 || (g.foreigners == 0 && g.personsDone >= 100) {
		g.foreigners++
		return pick(g.r, foreignCitizenships)
	}
	return "KZ"
}

var foreignCitizenships = []string{"RU", "UZ", "KG", "CN"}

// ethnosOfCitizenship is the group of a foreign citizen.
func ethnosOfCitizenship(c string, e ethnos) ethnos {
	switch c {
	case "RU":
		return ethRussian
	case "UZ":
		return ethUzbek
	case "KG", "CN":
		return ethKazakh
	}
	return e
}

// single creates a lone adult (possibly a foreign citizen).
func (g *gen) single(budget *int, ri, li int, e ethnos, birth day) {
	if birth.addYears(18) > today {
		birth = today.addYears(-18-g.r.IntN(40)) - day(g.r.IntN(365))
	}
	hh := g.newHousehold(ri, li, maxDay(birth.addYears(20), mkDay(1992, 1, 1)))
	cit := "KZ"
	if g.r.IntN(100) < 12 {
		cit = pick(g.r, foreignCitizenships)
	}
	p := g.adult(budget, e, g.r.IntN(100) < 50, birth, hh, cit)
	if p >= 0 {
		g.hhs[hh].head = int32(p)
	}
}

// family generates the children of a married couple, a possible divorce
// (and the husband's remarriage) and the adult lives of the children.
func (g *gen) family(budget *int, h, w int, md day, hh int, depth int) {
	hp, wp := &g.ps[h], &g.ps[w]
	var div day
	if md < today-2*365 && g.r.IntN(100) < 14 {
		div = between(g.r, md+365, minDay(md.addYears(22), today-1))
	}
	end := minDay(minDay(hp.birth.addYears(40), wp.birth.addYears(40)), lastBirth)
	if div != 0 {
		end = minDay(end, div-30)
	}
	b := maxDay(maxDay(md+day(280+g.r.IntN(500)), hp.birth.addYears(20)), wp.birth.addYears(20))
	n := g.childrenCount(hp.eth, wp.birth)
	var kids []int
	for len(kids) < n && b <= end {
		c := g.child(budget, h, w, b, hh)
		if c < 0 {
			break
		}
		kids = append(kids, c)
		b += day(330 + g.r.IntN(4*365))
	}
	if div != 0 {
		g.divorce(h, w, div, hh)
		hp := &g.ps[h]
		h2 := g.newHousehold(int(g.hhs[hh].reg), g.moveLoc(int(g.hhs[hh].reg), int(g.hhs[hh].loc)), div)
		g.hhs[h2].head = int32(h)
		hp.hh = int32(h2)
		if *budget > 0 && hp.birth.ageAt(div) < 50 && depth < 3 && g.r.IntN(100) < 40 {
			m2 := between(g.r, div+180, minDay(div+6*365, today-1))
			if m2 < today && m2 > div {
				wb := maxDay(hp.birth+day(g.r.IntN(10*365)), m2.addYears(-35))
				if wb.addYears(18) < m2 {
					nw := g.adult(budget, g.spouseEthnos(hp.eth, int(g.hhs[h2].reg)), false, wb, h2, g.citizenship())
					if nw >= 0 {
						g.marry(h, nw, m2, h2)
						g.family(budget, h, nw, m2, h2, depth+1)
					}
				}
			}
		}
	}
	for _, c := range kids {
		g.grownUp(budget, c, depth)
	}
}

// moveLoc returns the locality a new household of a family of (ri, li)
// settles in: mostly the same one.
func (g *gen) moveLoc(ri, li int) int {
	if g.r.IntN(100) < 80 {
		return li
	}
	return g.pickLoc(ri)
}

// grownUp marries an adult child (with a spouse from outside the clan) or
// moves them into their own household.
func (g *gen) grownUp(budget *int, c int, depth int) {
	cp := &g.ps[c]
	age := cp.birth.ageAt(today)
	if age < 18 {
		return
	}
	p := 0
	switch {
	case age < 22:
		p = 12
	case age < 27:
		p = 48
	case age < 35:
		p = 75
	default:
		p = 86
	}
	ri, li := int(g.hhs[cp.hh].reg), int(g.hhs[cp.hh].loc)
	if g.r.IntN(100) < 18 {
		ri, li = g.pickRegion() // moves to another region (mostly the big cities)
	} else {
		li = g.moveLoc(ri, li)
	}
	if *budget > 0 && g.r.IntN(100) < p {
		var hb, wb day
		if cp.male {
			hb = cp.birth
			wb = hb + day(g.r.IntN(6*365))
		} else {
			wb = cp.birth
			hb = wb - day(g.r.IntN(7*365)) + 365
		}
		lo := maxDay(hb.addYears(20), wb.addYears(18))
		md := maxDay(lo, wb.addYears(19+g.r.IntN(10))) + day(g.r.IntN(365))
		if md >= today {
			md = between(g.r, lo, today-1)
		}
		if lo < today && wb.addYears(18) <= today && hb >= firstBirth {
			hh := g.newHousehold(ri, li, md)
			var h, w int
			if cp.male {
				h = c
				w = g.adult(budget, g.spouseEthnos(cp.eth, ri), false, wb, hh, g.citizenship())
			} else {
				w = c
				h = g.adult(budget, g.spouseEthnos(cp.eth, ri), true, hb, hh, g.citizenship())
			}
			if h >= 0 && w >= 0 {
				g.marry(h, w, md, hh)
				g.family(budget, h, w, md, hh, depth+1)
				return
			}
			g.ps[c].hh = int32(hh)
			g.hhs[hh].head = int32(c)
			return
		}
	}
	if age >= 23 && g.r.IntN(100) < 45 {
		hh := g.newHousehold(ri, li, cp.birth.addYears(23))
		g.hhs[hh].head = int32(c)
		g.ps[c].hh = int32(hh)
	}
}

// mortality per birth decade 1940s … 2020s, per mille, men (women: ×0.7).
var mortality = []int{700, 480, 250, 110, 45, 22, 10, 4, 0}

// deaths decides who of the clan has died and registers the deaths.
func (g *gen) deaths(start int) {
	for i := start; i < len(g.ps); i++ {
		p := &g.ps[i]
		dec := (p.birth.year() - 1940) / 10
		dec = max(0, min(dec, len(mortality)-1))
		pm := mortality[dec]
		if !p.male {
			pm = pm * 7 / 10
		}
		if g.r.IntN(1000) >= pm {
			continue
		}
		lo := maxDay(p.lastEvent+30, p.birth.addYears(18))
		if p.birth.year() < 1965 {
			lo = maxDay(lo, p.birth.addYears(50))
		}
		if lo >= today-10 {
			continue
		}
		// skew towards recent years for the old
		d := lo + day(float64(today-10-lo)*(1-g.r.Float64()*g.r.Float64()))
		p.death = d
		g.b.Persons[i].DeathDate = d.datePtr()
		a := g.act(sio.ActDeath, d+day(1+g.r.IntN(4)), int(p.hh))
		a.Parties = []sio.CivilParty{{ActID: a.ID, Role: sio.RoleDeceased, IIN: g.b.Persons[i].IIN}}
		g.flushAct(a)
	}
}

// birthPlace is the place of birth as recorded: Soviet-era names before
// 1992, abroad for some older non-Kazakhs and for foreign citizens.
func (g *gen) birthPlace(e ethnos, b day, ri, li int, citizenship string) string {
	switch citizenship {
	case "RU", "UZ", "KG":
		return pick(g.r, foreignBirthPlaces[citizenship])
	case "CN":
		return "Китайская Народная Республика, Синьцзян-Уйгурский автономный район"
	}
	y := b.year()
	if ab := ethnoses[e].abroad; ab != "" && y < 1975 && g.r.IntN(100) < 25 {
		return pick(g.r, foreignBirthPlaces[ab])
	}
	country := "Казахстан"
	if y < 1992 {
		country = "Казахская ССР"
	}
	r := &regions[ri]
	if r.city {
		name := r.short
		for _, o := range r.oldNames {
			if y < o.before {
				name = o.name
				break
			}
		}
		return country + ", " + name
	}
	l := &r.locs[li]
	town := l.name
	switch {
	case town == "г. Конаев" && y < 2022:
		town = "г. Капчагай"
	case town == "г. Алтай" && y < 2019:
		town = "г. Зыряновск"
	case town == "г. Семей" && y < 2007:
		town = "г. Семипалатинск"
	}
	return country + ", " + r.nameRu + ", " + town
}
