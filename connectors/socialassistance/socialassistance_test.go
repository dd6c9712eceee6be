package socialassistance_test

import (
	"context"
	"testing"

	"sio"
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

func fill(t *testing.T, cfg synth.Config) []sio.Benefit {
	t.Helper()
	ctx := context.Background()
	s, err := socialassistance.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var bs []sio.Benefit
	testdb.Must(t, s.DB().Select(ctx, &bs, s.DB().Q(`SELECT * FROM {benefits} ORDER BY id`)))
	return bs
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cfg := synth.Config{Seed: 3, Persons: 4000, BatchPersons: 4000}
	a := fill(t, cfg)
	b := fill(t, synth.Config{Seed: 3, Persons: 4000, BatchPersons: 900})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("benefits: %d with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if a[i].DecisionNumber != b[i].DecisionNumber || a[i].IIN != b[i].IIN || a[i].AmountTiyn != b[i].AmountTiyn {
			t.Fatalf("batch cuts changed the data: %+v vs %+v", a[i], b[i])
		}
	}
	if c := fill(t, synth.Config{Seed: 4, Persons: 4000}); len(c) > 0 && c[0].IIN == a[0].IIN {
		t.Fatal("another seed gave the same first benefit")
	}
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
		if (x.Status == sio.BenefitPaid) != (x.EndDate == nil || x.EndDate.After(today.Time)) {
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
