package monopolists

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/synth"
)

// market is a register where companies of an activity (ОКЭД) are entered,
// with the spheres (or product markets) they are assessed on one by one and
// how many of them are entered in each.
type market struct {
	register sio.MonopolyRegister
	spheres  []string
	rate     float64
}

// The competition authority assesses dominance per product market, so a
// fuel wholesaler may dominate the regional market of one fuel and not of
// another.
var byActivity = map[string]market{
	"35111": {sio.NaturalMonopoly, []string{"Производство, передача, распределение и (или) снабжение тепловой энергией"}, 1},
	"52101": {sio.DominantPosition, []string{"Услуги по хранению зерна", "Услуги по приемке и отгрузке зерна"}, 0.3},
	"46711": {sio.DominantPosition, []string{"Оптовая реализация бензина марки АИ-92", "Оптовая реализация дизельного топлива",
		"Оптовая реализация сжиженного нефтяного газа"}, 0.35},
	"06100": {sio.DominantPosition, []string{"Реализация сырой нефти на внутреннем рынке", "Реализация попутного нефтяного газа"}, 0.35},
	"68201": {sio.NaturalMonopoly, []string{"Водоснабжение и (или) водоотведение"}, 0.05},
}

// Authorities: natural monopolies are regulated by КРЕМ; dominant positions
// were recorded by the competition committee of the Ministry of National
// Economy until the competition agency took over in October 2020.
const (
	authorityKREM       = "Комитет по регулированию естественных монополий МНЭ РК"
	authorityCommittee  = "Комитет по регулированию естественных монополий, защите конкуренции и прав потребителей МНЭ РК"
	authorityCompetence = "Агентство по защите и развитию конкуренции РК"
)

var agencyFounded = sio.MustDate("2020-10-01")

// Filler returns the generator of Сведения о монополистах: every heat
// producer (35111) is a natural monopoly, a few housing managers (68201)
// supply water; grain elevators, fuel wholesalers and oil producers hold a
// dominant position on each of their regional product markets with a
// chance of 30-35%, the other АО (not holdings) on the market of their
// activity with 25%, with a share of 35-85%. ~15% of entries were later
// excluded, and every entry of a liquidated entity.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.MonopolyRecord
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.LegalForm != "ТОО" && e.LegalForm != "АО" {
				continue
			}
			r := k.For(string(e.BIN))
			m, ok := byActivity[e.ActivityCode]
			if !ok && e.LegalForm == "АО" && e.ActivityCode != "64200" {
				m, ok = market{sio.DominantPosition, []string{"Рынок: " + strings.ToLower(e.ActivityRu)}, 0.25}, true
			}
			// Entered a year after registration at the earliest.
			from := synth.AddYears(synth.Registered(e), 1)
			if !ok || from.After(synth.Today().Time) {
				continue
			}
			for _, sphere := range m.spheres {
				if synth.Chance(r, m.rate) {
					n++
					out = append(out, newRecord(r, e, m.register, sphere, from, n))
				}
			}
		}
		return s.Insert(ctx, out)
	}
}

// newRecord draws an entry. Interpretation: register numbers are the
// region's KATO, ЕМ (natural monopoly) or ДП (dominant position) and a serial.
func newRecord(r *rand.Rand, e *sio.LegalEntity, register sio.MonopolyRegister, sphere string, from sio.Date, n int) sio.MonopolyRecord {
	today := synth.Today()
	if lo := sio.MustDate("2008-01-01"); from.Before(lo.Time) {
		from = lo
	}
	in := synth.DateBetween(r, from, today)
	code := "ЕМ"
	if register == sio.DominantPosition {
		code = "ДП"
	}
	rec := sio.MonopolyRecord{RegisterNumber: fmt.Sprintf("%s-%s-%06d", e.RegionKATO, code, n), BIN: e.BIN, Register: register,
		SphereRu: sphere, RegionKATO: e.RegionKATO, IncludedAt: in, AuthorityRu: authorityKREM}
	if register == sio.DominantPosition {
		share := math.Round((35+r.Float64()*50)*10) / 10
		rec.MarketSharePercent = &share
		rec.AuthorityRu = authorityCompetence
		if in.Before(agencyFounded.Time) {
			rec.AuthorityRu = authorityCommittee
		}
	}
	if e.Status != "ACTIVE" || synth.Chance(r, 0.15) {
		out := synth.DateBetween(r, synth.AddDays(in, 180), today)
		if !out.After(today.Time) {
			rec.ExcludedAt = &out
		}
	}
	return rec
}
