package trafficviolations

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// offence is an article of КоАП РК chapter 29 with its fine in monthly
// calculation indices and how often it is recorded by camera and patrol.
type offence struct {
	article, descriptionRu string
	mrp                    int
	camera, patrol         int // weights
	bigCitiesOnly          bool
}

var offences = []offence{
	{"592 ч.1", "Превышение установленной скорости движения на величину от 10 до 20 км/ч", 5, 40, 3, false},
	{"592 ч.2", "Превышение установленной скорости движения на величину от 20 до 40 км/ч", 10, 15, 2, false},
	{"592 ч.3", "Превышение установленной скорости движения на величину более 40 км/ч", 20, 3, 1, false},
	{"599 ч.1", "Проезд на запрещающий сигнал светофора или запрещающий жест регулировщика", 10, 10, 2, false},
	{"600 ч.1", "Непредоставление преимущества в движении пешеходам", 10, 4, 2, false},
	{"591 ч.1", "Пользование водителем во время движения телефоном", 5, 6, 2, true},
	{"602 ч.1", "Нарушение правил пользования внешними световыми приборами", 3, 0, 5, false},
	{"594 ч.2", "Непредоставление преимущества в движении транспортному средству на перекрестке", 15, 0, 4, false},
	{"598 ч.1", "Непредоставление преимущества транспортному средству оперативной службы", 7, 0, 2, false},
	{"607 ч.1", "Нарушение правил проезда через железнодорожные пути", 10, 0, 1, false},
}

// drunk is art. 608 ч.1, sanctioned by deprivation, not a fine.
var drunk = offence{"608 ч.1", "Управление транспортным средством водителем, находящимся в состоянии алкогольного опьянения", 0, 0, 0, false}

var (
	cameraCum, patrolCum, cameraCityCum = cum(func(o offence) int {
		if o.bigCitiesOnly {
			return 0
		}
		return o.camera
	}), cum(func(o offence) int { return o.patrol }), cum(func(o offence) int { return o.camera })
)

func cum(w func(offence) int) []int {
	out := make([]int, len(offences))
	c := 0
	for i, o := range offences {
		c += w(o)
		out[i] = c
	}
	return out
}

func pickOffence(r *rand.Rand, cum []int) offence {
	x := r.IntN(cum[len(cum)-1])
	for i, c := range cum {
		if x < c {
			return offences[i]
		}
	}
	return offences[0]
}

// windowFrom is the start of the offences of the snapshot.
var windowFrom = sio.MustDate("2019-01-01")

// Filler returns the generator of Нарушения правил дорожного движения.
// About 45% of vehicles have 1-8 offences since 2019 (after their
// registration, before the owner's death): vehicles of persons recorded by
// camera (~80%, the owner liable, no driver identified) or by a patrol that
// stopped the owner at the wheel; vehicles of companies by camera only (the
// company liable). Cameras are «Сергек» in Astana, Almaty and Shymkent
// (which also record phone use) and «Арена» elsewhere. Owners caught
// driving drunk (transportkit.DrunkDrivers) have a 608 ч.1 protocol whose
// sanction is the deprivation of the right to drive. Fines are the
// article's indices times the MRP of the offence's year. Interpretation:
// payment within seven days halves a camera fine (PAID_REDUCED); of
// offences older than a month ~55% are paid reduced, ~30% in full, ~10%
// sent for enforcement and ~5% unpaid; the newer ones are unpaid or paid
// reduced. Numbers: the region's plate code, the year and ten digits from
// a permutation of a counter.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "resolution", 10_000_000_000)
	dd := transportkit.NewDrunkDrivers(seed)
	var n uint64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.TrafficViolation
		persons := make(map[sio.IIN]*sio.Person, len(b.Persons))
		for i := range b.Persons {
			persons[b.Persons[i].IIN] = &b.Persons[i]
		}
		first := transportkit.FirstVehicles(b)
		last := synth.AddDays(synth.Today(), -1)
		for i := range b.Vehicles {
			v := &b.Vehicles[i]
			kato := transportkit.PlateRegion(v.Plate)
			if kato == "" {
				continue
			}
			var owner *sio.Person
			end := last
			if v.OwnerKind == sio.SubjectPerson {
				if owner = persons[sio.IIN(v.OwnerID)]; owner == nil {
					continue
				}
				if owner.DeathDate != nil && owner.DeathDate.Before(end.Time) {
					end = synth.AddDays(*owner.DeathDate, -1)
				}
			}
			r := k.For(v.VIN)
			add := func(o offence, patrol bool, day sio.Date) {
				n++
				out = append(out, violation(r, o, patrol, day, v, owner, kato, perm.At(n)))
			}
			if owner != nil && first[owner.IIN] == v {
				if day, ok := dd.Offence(owner, v); ok {
					add(drunk, true, day)
				}
			}
			start := v.RegistrationDate
			if start.Before(windowFrom.Time) {
				start = windowFrom
			}
			if start.After(end.Time) || !synth.Chance(r, 0.45) {
				continue
			}
			u := r.Float64()
			for range 1 + int(8*u*u*u) {
				day := synth.DateBetween(r, start, end)
				patrol := owner != nil && synth.Chance(r, 0.2)
				c := cameraCum
				switch {
				case patrol:
					c = patrolCum
				case transportkit.IsCity(kato):
					c = cameraCityCum
				}
				add(pickOffence(r, c), patrol, day)
			}
		}
		return s.Insert(ctx, out)
	}
}

// violation draws the record of offence o committed with vehicle v on day.
func violation(r *rand.Rand, o offence, patrol bool, day sio.Date, v *sio.Vehicle, owner *sio.Person, kato string, serial uint64) sio.TrafficViolation {
	at := transportkit.At(r, day, 6, 24)
	reg, _ := sio.RegionByKATO(kato)
	t := sio.TrafficViolation{
		Number:  fmt.Sprintf("%s%02d%010d", reg.PlateCode, day.Year()%100, serial),
		Article: o.article, DescriptionRu: o.descriptionRu, OccurredAt: at, PlaceRu: transportkit.Place(r, kato), RegionKATO: kato,
		VIN: v.VIN, Plate: v.Plate, OffenderID: v.OwnerID, OffenderKind: v.OwnerKind, FineMRP: o.mrp,
	}
	if patrol {
		iin := owner.IIN
		t.DriverIIN, t.Source, t.RecordedBy = &iin, sio.ViolationPatrol, transportkit.PatrolUnit(kato)
	} else {
		camera := "комплекс фотовидеофиксации «Арена»"
		if transportkit.IsCity(kato) {
			camera = "аппаратно-программный комплекс «Сергек»"
		}
		t.Source, t.RecordedBy = sio.ViolationCamera, camera+", "+transportkit.PoliceDepartment(kato)
	}
	if o.mrp == 0 {
		t.FineStatus = sio.FineNone
		t.SanctionRu = fmt.Sprintf("лишение права управления транспортными средствами сроком на %d лет", transportkit.DeprivationYears)
		return t
	}
	t.FineTiyn = int64(o.mrp) * int64(sio.MRP(day.Year()))
	t.SanctionRu = fmt.Sprintf("штраф в размере %d МРП", o.mrp)
	recent := day.After(synth.AddDays(synth.Today(), -30).Time)
	switch x := r.IntN(100); {
	case !patrol && (x < 55 || recent && x < 70):
		paid := synth.AddDays(day, 1+r.IntN(6))
		t.FineStatus, t.PaidTiyn, t.PaidAt = sio.FinePaidReduced, t.FineTiyn/2, &paid
	case recent:
		t.FineStatus = sio.FineUnpaid
	case x < 85:
		paid := synth.AddDays(day, 8+r.IntN(22))
		t.FineStatus, t.PaidTiyn, t.PaidAt = sio.FinePaid, t.FineTiyn, &paid
	case x < 95:
		t.FineStatus = sio.FineEnforced
	default:
		t.FineStatus = sio.FineUnpaid
	}
	if t.PaidAt != nil && t.PaidAt.After(synth.AddDays(synth.Today(), -1).Time) {
		t.FineStatus, t.PaidTiyn, t.PaidAt = sio.FineUnpaid, 0, nil
	}
	return t
}
