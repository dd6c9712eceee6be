package elicensing

import (
	"context"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/excisable"
	"sio/synth"
)

// kind is a kind of licensed (or permitted) activity: the letter code of its
// numbers, the document, the activity and its subkinds as named in the
// qualification requirements, and the licensor for a region.
type kind struct {
	code     string
	doc      sio.LicenseDocument
	activity string
	subs     []string
	licensor func(kato string) string
}

func fixed(name string) func(string) string { return func(string) string { return name } }

func gask(kato string) string {
	return "ГУ «Управление государственного архитектурно-строительного контроля " + synth.GenitiveRu(kato) + "»"
}

func health(kato string) string {
	return "Департамент Комитета медицинского и фармацевтического контроля МЗ РК по " + synth.DativeRu(kato)
}

func business(kato string) string {
	return "ГУ «Управление предпринимательства и индустриально-инновационного развития " + synth.GenitiveRu(kato) + "»"
}

func revenue(kato string) string {
	return "Департамент государственных доходов по " + synth.DativeRu(kato)
}

var (
	construction = kind{"LSM", sio.BusinessLicenseDoc, "Строительно-монтажные работы", []string{
		"Общестроительные работы (II категория)", "Общестроительные работы (III категория)",
		"Монтаж инженерного оборудования зданий и сооружений (II категория)"}, gask}
	roads = kind{"LSM", sio.BusinessLicenseDoc, "Строительно-монтажные работы", []string{
		"Специальные работы по прокладке линейных сооружений: строительство автомобильных дорог (I категория)",
		"Специальные работы по прокладке линейных сооружений: строительство автомобильных дорог (II категория)"}, gask}
	medical = kind{"LMD", sio.BusinessLicenseDoc, "Медицинская деятельность", []string{
		"Первичная медико-санитарная помощь", "Специализированная медицинская помощь в амбулаторных условиях", "Лабораторная диагностика"}, health}
	energy = kind{"LEN", sio.BusinessLicenseDoc, "Деятельность по покупке электрической энергии в целях энергоснабжения", nil,
		fixed("Комитет атомного и энергетического надзора и контроля МЭ РК")}
	haulage = kind{"PTR", sio.BusinessPermitDoc, "Осуществление международных автомобильных перевозок грузов", nil, fixed("Комитет транспорта МТ РК")}
	grain   = kind{"LGR", sio.BusinessLicenseDoc, "Оказание услуг по складской деятельности с выпуском зерновых расписок", nil,
		fixed("Министерство сельского хозяйства РК")}
	alcoholRetail = kind{"LAR", sio.BusinessLicenseDoc, "Хранение и розничная реализация алкогольной продукции", nil, business}
	advocacy      = kind{"LAD", sio.BusinessLicenseDoc, "Занятие адвокатской деятельностью", nil, fixed("Министерство юстиции РК")}
	notary        = kind{"LNT", sio.BusinessLicenseDoc, "Занятие нотариальной деятельностью", nil, fixed("Министерство юстиции РК")}

	ethylAlcohol = kind{excisable.LicenseEthylAlcohol, sio.BusinessLicenseDoc, "Производство этилового спирта", nil,
		fixed("Комитет государственных доходов МФ РК")}
	alcoholProducts = kind{excisable.LicenseAlcoholProducts, sio.BusinessLicenseDoc, "Производство алкогольной продукции", nil,
		fixed("Комитет государственных доходов МФ РК")}
	alcoholWholesale = kind{excisable.LicenseAlcoholWholesale, sio.BusinessLicenseDoc, "Хранение и оптовая реализация алкогольной продукции", nil, revenue}
	refinery         = kind{excisable.LicenseRefinery, sio.BusinessLicenseDoc, "Производство нефтепродуктов", nil, fixed("Министерство энергетики РК")}

	// beverageSub is the subkind of alcohol production for each line.
	beverageSub = map[excisable.Beverage]string{
		excisable.Vodka: "Производство водки и ликероводочных изделий", excisable.Wine: "Производство вина",
		excisable.Beer: "Производство пива и пивного напитка", excisable.Cognac: "Производство коньяка и бренди",
	}
)

// byActivity: the licence companies of an activity (ОКЭД) hold, and how
// many of them hold it.
var byActivity = map[string]struct {
	k    kind
	rate float64
}{
	"41201": {construction, 0.6}, "42110": {roads, 0.7}, "86210": {medical, 0.9}, "35111": {energy, 0.8},
	"49410": {haulage, 0.5}, "52101": {grain, 0.9}, "47190": {alcoholRetail, 0.4}, "56101": {alcoholRetail, 0.6},
}

// Interpretation: licence numbers follow the format of Е-лицензирование
// ("KZ", two check digits, three letters, eight digits); the letters name
// the kind of activity here. Serial ranges of licence numbers: licences drawn from entities count from
// 1, from persons from 10,000,001; the numbers of excisable activities come
// from excisable.LicenseNumber (20,000,000 and up), so the three never meet.
const personSerialBase = 10_000_000

// Filler returns the generator of Е-лицензирование: the licence of its
// activity for most companies in licensed activities (construction,
// medicine, energy, haulage, grain warehouses, alcohol retail), the
// excisable-goods licences the КГД declarations quote (see excisable.Of),
// advocacy (~0.4%) and notary (~0.1%) licences of adults aged 27-70, and an
// alcohol-retail licence for ~20% of individual entrepreneurs. ~2% of
// licences are suspended, ~2% revoked, ~5% terminated; those of liquidated
// entities and deceased persons are terminated.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var nEntities, nPersons int
	return func(ctx context.Context, b *synth.Batch) error {
		dealings := excisable.Batch(seed, b)
		var out []sio.BusinessLicense
		taxpayers := synth.TaxpayersByID(b)
		for i := range b.Entities {
			e := &b.Entities[i]
			r := k.For(string(e.BIN))
			var ended *sio.Date
			if e.Status != "ACTIVE" {
				d := synth.DateBetween(r, synth.AddYears(synth.Registered(e), 1), synth.Today())
				ended = &d
			}
			add := func(ki kind, sub *string, number string) {
				out = append(out, newLicense(r, ki, sub, number, string(e.BIN), sio.SubjectLegalEntity, e.RegionKATO, synth.Registered(e), ended))
			}
			if a, ok := byActivity[e.ActivityCode]; ok && synth.Chance(r, a.rate) {
				nEntities++
				var sub *string
				if len(a.k.subs) > 0 {
					sub = ptr(synth.Pick(r, a.k.subs))
				}
				add(a.k, sub, excisable.Number(a.k.code, nEntities))
			}
			bz := dealings(e)
			if bz.EthylAlcohol {
				add(ethylAlcohol, nil, excisable.LicenseNumber(e.BIN, excisable.LicenseEthylAlcohol))
			}
			if bz.Produces != excisable.NoBeverage {
				add(alcoholProducts, ptr(beverageSub[bz.Produces]), excisable.LicenseNumber(e.BIN, excisable.LicenseAlcoholProducts))
			}
			if bz.AlcoholWholesale {
				add(alcoholWholesale, nil, excisable.LicenseNumber(e.BIN, excisable.LicenseAlcoholWholesale))
			}
			if bz.Refinery {
				add(refinery, nil, excisable.LicenseNumber(e.BIN, excisable.LicenseRefinery))
			}
		}
		today := synth.Today()
		for i := range b.Persons {
			p := &b.Persons[i]
			age := synth.AgeAt(p, today)
			if age < 27 {
				continue
			}
			r := k.For(string(p.IIN))
			add := func(ki kind, from sio.Date) {
				if p.DeathDate != nil && !p.DeathDate.After(from.Time) {
					return
				}
				nPersons++
				out = append(out, newLicense(r, ki, nil, excisable.Number(ki.code, personSerialBase+nPersons), string(p.IIN),
					sio.SubjectPerson, p.RegionKATO, from, p.DeathDate))
			}
			if age <= 70 {
				switch x := r.Float64(); {
				case x < 0.004:
					add(advocacy, synth.AddYears(p.BirthDate, 25))
				case x < 0.005:
					add(notary, synth.AddYears(p.BirthDate, 27))
				}
			}
			if t := taxpayers[string(p.IIN)]; t != nil && t.Kind == sio.TaxpayerEntrepreneur && synth.Chance(r, 0.2) {
				add(alcoholRetail, synth.AddYears(p.BirthDate, 21))
			}
		}
		return s.Insert(ctx, out)
	}
}

func ptr[T any](v T) *T { return &v }

// newLicense draws a licence of kind ki issued after from (and, if the
// holder ceased at ended, terminated then).
func newLicense(r *rand.Rand, ki kind, sub *string, number, holder string, hk sio.SubjectKind, kato string, from sio.Date, ended *sio.Date) sio.BusinessLicense {
	today := synth.Today()
	if lo := sio.MustDate("2008-01-01"); from.Before(lo.Time) {
		from = lo
	}
	hi := today
	if ended != nil && ended.Before(hi.Time) {
		hi = *ended
	}
	issued := synth.DateBetween(r, from, hi)
	l := sio.BusinessLicense{Number: number, Document: ki.doc, ActivityRu: ki.activity, SubactivityRu: sub, LicensorRu: ki.licensor(kato),
		HolderID: holder, HolderKind: hk, IssuedAt: issued, Status: sio.BusinessLicenseActive, RegionKATO: kato}
	changed := synth.DateBetween(r, issued, hi)
	switch x := r.Float64(); {
	case ended != nil:
		l.Status = sio.BusinessLicenseTerminated
		changed = hi
	case x < 0.02:
		l.Status = sio.BusinessLicenseSuspended
	case x < 0.04:
		l.Status = sio.BusinessLicenseRevoked
	case x < 0.09:
		l.Status = sio.BusinessLicenseTerminated
	}
	if l.Status != sio.BusinessLicenseActive {
		l.StatusChangedAt = &changed
	}
	return l
}
