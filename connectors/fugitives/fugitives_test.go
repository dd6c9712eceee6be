package fugitives_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/fugitives"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestFugitives(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := fugitives.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1995-09-09", sio.Male, 21)
		rec := func(no, erdr, declared string, st sio.FugitiveStatus) sio.FugitiveRecord {
			return sio.FugitiveRecord{SearchCaseNumber: no, PersonIIN: a, ERDRNumber: erdr, Article: "191 ч.1", ArticleRu: "Грабёж",
				Initiator: "УП г. Караганды", RegionKATO: "35", DeclaredAt: sio.MustDate(declared), Level: sio.SearchRepublican,
				LevelRu: "Республиканский розыск", MeasureRu: "—", Status: st}
		}
		old := rec("1835002000123", "183500031000456", "2018-04-01", sio.WantedDetained)
		old.EndedAt, old.EndedRu = ptr(sio.MustDate("2018-09-01")), ptr("Задержан")
		testdb.Must(t, s.Insert(ctx, []sio.FugitiveRecord{rec("2435002000999", "243500031001001", "2024-02-01", sio.WantedActive), old}))

		var byPerson map[sio.IIN][]sio.FugitiveRecord
		testdb.OneStatement(t, "FugitivesByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.FugitivesByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if fs := byPerson[a]; len(byPerson) != 1 || len(fs) != 2 || fs[0].Status != sio.WantedDetained || fs[1].EndedAt != nil {
			t.Fatalf("searches (oldest first) = %+v", byPerson)
		}
		var byERDR map[string]*sio.FugitiveRecord
		testdb.OneStatement(t, "FugitivesByERDR", func(ctx context.Context) (err error) {
			byERDR, err = s.FugitivesByERDR(ctx, []string{"243500031001001", "000000000000000"})
			return err
		})
		if len(byERDR) != 1 || byERDR["243500031001001"].Status != sio.WantedActive || byERDR["243500031001001"].Region().KATO != "35" {
			t.Fatalf("by ЕРДР = %+v", byERDR)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	fs := justicetest.Deterministic[*fugitives.Store, sio.FugitiveRecord](t, fugitives.Open, `SELECT * FROM {fugitives} ORDER BY search_case_number`)
	today := synth.Today()
	for _, f := range fs {
		if f.DeclaredAt.After(today.Time) || (f.Status == sio.WantedActive) != (f.EndedAt == nil) ||
			(f.EndedAt != nil && (f.EndedAt.Before(f.DeclaredAt.Time) || f.EndedAt.After(today.Time))) {
			t.Fatalf("status and dates: %+v", f)
		}
		if len(f.ERDRNumber) != 15 || f.ERDRNumber[2:4] != f.RegionKATO || len(f.SearchCaseNumber) != 13 || f.SearchCaseNumber[6] != '2' {
			t.Fatalf("numbers: %+v", f)
		}
	}
}
