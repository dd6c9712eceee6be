package appeals_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/appeals"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestAppeals(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := appeals.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1966-03-30", sio.Female, 8)
		ap := func(no, date string, kind sio.AppealKind) sio.Appeal {
			return sio.Appeal{Number: no, PersonIIN: a, SubmittedAt: sio.MustDate(date), Body: "Акимат г. Астаны", RegionKATO: "71",
				Channel: sio.ChannelOnline, Kind: kind, KindRu: "Заявление", CategoryRu: "Жилищные вопросы", SummaryRu: "О жилье",
				Deadline: synth.AddDays(sio.MustDate(date), 21), Status: sio.AppealUnderReview}
		}
		done := ap("ЖТ-2021-00100500", "2021-04-04", sio.AppealCrimeReport)
		done.KUINumber, done.Status, done.AnsweredAt, done.ResultRu = ptr("1234"), sio.AppealRegistered, ptr(sio.MustDate("2021-04-05")), ptr("Зарегистрировано в ЕРДР")
		testdb.Must(t, s.Insert(ctx, []sio.Appeal{done, ap("ЖТ-2024-00100900", "2024-12-25", sio.AppealStatement)}))

		var byPerson map[sio.IIN][]sio.Appeal
		testdb.OneStatement(t, "AppealsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.AppealsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if as := byPerson[a]; len(byPerson) != 1 || len(as) != 2 || as[0].Status != sio.AppealUnderReview || *as[1].KUINumber != "1234" {
			t.Fatalf("appeals (newest first) = %+v", byPerson)
		}
		var byNumber map[string]*sio.Appeal
		testdb.OneStatement(t, "AppealsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.AppealsByNumber(ctx, []string{"ЖТ-2021-00100500", "ЖТ-2021-00000000"})
			return err
		})
		if len(byNumber) != 1 || byNumber["ЖТ-2021-00100500"].Kind != sio.AppealCrimeReport || byNumber["ЖТ-2021-00100500"].Region().KATO != "71" {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var number = regexp.MustCompile(`^ЖТ-(\d{4})-\d{8}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	as := justicetest.Deterministic[*appeals.Store, sio.Appeal](t, appeals.Open, `SELECT * FROM {appeals} ORDER BY number`)
	today := synth.Today()
	kinds := map[sio.AppealKind]int{}
	for _, a := range as {
		kinds[a.Kind]++
		if m := number.FindStringSubmatch(a.Number); m == nil || m[1] != a.SubmittedAt.Format("2006") {
			t.Fatalf("number: %+v", a)
		}
		if a.SubmittedAt.After(today.Time) || a.Deadline.Before(a.SubmittedAt.Time) || (a.Status == sio.AppealUnderReview) != (a.AnsweredAt == nil) ||
			(a.AnsweredAt != nil && (a.AnsweredAt.Before(a.SubmittedAt.Time) || a.AnsweredAt.After(today.Time) || a.ResultRu == nil)) {
			t.Fatalf("status and dates: %+v", a)
		}
		if (a.Kind == sio.AppealCrimeReport) != (a.KUINumber != nil) ||
			(a.Status == sio.AppealRegistered || a.Status == sio.AppealDeclined) && a.Kind != sio.AppealCrimeReport {
			t.Fatalf("crime reports: %+v", a)
		}
		if a.Channel == sio.ChannelOnline && a.SubmittedAt.Before(sio.MustDate("2020-01-01").Time) {
			t.Fatalf("online before e-Otinish: %+v", a)
		}
	}
	if kinds[sio.AppealCrimeReport] == 0 || kinds[sio.AppealComplaint] == 0 || kinds[sio.AppealStatement] == 0 {
		t.Fatalf("kinds %v", kinds)
	}
}
