package specialrecords_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"sio"
	"sio/connectors/justice/justicetest"
	"sio/connectors/specialrecords"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestSpecialRecords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := specialrecords.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1985-03-02", sio.Male, 12)
		b := testdb.IIN(t, "1992-11-20", sio.Female, 40)
		fine := int64(48_100_000)
		testdb.Must(t, s.Insert(ctx, []sio.CriminalRecord{
			{CaseNumber: "217500031012345", ERDRNumber: ptr("217500031012345"), PersonIIN: a, CodeRu: "УК РК 2014", Article: "188 ч.2",
				ArticleRu: "Кража", Gravity: sio.GravityMedium, OffenceDate: sio.MustDate("2021-05-03"), RegisteredAt: sio.MustDate("2021-05-04"),
				RegisteredBy: "УП Алмалинского района ДП г. Алматы", RegionKATO: "75", Outcome: sio.OutcomeConvicted, OutcomeRu: "Обвинительный приговор",
				OutcomeDate: ptr(sio.MustDate("2021-10-01")), CourtName: ptr("Алмалинский районный суд г. Алматы"), CourtCaseNumber: ptr("7510-21-00-1/2345"),
				SentenceKind: ptr(sio.SentenceFine), SentenceRu: ptr("штраф в размере 200 МРП"), FineTiyn: &fine, ConvictionStatus: sio.ConvictionExpunged,
				ExpungedAt: ptr(sio.MustDate("2022-12-01"))},
			{CaseNumber: "087500012345", PersonIIN: a, CodeRu: "УК РК 1997", Article: "175 ч.1", ArticleRu: "Кража", Gravity: sio.GravityMinor,
				OffenceDate: sio.MustDate("2008-02-01"), RegisteredAt: sio.MustDate("2008-02-02"), RegisteredBy: "УП Ауэзовского района ДП г. Алматы",
				RegionKATO: "75", Outcome: sio.OutcomeTerminatedPretrial, OutcomeRu: "Прекращено", OutcomeDate: ptr(sio.MustDate("2008-05-01")),
				ConvictionStatus: sio.ConvictionNone},
			{CaseNumber: "241100031000777", ERDRNumber: ptr("241100031000777"), PersonIIN: b, CodeRu: "УК РК 2014", Article: "190 ч.1",
				ArticleRu: "Мошенничество", Gravity: sio.GravityMinor, OffenceDate: sio.MustDate("2024-10-10"), RegisteredAt: sio.MustDate("2024-10-11"),
				RegisteredBy: "УП г. Кокшетау ДП Акмолинской области", RegionKATO: "11", Outcome: sio.OutcomeUnderInvestigation,
				OutcomeRu: "Досудебное расследование", ConvictionStatus: sio.ConvictionNone},
		}, []sio.AdministrativeOffence{
			{CaseNumber: "2275000100123", PersonIIN: a, CodeRu: "КоАП РК 2014", Article: "434 ч.1", ArticleRu: "Мелкое хулиганство",
				CommittedAt: sio.MustDate("2022-06-01"), RegionKATO: "75", RecordedBy: "УП", DecidedAt: sio.MustDate("2022-06-02"), DecidedBy: "СМАС",
				Penalty: sio.PenaltyArrest, PenaltyRu: "арест 5 суток", ArrestDays: ptr(5), ExecutionRu: "Арест отбыт"},
		}, []sio.DactyloscopicRecord{
			{PersonIIN: a, CardNumber: "ДК-75-08-001234", RegisteredAt: sio.MustDate("2008-02-05"), RegisteredBy: "ОКО", Reason: sio.DactyloscopyCriminal, ReasonRu: "подозреваемый"},
		}))

		var byPerson map[sio.IIN][]sio.CriminalRecord
		testdb.OneStatement(t, "CriminalRecordsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.CriminalRecordsByPerson(ctx, []sio.IIN{a, b, "000000000000"})
			return err
		})
		if rs := byPerson[a]; len(rs) != 2 || rs[0].CaseNumber != "087500012345" || rs[0].ERDRNumber != nil ||
			rs[1].Fine() == nil || rs[1].Fine().String() != "481000.00" || rs[1].ExpungedAt.String() != "2022-12-01" || *rs[1].SentenceKind != sio.SentenceFine {
			t.Fatalf("records of a (oldest first) = %+v", rs)
		}
		if len(byPerson) != 2 || len(byPerson[b]) != 1 || byPerson[b][0].OutcomeDate != nil || byPerson[b][0].Region().NameRu != "Акмолинская область" {
			t.Fatalf("records = %+v", byPerson)
		}
		var byCase map[string]*sio.CriminalRecord
		testdb.OneStatement(t, "CriminalRecordsByCase", func(ctx context.Context) (err error) {
			byCase, err = s.CriminalRecordsByCase(ctx, []string{"241100031000777", "999999999999999"})
			return err
		})
		if len(byCase) != 1 || byCase["241100031000777"].PersonIIN != b {
			t.Fatalf("by case = %+v", byCase)
		}
		var offs map[sio.IIN][]sio.AdministrativeOffence
		testdb.OneStatement(t, "OffencesByPerson", func(ctx context.Context) (err error) {
			offs, err = s.OffencesByPerson(ctx, []sio.IIN{a, b})
			return err
		})
		if len(offs) != 1 || len(offs[a]) != 1 || *offs[a][0].ArrestDays != 5 || offs[a][0].Fine() != nil || offs[a][0].Expulsion {
			t.Fatalf("offences = %+v", offs)
		}
		var dk map[sio.IIN]*sio.DactyloscopicRecord
		testdb.OneStatement(t, "DactyloscopyByPerson", func(ctx context.Context) (err error) {
			dk, err = s.DactyloscopyByPerson(ctx, []sio.IIN{a, b})
			return err
		})
		if len(dk) != 1 || dk[a].CardNumber != "ДК-75-08-001234" {
			t.Fatalf("dactyloscopy = %+v", dk)
		}
	})
}

var (
	erdrPattern = regexp.MustCompile(`^\d{2}(\d{2})(00|03|04)031\d{6}$`)
	cardPattern = regexp.MustCompile(`^\d{2}\d{2}(00|03|04)\d{6}$`)
	courtCase   = regexp.MustCompile(`^\d{4}-\d{2}-00-1/\d+$`)
)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	rs := justicetest.Deterministic[*specialrecords.Store, sio.CriminalRecord](t, specialrecords.Open,
		`SELECT * FROM {criminal_records} ORDER BY case_number`)
	today := synth.Today()
	newCode := sio.MustDate("2015-01-01")
	outcomes := map[sio.CriminalOutcome]int{}
	statuses := map[sio.ConvictionStatus]int{}
	for _, r := range rs {
		outcomes[r.Outcome]++
		statuses[r.ConvictionStatus]++
		if r.OffenceDate.After(r.RegisteredAt.Time) || r.RegisteredAt.After(today.Time) ||
			(r.OutcomeDate != nil && (r.OutcomeDate.Before(r.RegisteredAt.Time) || r.OutcomeDate.After(today.Time))) ||
			(r.ReleaseDate != nil && (r.ReleaseDate.Before(r.OutcomeDate.Time) || r.ReleaseDate.After(today.Time))) ||
			(r.ExpungedAt != nil && r.ExpungedAt.After(today.Time)) {
			t.Fatalf("dates out of order: %+v", r)
		}
		era2014 := !r.RegisteredAt.Before(newCode.Time)
		if era2014 != (r.ERDRNumber != nil) || era2014 != (r.CodeRu == "УК РК 2014") {
			t.Fatalf("ЕРДР numbers and the 2014 Code start in 2015: %+v", r)
		}
		if (r.ERDRNumber != nil && (!erdrPattern.MatchString(r.CaseNumber) || *r.ERDRNumber != r.CaseNumber)) ||
			(r.ERDRNumber == nil && !cardPattern.MatchString(r.CaseNumber)) || r.CaseNumber[2:4] != r.RegionKATO {
			t.Fatalf("case number %s: %+v", r.CaseNumber, r)
		}
		convicted := r.Outcome == sio.OutcomeConvicted
		if convicted != (r.SentenceKind != nil) || convicted != (r.ConvictionStatus != sio.ConvictionNone) {
			t.Fatalf("only convictions carry a sentence and a conviction status: %+v", r)
		}
		if (r.CourtCaseNumber != nil) != (r.CourtName != nil) || (r.CourtCaseNumber != nil && !courtCase.MatchString(*r.CourtCaseNumber)) {
			t.Fatalf("court: %+v", r)
		}
		if r.ConvictionStatus == sio.ConvictionExpunged && r.ExpungedAt == nil || r.ConvictionStatus != sio.ConvictionExpunged && r.ExpungedAt != nil {
			t.Fatalf("expunged: %+v", r)
		}
		if r.SentenceKind != nil && *r.SentenceKind == sio.SentenceImprisonment && (r.Institution == nil ||
			(r.ConvictionStatus == sio.ConvictionServing) != (r.ReleaseDate == nil)) {
			t.Fatalf("imprisonment: %+v", r)
		}
		if r.SentenceKind != nil && *r.SentenceKind == sio.SentenceFine && (r.FineTiyn == nil || *r.FineTiyn <= 0) {
			t.Fatalf("fine: %+v", r)
		}
		if _, ok := sio.RegionByKATO(r.RegionKATO); !ok || r.RegisteredBy == "" {
			t.Fatalf("region/body: %+v", r)
		}
	}
	if outcomes[sio.OutcomeConvicted] == 0 || outcomes[sio.OutcomeTerminatedPretrial] == 0 || statuses[sio.ConvictionExpunged] == 0 {
		t.Fatalf("outcomes %v, statuses %v", outcomes, statuses)
	}

	persons := map[sio.IIN]bool{}
	for _, r := range rs {
		persons[r.PersonIIN] = true
	}
	dks := justicetest.Fill[*specialrecords.Store, sio.DactyloscopicRecord](t, specialrecords.Open,
		synth.Config{Seed: 3, Persons: 3000}, `SELECT * FROM {dactyloscopy} ORDER BY person_iin`)
	registered := map[sio.IIN]sio.DactyloscopyReason{}
	for _, d := range dks {
		registered[d.PersonIIN] = d.Reason
		if d.RegisteredAt.After(today.Time) {
			t.Fatalf("dactyloscopy in the future: %+v", d)
		}
	}
	for iin := range persons {
		if registered[iin] != sio.DactyloscopyCriminal {
			t.Fatalf("%s was prosecuted but not fingerprinted", iin)
		}
	}
	offs := justicetest.Fill[*specialrecords.Store, sio.AdministrativeOffence](t, specialrecords.Open,
		synth.Config{Seed: 3, Persons: 3000}, `SELECT * FROM {administrative_offences} ORDER BY case_number`)
	if len(offs) == 0 {
		t.Fatal("no administrative offences")
	}
	for _, o := range offs {
		if o.CommittedAt.Before(newCode.Time) || o.DecidedAt.Before(o.CommittedAt.Time) || o.DecidedAt.After(today.Time) {
			t.Fatalf("offence dates: %+v", o)
		}
		if (o.Penalty == sio.PenaltyFine) != (o.FineTiyn != nil) || (o.Penalty == sio.PenaltyArrest) != (o.ArrestDays != nil) {
			t.Fatalf("penalty: %+v", o)
		}
		if o.Expulsion && !strings.HasPrefix(o.Article, "517") {
			t.Fatalf("only migration offences lead to expulsion: %+v", o)
		}
	}
}
