package socialassistance

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"sio"
	"sio/connectors/disability"
	"sio/synth"
)

// Benefit names as the register records them.
var kindRu = map[sio.BenefitKind]string{
	sio.BenefitDisability:  "Государственное социальное пособие по инвалидности",
	sio.BenefitDisabledKid: "Пособие матери или отцу, усыновителю (удочерителю), опекуну (попечителю), воспитывающему ребенка с инвалидностью",
	sio.BenefitSurvivor:    "Государственное социальное пособие по случаю потери кормильца",
	sio.BenefitBirth:       "Единовременное государственное пособие в связи с рождением ребенка",
	sio.BenefitChildcare:   "Государственное пособие по уходу за ребенком до достижения им возраста полутора лет",
	sio.BenefitLargeFamily: "Государственное пособие многодетной семье",
	sio.BenefitMotherAward: "Государственное пособие многодетной матери, награжденной подвеской «Күміс алқа»",
	sio.BenefitTargeted:    "Адресная социальная помощь",
}

// benefitsFrom: the register holds the assignments made since 2015.
var benefitsFrom = sio.MustDate("2015-01-01")

// family is what the civil acts of a batch say about parents and children.
type family struct {
	persons  map[sio.IIN]*sio.Person
	children map[sio.IIN][]*sio.Person // by mother, oldest first
	mother   map[sio.IIN]*sio.Person
	father   map[sio.IIN]*sio.Person
}

func familyOf(b *synth.Batch) *family {
	f := &family{persons: make(map[sio.IIN]*sio.Person, len(b.Persons)), children: map[sio.IIN][]*sio.Person{},
		mother: map[sio.IIN]*sio.Person{}, father: map[sio.IIN]*sio.Person{}}
	for i := range b.Persons {
		f.persons[b.Persons[i].IIN] = &b.Persons[i]
	}
	for _, a := range b.Acts {
		if a.Kind != sio.ActBirth {
			continue
		}
		var child, mother, father *sio.Person
		for _, p := range a.Parties {
			switch p.Role {
			case sio.RoleChild:
				child = f.persons[p.IIN]
			case sio.RoleMother:
				mother = f.persons[p.IIN]
			case sio.RoleFather:
				father = f.persons[p.IIN]
			}
		}
		if child == nil {
			continue
		}
		if mother != nil {
			f.mother[child.IIN] = mother
			f.children[mother.IIN] = append(f.children[mother.IIN], child)
		}
		if father != nil {
			f.father[child.IIN] = father
		}
	}
	for _, cs := range f.children {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].BirthDate.Before(cs[j].BirthDate.Time) })
	}
	return f
}

// Filler returns the generator of Социальная помощь, from 2015 on:
// disability benefits for the persons Инвалидность finds disabled (to the
// mother for a disabled child); for mothers, the birth grant (95% of
// births) and the child-care allowance to 18 months; the large-family
// allowance while 4 or more children are under 18; the «Күміс алқа» award
// allowance for 7 children; survivor benefits for children who lost a
// parent; and quarterly targeted assistance (АСП) for ~7% of mothers of two
// or more minors. Decision IDs count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	kd := synth.NewKeyed(seed, disability.Name)
	var n int64
	return func(ctx context.Context, b *synth.Batch) error {
		f := familyOf(b)
		var out []sio.Benefit
		add := func(x sio.Benefit) {
			// nothing is paid to a recipient after death
			if p := f.persons[x.IIN]; p != nil && p.DeathDate != nil {
				if x.StartDate.After(p.DeathDate.Time) {
					return
				}
				if x.EndDate == nil || x.EndDate.After(p.DeathDate.Time) {
					x.EndDate = ptr(*p.DeathDate)
				}
			}
			n++
			x.ID = n
			x.KindRu = kindRu[x.Kind]
			x.Status = sio.BenefitPaid
			if x.LumpSum || (x.EndDate != nil && x.EndDate.Before(synth.Today().Time)) {
				x.Status = sio.BenefitEnded
			}
			x.DecisionNumber = fmt.Sprintf("%d-%s-%07d", x.StartDate.Year(), x.RegionKATO, n)
			if x.Department == "" {
				x.Department = stateCorporation(x.RegionKATO)
			}
			out = append(out, x)
		}
		for i := range b.Persons {
			p := &b.Persons[i]
			r := k.For(string(p.IIN))
			for _, x := range disabilityBenefits(r, p, disability.Assess(kd.For(string(p.IIN)), p), f) {
				add(x)
			}
			for _, x := range survivorBenefits(r, p, f) {
				add(x)
			}
			if p.Gender == sio.Female {
				for _, x := range motherBenefits(r, p, f.children[p.IIN]) {
					add(x)
				}
			}
		}
		return s.Insert(ctx, out)
	}
}

// stateCorporation is the department that assigns state benefits.
func stateCorporation(kato string) string {
	dept := "Филиал НАО «Государственная корпорация «Правительство для граждан»"
	if r, ok := sio.RegionByKATO(kato); ok {
		dept += " по " + r.DativeRu()
	}
	return dept
}

// tiyn converts hundredths of the base (MRP or subsistence minimum) times
// the base in tenge to tiyn: coef100 = 576 means 5.76 bases.
func tiyn(coef100, base int64) int64 { return coef100 * base }

func ptr(d sio.Date) *sio.Date { return &d }

// disabilityBenefits pays each МСЭ decision made before retirement age
// while it is in force: to the person, or to the mother of a disabled
// child.
func disabilityBenefits(r *rand.Rand, p *sio.Person, ds []sio.Disability, f *family) []sio.Benefit {
	var out []sio.Benefit
	for i, d := range ds {
		if synth.AgeAt(p, d.EstablishedOn) >= 61 {
			continue
		}
		start := synth.AddDays(d.EstablishedOn, r.IntN(25))
		if start.Before(benefitsFrom.Time) || start.After(synth.Today().Time) {
			continue
		}
		x := sio.Benefit{IIN: p.IIN, Kind: sio.BenefitDisability, StartDate: start, RegionKATO: p.RegionKATO}
		switch {
		case i+1 < len(ds):
			x.EndDate = ptr(synth.AddDays(ds[i+1].EstablishedOn, -1))
		case d.CeasedOn != nil:
			x.EndDate = ptr(*d.CeasedOn)
		}
		if x.EndDate != nil && x.EndDate.Before(start.Time) {
			continue
		}
		y := start.Year()
		switch d.Group {
		case sio.DisabilityGroupI:
			x.AmountTiyn = tiyn(218, sio.SubsistenceMinimum(y))
		case sio.DisabilityGroupII:
			x.AmountTiyn = tiyn(174, sio.SubsistenceMinimum(y))
		case sio.DisabilityGroupIII:
			x.AmountTiyn = tiyn(119, sio.SubsistenceMinimum(y))
		case sio.DisabilityChild:
			m := f.mother[p.IIN]
			if m == nil || (m.DeathDate != nil && m.DeathDate.Before(start.Time)) {
				continue
			}
			child := p.IIN
			x.IIN, x.ForIIN, x.Kind, x.RegionKATO = m.IIN, &child, sio.BenefitDisabledKid, m.RegionKATO
			x.AmountTiyn = tiyn(140, sio.SubsistenceMinimum(y))
		}
		out = append(out, x)
	}
	return out
}

// survivorBenefits pays for a minor who lost a parent, to the surviving
// parent (or to the child's guardian account, the child itself), until 18.
func survivorBenefits(r *rand.Rand, p *sio.Person, f *family) []sio.Benefit {
	adult := synth.AddYears(p.BirthDate, 18)
	for _, parent := range []*sio.Person{f.father[p.IIN], f.mother[p.IIN]} {
		if parent == nil || parent.DeathDate == nil || !parent.DeathDate.Before(adult.Time) || parent.DeathDate.Before(p.BirthDate.Time) {
			continue
		}
		start := synth.AddDays(*parent.DeathDate, 20+r.IntN(40))
		if start.Before(benefitsFrom.Time) || !start.Before(synth.Today().Time) || !start.Before(adult.Time) {
			continue
		}
		x := sio.Benefit{IIN: p.IIN, Kind: sio.BenefitSurvivor, StartDate: start, EndDate: ptr(synth.AddDays(adult, -1)),
			AmountTiyn: tiyn(98, sio.SubsistenceMinimum(start.Year())), RegionKATO: p.RegionKATO}
		other := f.mother[p.IIN]
		if other == parent {
			other = f.father[p.IIN]
		}
		if other != nil && (other.DeathDate == nil || other.DeathDate.After(start.Time)) {
			child := p.IIN
			x.IIN, x.ForIIN, x.RegionKATO = other.IIN, &child, other.RegionKATO
		}
		return []sio.Benefit{x}
	}
	return nil
}

// childcareCoef is the child-care allowance in hundredths of an MRP by the
// child's order of birth (4th and later: the last).
var childcareCoef = []int64{576, 681, 785, 890}

// motherBenefits pays a mother for her children (oldest first).
func motherBenefits(r *rand.Rand, m *sio.Person, children []*sio.Person) []sio.Benefit {
	today := synth.Today()
	var out []sio.Benefit
	for i, c := range children {
		child := c.IIN
		if !c.BirthDate.Before(benefitsFrom.Time) && synth.Chance(r, 0.95) {
			paid := synth.AddDays(c.BirthDate, 15+r.IntN(45))
			coef := int64(3800)
			if i >= 3 {
				coef = 6300
			}
			if paid.Before(today.Time) {
				out = append(out, sio.Benefit{IIN: m.IIN, Kind: sio.BenefitBirth, ForIIN: &child, LumpSum: true, StartDate: paid,
					EndDate: ptr(paid), AmountTiyn: tiyn(coef, sio.MRP(paid.Year()).Tenge()), RegionKATO: m.RegionKATO})
			}
		}
		if !c.BirthDate.Before(benefitsFrom.Time) {
			start := synth.AddDays(c.BirthDate, 20+r.IntN(40))
			if start.Before(today.Time) {
				out = append(out, sio.Benefit{IIN: m.IIN, Kind: sio.BenefitChildcare, ForIIN: &child, StartDate: start,
					EndDate:    ptr(synth.AddDays(sio.Date{Time: c.BirthDate.AddDate(0, 18, 0)}, -1)),
					AmountTiyn: tiyn(childcareCoef[min(i, 3)], sio.MRP(start.Year()).Tenge()), RegionKATO: m.RegionKATO})
			}
		}
	}
	if x, ok := largeFamily(r, m, children); ok {
		out = append(out, x)
	}
	if len(children) >= 7 {
		start := synth.AddDays(synth.AddYears(children[6].BirthDate, 1), r.IntN(365))
		if start.Before(benefitsFrom.Time) {
			start = synth.AddDays(benefitsFrom, r.IntN(60))
		}
		if start.Before(today.Time) {
			out = append(out, sio.Benefit{IIN: m.IIN, Kind: sio.BenefitMotherAward, StartDate: start,
				AmountTiyn: tiyn(640, sio.MRP(start.Year()).Tenge()), RegionKATO: m.RegionKATO})
		}
	}
	var minors int
	for _, c := range children {
		if synth.AgeAt(c, today) < 18 && c.DeathDate == nil {
			minors++
		}
	}
	if minors >= 2 && synth.AgeAt(m, today) < 55 && m.DeathDate == nil && synth.Chance(r, 0.07) {
		out = append(out, targeted(r, m, minors)...)
	}
	return out
}

// largeFamily is the large-family allowance: from when a 4th child under 18
// lived in the family (not before 2015) until fewer than four are minors.
func largeFamily(r *rand.Rand, m *sio.Person, children []*sio.Person) (sio.Benefit, bool) {
	if len(children) < 4 {
		return sio.Benefit{}, false
	}
	minorsAt := func(d sio.Date) int {
		n := 0
		for _, c := range children {
			if !c.BirthDate.After(d.Time) && synth.AddYears(c.BirthDate, 18).After(d.Time) && (c.DeathDate == nil || c.DeathDate.After(d.Time)) {
				n++
			}
		}
		return n
	}
	today := synth.Today()
	start := benefitsFrom
	for _, c := range children {
		if d := synth.AddDays(c.BirthDate, 30); d.After(start.Time) && minorsAt(d) >= 4 && minorsAt(start) < 4 {
			start = d
		}
	}
	if minorsAt(start) < 4 || !start.Before(today.Time) {
		return sio.Benefit{}, false
	}
	x := sio.Benefit{IIN: m.IIN, Kind: sio.BenefitLargeFamily, StartDate: synth.AddDays(start, r.IntN(30)), RegionKATO: m.RegionKATO}
	n := int64(minorsAt(start))
	x.AmountTiyn = tiyn(1603+401*(n-4), sio.MRP(x.StartDate.Year()).Tenge())
	for _, c := range children {
		if d := synth.AddYears(c.BirthDate, 18); d.After(start.Time) && !d.After(today.Time) && minorsAt(d) < 4 {
			x.EndDate = ptr(synth.AddDays(d, -1))
			break
		}
	}
	if m.DeathDate != nil && (x.EndDate == nil || m.DeathDate.Before(x.EndDate.Time)) {
		x.EndDate = m.DeathDate
	}
	if x.EndDate != nil && x.EndDate.Before(x.StartDate.Time) {
		return sio.Benefit{}, false
	}
	return x, true
}

// targeted is targeted social assistance, assigned for a quarter at a
// time: 1-4 consecutive quarters from 2021 on, per family member the
// difference to the poverty line.
func targeted(r *rand.Rand, m *sio.Person, minors int) []sio.Benefit {
	today := synth.Today()
	region, _ := sio.RegionByKATO(m.RegionKATO)
	dept := "ГУ «Отдел занятости и социальных программ»"
	if region != nil {
		dept = "ГУ «Отдел занятости и социальных программ города " + region.CenterRu + "»"
	}
	q := sio.MustDate("2021-01-01").AddDate(0, 3*r.IntN(16), 0)
	members := int64(minors + 1)
	perHead := int64(8_000 + r.IntN(17_000))
	var out []sio.Benefit
	for i := 1 + r.IntN(4); i > 0; i-- {
		start := synth.AddDays(sio.Date{Time: q}, r.IntN(10))
		if !start.Before(today.Time) {
			break
		}
		end := sio.Date{Time: q.AddDate(0, 3, -1)}
		out = append(out, sio.Benefit{IIN: m.IIN, Kind: sio.BenefitTargeted, StartDate: start, EndDate: &end,
			AmountTiyn: members * perHead * 100, Department: dept, RegionKATO: m.RegionKATO})
		q = q.AddDate(0, 3, 0)
	}
	return out
}
