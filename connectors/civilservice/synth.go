package civilservice

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// registerFrom: the register holds the posts held since 1999 (the Law "On
// civil service" of 1999).
var registerFrom = sio.MustDate("1999-07-23")

var dismissals = []string{"по собственному желанию", "в связи с переводом в другой государственный орган",
	"по истечении срока трудового договора", "в связи с сокращением штатной численности",
	"в связи с переходом на работу в квазигосударственный сектор",
	"в связи с совершением дисциплинарного проступка, дискредитирующего государственную службу"}

// Filler returns the generator of the register: about 3% of persons served
// in a state body after 22 (most start before 35), 1-3 posts in sequence
// (each held 18 months at least), starting as a specialist and promoted a
// level at each move, within the same body or to another body of the
// region (15% of posts in central bodies in Astana); 70% of those still
// under 63 serve now. Record IDs count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.CivilServiceRecord
		for i := range b.Persons {
			p := &b.Persons[i]
			r := k.For(string(p.IIN))
			if !synth.Chance(r, 0.03) {
				continue
			}
			for _, c := range career(r, p) {
				n++
				c.ID = n
				out = append(out, c)
			}
		}
		return s.Insert(ctx, out)
	}
}

// career draws the person's posts.
func career(r *rand.Rand, p *sio.Person) []sio.CivilServiceRecord {
	today := synth.Today()
	start := synth.AddYears(p.BirthDate, 22+r.IntN(13))
	if start.Before(registerFrom.Time) {
		start = synth.DateBetween(r, registerFrom, sio.MustDate("2003-12-31"))
	}
	end := synth.AddYears(p.BirthDate, 63)
	serving := false
	switch {
	case p.DeathDate != nil && p.DeathDate.Before(end.Time):
		end = *p.DeathDate
	case end.After(today.Time):
		end = today
		serving = synth.Chance(r, 0.7)
	}
	if !end.After(synth.AddDays(start, 180).Time) {
		return nil
	}
	if !serving && end.Equal(today.Time) {
		end = synth.DateBetween(r, synth.AddDays(start, 180), synth.AddDays(today, -30))
	}
	body := pickBody(r, p.RegionKATO)
	level := 5 + r.IntN(2)
	span := int(end.Sub(start.Time).Hours() / 24)
	// 1-3 posts, each held a year and a half at least
	n := min(1+r.IntN(3), max(1, span/540))
	var out []sio.CivilServiceRecord
	for i := 0; i < n; i++ {
		from := synth.AddDays(start, span*i/n)
		to := synth.AddDays(start, span*(i+1)/n)
		if i < n-1 {
			to = synth.AddDays(to, -1) // the day before the next appointment
		}
		b := &bodies[body]
		rec := sio.CivilServiceRecord{IIN: p.IIN, StateBodyBIN: b.bin, StateBodyRu: b.nameRu, RegionKATO: b.kato,
			PositionRu: positions[b.family][level-1], Category: category(b.family, level), Corps: "Б", StartDate: from,
			OrderNumber: fmt.Sprintf("№ %d-лс от %s", 10+r.IntN(400), from.Format("02.01.2006"))}
		if level == 1 {
			rec.Corps = "А"
		}
		last := i == n-1
		if !last || !serving {
			ground := "по собственному желанию"
			switch {
			case !last:
				ground = dismissals[1]
			case p.DeathDate != nil && to.Equal(p.DeathDate.Time):
				ground = "в связи со смертью"
			case to.Equal(synth.AddYears(p.BirthDate, 63).Time):
				ground = "в связи с достижением пенсионного возраста"
			default:
				ground = synth.Pick(r, dismissals)
			}
			rec.EndDate, rec.DismissalGroundRu = &to, &ground
		}
		out = append(out, rec)
		// the next post: a level up, in the same body or another of the region
		if level > 2 && synth.Chance(r, 0.8) {
			level--
		}
		if synth.Chance(r, 0.4) {
			body = pickBody(r, p.RegionKATO)
		}
		if !last && out[i].DismissalGroundRu != nil && out[i].StateBodyBIN == bodies[body].bin {
			g := "в связи с назначением на другую должность"
			out[i].DismissalGroundRu = &g
		}
	}
	return out
}

// pickBody draws a state body: of the person's region, or (15%) a central
// one in Astana.
func pickBody(r *rand.Rand, kato string) int {
	if synth.Chance(r, 0.15) {
		return r.IntN(len(ministries) + len(committees))
	}
	rs := bodiesByRegion[kato]
	if len(rs) == 0 {
		rs = bodiesByRegion["71"]
	}
	return synth.Pick(r, rs)
}
