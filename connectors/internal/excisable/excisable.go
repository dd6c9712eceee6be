// Package excisable decides which companies of the population deal in
// excisable goods (ethyl alcohol, alcohol products, petroleum products), so
// that Е-лицензирование issues them the licences that the КГД declarations
// quote. Both connectors call Of with the same seed and get the same answer,
// whatever batch the company comes in.
package excisable

import (
	"fmt"
	"hash/fnv"
	"slices"

	"sio"
	"sio/synth"
)

// Beverage is the line of alcohol products a producer makes.
type Beverage int

const (
	NoBeverage Beverage = iota
	Vodka
	Wine
	Beer
	Cognac
)

// Business is what a company does with excisable goods.
type Business struct {
	// EthylAlcohol: produces rectified ethyl alcohol (or wine material).
	EthylAlcohol bool
	// Produces is the line of alcohol products it produces, if any.
	Produces Beverage
	// AlcoholWholesale: stores and sells alcohol products wholesale.
	AlcoholWholesale bool
	// Petroleum: produces or sells petroleum products wholesale.
	Petroleum bool
	// Refinery: produces petroleum products (a mini-refinery of an oil
	// producer); licensed, unlike wholesale.
	Refinery bool
}

// Any reports whether the company deals in excisable goods at all.
func (b Business) Any() bool {
	return b.EthylAlcohol || b.Produces != NoBeverage || b.AlcoholWholesale || b.Petroleum
}

// Of decides the business of an entity. Interpretation: the population has
// no distillery, winery or brewery activity (ОКЭД), so alcohol production is
// given to active companies close to it: grain growers (01110; grain
// spirit, ~12%) and food producers (10711; ~15%, wine, beer or vodka lines);
// wholesale of alcohol to ~35% of general wholesalers (46900) and ~10% of
// retailers (47190); petroleum products to every fuel wholesaler (46711)
// and to ~30% of crude-oil producers (06100), which run a mini-refinery.
func Of(seed int64, e *sio.LegalEntity) Business {
	var b Business
	if !synth.ActiveCompany(e) {
		return b
	}
	r := synth.NewKeyed(seed, "excisable").For(string(e.BIN))
	switch e.ActivityCode {
	case "01110":
		if synth.Chance(r, 0.12) {
			b.EthylAlcohol = true
			b.Produces = Vodka
		}
	case "10711":
		if synth.Chance(r, 0.15) {
			b.Produces = synth.Pick(r, []Beverage{Wine, Beer, Vodka, Cognac})
			b.EthylAlcohol = b.Produces == Wine // wine material
		}
	case "46900":
		b.AlcoholWholesale = synth.Chance(r, 0.35)
	case "47190":
		b.AlcoholWholesale = synth.Chance(r, 0.10)
	case "46711":
		b.Petroleum = true
	case "06100":
		b.Refinery = synth.Chance(r, 0.30)
		b.Petroleum = b.Refinery
	}
	return b
}

// License kinds of excisable activities, with the letter code of their
// numbers.
const (
	LicenseEthylAlcohol     = "LSP"
	LicenseAlcoholProducts  = "LAP"
	LicenseAlcoholWholesale = "LAW"
	LicenseRefinery         = "LNP"
)

// LicenseNumber is the number of the company's licence of a kind (one of the
// License constants): "KZ", two check digits, the kind's letters and eight
// digits derived from the BIN, e.g. "KZ47LAP20481736".
func LicenseNumber(bin sio.BIN, kind string) string {
	h := fnv.New32a()
	h.Write([]byte(string(bin) + kind))
	return Number(kind, 20_000_000+int(h.Sum32()%10_000_000))
}

// Number formats a licence number of Е-лицензирование from its letter code
// and an eight-digit serial.
func Number(letters string, serial int) string {
	body := fmt.Sprintf("%s%08d", letters, serial)
	sum := 0
	for i := 0; i < len(body); i++ {
		sum = (sum*31 + int(body[i])) % 97
	}
	return fmt.Sprintf("KZ%02d%s", sum, body)
}

// Batch decides the business of the entities of a batch: Of, and in every
// hub group (a holding and the partnerships that founded it, see
// synth.HubsOf) the first four partnerships (by BIN) run the group's fuel
// depot (petroleum wholesale), a grain-spirit distillery, an alcohol
// wholesale warehouse and a filling-station network (petroleum, supplied
// by the depot). Interpretation: agricultural holdings commonly run
// such side businesses; it also makes every population with a hub hold
// each kind of excisable dealer, however small it is.
func Batch(seed int64, b *synth.Batch) func(*sio.LegalEntity) Business {
	side := map[sio.BIN]Business{}
	for _, parts := range synth.HubsOf(b) {
		sorted := append([]sio.BIN(nil), parts...)
		slices.Sort(sorted)
		for i, bz := range []Business{{Petroleum: true}, {EthylAlcohol: true, Produces: Vodka}, {AlcoholWholesale: true}, {Petroleum: true}} {
			if i < len(sorted) {
				side[sorted[i]] = bz
			}
		}
	}
	return func(e *sio.LegalEntity) Business {
		bz := Of(seed, e)
		if extra, ok := side[e.BIN]; ok && synth.ActiveCompany(e) {
			bz.Petroleum = bz.Petroleum || extra.Petroleum
			bz.EthylAlcohol = bz.EthylAlcohol || extra.EthylAlcohol
			bz.AlcoholWholesale = bz.AlcoholWholesale || extra.AlcoholWholesale
			if bz.Produces == NoBeverage {
				bz.Produces = extra.Produces
			}
		}
		return bz
	}
}
