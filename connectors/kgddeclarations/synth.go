package kgddeclarations

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/excisable"
	"sio/synth"
)

// product is a line of a declaration: its ТН ВЭД ЕАЭС code, name and unit,
// and the range of a month's volume.
type product struct {
	code, nameRu, unit string
	lo, hi             float64
}

var (
	spirit        = product{"2207100000", "Спирт этиловый ректификованный из пищевого сырья", "дал", 5e3, 50e3}
	wineMaterial  = product{"2204299800", "Виноматериал виноградный", "дал", 2e3, 20e3}
	vodka         = product{"2208601100", "Водка", "дал", 2e3, 30e3}
	liqueur       = product{"2208709000", "Ликероводочные изделия", "дал", 300, 5e3}
	wine          = product{"2204219800", "Вино виноградное", "дал", 1e3, 15e3}
	beer          = product{"2203000100", "Пиво солодовое", "дал", 10e3, 150e3}
	cognac        = product{"2208201200", "Коньяк", "дал", 200, 4e3}
	petrol92      = product{"2710124110", "Бензин АИ-92", "т", 300, 8e3}
	petrol95      = product{"2710124510", "Бензин АИ-95", "т", 100, 3e3}
	diesel        = product{"2710194310", "Топливо дизельное", "т", 300, 10e3}
	fuelOil       = product{"2710196200", "Мазут топочный", "т", 200, 5e3}
	beverageLines = map[excisable.Beverage][]product{
		excisable.Vodka: {vodka, liqueur}, excisable.Wine: {wine}, excisable.Beer: {beer}, excisable.Cognac: {cognac},
	}
	wholesaleLines = []product{vodka, wine, cognac, beer}
	fuelLines      = []product{petrol92, petrol95, diesel}
	refineryLines  = []product{petrol92, diesel, fuelOil}
)

// Forms of the declarations.
var formRu = map[sio.ExciseKind]string{
	sio.ExciseEthylAlcohol:      "Декларация по производству и обороту этилового спирта и (или) виноматериала",
	sio.ExciseAlcoholProduction: "Декларация по производству и обороту алкогольной продукции",
	sio.ExciseAlcoholTurnover:   "Декларация по обороту алкогольной продукции",
	sio.ExcisePetroleumVersion2: "Декларация по производству и обороту нефтепродуктов (2-я версия формы)",
	sio.ExcisePetroleumVersion3: "Декларация по производству и обороту нефтепродуктов (3-я версия формы)",
}

// numberCode is the kind's code in declaration numbers.
var numberCode = map[sio.ExciseKind]string{
	sio.ExciseEthylAlcohol: "ЭС", sio.ExciseAlcoholProduction: "АП", sio.ExciseAlcoholTurnover: "АО",
	sio.ExcisePetroleumVersion2: "НП2", sio.ExcisePetroleumVersion3: "НП3",
}

// Declarations are monthly, due by the 15th of the next month; the months
// covered run from January 2023 to November 2024 (December's is not yet
// due). Interpretation: the 3rd version of the petroleum form applies from
// January 2024, the 2nd to the months before; version 3 adds the main
// supplier of each line.
var (
	months = func() []sio.ReportingPeriod {
		var ms []sio.ReportingPeriod
		for y := 2023; y <= 2024; y++ {
			for m := 1; m <= 12; m++ {
				if y == 2024 && m == 12 {
					break
				}
				ms = append(ms, synth.MonthPeriod(y, m))
			}
		}
		return ms
	}()
	version3From = sio.MustDate("2024-01-01")
)

const ringCapacity = 500

// gen holds the filler's state across batches: the declaration counter and
// the ring of earlier petroleum businesses (suppliers on version-3 lines).
type gen struct {
	seed  int64
	k     *synth.Keyed
	n     int
	fuel  []sio.BIN
	fuelN int
}

// Filler returns the generator of the declarations, for the companies that
// excisable.Of says deal in excisable goods: producers of ethyl alcohol
// (and wine material) and of alcohol products, alcohol wholesalers,
// petroleum wholesalers and refineries, each declaring every month since
// its registration (2023-2024), for its warehouse or production site, with
// the licence Е-лицензирование issued it. Balances carry over: a month's
// closing balance opens the next; producers ship 85-100% of what they have,
// traders receive and ship.
func (s *Store) Filler(seed int64) synth.Filler {
	g := &gen{seed: seed, k: synth.NewKeyed(seed, Name)}
	return func(ctx context.Context, b *synth.Batch) error {
		dealings := excisable.Batch(seed, b)
		taxpayers := synth.TaxpayersByID(b)
		var out []sio.ExciseDeclaration
		for i := range b.Entities {
			e := &b.Entities[i]
			bz := dealings(e)
			t := taxpayers[string(e.BIN)]
			if !bz.Any() || t == nil {
				continue
			}
			r := g.k.For(string(e.BIN))
			site := siteOf(r, e)
			if bz.EthylAlcohol {
				lines := []product{spirit}
				if bz.Produces == excisable.Wine {
					lines = []product{wineMaterial}
				}
				out = g.declare(r, out, sio.ExciseEthylAlcohol, e, t, site, license(e, excisable.LicenseEthylAlcohol), lines, true)
			}
			if bz.Produces != excisable.NoBeverage {
				out = g.declare(r, out, sio.ExciseAlcoholProduction, e, t, site, license(e, excisable.LicenseAlcoholProducts), beverageLines[bz.Produces], true)
			}
			if bz.AlcoholWholesale {
				out = g.declare(r, out, sio.ExciseAlcoholTurnover, e, t, site, license(e, excisable.LicenseAlcoholWholesale), wholesaleLines[:2+r.IntN(3)], false)
			}
			if bz.Petroleum {
				lines, lic := fuelLines, (*string)(nil)
				if bz.Refinery {
					lines, lic = refineryLines, license(e, excisable.LicenseRefinery)
				}
				out = g.declare(r, out, "", e, t, site, lic, lines, bz.Refinery)
				g.rememberFuel(e.BIN)
			}
		}
		return s.Insert(ctx, out)
	}
}

func license(e *sio.LegalEntity, kind string) *string {
	n := excisable.LicenseNumber(e.BIN, kind)
	return &n
}

// siteOf is the declarant's warehouse or production site in its locality.
func siteOf(r *rand.Rand, e *sio.LegalEntity) string {
	return synth.LocalityOf(e.Address) + ", промышленная зона, склад № " + fmt.Sprint(1+r.IntN(12))
}

func (g *gen) rememberFuel(bin sio.BIN) {
	if len(g.fuel) < ringCapacity {
		g.fuel = append(g.fuel, bin)
		return
	}
	g.fuel[g.fuelN] = bin
	g.fuelN = (g.fuelN + 1) % ringCapacity
}

// declare files the monthly declarations of a kind ("" for petroleum: the
// form version follows the month) for the months since registration.
func (g *gen) declare(r *rand.Rand, out []sio.ExciseDeclaration, kind sio.ExciseKind, e *sio.LegalEntity, t *sio.Taxpayer, site string,
	lic *string, lines []product, produces bool) []sio.ExciseDeclaration {
	today := synth.Today()
	reg := synth.Registered(e)
	balance := make([]float64, len(lines))
	var supplier *sio.BIN
	if kind == "" && len(g.fuel) > 0 {
		s := g.fuel[r.IntN(len(g.fuel))]
		supplier = &s
	}
	for _, m := range months {
		if m.PeriodTo.Before(reg.Time) {
			continue
		}
		k := kind
		if k == "" {
			k = sio.ExcisePetroleumVersion2
			if !m.PeriodFrom.Before(version3From.Time) {
				k = sio.ExcisePetroleumVersion3
			}
		}
		due := synth.AddDays(m.PeriodTo, 15)
		filed := synth.DateBetween(r, synth.AddDays(m.PeriodTo, 3), due)
		if filed.After(today.Time) {
			continue
		}
		g.n++
		d := sio.ExciseDeclaration{Number: fmt.Sprintf("%s-%02d-%s-%07d", t.TaxOfficeCode, filed.Year()%100, numberCode[k], g.n), Kind: k,
			DeclarantBIN: e.BIN, FormRu: formRu[k], ReportingPeriod: m, FiledAt: filed, TaxOfficeCode: t.TaxOfficeCode, TaxOfficeRu: t.TaxOfficeRu,
			WarehouseRu: site, LicenseNumber: lic}
		for i, p := range lines {
			l := sio.ExciseLine{LineNo: i + 1, ProductCode: p.code, ProductRu: p.nameRu, Unit: p.unit, Opening: balance[i]}
			volume := round(math.Exp(math.Log(p.lo) + r.Float64()*(math.Log(p.hi)-math.Log(p.lo))))
			if produces {
				l.Produced = volume
			} else {
				l.Received = volume
			}
			l.Shipped = round((l.Opening + l.Produced + l.Received) * (0.85 + 0.15*r.Float64()))
			l.Closing = round(l.Opening + l.Produced + l.Received - l.Shipped)
			balance[i] = l.Closing
			if k == sio.ExcisePetroleumVersion3 && supplier != nil && !produces {
				l.CounterpartyBIN = supplier
			}
			d.Lines = append(d.Lines, l)
		}
		out = append(out, d)
	}
	return out
}

// round keeps volumes to three decimals (тонны to kilograms, декалитры to
// centilitres).
func round(x float64) float64 { return math.Round(x*1000) / 1000 }
