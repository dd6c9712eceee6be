package weapons_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/weapons"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestWeapons(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := weapons.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1975-04-12", sio.Male, 40)
		company := testdb.BIN(t, "2009-06-01", 7)
		testdb.Must(t, s.Insert(ctx, []sio.Weapon{
			{SerialNumber: "ИЖ12000001", Kind: sio.WeaponHuntingSmoothbore, KindRu: "Охотничье гладкоствольное", Make: "Ижмех", Model: "ИЖ-27",
				Caliber: "12/70", ManufactureYear: 2012, OwnerID: string(owner), OwnerKind: sio.SubjectPerson, PermitNumber: "ХН-02 №0000001",
				PermitTypeRu: "Разрешение на хранение и ношение охотничьего оружия", PermitIssued: sio.MustDate("2022-03-01"),
				PermitExpires: sio.MustDate("2027-03-01"), PermitStatus: sio.PermitValid, IssuedBy: "Департамент полиции г. Алматы", RegionKATO: "75"},
			{SerialNumber: "МТ15000002", Kind: sio.WeaponSelfDefense, KindRu: "Гражданское оружие самообороны", Make: "Ижмех", Model: "МР-80-13Т",
				Caliber: ".45 Rubber", ManufactureYear: 2015, OwnerID: string(owner), OwnerKind: sio.SubjectPerson, PermitNumber: "СН-02 №0000002",
				PermitTypeRu: "Разрешение на хранение и ношение гражданского оружия самообороны", PermitIssued: sio.MustDate("2015-05-05"),
				PermitExpires: sio.MustDate("2020-05-05"), PermitStatus: sio.PermitExpired, IssuedBy: "Департамент полиции г. Алматы", RegionKATO: "75"},
			{SerialNumber: "ИЖС20000003", Kind: sio.WeaponService, KindRu: "Служебное", Make: "Ижмех", Model: "ИЖ-71", Caliber: "9×17",
				ManufactureYear: 2020, OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity, PermitNumber: "СЛ-01 №0000003",
				PermitTypeRu: "Разрешение на хранение и использование служебного оружия", PermitIssued: sio.MustDate("2020-09-09"),
				PermitExpires: sio.MustDate("2025-09-09"), PermitStatus: sio.PermitValid, IssuedBy: "Департамент полиции г. Астаны", RegionKATO: "71"},
		}))

		var byOwner map[string][]sio.Weapon
		testdb.OneStatement(t, "WeaponsByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.WeaponsByOwner(ctx, []string{string(owner), string(company), "000000000000"})
			return err
		})
		if ws := byOwner[string(owner)]; len(ws) != 2 || ws[0].SerialNumber != "МТ15000002" || ws[1].PermitStatus != sio.PermitValid ||
			ws[1].PermitExpires.String() != "2027-03-01" || ws[1].Caliber != "12/70" {
			t.Fatalf("person's weapons (oldest permit first) = %+v", ws)
		}
		if ws := byOwner[string(company)]; len(ws) != 1 || ws[0].OwnerKind != sio.SubjectLegalEntity || ws[0].Region().NameRu != "г. Астана" {
			t.Fatalf("company's weapons = %+v", ws)
		}
		if _, ok := byOwner["000000000000"]; ok || len(byOwner) != 2 {
			t.Fatalf("owners without weapons must be absent: %v", byOwner)
		}
		var bySerial map[string]*sio.Weapon
		testdb.OneStatement(t, "WeaponsBySerial", func(ctx context.Context) (err error) {
			bySerial, err = s.WeaponsBySerial(ctx, []string{"ИЖС20000003", "НЕТ"})
			return err
		})
		if w := bySerial["ИЖС20000003"]; len(bySerial) != 1 || w == nil || w.OwnerID != string(company) || w.Model != "ИЖ-71" {
			t.Fatalf("by serial = %+v", bySerial)
		}
	})
}

// fill runs the connector's filler over a generated population.
func fill(t *testing.T, cfg synth.Config) []sio.Weapon {
	t.Helper()
	ctx := context.Background()
	s, err := weapons.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var ws []sio.Weapon
	testdb.Must(t, s.DB().Select(ctx, &ws, s.DB().Q(`SELECT * FROM {weapons} ORDER BY serial_number`)))
	return ws
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000})
	b := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("weapons: %d with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("batch cuts changed the data: %+v vs %+v", a[i], b[i])
		}
	}
	if c := fill(t, synth.Config{Seed: 4, Persons: 3000}); len(c) > 0 && c[0] == a[0] {
		t.Fatal("another seed gave the same first weapon")
	}
	today := synth.Today()
	kinds := map[sio.WeaponKind]int{}
	for _, w := range a {
		kinds[w.Kind]++
		if w.PermitIssued.After(today.Time) || !w.PermitExpires.After(w.PermitIssued.Time) {
			t.Fatalf("permit dates out of order: %+v", w)
		}
		if (w.PermitStatus == sio.PermitValid) != (w.PermitExpires.After(today.Time)) && w.PermitStatus != sio.PermitRevoked {
			t.Fatalf("status %s does not match expiry %s: %+v", w.PermitStatus, w.PermitExpires, w)
		}
		if (w.Kind == sio.WeaponService) != (w.OwnerKind == sio.SubjectLegalEntity) {
			t.Fatalf("service weapons belong to companies, others to persons: %+v", w)
		}
		if _, ok := sio.RegionByKATO(w.RegionKATO); !ok || w.IssuedBy == "" {
			t.Fatalf("region/unit: %+v", w)
		}
	}
	if kinds[sio.WeaponHuntingSmoothbore] == 0 || kinds[sio.WeaponSelfDefense] == 0 {
		t.Fatalf("kinds = %v", kinds)
	}
}
