package debtors_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/debtors"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestDebtors(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := debtors.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1986-06-16", sio.Male, 44)
		testdb.Must(t, s.Insert(ctx, []sio.DebtorRestriction{
			{ID: 1, PersonIIN: a, Kind: sio.DefendantOfCase, BasisNumber: "7510-20-00-2/3000", AmountTiyn: 90_000_000, ClaimantName: "АО «Kaspi Bank»",
				ImposedBy: "Алмалинский районный суд г. Алматы", RestrictedFrom: sio.MustDate("2020-02-02"), LiftedAt: ptr(sio.MustDate("2020-06-01")),
				LiftedRu: ptr("Отменено")},
			{ID: 2, PersonIIN: a, Kind: sio.DebtorOfProceeding, BasisNumber: "217570012345", AmountTiyn: 30_000_000, ClaimantName: "Иванова А.П.",
				ImposedBy: "ЧСИ Ахметов А.А.", RestrictedFrom: sio.MustDate("2021-06-01")},
		}))
		var byPerson map[sio.IIN][]sio.DebtorRestriction
		testdb.OneStatement(t, "RestrictionsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.RestrictionsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		if ds := byPerson[a]; len(byPerson) != 1 || len(ds) != 2 || ds[0].ID != 2 || !ds[0].Active() || ds[1].Active() || ds[1].Amount().String() != "900000.00" {
			t.Fatalf("restrictions (newest first) = %+v", byPerson)
		}
		var byBasis map[string][]sio.DebtorRestriction
		testdb.OneStatement(t, "RestrictionsByBasis", func(ctx context.Context) (err error) {
			byBasis, err = s.RestrictionsByBasis(ctx, []string{"217570012345", "000000000000"})
			return err
		})
		if len(byBasis) != 1 || len(byBasis["217570012345"]) != 1 || byBasis["217570012345"][0].ID != 2 {
			t.Fatalf("by basis = %+v", byBasis)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ds := justicetest.Deterministic[*debtors.Store, sio.DebtorRestriction](t, debtors.Open, `SELECT * FROM {restrictions} ORDER BY id`)
	today := synth.Today()
	kinds := map[sio.DebtorRecordKind]int{}
	for _, d := range ds {
		kinds[d.Kind]++
		if d.RestrictedFrom.After(today.Time) || (d.LiftedAt == nil) != (d.LiftedRu == nil) ||
			(d.LiftedAt != nil && (d.LiftedAt.Before(d.RestrictedFrom.Time) || d.LiftedAt.After(today.Time))) {
			t.Fatalf("dates: %+v", d)
		}
		if (d.Kind == sio.DebtorOfProceeding && len(d.BasisNumber) != 12) || (d.Kind == sio.DefendantOfCase && len(d.BasisNumber) < 15) || d.AmountTiyn <= 0 {
			t.Fatalf("basis and amount: %+v", d)
		}
	}
	if kinds[sio.DebtorOfProceeding] == 0 || kinds[sio.DefendantOfCase] == 0 {
		t.Fatalf("kinds %v", kinds)
	}
}
