package kgddeclarations_test

import (
	"context"
	"math"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/elicensing"
	"sio/connectors/internal/excisable"
	"sio/connectors/internal/recordstest"
	"sio/connectors/kgddeclarations"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestDeclarations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := kgddeclarations.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		distillery, trader, supplier := testdb.BIN(t, "2008-04-01", 3), testdb.BIN(t, "2012-12-01", 5), testdb.BIN(t, "2001-01-01", 2)
		lic := excisable.LicenseNumber(distillery, excisable.LicenseEthylAlcohol)
		decl := func(number string, kind sio.ExciseKind, bin sio.BIN, month int, lines ...sio.ExciseLine) sio.ExciseDeclaration {
			p := synth.MonthPeriod(2024, month)
			return sio.ExciseDeclaration{Number: number, Kind: kind, DeclarantBIN: bin, FormRu: "Декларация", ReportingPeriod: p, FiledAt: synth.AddDays(p.PeriodTo, 10),
				TaxOfficeCode: "3901", TaxOfficeRu: "УГД по г. Костанаю", WarehouseRu: "г. Костанай, промышленная зона, склад № 2", LicenseNumber: &lic, Lines: lines}
		}
		line := func(no int, opening, produced, shipped float64, counterparty *sio.BIN) sio.ExciseLine {
			return sio.ExciseLine{LineNo: no, ProductCode: "2207100000", ProductRu: "Спирт этиловый", Unit: "дал", Opening: opening, Produced: produced,
				Shipped: shipped, Closing: opening + produced - shipped, CounterpartyBIN: counterparty}
		}
		testdb.Must(t, s.Insert(ctx, []sio.ExciseDeclaration{
			decl("3901-24-ЭС-0000001", sio.ExciseEthylAlcohol, distillery, 1, line(1, 0, 1000, 900, nil)),
			decl("3901-24-ЭС-0000002", sio.ExciseEthylAlcohol, distillery, 2, line(1, 100, 1200, 1250, nil), line(2, 0, 10, 5, nil)),
			decl("3901-24-НП3-0000003", sio.ExcisePetroleumVersion3, trader, 3, line(1, 0, 500, 450, &supplier)),
		}))
		var byDeclarant map[sio.BIN][]sio.ExciseDeclaration
		testdb.OneStatement(t, "DeclarationsByDeclarant", func(ctx context.Context) (err error) {
			byDeclarant, err = s.DeclarationsByDeclarant(ctx, sio.ExciseEthylAlcohol, []sio.BIN{distillery, trader, "000000000000"})
			return err
		})
		if ds := byDeclarant[distillery]; len(byDeclarant) != 1 || len(ds) != 2 || ds[0].Number != "3901-24-ЭС-0000002" || len(ds[0].Lines) != 2 ||
			ds[0].Lines[1].LineNo != 2 || ds[1].Lines[0].Closing != 100 || *ds[0].LicenseNumber != lic || ds[0].PeriodRu != "февраль 2024 г." {
			t.Fatalf("declarations (latest first, with lines) = %+v", byDeclarant)
		}
		testdb.OneStatement(t, "DeclarationsByDeclarant (v3)", func(ctx context.Context) (err error) {
			byDeclarant, err = s.DeclarationsByDeclarant(ctx, sio.ExcisePetroleumVersion3, []sio.BIN{distillery, trader})
			return err
		})
		if ds := byDeclarant[trader]; len(byDeclarant) != 1 || len(ds) != 1 || *ds[0].Lines[0].CounterpartyBIN != supplier {
			t.Fatalf("version-3 declarations = %+v", byDeclarant)
		}
		var byNumber map[string]*sio.ExciseDeclaration
		testdb.OneStatement(t, "DeclarationsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DeclarationsByNumber(ctx, sio.ExciseEthylAlcohol, []string{"3901-24-ЭС-0000001", "3901-24-НП3-0000003"})
			return err
		})
		if d := byNumber["3901-24-ЭС-0000001"]; len(byNumber) != 1 || d.DeclarantBIN != distillery || len(d.Lines) != 1 || d.TaxOffice().Code != "3901" {
			t.Fatalf("by number (other kinds' numbers absent) = %+v", byNumber)
		}
	})
}

var numberPattern = regexp.MustCompile(`^\d{4}-\d{2}-[А-Я0-9]{2,3}-\d{7}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	type data [5][]sio.ExciseDeclaration
	d := recordstest.Deterministic(t, kgddeclarations.Open, 20000, func(t *testing.T, s *kgddeclarations.Store) data {
		var out data
		for i, kind := range sio.ExciseKinds {
			bins := recordstest.Rows[struct {
				BIN sio.BIN `db:"declarant_bin"`
			}](t, s.DB(), map[sio.ExciseKind]string{
				sio.ExciseEthylAlcohol: "ethyl_alcohol_declarations", sio.ExciseAlcoholProduction: "alcohol_production_declarations",
				sio.ExciseAlcoholTurnover: "alcohol_turnover_declarations", sio.ExcisePetroleumVersion2: "petroleum_declarations_v2",
				sio.ExcisePetroleumVersion3: "petroleum_declarations_v3"}[kind], "declarant_bin, number, line_no")
			var keys []sio.BIN
			for j, b := range bins {
				if j == 0 || b.BIN != bins[j-1].BIN {
					keys = append(keys, b.BIN)
				}
			}
			m, err := s.DeclarationsByDeclarant(context.Background(), kind, keys)
			testdb.Must(t, err)
			for _, b := range keys {
				out[i] = append(out[i], m[b]...)
			}
		}
		return out
	})
	today := synth.Today()
	for i, ds := range d {
		kind := sio.ExciseKinds[i]
		if len(ds) == 0 {
			t.Fatalf("no %s declarations", kind)
		}
		closing := map[string]float64{}
		for j := len(ds) - 1; j >= 0; j-- { // oldest first within a declarant
			x := ds[j]
			if x.Kind != kind || !numberPattern.MatchString(x.Number) || x.FiledAt.After(today.Time) || !x.FiledAt.After(x.PeriodTo.Time) {
				t.Fatalf("%s declaration: %+v", kind, x)
			}
			v3 := !x.PeriodFrom.Before(sio.MustDate("2024-01-01").Time)
			if (kind == sio.ExcisePetroleumVersion2 && v3) || (kind == sio.ExcisePetroleumVersion3 && !v3) {
				t.Fatalf("form version of %s for %s", kind, x.PeriodRu)
			}
			for _, l := range x.Lines {
				key := string(x.DeclarantBIN) + l.ProductCode
				if math.Abs(l.Opening+l.Produced+l.Received-l.Shipped-l.Closing) > 0.002 || l.Shipped < 0 || l.Closing < 0 {
					t.Fatalf("balance of line %+v", l)
				}
				if prev, ok := closing[key]; ok && math.Abs(prev-l.Opening) > 1e-9 {
					t.Fatalf("opening %v does not carry over the closing %v: %+v", l.Opening, prev, x)
				}
				closing[key] = l.Closing
			}
		}
	}
}

// Every licence a declaration quotes is in Е-лицензирование, held by the
// declarant, for the activity of the declaration.
func TestLicensesAreInELicensing(t *testing.T) {
	cfg := synth.Config{Seed: 5, Persons: 20000}
	licenses := map[string]sio.BusinessLicense{}
	for _, l := range recordstest.Rows[sio.BusinessLicense](t, recordstest.Fill(t, elicensing.Open, cfg).DB(), "licenses", "number") {
		licenses[l.Number] = l
	}
	activity := map[sio.ExciseKind]string{
		sio.ExciseEthylAlcohol: "Производство этилового спирта", sio.ExciseAlcoholProduction: "Производство алкогольной продукции",
		sio.ExciseAlcoholTurnover: "Хранение и оптовая реализация алкогольной продукции", sio.ExcisePetroleumVersion2: "Производство нефтепродуктов",
		sio.ExcisePetroleumVersion3: "Производство нефтепродуктов",
	}
	s := recordstest.Fill(t, kgddeclarations.Open, cfg)
	quoted := 0
	for kind, table := range map[sio.ExciseKind]string{sio.ExciseEthylAlcohol: "ethyl_alcohol_declarations",
		sio.ExciseAlcoholProduction: "alcohol_production_declarations", sio.ExciseAlcoholTurnover: "alcohol_turnover_declarations",
		sio.ExcisePetroleumVersion2: "petroleum_declarations_v2", sio.ExcisePetroleumVersion3: "petroleum_declarations_v3"} {
		for _, d := range recordstest.Rows[struct {
			BIN     sio.BIN `db:"declarant_bin"`
			License *string `db:"license_number"`
		}](t, s.DB(), table, "number, line_no") {
			if d.License == nil {
				if kind == sio.ExciseEthylAlcohol || kind == sio.ExciseAlcoholProduction || kind == sio.ExciseAlcoholTurnover {
					t.Fatalf("%s declaration of %s without a licence", kind, d.BIN)
				}
				continue
			}
			l, ok := licenses[*d.License]
			if !ok || l.HolderID != string(d.BIN) || l.ActivityRu != activity[kind] {
				t.Fatalf("%s declaration of %s quotes licence %s, in Е-лицензирование: %+v", kind, d.BIN, *d.License, l)
			}
			quoted++
		}
	}
	if quoted == 0 {
		t.Fatal("no declaration quotes a licence")
	}
}
