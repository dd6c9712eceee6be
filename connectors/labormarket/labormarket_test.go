package labormarket_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/fillertest"
	"sio/connectors/labormarket"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestLaborMarket(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := labormarket.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		p := testdb.IIN(t, "1994-10-01", sio.Male, 50)
		firm := testdb.BIN(t, "2012-04-01", 9)
		off := sio.MustDate("2023-05-10")
		reason := "Трудоустройство по направлению центра трудовой мобильности"
		testdb.Must(t, s.InsertRegistrations(ctx, []sio.JobSeekerRegistration{
			{ID: 7, IIN: p, Status: sio.Unemployed, RegisteredOn: sio.MustDate("2023-02-01"), Centre: "КГУ «Центр трудовой мобильности» акимата г. Алматы",
				RegionKATO: "75", ProfessionRu: "Электромонтер", EducationRu: "техническое и профессиональное", DeregisteredOn: &off, DeregistrationReasonRu: &reason},
			{ID: 9, IIN: p, Status: sio.JobSeeker, RegisteredOn: sio.MustDate("2024-09-01"), Centre: "КГУ «Центр трудовой мобильности» акимата г. Алматы",
				RegionKATO: "75", ProfessionRu: "Электромонтер", EducationRu: "техническое и профессиональное"},
		}))
		testdb.Must(t, s.InsertReferrals(ctx, []sio.LaborReferral{
			{ID: 2, RegistrationID: 7, IIN: p, Kind: sio.ReferralVacancy, ReferredOn: sio.MustDate("2023-05-02"), EmployerBIN: &firm,
				OrganisationRu: "ТОО «Алатау Энерго»", PositionRu: "Электромонтер", Outcome: sio.OutcomeHired},
			{ID: 1, RegistrationID: 7, IIN: p, Kind: sio.ReferralTraining, ReferredOn: sio.MustDate("2023-03-01"),
				OrganisationRu: "ТОО «Учебный центр «Профи»»", PositionRu: "Курсы", Outcome: sio.OutcomeCompleted},
		}))
		var regs map[sio.IIN][]sio.JobSeekerRegistration
		testdb.OneStatement(t, "RegistrationsByPerson", func(ctx context.Context) (err error) {
			regs, err = s.RegistrationsByPerson(ctx, []sio.IIN{p, "000000000000"})
			return err
		})
		if rs := regs[p]; len(regs) != 1 || len(rs) != 2 || rs[0].ID != 7 || rs[0].Active() || !rs[1].Active() || *rs[0].DeregistrationReasonRu != reason {
			t.Fatalf("registrations = %+v", regs)
		}
		var refs map[int64][]sio.LaborReferral
		testdb.OneStatement(t, "ReferralsByRegistration", func(ctx context.Context) (err error) {
			refs, err = s.ReferralsByRegistration(ctx, []int64{7, 9})
			return err
		})
		if rs := refs[7]; len(refs) != 1 || len(rs) != 2 || rs[0].Kind != sio.ReferralTraining || *rs[1].EmployerBIN != firm || rs[0].EmployerBIN != nil {
			t.Fatalf("referrals = %+v", refs)
		}
	})
}

type dump struct {
	Registrations []sio.JobSeekerRegistration
	Referrals     []sio.LaborReferral
}

func read(ctx context.Context, db *sqldb.DB) (d dump, err error) {
	if err = db.Select(ctx, &d.Registrations, db.Q(`SELECT * FROM {registrations} ORDER BY id`)); err != nil {
		return d, err
	}
	err = db.Select(ctx, &d.Referrals, db.Q(`SELECT * FROM {referrals} ORDER BY id`))
	return d, err
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 4000, func(cfg synth.Config) dump { return fillertest.Fill(t, cfg, labormarket.Open, read) })
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons, entities := census.Persons, census.Entities
	today := synth.Today()
	regs := map[int64]sio.JobSeekerRegistration{}
	for _, r := range a.Registrations {
		p := persons[r.IIN]
		if p == nil || synth.AgeAt(p, r.RegisteredOn) < 16 || synth.AgeAt(p, r.RegisteredOn) >= 62 || r.RegisteredOn.After(today.Time) ||
			(r.DeregisteredOn != nil && (r.DeregisteredOn.Before(r.RegisteredOn.Time) || r.DeregisteredOn.After(today.Time))) {
			t.Fatalf("registration: %+v (person %+v)", r, p)
		}
		regs[r.ID] = r
	}
	kinds := map[sio.ReferralKind]int{}
	for _, f := range a.Referrals {
		r, ok := regs[f.RegistrationID]
		if !ok || r.IIN != f.IIN || f.ReferredOn.Before(r.RegisteredOn.Time) || (r.DeregisteredOn != nil && f.ReferredOn.After(r.DeregisteredOn.Time)) {
			t.Fatalf("referral outside its registration: %+v of %+v", f, r)
		}
		if (f.Kind == sio.ReferralVacancy || f.Kind == sio.ReferralYouthPractice) != (f.EmployerBIN != nil) {
			t.Fatalf("employer: %+v", f)
		}
		if f.EmployerBIN != nil {
			e := entities[*f.EmployerBIN]
			if e == nil || e.NameRu != f.OrganisationRu || !e.RegistrationDate.Before(f.ReferredOn.Time) {
				t.Fatalf("vacancy of a company not in the population or not yet registered: %+v", f)
			}
		}
		if f.Outcome == sio.OutcomeHired && (r.DeregisteredOn == nil || *r.DeregistrationReasonRu != "Трудоустройство по направлению центра трудовой мобильности") {
			t.Fatalf("a hire ends the registration: %+v %+v", f, r)
		}
		kinds[f.Kind]++
	}
	if kinds[sio.ReferralVacancy] == 0 || kinds[sio.ReferralTraining] == 0 || kinds[sio.ReferralPublicWorks] == 0 {
		t.Fatalf("referral kinds = %v", kinds)
	}
}
