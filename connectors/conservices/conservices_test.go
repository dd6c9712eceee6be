package conservices_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/conservices"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestConServices(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := conservices.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		p := testdb.IIN(t, "1979-12-24", sio.Female, 60)
		done := sio.MustDate("2024-03-04")
		reason := "Представление неполного пакета документов, предусмотренного стандартом государственной услуги"
		testdb.Must(t, s.Insert(ctx, []sio.PublicServiceRequest{
			{RequestNumber: "002020000001", IIN: p, ServiceRu: "Выдача удостоверения личности гражданина Республики Казахстан",
				Branch: "Отдел «ЦОН Медеуского района»", RegionKATO: "75", SubmittedOn: sio.MustDate("2024-03-01"), SubmittedTime: "10:15",
				Result: sio.ServiceRendered, CompletedOn: &done},
			{RequestNumber: "002020000002", IIN: p, ServiceRu: "Регистрация по месту жительства населения Республики Казахстан",
				Branch: "Отдел «ЦОН Медеуского района»", RegionKATO: "75", SubmittedOn: sio.MustDate("2024-03-01"), SubmittedTime: "16:40",
				Result: sio.ServiceRefused, CompletedOn: &done, RefusalReasonRu: &reason},
			{RequestNumber: "002020000003", IIN: p, ServiceRu: "Выдача, замена водительских удостоверений",
				Branch: "Отдел «ЦОН Медеуского района»", RegionKATO: "75", SubmittedOn: sio.MustDate("2024-12-30"), SubmittedTime: "09:05",
				Result: sio.ServiceInProgress},
		}))
		var got map[sio.IIN][]sio.PublicServiceRequest
		testdb.OneStatement(t, "RequestsByPerson", func(ctx context.Context) (err error) {
			got, err = s.RequestsByPerson(ctx, []sio.IIN{p, "000000000000"})
			return err
		})
		if rs := got[p]; len(got) != 1 || len(rs) != 3 || rs[0].RequestNumber != "002020000003" || rs[0].CompletedOn != nil ||
			rs[1].SubmittedTime != "16:40" || *rs[1].RefusalReasonRu != reason || rs[2].Region().NameRu != "г. Алматы" {
			t.Fatalf("requests (newest first) = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 3000, func(cfg synth.Config) []sio.PublicServiceRequest {
		return fillertest.Fill(t, cfg, conservices.Open, fillertest.Rows[sio.PublicServiceRequest](`SELECT * FROM {requests} ORDER BY request_number`))
	})
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons := census.Persons
	today := synth.Today()
	results := map[sio.ServiceResult]int{}
	for _, q := range a {
		p := persons[q.IIN]
		if p == nil || synth.AgeAt(p, q.SubmittedOn) < 16 || q.SubmittedOn.After(today.Time) || (p.DeathDate != nil && q.SubmittedOn.After(p.DeathDate.Time)) {
			t.Fatalf("request: %+v (person %+v)", q, p)
		}
		if (q.Result == sio.ServiceInProgress) != (q.CompletedOn == nil) || (q.Result == sio.ServiceRefused) != (q.RefusalReasonRu != nil) ||
			(q.CompletedOn != nil && (q.CompletedOn.Before(q.SubmittedOn.Time) || q.CompletedOn.After(today.Time))) {
			t.Fatalf("result: %+v", q)
		}
		if len(q.RequestNumber) != 12 || q.SubmittedTime < "09:00" || q.SubmittedTime > "18:59" || q.Branch == "" {
			t.Fatalf("format: %+v", q)
		}
		results[q.Result]++
	}
	if results[sio.ServiceRefused] == 0 || results[sio.ServiceRendered] < len(a)*8/10 {
		t.Fatalf("results = %v", results)
	}
}
