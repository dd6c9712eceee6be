package realestate_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/realestate"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestRealEstate(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := realestate.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		wife := testdb.IIN(t, "1985-03-14", sio.Female, 17)
		husband := testdb.IIN(t, "1983-07-01", sio.Male, 23)
		company := testdb.BIN(t, "2012-06-01", 500)
		nobody := testdb.IIN(t, "1999-09-09", sio.Male, 9)
		flat, office, garage := "20-311-045-123:1", "20-311-001-777", "03-044-120-009"

		testdb.Must(t, s.Insert(ctx, []sio.RealEstate{
			{CadastralNumber: flat, Kind: "APARTMENT", RegionKATO: "75", Address: "г. Алматы, мкр. Самал-2, д. 33, кв. 12",
				AreaSqm: 78.5, Rooms: 3, YearBuilt: 2004, RegisteredAt: sio.MustDate("2004-11-30")},
			{CadastralNumber: office, Kind: "NON_RESIDENTIAL", RegionKATO: "75", Address: "г. Алматы, пр. Абая, д. 1",
				AreaSqm: 250.25, YearBuilt: 1978, RegisteredAt: sio.MustDate("2001-02-03")},
			{CadastralNumber: garage, Kind: "GARAGE", RegionKATO: "19", Address: "Алматинская обл., г. Қонаев",
				AreaSqm: 18, RegisteredAt: sio.MustDate("2019-06-06")},
		}))
		testdb.Must(t, s.InsertRights(ctx, []sio.PropertyRight{
			{RecordID: 1, ObjectNumber: flat, HolderID: string(wife), HolderKind: sio.SubjectPerson, RightType: "OWNERSHIP",
				ShareNumerator: 1, ShareDenominator: 2, Since: sio.MustDate("2010-05-05")},
			{RecordID: 2, ObjectNumber: flat, HolderID: string(husband), HolderKind: sio.SubjectPerson, RightType: "OWNERSHIP",
				ShareNumerator: 1, ShareDenominator: 2, Since: sio.MustDate("2010-05-05")},
			{RecordID: 3, ObjectNumber: office, HolderID: string(company), HolderKind: sio.SubjectLegalEntity, RightType: "OWNERSHIP",
				ShareNumerator: 1, ShareDenominator: 1, Since: sio.MustDate("2013-01-10")},
			{RecordID: 4, ObjectNumber: garage, HolderID: string(wife), HolderKind: sio.SubjectPerson, RightType: "OWNERSHIP",
				ShareNumerator: 1, ShareDenominator: 1, Since: sio.MustDate("2019-06-06")},
		}))

		var props map[string]*sio.RealEstate
		testdb.OneStatement(t, "PropertiesByNumber", func(ctx context.Context) (err error) {
			props, err = s.PropertiesByNumber(ctx, []string{flat, office, "00-000-000-000"})
			return err
		})
		if len(props) != 2 || props[garage] != nil {
			t.Fatalf("properties = %v", props)
		}
		if p := props[flat]; p == nil || p.Kind != "APARTMENT" || p.Address != "г. Алматы, мкр. Самал-2, д. 33, кв. 12" || p.AreaSqm != 78.5 ||
			p.Rooms != 3 || p.YearBuilt != 2004 || p.RegisteredAt.String() != "2004-11-30" {
			t.Fatalf("flat = %+v", p)
		}
		if p := props[office]; p == nil || p.AreaSqm != 250.25 || p.Rooms != 0 {
			t.Fatalf("office = %+v", p)
		}

		var byHolder map[string][]sio.PropertyRight
		testdb.OneStatement(t, "RightsByHolder", func(ctx context.Context) (err error) {
			byHolder, err = s.RightsByHolder(ctx, []string{string(wife), string(company), string(nobody)})
			return err
		})
		if len(byHolder) != 2 || len(byHolder[string(wife)]) != 2 || len(byHolder[string(company)]) != 1 {
			t.Fatalf("rights by holder = %v", byHolder)
		}
		if r := byHolder[string(wife)][0]; r.RecordID != 1 || r.ObjectNumber != flat || r.HolderKind != sio.SubjectPerson ||
			r.RightType != "OWNERSHIP" || r.ShareNumerator != 1 || r.ShareDenominator != 2 || r.Since.String() != "2010-05-05" {
			t.Fatalf("wife's first right = %+v", r)
		}
		if r := byHolder[string(wife)][1]; r.RecordID != 4 || r.ObjectNumber != garage {
			t.Fatalf("wife's second right = %+v", r)
		}
		if r := byHolder[string(company)][0]; r.HolderKind != sio.SubjectLegalEntity || r.ObjectNumber != office {
			t.Fatalf("company's right = %+v", r)
		}

		var byObject map[string][]sio.PropertyRight
		testdb.OneStatement(t, "RightsByObject", func(ctx context.Context) (err error) {
			byObject, err = s.RightsByObject(ctx, []string{flat, garage, "00-000-000-000"})
			return err
		})
		if len(byObject) != 2 || len(byObject[flat]) != 2 || len(byObject[garage]) != 1 ||
			byObject[flat][0].HolderID != string(wife) || byObject[flat][1].HolderID != string(husband) {
			t.Fatalf("rights by object = %v", byObject)
		}

		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := realestate.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
