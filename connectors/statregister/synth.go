package statregister

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// krpClass is a class of the classifier of enterprise sizes by number of
// employees (КРП), with the size category of the Entrepreneurial Code
// (small up to 100, medium up to 250, large above).
type krpClass struct {
	max        int
	code, name string
	size       sio.EnterpriseSize
}

// Interpretation: the КРП codes and bands follow the classifier used by the
// statistical business register; where bands of the published classifier
// differ by edition, these are the ones used here.
var krpClasses = []krpClass{
	{5, "105", "Малые предприятия (<= 5 чел.)", sio.EnterpriseSmall},
	{10, "110", "Малые предприятия (6-10 чел.)", sio.EnterpriseSmall},
	{15, "120", "Малые предприятия (11-15 чел.)", sio.EnterpriseSmall},
	{20, "121", "Малые предприятия (16-20 чел.)", sio.EnterpriseSmall},
	{50, "122", "Малые предприятия (21-50 чел.)", sio.EnterpriseSmall},
	{100, "130", "Малые предприятия (51-100 чел.)", sio.EnterpriseSmall},
	{150, "140", "Средние предприятия (101-150 чел.)", sio.EnterpriseMedium},
	{200, "150", "Средние предприятия (151-200 чел.)", sio.EnterpriseMedium},
	{250, "160", "Средние предприятия (201-250 чел.)", sio.EnterpriseMedium},
	{500, "215", "Крупные предприятия (251-500 чел.)", sio.EnterpriseLarge},
	{1000, "220", "Крупные предприятия (501-1000 чел.)", sio.EnterpriseLarge},
	{math.MaxInt, "230", "Крупные предприятия (более 1000 чел.)", sio.EnterpriseLarge},
}

func krpOf(employees int) krpClass {
	for _, c := range krpClasses {
		if employees <= c.max {
			return c
		}
	}
	return krpClasses[len(krpClasses)-1]
}

// Statistical forms: the last one a unit submitted depends on its form and
// size. Annual forms for 2023 were due in spring 2024, 1-Т for the third
// quarter of 2024 in October, 29-сх (harvest) in November 2024.
type reportForm struct {
	name      string
	period    sio.Date // end of the period reported
	from, to  sio.Date // submission window
	quarterly bool
}

var (
	formIP    = reportForm{"1-ИП (годовая)", sio.MustDate("2023-12-31"), sio.MustDate("2024-02-01"), sio.MustDate("2024-04-01"), false}
	formSmall = reportForm{"2-МП (годовая)", sio.MustDate("2023-12-31"), sio.MustDate("2024-02-15"), sio.MustDate("2024-03-31"), false}
	formLabor = reportForm{"1-Т (квартальная)", sio.MustDate("2024-09-30"), sio.MustDate("2024-10-05"), sio.MustDate("2024-10-25"), true}
	formFarm  = reportForm{"29-сх (годовая)", sio.MustDate("2024-10-31"), sio.MustDate("2024-11-01"), sio.MustDate("2024-11-25"), false}
)

// Filler returns the generator of the statistical register: one unit per
// legal entity of the batch (interpretation: ИП and peasant farms too, under
// the BIN they have in ГБД ЮЛ). Employees are drawn by legal form (ИП up to 5,
// peasant farms up to 15, ТОО around 8 with a long tail, АО around 150),
// liquidated entities are LIQUIDATED, taxpayers recognised as inactive are
// INACTIVE with no staff, ~5% of the others TEMPORARILY_INACTIVE (their last
// report a year old).
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	return func(ctx context.Context, b *synth.Batch) error {
		taxpayers := synth.TaxpayersByID(b)
		out := make([]sio.StatisticalUnit, 0, len(b.Entities))
		for i := range b.Entities {
			e := &b.Entities[i]
			out = append(out, newUnit(k.For(string(e.BIN)), e, taxpayers[string(e.BIN)]))
		}
		return s.Insert(ctx, out)
	}
}

func newUnit(r *rand.Rand, e *sio.LegalEntity, t *sio.Taxpayer) sio.StatisticalUnit {
	reg := synth.Registered(e)
	u := sio.StatisticalUnit{BIN: e.BIN, KATO: kato(e, t), LocalityRu: synth.LocalityOf(e.Address), OKED: e.ActivityCode,
		OKEDNameRu: e.ActivityRu, OwnershipRu: "Частная собственность", Activity: sio.StatActive, UpdatedAt: reg}
	if (e.LegalForm == "ТОО" || e.LegalForm == "АО") && synth.Chance(r, 0.05) {
		u.OwnershipRu = "Частная собственность с иностранным участием"
	}
	switch e.LegalForm {
	case "ИП":
		u.Employees = r.IntN(6)
	case "КХ":
		u.Employees = 1 + r.IntN(15)
	case "АО":
		u.Employees = lognormal(r, 150, 1.2, 10, 20000)
	default:
		u.Employees = lognormal(r, 8, 1.1, 1, 3000)
	}
	form := formSmall
	switch {
	case e.LegalForm == "ИП":
		form = formIP
	case e.LegalForm == "КХ" || e.ActivityCode[:2] == "01":
		form = formFarm
	case u.Employees > 100:
		form = formLabor
	}
	switch {
	case e.Status != "ACTIVE":
		u.Activity, u.Employees = sio.StatLiquidated, 0
		u.UpdatedAt = synth.DateBetween(r, synth.AddYears(reg, 2), synth.Today())
	case t != nil && t.Status == "INACTIVE":
		// Not reporting for a year or more: the last report (if the unit
		// ever reported) is two years old.
		u.Activity, u.Employees = sio.StatInactive, 0
		u.UpdatedAt = synth.Today()
		report(r, &u, form, -2, reg)
	case synth.Chance(r, 0.05):
		u.Activity = sio.StatTemporarilyInactive
		report(r, &u, form, -1, reg)
		u.UpdatedAt = synth.Today()
	default:
		report(r, &u, form, 0, reg)
	}
	c := krpOf(u.Employees)
	u.KRP, u.KRPNameRu, u.Size = c.code, c.name, c.size
	return u
}

// report records the last submission of form, shifted by years, if the unit
// existed at the end of the reported period.
func report(r *rand.Rand, u *sio.StatisticalUnit, f reportForm, years int, reg sio.Date) {
	if synth.AddYears(f.period, years).Before(reg.Time) {
		return
	}
	name, at := f.name, synth.DateBetween(r, synth.AddYears(f.from, years), synth.AddYears(f.to, years))
	u.LastReportForm, u.LastReportDate = &name, &at
	if at.After(u.UpdatedAt.Time) {
		u.UpdatedAt = at
	}
}

// lognormal draws a head count around median with spread sigma, in [lo, hi].
func lognormal(r *rand.Rand, median, sigma float64, lo, hi int) int {
	n := int(math.Round(median * math.Exp(sigma*r.NormFloat64())))
	return min(max(n, lo), hi)
}

// kato is the unit's 9-digit КАТО code. Interpretation: the population
// carries only the region (2 digits); the district is derived from the
// number of the tax office serving the entity's locality (the last two
// digits of its code), and the last five digits name the district seat.
func kato(e *sio.LegalEntity, t *sio.Taxpayer) string {
	n := 0
	if t != nil && len(t.TaxOfficeCode) == 4 {
		fmt.Sscanf(t.TaxOfficeCode[2:], "%d", &n)
	}
	return fmt.Sprintf("%s%02d10000", e.RegionKATO, 10+2*(n%45))
}
