package disability

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

var groupRu = map[sio.DisabilityGroup]string{
	sio.DisabilityGroupI: "I группа", sio.DisabilityGroupII: "II группа", sio.DisabilityGroupIII: "III группа",
	sio.DisabilityChild: "ребенок-инвалид",
}

// Causes of disability as МСЭ records them.
const (
	causeGeneral    = "общее заболевание"
	causeChildhood  = "инвалидность с детства"
	causeChild      = "ребенок-инвалид (заболевание, врожденная патология)"
	causeWork       = "трудовое увечье"
	causeOccupation = "профессиональное заболевание"
	causeMilitary   = "ранение, контузия, увечье, полученные при прохождении воинской службы"
	causePolygon    = "заболевание, связанное с воздействием ядерных испытаний на Семипалатинском испытательном ядерном полигоне"
	causeChernobyl  = "заболевание, связанное с ликвидацией последствий катастрофы на Чернобыльской АЭС"
)

// polygonRegions are the regions around the Semipalatinsk test site (KATO).
var polygonRegions = map[string]bool{"10": true, "63": true, "35": true, "55": true}

// Filler returns the generator of Инвалидность: about 1.2% of children,
// 2% of adults under 40, 5% at 40-59 and 9% from 60 have a disability (see
// Assess), each with its МСЭ decisions; decision IDs and certificate
// numbers count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.Disability
		for i := range b.Persons {
			p := &b.Persons[i]
			for _, d := range Assess(k.For(string(p.IIN)), p) {
				n++
				d.ID = n
				plate := "00"
				if r := d.Region(); r != nil {
					plate = r.PlateCode
				}
				d.CertificateNumber = fmt.Sprintf("%s-%d-%07d", plate, d.EstablishedOn.Year(), n)
				out = append(out, d)
			}
		}
		return s.Insert(ctx, out)
	}
}

// Assess draws a person's МСЭ decisions, oldest first (nil for most
// persons), without ID and certificate number. It depends only on r, which
// the caller seeds with the person's key (synth.Keyed.For(IIN) of this
// connector's name), and the person: the social-assistance connector calls
// it to pay disability benefits to the same persons.
//
// A disability starts at onset with an initial group; a child's is
// re-examined until 18, when it becomes a group "с детства"; group I is
// re-examined every 2 years, II and III every year, and after two
// re-examinations (or from age 58, or for a third of group I) it is
// established indefinitely. One re-examination in ten does not confirm it;
// a death ends it.
func Assess(r *rand.Rand, p *sio.Person) []sio.Disability {
	today := synth.Today()
	end := today
	if p.DeathDate != nil {
		end = *p.DeathDate
	}
	age := synth.AgeAt(p, end)
	var chance float64
	switch {
	case age < 1:
		return nil
	case age < 18:
		chance = 0.012
	case age < 40:
		chance = 0.02
	case age < 60:
		chance = 0.05
	default:
		chance = 0.09
	}
	if !synth.Chance(r, chance) {
		return nil
	}
	adult := synth.AddYears(p.BirthDate, 18)
	lo := synth.AddYears(p.BirthDate, 1)
	if age >= 18 && synth.Chance(r, 0.85) {
		// most adults' disability begins in adulthood, later with age
		lo = synth.AddYears(p.BirthDate, 18+r.IntN(max(1, age-18)))
	}
	if floor := sio.MustDate("1996-01-01"); lo.Before(floor.Time) {
		lo = floor
	}
	if !lo.Before(end.Time) {
		return nil
	}
	d := synth.DateBetween(r, lo, end)
	group := synth.Pick(r, []sio.DisabilityGroup{sio.DisabilityGroupI, sio.DisabilityGroupII, sio.DisabilityGroupII,
		sio.DisabilityGroupIII, sio.DisabilityGroupIII, sio.DisabilityGroupIII})
	cause := adultCause(r, p)
	if d.Before(adult.Time) {
		group, cause = sio.DisabilityChild, causeChild
	}
	var loss *int
	if cause == causeWork || cause == causeOccupation {
		loss = new(int)
	}
	region, _ := sio.RegionByKATO(p.RegionKATO)
	dept := fmt.Sprintf("Отдел медико-социальной экспертизы №%d Департамента Комитета регулирования и контроля в сфере социальной защиты населения", 1+r.IntN(6))
	if region != nil {
		dept += " по " + region.DativeRu()
	}
	var out []sio.Disability
	for reexams := 0; ; reexams++ {
		rec := sio.Disability{IIN: p.IIN, Group: group, GroupRu: groupRu[group], CauseRu: cause, Status: sio.DisabilityActive,
			EstablishedOn: d, Department: dept, RegionKATO: p.RegionKATO}
		if loss != nil {
			x := lossFor(r, group)
			rec.WorkCapacityLoss = &x
		}
		var next sio.Date
		switch {
		case group == sio.DisabilityChild:
			next = synth.AddYears(d, 2+r.IntN(4))
			if next.After(adult.Time) {
				next = adult
			}
		case reexams >= 2 || synth.AgeAt(p, d) >= 58 || (group == sio.DisabilityGroupI && synth.Chance(r, 0.33)):
			// established indefinitely
		case group == sio.DisabilityGroupI:
			next = synth.AddYears(d, 2)
		default:
			next = synth.AddYears(d, 1)
		}
		if !next.IsZero() {
			rec.ReexaminationOn = &next
		}
		if next.IsZero() || next.After(end.Time) {
			if p.DeathDate != nil {
				rec.Status, rec.CeasedOn = sio.DisabilityCeased, p.DeathDate
			}
			return append(out, rec)
		}
		if group != sio.DisabilityChild && synth.Chance(r, 0.1) {
			// not confirmed at re-examination
			rec.Status, rec.CeasedOn = sio.DisabilityCeased, &next
			return append(out, rec)
		}
		rec.Status = sio.DisabilitySuperseded
		out = append(out, rec)
		d = synth.AddDays(next, -r.IntN(20))
		switch {
		case group == sio.DisabilityChild && !next.Before(adult.Time):
			// examined as an adult from the 18th birthday on
			if d = synth.AddDays(adult, r.IntN(20)); d.After(end.Time) {
				d = end
			}
			group, cause = synth.Pick(r, []sio.DisabilityGroup{sio.DisabilityGroupI, sio.DisabilityGroupII, sio.DisabilityGroupIII}), causeChildhood
		case group == sio.DisabilityChild:
		case synth.Chance(r, 0.12) && group != sio.DisabilityGroupI:
			group = map[sio.DisabilityGroup]sio.DisabilityGroup{sio.DisabilityGroupII: sio.DisabilityGroupI, sio.DisabilityGroupIII: sio.DisabilityGroupII}[group]
		case synth.Chance(r, 0.1) && group != sio.DisabilityGroupIII:
			group = map[sio.DisabilityGroup]sio.DisabilityGroup{sio.DisabilityGroupI: sio.DisabilityGroupII, sio.DisabilityGroupII: sio.DisabilityGroupIII}[group]
		}
	}
}

func adultCause(r *rand.Rand, p *sio.Person) string {
	male := p.Gender == sio.Male
	switch x := r.IntN(100); {
	case x < 6 && male, x < 2:
		return causeWork
	case x < 10:
		return causeOccupation
	case x < 13 && male:
		return causeMilitary
	case x < 18 && polygonRegions[p.RegionKATO]:
		return causePolygon
	case x < 19 && p.BirthDate.Year() < 1968:
		return causeChernobyl
	}
	return causeGeneral
}

// lossFor draws the degree of loss of professional working capacity that
// goes with the group.
func lossFor(r *rand.Rand, g sio.DisabilityGroup) int {
	switch g {
	case sio.DisabilityGroupI:
		return 90 + r.IntN(11)
	case sio.DisabilityGroupII:
		return 60 + r.IntN(30)
	}
	return 30 + r.IntN(30)
}
