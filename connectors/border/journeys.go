package border

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"

	"sio"
	"sio/connectors/popdocs"
	"sio/synth"
)

// Records are the border service's records derived from one batch.
type Records struct {
	Citizens   []sio.BorderCrossing
	Travellers []sio.ForeignTraveller
	Foreigners []sio.BorderCrossing
}

// Journeys derives the trips abroad of the persons of each batch and the
// visits of foreigners they or their companies receive. Like
// popdocs.Chronicle, another connector (passenger customs declarations)
// runs its own Journeys over the same batches and sees the same crossings.
type Journeys struct {
	k    *synth.Keyed
	docs *popdocs.Chronicle
	st   journeysState
}

// journeysState is what the records of the next batch depend on besides
// the batch (see synth.BatchMemo): the seed, the chronicle's state, the
// counters of the persons stream (crossings of citizens, of foreigners,
// traveller records, foreign passport numbers) and of the entities stream
// (business visitors), the latter kept apart by the bases below.
type journeysState struct {
	seed                                      int64
	docs                                      popdocs.ChronicleState
	nCitizen, nForeign, nTraveller, nPassport uint64
	nEntForeign, nEntTraveller, nEntPassport  uint64
	// travelledHome counts the foreign residents who travelled (the first
	// always does, so every population has such crossings).
	travelledHome uint64
}

// recordsMemo derives each batch's records once for all the journeys of a
// seed (the border crossings and the customs declarations each run one).
var recordsMemo synth.BatchMemo[journeysState, Records]

const (
	entityCrossingBase  = 5_000_000_000
	entityTravellerBase = 500_000_000
	entityPassportBase  = 5_000_000
	passportSpace       = 10_000_000
	passportMultiplier  = 7_919
	passportOffset      = 1_234_567
)

// NewJourneys returns the trips of seed (documents from the chronicle of
// the same seed).
func NewJourneys(seed int64) *Journeys {
	docs := popdocs.NewChronicle(seed)
	return &Journeys{k: synth.NewKeyed(seed, Name), docs: docs, st: journeysState{seed: seed, docs: docs.State()}}
}

// The period the register covers, and the closure of the borders in the
// pandemic (most trips of that year did not happen).
var (
	windowFrom = sio.MustDate("2018-01-01")
	covidFrom  = sio.MustDate("2020-03-20")
	covidUntil = sio.MustDate("2021-02-01")
)

// Batch derives the records of b:
//   - citizens aged 16 or more travel with their documents of СДН: ~55% of
//     passport holders (a few as frequent "shuttle" traders with dozens of
//     trips), ~20% of the others, to the EAEU countries, with the identity
//     card; by air from the airport of their region, by road or rail
//     through the checkpoints towards the neighbouring country;
//   - foreigners registered in ГБД ФЛ travel home with their national
//     passport;
//   - ~2.5% of adults receive a foreign visitor (private visit) and ~6% of
//     active ТОО and АО business visitors or workers.
//
// The records are shared with the other journeys of the seed: read-only.
func (j *Journeys) Batch(b *synth.Batch) Records {
	rec, st := recordsMemo.Do(b, j.st, func() (Records, journeysState) {
		j.docs.SetState(j.st.docs)
		rec := j.batch(b)
		j.st.docs = j.docs.State()
		return rec, j.st
	})
	j.st = st
	return rec
}

func (j *Journeys) batch(b *synth.Batch) Records {
	var out Records
	cars := map[string][]sio.Vehicle{}
	for _, v := range b.Vehicles {
		if v.OwnerKind == sio.SubjectPerson {
			cars[v.OwnerID] = append(cars[v.OwnerID], v)
		}
	}
	kin := synth.KinOf(b)
	files := j.docs.Files(b)
	fi := 0
	for i := range b.Persons {
		p := &b.Persons[i]
		if fi < len(files) && files[fi].Person.IIN == p.IIN {
			f := &files[fi]
			fi++
			if p.Citizenship == "KZ" {
				j.citizen(&out, f, familyCars(kin, p, cars))
			} else {
				j.resident(&out, p)
			}
		}
		j.privateVisitor(&out, p)
	}
	for i := range b.Entities {
		j.businessVisitors(&out, &b.Entities[i])
	}
	return out
}

// familyCars are the cars of the person and of the spouse, parents and
// children registered at the same address: members of a family travel in
// the family car too. (Family, not address: unrelated households may share
// an address string, and only the family is sure to be in the same batch.)
func familyCars(kin *synth.Kin, p *sio.Person, cars map[string][]sio.Vehicle) []sio.Vehicle {
	out := cars[string(p.IIN)]
	var family []sio.IIN
	for _, m := range kin.Marriages[p.IIN] {
		family = append(family, m.Spouse)
	}
	family = append(family, kin.Father[p.IIN], kin.Mother[p.IIN])
	family = append(family, kin.Children[p.IIN]...)
	for _, iin := range family {
		if q := kin.ByIIN[iin]; q != nil && q.Address == p.Address {
			out = append(slices.Clip(out), cars[string(iin)]...)
		}
	}
	return out
}

// window is one trip: out and back (back zero when not back yet).
type window struct{ out, back sio.Date }

// planTrips draws n trips in [from, to): departures sorted, each stay drawn
// by stay, overlapping trips dropped, most pandemic-time trips cancelled.
// A trip not over by to has no return.
func planTrips(r *rand.Rand, n int, from, to sio.Date, stay func() int) []window {
	if n == 0 || !from.Before(to.Time) {
		return nil
	}
	deps := make([]sio.Date, n)
	for i := range deps {
		deps[i] = synth.DateBetween(r, from, synth.AddDays(to, -1))
	}
	slices.SortFunc(deps, func(a, b sio.Date) int { return a.Compare(b.Time) })
	var out []window
	var last sio.Date
	for _, d := range deps {
		days := stay()
		if !d.After(last.Time) || (!d.Before(covidFrom.Time) && d.Before(covidUntil.Time) && synth.Chance(r, 0.85)) {
			continue
		}
		back := synth.AddDays(d, days)
		if !back.Before(to.Time) {
			out = append(out, window{out: d})
			break
		}
		out = append(out, window{out: d, back: back})
		last = back
	}
	return out
}

// leg is how a trip crosses the border, both ways.
type leg struct {
	cp        checkpoint
	country   string
	transport sio.CrossingTransport
	// flight number out and back (odd and even), train, car plate
	flightOut, flightBack string
	train, plate          string
	routeOut, routeBack   string
	carrier               string
	// departure time of scheduled transport (hour, minute), out and back
	hhOut, mmOut, hhBack, mmBack int
}

func hash(parts ...string) uint32 {
	h := fnv.New32a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum32()
}

// airportFor is the airport a resident of kato flies from: the region's
// own for Russia, Turkey and the UAE, else the hub of its part of the
// country (Алматы in the south and east, Астана in the north and west).
func airportFor(kato, country string) *airport {
	local := country == "RU" || country == "TR" || country == "AE"
	for i := range airports {
		a := &airports[i]
		if slices.Contains(a.near, kato) && (a.hub || local) {
			return a
		}
	}
	switch kato {
	case "75", "19", "33", "31", "61", "79", "43", "47", "10", "63":
		return &airports[0]
	}
	return &airports[1]
}

// flight draws a flight of an airline between the airport and a city of
// the destination. Flight numbers and times are those of the route (the
// same every day): odd out of Kazakhstan, the next even number back.
func flight(r *rand.Rand, a *airport, d *destination) leg {
	al := synth.Pick(r, d.airlines)
	city := synth.Pick(r, d.cities)
	h := hash(al.code, a.Code, city)
	n := 101 + int(h%400)*2 // odd
	return leg{cp: a.checkpoint, country: d.country, transport: sio.TransportFlight,
		flightOut: fmt.Sprintf("%s %d", al.code, n), flightBack: fmt.Sprintf("%s %d", al.code, n+1),
		routeOut: a.city + " — " + city, routeBack: city + " — " + a.city, carrier: al.nameRu,
		hhOut: int(h>>8) % 24, mmOut: int(h>>16) % 12 * 5, hhBack: int(h>>20) % 24, mmBack: int(h>>12) % 12 * 5}
}

// destinationOf returns the flights to country (nil if none).
func destinationOf(country string) *destination {
	for i := range destinations {
		if destinations[i].country == country {
			return &destinations[i].destination
		}
	}
	return nil
}

// pickDestination draws a destination by weight among those allowed.
func pickDestination(r *rand.Rand, allowed func(string) bool) *destination {
	total := 0
	for _, d := range destinations {
		if allowed(d.country) {
			total += d.weight
		}
	}
	x := r.IntN(total)
	for i := range destinations {
		if !allowed(destinations[i].country) {
			continue
		}
		if x -= destinations[i].weight; x < 0 {
			return &destinations[i].destination
		}
	}
	return &destinations[0].destination
}

// borderRegion reports whether a region has checkpoints of the land border
// its residents use.
func borderRegion(kato string) bool {
	for _, c := range landCheckpoints {
		if c.Kind == sio.CheckpointRoad && slices.Contains(c.near, kato) {
			return true
		}
	}
	return false
}

// neighbour is the neighbouring country residents of kato go to by land.
func neighbour(r *rand.Rand, kato string) string {
	switch kato {
	case "75", "19", "33":
		if synth.Chance(r, 0.45) {
			return "CN"
		}
		return "KG"
	case "31":
		return "KG"
	case "61", "79", "43":
		return "UZ"
	case "47":
		if synth.Chance(r, 0.5) {
			return "UZ"
		}
	case "10", "63":
		if synth.Chance(r, 0.5) {
			return "CN"
		}
	}
	return "RU"
}

// overland draws a road or rail crossing towards country, through a
// checkpoint used by residents of kato if there is one.
func overland(r *rand.Rand, kato, country string, rail bool, plates []string) leg {
	kind := sio.CheckpointRoad
	if rail {
		kind = sio.CheckpointRail
	}
	var near, any []checkpoint
	for _, c := range landCheckpoints {
		if c.country == country && c.Kind == kind {
			any = append(any, c)
			if slices.Contains(c.near, kato) {
				near = append(near, c)
			}
		}
	}
	if len(any) == 0 {
		return overland(r, kato, country, !rail, plates)
	}
	if len(near) == 0 {
		near = any
	}
	c := synth.Pick(r, near)
	l := leg{cp: c, country: country, hhOut: 7 + r.IntN(14), mmOut: r.IntN(60), hhBack: 7 + r.IntN(14), mmBack: r.IntN(60)}
	switch {
	case rail:
		for _, t := range trains {
			if t.checkpoint == c.Code {
				h := hash(t.number)
				l.transport, l.train, l.routeOut, l.carrier = sio.TransportTrain, t.number, t.routeRu, t.carrierRu
				l.routeBack = reverseRoute(t.routeRu)
				l.hhOut, l.mmOut, l.hhBack, l.mmBack = int(h%24), int(h>>8)%60, int(h>>16)%24, int(h>>24)%60
			}
		}
	case len(plates) > 0 && synth.Chance(r, 0.85):
		l.transport, l.plate = sio.TransportCar, synth.Pick(r, plates)
	case (country == "UZ" || country == "KG") && synth.Chance(r, 0.35):
		l.transport = sio.TransportPedestrian
	default:
		l.transport, l.carrier = sio.TransportBus, "Международный автобусный рейс"
		if routes := busRoutes[c.Code]; len(routes) > 0 {
			l.routeOut = synth.Pick(r, routes)
			l.routeBack = reverseRoute(l.routeOut)
		}
	}
	return l
}

func reverseRoute(route string) string {
	a, b, ok := strings.Cut(route, " — ")
	if !ok {
		return route
	}
	return b + " — " + a
}

// crossing builds the crossing of one direction of a leg.
func crossing(id uint64, iin string, traveller *int64, day sio.Date, dir sio.CrossingDirection, outbound bool, l *leg, docKind sio.IdentityDocumentKind, docNumber string) sio.BorderCrossing {
	c := sio.BorderCrossing{ID: int64(id), IIN: iin, TravellerID: traveller, Direction: dir,
		Passage:      sio.Passage{BorderCheckpoint: l.cp.BorderCheckpoint, CountryCode: l.country, Transport: l.transport},
		DocumentKind: docKind, DocumentNumber: docNumber, CarrierRu: l.carrier}
	hh, mm, route, fl := l.hhOut, l.mmOut, l.routeOut, l.flightOut
	if !outbound {
		hh, mm, route, fl = l.hhBack, l.mmBack, l.routeBack, l.flightBack
	}
	c.CrossedAt, c.RouteRu = synth.Clock(day, hh, mm), route
	switch l.transport {
	case sio.TransportFlight:
		c.FlightNumber = &fl
	case sio.TransportTrain:
		t := l.train
		c.TrainNumber = &t
	case sio.TransportCar:
		p := l.plate
		c.VehiclePlate = &p
	}
	return c
}

// citizen derives a citizen's trips abroad.
func (j *Journeys) citizen(out *Records, f *popdocs.File, cars []sio.Vehicle) {
	p := f.Person
	r := j.k.For(string(p.IIN))
	from := synth.MaxDate(windowFrom, synth.AddYears(p.BirthDate, 16))
	end := synth.End(p)
	passport := false
	for _, d := range f.Documents {
		passport = passport || d.Kind == sio.DocPassport
	}
	x := r.Float64()
	if synth.AgeAt(p, synth.Today()) > 70 {
		x *= 0.6
	}
	n, trader := 0, false
	switch {
	case passport && x >= 0.97, !passport && x >= 0.97:
		n, trader = 8+r.IntN(30), true
	case passport && x >= 0.85:
		n = 4 + r.IntN(7)
	case passport && x >= 0.45, !passport && x >= 0.80:
		n = 1 + r.IntN(3)
	}
	stay := func() int {
		switch {
		case trader:
			return 1 + r.IntN(4)
		case !passport:
			return 5 + r.IntN(60)
		}
		return 3 + r.IntN(14)
	}
	for _, w := range planTrips(r, n, from, end, stay) {
		// Cars the person owned by then.
		var plates []string
		for _, v := range cars {
			if !v.RegistrationDate.After(w.out.Time) {
				plates = append(plates, v.Plate)
			}
		}
		var l leg
		switch {
		case trader && synth.Chance(r, 0.65):
			l = overland(r, p.RegionKATO, neighbour(r, p.RegionKATO), false, plates)
		case !passport:
			country := "RU"
			if p.RegionKATO == "31" || p.RegionKATO == "75" || synth.Chance(r, 0.3) {
				country = "KG"
			}
			if synth.Chance(r, 0.35) {
				d := destinationOf(country)
				l = flight(r, airportFor(p.RegionKATO, country), d)
			} else {
				l = overland(r, p.RegionKATO, country, synth.Chance(r, 0.3), plates)
			}
		default:
			// Residents of the regions on the land border mostly go by
			// land, the others mostly fly.
			land := 0.2
			if borderRegion(p.RegionKATO) {
				land = 0.6
			}
			if trader || !synth.Chance(r, land) {
				d := pickDestination(r, func(string) bool { return true })
				l = flight(r, airportFor(p.RegionKATO, d.country), d)
			} else {
				l = overland(r, p.RegionKATO, neighbour(r, p.RegionKATO), synth.Chance(r, 0.2), plates)
			}
		}
		// The document shown: the identity card within the EAEU (half of
		// the passport holders by land), else the passport.
		doc := f.ValidAt(sio.DocPassport, w.out)
		if eaeu[l.country] && (doc == nil || (l.transport != sio.TransportFlight && synth.Chance(r, 0.5))) {
			if card := f.ValidAt(sio.DocIDCard, w.out); card != nil {
				doc = card
			}
		}
		if doc == nil || (!w.back.IsZero() && !doc.ValidOn(w.back)) {
			continue
		}
		j.st.nCitizen++
		out.Citizens = append(out.Citizens, crossing(j.st.nCitizen, string(p.IIN), nil, w.out, sio.CrossingExit, true, &l, doc.Kind, doc.Number))
		if !w.back.IsZero() {
			j.st.nCitizen++
			out.Citizens = append(out.Citizens, crossing(j.st.nCitizen, string(p.IIN), nil, w.back, sio.CrossingEntry, false, &l, doc.Kind, doc.Number))
		}
	}
}

// foreignLeg is how a foreigner from country travels to or from a region:
// by land from a neighbouring country (half the time), else by air (via
// Istanbul or Dubai for countries without direct flights).
func foreignLeg(r *rand.Rand, kato, country string) leg {
	switch country {
	case "CN", "KG", "UZ", "RU":
		if synth.Chance(r, 0.5) {
			return overland(r, kato, country, synth.Chance(r, 0.2), nil)
		}
	}
	d := destinationOf(country)
	if d == nil {
		d = destinationOf(synth.Pick(r, []string{"TR", "AE"}))
	}
	return flight(r, airportFor(kato, d.country), d)
}

// passportNumber numbers a foreign passport of the given nationality: the
// country's letters and 7 digits unique over the register (n from a
// counter).
func passportNumber(r *rand.Rand, nat *nationality, n uint64) string {
	digits := synth.Permute(n, passportMultiplier, passportOffset, passportSpace)
	if nat.country == "RU" {
		// загранпаспорт: the series (two digits) and the number
		return fmt.Sprintf("%d%07d", 70+r.IntN(7), digits)
	}
	return fmt.Sprintf("%s%07d", nat.passportPrefix, digits)
}

// traveller builds a foreigner's record.
func traveller(r *rand.Rand, id uint64, nat *nationality, passportNo string) sio.ForeignTraveller {
	male := synth.Chance(r, 0.6)
	t := sio.ForeignTraveller{ID: int64(id), Citizenship: nat.country, PassportNumber: passportNo,
		BirthDate:      synth.DateBetween(r, sio.MustDate("1955-01-01"), sio.MustDate("2003-12-31")),
		PassportExpiry: synth.AddDays(synth.Today(), 60+r.IntN(3000))}
	t.LastName = synth.Pick(r, nat.surnames)
	if male {
		t.FirstName, t.Gender = synth.Pick(r, nat.male), sio.Male
	} else {
		t.FirstName, t.Gender = synth.Pick(r, nat.female), sio.Female
		if nat.gendered && (strings.HasSuffix(t.LastName, "OV") || strings.HasSuffix(t.LastName, "EV") || strings.HasSuffix(t.LastName, "IN")) {
			t.LastName += "A"
		}
	}
	return t
}

// visits derives the entries and exits of a foreigner's visits: entry
// first, exit after the stay (no exit while still in the country).
func (j *Journeys) visits(out *Records, r *rand.Rand, t *sio.ForeignTraveller, kato string, n int, stay func() int, counter *uint64, base uint64) {
	id := t.ID
	for _, w := range planTrips(r, n, windowFrom, synth.Today(), stay) {
		l := foreignLeg(r, kato, t.Citizenship)
		*counter++
		out.Foreigners = append(out.Foreigners, crossing(base+*counter, "", &id, w.out, sio.CrossingEntry, false, &l, sio.DocForeignPassport, t.PassportNumber))
		if !w.back.IsZero() {
			*counter++
			out.Foreigners = append(out.Foreigners, crossing(base+*counter, "", &id, w.back, sio.CrossingExit, true, &l, sio.DocForeignPassport, t.PassportNumber))
		}
	}
}

// resident derives the record and the trips home of a foreigner living in
// Kazakhstan: 80% travel, 1-5 times.
func (j *Journeys) resident(out *Records, p *sio.Person) {
	r := j.k.For(string(p.IIN))
	nat := nationalityOf(p.Citizenship)
	j.st.nTraveller++
	j.st.nPassport++
	iin := p.IIN
	t := sio.ForeignTraveller{ID: int64(j.st.nTraveller), IIN: &iin, LastName: latin(p.LastName), FirstName: latin(p.FirstName),
		BirthDate: p.BirthDate, Gender: p.Gender, Citizenship: p.Citizenship, PassportNumber: passportNumber(r, nat, j.st.nPassport),
		PassportExpiry: synth.AddDays(synth.Today(), 60+r.IntN(3000)), PurposeRu: purposeResident}
	out.Travellers = append(out.Travellers, t)
	if !synth.Chance(r, 0.8) && j.st.travelledHome > 0 {
		return
	}
	id := t.ID
	from := synth.MaxDate(windowFrom, synth.AddYears(p.BirthDate, 16))
	trips := planTrips(r, 1+r.IntN(5), from, synth.End(p), func() int { return 7 + r.IntN(40) })
	if len(trips) > 0 {
		j.st.travelledHome++
	}
	for _, w := range trips {
		l := foreignLeg(r, p.RegionKATO, p.Citizenship)
		j.st.nForeign++
		out.Foreigners = append(out.Foreigners, crossing(j.st.nForeign, string(p.IIN), &id, w.out, sio.CrossingExit, true, &l, sio.DocForeignPassport, t.PassportNumber))
		if !w.back.IsZero() {
			j.st.nForeign++
			out.Foreigners = append(out.Foreigners, crossing(j.st.nForeign, string(p.IIN), &id, w.back, sio.CrossingEntry, false, &l, sio.DocForeignPassport, t.PassportNumber))
		}
	}
}

// visitorFrom is where relatives and friends of a person come from: the
// country of the person's group when it has one, else any.
var visitorFrom = map[string]string{"узбек": "UZ", "русский": "RU", "украинец": "RU", "белорус": "RU", "кореец": "KR", "уйгур": "CN", "немец": "DE"}

// privateVisitor: ~2.5% of living adults aged 25 or more received a
// foreign visitor (relatives, friends) since 2018, 1-3 times.
func (j *Journeys) privateVisitor(out *Records, p *sio.Person) {
	if !synth.Alive(p) || synth.AgeAt(p, synth.Today()) < 25 {
		return
	}
	r := j.k.For("visitor:" + string(p.IIN))
	if !synth.Chance(r, 0.025) {
		return
	}
	country, ok := visitorFrom[p.Nationality]
	if !ok || synth.Chance(r, 0.4) {
		country = pickNationality(r)
	}
	nat := nationalityOf(country)
	j.st.nTraveller++
	j.st.nPassport++
	t := traveller(r, j.st.nTraveller, nat, passportNumber(r, nat, j.st.nPassport))
	host, kind := string(p.IIN), sio.SubjectPerson
	t.PurposeRu, t.HostID, t.HostKind = purposePrivate, &host, &kind
	if synth.Chance(r, 0.3) {
		t.PurposeRu = purposeTourism
	}
	out.Travellers = append(out.Travellers, t)
	j.visits(out, r, &out.Travellers[len(out.Travellers)-1], p.RegionKATO, 1+r.IntN(3), func() int { return 5 + r.IntN(25) }, &j.st.nForeign, 0)
}

func pickNationality(r *rand.Rand) string {
	total := 0
	for _, n := range visitorNationalities {
		total += n.weight
	}
	x := r.IntN(total)
	for _, n := range visitorNationalities {
		if x -= n.weight; x < 0 {
			return n.country
		}
	}
	return "RU"
}

// businessVisitors: ~6% of active ТОО and АО receive 1-3 foreigners: on
// business (several short visits) or to work (one or two long stays).
func (j *Journeys) businessVisitors(out *Records, e *sio.LegalEntity) {
	if e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
		return
	}
	r := j.k.For(string(e.BIN))
	if !synth.Chance(r, 0.06) {
		return
	}
	for range 1 + r.IntN(3) {
		nat := nationalityOf(synth.Pick(r, []string{"CN", "CN", "TR", "TR", "RU", "RU", "DE", "KR", "UZ", "IN", "US"}))
		j.st.nEntTraveller++
		j.st.nEntPassport++
		t := traveller(r, entityTravellerBase+j.st.nEntTraveller, nat, passportNumber(r, nat, entityPassportBase+j.st.nEntPassport))
		host, kind := string(e.BIN), sio.SubjectLegalEntity
		t.HostID, t.HostKind = &host, &kind
		n, stay := 1+r.IntN(5), func() int { return 2 + r.IntN(8) }
		t.PurposeRu = purposeBusiness
		if synth.Chance(r, 0.4) {
			t.PurposeRu, n, stay = purposeWork, 1+r.IntN(2), func() int { return 90 + r.IntN(270) }
		}
		out.Travellers = append(out.Travellers, t)
		j.visits(out, r, &out.Travellers[len(out.Travellers)-1], e.RegionKATO, n, stay, &j.st.nEntForeign, entityCrossingBase)
	}
}

// latin transliterates a Kazakh or Russian name as Kazakh passports print
// it (ICAO 9303 for Russian letters; Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І as A, G, Q,
// N, O, U, U, H, I).
func latin(s string) string {
	var b strings.Builder
	for _, c := range strings.ToUpper(s) {
		if l, ok := translit[c]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

var translit = map[rune]string{
	'А': "A", 'Б': "B", 'В': "V", 'Г': "G", 'Д': "D", 'Е': "E", 'Ё': "E", 'Ж': "ZH", 'З': "Z", 'И': "I", 'Й': "I",
	'К': "K", 'Л': "L", 'М': "M", 'Н': "N", 'О': "O", 'П': "P", 'Р': "R", 'С': "S", 'Т': "T", 'У': "U", 'Ф': "F",
	'Х': "KH", 'Ц': "TS", 'Ч': "CH", 'Ш': "SH", 'Щ': "SHCH", 'Ъ': "IE", 'Ы': "Y", 'Ь': "", 'Э': "E", 'Ю': "IU", 'Я': "IA",
	'Ә': "A", 'Ғ': "G", 'Қ': "Q", 'Ң': "N", 'Ө': "O", 'Ұ': "U", 'Ү': "U", 'Һ': "H", 'І': "I",
}
