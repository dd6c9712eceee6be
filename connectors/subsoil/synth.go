package subsoil

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// field is a field or deposit with its region (KATO) and minerals.
type field struct{ name, kato, minerals string }

// Small and medium oil and gas fields of the western and Kyzylorda basins
// (the scale of a sample company).
var oilFields = []field{
	{"Восточный Жетыбай", "47", "Нефть, газ"}, {"Бектурлы", "47", "Нефть"}, {"Каракудук", "47", "Нефть, газ"},
	{"Северный Каракудук", "47", "Нефть"}, {"Морское", "23", "Нефть"}, {"Ботахан", "23", "Нефть"},
	{"Каратон-Саркамыс (участок)", "23", "Нефть, газ"}, {"Кокжиде", "15", "Нефть"}, {"Жаркамыс Восточный-1", "15", "Нефть, газ"},
	{"Алибекмола Южная", "15", "Нефть, газ"}, {"Юго-Западный Кумколь", "43", "Нефть"}, {"Арыскум Западный", "43", "Нефть"},
	{"Кумсай", "15", "Нефть"}, {"Западный Тасбулат", "47", "Нефть"}, {"Жыланкабак", "23", "Нефть"},
	{"Чинаревское Северное", "27", "Газ, конденсат"},
}

// major is a large joint project a sample company may hold a minor share in.
// Interpretation: the agreements are registered under their own labels
// (ТШО-1993, СРП-СК-1997, ОСРП-КПО-1997) rather than register numbers; their
// operators are not in the population, so they are named, not linked.
type major struct {
	field
	number, operator string
	area             float64
	signed, expires  sio.Date
}

var majors = []major{
	{field{"Тенгиз", "23", "Нефть, газ"}, "ТШО-1993", "ТОО «Тенгизшевройл»", 4000, sio.MustDate("1993-04-06"), sio.MustDate("2033-04-06")},
	{field{"Кашаган (Северо-Каспийский проект)", "23", "Нефть, газ"}, "СРП-СК-1997", "North Caspian Operating Company N.V.", 5600,
		sio.MustDate("1997-11-18"), sio.MustDate("2041-12-31")},
	{field{"Карачаганак", "27", "Газ, конденсат, нефть"}, "ОСРП-КПО-1997", "Karachaganak Petroleum Operating B.V.", 280,
		sio.MustDate("1997-11-18"), sio.MustDate("2037-12-31")},
}

// Solid minerals: deposits of common minerals for builders, coal for
// heat producers, ore exploration plots for АО, groundwater for farms and
// food producers.
var (
	placeNames = []string{"Акбулак", "Караоба", "Кызылтау", "Бестау", "Сарытогай", "Коскудук", "Теректы", "Караозек",
		"Жанатас-Северный", "Шолаккорган", "Каскелен-2", "Талдыбулак", "Акжар", "Сарыбулак", "Кайнар", "Майтобе"}
	quarry      = deposit{"Месторождение песчано-гравийной смеси «%s»", "Песчано-гравийная смесь", sio.SubsoilProduction, 0.1, 2, "ОПИ"}
	clay        = deposit{"Месторождение суглинков «%s»", "Суглинки (кирпичное сырье)", sio.SubsoilProduction, 0.1, 1, "ОПИ"}
	coal        = deposit{"Угольное месторождение «%s»", "Уголь каменный", sio.SubsoilProduction, 2, 40, "ТПИ"}
	ore         = deposit{"Участок «%s»", "Золото, медь", sio.SubsoilExploration, 20, 300, "EL"}
	groundwater = deposit{"Участок подземных вод «%s»", "Подземные воды (хозяйственно-питьевое водоснабжение)", sio.SubsoilProduction, 0.05, 1, "ПВ"}
)

type deposit struct {
	name, minerals string
	stage          sio.SubsoilStage
	lo, hi         float64 // area, km²
	suffix         string  // of the contract (licence) number
}

var solidByActivity = map[string]struct {
	d    []deposit
	rate float64
}{
	"41201": {[]deposit{quarry, clay}, 0.25}, "42110": {[]deposit{quarry}, 0.4}, "35111": {[]deposit{coal}, 0.3},
	"01110": {[]deposit{groundwater}, 0.05}, "01410": {[]deposit{groundwater}, 0.05}, "10711": {[]deposit{groundwater}, 0.1},
}

// hydrocarbonAuthority and solidAuthority are the competent authorities at
// the signing date.
func hydrocarbonAuthority(d sio.Date) string {
	switch {
	case d.Year() >= 2014:
		return "Министерство энергетики РК"
	case d.Year() >= 2010:
		return "Министерство нефти и газа РК"
	}
	return "Министерство энергетики и минеральных ресурсов РК"
}

func solidAuthority(d sio.Date, dep deposit, kato string) string {
	switch {
	case dep.suffix == "ОПИ" || dep.suffix == "ПВ":
		return "ГУ «Управление природных ресурсов и регулирования природопользования " + synth.GenitiveRu(kato) + "»"
	case d.After(sio.MustDate("2023-09-01").Time):
		return "Министерство промышленности и строительства РК"
	case d.Year() >= 2019:
		return "Министерство индустрии и инфраструктурного развития РК"
	case d.Year() >= 2014:
		return "Министерство по инвестициям и развитию РК"
	}
	return "Министерство индустрии и новых технологий РК"
}

// Filler returns the generator of the subsoil-use contracts: every
// crude-oil producer (06100) holds 1-2 contracts on a small field (alone or
// with 50-70%), ~15% of oil АО and ~10% of holdings a minor share (0.1-1%)
// in Тенгиз, Кашаган or Карачаганак; builders (~25-40%) hold licences for
// quarries of common minerals, heat producers (~30%) for coal, ~8% of other
// АО for ore exploration, a few farms and food producers for groundwater.
// Exploration runs 6 years, production 25; ~8% of contracts were
// terminated early, all of them for liquidated users.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var nHydro, nSolid int
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.SubsoilContract
		today := synth.Today()
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.LegalForm != "ТОО" && e.LegalForm != "АО" {
				continue
			}
			r := k.For(string(e.BIN))
			from := synth.Registered(e)
			if !from.Before(today.Time) {
				continue
			}
			if e.ActivityCode == "06100" {
				for range 1 + r.IntN(2) {
					nHydro++
					out = append(out, oilContract(r, e, from, nHydro))
				}
			}
			if e.LegalForm == "АО" && ((e.ActivityCode == "06100" && synth.Chance(r, 0.15)) || (e.ActivityCode == "64200" && synth.Chance(r, 0.1))) {
				out = append(out, minorShare(r, e, synth.Pick(r, majors)))
			}
			deps, ok := solidByActivity[e.ActivityCode]
			switch {
			case ok && synth.Chance(r, deps.rate):
			case e.LegalForm == "АО" && e.ActivityCode != "64200" && e.ActivityCode != "06100" && synth.Chance(r, 0.08):
				deps.d = []deposit{ore}
			default:
				continue
			}
			nSolid++
			out = append(out, solidContract(r, e, synth.Pick(r, deps.d), from, nSolid))
		}
		return s.Insert(ctx, out)
	}
}

// term gives the contract's dates and status: signed after from, running
// for its stage's years, terminated early with ~8% chance (or when the user
// was liquidated).
func term(r *rand.Rand, c *sio.SubsoilContract, e *sio.LegalEntity, from sio.Date) {
	today := synth.Today()
	c.SignedAt = synth.DateBetween(r, from, today)
	years := 25
	if c.Stage == sio.SubsoilExploration {
		years = 6
	}
	c.ExpiresAt = synth.AddYears(c.SignedAt, years)
	c.Status = sio.SubsoilActive
	switch {
	case e.Status != "ACTIVE" || synth.Chance(r, 0.08):
		c.Status = sio.SubsoilTerminated
	case !c.ExpiresAt.After(today.Time):
		c.Status = sio.SubsoilExpired
	}
}

func area(r *rand.Rand, lo, hi float64) float64 {
	return math.Round(math.Exp(math.Log(lo)+r.Float64()*(math.Log(hi)-math.Log(lo)))*100) / 100
}

func oilContract(r *rand.Rand, e *sio.LegalEntity, from sio.Date, n int) sio.SubsoilContract {
	f := synth.Pick(r, oilFields)
	share := 100.0
	if synth.Chance(r, 0.3) {
		share = float64(50 + 5*r.IntN(5))
	}
	c := sio.SubsoilContract{Register: sio.SubsoilHydrocarbons, UserBIN: e.BIN, SharePercent: share, OperatorRu: e.NameRu,
		FieldRu: f.name, MineralsRu: f.minerals, RegionKATO: f.kato, AreaSqKm: area(r, 5, 300), Stage: sio.SubsoilExplorationProduction}
	if synth.Chance(r, 0.3) {
		c.Stage = sio.SubsoilExploration
	}
	term(r, &c, e, from)
	c.Number = fmt.Sprintf("%d-УВС", 1000+n)
	c.AuthorityRu = hydrocarbonAuthority(c.SignedAt)
	return c
}

func minorShare(r *rand.Rand, e *sio.LegalEntity, m major) sio.SubsoilContract {
	status := sio.SubsoilActive
	if e.Status != "ACTIVE" {
		status = sio.SubsoilTerminated
	}
	return sio.SubsoilContract{Number: m.number, Register: sio.SubsoilHydrocarbons, UserBIN: e.BIN,
		SharePercent: float64(10+r.IntN(91)) / 100, OperatorRu: m.operator, FieldRu: m.name, MineralsRu: m.minerals, RegionKATO: m.kato,
		AreaSqKm: m.area, SignedAt: m.signed, ExpiresAt: m.expires, Stage: sio.SubsoilProduction, AuthorityRu: hydrocarbonAuthority(m.signed),
		Status: status}
}

func solidContract(r *rand.Rand, e *sio.LegalEntity, d deposit, from sio.Date, n int) sio.SubsoilContract {
	kato := e.RegionKATO
	c := sio.SubsoilContract{Register: sio.SubsoilSolidMinerals, UserBIN: e.BIN, SharePercent: 100, OperatorRu: e.NameRu,
		FieldRu: fmt.Sprintf(d.name, synth.Pick(r, placeNames)), MineralsRu: d.minerals, RegionKATO: kato, AreaSqKm: area(r, d.lo, d.hi), Stage: d.stage}
	term(r, &c, e, from)
	c.Number = fmt.Sprintf("%d-%s", 1000+n, d.suffix)
	c.AuthorityRu = solidAuthority(c.SignedAt, d, kato)
	return c
}
