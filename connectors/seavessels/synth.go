package seavessels

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// shipType is a type of sea-going ship with its size ranges and builders.
type shipType struct {
	typeRu   string
	gt, dwt  [2]int
	length   [2]float64
	from, to int
	builders []string
}

var (
	tanker = shipType{"нефтеналивной танкер", [2]int{3000, 8000}, [2]int{5000, 13000}, [2]float64{120, 150}, 1995, 2020,
		[]string{"Hyundai Mipo Dockyard (Республика Корея)", "ОАО «Красное Сормово» (Россия)", "Wuchang Shipbuilding (КНР)"}}
	cargo = shipType{"сухогруз", [2]int{2500, 5000}, [2]int{3000, 7000}, [2]float64{100, 140}, 1985, 2018,
		[]string{"ОАО «Красное Сормово» (Россия)", "Damen Shipyards (Нидерланды)", "АО «Уральский завод «Зенит» (Казахстан)"}}
	tug = shipType{"буксир", [2]int{150, 500}, [2]int{100, 300}, [2]float64{25, 40}, 1980, 2022,
		[]string{"Damen Shipyards (Нидерланды)", "АО «Уральский завод «Зенит» (Казахстан)", "ТОО «Ерсай Каспиан Контрактор» (Казахстан)"}}
	supply = shipType{"судно обеспечения", [2]int{500, 2500}, [2]int{600, 3000}, [2]float64{45, 80}, 2000, 2022,
		[]string{"Damen Shipyards (Нидерланды)", "ТОО «Ерсай Каспиан Контрактор» (Казахстан)", "Fujian Southeast Shipyard (КНР)"}}
)

// fleets are the ship types of companies by activity (ОКЭД); other
// activities own no ships.
var fleets = map[string][]shipType{
	"06100": {supply, tug}, // добыча нефти: морские промыслы
	"46711": {tanker},      // оптовая торговля нефтепродуктами
	"49410": {cargo, tug},  // грузовые перевозки
}

// ports of registry on the Caspian with their weights and register series.
var ports = []struct {
	name, series string
	weight       int
}{{"Актау", "АКТ", 70}, {"Баутино", "БАУ", 15}, {"Курык", "КУР", 15}}

var names = []string{"Актау", "Баутино", "Курык", "Каспий", "Алатау", "Жетісу", "Маңғыстау", "Бекет Ата", "Кашаган",
	"Түркістан", "Сарыарқа", "Астана", "Атырау", "Теңіз", "Ұлытау", "Ақ Жайық", "Есіл", "Бозащы", "Қаратау", "Шапағат"}

// Filler returns the generator of Морские суда: ~8% of active ТОО and АО in
// oil production, fuel trade and freight transport own 1-3 sea-going ships
// (supply vessels and tugs, tankers, dry-cargo ships) registered in Актау
// (70%), Баутино or Курык; the first candidate always qualifies. IMO
// numbers start with 8 for ships built before 1990 and 9 after, with five
// digits from a permutation of a counter and the check digit; call signs
// are in Kazakhstan's ITU series UN, MMSI numbers carry its MID 436. About
// 5% of ships are struck off (sold abroad or scrapped).
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "imo", 100_000)
	owners := &transportkit.Rare{Min: 1}
	series := transportkit.NewCounters(0)
	var n uint64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.SeaVessel
		for i := range b.Entities {
			e := &b.Entities[i]
			types, ok := fleets[e.ActivityCode]
			if !ok || e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			if !owners.Draw(r, 0.08) {
				continue
			}
			o := transportkit.EntityOwner(e)
			for range 1 + r.IntN(3) {
				n++
				out = append(out, newShip(r, synth.Pick(r, types), perm.At(n), n, series, o))
			}
		}
		return s.Insert(ctx, out)
	}
}

// newShip draws the n-th ship of the register, of type t, for owner o.
func newShip(r *rand.Rand, t shipType, x, n uint64, series *transportkit.Counters, o transportkit.Owner) sio.SeaVessel {
	built := t.from + r.IntN(t.to-t.from+1)
	first := "9"
	if built < 1990 {
		first = "8"
	}
	first6 := fmt.Sprintf("%s%05d", first, x)
	d, _ := sio.IMOCheckDigit(first6)
	port := ports[transportkit.Weighted(r, ports[0].weight, ports[1].weight, ports[2].weight)]
	name := synth.Pick(r, names)
	if synth.Chance(r, 0.4) {
		name += fmt.Sprintf("-%d", 1+r.IntN(5))
	}
	u := r.Float64()
	v := sio.SeaVessel{
		IMONumber: first6 + string(d), Name: name, TypeRu: t.typeRu, Flag: "KZ", PortOfRegistry: port.name,
		CallSign: fmt.Sprintf("UN%c%c%02d", 'A'+byte(n/2600%26), 'A'+byte(n/100%26), n%100),
		MMSI:     fmt.Sprintf("436%06d", x*7%1_000_000), GrossTonnage: t.gt[0] + int(u*float64(t.gt[1]-t.gt[0])),
		Deadweight: t.dwt[0] + int(u*float64(t.dwt[1]-t.dwt[0])),
		LengthM:    math.Round((t.length[0]+u*(t.length[1]-t.length[0]))*10) / 10,
		BuildYear:  built, Builder: synth.Pick(r, t.builders), OwnerBIN: sio.BIN(o.ID),
		RegistryNumber: fmt.Sprintf("%s-%04d", port.series, series.Next(port.series)),
		RegisteredAt:   transportkit.Registered(r, o, built, sio.MustDate("1995-01-01")), Status: sio.Registered,
	}
	v.Status, v.DeregisteredAt = transportkit.StruckOff(r, v.RegisteredAt, 0.05)
	return v
}
