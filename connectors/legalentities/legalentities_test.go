package legalentities_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/legalentities"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestLegalEntities(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := legalentities.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		dir := testdb.IIN(t, "1978-05-20", sio.Male, 11)
		founder := testdb.IIN(t, "1990-12-01", sio.Female, 42)
		nobody := testdb.IIN(t, "1960-01-01", sio.Male, 1)
		b1 := testdb.BIN(t, "2010-04-01", 100)
		b2 := testdb.BIN(t, "2015-09-01", 200)
		b3 := testdb.BIN(t, "2020-02-01", 300) // liquidated, no director
		missing := testdb.BIN(t, "2021-01-01", 400)
		empty := sio.IIN("")

		testdb.Must(t, s.Insert(ctx, []sio.LegalEntity{
			{BIN: b1, NameRu: "ТОО «Қазақ Құрылыс»", NameKz: "«Қазақ Құрылыс» ЖШС", LegalForm: "ТОО",
				RegistrationDate: sio.MustDate("2010-04-15"), Status: "ACTIVE", RegionKATO: "75",
				Address: "г. Алматы, ул. Әуезова, д. 5", ActivityCode: "41201", ActivityRu: "Строительство жилых зданий", DirectorIIN: &dir},
			{BIN: b2, NameRu: "АО «Өнім»", LegalForm: "АО", RegistrationDate: sio.MustDate("2015-09-03"),
				Status: "ACTIVE", RegionKATO: "71", DirectorIIN: &dir},
			{BIN: b3, NameRu: "ТОО «Жабық»", LegalForm: "ТОО", RegistrationDate: sio.MustDate("2020-02-10"),
				Status: "LIQUIDATED", RegionKATO: "71", DirectorIIN: &empty},
		}))
		testdb.Must(t, s.InsertFounders(ctx, []sio.Founder{
			{EntityBIN: b1, FounderID: string(founder), FounderKind: sio.SubjectPerson, SharePercent: 40, Since: sio.MustDate("2010-04-15")},
			{EntityBIN: b1, FounderID: string(b2), FounderKind: sio.SubjectLegalEntity, SharePercent: 60, Since: sio.MustDate("2016-01-20")},
			{EntityBIN: b2, FounderID: string(founder), FounderKind: sio.SubjectPerson, SharePercent: 100, Since: sio.MustDate("2015-09-03")},
		}))

		var ents map[sio.BIN]*sio.LegalEntity
		testdb.OneStatement(t, "EntitiesByBIN", func(ctx context.Context) (err error) {
			ents, err = s.EntitiesByBIN(ctx, []sio.BIN{b1, b2, b3, missing})
			return err
		})
		if len(ents) != 3 || ents[missing] != nil {
			t.Fatalf("got %d entities, want 3: %v", len(ents), ents)
		}
		e := ents[b1]
		if e == nil || e.NameRu != "ТОО «Қазақ Құрылыс»" || e.NameKz != "«Қазақ Құрылыс» ЖШС" || e.Address != "г. Алматы, ул. Әуезова, д. 5" ||
			e.RegistrationDate.String() != "2010-04-15" || e.ActivityCode != "41201" || e.DirectorIIN == nil || *e.DirectorIIN != dir {
			t.Fatalf("entity 1 = %+v", e)
		}
		if e := ents[b3]; e == nil || e.DirectorIIN != nil || e.Status != "LIQUIDATED" {
			t.Fatalf("entity without director = %+v", e)
		}

		var fs map[sio.BIN][]sio.Founder
		testdb.OneStatement(t, "FoundersByEntity", func(ctx context.Context) (err error) {
			fs, err = s.FoundersByEntity(ctx, []sio.BIN{b1, b2, b3, missing})
			return err
		})
		if len(fs) != 2 || len(fs[b1]) != 2 || len(fs[b2]) != 1 {
			t.Fatalf("founders = %v", fs)
		}
		if f := fs[b1][0]; f.FounderID != string(b2) || f.FounderKind != sio.SubjectLegalEntity || f.SharePercent != 60 || f.Since.String() != "2016-01-20" {
			t.Fatalf("largest founder of b1 = %+v", f)
		}
		if f := fs[b1][1]; f.FounderID != string(founder) || f.SharePercent != 40 {
			t.Fatalf("second founder of b1 = %+v", f)
		}

		var roles map[string][]sio.CompanyRole
		testdb.OneStatement(t, "RolesBySubject", func(ctx context.Context) (err error) {
			roles, err = s.RolesBySubject(ctx, []string{string(dir), string(founder), string(b2), string(nobody)})
			return err
		})
		if len(roles) != 3 || roles[string(nobody)] != nil {
			t.Fatalf("roles = %v", roles)
		}
		if rs := roles[string(dir)]; len(rs) != 2 ||
			rs[0].Kind != sio.CompanyDirector || rs[0].EntityBIN != b1 || rs[0].SharePercent != nil || rs[0].Since.String() != "2010-04-15" ||
			rs[1].Kind != sio.CompanyDirector || rs[1].EntityBIN != b2 || rs[1].Since.String() != "2015-09-03" {
			t.Fatalf("director roles = %+v", rs)
		}
		if rs := roles[string(founder)]; len(rs) != 2 ||
			rs[0].Kind != sio.CompanyFounder || rs[0].EntityBIN != b1 || rs[0].SharePercent == nil || *rs[0].SharePercent != 40 ||
			rs[1].EntityBIN != b2 || rs[1].SharePercent == nil || *rs[1].SharePercent != 100 || rs[1].SubjectID != string(founder) {
			t.Fatalf("founder roles = %+v", rs)
		}
		if rs := roles[string(b2)]; len(rs) != 1 || rs[0].Kind != sio.CompanyFounder || rs[0].EntityBIN != b1 || *rs[0].SharePercent != 60 {
			t.Fatalf("entity as founder = %+v", rs)
		}

		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		// Re-opening an existing store does not re-run migrations.
		s2, err := legalentities.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
