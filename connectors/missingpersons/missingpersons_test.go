package missingpersons_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/justice/justicetest"
	"sio/connectors/missingpersons"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestMissingPersons(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := missingpersons.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "2009-01-20", sio.Female, 2)
		rec := func(no, seen string) sio.MissingPersonRecord {
			return sio.MissingPersonRecord{SearchCaseNumber: no, PersonIIN: a, LastSeenAt: sio.MustDate(seen), LastSeenPlace: "г. Павлодар",
				CircumstancesRu: "Не вернулась из школы", ReportedAt: sio.MustDate(seen), ApplicantRu: "мать", Initiator: "УП г. Павлодара",
				RegionKATO: "55", DescriptionRu: "Рост 160 см", Status: sio.MissingSearching}
		}
		found := rec("2255002000321", "2022-10-01")
		found.Status, found.FoundAt, found.FoundRu = sio.MissingFound, ptr(sio.MustDate("2022-10-03")), ptr("Вернулась домой")
		testdb.Must(t, s.Insert(ctx, []sio.MissingPersonRecord{rec("2455002000100", "2024-12-20"), found}))

		var byPerson map[sio.IIN][]sio.MissingPersonRecord
		testdb.OneStatement(t, "MissingByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.MissingByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if ms := byPerson[a]; len(byPerson) != 1 || len(ms) != 2 || ms[0].Status != sio.MissingFound || ms[1].FoundAt != nil {
			t.Fatalf("reports (oldest first) = %+v", byPerson)
		}
		var byCase map[string]*sio.MissingPersonRecord
		testdb.OneStatement(t, "MissingByCase", func(ctx context.Context) (err error) {
			byCase, err = s.MissingByCase(ctx, []string{"2455002000100", "0"})
			return err
		})
		if len(byCase) != 1 || byCase["2455002000100"].Region().KATO != "55" {
			t.Fatalf("by case = %+v", byCase)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ms := justicetest.Deterministic[*missingpersons.Store, sio.MissingPersonRecord](t, missingpersons.Open,
		`SELECT * FROM {missing_persons} ORDER BY search_case_number`)
	today := synth.Today()
	found := 0
	for _, m := range ms {
		if m.LastSeenAt.After(m.ReportedAt.Time) || m.ReportedAt.After(today.Time) || (m.Status == sio.MissingFound) != (m.FoundAt != nil) ||
			(m.FoundAt != nil && (m.FoundAt.Before(m.ReportedAt.Time) || m.FoundAt.After(today.Time))) {
			t.Fatalf("status and dates: %+v", m)
		}
		if m.Status == sio.MissingFound {
			found++
		}
		if age := synth.AgeAt(&sio.Person{BirthDate: sio.DateOf(m.PersonIIN.BirthDate())}, m.LastSeenAt); age < 10 || m.DescriptionRu == "" {
			t.Fatalf("missing at %d: %+v", age, m)
		}
	}
	if found*2 < len(ms) {
		t.Fatalf("%d of %d found: most missing persons are found", found, len(ms))
	}
}
