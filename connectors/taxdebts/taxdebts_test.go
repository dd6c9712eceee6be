package taxdebts_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/taxdebts"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestDebtsByTaxpayer(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := taxdebts.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		person := testdb.IIN(t, "1979-02-28", sio.Male, 8)
		company := testdb.BIN(t, "2014-04-01", 33)
		clean := testdb.IIN(t, "2000-01-01", sio.Female, 1)
		const big = int64(98_765_432_109_876) // beyond int32: BIGINT tiyn
		testdb.Must(t, s.Insert(ctx, []sio.TaxDebt{
			{RecordID: 3, TaxpayerID: string(company), TaxOfficeCode: "6007", KBK: "101110", KBKNameRu: "Корпоративный подоходный налог",
				PrincipalTiyn: big, PenaltyTiyn: 1_234_500, FineTiyn: 0, AsOf: sio.MustDate("2024-12-31")},
			{RecordID: 1, TaxpayerID: string(person), TaxOfficeCode: "6007", KBK: "104102", KBKNameRu: "Налог на имущество физических лиц",
				PrincipalTiyn: 1_500_000, PenaltyTiyn: 12_345, FineTiyn: 0, AsOf: sio.MustDate("2025-01-01")},
			{RecordID: 2, TaxpayerID: string(person), TaxOfficeCode: "6007", KBK: "104402", KBKNameRu: "Налог на транспортные средства с физических лиц",
				PrincipalTiyn: 870_050, PenaltyTiyn: 0, FineTiyn: 50_000, AsOf: sio.MustDate("2025-01-01")},
		}))

		var st sqldb.Stats
		got, err := s.DebtsByTaxpayer(sqldb.WithStats(ctx, &st), []string{string(person), string(company), string(clean)})
		testdb.Must(t, err)
		if n := st.Statements.Load(); n != 1 {
			t.Fatalf("DebtsByTaxpayer issued %d statements, want 1", n)
		}
		if len(got) != 2 || got[string(clean)] != nil || len(got[string(person)]) != 2 || len(got[string(company)]) != 1 {
			t.Fatalf("debts = %v", got)
		}
		ps := got[string(person)]
		if ps[0].RecordID != 1 || ps[0].KBK != "104102" || ps[0].PrincipalTiyn != 1_500_000 || ps[0].PenaltyTiyn != 12_345 ||
			ps[0].KBKNameRu != "Налог на имущество физических лиц" || ps[0].AsOf.String() != "2025-01-01" || ps[0].TaxpayerID != string(person) {
			t.Fatalf("person's first debt = %+v", ps[0])
		}
		if ps[1].RecordID != 2 || ps[1].FineTiyn != 50_000 {
			t.Fatalf("person's second debt = %+v", ps[1])
		}
		if c := got[string(company)][0]; c.PrincipalTiyn != big || c.AsOf.String() != "2024-12-31" {
			t.Fatalf("company's debt = %+v", c)
		}
		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := taxdebts.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
