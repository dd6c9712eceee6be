package monopolists_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/recordstest"
	"sio/connectors/monopolists"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestMonopolists(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := monopolists.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		heat, fuel := testdb.BIN(t, "2005-01-01", 2), testdb.BIN(t, "2014-06-01", 8)
		share, out := 47.5, sio.MustDate("2023-02-01")
		testdb.Must(t, s.Insert(ctx, []sio.MonopolyRecord{
			{RegisterNumber: "55-ЕМ-000001", BIN: heat, Register: sio.NaturalMonopoly, SphereRu: "Производство, передача, распределение и (или) снабжение тепловой энергией",
				RegionKATO: "55", IncludedAt: sio.MustDate("2009-04-01"), AuthorityRu: "Комитет по регулированию естественных монополий МНЭ РК"},
			{RegisterNumber: "39-ДП-000002", BIN: fuel, Register: sio.DominantPosition, SphereRu: "Оптовая реализация нефтепродуктов (бензин, дизельное топливо)",
				RegionKATO: "39", IncludedAt: sio.MustDate("2021-03-01"), ExcludedAt: &out, MarketSharePercent: &share, AuthorityRu: "Агентство по защите и развитию конкуренции РК"},
			{RegisterNumber: "39-ДП-000003", BIN: fuel, Register: sio.DominantPosition, SphereRu: "Оптовая реализация нефтепродуктов (бензин, дизельное топливо)",
				RegionKATO: "39", IncludedAt: sio.MustDate("2016-03-01"), MarketSharePercent: &share, AuthorityRu: "Комитет по регулированию естественных монополий, защите конкуренции и прав потребителей МНЭ РК"},
		}))
		var got map[sio.BIN][]sio.MonopolyRecord
		testdb.OneStatement(t, "MonopolyRecordsByBIN", func(ctx context.Context) (err error) {
			got, err = s.MonopolyRecordsByBIN(ctx, []sio.BIN{heat, fuel, "000000000000"})
			return err
		})
		if ms := got[heat]; len(got) != 2 || len(ms) != 1 || ms[0].MarketSharePercent != nil || ms[0].Region().NameRu != "Павлодарская область" {
			t.Fatalf("natural monopoly = %+v", got)
		}
		if ms := got[fuel]; len(ms) != 2 || ms[0].RegisterNumber != "39-ДП-000003" || ms[1].ExcludedAt.String() != "2023-02-01" || *ms[1].MarketSharePercent != share {
			t.Fatalf("dominant positions (oldest first) = %+v", ms)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ms := recordstest.Deterministic(t, monopolists.Open, 8000, func(t *testing.T, s *monopolists.Store) []sio.MonopolyRecord {
		return recordstest.Rows[sio.MonopolyRecord](t, s.DB(), "monopolists", "register_number")
	})
	today := synth.Today()
	seen := map[sio.MonopolyRegister]int{}
	for _, m := range ms {
		seen[m.Register]++
		if m.IncludedAt.After(today.Time) || (m.ExcludedAt != nil && (!m.ExcludedAt.After(m.IncludedAt.Time) || m.ExcludedAt.After(today.Time))) {
			t.Fatalf("dates: %+v", m)
		}
		if (m.Register == sio.DominantPosition) != (m.MarketSharePercent != nil) || m.Region() == nil || m.SphereRu == "" {
			t.Fatalf("share only for dominant positions: %+v", m)
		}
		if m.MarketSharePercent != nil && (*m.MarketSharePercent < 35 || *m.MarketSharePercent > 85) {
			t.Fatalf("dominant share out of 35-85%%: %+v", m)
		}
	}
	if seen[sio.DominantPosition] == 0 {
		t.Fatalf("registers = %v", seen)
	}
}
