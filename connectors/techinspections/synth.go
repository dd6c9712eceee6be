package techinspections

import (
	"context"
	"fmt"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

// commercialBodies are the body types inspected every year whatever their
// age (goods vehicles and buses).
var commercialBodies = map[string]bool{"фургон": true, "грузовой бортовой": true, "самосвал": true,
	"седельный тягач": true, "микроавтобус": true}

// operators of inspection centres.
var operators = []string{"Техосмотр Сервис", "Авто Тест", "Kazakh Diagnostic Center", "Техконтроль", "Сенім Техосмотр", "Диагностика Плюс"}

var defects = []string{
	"Неисправность рабочей тормозной системы",
	"Износ протектора шин сверх допустимого",
	"Неисправность внешних световых приборов",
	"Превышение содержания CO в отработавших газах",
	"Люфт рулевого управления сверх допустимого",
	"Трещины ветрового стекла в зоне работы стеклоочистителя",
}

// windowFrom is the start of the inspections of the snapshot.
var windowFrom = sio.MustDate("2019-01-01")

// Filler returns the generator of Прохождение технического осмотра.
// Interpretation of the inspection rules: goods vehicles, buses and
// vehicles of companies are inspected every year; passenger cars of
// persons from their 7th model year, every two years until the 10th and
// every year after. Inspections since 2019 (after registration, while the
// owner lives) fall within a month after they are due, at a centre of the
// owner's region (one per vehicle); ~5% of vehicles are never presented.
// ~8% fail with a defect and pass a repeat inspection 3-20 days later.
// Mileage grows from the model year at 8-25 thousand km a year (commercial
// 30-80). Card numbers: the region's plate code, the year and eight digits
// from a permutation of a counter.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	perm := transportkit.NewPerm(k, "card", 100_000_000)
	var n uint64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.TechnicalInspection
		deaths := map[string]*sio.Date{}
		for i := range b.Persons {
			if p := &b.Persons[i]; p.DeathDate != nil {
				deaths[string(p.IIN)] = p.DeathDate
			}
		}
		for i := range b.Vehicles {
			v := &b.Vehicles[i]
			kato := transportkit.PlateRegion(v.Plate)
			r := k.For(v.VIN)
			if kato == "" || synth.Chance(r, 0.05) {
				continue
			}
			end := synth.AddDays(synth.Today(), -1)
			if d := deaths[v.OwnerID]; d != nil && d.Before(end.Time) {
				end = *d
			}
			commercial := commercialBodies[v.BodyType] || v.OwnerKind == sio.SubjectLegalEntity
			perYear := 8_000 + r.IntN(17_000)
			if commercial {
				perYear = 30_000 + r.IntN(50_000)
			}
			station := fmt.Sprintf("ЦТО ТОО «%s» (%s)", synth.Pick(r, operators), transportkit.Center(kato))
			mileage := 0
			inspect := func(day sio.Date, result sio.InspectionResult, next sio.Date) {
				n++
				years := float64(day.Sub(sio.MustDate(fmt.Sprintf("%04d-06-01", v.Year)).Time).Hours()) / 24 / 365
				mileage = max(mileage+50+r.IntN(400), int(years*float64(perYear)))
				t := sio.TechnicalInspection{
					CardNumber: fmt.Sprintf("%s%02d%08d", v.Plate[len(v.Plate)-2:], day.Year()%100, perm.At(n)),
					VIN:        v.VIN, Plate: v.Plate, InspectedAt: day, Station: station, RegionKATO: kato, Result: result,
					MileageKm: mileage, NextDate: next,
				}
				if result == sio.InspectionFailed {
					t.DefectsRu = synth.Pick(r, defects)
				}
				out = append(out, t)
			}
			due := v.RegistrationDate
			for {
				due = nextDue(due, v.Year, commercial)
				if due.Before(windowFrom.Time) {
					continue
				}
				day := synth.AddDays(due, r.IntN(30))
				if day.After(end.Time) {
					break
				}
				next := nextDue(day, v.Year, commercial)
				if synth.Chance(r, 0.08) {
					inspect(day, sio.InspectionFailed, synth.AddDays(day, 20))
					day = synth.AddDays(day, 3+r.IntN(18))
					if day.After(end.Time) {
						break
					}
				}
				inspect(day, sio.InspectionPassed, next)
				due = day
			}
		}
		return s.Insert(ctx, out)
	}
}

// nextDue is when the inspection after one on day falls due for a vehicle
// of model year.
func nextDue(day sio.Date, year int, commercial bool) sio.Date {
	switch age := day.Year() - year; {
	case commercial || age >= 10:
		return synth.AddYears(day, 1)
	case age >= 7:
		return synth.AddYears(day, 2)
	default:
		// the first inspection falls in the 7th model year, on the
		// anniversary of the registration
		return synth.AddYears(day, 7-age)
	}
}
