package paxcustoms_test

import (
	"context"
	"reflect"
	"regexp"
	"testing"
	"time"

	"sio"
	"sio/connectors/border"
	"sio/connectors/paxcustoms"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := paxcustoms.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		trader := testdb.IIN(t, "1975-08-09", sio.Female, 2)
		post := sio.BorderCheckpoint{Code: "R01", NameRu: "Нұр Жолы (Хоргос)", Kind: sio.CheckpointRoad, RegionKATO: "33"}
		at := time.Date(2024, 4, 2, 6, 30, 0, 0, time.UTC)
		testdb.Must(t, s.Insert(ctx, []sio.PassengerDeclaration{
			{Number: "55332001/020424/0000002", IIN: trader, DeclaredAt: at, Direction: sio.CrossingEntry, CustomsPostCode: "55332001",
				CustomsPostRu: "Таможенный пост «Нұр Жолы (Хоргос)»", Passage: sio.Passage{BorderCheckpoint: post, CountryCode: "CN", Transport: sio.TransportBus},
				TotalValueTiyn: 150_000_000, DutyTiyn: 37_500_000, DecisionRu: "Выпуск разрешён после уплаты таможенных платежей"},
			{Number: "55332001/010324/0000001", IIN: trader, DeclaredAt: at.AddDate(0, -1, 0), Direction: sio.CrossingExit,
				CustomsPostCode: "55332001", CustomsPostRu: "Таможенный пост «Нұр Жолы (Хоргос)»",
				Passage:    sio.Passage{BorderCheckpoint: post, CountryCode: "CN", Transport: sio.TransportCar, VehiclePlate: ptr("123ABC05")},
				VehicleVIN: ptr("XTA21099012345678"), DecisionRu: "Выпуск разрешён"},
		}, []sio.DeclarationItem{
			{DeclarationNumber: "55332001/020424/0000002", Line: 2, Kind: sio.DeclaredCash, DescriptionRu: "Наличные денежные средства",
				Quantity: 12000, UnitRu: "USD", ValueTiyn: 564_000_000, Currency: ptr("USD"), CurrencyMinor: ptr(int64(1_200_000))},
			{DeclarationNumber: "55332001/020424/0000002", Line: 1, Kind: sio.DeclaredGoods, DescriptionRu: "Одежда женская", HSCode: "6204",
				Quantity: 60, UnitRu: "шт", WeightKg: 18, ValueTiyn: 30_000_000},
		}))

		var byPerson map[sio.IIN][]sio.PassengerDeclaration
		testdb.OneStatement(t, "DeclarationsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.DeclarationsByPerson(ctx, []sio.IIN{trader, "000000000000"})
			return err
		})
		if ds := byPerson[trader]; len(byPerson) != 1 || len(ds) != 2 || ds[0].Number != "55332001/010324/0000001" || *ds[0].VehicleVIN != "XTA21099012345678" ||
			ds[1].DutyPaid().String() != "375000.00" || !ds[1].DeclaredAt.Equal(at) || ds[1].Checkpoint().Region().KATO != "33" || ds[1].VehiclePlate != nil {
			t.Fatalf("declarations (oldest first) = %+v", byPerson)
		}
		var byNumber map[string]*sio.PassengerDeclaration
		testdb.OneStatement(t, "DeclarationsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DeclarationsByNumber(ctx, []string{"55332001/020424/0000002", "55332001/020424/0000009"})
			return err
		})
		if d := byNumber["55332001/020424/0000002"]; len(byNumber) != 1 || d == nil || d.IIN != trader || d.TotalValue().String() != "1500000.00" {
			t.Fatalf("by number = %+v", byNumber)
		}
		var items map[string][]sio.DeclarationItem
		testdb.OneStatement(t, "ItemsByDeclaration", func(ctx context.Context) (err error) {
			items, err = s.ItemsByDeclaration(ctx, []string{"55332001/020424/0000002", "55332001/010324/0000001"})
			return err
		})
		if is := items["55332001/020424/0000002"]; len(items) != 1 || len(is) != 2 || is[0].HSCode != "6204" || is[0].Currency != nil ||
			*is[1].CurrencyAmount() != "12000.00" || is[1].Value().String() != "5640000.00" {
			t.Fatalf("items (by line) = %+v", items)
		}
	})
}

type generated struct {
	decls []sio.PassengerDeclaration
	items []sio.DeclarationItem
	cross map[string][]sio.BorderCrossing
	vins  map[string]sio.Vehicle
}

func generate(t *testing.T, cfg synth.Config) generated {
	t.Helper()
	d := paxcustoms.NewDeclarer(cfg.Seed)
	j := border.NewJourneys(cfg.Seed)
	g := generated{cross: map[string][]sio.BorderCrossing{}, vins: map[string]sio.Vehicle{}}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		ds, is := d.Batch(b)
		g.decls, g.items = append(g.decls, ds...), append(g.items, is...)
		rec := j.Batch(b)
		for _, c := range append(rec.Citizens, rec.Foreigners...) {
			g.cross[c.IIN] = append(g.cross[c.IIN], c)
		}
		for _, v := range b.Vehicles {
			g.vins[v.VIN] = v
		}
		return nil
	}))
	return g
}

func TestDeclarerIsDeterministicAndRealistic(t *testing.T) {
	cfg := synth.Config{Seed: 3, Persons: 4000, BatchPersons: 4000}
	a := generate(t, cfg)
	cfg.BatchPersons = 900
	b := generate(t, cfg)
	if len(a.decls) == 0 || !reflect.DeepEqual(a.decls, b.decls) || !reflect.DeepEqual(a.items, b.items) {
		t.Fatalf("batch cuts changed the declarations (%d vs %d)", len(a.decls), len(b.decls))
	}
	if c := generate(t, synth.Config{Seed: 4, Persons: 4000}); reflect.DeepEqual(c.decls[0], a.decls[0]) {
		t.Fatal("another seed gave the same first declaration")
	}
	numberRe := regexp.MustCompile(`^55\d{6}/\d{6}/\d{7}$`)
	lines := map[string][]sio.DeclarationItem{}
	for _, it := range a.items {
		lines[it.DeclarationNumber] = append(lines[it.DeclarationNumber], it)
	}
	numbers := map[string]bool{}
	var paid, cash, cars int
	for _, d := range a.decls {
		if numbers[d.Number] || !numberRe.MatchString(d.Number) || d.Number[:8] != d.CustomsPostCode {
			t.Fatalf("number %q (post %s)", d.Number, d.CustomsPostCode)
		}
		numbers[d.Number] = true
		if local := d.DeclaredAt.Add(5 * time.Hour).Format("020106"); d.Number[9:15] != local || d.DeclaredAt.After(synth.AddDays(synth.Today(), 1).Time) {
			t.Fatalf("date of %s vs %s", d.Number, d.DeclaredAt)
		}
		// Filed at one of the person's crossings, within two hours.
		at := false
		for _, c := range a.cross[string(d.IIN)] {
			gap := d.DeclaredAt.Sub(c.CrossedAt)
			at = at || (c.Code == d.Code && c.Direction == d.Direction && gap > -2*time.Hour && gap < 2*time.Hour)
		}
		if !at {
			t.Fatalf("declaration at no crossing of the declarant: %+v", d)
		}
		var total, goods int64
		for i, l := range lines[d.Number] {
			total += l.ValueTiyn
			if l.Line != i+1 || l.ValueTiyn <= 0 || l.Quantity <= 0 {
				t.Fatalf("line %+v", l)
			}
			switch l.Kind {
			case sio.DeclaredGoods:
				goods += l.ValueTiyn
				if len(l.HSCode) != 4 || l.Currency != nil {
					t.Fatalf("goods line %+v", l)
				}
			case sio.DeclaredCash:
				cash++
				// Above the threshold of 10,000 dollars (at >= 345 tenge).
				if l.Currency == nil || *l.CurrencyMinor <= 0 || l.ValueTiyn < 10_000*345*100 {
					t.Fatalf("cash line %+v", l)
				}
			}
		}
		if total != d.TotalValueTiyn || (d.DutyTiyn > 0) != (d.DecisionRu != "Выпуск разрешён") || d.DutyTiyn > goods {
			t.Fatalf("totals of %+v vs lines %+v", d, lines[d.Number])
		}
		if d.DutyTiyn > 0 {
			paid++
		}
		if d.VehicleVIN != nil {
			cars++
			// The family's car (the border connector checks the family).
			if v, ok := a.vins[*d.VehicleVIN]; !ok || v.Plate != *d.VehiclePlate || v.OwnerKind != sio.SubjectPerson || border.InEAEU(d.CountryCode) {
				t.Fatalf("declared vehicle: %+v", d)
			}
		}
		if len(lines[d.Number]) == 0 && d.VehicleVIN == nil {
			t.Fatalf("empty declaration %+v", d)
		}
	}
	if paid == 0 || cash == 0 || cars == 0 {
		t.Fatalf("%d declarations: %d with duties, %d cash lines, %d cars", len(a.decls), paid, cash, cars)
	}
	t.Logf("%d declarations, %d lines: %d with duties, %d cash lines, %d cars", len(a.decls), len(a.items), paid, cash, cars)
}
