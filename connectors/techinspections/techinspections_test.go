package techinspections_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/techinspections"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestInspections(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := techinspections.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		vin := "XTA21070000000001"
		station := "ЦТО ТОО «Авто Тест» (г. Караганда)"
		testdb.Must(t, s.Insert(ctx, []sio.TechnicalInspection{
			{CardNumber: "092300000001", VIN: vin, Plate: "123ABC09", InspectedAt: sio.MustDate("2023-05-02"), Station: station, RegionKATO: "35",
				Result: sio.InspectionFailed, DefectsRu: "Неисправность внешних световых приборов", MileageKm: 201_300, NextDate: sio.MustDate("2023-05-22")},
			{CardNumber: "092300000002", VIN: vin, Plate: "123ABC09", InspectedAt: sio.MustDate("2023-05-10"), Station: station, RegionKATO: "35",
				Result: sio.InspectionPassed, MileageKm: 201_450, NextDate: sio.MustDate("2024-05-10")},
			{CardNumber: "092400000003", VIN: vin, Plate: "123ABC09", InspectedAt: sio.MustDate("2024-05-20"), Station: station, RegionKATO: "35",
				Result: sio.InspectionPassed, MileageKm: 214_000, NextDate: sio.MustDate("2025-05-20")},
		}))
		var got map[string][]sio.TechnicalInspection
		testdb.OneStatement(t, "InspectionsByVehicle", func(ctx context.Context) (err error) {
			got, err = s.InspectionsByVehicle(ctx, []string{vin, "NONE"})
			return err
		})
		if ts := got[vin]; len(got) != 1 || len(ts) != 3 || ts[0].CardNumber != "092400000003" || ts[2].Result != sio.InspectionFailed ||
			ts[2].DefectsRu == "" || ts[1].NextDate.String() != "2024-05-10" || ts[0].Region().NameRu != "Карагандинская область" {
			t.Fatalf("inspections (latest first) = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ts := kittest.Deterministic[sio.TechnicalInspection](t, techinspections.Open, `SELECT * FROM {inspections} ORDER BY vin, inspected_at, card_number`)
	today := synth.Today()
	results := map[sio.InspectionResult]int{}
	for i, x := range ts {
		results[x.Result]++
		if x.InspectedAt.After(today.Time) || x.InspectedAt.Year() < 2019 || !x.NextDate.After(x.InspectedAt.Time) {
			t.Fatalf("dates: %+v", x)
		}
		if (x.Result == sio.InspectionFailed) != (x.DefectsRu != "") {
			t.Fatalf("defects: %+v", x)
		}
		if i > 0 && ts[i-1].VIN == x.VIN && ts[i-1].MileageKm >= x.MileageKm {
			t.Fatalf("mileage went back: %+v then %+v", ts[i-1], x)
		}
	}
	if results[sio.InspectionPassed] == 0 || results[sio.InspectionFailed] == 0 {
		t.Fatalf("results = %v", results)
	}
}
