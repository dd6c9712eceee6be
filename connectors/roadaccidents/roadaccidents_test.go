package roadaccidents_test

import (
	"context"
	"testing"
	"time"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/roadaccidents"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestRoadAccidents(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := roadaccidents.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		driver := testdb.IIN(t, "1977-03-14", sio.Male, 6)
		passenger := testdb.IIN(t, "1979-09-30", sio.Female, 4)
		other := testdb.IIN(t, "1990-10-10", sio.Male, 13)
		at := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x }
		vin, plate, vin2, plate2 := "JTNBE46K003000001", "123ABC02", "XTA21900000000002", "456DEF02"
		testdb.Must(t, s.Insert(ctx, []sio.RoadAccident{
			{Number: "0221000001", OccurredAt: at("2021-01-15T08:30:00Z"), PlaceRu: "г. Алматы, пр. Абая, 10", RegionKATO: "75",
				Kind: sio.AccidentCollision, KindRu: "столкновение", ConditionsRu: "гололёд, светлое время суток", Injured: 1, CulpritIIN: &driver,
				Participants: []sio.AccidentParticipant{
					{Role: sio.ParticipantDriver, IIN: driver, VIN: &vin, Plate: &plate, Injury: sio.InjuryNone, Culprit: true},
					{Role: sio.ParticipantPassenger, IIN: passenger, VIN: &vin, Plate: &plate, Injury: sio.InjuryInjured},
					{Role: sio.ParticipantDriver, IIN: other, VIN: &vin2, Plate: &plate2, Injury: sio.InjuryNone},
				}},
			{Number: "0223000002", OccurredAt: at("2023-06-01T15:00:00Z"), PlaceRu: "трасса Алматы — Бишкек, 23 км", RegionKATO: "75",
				Kind: sio.AccidentPedestrianHit, KindRu: "наезд на пешехода", ConditionsRu: "сухое покрытие, светлое время суток", Injured: 1, CulpritIIN: &other,
				Participants: []sio.AccidentParticipant{
					{Role: sio.ParticipantDriver, IIN: other, VIN: &vin2, Plate: &plate2, Injury: sio.InjuryNone, Culprit: true},
					{Role: sio.ParticipantPedestrian, IIN: driver, Injury: sio.InjuryInjured},
				}},
		}))
		var byPerson map[sio.IIN][]sio.RoadAccident
		testdb.OneStatement(t, "AccidentsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.AccidentsByPerson(ctx, []sio.IIN{driver, passenger, "000000000000"})
			return err
		})
		as := byPerson[driver]
		if len(byPerson) != 2 || len(as) != 2 || as[0].Number != "0223000002" || len(as[0].Participants) != 2 ||
			as[0].Participants[1].Role != sio.ParticipantPedestrian || as[0].Participants[1].VIN != nil || !as[0].Participants[0].Culprit {
			t.Fatalf("driver's accidents (latest first) = %+v", as)
		}
		if a := as[1]; len(a.Participants) != 3 || a.Participants[1].IIN != passenger || a.Participants[1].Injury != sio.InjuryInjured ||
			a.Participants[1].Culprit || *a.Participants[2].Plate != plate2 || *a.CulpritIIN != driver || a.Region().NameRu != "г. Алматы" {
			t.Fatalf("collision = %+v", a)
		}
		var byVehicle map[string][]sio.RoadAccident
		testdb.OneStatement(t, "AccidentsByVehicle", func(ctx context.Context) (err error) {
			byVehicle, err = s.AccidentsByVehicle(ctx, []string{vin, vin2, "NONE"})
			return err
		})
		// vin carries two participants of the first accident: it is listed once.
		if len(byVehicle) != 2 || len(byVehicle[vin]) != 1 || len(byVehicle[vin][0].Participants) != 3 || len(byVehicle[vin2]) != 2 {
			t.Fatalf("by vehicle = %+v", byVehicle)
		}
		var byNumber map[string]*sio.RoadAccident
		testdb.OneStatement(t, "AccidentsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.AccidentsByNumber(ctx, []string{"0221000001", "9999999999"})
			return err
		})
		if a := byNumber["0221000001"]; len(byNumber) != 1 || a == nil || a.Kind != sio.AccidentCollision || len(a.Participants) != 3 ||
			a.Participants[0].IIN != driver || a.Participants[2].IIN != other {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

type participant struct {
	AccidentNumber string              `db:"accident_number"`
	Seq            int                 `db:"seq"`
	Role           sio.ParticipantRole `db:"role"`
	IIN            sio.IIN             `db:"iin"`
	VIN            *string             `db:"vin"`
	Plate          *string             `db:"plate"`
	Injury         sio.Injury          `db:"injury"`
	Culprit        bool                `db:"culprit"`
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	as := kittest.Deterministic[sio.RoadAccident](t, roadaccidents.Open, `SELECT * FROM {accidents} ORDER BY number`)
	ps := kittest.Deterministic[participant](t, roadaccidents.Open, `SELECT * FROM {accident_participants} ORDER BY accident_number, seq`)
	end := synth.Clock(synth.Today(), 0, 0)
	kinds := map[sio.AccidentKind]int{}
	byNumber := map[string][]participant{}
	for _, p := range ps {
		byNumber[p.AccidentNumber] = append(byNumber[p.AccidentNumber], p)
	}
	for _, a := range as {
		kinds[a.Kind]++
		if a.OccurredAt.After(end) || a.CulpritIIN == nil {
			t.Fatalf("accident: %+v", a)
		}
		injured, killed := 0, 0
		for i, p := range byNumber[a.Number] {
			if (i == 0) != p.Culprit || i == 0 && (p.IIN != *a.CulpritIIN || p.Role != sio.ParticipantDriver) {
				t.Fatalf("the first participant is the culprit driver: %+v", p)
			}
			if (p.Role == sio.ParticipantPedestrian) != (p.VIN == nil) {
				t.Fatalf("only pedestrians have no vehicle: %+v", p)
			}
			switch p.Injury {
			case sio.InjuryInjured:
				injured++
			case sio.InjuryKilled:
				killed++
			}
		}
		if injured != a.Injured || killed != a.Killed {
			t.Fatalf("counts %d/%d, participants %d/%d", a.Injured, a.Killed, injured, killed)
		}
	}
	if len(kinds) < 3 {
		t.Fatalf("kinds = %v", kinds)
	}
}
