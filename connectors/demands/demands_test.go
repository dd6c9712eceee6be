package demands_test

import (
	"context"
	"strings"
	"testing"

	"sio"
	"sio/connectors/demands"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestDemands(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := demands.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1988-10-10", sio.Female, 17)
		d := func(no, date string, form sio.DemandForm, found bool) sio.Demand {
			return sio.Demand{Number: no, PersonIIN: a, Form: form, FormRu: "Форма", RequestedAt: sio.MustDate(date), Initiator: "ЦОН",
				PurposeRu: "Справка", AnsweredAt: sio.MustDate(date), Found: found, AnswerRu: "ответ"}
		}
		testdb.Must(t, s.Insert(ctx, []sio.Demand{d("Т-1975-0010001", "2019-01-01", sio.DemandConvictions, false), d("Т-2375-0010002", "2023-02-02", sio.DemandWanted, true)}))
		var byPerson map[sio.IIN][]sio.Demand
		testdb.OneStatement(t, "DemandsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.DemandsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if ds := byPerson[a]; len(byPerson) != 1 || len(ds) != 2 || ds[0].Form != sio.DemandWanted || !ds[0].Found || ds[1].Found {
			t.Fatalf("demands (newest first) = %+v", byPerson)
		}
		var byNumber map[string]*sio.Demand
		testdb.OneStatement(t, "DemandsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DemandsByNumber(ctx, []string{"Т-1975-0010001", "Т-0000-0000000"})
			return err
		})
		if len(byNumber) != 1 || byNumber["Т-1975-0010001"].PersonIIN != a {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ds := justicetest.Deterministic[*demands.Store, sio.Demand](t, demands.Open, `SELECT * FROM {demands} ORDER BY number`)
	today := synth.Today()
	forms := map[sio.DemandForm]map[bool]int{}
	for _, d := range ds {
		if forms[d.Form] == nil {
			forms[d.Form] = map[bool]int{}
		}
		forms[d.Form][d.Found]++
		if d.RequestedAt.After(d.AnsweredAt.Time) || d.AnsweredAt.After(today.Time) || d.RequestedAt.Before(sio.MustDate("2014-01-01").Time) {
			t.Fatalf("dates: %+v", d)
		}
		if strings.HasPrefix(d.PurposeRu, "Уголовное дело") && d.Form == sio.DemandConvictions &&
			(!d.Found || !strings.Contains(d.AnswerRu, strings.Fields(d.PurposeRu)[3])) {
			t.Fatalf("the investigator's demand must find the case it is about: %+v", d)
		}
		if !strings.HasPrefix(d.Number, "Т-"+d.RequestedAt.Format("06")) {
			t.Fatalf("number: %+v", d)
		}
	}
	for _, f := range []sio.DemandForm{sio.DemandConvictions, sio.DemandWanted, sio.DemandDactyloscopy} {
		if forms[f][true] == 0 || forms[f][false] == 0 {
			t.Fatalf("answers by form %v", forms)
		}
	}
}
