package railway

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// model is a rolling-stock model with its plant and production years.
type model struct {
	model, plant string
	from, to     int
}

// wagonType is a type of freight wagon: the first digit of its number (the
// type digit of the 8-digit numbering) and its models.
type wagonType struct {
	digit  byte
	typeRu string
	models []model
}

var (
	gondola = wagonType{'6', "полувагон", []model{
		{"12-132", "ОАО «Алтайвагон» (Россия)", 1996, 2014}, {"12-9853", "АО «Уралвагонзавод» (Россия)", 2006, 2024},
		{"12-196-01", "АО «Уралвагонзавод» (Россия)", 2011, 2024}, {"12-1704-04", "ТОО «Проммашкомплект» (Казахстан)", 2012, 2024}}}
	tank = wagonType{'7', "цистерна", []model{
		{"15-150-04", "ОАО «Азовмаш» (Украина)", 1994, 2012}, {"15-1443", "ОАО «Рузхиммаш» (Россия)", 2000, 2021},
		{"15-1219-02", "АО «ЗИКСТО» (Казахстан)", 2010, 2024}}}
	boxcar = wagonType{'2', "крытый вагон", []model{
		{"11-280", "ОАО «Алтайвагон» (Россия)", 1995, 2016}, {"11-2135", "АО «Уралвагонзавод» (Россия)", 2010, 2024},
		{"11-7038", "ТОО «Казахстанская вагоностроительная компания» (Казахстан)", 2013, 2024}}}
	flatcar = wagonType{'4', "платформа", []model{
		{"13-401", "ОАО «Абаканвагонмаш» (Россия)", 1990, 2014}, {"13-9744", "ОАО «Абаканвагонмаш» (Россия)", 2005, 2024},
		{"13-470", "ТОО «Проммашкомплект» (Казахстан)", 2014, 2024}}}
	hopper = wagonType{'9', "хоппер-зерновоз", []model{
		{"19-752", "ОАО «Рузхиммаш» (Россия)", 1997, 2020}, {"19-9549", "ОАО «Алтайвагон» (Россия)", 2010, 2024},
		{"19-1244", "АО «ЗИКСТО» (Казахстан)", 2015, 2024}}}
)

// wagonsFor are the wagon types an owner of each activity (ОКЭД) keeps;
// the activities not listed do not own rolling stock.
var wagonsFor = map[string][]wagonType{
	"06100": {tank},                                   // добыча нефти
	"46711": {tank},                                   // оптовая торговля нефтепродуктами
	"52101": {hopper},                                 // элеваторы
	"01110": {hopper},                                 // зерновые
	"35111": {gondola},                                // ТЭЦ: уголь
	"49410": {gondola, boxcar, flatcar, tank, hopper}, // операторы подвижного состава
	"46900": {boxcar, flatcar},                        // оптовая торговля
}

// investorWagons are the types persons own and lease to operators.
var investorWagons = []wagonType{gondola, tank, hopper}

// locomotive is a shunting-locomotive series.
type locomotive struct {
	series, typeRu string
	m              model
}

var locomotives = []locomotive{
	{"ТЭМ2", "маневровый тепловоз", model{"ТЭМ2", "Брянский машиностроительный завод (СССР)", 1970, 1987}},
	{"ТЭМ18ДМ", "маневровый тепловоз", model{"ТЭМ18ДМ", "АО «Брянский машиностроительный завод» (Россия)", 2004, 2020}},
	{"ЧМЭ3", "маневровый тепловоз", model{"ЧМЭ3", "ЧКД «Прага» (Чехословакия)", 1970, 1991}},
	{"ТЭМ-ТМХ", "маневровый тепловоз", model{"ТЭМ-ТМХ", "АО «Локомотив құрастыру зауыты» (Казахстан)", 2017, 2024}},
}

// homeStations by region (KATO): freight stations of registry.
var homeStations = map[string][]string{
	"71": {"Астана-1", "Сороковая"}, "75": {"Алматы-1", "Жетысу"}, "11": {"Кокшетау-1", "Макинка"},
	"15": {"Актобе", "Кандыагаш"}, "19": {"Капшагай", "Шамалган"}, "23": {"Атырау", "Кульсары"},
	"27": {"Уральск", "Аксай"}, "31": {"Тараз", "Жанатас"}, "35": {"Караганда-Сортировочная", "Темиртау"},
	"39": {"Костанай", "Тобол"}, "43": {"Кызылорда", "Шиели"}, "47": {"Мангышлак", "Бейнеу"},
	"61": {"Туркестан", "Арыс-1"}, "55": {"Павлодар", "Экибастуз-1"}, "59": {"Петропавловск", "Тайынша"},
	"63": {"Усть-Каменогорск", "Защита"}, "79": {"Шымкент", "Бадам"}, "10": {"Семей", "Жангиз-Тобе"},
	"33": {"Талдыкорган", "Уштобе"}, "62": {"Жезказган", "Сатпаев"},
}

// registerFrom is the start of the state register of rolling stock kept by
// Kazakhstan (rolling stock of earlier build is re-registered from then).
var registerFrom = sio.MustDate("2002-01-01")

// Filler returns the generator of Железнодорожный транспорт:
//   - active ТОО and АО whose activity uses wagons (oil, fuel trade, grain,
//     power, freight operators, wholesale): ~15% own 2-40 wagons of the
//     types of their activity; a third of those with 10 or more wagons
//     (and 2% of the others) also run a shunting locomotive;
//   - ~0.06% of living persons aged 30-70 own 1-6 wagons leased to
//     operators (investors);
//   - the first candidate of each stream always qualifies (see
//     transportkit.Rare), so small populations have data.
//
// Wagon numbers: the type digit (2 крытый, 4 платформа, 6 полувагон, 7
// цистерна, 9 хоппер), six digits and the check digit. Interpretation: the
// six digits come from a permutation of a per-stream counter (companies
// 000000-499999, persons 500000-999999), not from the real numbering
// series of the railway administrations. Interpretation: the certificate
// of registration is numbered by the unit (series ВГ for wagons, ЛК for
// locomotives). About 5% of units built before 2000 are written off
// (DEREGISTERED).
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "wagon", 500_000)
	entities, persons, locos := &transportkit.Rare{Min: 1}, &transportkit.Rare{Min: 1}, &transportkit.Rare{Min: 1}
	var nEntity, nPerson uint64
	locoN := transportkit.NewCounters(1000)
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.RollingStock
		for i := range b.Entities {
			e := &b.Entities[i]
			types, ok := wagonsFor[e.ActivityCode]
			if !ok || e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			if !entities.Draw(r, 0.15) {
				continue
			}
			o := transportkit.EntityOwner(e)
			u := r.Float64()
			n := 2 + int(38*u*u)
			for range n {
				nEntity++
				out = append(out, newWagon(r, synth.Pick(r, types), perm.At(nEntity), o))
			}
			p := 0.02
			if n >= 10 {
				p = 0.33
			}
			if locos.Draw(r, p) {
				l := synth.Pick(r, locomotives)
				x := newUnit(r, l.m, o)
				x.Number = fmt.Sprintf("%s-%04d", l.series, locoN.Next(l.series))
				x.Kind, x.TypeRu = sio.RollingStockLocomotive, l.typeRu
				x.CertificateNumber = "ЛК" + x.Number
				out = append(out, x)
			}
		}
		for p := range transportkit.Living(b, 30, 70) {
			r := k.For(string(p.IIN))
			if !persons.Draw(r, 0.0006) {
				continue
			}
			o := transportkit.PersonOwner(p)
			t := synth.Pick(r, investorWagons)
			for range 1 + r.IntN(6) {
				nPerson++
				out = append(out, newWagon(r, t, 500_000+perm.At(nPerson), o))
			}
		}
		return s.Insert(ctx, out)
	}
}

// newWagon draws a wagon of type t with the 6-digit body of its number.
func newWagon(r *rand.Rand, t wagonType, body uint64, o transportkit.Owner) sio.RollingStock {
	x := newUnit(r, synth.Pick(r, t.models), o)
	first7 := fmt.Sprintf("%c%06d", t.digit, body)
	d, _ := sio.WagonCheckDigit(first7)
	x.Number = first7 + string(d)
	x.Kind, x.TypeRu = sio.RollingStockWagon, t.typeRu
	x.CertificateNumber = "ВГ" + x.Number
	return x
}

// newUnit draws the build, registration and status of a unit of model m.
func newUnit(r *rand.Rand, m model, o transportkit.Owner) sio.RollingStock {
	built := m.from + r.IntN(m.to-m.from+1)
	reg := transportkit.Registered(r, o, built, registerFrom)
	x := sio.RollingStock{Model: m.model, BuildYear: built, Plant: m.plant, OwnerID: o.ID, OwnerKind: o.Kind,
		RegisteredAt: reg, HomeStation: synth.Pick(r, homeStations[o.KATO]), RegionKATO: o.KATO, Status: sio.Registered}
	if built < 2000 {
		x.Status, x.DeregisteredAt = transportkit.StruckOff(r, reg, 0.05)
	}
	return x
}
