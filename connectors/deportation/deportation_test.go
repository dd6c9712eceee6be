package deportation_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/deportation"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestDeportation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := deportation.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1991-02-14", sio.Male, 30)
		e := func(no, decided string) sio.Expulsion {
			return sio.Expulsion{DecisionNumber: no, PersonIIN: a, Citizenship: "UZ", Ground: sio.ExpulsionAdministrative,
				GroundRu: "Административное выдворение (ст. 517 ч.1 КоАП РК)", DecidedBy: "СМАС Туркестанской области", RegionKATO: "61",
				DecisionDate: sio.MustDate(decided), Deadline: synth.AddDays(sio.MustDate(decided), 10), Status: sio.ExpulsionPending}
		}
		done := e("6193-21-00-3/2200", "2021-03-01")
		done.Status, done.ExecutedAt, done.Checkpoint, done.EntryBanUntil = sio.ExpulsionExecuted, ptr(sio.MustDate("2021-03-08")),
			ptr("МАПП «Жибек жолы»"), ptr(sio.MustDate("2026-03-08"))
		testdb.Must(t, s.Insert(ctx, []sio.Expulsion{e("6193-24-00-3/2900", "2024-12-28"), done}))

		var byPerson map[sio.IIN][]sio.Expulsion
		testdb.OneStatement(t, "ExpulsionsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.ExpulsionsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if es := byPerson[a]; len(byPerson) != 1 || len(es) != 2 || es[0].Status != sio.ExpulsionExecuted || *es[0].Checkpoint != "МАПП «Жибек жолы»" ||
			es[1].ExecutedAt != nil || es[1].Region().KATO != "61" {
			t.Fatalf("expulsions (oldest first) = %+v", byPerson)
		}
		var byDecision map[string]*sio.Expulsion
		testdb.OneStatement(t, "ExpulsionsByDecision", func(ctx context.Context) (err error) {
			byDecision, err = s.ExpulsionsByDecision(ctx, []string{"6193-21-00-3/2200", "6193-21-00-3/1"})
			return err
		})
		if len(byDecision) != 1 || byDecision["6193-21-00-3/2200"].Status != sio.ExpulsionExecuted {
			t.Fatalf("by decision = %+v", byDecision)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	es := justicetest.Deterministic[*deportation.Store, sio.Expulsion](t, deportation.Open, `SELECT * FROM {expulsions} ORDER BY decision_number`)
	today := synth.Today()
	for _, e := range es {
		if e.Citizenship == "KZ" || e.DecisionDate.After(today.Time) || e.Deadline.Before(e.DecisionDate.Time) {
			t.Fatalf("expulsion: %+v", e)
		}
		executed := e.Status != sio.ExpulsionPending
		if executed != (e.ExecutedAt != nil) || executed != (e.Checkpoint != nil) || executed != (e.EntryBanUntil != nil) ||
			(e.ExecutedAt != nil && (e.ExecutedAt.After(today.Time) || e.ExecutedAt.Before(e.DecisionDate.Time) || !e.EntryBanUntil.After(e.ExecutedAt.Time))) {
			t.Fatalf("execution: %+v", e)
		}
	}
}
