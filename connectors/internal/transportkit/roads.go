package transportkit

import (
	"sio"
	"sio/synth"
)

// PlateRegion is the KATO region of a vehicle plate (its last two digits
// are the region's plate code), "" when unknown.
func PlateRegion(plate string) string {
	if len(plate) < 2 {
		return ""
	}
	code := plate[len(plate)-2:]
	for _, r := range sio.Regions {
		if r.PlateCode == code {
			return r.KATO
		}
	}
	return ""
}

// FirstVehicles maps each person of the batch who owns vehicles to the
// first of them (registration order of the batch, which is population
// order).
func FirstVehicles(b *synth.Batch) map[sio.IIN]*sio.Vehicle {
	m := map[sio.IIN]*sio.Vehicle{}
	for i := range b.Vehicles {
		v := &b.Vehicles[i]
		if v.OwnerKind != sio.SubjectPerson {
			continue
		}
		if _, ok := m[sio.IIN(v.OwnerID)]; !ok {
			m[sio.IIN(v.OwnerID)] = v
		}
	}
	return m
}

// DrunkDrivers decides which vehicle owners were caught driving drunk
// (КоАП РК art. 608 ч.1: deprivation of the right to drive for seven years).
// Водительское удостоверение records the deprivation and Нарушения правил
// дорожного движения the offence; both ask this one decision, drawn from its
// own stream, so that they agree.
type DrunkDrivers struct{ k *synth.Keyed }

// NewDrunkDrivers returns the decision of seed. Not safe for concurrent
// use: each filler makes its own.
func NewDrunkDrivers(seed int64) DrunkDrivers {
	return DrunkDrivers{k: synth.NewKeyed(seed, "drunk_driving")}
}

// drunkFrom is the first offence date: deprivations since then (seven
// years) are all still running at the snapshot.
var drunkFrom = sio.MustDate("2018-01-01")

// DeprivationYears is the term of deprivation under art. 608 ч.1.
const DeprivationYears = 7

// Offence reports whether the living owner p of vehicle v (their first)
// was caught driving drunk, about 1.5% of owners, and the day: after the
// vehicle's registration and 2018, at least 60 days before the snapshot
// (so that the court decided).
func (d DrunkDrivers) Offence(p *sio.Person, v *sio.Vehicle) (sio.Date, bool) {
	if !synth.Alive(p) {
		return sio.Date{}, false
	}
	r := d.k.For(string(p.IIN))
	if !synth.Chance(r, 0.015) {
		return sio.Date{}, false
	}
	lo := v.RegistrationDate
	if lo.Before(drunkFrom.Time) {
		lo = drunkFrom
	}
	hi := synth.AddDays(synth.Today(), -60)
	if lo.After(hi.Time) {
		return sio.Date{}, false
	}
	return synth.DateBetween(r, lo, hi), true
}

// CourtDecision is the day the administrative court decides on an offence
// of day: 10-30 days later, drawn from the offender's stream.
func (d DrunkDrivers) CourtDecision(p *sio.Person, offence sio.Date) sio.Date {
	r := d.k.For("court:" + string(p.IIN))
	return synth.AddDays(offence, 10+r.IntN(21))
}

// IsCity reports whether kato is a city of republican significance.
func IsCity(kato string) bool { return kato == "71" || kato == "75" || kato == "79" }
