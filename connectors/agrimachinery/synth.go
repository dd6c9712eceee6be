package agrimachinery

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// machine is a model of agricultural machine with its production years.
type machine struct {
	kind, make, model string
	powerHP           int
	from, to          int
	// serial is the prefix of the factory number (the manufacturer's code
	// for western makes, empty for CIS ones whose numbers are digits).
	serial string
}

const (
	wheeled   = "трактор колёсный"
	crawler   = "трактор гусеничный"
	combine   = "комбайн зерноуборочный"
	loader    = "погрузчик фронтальный"
	sprayer   = "опрыскиватель самоходный"
	nowYear   = 2024
	firstYear = 1978
)

var (
	tractors = []machine{
		{wheeled, "Кировец", "К-744Р2", 350, 2010, nowYear, ""}, {wheeled, "Кировец", "К-701", 300, firstYear, 2002, ""},
		{wheeled, "Беларус", "МТЗ-82.1", 81, 1990, nowYear, ""}, {wheeled, "Беларус", "МТЗ-1221.2", 132, 2000, nowYear, ""},
		{wheeled, "John Deere", "8R 370", 370, 2015, nowYear, "1RW"}, {wheeled, "Case IH", "Steiger 500", 500, 2012, nowYear, "JEE"},
		{wheeled, "New Holland", "T8.390", 390, 2013, nowYear, "ZDR"}, {wheeled, "Buhler Versatile", "2375", 375, 2008, nowYear, "2VY"},
		{wheeled, "ХТЗ", "Т-150К", 165, firstYear, 2010, ""}, {crawler, "ВгТЗ", "ДТ-75М", 90, firstYear, 2010, ""},
	}
	combines = []machine{
		{combine, "CLAAS", "Tucano 450", 299, 2010, nowYear, "C45"}, {combine, "CLAAS", "Lexion 760", 435, 2012, nowYear, "C76"},
		{combine, "John Deere", "S680", 473, 2013, nowYear, "1H0"}, {combine, "Ростсельмаш", "Acros 585", 300, 2010, nowYear, ""},
		{combine, "Ростсельмаш", "Vector 410", 210, 2009, nowYear, ""}, {combine, "Essil", "Essil-760", 250, 2008, nowYear, ""},
		{combine, "Ростсельмаш", "Нива СК-5М", 155, firstYear, 2005, ""}, {combine, "Енисей", "1200", 140, 1985, 2008, ""},
	}
	others = []machine{
		{loader, "Амкодор", "332В", 130, 2008, nowYear, ""}, {sprayer, "Туман", "2М", 85, 2012, nowYear, ""},
	}
	// smallholder tractors of rural persons
	smallholder = []machine{tractors[2], tractors[8], tractors[9], {wheeled, "ЛТЗ", "Т-40АМ", 50, firstYear, 1995, ""}}
)

// farmActivities are the agricultural activities (ОКЭД) of companies.
var farmActivities = map[string]bool{"01110": true, "01410": true, "01450": true}

// plateLetters are the Latin letters of plates (no I, O, Q).
const plateLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// Filler returns the generator of Сельхозтехника:
//   - ~90% of active peasant farms (КХ) and ~60% of active ТОО and АО with
//     an agricultural activity own machines: farms 1-4, companies 2-12;
//     grain growers a combine for every two or three tractors;
//   - ~2% of living men aged 30-70 who live in a village own a tractor;
//   - the first candidate of each stream always qualifies.
//
// Interpretation: plates are four digits, two Latin letters and the
// region's plate code ("1234AB10"), serial per region (persons from the
// letters AA, companies from the middle of the series); the machine is
// registered with the regional department of agriculture (its state
// inspection for the technical condition of machines) of the owner's
// region. About 7% of machines older than 20 years are struck off.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	persons, entities := &transportkit.Rare{Min: 1}, &transportkit.Rare{Min: 1}
	personN, entityN := transportkit.NewCounters(0), transportkit.NewCounters(250*9999)
	var certPerson, certEntity int
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.AgriculturalMachine
		add := func(r *rand.Rand, m machine, n *transportkit.Counters, cert *int, o transportkit.Owner) {
			*cert++
			out = append(out, newMachine(r, m, n.Next(o.KATO), *cert, o))
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			farm := e.LegalForm == "КХ"
			if e.Status != "ACTIVE" || !farm && !(farmActivities[e.ActivityCode] && (e.LegalForm == "ТОО" || e.LegalForm == "АО")) {
				continue
			}
			r := k.For(string(e.BIN))
			p, n := 0.6, 2+r.IntN(11)
			if farm {
				p, n = 0.9, 1+r.IntN(4)
			}
			if !entities.Draw(r, p) {
				continue
			}
			o := transportkit.EntityOwner(e)
			for j := range n {
				switch {
				case e.ActivityCode == "01110" && j%3 == 1:
					add(r, synth.Pick(r, combines), entityN, &certEntity, o)
				case j > 0 && synth.Chance(r, 0.15):
					add(r, synth.Pick(r, others), entityN, &certEntity, o)
				default:
					add(r, synth.Pick(r, tractors), entityN, &certEntity, o)
				}
			}
		}
		for p := range transportkit.Living(b, 30, 70) {
			if p.Gender != sio.Male || !strings.Contains(p.Address, " с. ") {
				continue
			}
			r := k.For(string(p.IIN))
			if persons.Draw(r, 0.02) {
				add(r, synth.Pick(r, smallholder), personN, &certPerson, transportkit.PersonOwner(p))
			}
		}
		return s.Insert(ctx, out)
	}
}

// newMachine draws a machine of model m with the n-th plate of the owner's
// region and the cert-th registration certificate of its stream.
func newMachine(r *rand.Rand, m machine, n, cert int, o transportkit.Owner) sio.AgriculturalMachine {
	today := synth.Today()
	built := m.from + r.IntN(m.to-m.from+1)
	reg, _ := sio.RegionByKATO(o.KATO)
	pair := (n - 1) / 9999
	plate := fmt.Sprintf("%04d%c%c%s", (n-1)%9999+1, plateLetters[pair/len(plateLetters)%len(plateLetters)],
		plateLetters[pair%len(plateLetters)], reg.PlateCode)
	series := "ТП"
	if o.Kind == sio.SubjectLegalEntity {
		series = "ТЮ"
	}
	x := sio.AgriculturalMachine{
		Plate: plate, KindRu: m.kind, Make: m.make, Model: m.model,
		SerialNumber: fmt.Sprintf("%s%02d%06d", m.serial, built%100, r.IntN(1_000_000)),
		EngineNumber: synth.Digits(r, 8), BuildYear: built, EnginePowerHP: m.powerHP, OwnerID: o.ID, OwnerKind: o.Kind,
		CertificateNumber: fmt.Sprintf("%s %07d", series, cert),
		RegisteredBy:      "ГУ «Управление сельского хозяйства " + reg.GenitiveRu() + "»",
		RegisteredAt:      transportkit.Registered(r, o, built, sio.MustDate("1998-01-01")),
		RegionKATO:        o.KATO, Status: sio.Registered,
	}
	if today.Year()-built > 20 {
		x.Status, x.DeregisteredAt = transportkit.StruckOff(r, x.RegisteredAt, 0.07)
	}
	return x
}
