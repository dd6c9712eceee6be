package criminalvehicles

import (
	"context"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// event is a kind of record with its articles of the Criminal Code, its
// weight, and the share of vehicles found with the days it takes.
type event struct {
	event    sio.CriminalVehicleEvent
	articles []string
	weight   int
	found    float64
	days     int
}

var events = []event{
	{sio.VehicleTheft, []string{"188 ч.2", "188 ч.3"}, 45, 0.6, 120},
	{sio.VehicleHijacking, []string{"200 ч.1", "200 ч.2"}, 35, 0.9, 10},
	{sio.VehicleUsedInCrime, []string{"191 ч.2", "192 ч.2", "297 ч.2", "345 ч.3"}, 20, 0.7, 60},
}

// windowFrom is the start of the records of the snapshot (the Criminal
// Code of 2014 in force).
var windowFrom = sio.MustDate("2015-01-01")

// erdrBase is where this register's serials of ЕРДР numbers start, above
// those of the officials' cases.
const erdrBase = 200_000

// Filler returns the generator of Криминальный автотранспорт: ~1.2% of
// vehicles have a record since 2015 (after registration, while the owner
// lives; the first vehicle always): stolen (art. 188), hijacked (art. 200)
// or used in a crime. A pre-trial investigation is registered within two
// days by the investigation or criminal police of the region of the plate,
// which puts the vehicle on the wanted list; 60% of stolen, 90% of
// hijacked and 70% of other vehicles are found (FOUND) within 120, 10 and
// 60 days, the others are still WANTED.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	wanted := &transportkit.Rare{Min: 1}
	erdr := transportkit.NewCounters(erdrBase)
	var n int64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.CriminalVehicleRecord
		deaths := map[string]*sio.Date{}
		for i := range b.Persons {
			if p := &b.Persons[i]; p.DeathDate != nil {
				deaths[string(p.IIN)] = p.DeathDate
			}
		}
		last := synth.AddDays(synth.Today(), -1)
		for i := range b.Vehicles {
			v := &b.Vehicles[i]
			kato := transportkit.PlateRegion(v.Plate)
			start, end := v.RegistrationDate, last
			if start.Before(windowFrom.Time) {
				start = windowFrom
			}
			if d := deaths[v.OwnerID]; d != nil && d.Before(end.Time) {
				end = *d
			}
			if kato == "" || start.After(end.Time) {
				continue
			}
			r := k.For(v.VIN)
			if !wanted.Draw(r, 0.012) {
				continue
			}
			n++
			out = append(out, record(r, n, v, synth.DateBetween(r, start, end), kato, erdr))
		}
		return s.Insert(ctx, out)
	}
}

// record draws the n-th record, of vehicle v, on day.
func record(r *rand.Rand, n int64, v *sio.Vehicle, day sio.Date, kato string, erdr *transportkit.Counters) sio.CriminalVehicleRecord {
	e := events[transportkit.Weighted(r, events[0].weight, events[1].weight, events[2].weight)]
	registered := synth.AddDays(day, r.IntN(3))
	if registered.After(synth.Today().Time) {
		registered = day
	}
	c := sio.CriminalVehicleRecord{
		ID: n, Event: e.event, VIN: v.VIN, Plate: v.Plate, Make: v.Make, Model: v.Model, Color: v.Color, Year: v.Year,
		OwnerID: v.OwnerID, OwnerKind: v.OwnerKind, EventDate: day, PlaceRu: transportkit.Place(r, kato), RegionKATO: kato,
		ERDRNumber: transportkit.ERDRNumber(registered, kato, erdr.Next(registered.Format("06")+kato)),
		Article:    synth.Pick(r, e.articles), Initiator: transportkit.InvestigationUnit(r, kato), Status: sio.Wanted,
	}
	if found := synth.AddDays(day, r.IntN(e.days+1)); synth.Chance(r, e.found) && found.Before(synth.Today().Time) {
		place := kato
		if synth.Chance(r, 0.2) {
			place = synth.Pick(r, sio.Regions).KATO
		}
		where := transportkit.Place(r, place)
		c.Status, c.FoundAt, c.FoundPlaceRu = sio.Found, &found, &where
	}
	return c
}
