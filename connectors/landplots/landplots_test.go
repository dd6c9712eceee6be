package landplots_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/landplots"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestLandPlots(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := landplots.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		farmer := testdb.IIN(t, "1970-08-30", sio.Male, 5)
		farm := testdb.BINOf(t, "2005-03-01", sio.BINIndividualEnt, sio.BINPeasantFarm, 77)
		nobody := testdb.IIN(t, "2002-02-02", sio.Female, 2)
		p1, p2, p3 := "03-046-111-222", "03-046-111-223", "15-230-010-001"

		testdb.Must(t, s.Insert(ctx, []sio.LandPlot{
			{CadastralNumber: p1, AreaHa: 12.3456, Category: "Земли сельскохозяйственного назначения", Purpose: "Для ведения крестьянского хозяйства",
				RegionKATO: "19", Address: "Алматинская обл., Талғар ауданы", Divisible: true},
			{CadastralNumber: p2, AreaHa: 0.1, Category: "Земли населённых пунктов", Purpose: "ИЖС", RegionKATO: "19", Divisible: false},
			{CadastralNumber: p3, AreaHa: 500, Category: "Земли сельскохозяйственного назначения", RegionKATO: "15", Divisible: true},
		}))
		testdb.Must(t, s.InsertRights(ctx, []sio.PropertyRight{
			{RecordID: 9000000001, ObjectNumber: p1, HolderID: string(farmer), HolderKind: sio.SubjectPerson, RightType: "PRIVATE_OWNERSHIP",
				ShareNumerator: 1, ShareDenominator: 1, Since: sio.MustDate("1999-04-01")},
			{RecordID: 9000000002, ObjectNumber: p3, HolderID: string(farm), HolderKind: sio.SubjectLegalEntity, RightType: "TEMPORARY_LAND_USE",
				ShareNumerator: 1, ShareDenominator: 1, Since: sio.MustDate("2006-01-01")},
			{RecordID: 9000000003, ObjectNumber: p2, HolderID: string(farmer), HolderKind: sio.SubjectPerson, RightType: "PRIVATE_OWNERSHIP",
				ShareNumerator: 2, ShareDenominator: 3, Since: sio.MustDate("2011-11-11")},
		}))

		var plots map[string]*sio.LandPlot
		testdb.OneStatement(t, "PlotsByNumber", func(ctx context.Context) (err error) {
			plots, err = s.PlotsByNumber(ctx, []string{p1, p2, "99-999-999-999"})
			return err
		})
		if len(plots) != 2 || plots[p3] != nil {
			t.Fatalf("plots = %v", plots)
		}
		if p := plots[p1]; p == nil || p.AreaHa != 12.3456 || !p.Divisible || p.Purpose != "Для ведения крестьянского хозяйства" ||
			p.Address != "Алматинская обл., Талғар ауданы" {
			t.Fatalf("plot 1 = %+v", p)
		}
		if p := plots[p2]; p == nil || p.Divisible || p.Category != "Земли населённых пунктов" {
			t.Fatalf("plot 2 = %+v", p)
		}

		var byHolder map[string][]sio.PropertyRight
		testdb.OneStatement(t, "RightsByHolder", func(ctx context.Context) (err error) {
			byHolder, err = s.RightsByHolder(ctx, []string{string(farmer), string(farm), string(nobody)})
			return err
		})
		if len(byHolder) != 2 || len(byHolder[string(farmer)]) != 2 || len(byHolder[string(farm)]) != 1 {
			t.Fatalf("rights by holder = %v", byHolder)
		}
		if r := byHolder[string(farmer)][1]; r.RecordID != 9000000003 || r.ObjectNumber != p2 || r.ShareNumerator != 2 ||
			r.ShareDenominator != 3 || r.Since.String() != "2011-11-11" {
			t.Fatalf("farmer's second right = %+v", r)
		}
		if r := byHolder[string(farm)][0]; r.HolderKind != sio.SubjectLegalEntity || r.RightType != "TEMPORARY_LAND_USE" {
			t.Fatalf("farm's right = %+v", r)
		}

		var byObject map[string][]sio.PropertyRight
		testdb.OneStatement(t, "RightsByObject", func(ctx context.Context) (err error) {
			byObject, err = s.RightsByObject(ctx, []string{p1, p3, "99-999-999-999"})
			return err
		})
		if len(byObject) != 2 || len(byObject[p1]) != 1 || byObject[p1][0].HolderID != string(farmer) ||
			len(byObject[p3]) != 1 || byObject[p3][0].RecordID != 9000000002 {
			t.Fatalf("rights by object = %v", byObject)
		}

		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := landplots.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
