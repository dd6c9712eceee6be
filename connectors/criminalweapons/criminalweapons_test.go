package criminalweapons_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/criminalweapons"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/weapons"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestCriminalWeapons(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := criminalweapons.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1969-02-02", sio.Male, 3)
		number, article := "191500031300001", "291 ч.1"
		found := sio.MustDate("2020-02-20")
		testdb.Must(t, s.Insert(ctx, []sio.CriminalWeaponRecord{
			{ID: 1, Event: sio.WeaponStolen, SerialNumber: "ИЖ12000001", KindRu: "Охотничье гладкоствольное", Make: "Ижмех", Model: "ИЖ-27",
				Caliber: "12/70", EventDate: sio.MustDate("2019-11-11"), PlaceRu: "г. Конаев, пр. Конаева, 5", RegionKATO: "19",
				ERDRNumber: &number, Article: &article, Initiator: "Следственное управление ДП Алматинской области", PersonIIN: &owner,
				Status: sio.Found, FoundAt: &found},
			{ID: 2, Event: sio.WeaponLost, SerialNumber: "ИЖ12000001", KindRu: "Охотничье гладкоствольное", Make: "Ижмех", Model: "ИЖ-27",
				Caliber: "12/70", EventDate: sio.MustDate("2022-06-01"), PlaceRu: "трасса Алматы — Капшагай, 40 км", RegionKATO: "19",
				Initiator: "Департамент полиции Алматинской области", PersonIIN: &owner, Status: sio.Wanted},
			{ID: 3, Event: sio.WeaponFound, SerialNumber: "", KindRu: "самодельное огнестрельное оружие", Make: "кустарное изготовление",
				Model: "самодельный пистолет", Caliber: "5,6 мм", EventDate: sio.MustDate("2021-01-01"), PlaceRu: "г. Алматы, ул. Саина, 1",
				RegionKATO: "75", Initiator: "Департамент полиции г. Алматы", Status: sio.InStorage},
		}))
		var got map[string][]sio.CriminalWeaponRecord
		testdb.OneStatement(t, "CriminalRecordsBySerial", func(ctx context.Context) (err error) {
			got, err = s.CriminalRecordsBySerial(ctx, []string{"ИЖ12000001", "НЕТ"})
			return err
		})
		cs := got["ИЖ12000001"]
		if len(got) != 1 || len(cs) != 2 || cs[0].ID != 2 || cs[0].ERDRNumber != nil || cs[0].Article != nil ||
			*cs[1].ERDRNumber != number || *cs[1].Article != article || cs[1].FoundAt.String() != "2020-02-20" || *cs[1].PersonIIN != owner {
			t.Fatalf("by serial (latest first) = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cs := kittest.Deterministic[sio.CriminalWeaponRecord](t, criminalweapons.Open, `SELECT * FROM {criminal_weapons} ORDER BY id`)
	events := map[sio.CriminalWeaponEvent]int{}
	for _, c := range cs {
		events[c.Event]++
		if c.EventDate.After(synth.Today().Time) || c.EventDate.Year() < 2015 {
			t.Fatalf("event date: %+v", c)
		}
		if (c.ERDRNumber != nil) != (c.Event == sio.WeaponStolen || c.Event == sio.WeaponSeized) || (c.ERDRNumber != nil) != (c.Article != nil) {
			t.Fatalf("a case for thefts and seizures only: %+v", c)
		}
		if (c.PersonIIN == nil) != (c.Event == sio.WeaponFound) {
			t.Fatalf("person: %+v", c)
		}
		if (c.Status == sio.InStorage) != (c.Event == sio.WeaponSeized || c.Event == sio.WeaponFound) || (c.Status == sio.Found) != (c.FoundAt != nil) {
			t.Fatalf("status: %+v", c)
		}
	}
	if events[sio.WeaponLost]+events[sio.WeaponStolen] == 0 || events[sio.WeaponSeized] == 0 {
		t.Fatalf("events = %v", events)
	}
}

// Lost and stolen weapons are weapons of Зарегистрированное оружие: the
// serial number is registered to the person of the record.
func TestLostAndStolenWeaponsAreRegistered(t *testing.T) {
	cfg := synth.Config{Seed: 9, Persons: 5000, BatchPersons: 1200}
	cs := kittest.Fill[sio.CriminalWeaponRecord](t, criminalweapons.Open, cfg,
		`SELECT * FROM {criminal_weapons} WHERE event IN ('LOST', 'STOLEN') ORDER BY id`)
	ws := kittest.Fill[sio.Weapon](t, weapons.Open, cfg, `SELECT * FROM {weapons} ORDER BY serial_number`)
	registered := map[string]sio.Weapon{}
	for _, w := range ws {
		registered[w.SerialNumber] = w
	}
	if len(cs) == 0 {
		t.Fatal("no lost or stolen weapons")
	}
	for _, c := range cs {
		w, ok := registered[c.SerialNumber]
		if !ok || w.OwnerID != string(*c.PersonIIN) || w.Model != c.Model || c.EventDate.Before(w.PermitIssued.Time) {
			t.Fatalf("record %+v does not match the register (%+v, %v)", c, w, ok)
		}
	}
}
