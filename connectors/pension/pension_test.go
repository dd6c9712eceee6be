package pension_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/fillertest"
	"sio/connectors/pension"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestPension(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := pension.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		worker := testdb.IIN(t, "1985-02-11", sio.Female, 10)
		boss := testdb.IIN(t, "1970-07-30", sio.Male, 20)
		firm := testdb.BIN(t, "2008-03-01", 5)
		shop := testdb.BINOf(t, "2015-09-01", sio.BINIndividualEnt, sio.BINHeadOffice, 3)
		ended := sio.MustDate("2016-05-31")
		testdb.Must(t, s.InsertEmployments(ctx, []sio.Employment{
			{IIN: worker, EmployerBIN: firm, PayerKind: sio.PayerEmployer, StartDate: sio.MustDate("2016-06-15")},
			{IIN: worker, EmployerBIN: shop, PayerKind: sio.PayerEmployer, StartDate: sio.MustDate("2010-01-10"), EndDate: &ended},
			{IIN: boss, EmployerBIN: shop, PayerKind: sio.PayerEntrepreneur, StartDate: sio.MustDate("2015-09-20")},
		}))
		opvr := int64(52_500)
		testdb.Must(t, s.InsertContributions(ctx, []sio.PensionContribution{
			{IIN: worker, EmployerBIN: firm, PayerKind: sio.PayerEmployer, Period: "2024-10", IncomeTiyn: 35_000_000,
				AmountTiyn: 3_500_000, EmployerAmountTiyn: &opvr, PaymentDate: sio.MustDate("2024-11-20")},
			{IIN: worker, EmployerBIN: firm, PayerKind: sio.PayerEmployer, Period: "2024-11", IncomeTiyn: 35_000_000,
				AmountTiyn: 3_500_000, EmployerAmountTiyn: &opvr, PaymentDate: sio.MustDate("2024-12-20")},
			{IIN: boss, EmployerBIN: shop, PayerKind: sio.PayerEntrepreneur, Period: "2024-11", IncomeTiyn: 8_500_000,
				AmountTiyn: 850_000, PaymentDate: sio.MustDate("2024-12-10")},
		}))

		var byPerson map[sio.IIN][]sio.Employment
		testdb.OneStatement(t, "EmploymentsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.EmploymentsByPerson(ctx, []sio.IIN{worker, boss, "000000000000"})
			return err
		})
		if es := byPerson[worker]; len(es) != 2 || es[0].EmployerBIN != shop || es[0].EndDate == nil || es[0].EndDate.String() != "2016-05-31" ||
			es[1].EmployerBIN != firm || !es[1].Current() {
			t.Fatalf("worker's employments (oldest first) = %+v", es)
		}
		if _, ok := byPerson["000000000000"]; ok || len(byPerson) != 2 {
			t.Fatalf("persons without contributions must be absent: %v", byPerson)
		}
		var byEmployer map[sio.BIN][]sio.Employment
		testdb.OneStatement(t, "EmploymentsByEmployer", func(ctx context.Context) (err error) {
			byEmployer, err = s.EmploymentsByEmployer(ctx, []sio.BIN{shop, firm})
			return err
		})
		if es := byEmployer[shop]; len(es) != 2 || es[0].IIN != worker || es[1].PayerKind != sio.PayerEntrepreneur {
			t.Fatalf("shop's contributors = %+v", es)
		}
		var cons map[sio.IIN][]sio.PensionContribution
		testdb.OneStatement(t, "ContributionsByPerson", func(ctx context.Context) (err error) {
			cons, err = s.ContributionsByPerson(ctx, []sio.IIN{worker, boss})
			return err
		})
		if cs := cons[worker]; len(cs) != 2 || cs[0].Period != "2024-11" || cs[1].PaymentDate.String() != "2024-11-20" ||
			cs[0].Amount().String() != "35000.00" || cs[0].EmployerAmount().String() != "525.00" {
			t.Fatalf("worker's contributions (newest first) = %+v", cs)
		}
		if cs := cons[boss]; len(cs) != 1 || cs[0].EmployerAmount() != nil || cs[0].Income().String() != "85000.00" {
			t.Fatalf("entrepreneur's own contributions = %+v", cs)
		}
		truncated := cons[worker][0]
		truncated.Truncated = true
		if truncated.Amount() != nil || truncated.Income() != nil || truncated.EmployerAmount() != nil {
			t.Fatalf("a truncated contribution shows amounts: %+v", truncated)
		}
		var paid map[sio.BIN][]sio.PensionContribution
		testdb.OneStatement(t, "ContributionsByEmployer", func(ctx context.Context) (err error) {
			paid, err = s.ContributionsByEmployer(ctx, []sio.BIN{firm, "000000000000"})
			return err
		})
		if cs := paid[firm]; len(paid) != 1 || len(cs) != 2 || cs[0].Period != "2024-11" {
			t.Fatalf("paid by the firm = %+v", paid)
		}
	})
}

type dump struct {
	Employments   []sio.Employment
	Contributions []sio.PensionContribution
}

func read(ctx context.Context, db *sqldb.DB) (d dump, err error) {
	if err = db.Select(ctx, &d.Employments, db.Q(`SELECT * FROM {employments} ORDER BY iin, start_date, employer_bin`)); err != nil {
		return d, err
	}
	err = db.Select(ctx, &d.Contributions, db.Q(`SELECT * FROM {contributions} ORDER BY iin, period, employer_bin`))
	return d, err
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 3000, func(cfg synth.Config) dump { return fillertest.Fill(t, cfg, pension.Open, read) })
	if len(a.Employments) == 0 || len(a.Contributions) == 0 {
		t.Fatalf("%d employments, %d contributions", len(a.Employments), len(a.Contributions))
	}

	// Everything references the population; hubs and АО employ many.
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons, entities := census.Persons, census.Entities
	today := synth.Today()
	staff := map[sio.BIN]int{}
	working := map[sio.IIN]int{}
	for _, e := range a.Employments {
		p, ent := persons[e.IIN], entities[e.EmployerBIN]
		if p == nil || ent == nil {
			t.Fatalf("employment outside the population: %+v", e)
		}
		if e.StartDate.After(today.Time) || e.StartDate.Before(ent.RegistrationDate.Time) || synth.AgeAt(p, e.StartDate) < 18 ||
			(e.EndDate != nil && (!e.EndDate.After(e.StartDate.Time) || e.EndDate.After(today.Time))) {
			t.Fatalf("employment dates: %+v (born %s, registered %s)", e, p.BirthDate, ent.RegistrationDate)
		}
		if p.DeathDate != nil && e.EndDate == nil {
			t.Fatalf("a deceased person still contributes: %+v", e)
		}
		if (e.PayerKind == sio.PayerEntrepreneur) != (ent.LegalForm == "ИП" || ent.LegalForm == "КХ") && e.PayerKind == sio.PayerEntrepreneur {
			t.Fatalf("self-contributions through a company: %+v", e)
		}
		staff[e.EmployerBIN]++
		working[e.IIN]++
	}
	var hub, ao, too, nAO, nTOO int
	for bin, n := range staff {
		switch ent := entities[bin]; {
		case census.HubGroup[bin]: // the hub holding and its founders
			hub += n
		case ent.LegalForm == "АО":
			ao += n
			nAO++
		case ent.LegalForm == "ТОО":
			too += n
			nTOO++
		}
	}
	if hub < 40 || nAO == 0 || nTOO == 0 || ao/nAO < 3*too/nTOO {
		t.Fatalf("staff: hub group %d, АО avg %d, ТОО avg %d", hub, ao/max(nAO, 1), too/max(nTOO, 1))
	}
	if len(working) < len(persons)/3 {
		t.Fatalf("only %d of %d persons ever contributed", len(working), len(persons))
	}
	for _, c := range a.Contributions {
		if c.Period < "2024-06" || c.Period > "2024-11" || c.PaymentDate.After(today.Time) || c.PaymentDate.Format("2006-01") <= c.Period {
			t.Fatalf("contribution period/payment: %+v", c)
		}
		if c.AmountTiyn*10 != c.IncomeTiyn || c.IncomeTiyn < 70_000_00 || c.IncomeTiyn > 50*85_000_00 {
			t.Fatalf("ОПВ is not 10%% of an income between 1 and 50 minimum wages: %+v", c)
		}
		if (c.EmployerAmountTiyn != nil) != (c.PayerKind == sio.PayerEmployer && c.Period >= "2024-01") {
			t.Fatalf("ОПВР: %+v", c)
		}
	}
}
