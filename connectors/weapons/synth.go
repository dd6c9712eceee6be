package weapons

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// model is a weapon model on the Kazakh civilian market.
type model struct{ make, model, caliber, serialPrefix string }

// kindInfo describes a permit category: its models, the permit it needs and
// the name of the category.
type kindInfo struct {
	kind     sio.WeaponKind
	nameRu   string
	permitRu string
	prefix   string // permit-number series
	models   []model
}

var (
	smoothbore = kindInfo{sio.WeaponHuntingSmoothbore, "Охотничье гладкоствольное", "Разрешение на хранение и ношение охотничьего оружия", "ХН", []model{
		{"Ижмех", "ИЖ-27", "12/70", "ИЖ"}, {"Ижмех", "МР-153", "12/76", "МР"}, {"Калашников", "Сайга-12", "12/76", "С"},
		{"ТОЗ", "ТОЗ-34", "12/70", "Т"}, {"Benelli", "Raffaello", "12/76", "B"}, {"Beretta", "A400 Xplor", "12/76", "XA"},
		{"Hatsan", "Escort", "12/76", "H"}, {"Ижмех", "ИЖ-43", "16/70", "ИЖ"}}}
	rifled = kindInfo{sio.WeaponHuntingRifled, "Охотничье нарезное", "Разрешение на хранение и ношение охотничьего оружия", "ХН", []model{
		{"Молот", "Вепрь-308", ".308 Win", "ВП"}, {"Калашников", "Сайга-МК", "7,62×39", "СМК"}, {"Sako", "85 Hunter", ".30-06 Sprg", "S"},
		{"Tikka", "T3x Lite", ".308 Win", "T"}, {"CZ", "557", "9,3×62", "CZ"}, {"Browning", "X-Bolt", ".300 Win Mag", "BR"}}}
	selfDefense = kindInfo{sio.WeaponSelfDefense, "Гражданское оружие самообороны (огнестрельное бесствольное, с резиновыми пулями)", "Разрешение на хранение и ношение гражданского оружия самообороны", "СН", []model{
		{"Ижмех", "МР-80-13Т", ".45 Rubber", "МТ"}, {"Техкрим", "Гроза-021", "9 мм Р.А.", "ГР"}, {"Ижмех", "МР-79-9ТМ", "9 мм Р.А.", "МТ"},
		{"Stalker", "M906", "9 мм Р.А.", "ST"}}}
	sports = kindInfo{sio.WeaponSports, "Спортивное", "Разрешение на хранение и ношение спортивного оружия", "СП", []model{
		{"Ижмех", "МР-46М", ".22 LR", "МС"}, {"Walther", "GSP", ".22 LR", "W"}, {"Anschütz", "1907", ".22 LR", "AN"},
		{"Beretta", "DT11", "12/70", "DT"}}}
	service = kindInfo{sio.WeaponService, "Служебное", "Разрешение на хранение и использование служебного оружия", "СЛ", []model{
		{"Ижмех", "ИЖ-71", "9×17", "ИЖС"}, {"Калашников", "Сайга-410К", "410/76", "СК"}, {"Ижмех", "МР-471", "9×17", "МРС"}}}
	award = kindInfo{sio.WeaponAward, "Наградное", "Разрешение на хранение наградного оружия", "НГ", []model{
		{"Ижмех", "ПМ", "9×18", "ПМ"}, {"Ижмех", "ПСМ", "5,45×18", "ПСМ"}}}
)

// permitYears is the validity of a weapon permit.
const permitYears = 5

// Filler loads Зарегистрированное оружие from the generator's records.
func (s *Store) Filler(seed int64) synth.Filler {
	gen := Generator(seed)
	return func(ctx context.Context, b *synth.Batch) error { return s.Insert(ctx, gen(b)) }
}

// Generator returns the generator of Зарегистрированное оружие: weapons of
// about 4% of living men aged 25-75 (hunting, a third of them also a rifle),
// 1.5% of living adults (self-defense), a few sports and award weapons, and
// service weapons of about 3% of active companies. Permits are renewed every
// five years; ~12% lapsed, ~4% revoked. Fed the batches of a population in
// order, it gives the same records as the register holds, so other
// connectors (lost and stolen weapons) can refer to them without reading
// the register while it is being filled.
func Generator(seed int64) func(*synth.Batch) []sio.Weapon {
	k := synth.NewKeyed(seed, Name)
	// Serial counters, one per stream: persons and entities each come in
	// population order whatever the batch cuts, but not interleaved the
	// same way. Service weapons (the only entity kind) have their own
	// serial and permit series, so the two counters never collide.
	var nPersons, nEntities int
	return func(b *synth.Batch) []sio.Weapon {
		var out []sio.Weapon
		add := func(r *rand.Rand, ki kindInfo, owner string, kind sio.SubjectKind, kato string, from sio.Date) {
			n := &nPersons
			if kind == sio.SubjectLegalEntity {
				n = &nEntities
			}
			*n++
			out = append(out, newWeapon(r, ki, *n, owner, kind, kato, from))
		}
		today := synth.Today()
		for i := range b.Persons {
			p := &b.Persons[i]
			if !synth.Alive(p) {
				continue
			}
			age := synth.AgeAt(p, today)
			if age < 21 {
				continue
			}
			r := k.For(string(p.IIN))
			adult21 := synth.AddYears(p.BirthDate, 21)
			if p.Gender == sio.Male && age >= 25 && age <= 75 && synth.Chance(r, 0.04) {
				add(r, smoothbore, string(p.IIN), sio.SubjectPerson, p.RegionKATO, adult21)
				if synth.Chance(r, 0.33) {
					add(r, rifled, string(p.IIN), sio.SubjectPerson, p.RegionKATO, synth.AddYears(adult21, 4))
				}
			}
			male := p.Gender == sio.Male
			if (male && synth.Chance(r, 0.022)) || (!male && synth.Chance(r, 0.006)) {
				add(r, selfDefense, string(p.IIN), sio.SubjectPerson, p.RegionKATO, adult21)
			}
			if age <= 50 && synth.Chance(r, 0.003) {
				add(r, sports, string(p.IIN), sio.SubjectPerson, p.RegionKATO, synth.AddYears(p.BirthDate, 18))
			}
			if male && age >= 45 && synth.Chance(r, 0.002) {
				add(r, award, string(p.IIN), sio.SubjectPerson, p.RegionKATO, synth.AddYears(p.BirthDate, 40))
			}
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
				continue
			}
			r := k.For(string(e.BIN))
			if !synth.Chance(r, 0.03) {
				continue
			}
			for range 1 + r.IntN(4) {
				add(r, service, string(e.BIN), sio.SubjectLegalEntity, e.RegionKATO, e.RegistrationDate)
			}
		}
		return out
	}
}

// newWeapon draws the n-th weapon of the register: a model of the kind,
// first registered after from, with its current (or last) permit.
func newWeapon(r *rand.Rand, ki kindInfo, n int, owner string, kind sio.SubjectKind, kato string, from sio.Date) sio.Weapon {
	today := synth.Today()
	m := synth.Pick(r, ki.models)
	if from.Year() < 1995 {
		from = sio.MustDate("1995-01-01")
	}
	if from.After(today.Time) {
		from = today
	}
	first := synth.DateBetween(r, from, today)
	made := first.Year() - r.IntN(3)
	// The permit is renewed every five years; the current one is the last
	// renewal not after today. Some owners let it lapse or lose it.
	issued := first
	for !synth.AddYears(issued, permitYears).After(today.Time) {
		issued = synth.AddYears(issued, permitYears)
	}
	status := sio.PermitValid
	switch x := r.Float64(); {
	case x < 0.04:
		status = sio.PermitRevoked
	case x < 0.16 && issued.After(first.Time):
		// lapsed: the previous permit was not renewed
		issued = synth.AddYears(issued, -permitYears)
		status = sio.PermitExpired
	}
	region, _ := sio.RegionByKATO(kato)
	unit := "Департамент полиции"
	if region != nil {
		unit += " " + region.GenitiveRu()
	}
	plate := "00"
	if region != nil {
		plate = region.PlateCode
	}
	return sio.Weapon{
		SerialNumber:    fmt.Sprintf("%s%02d%06d", m.serialPrefix, made%100, n),
		Kind:            ki.kind,
		KindRu:          ki.nameRu,
		Make:            m.make,
		Model:           m.model,
		Caliber:         m.caliber,
		ManufactureYear: made,
		OwnerID:         owner,
		OwnerKind:       kind,
		PermitNumber:    fmt.Sprintf("%s-%s №%07d", ki.prefix, plate, n),
		PermitTypeRu:    ki.permitRu,
		PermitIssued:    issued,
		PermitExpires:   synth.AddYears(issued, permitYears),
		PermitStatus:    status,
		IssuedBy:        unit + " (отдел лицензионно-разрешительной работы)",
		RegionKATO:      kato,
	}
}
