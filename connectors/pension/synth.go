package pension

import (
	"context"
	"math"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// Contributions are kept for the last six paid months: periods
// 2024-06 … 2024-11 (December 2024 is paid in January 2025, after the
// snapshot). Interpretation: six months, as ГЦВП statements on request
// usually cover, keep the store at about two receipts per person. Periods of contributions (employments) go back to 1998, when
// the funded pension system began.
var (
	firstPeriod  = sio.MustDate("2024-06-01")
	lastPeriod   = sio.MustDate("2024-11-01")
	systemStart  = sio.MustDate("1998-01-01")
	opvrStart    = sio.MustDate("2024-01-01")
	hubJobChance = 0.06
)

// minWage is the monthly minimum wage (МЗП) in tenge by year: the floor of
// the income contributions are computed from; 50 МЗП is the ceiling.
func minWage(year int) int64 {
	if year >= 2024 {
		return 85_000
	}
	return 70_000
}

// wageIndex is the region's average wage relative to the country's (by
// KATO), after the statistics bureau's 2024 figures, rounded.
var wageIndex = map[string]float64{
	"23": 1.75, "47": 1.45, "71": 1.4, "75": 1.3, "62": 1.35, "35": 1.05, "55": 1.0, "63": 1.0,
	"15": 0.95, "27": 0.95, "43": 0.9, "10": 0.85, "39": 0.85, "11": 0.85, "59": 0.8, "19": 0.85,
	"33": 0.75, "31": 0.75, "61": 0.7, "79": 0.85,
}

// job is a period of contributions being generated.
type job struct {
	employer   synth.Company
	start, end sio.Date
	ongoing    bool
	income     int64 // monthly income in tenge
}

// Filler returns the generator of Пенсионные отчисления. Working-age
// persons get 0-3 employers over their career (18% none, 37% one, 30% two,
// 15% three) among the companies of the population, in sequence with gaps;
// 6% of those still working work for their hub holding or one of the
// partnerships that founded it. Careers start at
// 18-23 (contributions from 1998) and end at retirement (63 men, 61 women),
// death, or earlier. Entrepreneurs (ИП, КХ) pay for themselves from their
// registration. Monthly receipts cover the last six paid months.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var staff synth.Staffing
	return func(ctx context.Context, b *synth.Batch) error {
		var emps []sio.Employment
		var cons []sio.PensionContribution
		add := func(r *rand.Rand, iin sio.IIN, kind sio.PensionPayerKind, j job) {
			e := sio.Employment{IIN: iin, EmployerBIN: j.employer.BIN, PayerKind: kind, StartDate: j.start}
			if !j.ongoing {
				end := j.end
				e.EndDate = &end
			}
			emps = append(emps, e)
			cons = append(cons, monthly(r, iin, kind, j)...)
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			if (e.LegalForm != "ИП" && e.LegalForm != "КХ") || e.DirectorIIN == nil {
				continue
			}
			r := k.For(string(e.BIN))
			if j, ok := entrepreneur(r, e); ok {
				add(r, *e.DirectorIIN, sio.PayerEntrepreneur, j)
			}
		}
		err := staff.Feed(b, func(p *sio.Person, h *synth.Hiring) error {
			r := k.For(string(p.IIN))
			for _, j := range career(r, p, h) {
				add(r, p.IIN, sio.PayerEmployer, j)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := s.InsertEmployments(ctx, emps); err != nil {
			return err
		}
		return s.InsertContributions(ctx, cons)
	}
}

// entrepreneur is the self-employment of the head of an ИП or КХ: from its
// registration (not before 1998); a liquidated one stopped paying before
// the snapshot, and ~15% of active ones stopped paying too (no activity).
func entrepreneur(r *rand.Rand, e *sio.LegalEntity) (job, bool) {
	today := synth.Today()
	start := synth.AddDays(e.RegistrationDate, r.IntN(20))
	if start.Before(systemStart.Time) {
		start = synth.DateBetween(r, systemStart, sio.MustDate("1998-06-30"))
	}
	if !start.Before(today.Time) {
		return job{}, false
	}
	j := job{employer: synth.Company{BIN: e.BIN, Form: e.LegalForm, RegionKATO: e.RegionKATO}, start: start, ongoing: true,
		income: minWage(2024)}
	if synth.Chance(r, 0.3) {
		// declared above the minimum
		j.income = 85_000 + int64(r.IntN(400_000))
	}
	if e.Status != "ACTIVE" || synth.Chance(r, 0.15) {
		lo := synth.AddDays(start, 180)
		hi := synth.AddDays(today, -60)
		if lo.After(hi.Time) {
			return job{}, false
		}
		j.ongoing, j.end = false, synth.DateBetween(r, lo, hi)
	}
	return j, true
}

// career draws a person's employers in sequence.
func career(r *rand.Rand, p *sio.Person, h *synth.Hiring) []job {
	today := synth.Today()
	from := synth.AddYears(p.BirthDate, 18)
	from = synth.DateBetween(r, from, synth.AddYears(from, 5))
	if from.Before(systemStart.Time) {
		from = synth.DateBetween(r, systemStart, sio.MustDate("1999-12-31"))
	}
	retire := 63
	if p.Gender == sio.Female {
		retire = 61
	}
	to := synth.AddYears(p.BirthDate, retire)
	ongoing := false
	switch {
	case p.DeathDate != nil && p.DeathDate.Before(to.Time):
		to = *p.DeathDate
	case !to.Before(today.Time):
		to = today
		ongoing = synth.Chance(r, 0.85)
	}
	if !ongoing && to.Equal(today.Time) {
		// not working now: the last job ended up to two years ago
		to = synth.AddDays(to, -30-r.IntN(700))
	}
	n := synth.PickWeighted(r, []int{18, 37, 30, 15})
	if n == 0 || !synth.AddDays(from, 60).Before(to.Time) {
		return nil
	}
	// Cut [from, to] into n consecutive periods of roughly equal length.
	span := int(to.Sub(from.Time).Hours() / 24)
	cuts := make([]int, n+1)
	cuts[n] = span
	for i := 1; i < n; i++ {
		c := span*i/n + (r.IntN(2*span/(3*n)+1) - span/(3*n))
		cuts[i] = max(cuts[i-1]+60, min(c, span-60*(n-i)))
	}
	hubJob := ongoing && synth.Chance(r, hubJobChance)
	var out []job
	for i := 0; i < n; i++ {
		lo := synth.AddDays(from, cuts[i])
		if i > 0 {
			lo = synth.AddDays(lo, r.IntN(240)) // between jobs
		}
		hi := synth.AddDays(from, cuts[i+1])
		last := i == n-1
		var c synth.Company
		if last && hubJob {
			c = hubEmployer(r, h.HubGroup())
		} else {
			// a company that existed before the period ended
			var ok bool
			for try := 0; try < 6; try++ {
				if c, ok = h.Employer(r, p.RegionKATO, 0.8); !ok || c.Registered.Before(synth.AddDays(hi, -90).Time) {
					break
				}
			}
			if !ok {
				continue
			}
		}
		start := lo
		if earliest := synth.AddDays(c.Registered, 30); start.Before(earliest.Time) {
			start = earliest
		}
		j := job{employer: c, start: start, end: hi, ongoing: last && ongoing}
		if j.ongoing && !c.Active {
			// a liquidated employer stopped paying
			j.ongoing = false
			j.end = synth.DateBetween(r, synth.AddDays(start, 90), synth.AddDays(today, -180))
		}
		if !j.start.Before(today.Time) || (!j.ongoing && (!synth.AddDays(j.start, 30).Before(j.end.Time) || !j.end.Before(today.Time))) {
			continue
		}
		j.income = income(r, c, p.RegionKATO)
		out = append(out, j)
	}
	return out
}

// hubEmployer draws the holding itself (a third of its staff) or one of the
// partnerships that founded it, among those registered two months before
// the snapshot.
func hubEmployer(r *rand.Rand, group []synth.Company) synth.Company {
	cutoff := synth.AddDays(synth.Today(), -60)
	if group[0].Registered.Before(cutoff.Time) && synth.Chance(r, 0.33) {
		return group[0]
	}
	for i := 0; i < 8 && len(group) > 1; i++ {
		if c := synth.Pick(r, group[1:]); c.Registered.Before(cutoff.Time) {
			return c
		}
	}
	return group[0]
}

// income draws a monthly income in tenge: log-normal around 320,000 tenge
// scaled by the region's wage index and the size of the employer.
func income(r *rand.Rand, c synth.Company, kato string) int64 {
	x := 320_000 * wageIndex[kato] * math.Exp(0.45*r.NormFloat64())
	switch c.Form {
	case "АО":
		x *= 1.3
	case "ИП", "КХ":
		x *= 0.7
	}
	if c.Hub {
		x *= 1.5
	}
	return int64(math.Round(x/100)) * 100
}

// monthly generates the receipts of the job's months among the last twelve
// paid periods: ОПВ 10% of the income (between 1 and 50 minimum wages),
// ОПВР 1.5% for employers since 2024, paid by the 25th of the next month.
func monthly(r *rand.Rand, iin sio.IIN, kind sio.PensionPayerKind, j job) []sio.PensionContribution {
	lo, hi := j.start, lastPeriod
	if lo.Before(firstPeriod.Time) {
		lo = firstPeriod
	}
	if !j.ongoing && j.end.Before(hi.Time) {
		hi = j.end
	}
	var out []sio.PensionContribution
	for _, m := range synth.MonthsBetween(lo, hi) {
		base := j.income
		if kind == sio.PayerEmployer {
			base = base * int64(95+r.IntN(14)) / 100
		}
		mzp := minWage(m.Year())
		base = min(max(base, mzp), 50*mzp)
		c := sio.PensionContribution{IIN: iin, EmployerBIN: j.employer.BIN, PayerKind: kind, Period: m.Format("2006-01"),
			IncomeTiyn: base * 100, AmountTiyn: base * 10,
			PaymentDate: synth.AddDays(sio.Date{Time: m.AddDate(0, 1, 0)}, 4+r.IntN(21))}
		if kind == sio.PayerEmployer && !m.Before(opvrStart.Time) {
			opvr := base * 3 / 2 // 1.5% in tiyn
			c.EmployerAmountTiyn = &opvr
		}
		out = append(out, c)
	}
	return out
}
