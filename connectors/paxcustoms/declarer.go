package paxcustoms

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"sio"
	"sio/connectors/border"
	"sio/synth"
)

// Declarer derives the declarations of each batch from the border
// crossings of its persons (border.Journeys of the same seed): a
// declaration is filed at the checkpoint and time of a crossing.
type Declarer struct {
	k        *synth.Keyed
	journeys *border.Journeys
	// n numbers the declarations (persons stream).
	n uint64
}

// NewDeclarer returns the declarations of seed.
func NewDeclarer(seed int64) *Declarer {
	return &Declarer{k: synth.NewKeyed(seed, Name), journeys: border.NewJourneys(seed)}
}

// goods is a kind of goods carried by passengers, with its heading of ТН
// ВЭД ЕАЭС, unit, price range per unit (tenge) and weight per unit.
type goods struct {
	descriptionRu, hs, unit string
	lo, hi                  int64
	kg                      float64
}

// Goods shuttle traders bring from markets in China, Turkey, Kyrgyzstan and
// Uzbekistan, in commercial quantities.
var traderGoods = []goods{
	{"Одежда женская (платья, блузки)", "6204", "шт", 3000, 9000, 0.3},
	{"Трикотажные изделия (свитеры, джемперы)", "6110", "шт", 2500, 7000, 0.4},
	{"Одежда детская", "6111", "шт", 1500, 4000, 0.2},
	{"Обувь с верхом из натуральной кожи", "6403", "пар", 8000, 22000, 1.1},
	{"Обувь спортивная", "6404", "пар", 5000, 14000, 0.8},
	{"Бельё постельное", "6302", "компл.", 5000, 15000, 1.4},
	{"Сумки женские", "4202", "шт", 4000, 12000, 0.6},
	{"Аксессуары для мобильных телефонов (чехлы, кабели)", "8544", "шт", 500, 2500, 0.05},
	{"Посуда керамическая", "6912", "шт", 800, 4000, 0.5},
	{"Автомобильные запчасти", "8708", "шт", 5000, 60000, 2.5},
	{"Сухофрукты (курага, изюм)", "0813", "кг", 1500, 3500, 1},
	{"Игрушки детские", "9503", "шт", 1000, 6000, 0.4},
}

// Goods over the duty-free allowance of a private traveller.
var personalGoods = []goods{
	{"Ноутбук", "8471", "шт", 300000, 900000, 2.5},
	{"Телефон сотовый (смартфон)", "8517", "шт", 250000, 800000, 0.3},
	{"Шуба норковая", "4303", "шт", 600000, 2500000, 3},
	{"Изделия ювелирные из золота", "7113", "шт", 200000, 2000000, 0.05},
	{"Часы наручные", "9102", "шт", 200000, 3000000, 0.2},
	{"Телевизор", "8528", "шт", 150000, 600000, 15},
	{"Ковёр шерстяной", "5701", "шт", 100000, 500000, 20},
}

// Interpretation: annual average exchange rates of the National Bank
// (tenge per unit, rounded) value the declared cash.
var rates = map[string]map[int]float64{
	"USD": {2018: 345, 2019: 383, 2020: 413, 2021: 426, 2022: 460, 2023: 456, 2024: 470},
	"EUR": {2018: 406, 2019: 429, 2020: 472, 2021: 504, 2022: 485, 2023: 493, 2024: 508},
	"RUB": {2018: 5.5, 2019: 5.9, 2020: 5.7, 2021: 5.8, 2022: 6.9, 2023: 5.4, 2024: 5.1},
	"CNY": {2018: 52, 2019: 55, 2020: 60, 2021: 66, 2022: 68, 2023: 64, 2024: 65},
}

// Duty-free allowance of goods for personal use (interpretation of the
// EAEU rules in tenge): by air 10,000 euro, otherwise 500 euro; the excess
// is charged 30%.
const (
	allowanceAirTiyn  = 10_000 * 500 * 100
	allowanceLandTiyn = 500 * 500 * 100
	dutyRate          = 0.30
)

const (
	decisionReleased = "Выпуск разрешён"
	decisionPaid     = "Выпуск разрешён после уплаты таможенных платежей"
	// traderCrossings: a person crossing this often is a shuttle trader.
	traderCrossings = 16
)

// Batch derives the declarations of b's persons, person by person in
// population order:
//   - shuttle traders (16 crossings or more) declare goods on ~70% of
//     their entries and pay duties on the excess;
//   - other travellers declare valuable goods on ~3% of entries, cash over
//     the 10,000-dollar threshold on ~1.5% of entries and ~1% of exits;
//   - a car leaving for a country outside the EAEU (China, Uzbekistan...)
//     is declared for temporary export, and on its return.
func (d *Declarer) Batch(b *synth.Batch) ([]sio.PassengerDeclaration, []sio.DeclarationItem) {
	rec := d.journeys.Batch(b)
	byPerson := map[string][]*sio.BorderCrossing{}
	for _, cs := range [][]sio.BorderCrossing{rec.Citizens, rec.Foreigners} {
		for i := range cs {
			if cs[i].IIN != "" {
				byPerson[cs[i].IIN] = append(byPerson[cs[i].IIN], &cs[i])
			}
		}
	}
	cars := map[string]*sio.Vehicle{}
	for i := range b.Vehicles {
		cars[b.Vehicles[i].Plate] = &b.Vehicles[i]
	}
	var decls []sio.PassengerDeclaration
	var items []sio.DeclarationItem
	for i := range b.Persons {
		iin := string(b.Persons[i].IIN)
		cs := byPerson[iin]
		if len(cs) == 0 {
			continue
		}
		r := d.k.For(iin)
		trader := len(cs) >= traderCrossings
		for _, c := range cs {
			var lines []sio.DeclarationItem
			var vin *string
			switch {
			case c.Direction == sio.CrossingEntry && trader && synth.Chance(r, 0.7):
				lines = goodsLines(r, traderGoods, 2+r.IntN(6), 10, 80)
			case c.Direction == sio.CrossingEntry && synth.Chance(r, 0.03):
				lines = goodsLines(r, personalGoods, 1+r.IntN(2), 1, 1)
			}
			// A car leaving the EAEU is declared for temporary export, and
			// again when it comes back, by the traveller driving it (the
			// family's car, with the owner's power of attorney).
			if c.Transport == sio.TransportCar && !border.InEAEU(c.CountryCode) {
				if v := cars[*c.VehiclePlate]; v != nil {
					vin = &v.VIN
				}
			}
			if (c.Direction == sio.CrossingEntry && synth.Chance(r, 0.015)) || (c.Direction == sio.CrossingExit && synth.Chance(r, 0.01)) {
				lines = append(lines, cashLine(r, c.CrossedAt))
			}
			if len(lines) == 0 && vin == nil {
				continue
			}
			d.n++
			decl := declaration(r, d.n, c, vin, lines)
			for k := range lines {
				lines[k].DeclarationNumber, lines[k].Line = decl.Number, k+1
			}
			decls = append(decls, decl)
			items = append(items, lines...)
		}
	}
	return decls, items
}

// goodsLines draws n lines of goods, quantities in [qlo, qhi].
func goodsLines(r *rand.Rand, catalog []goods, n, qlo, qhi int) []sio.DeclarationItem {
	out := make([]sio.DeclarationItem, 0, n)
	for _, k := range r.Perm(len(catalog))[:min(n, len(catalog))] {
		g := catalog[k]
		q := qlo + r.IntN(qhi-qlo+1)
		price := g.lo + r.Int64N(g.hi-g.lo+1)
		out = append(out, sio.DeclarationItem{Kind: sio.DeclaredGoods, DescriptionRu: g.descriptionRu, HSCode: g.hs,
			Quantity: float64(q), UnitRu: g.unit, WeightKg: math.Round(g.kg*float64(q)*10) / 10, ValueTiyn: int64(q) * price * 100})
	}
	return out
}

// cashLine draws cash over the threshold of 10,000 dollars, valued at the
// year's rate.
func cashLine(r *rand.Rand, at time.Time) sio.DeclarationItem {
	cur := synth.Pick(r, []string{"USD", "USD", "USD", "EUR", "RUB", "CNY"})
	year := min(max(at.Year(), 2018), 2024)
	usd := 10_000 + r.IntN(50)*1000
	amount := int64(math.Round(float64(usd)*rates["USD"][year]/rates[cur][year]/100) * 100)
	minor := amount * 100
	return sio.DeclarationItem{Kind: sio.DeclaredCash, DescriptionRu: "Наличные денежные средства", Quantity: float64(amount),
		UnitRu: cur, ValueTiyn: int64(math.Round(float64(minor) * rates[cur][year])), Currency: &cur, CurrencyMinor: &minor}
}

// customsPost is the customs post at a checkpoint. Interpretation: codes
// of this synthetic register are 55, the region's KATO, the checkpoint kind
// (1 airport, 2 road, 3 rail), 0 and the checkpoint's number.
func customsPost(c *sio.BorderCheckpoint) (code, nameRu string) {
	kind := map[sio.CheckpointKind]string{sio.CheckpointAirport: "1", sio.CheckpointRoad: "2", sio.CheckpointRail: "3"}[c.Kind]
	n, _ := strconv.Atoi(c.Code[1:])
	return fmt.Sprintf("55%s%s0%02d", c.RegionKATO, kind, n%100), "Таможенный пост «" + c.NameRu + "»"
}

// declaration builds the n-th declaration, filed at crossing c: before
// passport control on the way out, after it on the way in.
func declaration(r *rand.Rand, n uint64, c *sio.BorderCrossing, vin *string, lines []sio.DeclarationItem) sio.PassengerDeclaration {
	at := c.CrossedAt.Add(time.Duration(15+r.IntN(45)) * time.Minute)
	if c.Direction == sio.CrossingExit {
		at = c.CrossedAt.Add(-time.Duration(20+r.IntN(90)) * time.Minute)
	}
	code, post := customsPost(&c.BorderCheckpoint)
	local := at.Add(5 * time.Hour) // Astana time, as the number reads
	d := sio.PassengerDeclaration{
		Number: fmt.Sprintf("%s/%s/%07d", code, local.Format("020106"), n), IIN: sio.IIN(c.IIN), DeclaredAt: at,
		Direction: c.Direction, CustomsPostCode: code, CustomsPostRu: post, Passage: c.Passage, VehicleVIN: vin,
		DecisionRu: decisionReleased,
	}
	var goodsValue int64
	for _, l := range lines {
		d.TotalValueTiyn += l.ValueTiyn
		if l.Kind == sio.DeclaredGoods {
			goodsValue += l.ValueTiyn
		}
	}
	allowance := int64(allowanceLandTiyn)
	if c.Transport == sio.TransportFlight {
		allowance = allowanceAirTiyn
	}
	if goodsValue > allowance {
		d.DutyTiyn = int64(math.Round(float64(goodsValue-allowance) * dutyRate))
		d.DecisionRu = decisionPaid
	}
	return d
}
