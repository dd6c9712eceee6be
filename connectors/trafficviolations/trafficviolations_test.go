package trafficviolations_test

import (
	"context"
	"testing"
	"time"

	"sio"
	"sio/connectors/driverlicenses"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/trafficviolations"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestTrafficViolations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := trafficviolations.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1982-12-12", sio.Male, 31)
		spouse := testdb.IIN(t, "1984-01-05", sio.Female, 9)
		company := testdb.BIN(t, "2016-10-01", 5)
		at := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x }
		paid := sio.MustDate("2023-03-03")
		mk := func(number, vin string, when string, driver *sio.IIN, offender string, kind sio.SubjectKind) sio.TrafficViolation {
			src := sio.ViolationCamera
			if driver != nil {
				src = sio.ViolationPatrol
			}
			return sio.TrafficViolation{Number: number, Article: "592 ч.1", DescriptionRu: "Превышение установленной скорости движения на величину от 10 до 20 км/ч",
				OccurredAt: at(when), PlaceRu: "г. Алматы, пр. Абая, 150", RegionKATO: "75", VIN: vin, Plate: "123ABC02", DriverIIN: driver,
				OffenderID: offender, OffenderKind: kind, Source: src, RecordedBy: "аппаратно-программный комплекс «Сергек», Департамент полиции г. Алматы",
				FineMRP: 5, FineTiyn: 1_531_500, PaidTiyn: 765_750, FineStatus: sio.FinePaidReduced, PaidAt: &paid, SanctionRu: "штраф в размере 5 МРП"}
		}
		testdb.Must(t, s.Insert(ctx, []sio.TrafficViolation{
			mk("0222000001", "JTNBE46K003000001", "2022-02-01T10:00:00Z", nil, string(owner), sio.SubjectPerson),
			mk("0223000002", "JTNBE46K003000001", "2023-03-01T10:00:00Z", &owner, string(owner), sio.SubjectPerson),
			// the spouse at the wheel of the owner's car, stopped by a patrol
			mk("0224000003", "JTNBE46K003000001", "2024-04-01T10:00:00Z", &spouse, string(owner), sio.SubjectPerson),
			mk("0224000004", "XTA21900000000002", "2024-05-01T10:00:00Z", nil, string(company), sio.SubjectLegalEntity),
		}))
		var byVehicle map[string][]sio.TrafficViolation
		testdb.OneStatement(t, "ViolationsByVehicle", func(ctx context.Context) (err error) {
			byVehicle, err = s.ViolationsByVehicle(ctx, []string{"JTNBE46K003000001", "NONE"})
			return err
		})
		if vs := byVehicle["JTNBE46K003000001"]; len(byVehicle) != 1 || len(vs) != 3 || vs[0].Number != "0224000003" || vs[2].DriverIIN != nil ||
			vs[2].Fine().String() != "15315.00" || vs[2].Paid().String() != "7657.50" || vs[2].PaidAt.String() != "2023-03-03" {
			t.Fatalf("by vehicle (latest first) = %+v", byVehicle)
		}
		var byPlate map[string][]sio.TrafficViolation
		testdb.OneStatement(t, "ViolationsByPlate", func(ctx context.Context) (err error) {
			byPlate, err = s.ViolationsByPlate(ctx, []string{"123ABC02", "000AAA01"})
			return err
		})
		if vs := byPlate["123ABC02"]; len(byPlate) != 1 || len(vs) != 4 || vs[0].Number != "0224000004" || vs[3].Number != "0222000001" {
			t.Fatalf("by plate (latest first) = %+v", byPlate)
		}
		var bySubject map[string][]sio.TrafficViolation
		testdb.OneStatement(t, "ViolationsBySubject", func(ctx context.Context) (err error) {
			bySubject, err = s.ViolationsBySubject(ctx, []string{string(owner), string(spouse), string(company), "000000000000"})
			return err
		})
		numbers := func(vs []sio.TrafficViolation) (out []string) {
			for _, v := range vs {
				out = append(out, v.Number)
			}
			return out
		}
		if got := numbers(bySubject[string(owner)]); len(got) != 3 || got[0] != "0224000003" || got[1] != "0223000002" || got[2] != "0222000001" {
			t.Fatalf("owner: liable for all three, each once, latest first: %v", got)
		}
		if got := numbers(bySubject[string(spouse)]); len(got) != 1 || got[0] != "0224000003" {
			t.Fatalf("spouse: the one she drove: %v", got)
		}
		if got := numbers(bySubject[string(company)]); len(got) != 1 || len(bySubject) != 3 {
			t.Fatalf("company: %v of %v", got, bySubject)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	vs := kittest.Deterministic[sio.TrafficViolation](t, trafficviolations.Open, `SELECT * FROM {violations} ORDER BY number`)
	end := synth.Clock(synth.Today(), 0, 0)
	sources := map[sio.ViolationSource]int{}
	articles := map[string]int{}
	for _, v := range vs {
		sources[v.Source]++
		articles[v.Article]++
		if v.OccurredAt.After(end) || v.OccurredAt.Year() < 2018 {
			t.Fatalf("occurred %s", v.OccurredAt)
		}
		if (v.Source == sio.ViolationPatrol) != (v.DriverIIN != nil) || v.DriverIIN != nil && string(*v.DriverIIN) != v.OffenderID {
			t.Fatalf("driver and source disagree: %+v", v)
		}
		if v.OffenderKind == sio.SubjectLegalEntity && v.Source != sio.ViolationCamera {
			t.Fatalf("company vehicles are recorded by camera: %+v", v)
		}
		if v.FineTiyn != int64(v.FineMRP)*int64(sio.MRP(v.OccurredAt.Year())) {
			t.Fatalf("fine %d for %d MRP in %d", v.FineTiyn, v.FineMRP, v.OccurredAt.Year())
		}
		switch v.FineStatus {
		case sio.FinePaidReduced:
			if v.PaidTiyn != v.FineTiyn/2 || v.PaidAt == nil {
				t.Fatalf("reduced payment: %+v", v)
			}
		case sio.FinePaid:
			if v.PaidTiyn != v.FineTiyn || v.PaidAt == nil {
				t.Fatalf("payment: %+v", v)
			}
		case sio.FineNone:
			if v.Article != "608 ч.1" || v.FineTiyn != 0 {
				t.Fatalf("no fine: %+v", v)
			}
		default:
			if v.PaidTiyn != 0 || v.PaidAt != nil {
				t.Fatalf("unpaid: %+v", v)
			}
		}
	}
	if sources[sio.ViolationCamera] == 0 || sources[sio.ViolationPatrol] == 0 || articles["608 ч.1"] == 0 {
		t.Fatalf("sources %v, articles %v", sources, articles)
	}
}

// Drunk drivers' offences (608 ч.1) and the deprivations of Водительское
// удостоверение come from one decision: every offender is deprived by a
// court after the offence, and every deprived holder has the offence.
func TestDrunkDrivingAgreesWithLicences(t *testing.T) {
	cfg := synth.Config{Seed: 5, Persons: 4000, BatchPersons: 900}
	vs := kittest.Fill[sio.TrafficViolation](t, trafficviolations.Open, cfg, `SELECT * FROM {violations} WHERE article = '608 ч.1' ORDER BY number`)
	ls := kittest.Fill[sio.DriverLicense](t, driverlicenses.Open, cfg, `SELECT * FROM {driver_licenses} WHERE status = 'DEPRIVED' ORDER BY number`)
	offences := map[string]sio.Date{}
	for _, v := range vs {
		offences[v.OffenderID] = sio.DateOf(v.OccurredAt)
	}
	if len(vs) == 0 || len(vs) != len(ls) || len(offences) != len(vs) {
		t.Fatalf("%d drunk-driving offences, %d deprived licences", len(vs), len(ls))
	}
	for _, l := range ls {
		day, ok := offences[string(l.HolderIIN)]
		if !ok || l.DeprivedFrom.Before(day.Time) || l.IssuedAt.After(day.Time) || !l.ExpiresAt.After(day.Time) {
			t.Fatalf("licence %+v deprived without a matching offence (%s, %v)", l, day, ok)
		}
	}
}
