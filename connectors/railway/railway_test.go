package railway_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/railway"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestRailway(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := railway.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		person := testdb.IIN(t, "1970-02-03", sio.Male, 12)
		company := testdb.BIN(t, "2008-05-01", 3)
		off := sio.MustDate("2020-06-30")
		testdb.Must(t, s.Insert(ctx, []sio.RollingStock{
			{Number: "62345673", Kind: sio.RollingStockWagon, TypeRu: "полувагон", Model: "12-9853", BuildYear: 2012,
				Plant: "АО «Уралвагонзавод» (Россия)", OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity,
				CertificateNumber: "ВГ62345673", RegisteredAt: sio.MustDate("2013-04-01"), HomeStation: "Экибастуз-1",
				RegionKATO: "55", Status: sio.Registered},
			{Number: "ТЭМ2-1001", Kind: sio.RollingStockLocomotive, TypeRu: "маневровый тепловоз", Model: "ТЭМ2", BuildYear: 1982,
				Plant: "Брянский машиностроительный завод (СССР)", OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity,
				CertificateNumber: "ЛКТЭМ2-1001", RegisteredAt: sio.MustDate("2009-01-15"), HomeStation: "Павлодар",
				RegionKATO: "55", Status: sio.Deregistered, DeregisteredAt: &off},
			{Number: "75000018", Kind: sio.RollingStockWagon, TypeRu: "цистерна", Model: "15-1443", BuildYear: 2018,
				Plant: "ОАО «Рузхиммаш» (Россия)", OwnerID: string(person), OwnerKind: sio.SubjectPerson,
				CertificateNumber: "ВГ75000018", RegisteredAt: sio.MustDate("2019-02-01"), HomeStation: "Атырау",
				RegionKATO: "23", Status: sio.Registered},
		}))

		var byOwner map[string][]sio.RollingStock
		testdb.OneStatement(t, "RollingStockByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.RollingStockByOwner(ctx, []string{string(company), string(person), "000000000000"})
			return err
		})
		if xs := byOwner[string(company)]; len(xs) != 2 || xs[0].Kind != sio.RollingStockLocomotive || xs[0].DeregisteredAt == nil ||
			xs[0].DeregisteredAt.String() != "2020-06-30" || xs[1].Number != "62345673" || xs[1].Region().NameRu != "Павлодарская область" {
			t.Fatalf("company's rolling stock (locomotives first) = %+v", xs)
		}
		if xs := byOwner[string(person)]; len(xs) != 1 || xs[0].OwnerKind != sio.SubjectPerson || xs[0].DeregisteredAt != nil {
			t.Fatalf("person's rolling stock = %+v", xs)
		}
		if _, ok := byOwner["000000000000"]; ok || len(byOwner) != 2 {
			t.Fatalf("owners without rolling stock must be absent: %v", byOwner)
		}
		var byNumber map[string]*sio.RollingStock
		testdb.OneStatement(t, "RollingStockByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.RollingStockByNumber(ctx, []string{"75000018", "ТЭМ2-1001", "99999999"})
			return err
		})
		if len(byNumber) != 2 || byNumber["75000018"].TypeRu != "цистерна" || byNumber["ТЭМ2-1001"].Status != sio.Deregistered {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

func TestWagonCheckDigit(t *testing.T) {
	// 6234567: 6·2=12→3, 2, 3·2=6, 4, 5·2=10→1, 6, 7·2=14→5: 27, check 3.
	if d, ok := sio.WagonCheckDigit("6234567"); !ok || d != '3' || !sio.ValidWagonNumber("62345673") || sio.ValidWagonNumber("62345674") {
		t.Fatalf("check digit of 6234567 = %c, %v", d, ok)
	}
	if _, ok := sio.WagonCheckDigit("623456A"); ok {
		t.Fatal("a letter has no check digit")
	}
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	xs := kittest.Deterministic[sio.RollingStock](t, railway.Open, `SELECT * FROM {rolling_stock} ORDER BY number`)
	today := synth.Today()
	kinds := map[sio.RollingStockKind]int{}
	owners := map[sio.SubjectKind]int{}
	for _, x := range xs {
		kinds[x.Kind]++
		owners[x.OwnerKind]++
		if x.Kind == sio.RollingStockWagon && !sio.ValidWagonNumber(x.Number) {
			t.Fatalf("wagon number %s has a wrong check digit", x.Number)
		}
		if x.RegisteredAt.After(today.Time) || x.BuildYear > x.RegisteredAt.Year() {
			t.Fatalf("registered %s, built %d: %+v", x.RegisteredAt, x.BuildYear, x)
		}
		if (x.Status == sio.Deregistered) != (x.DeregisteredAt != nil) || x.DeregisteredAt != nil && x.DeregisteredAt.Before(x.RegisteredAt.Time) {
			t.Fatalf("status and deregistration disagree: %+v", x)
		}
		if _, ok := sio.RegionByKATO(x.RegionKATO); !ok || x.HomeStation == "" {
			t.Fatalf("region/station: %+v", x)
		}
	}
	if kinds[sio.RollingStockWagon] == 0 || kinds[sio.RollingStockLocomotive] == 0 || owners[sio.SubjectPerson] == 0 || owners[sio.SubjectLegalEntity] == 0 {
		t.Fatalf("kinds %v, owners %v", kinds, owners)
	}
}
