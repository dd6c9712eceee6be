package synth

import (
	"math"
	"math/rand/v2"

	"sio"
)

// locState is the allocation state of one locality: the cadastral plot
// counter, the apartment building being filled, house numbers per street,
// the garage cooperative being filled.
type locState struct {
	plotN   int
	overrun int // DDD offset after the district's quarters are used up
	bld     building
	houseNo []int32
	garage  building
}

type building struct {
	cad, addr string
	year      int
	units     int // apartments (or garage boxes)
	next      int
	regAt     day
}

func (s *locState) init(r *rand.Rand, l locality) {
	n := len(cityStreets)
	if l.kind == locVillage {
		n = len(villageStreets)
	}
	s.plotN = r.IntN(plotsPerQuarter * 300)
	s.houseNo = make([]int32, n)
	for i := range s.houseNo {
		s.houseNo[i] = int32(r.IntN(8))
	}
}

const plotsPerQuarter = 150

// plotNumber allocates the next cadastral plot number "RR:DDD:QQQ:PPP" of a
// locality.
func (g *gen) plotNumber(ri, li int) string {
	s := &g.locs[ri][li]
	s.plotN += 1 + g.r.IntN(3)
	const perQuarter = plotsPerQuarter
	q := s.plotN/perQuarter + 1
	if q > 999 {
		s.overrun += 500
		s.plotN = 1
		q = 1
	}
	ddd := (regions[ri].locs[li].cadDDD + s.overrun) % 1000
	return pad(regions[ri].cadRR, 2) + ":" + pad(ddd, 3) + ":" + pad(q, 3) + ":" + pad(s.plotN%perQuarter+1, 3)
}

func (g *gen) street(ri, li int) (string, int) {
	s := &g.locs[ri][li]
	streets := cityStreets
	if regions[ri].locs[li].kind == locVillage {
		streets = villageStreets
	}
	k := g.r.IntN(len(streets))
	s.houseNo[k] += int32(1 + g.r.IntN(3))
	return streets[k], int(s.houseNo[k])
}

// yearBuilt draws a construction year (housing stock of Kazakhstan: much
// Soviet-era, a boom after 2005).
var builtCum = cumulative([]int{3, 8, 14, 16, 12, 5, 8, 16, 18})

func (g *gen) yearBuilt() int {
	k := pickCum(g.r, builtCum) // 1950s, 1960s, 1970s, 1980s, 1990-99, 2000-04, 2005-09, 2010-17, 2018-24
	starts := []int{1950, 1960, 1970, 1980, 1990, 2000, 2005, 2010, 2018}
	spans := []int{10, 10, 10, 10, 10, 5, 5, 8, 7}
	return starts[k] + g.r.IntN(spans[k])
}

// registeredAt is when an object built in year y entered the register.
func (g *gen) registeredAt(y int) day {
	lo := maxDay(mkDay(y, 6, 1), mkDay(1995, 1, 1)+day(g.r.IntN(4*365)))
	return minDay(lo+day(g.r.IntN(200)), today-1)
}

// household is a dwelling with the persons registered in it.
type household struct {
	reg, loc     int16
	apt          bool
	addr         string
	cad, plotCad string // the dwelling and, for a house, its plot
	area         float64
	plotHa       float64
	rooms, year  int
	regAt        day
	formed       day
	head, spouse int32
}

// newHousehold creates a household with its dwelling (an apartment in a
// building of the locality, or a house on its own plot).
func (g *gen) newHousehold(ri, li int, formed day) int {
	l := &regions[ri].locs[li]
	h := household{reg: int16(ri), loc: int16(li), formed: formed, head: -1, spouse: -1}
	aptShare := 85
	switch l.kind {
	case locTown:
		aptShare = 55
	case locVillage:
		aptShare = 0
	}
	if g.r.IntN(100) < aptShare {
		h.apt = true
		b := g.apartment(ri, li)
		h.cad = b.cad + "/" + itoa(b.next)
		h.addr = b.addr + ", кв. " + itoa(b.next)
		h.year, h.regAt = b.year, b.regAt
		h.rooms = 1 + pickCum(g.r, aptRoomsCum)
		h.area = aptArea(g.r, h.rooms, h.year)
	} else {
		h.plotCad = g.plotNumber(ri, li)
		h.cad = h.plotCad + ":1"
		st, no := g.street(ri, li)
		h.addr = l.prefix + ", " + st + ", д. " + itoa(no)
		h.year = g.yearBuilt()
		h.regAt = g.registeredAt(h.year)
		h.rooms = 3 + g.r.IntN(5)
		h.area = math.Round((55+float64(h.rooms)*18+float64(g.r.IntN(60)))*10) / 10
		h.plotHa = float64(500+g.r.IntN(1100)) / 10000
		if l.kind == locVillage {
			h.plotHa = float64(1000+g.r.IntN(2500)) / 10000
		}
	}
	g.hhs = append(g.hhs, h)
	return len(g.hhs) - 1
}

var aptRoomsCum = cumulative([]int{22, 36, 30, 12})

func aptArea(r *rand.Rand, rooms, year int) float64 {
	var base []float64
	switch {
	case year < 1970:
		base = []float64{30, 44, 56, 68}
	case year < 1992:
		base = []float64{34, 50, 65, 80}
	default:
		base = []float64{40, 62, 88, 115}
	}
	a := base[rooms-1] * (0.9 + 0.2*r.Float64())
	return math.Round(a*10) / 10
}

// apartment returns the building of the locality with a free apartment
// (next is the apartment number to use).
func (g *gen) apartment(ri, li int) *building {
	s := &g.locs[ri][li]
	b := &s.bld
	if b.cad == "" || b.next >= b.units {
		y := g.yearBuilt()
		floors := 5
		switch {
		case y >= 2005:
			floors = pick(g.r, []int{9, 12, 16, 9, 7})
		case y >= 1975:
			floors = pick(g.r, []int{5, 9, 9, 12})
		}
		st, no := g.street(ri, li)
		*b = building{
			cad:   g.plotNumber(ri, li) + ":" + itoa(1+pickCum(g.r, []int{90, 100})),
			addr:  regions[ri].locs[li].prefix + ", " + st + ", д. " + itoa(no),
			year:  y,
			units: floors * (4 + g.r.IntN(12)),
			regAt: g.registeredAt(y),
		}
	}
	b.next++
	return b
}

// finishClan completes the persons of a clan (deaths, addresses,
// documents) and generates their property, vehicles and tax records.
func (g *gen) finishClan(start int) {
	g.deaths(start)
	members := make([][]int32, len(g.hhs))
	for i := start; i < len(g.ps); i++ {
		p := &g.ps[i]
		h := &g.hhs[p.hh]
		rec := &g.b.Persons[i]
		rec.RegionKATO = regions[h.reg].kato
		rec.Address = h.addr
		end := today
		if !p.alive() {
			end = p.death
		}
		if p.birth.ageAt(end) >= 16 {
			g.docN++
			rec.DocumentNumber = "0" + pad(int(g.docPerm.at(g.docN)), 8)
		}
		members[p.hh] = append(members[p.hh], int32(i))
	}
	for k := range g.hhs {
		g.householdAssets(k, members[k])
	}
	for i := start; i < len(g.ps); i++ {
		g.personRecords(i)
	}
}

// holder is a right holder with its share.
type holder struct {
	id       string
	kind     sio.SubjectKind
	num, den int
	earliest day // the right cannot start before (majority, birth)
}

func (g *gen) personHolder(i int, num, den int, minor bool) holder {
	p := &g.ps[i]
	e := p.birth.addYears(18)
	if minor {
		e = p.birth + 1
	}
	return holder{id: string(g.b.Persons[i].IIN), kind: sio.SubjectPerson, num: num, den: den, earliest: e}
}

// householdAssets registers the dwelling of a household (if owned) and the
// extra property of its members: garages, second apartments, dacha and
// farm plots.
func (g *gen) householdAssets(k int, members []int32) {
	h := &g.hhs[k]
	var adults, living []int
	for _, m := range members {
		p := &g.ps[m]
		if !p.alive() {
			continue
		}
		living = append(living, int(m))
		if p.birth.ageAt(today) >= 18 {
			adults = append(adults, int(m))
		}
	}
	if len(adults) == 0 {
		return
	}
	couple := h.head >= 0 && h.spouse >= 0 && g.ps[h.head].alive() && g.ps[h.spouse].alive() && g.ps[h.head].spouse == h.spouse
	headIdx := adults[0]
	if h.head >= 0 && g.ps[h.head].alive() {
		headIdx = int(h.head)
	}
	var hs []holder
	ownP := 80
	if !h.apt {
		ownP = 95
	}
	if g.r.IntN(100) < ownP {
		switch x := g.r.IntN(100); {
		case couple && x < 55:
			hs = []holder{g.personHolder(int(h.head), 1, 2, false), g.personHolder(int(h.spouse), 1, 2, false)}
		case couple && x < 88:
			o := int(h.head)
			if g.r.IntN(100) < 30 {
				o = int(h.spouse)
			}
			hs = []holder{g.personHolder(o, 1, 1, false)}
		case len(living) >= 3:
			n := min(len(living), 4)
			for _, m := range living[:n] {
				hs = append(hs, g.personHolder(m, 1, n, true))
			}
		default:
			hs = []holder{g.personHolder(headIdx, 1, 1, false)}
		}
	} else if h.apt && len(g.pool) > 0 && g.r.IntN(100) < 50 {
		// a rented flat: owned by someone from elsewhere (an investor)
		e := g.pool[g.r.IntN(len(g.pool))]
		hs = []holder{{id: string(e.iin), kind: sio.SubjectPerson, num: 1, den: 1, earliest: e.birth.addYears(18)}}
	}
	right := rightOwnership
	if len(hs) == 2 && hs[0].den == 2 {
		right = rightJointOwnership
	}
	if len(hs) > 0 {
		since := maxDay(h.regAt, h.formed)
		if h.apt {
			g.property(sio.RealEstate{CadastralNumber: h.cad, Kind: kindApartment, RegionKATO: regions[h.reg].kato, Address: h.addr,
				AreaSqm: h.area, Rooms: h.rooms, YearBuilt: h.year}, h.regAt, since, right, hs)
		} else {
			g.property(sio.RealEstate{CadastralNumber: h.cad, Kind: kindHouse, RegionKATO: regions[h.reg].kato, Address: h.addr,
				AreaSqm: h.area, Rooms: h.rooms, YearBuilt: h.year}, h.regAt, since, right, hs)
			purpose := purposeIZhS
			if regions[h.reg].locs[h.loc].kind == locVillage {
				purpose = purposeLPKh
			}
			g.plot(sio.LandPlot{CadastralNumber: h.plotCad, AreaHa: h.plotHa, Category: landSettlements, Purpose: purpose,
				RegionKATO: regions[h.reg].kato, Address: h.addr}, since, rightPrivateLand, hs)
		}
	}
	ri, li := int(h.reg), int(h.loc)
	l := &regions[ri].locs[li]
	owner := adults[g.r.IntN(len(adults))]
	// a garage box in a cooperative
	if l.kind != locVillage && g.r.IntN(100) < 8 {
		b := g.garageBox(ri, li)
		g.property(sio.RealEstate{CadastralNumber: b.cad + itoa(b.next), Kind: kindGarage, RegionKATO: regions[ri].kato,
			Address: b.addr + ", бокс " + itoa(b.next), AreaSqm: float64(180+g.r.IntN(120)) / 10, YearBuilt: b.year},
			b.regAt, b.regAt, rightOwnership, []holder{g.personHolder(owner, 1, 1, false)})
	}
	// a second apartment (investment)
	if l.kind != locVillage && g.r.IntN(100) < 5 {
		li2 := g.pickLoc(ri)
		b := g.apartment(ri, li2)
		rooms := 1 + pickCum(g.r, aptRoomsCum)
		g.property(sio.RealEstate{CadastralNumber: b.cad + "/" + itoa(b.next), Kind: kindApartment, RegionKATO: regions[ri].kato,
			Address: b.addr + ", кв. " + itoa(b.next), AreaSqm: aptArea(g.r, rooms, b.year), Rooms: rooms, YearBuilt: b.year},
			b.regAt, b.regAt, rightOwnership, []holder{g.personHolder(owner, 1, 1, false)})
	}
	// a dacha plot in a gardening partnership
	if l.kind != locVillage && g.r.IntN(100) < 4 {
		li2 := g.pickLoc(ri)
		cad := g.plotNumber(ri, li2)
		g.plot(sio.LandPlot{CadastralNumber: cad, AreaHa: float64(600+g.r.IntN(600)) / 10000, Category: landAgricultural,
			Purpose: purposeGarden, RegionKATO: regions[ri].kato,
			Address: regions[ri].locs[li2].prefix + ", " + pick(g.r, gardenCoops) + ", уч. " + itoa(1+g.r.IntN(400))},
			mkDay(1995, 1, 1)+day(g.r.IntN(25*365)), rightPrivateLand, []holder{g.personHolder(owner, 1, 1, false)})
	}
	// farm land leased by a village household
	if l.kind == locVillage && g.r.IntN(100) < 15 {
		cad := g.plotNumber(ri, li)
		g.plot(sio.LandPlot{CadastralNumber: cad, AreaHa: math.Round((5+400*sq(g.r.Float64()))*100) / 100,
			Category: landAgricultural, Purpose: purposeFarm, RegionKATO: regions[ri].kato, Address: l.prefix + ", уч. " + itoa(1+g.r.IntN(900)),
			Divisible: true}, mkDay(2000, 1, 1)+day(g.r.IntN(24*365)), rightTempLandUse, []holder{g.personHolder(owner, 1, 1, false)})
	}
}

func (g *gen) garageBox(ri, li int) *building {
	s := &g.locs[ri][li]
	b := &s.garage
	if b.cad == "" || b.next >= b.units {
		y := 1965 + g.r.IntN(45)
		*b = building{cad: g.plotNumber(ri, li) + ":", addr: regions[ri].locs[li].prefix + ", " + pick(g.r, garageCoops),
			year: y, units: 80 + g.r.IntN(300), regAt: g.registeredAt(y)}
	}
	b.next++
	return b
}

// commonSince is the start of a right shared by all holders: not before
// since nor before any holder may hold it, and not after today.
func commonSince(since day, hs []holder) day {
	for _, h := range hs {
		since = maxDay(since, h.earliest)
	}
	return minDay(since, today-1)
}

// property emits a real-estate object and the rights of its holders. The
// rights start at since (moved later for holders not yet of age) and never
// after today.
func (g *gen) property(o sio.RealEstate, regAt, since day, right string, hs []holder) {
	o.RegisteredAt = regAt.date()
	g.b.Properties = append(g.b.Properties, o)
	s := commonSince(since, hs)
	for _, h := range hs {
		g.propRec++
		g.b.PropertyRights = append(g.b.PropertyRights, sio.PropertyRight{RecordID: g.propRec, ObjectNumber: o.CadastralNumber,
			HolderID: h.id, HolderKind: h.kind, RightType: right, ShareNumerator: h.num, ShareDenominator: h.den, Since: s.date()})
	}
}

func (g *gen) plot(p sio.LandPlot, since day, right string, hs []holder) {
	g.b.Plots = append(g.b.Plots, p)
	s := commonSince(since, hs)
	for _, h := range hs {
		g.plotRec++
		g.b.PlotRights = append(g.b.PlotRights, sio.PropertyRight{RecordID: plotRecordBase + g.plotRec, ObjectNumber: p.CadastralNumber,
			HolderID: h.id, HolderKind: h.kind, RightType: right, ShareNumerator: h.num, ShareDenominator: h.den, Since: s.date()})
	}
}

// personRecords generates a person's vehicles and taxpayer record, marks
// some as entrepreneurs and adds living adults to the pool of founders and
// directors.
func (g *gen) personRecords(i int) {
	p := &g.ps[i]
	rec := &g.b.Persons[i]
	h := &g.hhs[p.hh]
	end := today
	if !p.alive() {
		end = p.death
	}
	age := p.birth.ageAt(end)
	if age < 18 {
		return
	}
	if p.alive() && age <= 80 {
		pv := 23
		if age < 23 {
			pv = 8
		} else if age > 70 {
			pv = 12
		}
		if g.r.IntN(100) < pv {
			n := 1 + pickCum(g.r, vehiclesPerOwnerCum)
			for k := 0; k < n; k++ {
				g.vehicle(string(rec.IIN), sio.SubjectPerson, int(h.reg), p.birth.addYears(18), false)
			}
		}
		if age >= 20 && age <= 65 && g.r.IntN(100) < 7 {
			p.entre = true
			if len(g.entre) == entreCap {
				g.entre = g.entre[1:]
			}
			g.entre = append(g.entre, entrepreneur{iin: rec.IIN, birth: p.birth, reg: h.reg, loc: h.loc, lastName: rec.LastName})
		}
	}
	l := &regions[h.reg].locs[h.loc]
	t := sio.Taxpayer{ID: string(rec.IIN), Kind: sio.TaxpayerIndividual, TaxOfficeCode: l.taxCode, TaxOfficeRu: l.taxName, Status: "ACTIVE"}
	reg := maxDay(p.birth.addYears(18)+day(g.r.IntN(3*365)), mkDay(1996, 1, 1)+day(g.r.IntN(4*365)))
	t.RegisteredAt = minDay(reg, end-1).date()
	if p.entre {
		t.Kind = sio.TaxpayerEntrepreneur
		t.VATPayer = g.r.IntN(100) < 5
	}
	if !p.alive() {
		t.Status = "DEREGISTERED"
	}
	g.taxpayer(t, false)
	if p.alive() && age <= 75 {
		e := poolEntry{iin: rec.IIN, birth: p.birth, reg: h.reg, loc: h.loc}
		if len(g.pool) < poolCap {
			g.pool = append(g.pool, e)
		} else {
			g.pool[g.poolNext] = e
			g.poolNext = (g.poolNext + 1) % poolCap
		}
	}
}

var vehiclesPerOwnerCum = cumulative([]int{84, 13, 3})

// vehicle registers a vehicle to an owner in region ri, not before notBefore.
func (g *gen) vehicle(owner string, kind sio.SubjectKind, ri int, notBefore day, company bool) {
	cum := personModelCum
	if company {
		cum = companyModelCum
	}
	m := &vehicleModels[pickCum(g.r, cum)]
	u := g.r.Float64()
	year := m.to - int(float64(m.to-m.from+1)*u*u)
	year = max(m.from, min(year, m.to))
	lo := maxDay(maxDay(mkDay(year, 1, 1)+day(g.r.IntN(300)), notBefore), mkDay(1997, 1, 1))
	if lo >= today {
		lo = today - 1
	}
	reg := between(g.r, lo, today-1)
	// VIN: WMI + model + 2 free VDS characters + check digit + model year +
	// plant + serial. The plant and serial (positions 11-17) come from a
	// permutation of a global counter, so VINs are unique.
	g.vinN++
	x := g.vinPerm.at(g.vinN)
	vin := make([]byte, 0, 17)
	vin = append(vin, m.wmi...)
	vin = append(vin, m.vds...)
	vin = append(vin, vinAlphabet[g.r.IntN(len(vinAlphabet))], vinAlphabet[g.r.IntN(len(vinAlphabet))], '0')
	vin = append(vin, vinYearCodes[(year-1980+30*10)%30], vinAlphabet[x/1_000_000])
	s := x % 1_000_000
	for d := uint64(100_000); d > 0; d /= 10 {
		vin = append(vin, byte('0'+s/d%10))
	}
	c, _ := VINCheckDigit(string(vin))
	vin[8] = c
	letters, slot := 3, 0
	if kind == sio.SubjectLegalEntity {
		letters, slot = 2, 1
	}
	g.plateN[ri][slot]++
	pl := plate(g.platePerm[ri][slot].at(g.plateN[ri][slot]), letters, regions[ri].plate)
	g.certN++
	cx := g.certPerm.at(g.certN)
	cert := string([]byte{plateLetters[cx/100_000_000/23%23], plateLetters[cx/100_000_000%23]}) + pad(int(cx%100_000_000), 8)
	g.b.Vehicles = append(g.b.Vehicles, sio.Vehicle{
		VIN: string(vin), Plate: pl, Make: m.make, Model: m.model, Year: year,
		Color: colors[pickCum(g.r, colorCum)], BodyType: m.body, EngineCC: pick(g.r, m.cc),
		CertificateNo: cert, RegistrationDate: reg.date(), OwnerID: owner, OwnerKind: kind,
	})
}

// taxpayer emits a taxpayer record and, for about 5% of taxpayers, 1-3
// lines of arrears.
func (g *gen) taxpayer(t sio.Taxpayer, vat bool) {
	g.b.Taxpayers = append(g.b.Taxpayers, t)
	if g.r.IntN(100) >= 5 {
		return
	}
	var codes []kbk
	lo, hi := 2_000.0, 400_000.0 // tenge
	switch t.Kind {
	case sio.TaxpayerIndividual:
		codes = kbkIndividual
	case sio.TaxpayerEntrepreneur:
		codes = kbkEntrepreneur
		hi = 3_000_000
	default:
		codes = kbkEntity
		if vat || t.VATPayer {
			codes = append(codes[:len(codes):len(codes)], kbkVAT)
		}
		lo, hi = 20_000, 80_000_000
	}
	n := 1 + g.r.IntN(3)
	first := g.r.IntN(len(codes))
	asOf := (today - 1 - day(g.r.IntN(60))).date()
	for k := 0; k < n && k < len(codes); k++ {
		c := codes[(first+k)%len(codes)]
		principal := int64(math.Exp(math.Log(lo)+g.r.Float64()*(math.Log(hi)-math.Log(lo)))) * 100
		penalty := principal * int64(2+g.r.IntN(28)) / 100
		var fine int64
		if g.r.IntN(100) < 15 {
			fine = principal * int64(10+g.r.IntN(40)) / 100
		}
		g.debtRec++
		g.b.Debts = append(g.b.Debts, sio.TaxDebt{RecordID: g.debtRec, TaxpayerID: t.ID, TaxOfficeCode: t.TaxOfficeCode,
			KBK: c.code, KBKNameRu: c.nameRu, PrincipalTiyn: principal, PenaltyTiyn: penalty, FineTiyn: fine, AsOf: asOf})
	}
}

func sq(x float64) float64 { return x * x }
