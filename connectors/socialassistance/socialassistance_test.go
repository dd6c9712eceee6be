package socialassistance_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/fillertest"
	"sio/connectors/socialassistance"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestSocialAssistance(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := socialassistance.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		mother := testdb.IIN(t, "1990-01-20", sio.Female, 40)
		child := testdb.IIN(t, "2023-05-02", sio.Male, 41)
		end := sio.MustDate("2024-11-01")
		testdb.Must(t, s.Insert(ctx, []sio.Benefit{
			{ID: 2, IIN: mother, Kind: sio.BenefitChildcare, KindRu: "пособие по уходу", ForIIN: &child, AmountTiyn: 2_126_600,
				StartDate: sio.MustDate("2023-06-01"), EndDate: &end, Status: sio.BenefitEnded, DecisionNumber: "2023-75-0000002",
				Department: "Филиал", RegionKATO: "75"},
			{ID: 1, IIN: mother, Kind: sio.BenefitBirth, KindRu: "на рождение", ForIIN: &child, LumpSum: true, AmountTiyn: 13_110_000,
				StartDate: sio.MustDate("2023-05-20"), EndDate: &end, Status: sio.BenefitEnded, DecisionNumber: "2023-75-0000001",
				Department: "Филиал", RegionKATO: "75"},
		}))
		var got map[sio.IIN][]sio.Benefit
		testdb.OneStatement(t, "BenefitsByRecipient", func(ctx context.Context) (err error) {
			got, err = s.BenefitsByRecipient(ctx, []sio.IIN{mother, child})
			return err
		})
		if bs := got[mother]; len(got) != 1 || len(bs) != 2 || bs[0].Kind != sio.BenefitBirth || !bs[0].LumpSum ||
			bs[0].Amount().String() != "131100.00" || *bs[1].ForIIN != child || bs[1].Region().KATO != "75" {
			t.Fatalf("benefits (oldest first) = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 4000, func(cfg synth.Config) []sio.Benefit {
		return fillertest.Fill(t, cfg, socialassistance.Open, fillertest.Rows[sio.Benefit](`SELECT * FROM {benefits} ORDER BY id`))
	})
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons := census.Persons
	today := synth.Today()
	kinds := map[sio.BenefitKind]int{}
	for _, x := range a {
		p := persons[x.IIN]
		if p == nil || (x.ForIIN != nil && persons[*x.ForIIN] == nil) {
			t.Fatalf("benefit outside the population: %+v", x)
		}
		kinds[x.Kind]++
		if x.StartDate.After(today.Time) || x.StartDate.Year() < 2015 || (x.EndDate != nil && x.EndDate.Before(x.StartDate.Time)) {
			t.Fatalf("dates: %+v", x)
		}
		if (x.Status == sio.BenefitPaid) != (x.EndDate == nil || !x.EndDate.Before(today.Time)) {
			t.Fatalf("status %s does not match the end %v: %+v", x.Status, x.EndDate, x)
		}
		if x.AmountTiyn < 500_000 || x.AmountTiyn > 50_000_000 || x.Department == "" || x.KindRu == "" {
			t.Fatalf("amount/department: %+v", x)
		}
		if p.DeathDate != nil && (x.EndDate == nil || x.EndDate.After(p.DeathDate.Time)) {
			t.Fatalf("paid after the recipient's death: %+v", x)
		}
		if x.ForIIN != nil && x.Kind == sio.BenefitChildcare {
			c := persons[*x.ForIIN]
			if x.StartDate.Before(c.BirthDate.Time) || x.EndDate.After(c.BirthDate.AddDate(0, 18, 0)) {
				t.Fatalf("child care outside the first 18 months: %+v (born %s)", x, c.BirthDate)
			}
		}
	}
	for _, want := range []sio.BenefitKind{sio.BenefitDisability, sio.BenefitBirth, sio.BenefitChildcare, sio.BenefitLargeFamily, sio.BenefitTargeted, sio.BenefitSurvivor} {
		if kinds[want] == 0 {
			t.Fatalf("no %s benefits: %v", want, kinds)
		}
	}
}
