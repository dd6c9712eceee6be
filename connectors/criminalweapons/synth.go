package criminalweapons

import (
	"context"
	"math/rand/v2"
	"sort"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/connectors/weapons"
	"sio/synth"
)

// illegal is a weapon seized or found outside the register.
type illegal struct {
	kindRu, make, model, caliber string
	// serial: "letters" for two Cyrillic letters and four digits (Soviet
	// army and police weapons), "digits" for a factory number, "" for none.
	serial string
}

var illegals = []illegal{
	{"боевой пистолет", "Ижевский механический завод", "ПМ", "9×18", "letters"},
	{"боевой пистолет", "Тульский оружейный завод", "ТТ", "7,62×25", "letters"},
	{"обрез охотничьего ружья", "ТОЗ", "ТОЗ-34", "12/70", "digits"},
	{"обрез охотничьего ружья", "Ижмех", "ИЖ-58", "16/70", "digits"},
	{"переделанный травматический пистолет", "Ижмех", "МР-79-9ТМ", "9 мм", "digits"},
	{"малокалиберная винтовка", "ТОЗ", "ТОЗ-8", ".22 LR", "digits"},
	{"самодельное огнестрельное оружие", "кустарное изготовление", "самодельный пистолет", "5,6 мм", ""},
}

// serialLetters are the Cyrillic letters of Soviet weapon series.
var serialLetters = []rune("АБВГДЕЖИКЛМНПРСТУФХЦШЭЮЯ")

// windowFrom is the start of the records of the snapshot (the Criminal
// Code of 2014 in force).
var windowFrom = sio.MustDate("2015-01-01")

// erdrBase is where this register's serials of ЕРДР numbers start, above
// those of the officials' cases and of Криминальный автотранспорт.
const erdrBase = 300_000

// Articles of the Criminal Code (2014): theft of weapons, illegal
// possession.
const (
	articleTheft      = "291 ч.1"
	articlePossession = "287 ч.1"
)

// Filler returns the generator of Криминальное оружие. It replays the
// generator of Зарегистрированное оружие on the same batch (the two run
// concurrently, so the register cannot be read) to know the registered
// weapons of each person:
//   - ~1.2% of persons' registered weapons are LOST (40%) or STOLEN (60%)
//     since 2015 while the owner lives, with the register's serial number
//     (the first one always); a theft opens a case (art. 291), a loss none;
//     35% of stolen and 20% of lost weapons are found again (FOUND);
//   - ~0.15% of living men aged 18-55 had an illegal weapon SEIZED (art.
//     287; the first candidate always), kept IN_STORAGE;
//   - a weapon is FOUND without an owner for ~0.05% of adults, kept
//     IN_STORAGE, with no case.
//
// Interpretation: the permits of lost and stolen weapons are left as the
// register has them (their revocation is the register's business).
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	registered := weapons.Generator(seed)
	lostStolen, seized := &transportkit.Rare{Min: 1}, &transportkit.Rare{Min: 1}
	erdr := transportkit.NewCounters(erdrBase)
	var n int64
	return func(ctx context.Context, b *synth.Batch) error {
		owned := personsWeapons(registered(b))
		var out []sio.CriminalWeaponRecord
		last := synth.AddDays(synth.Today(), -1)
		add := func(r *rand.Rand, c sio.CriminalWeaponRecord, article string) {
			n++
			c.ID = n
			if article != "" {
				registered := synth.AddDays(c.EventDate, r.IntN(3))
				if registered.After(last.Time) {
					registered = c.EventDate
				}
				number := transportkit.ERDRNumber(registered, c.RegionKATO, erdr.Next(registered.Format("06")+c.RegionKATO))
				c.ERDRNumber, c.Article = &number, &article
			}
			out = append(out, c)
		}
		for i := range b.Persons {
			p := &b.Persons[i]
			end := last
			if p.DeathDate != nil && p.DeathDate.Before(end.Time) {
				end = *p.DeathDate
			}
			iin := p.IIN
			for _, w := range owned[p.IIN] {
				start := w.PermitIssued
				if start.Before(windowFrom.Time) {
					start = windowFrom
				}
				r := k.For(w.SerialNumber)
				if start.After(end.Time) || !lostStolen.Draw(r, 0.012) {
					continue
				}
				c := sio.CriminalWeaponRecord{Event: sio.WeaponLost, SerialNumber: w.SerialNumber, KindRu: w.KindRu, Make: w.Make,
					Model: w.Model, Caliber: w.Caliber, EventDate: synth.DateBetween(r, start, end), RegionKATO: p.RegionKATO,
					PersonIIN: &iin, Status: sio.Wanted, Initiator: transportkit.PoliceDepartment(p.RegionKATO)}
				c.PlaceRu = transportkit.Place(r, p.RegionKATO)
				article, foundRate := "", 0.2
				if synth.Chance(r, 0.6) {
					c.Event, article, foundRate = sio.WeaponStolen, articleTheft, 0.35
					c.Initiator = transportkit.InvestigationUnit(r, p.RegionKATO)
				}
				if found := synth.AddDays(c.EventDate, 10+r.IntN(390)); synth.Chance(r, foundRate) && !found.After(last.Time) {
					c.Status, c.FoundAt = sio.Found, &found
				}
				add(r, c, article)
			}
			if !synth.Alive(p) {
				continue
			}
			age := synth.AgeAt(p, synth.Today())
			start := synth.AddYears(p.BirthDate, 18)
			if start.Before(windowFrom.Time) {
				start = windowFrom
			}
			if age < 18 || start.After(last.Time) {
				continue
			}
			r := k.For(string(p.IIN))
			if p.Gender == sio.Male && age <= 55 && seized.Draw(r, 0.0015) {
				c := illegalWeapon(r, sio.WeaponSeized, synth.DateBetween(r, start, last), p.RegionKATO)
				c.PersonIIN, c.Initiator = &iin, transportkit.InvestigationUnit(r, p.RegionKATO)
				add(r, c, articlePossession)
			}
			if synth.Chance(r, 0.0005) {
				add(r, illegalWeapon(r, sio.WeaponFound, synth.DateBetween(r, start, last), p.RegionKATO), "")
			}
		}
		return s.Insert(ctx, out)
	}
}

// personsWeapons are the registered weapons of persons, by owner, in
// serial order.
func personsWeapons(ws []sio.Weapon) map[sio.IIN][]sio.Weapon {
	sort.Slice(ws, func(i, j int) bool { return ws[i].SerialNumber < ws[j].SerialNumber })
	out := map[sio.IIN][]sio.Weapon{}
	for _, w := range ws {
		if w.OwnerKind == sio.SubjectPerson {
			out[sio.IIN(w.OwnerID)] = append(out[sio.IIN(w.OwnerID)], w)
		}
	}
	return out
}

// illegalWeapon draws a weapon outside the register, seized or found on
// day in the region, kept by the police.
func illegalWeapon(r *rand.Rand, ev sio.CriminalWeaponEvent, day sio.Date, kato string) sio.CriminalWeaponRecord {
	w := synth.Pick(r, illegals)
	serial := ""
	switch {
	case w.serial == "letters":
		serial = string([]rune{synth.Pick(r, serialLetters), synth.Pick(r, serialLetters)}) + synth.Digits(r, 4)
	case w.serial == "digits" && synth.Chance(r, 0.7):
		serial = synth.Digits(r, 6)
	}
	return sio.CriminalWeaponRecord{Event: ev, SerialNumber: serial, KindRu: w.kindRu, Make: w.make, Model: w.model, Caliber: w.caliber,
		EventDate: day, PlaceRu: transportkit.Place(r, kato), RegionKATO: kato, Initiator: transportkit.PoliceDepartment(kato),
		Status: sio.InStorage}
}
