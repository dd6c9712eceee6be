package telecom

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"

	"sio"
	"sio/synth"
)

// Internet tariffs on a line (2025): ADSL under the old Megaline brand where
// the copper line is still in use, fibre (ID Net) elsewhere.
var (
	homeTariffs     = []string{"Megaline Turbo Plus", "ID Net 100", "ID Net 100", "ID Net 300", "ID Net 500"}
	businessTariffs = []string{"ID Net Business 100", "ID Net Business 300", "ID Net Business 500", "Megaline Business"}
)

// Rates of the generator.
const (
	// householdLine: share of households with a fixed line (fixed-line
	// penetration has fallen to about a third of households).
	householdLine = 0.36
	// internetOnLine, tvWithInternet: services on a household line.
	internetOnLine = 0.6
	tvWithInternet = 0.35
	// companyLine: share of ТОО/АО (others: soleLine) with office lines.
	companyLine = 0.35
	soleLine    = 0.12
)

// Interpretation: synth.LandlineNumber draws random local numbers, which
// collide between households at a million persons; numbers here come from
// synth.LandlineNumberAt (the same area codes) so that one number is one
// household's or one office's.
//
// Numbering streams: households and companies each come in population order
// whatever the batch cuts. Each has its own contract counters per region
// (the stream is the contract number's third digit) and takes the even
// (households) or odd (companies) positions of the region's numbering plan
// (synth.LandlineNumberAt), so numbers never collide.
const (
	streamHome     = 1
	streamBusiness = 2
)

type counters struct {
	contracts [3]map[string]int    // per stream, per region
	numbers   [3]map[string]uint64 // per stream, per region
}

func (c *counters) contract(stream int, kato string) string {
	c.contracts[stream][kato]++
	return fmt.Sprintf("%s%d%07d", kato, stream, c.contracts[stream][kato])
}

func (c *counters) number(stream int, kato string) string {
	n := c.numbers[stream][kato]
	c.numbers[stream][kato]++
	return synth.LandlineNumberAt(kato, 2*n+uint64(stream-1))
}

// Filler returns the generator of БД "Казахтелеком": a line for about a
// third of the households (a family sharing an address), contracted by the
// eldest adult and re-registered to the next one when the subscriber dies,
// keeping the number; office lines of a third of the companies. Some
// contracts are suspended for debt or terminated at the subscriber's
// request, all of a liquidated company's are terminated.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	c := &counters{}
	for i := range c.contracts {
		c.contracts[i], c.numbers[i] = map[string]int{}, map[string]uint64{}
	}
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.FixedLineSubscription
		for _, hh := range households(b) {
			r := k.For(string(hh[0].IIN))
			if !synth.Chance(r, householdLine) {
				continue
			}
			out = append(out, householdLines(r, c, hh)...)
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			r := k.For(string(e.BIN))
			out = append(out, companyLines(r, c, e)...)
		}
		return s.Insert(ctx, out)
	}
}

// households groups the persons of a batch into households: persons at one
// address linked by a civil act (marriage, birth), in the order of their
// first member. An address alone does not make a household: two clans may
// live at the same house number. A clan, and so each of its households and
// their acts, never spans two batches.
func households(b *synth.Batch) [][]*sio.Person {
	at := make(map[sio.IIN]int, len(b.Persons))
	for i := range b.Persons {
		at[b.Persons[i].IIN] = i
	}
	parent := make([]int, len(b.Persons))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, a := range b.Acts {
		for i := 1; i < len(a.Parties); i++ {
			x, okx := at[a.Parties[0].IIN]
			y, oky := at[a.Parties[i].IIN]
			if okx && oky && b.Persons[x].Address == b.Persons[y].Address {
				if rx, ry := find(x), find(y); rx != ry {
					parent[max(rx, ry)] = min(rx, ry)
				}
			}
		}
	}
	var out [][]*sio.Person
	group := map[int]int{}
	for i := range b.Persons {
		root := find(i)
		g, ok := group[root]
		if !ok {
			g = len(out)
			group[root] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], &b.Persons[i])
	}
	return out
}

// householdLines draws the contracts of a household's line: the first
// subscriber is the eldest adult who was alive long enough; on the
// subscriber's death the contract ends and the next eldest living adult
// re-registers the line under the same number.
func householdLines(r *rand.Rand, c *counters, members []*sio.Person) []sio.FixedLineSubscription {
	today := synth.Today()
	// Eldest first; a member qualifies once 18.
	adults := slices.Clone(members)
	sort.SliceStable(adults, func(i, j int) bool { return adults[i].BirthDate.Before(adults[j].BirthDate.Time) })
	first := -1
	var start sio.Date
	for i, p := range adults {
		from := synth.Later(synth.AddYears(p.BirthDate, 18), sio.MustDate("1995-01-01"))
		to := synth.AddDays(today, -30)
		if p.DeathDate != nil {
			to = synth.Earlier(to, synth.AddDays(*p.DeathDate, -30))
		}
		if !to.Before(from.Time) {
			first, start = i, synth.DateBetween(r, from, to)
			break
		}
	}
	if first < 0 {
		return nil
	}
	kato := adults[first].RegionKATO
	services := "PHONE"
	var tariff *string
	if synth.Chance(r, internetOnLine) {
		services += ",INTERNET"
		t := synth.Pick(r, homeTariffs)
		tariff = &t
		if synth.Chance(r, tvWithInternet) {
			services += ",IPTV"
		}
	}
	number := c.number(streamHome, kato)
	var out []sio.FixedLineSubscription
	for i := first; i < len(adults); {
		p := adults[i]
		sub := sio.FixedLineSubscription{ContractNumber: c.contract(streamHome, kato), PhoneNumber: number,
			SubscriberID: string(p.IIN), SubscriberKind: sio.SubjectPerson, SubscriberName: p.FullName(),
			Address: p.Address, RegionKATO: kato, ContractDate: start, Status: sio.SubscriptionActive,
			ServiceList: services, InternetTariff: tariff, Branch: branch(kato)}
		if p.DeathDate == nil {
			switch x := r.Float64(); {
			case x < 0.07:
				end := synth.DateBetween(r, synth.Earlier(synth.AddDays(start, 30), today), today)
				sub.TerminatedOn, sub.Status = &end, sio.SubscriptionTerminated
			case x < 0.11:
				sub.Status = sio.SubscriptionSuspended
			}
			return append(out, sub)
		}
		// The subscriber died: the line is re-registered within months.
		end := synth.Earlier(synth.AddDays(*p.DeathDate, 30+r.IntN(120)), today)
		sub.TerminatedOn, sub.Status = &end, sio.SubscriptionTerminated
		out = append(out, sub)
		next := -1
		for j := i + 1; j < len(adults); j++ {
			q := adults[j]
			if (q.DeathDate == nil || q.DeathDate.After(end.Time)) && !synth.AddYears(q.BirthDate, 18).After(end.Time) {
				next = j
				break
			}
		}
		if next < 0 || !end.Before(today.Time) {
			return out
		}
		i, start = next, end
	}
	return out
}

// companyLines draws the office lines of a company at its address.
func companyLines(r *rand.Rand, c *counters, e *sio.LegalEntity) []sio.FixedLineSubscription {
	p, lines := soleLine, 1
	if e.LegalForm == "ТОО" || e.LegalForm == "АО" {
		p = companyLine
	}
	if !synth.Chance(r, p) {
		return nil
	}
	if p == companyLine {
		lines += r.IntN(3)
	}
	today := synth.Today()
	from := synth.Later(e.RegistrationDate, sio.MustDate("1995-01-01"))
	var out []sio.FixedLineSubscription
	for i := range lines {
		start := synth.DateBetween(r, from, today)
		services := "PHONE"
		var tariff *string
		if i == 0 && synth.Chance(r, 0.8) {
			services += ",INTERNET"
			t := synth.Pick(r, businessTariffs)
			tariff = &t
		}
		sub := sio.FixedLineSubscription{ContractNumber: c.contract(streamBusiness, e.RegionKATO),
			PhoneNumber: c.number(streamBusiness, e.RegionKATO), SubscriberID: string(e.BIN),
			SubscriberKind: sio.SubjectLegalEntity, SubscriberName: e.NameRu, Address: e.Address,
			RegionKATO: e.RegionKATO, ContractDate: start, Status: sio.SubscriptionActive,
			ServiceList: services, InternetTariff: tariff, Branch: branch(e.RegionKATO)}
		x := r.Float64()
		switch {
		case e.Status != "ACTIVE" || x < 0.05:
			end := synth.DateBetween(r, start, today)
			sub.TerminatedOn, sub.Status = &end, sio.SubscriptionTerminated
		case x < 0.08:
			sub.Status = sio.SubscriptionSuspended
		}
		out = append(out, sub)
	}
	return out
}

// branch is the regional directorate of telecommunications serving a line.
func branch(kato string) string {
	if r, ok := sio.RegionByKATO(kato); ok {
		return "Дирекция телекоммуникаций " + r.GenitiveRu() + " АО «Казахтелеком»"
	}
	return "АО «Казахтелеком»"
}
