package courtcards_test

import (
	"context"
	"strings"
	"testing"

	"sio"
	"sio/connectors/courtcards"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestCourtCards(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := courtcards.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1990-05-05", sio.Male, 7)
		card := func(no, caseNo string, verdict string, kind sio.VerdictKind) sio.CourtCard {
			return sio.CourtCard{CardNumber: no, FormRu: "Форма 6", CaseNumber: caseNo, CourtName: "Есильский районный суд г. Астаны",
				RegionKATO: "71", JudgeName: "Омаров Б.Т.", PersonIIN: a, CodeRu: "УК РК 2014", Article: "188 ч.1", ArticleRu: "Кража",
				Verdict: kind, VerdictDate: sio.MustDate(verdict), InForceAt: synthDays(verdict)}
		}
		c1 := card("6-7112-23-00-1/2050", "7112-23-00-1/2050", "2023-06-01", sio.VerdictConviction)
		c1.PunishmentRu, c1.TermMonths = ptr("ограничение свободы сроком на 1 год"), ptr(12)
		testdb.Must(t, s.Insert(ctx, []sio.CourtCard{card("6-7112-19-00-1/2011", "7112-19-00-1/2011", "2019-03-01", sio.VerdictTermination), c1}))

		var byPerson map[sio.IIN][]sio.CourtCard
		testdb.OneStatement(t, "CardsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.CardsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if cs := byPerson[a]; len(byPerson) != 1 || len(cs) != 2 || cs[0].Verdict != sio.VerdictTermination || *cs[1].TermMonths != 12 || cs[1].Fine() != nil {
			t.Fatalf("cards (oldest first) = %+v", byPerson)
		}
		var byCase map[string][]sio.CourtCard
		testdb.OneStatement(t, "CardsByCase", func(ctx context.Context) (err error) {
			byCase, err = s.CardsByCase(ctx, []string{"7112-23-00-1/2050", "7112-23-00-1/1"})
			return err
		})
		if len(byCase) != 1 || byCase["7112-23-00-1/2050"][0].CardNumber != "6-7112-23-00-1/2050" || byCase["7112-23-00-1/2050"][0].Region().KATO != "71" {
			t.Fatalf("by case = %+v", byCase)
		}
	})
}

func synthDays(d string) sio.Date { return synth.AddDays(sio.MustDate(d), 15) }

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cs := justicetest.Deterministic[*courtcards.Store, sio.CourtCard](t, courtcards.Open, `SELECT * FROM {court_cards} ORDER BY card_number`)
	verdicts := map[sio.VerdictKind]int{}
	for _, c := range cs {
		verdicts[c.Verdict]++
		if c.CardNumber != "6-"+c.CaseNumber || !strings.Contains(c.CaseNumber, "-00-1/") || c.VerdictDate.After(synth.Today().Time) ||
			!c.InForceAt.After(c.VerdictDate.Time) {
			t.Fatalf("card: %+v", c)
		}
		if (c.Verdict == sio.VerdictConviction) != (c.PunishmentRu != nil) {
			t.Fatalf("only convictions carry a punishment: %+v", c)
		}
	}
	if verdicts[sio.VerdictConviction] == 0 {
		t.Fatalf("verdicts %v", verdicts)
	}
}
