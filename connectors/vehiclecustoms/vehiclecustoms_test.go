package vehiclecustoms_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/vehiclecustoms"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestDeclarations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := vehiclecustoms.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1986-04-04", sio.Male, 44)
		vin := "JTMHV00J004000001"
		mk := func(number, day string, value int64) sio.VehicleCustomsDeclaration {
			return sio.VehicleCustomsDeclaration{Number: number, DeclaredAt: sio.MustDate(day), CustomsPostRu: "Таможенный пост «ЦТО г. Алматы» ДГД по г. Алматы",
				DeclarantID: string(owner), DeclarantKind: sio.SubjectPerson, VIN: vin, Make: "Toyota", Model: "Land Cruiser 200", Year: 2015,
				EngineCC: 4600, OriginCountryRu: "Япония", DispatchCountryRu: "ОАЭ", CustomsValueTiyn: value, DutyTiyn: value * 15 / 100,
				VATTiyn: 100_000_00, ExciseTiyn: 460_000_00, FeeTiyn: 20_000_00}
		}
		testdb.Must(t, s.Insert(ctx, []sio.VehicleCustomsDeclaration{
			mk("57510101/100316/0000001", "2016-03-10", 12_000_000_00), mk("57510101/050821/0000007", "2021-08-05", 9_000_000_00),
		}))
		var byVIN map[string]*sio.VehicleCustomsDeclaration
		testdb.OneStatement(t, "DeclarationsByVIN", func(ctx context.Context) (err error) {
			byVIN, err = s.DeclarationsByVIN(ctx, []string{vin, "NONE"})
			return err
		})
		if d := byVIN[vin]; len(byVIN) != 1 || d == nil || d.Number != "57510101/050821/0000007" || d.Duty().String() != "1350000.00" ||
			d.TotalPaid().String() != "1930000.00" {
			t.Fatalf("the latest declaration = %+v", byVIN)
		}
		var byNumber map[string]*sio.VehicleCustomsDeclaration
		testdb.OneStatement(t, "DeclarationsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DeclarationsByNumber(ctx, []string{"57510101/100316/0000001"})
			return err
		})
		if d := byNumber["57510101/100316/0000001"]; len(byNumber) != 1 || d.DeclaredAt.String() != "2016-03-10" || d.CustomsValue().String() != "12000000.00" {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var numberPattern = regexp.MustCompile(`^5\d{7}/\d{6}/\d{7}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ds := kittest.Deterministic[sio.VehicleCustomsDeclaration](t, vehiclecustoms.Open, `SELECT * FROM {declarations} ORDER BY number`)
	countries := map[string]int{}
	for _, d := range ds {
		countries[d.OriginCountryRu]++
		if !numberPattern.MatchString(d.Number) || d.Number[9:15] != d.DeclaredAt.Format("020106") {
			t.Fatalf("number %s declared %s", d.Number, d.DeclaredAt)
		}
		if d.DeclaredAt.After(synth.Today().Time) || d.DeclaredAt.Year() < d.Year-1 {
			t.Fatalf("declared %s, model year %d", d.DeclaredAt, d.Year)
		}
		if d.CustomsValueTiyn <= 0 || (d.OriginCountryRu == "Узбекистан") != (d.DutyTiyn == 0) || (d.EngineCC > 3000) != (d.ExciseTiyn > 0) {
			t.Fatalf("payments: %+v", d)
		}
		if vat := (d.CustomsValueTiyn + d.DutyTiyn + d.ExciseTiyn) * 12 / 100; d.VATTiyn < vat-100 || d.VATTiyn > vat+100 {
			t.Fatalf("VAT %d, expected about %d", d.VATTiyn, vat)
		}
		if d.Make == "Lada" || d.Make == "КамАЗ" {
			t.Fatalf("an EAEU make was declared: %+v", d)
		}
	}
	if countries["Япония"] == 0 || countries["Республика Корея"] == 0 {
		t.Fatalf("countries = %v", countries)
	}
}
