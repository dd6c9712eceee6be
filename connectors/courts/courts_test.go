package courts_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/courts"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestCourts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := courts.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		husband := testdb.IIN(t, "1980-01-15", sio.Male, 3)
		wife := testdb.IIN(t, "1983-07-09", sio.Female, 5)
		company := testdb.BIN(t, "2015-03-01", 11)
		claim := int64(150_000_000)
		testdb.Must(t, s.Insert(ctx, []sio.CourtCase{
			{Number: "7510-19-00-2/2101", CourtName: "Алмалинский районный суд г. Алматы", RegionKATO: "75", Category: sio.CourtCivil,
				SubjectRu: "О расторжении брака", JudgeName: "Ахметова А.К.", ReceivedAt: sio.MustDate("2019-02-01"), Status: sio.CourtCaseDecided,
				DecidedAt: ptr(sio.MustDate("2019-04-01")), ResultRu: ptr("Иск удовлетворён: брак расторгнут"), InForceAt: ptr(sio.MustDate("2019-05-01"))},
			{Number: "7592-24-00-2/2500", CourtName: "Специализированный межрайонный экономический суд г. Алматы", RegionKATO: "75",
				Category: sio.CourtCivil, SubjectRu: "О взыскании задолженности", JudgeName: "Ким С.В.", ReceivedAt: sio.MustDate("2024-11-01"),
				Status: sio.CourtCasePending, ClaimTiyn: &claim},
		}, []sio.CourtParty{
			{CaseNumber: "7510-19-00-2/2101", Role: sio.PartyDefendant, RoleRu: "ответчик", SubjectID: ptr(string(husband)), SubjectKind: ptr(sio.SubjectPerson), NameRu: "Иванов И.И."},
			{CaseNumber: "7510-19-00-2/2101", Role: sio.PartyPlaintiff, RoleRu: "истец", SubjectID: ptr(string(wife)), SubjectKind: ptr(sio.SubjectPerson), NameRu: "Иванова А.П."},
			{CaseNumber: "7592-24-00-2/2500", Role: sio.PartyPlaintiff, RoleRu: "истец", NameRu: "АО «Kaspi Bank»"},
			{CaseNumber: "7592-24-00-2/2500", Role: sio.PartyDefendant, RoleRu: "ответчик", SubjectID: ptr(string(company)), SubjectKind: ptr(sio.SubjectLegalEntity), NameRu: "ТОО «Береке»"},
		}))

		var byParty map[string][]sio.PartyCase
		testdb.OneStatement(t, "CasesByParty", func(ctx context.Context) (err error) {
			byParty, err = s.CasesByParty(ctx, []string{string(husband), string(wife), string(company), "000000000000"})
			return err
		})
		if len(byParty) != 3 || byParty[string(husband)][0].Role != sio.PartyDefendant || byParty[string(wife)][0].RoleRu != "истец" ||
			byParty[string(company)][0].Claim().String() != "1500000.00" || byParty[string(company)][0].DecidedAt != nil {
			t.Fatalf("by party = %+v", byParty)
		}
		var byNumber map[string]*sio.CourtCase
		testdb.OneStatement(t, "CasesByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.CasesByNumber(ctx, []string{"7510-19-00-2/2101", "0000-00-00-1/1"})
			return err
		})
		if len(byNumber) != 1 || byNumber["7510-19-00-2/2101"].Region().KATO != "75" || byNumber["7510-19-00-2/2101"].Claim() != nil {
			t.Fatalf("by number = %+v", byNumber)
		}
		var ps map[string][]sio.CourtParty
		testdb.OneStatement(t, "PartiesByCase", func(ctx context.Context) (err error) {
			ps, err = s.PartiesByCase(ctx, []string{"7510-19-00-2/2101", "7592-24-00-2/2500"})
			return err
		})
		if p := ps["7510-19-00-2/2101"]; len(p) != 2 || p[0].Role != sio.PartyPlaintiff || *p[0].SubjectID != string(wife) {
			t.Fatalf("parties (plaintiff first) = %+v", p)
		}
		if p := ps["7592-24-00-2/2500"]; len(p) != 2 || p[0].SubjectID != nil || p[0].NameRu != "АО «Kaspi Bank»" {
			t.Fatalf("parties = %+v", p)
		}
	})
}

var number = regexp.MustCompile(`^(\d{2})(\d{2})-(\d{2})-00-([123])/\d+$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cs := justicetest.Deterministic[*courts.Store, sio.CourtCase](t, courts.Open, `SELECT * FROM {court_cases} ORDER BY number`)
	today := synth.Today()
	cats := map[sio.CourtCaseCategory]int{}
	for _, c := range cs {
		cats[c.Category]++
		m := number.FindStringSubmatch(c.Number)
		if m == nil || m[1] != c.RegionKATO || m[3] != c.ReceivedAt.Format("06") ||
			m[4] != map[sio.CourtCaseCategory]string{sio.CourtCriminal: "1", sio.CourtCivil: "2", sio.CourtAdministrative: "3"}[c.Category] {
			t.Fatalf("number %s does not match the case: %+v", c.Number, c)
		}
		if c.ReceivedAt.After(today.Time) || (c.Status == sio.CourtCaseDecided) != (c.DecidedAt != nil) ||
			(c.DecidedAt != nil && (c.DecidedAt.Before(c.ReceivedAt.Time) || c.DecidedAt.After(today.Time) || c.ResultRu == nil)) ||
			(c.InForceAt != nil && (c.DecidedAt == nil || c.InForceAt.Before(c.DecidedAt.Time) || c.InForceAt.After(today.Time))) {
			t.Fatalf("dates and status: %+v", c)
		}
		if c.CourtName == "" || c.JudgeName == "" || c.SubjectRu == "" {
			t.Fatalf("court, judge, subject: %+v", c)
		}
	}
	if cats[sio.CourtCriminal] == 0 || cats[sio.CourtCivil] == 0 || cats[sio.CourtAdministrative] == 0 {
		t.Fatalf("categories %v", cats)
	}
	ps := justicetest.Fill[*courts.Store, sio.CourtParty](t, courts.Open, synth.Config{Seed: 3, Persons: 3000},
		`SELECT * FROM {court_parties} ORDER BY case_number, role, name_ru`)
	per := map[string]int{}
	kinds := map[sio.SubjectKind]int{}
	for _, p := range ps {
		per[p.CaseNumber]++
		if (p.SubjectID == nil) != (p.SubjectKind == nil) || p.NameRu == "" {
			t.Fatalf("party: %+v", p)
		}
		if p.SubjectKind != nil {
			kinds[*p.SubjectKind]++
		}
	}
	for _, c := range cs {
		want := 2
		if c.Category != sio.CourtCivil {
			want = 1
		}
		if per[c.Number] != want {
			t.Fatalf("%s has %d parties, want %d", c.Number, per[c.Number], want)
		}
	}
	if kinds[sio.SubjectPerson] == 0 || kinds[sio.SubjectLegalEntity] == 0 {
		t.Fatalf("party kinds %v", kinds)
	}
}
