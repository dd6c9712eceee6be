package criminalvehicles_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/criminalvehicles"
	"sio/connectors/internal/transportkit/kittest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestCriminalVehicles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := criminalvehicles.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1974-05-05", sio.Male, 50)
		found, where := sio.MustDate("2021-03-09"), "г. Шымкент, пр. Республики, 12"
		mk := func(id int64, ev sio.CriminalVehicleEvent, plate, day string) sio.CriminalVehicleRecord {
			return sio.CriminalVehicleRecord{ID: id, Event: ev, VIN: "JTNBE46K003000001", Plate: plate, Make: "Toyota", Model: "Camry", Color: "белый",
				Year: 2018, OwnerID: string(owner), OwnerKind: sio.SubjectPerson, EventDate: sio.MustDate(day), PlaceRu: "г. Алматы, ул. Саина, 5",
				RegionKATO: "75", ERDRNumber: "217500031200001", Article: "188 ч.3", Initiator: "Управление криминальной полиции ДП г. Алматы", Status: sio.Wanted}
		}
		a, b := mk(1, sio.VehicleTheft, "123ABC02", "2021-03-01"), mk(2, sio.VehicleHijacking, "777KZZ02", "2023-07-07")
		a.Status, a.FoundAt, a.FoundPlaceRu = sio.Found, &found, &where
		testdb.Must(t, s.Insert(ctx, []sio.CriminalVehicleRecord{a, b}))
		var byVIN map[string][]sio.CriminalVehicleRecord
		testdb.OneStatement(t, "CriminalRecordsByVIN", func(ctx context.Context) (err error) {
			byVIN, err = s.CriminalRecordsByVIN(ctx, []string{"JTNBE46K003000001", "NONE"})
			return err
		})
		if cs := byVIN["JTNBE46K003000001"]; len(byVIN) != 1 || len(cs) != 2 || cs[0].ID != 2 || cs[1].Status != sio.Found ||
			*cs[1].FoundPlaceRu != where || cs[0].FoundAt != nil || cs[0].Region().NameRu != "г. Алматы" {
			t.Fatalf("by VIN (latest first) = %+v", byVIN)
		}
		var byPlate map[string][]sio.CriminalVehicleRecord
		testdb.OneStatement(t, "CriminalRecordsByPlate", func(ctx context.Context) (err error) {
			byPlate, err = s.CriminalRecordsByPlate(ctx, []string{"123ABC02", "000AAA01"})
			return err
		})
		if cs := byPlate["123ABC02"]; len(byPlate) != 1 || len(cs) != 1 || cs[0].ID != 1 {
			t.Fatalf("by plate = %+v", byPlate)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cs := kittest.Deterministic[sio.CriminalVehicleRecord](t, criminalvehicles.Open, `SELECT * FROM {criminal_vehicles} ORDER BY id`)
	today := synth.Today()
	status := map[sio.WantedStatus]int{}
	erdr := map[string]bool{}
	for _, c := range cs {
		status[c.Status]++
		if len(c.ERDRNumber) != 15 || c.ERDRNumber[2:4] != c.RegionKATO || erdr[c.ERDRNumber] {
			t.Fatalf("ЕРДР number %s of a record of region %s (or repeated)", c.ERDRNumber, c.RegionKATO)
		}
		erdr[c.ERDRNumber] = true
		if c.EventDate.After(today.Time) || c.EventDate.Year() < 2015 {
			t.Fatalf("event date %s", c.EventDate)
		}
		if (c.Status == sio.Found) != (c.FoundAt != nil && c.FoundPlaceRu != nil) || c.FoundAt != nil && c.FoundAt.Before(c.EventDate.Time) {
			t.Fatalf("found: %+v", c)
		}
	}
	if status[sio.Found] == 0 || status[sio.Wanted] == 0 {
		t.Fatalf("status = %v", status)
	}
}
