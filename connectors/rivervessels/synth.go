package rivervessels

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// engine is an outboard or inboard engine model.
type engine struct {
	make    string
	powerHP int
}

// hull is a vessel model: its category, type, size and the engines fitted.
type hull struct {
	category         sio.VesselCategory
	make, model, typ string
	lengthM          float64
	passengers       int
	from             int
	engines          []engine // none: not self-propelled
}

var outboards = []engine{{"Yamaha", 40}, {"Yamaha", 60}, {"Suzuki", 90}, {"Mercury", 60}, {"Tohatsu", 30},
	{"Вихрь", 30}, {"Honda", 50}, {"Yamaha", 115}, {"Suzuki", 40}}

// boats are the small vessels of persons (and of companies renting them).
var boats = []hull{
	{sio.VesselSmall, "Казанка", "5М4", "моторная лодка", 4.6, 4, 1985, outboards},
	{sio.VesselSmall, "Прогресс", "4", "моторная лодка", 4.6, 4, 1980, outboards},
	{sio.VesselSmall, "Обь", "М", "моторная лодка", 4.7, 5, 1982, outboards},
	{sio.VesselSmall, "Крым", "М", "моторная лодка", 4.2, 4, 1984, outboards},
	{sio.VesselSmall, "Quintrex", "420 Renegade", "моторная лодка", 4.2, 4, 2005, outboards},
	{sio.VesselSmall, "Солар", "380", "надувная моторная лодка", 3.8, 3, 2012, []engine{{"Tohatsu", 9}, {"Yamaha", 15}, {"Suzuki", 20}}},
	{sio.VesselSmall, "Silver", "Eagle 650", "катер", 6.5, 6, 2008, []engine{{"Yamaha", 115}, {"Mercury", 150}, {"Suzuki", 140}}},
	{sio.VesselSmall, "Bayliner", "VR5", "катер", 5.8, 8, 2010, []engine{{"Mercury", 150}}},
	{sio.VesselSmall, "Yamaha", "FX Cruiser HO", "гидроцикл", 3.6, 3, 2009, []engine{{"Yamaha", 180}}},
	{sio.VesselSmall, "Sea-Doo", "GTI 130", "гидроцикл", 3.3, 3, 2011, []engine{{"Rotax", 130}}},
	{sio.VesselSmall, "Bavaria", "Cruiser 34", "парусно-моторная яхта", 10.4, 8, 2008, []engine{{"Volvo Penta", 30}}},
}

// ships are the inland-navigation vessels of companies.
var ships = []hull{
	{sio.VesselRiver, "Окская судоверфь", "проект 1741А", "буксир-толкач", 20.4, 5, 1975, []engine{{"6ЧНСП 18/22", 300}}},
	{sio.VesselRiver, "Московский судостроительный завод", "проект Р-51 «Москва»", "пассажирский теплоход", 36.0, 200, 1970, []engine{{"3Д6", 300}}},
	{sio.VesselRiver, "Хабаровский судостроительный завод", "проект 780 «ОМ»", "пассажирский теплоход", 37.5, 250, 1965, []engine{{"6ЧСП 18/22", 300}}},
	{sio.VesselRiver, "Павлодарский судостроительно-судоремонтный завод", "проект Р-83", "несамоходная баржа", 61.0, 0, 1972, nil},
	{sio.VesselRiver, "Семипалатинский судоремонтный завод", "проект 81210", "буксир", 16.2, 4, 1980, []engine{{"3Д6", 150}}},
}

// waters are the water bodies of registry of each region (KATO).
var waters = map[string][]string{
	"71": {"Вячеславское водохранилище", "река Есиль"},
	"75": {"Капшагайское водохранилище", "река Или"},
	"11": {"озеро Щучье", "озеро Зеренды", "река Есиль"},
	"15": {"Актюбинское водохранилище", "Каргалинское водохранилище", "река Илек"},
	"19": {"Капшагайское водохранилище", "река Или", "озеро Балхаш"},
	"23": {"река Урал", "Каспийское море (Атырауская область)"},
	"27": {"река Урал", "река Деркул"},
	"31": {"Тасоткельское водохранилище", "река Шу"},
	"35": {"Самаркандское водохранилище", "озеро Балхаш", "канал имени Сатпаева"},
	"39": {"Верхнетобольское водохранилище", "Каратомарское водохранилище", "река Тобол"},
	"43": {"река Сырдарья", "Малое Аральское море"},
	"47": {"Каспийское море (Мангистауская область)"},
	"61": {"Шардаринское водохранилище", "река Сырдарья"},
	"55": {"река Иртыш", "озеро Жасыбай"},
	"59": {"река Есиль", "Сергеевское водохранилище"},
	"63": {"Бухтарминское водохранилище", "река Иртыш", "озеро Маркаколь"},
	"79": {"Бадамское водохранилище", "Шардаринское водохранилище"},
	"10": {"Шульбинское водохранилище", "река Иртыш", "озеро Зайсан"},
	"33": {"озеро Алаколь", "озеро Балхаш", "Капшагайское водохранилище"},
	"62": {"Кенгирское водохранилище"},
}

// shipOwners are the activities (ОКЭД) of companies that run vessels:
// freight transport and, for pleasure boats, restaurants and tourism.
var shipOwners = map[string]bool{"49410": true, "56101": true, "06100": true}

// Filler returns the generator of Речные и маломерные суда:
//   - ~1.2% of living men and ~0.15% of living women aged 25-70 own a
//     boat, launch or jet ski (a sixth of them two), registered on a water
//     body of their region;
//   - ~10% of active ТОО and АО in freight transport, oil or catering own
//     1-3 vessels: tugs, barges and passenger ships, or pleasure boats;
//   - the first candidate of each stream always qualifies.
//
// Interpretation: registration numbers are "KZ", a 4-digit serial per
// region (persons 0001-6999, companies 7001-9999) and the region's plate
// code, e.g. "KZ 0457 16"; every vessel is registered with the regional
// inspection of transport control of the Transport Committee. About 6% of
// vessels older than 15 years are struck off.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	persons, entities := &transportkit.Rare{Min: 1}, &transportkit.Rare{Min: 1}
	personN, entityN := transportkit.NewCounters(0), transportkit.NewCounters(7000)
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.RiverVessel
		for p := range transportkit.Living(b, 25, 70) {
			r := k.For(string(p.IIN))
			rate := 0.012
			if p.Gender == sio.Female {
				rate = 0.0015
			}
			if !persons.Draw(r, rate) {
				continue
			}
			o := transportkit.PersonOwner(p)
			out = append(out, newVessel(r, synth.Pick(r, boats[:len(boats)-1]), personN, o))
			if synth.Chance(r, 0.17) {
				out = append(out, newVessel(r, synth.Pick(r, boats), personN, o))
			}
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			if !shipOwners[e.ActivityCode] || e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			if !entities.Draw(r, 0.10) {
				continue
			}
			o := transportkit.EntityOwner(e)
			fleet := ships
			if e.ActivityCode == "56101" {
				fleet = boats
			}
			for range 1 + r.IntN(3) {
				out = append(out, newVessel(r, synth.Pick(r, fleet), entityN, o))
			}
		}
		return s.Insert(ctx, out)
	}
}

// newVessel draws a vessel of model h for owner o, numbered from n.
func newVessel(r *rand.Rand, h hull, n *transportkit.Counters, o transportkit.Owner) sio.RiverVessel {
	today := synth.Today()
	built := h.from + r.IntN(today.Year()-h.from)
	reg, _ := sio.RegionByKATO(o.KATO)
	v := sio.RiverVessel{
		RegistrationNumber: fmt.Sprintf("KZ %04d %s", n.Next(o.KATO), reg.PlateCode),
		Category:           h.category, HullTypeRu: h.typ, Make: h.make, Model: h.model,
		HullNumber: fmt.Sprintf("%02d%s", built%100, synth.Digits(r, 5)), BuildYear: built,
		LengthM: h.lengthM, Passengers: h.passengers, OwnerID: o.ID, OwnerKind: o.Kind,
		RegisteredBy: "Инспекция транспортного контроля по " + reg.GenitiveRu() + " Комитета транспорта",
		HomeWaterRu:  synth.Pick(r, waters[o.KATO]), RegionKATO: o.KATO, Status: sio.Registered,
	}
	if len(h.engines) > 0 {
		e := synth.Pick(r, h.engines)
		v.EngineMake, v.EnginePowerHP = e.make, e.powerHP
		v.EngineNumber = fmt.Sprintf("%d-%s", e.powerHP, synth.Digits(r, 7))
	}
	// Small craft are often bought second-hand: registered to this owner
	// years after they were built.
	v.RegisteredAt = transportkit.Registered(r, o, built, sio.MustDate("1995-01-01"))
	if today.Year()-built > 15 {
		v.Status, v.DeregisteredAt = transportkit.StruckOff(r, v.RegisteredAt, 0.06)
	}
	return v
}
