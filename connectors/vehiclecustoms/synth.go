package vehiclecustoms

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// origin is where vehicles of a world manufacturer identifier (WMI) prefix
// come from and where used ones are shipped from; EAEU makes (Russian WMIs
// X and Z) cross no customs border and have no declaration.
type origin struct {
	prefix, country string
	dutyFree        bool // CIS free-trade area
	usedFrom        []string
}

var origins = []origin{
	{"XWB", "Узбекистан", true, []string{"Узбекистан"}},
	{"X", "", false, nil}, {"Z", "", false, nil},
	{"J", "Япония", false, []string{"Япония", "ОАЭ", "Грузия"}},
	{"K", "Республика Корея", false, []string{"Республика Корея"}},
	{"W", "Германия", false, []string{"Германия", "Литва", "Польша"}},
	{"T", "Чехия", false, []string{"Чехия", "Литва"}},
	{"L", "КНР", false, []string{"КНР"}},
	{"MR", "Таиланд", false, []string{"Таиланд", "ОАЭ"}},
}

func originOf(vin string) (origin, bool) {
	for _, o := range origins {
		if strings.HasPrefix(vin, o.prefix) {
			return o, o.country != ""
		}
	}
	return origin{}, false
}

// usdRate is the average tenge per US dollar of the year.
var usdRate = map[int]float64{2010: 147, 2011: 147, 2012: 149, 2013: 152, 2014: 179, 2015: 222, 2016: 342, 2017: 326,
	2018: 345, 2019: 382, 2020: 413, 2021: 426, 2022: 460, 2023: 456, 2024: 470}

// priceUSD is the range of the price of a new vehicle of the make and model.
func priceUSD(make, model string) (float64, float64) {
	switch {
	case make == "MAN":
		return 90_000, 120_000
	case make == "Lexus" || make == "Mercedes-Benz" && model != "Sprinter" || make == "BMW" || strings.Contains(model, "Land Cruiser"):
		return 45_000, 110_000
	case make == "Mercedes-Benz" || make == "Ford" && model == "Transit" || model == "Hilux":
		return 30_000, 55_000
	case make == "Chevrolet" || make == "Daewoo" || make == "JAC" || make == "Chery" || make == "Haval":
		return 10_000, 20_000
	}
	return 18_000, 40_000
}

// declarationsFrom is the first declaration of the register.
var declarationsFrom = sio.MustDate("2010-01-01")

const (
	dutyRate   = 0.15   // interpretation: ad valorem duty of the EAEU tariff for cars
	vatRate    = 0.12   // import VAT of Kazakhstan
	excisePerC = 100    // tenge per cm³ over 3000 cm³
	feeTenge   = 20_000 // interpretation: the customs fee for a declaration
	tiyn       = 100
)

// Filler returns the generator of Сведения по декларациям на транспортное
// средство. Vehicles of makes from outside the EAEU registered since 2010
// were imported: ~70% of those already used when registered, ~30% of new
// ones (the others came through dealers' declarations, not kept here) have
// a declaration of their owner, lodged 5-40 days before registration at
// the customs clearance centre of the owner's region. The customs value is
// the make's new price in dollars, less 15% a year of age, at the year's
// average rate; duty 15% of it (none for Uzbek cars, CIS free trade),
// excise 100 tenge per cm³ over 3000 cm³, VAT 12% of value, duty and
// excise, and a fee. Interpretation: numbers follow the EAEU pattern
// "post code/DDMMYY/serial", the post code being 5, the KATO region and
// 10101.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	serials := transportkit.NewCounters(0)
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.VehicleCustomsDeclaration
		for i := range b.Vehicles {
			v := &b.Vehicles[i]
			o, imported := originOf(v.VIN)
			kato := transportkit.PlateRegion(v.Plate)
			if !imported || kato == "" || v.RegistrationDate.Before(declarationsFrom.Time) {
				continue
			}
			r := k.For(v.VIN)
			used := v.Year < v.RegistrationDate.Year()-1
			if !synth.Chance(r, 0.3) && !(used && synth.Chance(r, 0.57)) {
				continue
			}
			day := synth.AddDays(v.RegistrationDate, -5-r.IntN(36))
			out = append(out, declaration(r, v, o, used, day, kato, serials))
		}
		return s.Insert(ctx, out)
	}
}

// declaration draws the declaration of vehicle v lodged on day.
func declaration(r *rand.Rand, v *sio.Vehicle, o origin, used bool, day sio.Date, kato string, serials *transportkit.Counters) sio.VehicleCustomsDeclaration {
	post := "5" + kato + "10101"
	lo, hi := priceUSD(v.Make, v.Model)
	age := max(0, day.Year()-v.Year)
	rate, ok := usdRate[day.Year()]
	if !ok {
		rate = usdRate[2024]
	}
	value := (lo + r.Float64()*(hi-lo)) * math.Pow(0.85, float64(age)) * rate
	d := sio.VehicleCustomsDeclaration{
		Number:        fmt.Sprintf("%s/%s/%07d", post, day.Format("020106"), serials.Next(post+day.Format("2006"))),
		DeclaredAt:    day,
		CustomsPostRu: fmt.Sprintf("Таможенный пост «ЦТО %s» ДГД по %s", transportkit.Center(kato), transportkit.Genitive(kato)),
		DeclarantID:   v.OwnerID, DeclarantKind: v.OwnerKind, VIN: v.VIN, Make: v.Make, Model: v.Model, Year: v.Year,
		EngineCC: v.EngineCC, OriginCountryRu: o.country, DispatchCountryRu: o.country,
		CustomsValueTiyn: int64(value) * tiyn, FeeTiyn: feeTenge * tiyn,
	}
	if used {
		d.DispatchCountryRu = synth.Pick(r, o.usedFrom)
	}
	if !o.dutyFree {
		d.DutyTiyn = int64(value*dutyRate) * tiyn
	}
	if v.EngineCC > 3000 {
		d.ExciseTiyn = int64(v.EngineCC) * excisePerC * tiyn
	}
	d.VATTiyn = int64(float64(d.CustomsValueTiyn+d.DutyTiyn+d.ExciseTiyn)*vatRate/tiyn) * tiyn
	return d
}
