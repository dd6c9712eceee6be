package roadaccidents

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

var kinds = []struct {
	kind   sio.AccidentKind
	ru     string
	weight int
}{
	{sio.AccidentCollision, "столкновение", 55},
	{sio.AccidentPedestrianHit, "наезд на пешехода", 22},
	{sio.AccidentObstacleHit, "наезд на препятствие", 13},
	{sio.AccidentRollover, "опрокидывание", 10},
}

// road is a person of the population met on the road: a driver with their
// vehicle, a passenger or a pedestrian.
type road struct {
	iin   sio.IIN
	birth sio.Date
	death *sio.Date
	vin   *string
	plate *string
}

// on reports whether the person can take part in an accident on day at
// the given minimum age.
func (x road) on(day sio.Date, minAge int) bool {
	return (x.death == nil || x.death.After(day.Time)) && !synth.AddYears(x.birth, minAge).After(day.Time)
}

// windowFrom is the start of the accidents of the snapshot.
var windowFrom = sio.MustDate("2019-01-01")

// Filler returns the generator of Учет ДТП. About 3% of persons who own a
// vehicle caused an accident since 2019 (after the vehicle's registration,
// while alive): a collision with the vehicle of another owner, a pedestrian
// hit, an obstacle hit or a rollover, with the person just before the
// driver in the population (usually of the same household) as a passenger
// in a third of them. The other party of a collision and the pedestrian
// are persons met earlier in the population (a ring of the last 2,000, so
// that references do not depend on batch cuts). The culprit is the driver
// who caused it; injuries are drawn per participant (pedestrians are hurt
// in nine accidents of ten, ~5% of participants die). Interpretation:
// vehicles of companies do not appear (their drivers are not in the
// population). The first owner who can always has one. Numbers: the region's plate code, the year and a 6-digit
// serial per region and year.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	met := transportkit.NewRing[road](2000)
	drivers := transportkit.NewRing[road](2000)
	numbers := transportkit.NewCounters(0)
	culprits := &transportkit.Rare{Min: 1}
	var prev *road
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.RoadAccident
		first := transportkit.FirstVehicles(b)
		last := synth.AddDays(synth.Today(), -1)
		for i := range b.Persons {
			p := &b.Persons[i]
			me := road{iin: p.IIN, birth: p.BirthDate, death: p.DeathDate}
			if v := first[p.IIN]; v != nil {
				vin, plate := v.VIN, v.Plate
				me.vin, me.plate = &vin, &plate
				r := k.For(string(p.IIN))
				start, end := v.RegistrationDate, last
				if start.Before(windowFrom.Time) {
					start = windowFrom
				}
				if p.DeathDate != nil && p.DeathDate.Before(end.Time) {
					end = synth.AddDays(*p.DeathDate, -1)
				}
				if !start.After(end.Time) && culprits.Draw(r, 0.03) {
					day := synth.DateBetween(r, start, end)
					a := accident(r, me, prev, day, met, drivers, transportkit.PlateRegion(plate))
					a.Number = fmt.Sprintf("%s%02d%06d", (*me.plate)[len(*me.plate)-2:], day.Year()%100, numbers.Next(a.RegionKATO+strconv.Itoa(day.Year())))
					for j := range a.Participants {
						a.Participants[j].AccidentNumber = a.Number
					}
					out = append(out, a)
				}
				drivers.Push(me)
			}
			met.Push(me)
			prev = &road{iin: me.iin, birth: me.birth, death: me.death}
		}
		return s.Insert(ctx, out)
	}
}

// accident draws an accident caused by driver on day.
func accident(r *rand.Rand, driver road, prev *road, day sio.Date, met, drivers *transportkit.Ring[road], kato string) sio.RoadAccident {
	k := kinds[transportkit.Weighted(r, kinds[0].weight, kinds[1].weight, kinds[2].weight, kinds[3].weight)]
	at := transportkit.At(r, day, 0, 24)
	a := sio.RoadAccident{OccurredAt: at, PlaceRu: transportkit.Place(r, kato), RegionKATO: kato, Kind: k.kind, KindRu: k.ru,
		ConditionsRu: conditions(r, day, at)}
	culprit := driver.iin
	a.CulpritIIN = &culprit
	add := func(role sio.ParticipantRole, x road, hurt float64, isCulprit bool) {
		inj := sio.InjuryNone
		switch u := r.Float64(); {
		case u < hurt*0.06:
			inj = sio.InjuryKilled
			a.Killed++
		case u < hurt:
			inj = sio.InjuryInjured
			a.Injured++
		}
		var vin, plate *string
		if role != sio.ParticipantPedestrian {
			vin, plate = x.vin, x.plate
		}
		a.Participants = append(a.Participants, sio.AccidentParticipant{Role: role, IIN: x.iin, VIN: vin, Plate: plate, Injury: inj, Culprit: isCulprit})
	}
	add(sio.ParticipantDriver, driver, 0.25, true)
	if prev != nil && prev.iin != driver.iin && prev.on(day, 1) && synth.Chance(r, 0.33) {
		passenger := road{iin: prev.iin, vin: driver.vin, plate: driver.plate}
		add(sio.ParticipantPassenger, passenger, 0.35, false)
	}
	switch k.kind {
	case sio.AccidentCollision:
		if other, ok := drivers.Pick(r); ok && other.iin != driver.iin && other.on(day, 18) {
			add(sio.ParticipantDriver, other, 0.3, false)
		}
	case sio.AccidentPedestrianHit:
		if other, ok := met.Pick(r); ok && other.iin != driver.iin && other.on(day, 5) {
			add(sio.ParticipantPedestrian, other, 0.9, false)
		}
	}
	return a
}

// conditions describes the road and light at the accident.
func conditions(r *rand.Rand, day sio.Date, at time.Time) string {
	surface := "сухое покрытие"
	switch m := day.Month(); {
	case m == time.December || m <= time.February:
		surface = synth.Pick(r, []string{"гололёд", "снежный накат", "мокрое покрытие"})
	case m == time.March || m == time.November:
		surface = synth.Pick(r, []string{"мокрое покрытие", "сухое покрытие", "гололёд"})
	case synth.Chance(r, 0.15):
		surface = "мокрое покрытие"
	}
	local := at.Add(5 * time.Hour).Hour()
	light := "светлое время суток"
	if local < 7 || local >= 20 {
		light = synth.Pick(r, []string{"тёмное время суток, освещение включено", "тёмное время суток, освещение отсутствует"})
	}
	return surface + ", " + light
}
