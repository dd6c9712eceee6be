package health_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/health"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestHealth(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := health.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		p := testdb.IIN(t, "1958-11-11", sio.Male, 90)
		out := sio.MustDate("2024-03-12")
		improved := sio.OutcomeImproved
		ref := "2024-75-0000001"
		testdb.Must(t, s.Insert(ctx, &health.Records{
			Visits: []sio.OutpatientVisit{
				{ID: 1, IIN: p, VisitedOn: sio.MustDate("2023-04-01"), Facility: "Поликлиника №5", RegionKATO: "75", DoctorSpecialty: "Кардиолог",
					ICD10: "I10", DiagnosisRu: "Эссенциальная [первичная] гипертензия", Kind: sio.VisitRepeat},
				{ID: 2, IIN: p, VisitedOn: sio.MustDate("2024-02-01"), Facility: "Поликлиника №5", RegionKATO: "75", DoctorSpecialty: "Врач общей практики",
					ICD10: "J06.9", DiagnosisRu: "ОРВИ", Kind: sio.VisitPrimary},
			},
			Dispensary: []sio.DispensaryRegistration{{ID: 1, IIN: p, Facility: "Поликлиника №5", RegionKATO: "75", ICD10: "I10",
				DiagnosisRu: "Эссенциальная [первичная] гипертензия", Group: "Д-III", DoctorSpecialty: "Кардиолог", RegisteredOn: sio.MustDate("2015-06-01")}},
			Referrals: []sio.HospitalReferral{{ReferralNumber: ref, IIN: p, ReferredOn: sio.MustDate("2024-02-10"), FromFacility: "Поликлиника №5",
				Hospital: "ГКБ №7", RegionKATO: "75", ProfileRu: "Кардиологическое отделение", ICD10: "I20.8", DiagnosisRu: "Стенокардия",
				PlannedOn: sio.MustDate("2024-03-01"), Status: sio.ReferralHospitalized}},
			Stays: []sio.InpatientStay{
				{ID: 1, IIN: p, Hospital: "ГКБ №7", RegionKATO: "75", DepartmentRu: "Кардиологическое отделение", Admission: sio.HospitalizationPlanned,
					AdmittedOn: sio.MustDate("2024-03-01"), DischargedOn: &out, Outcome: &improved, ICD10: "I20.8", DiagnosisRu: "Стенокардия", ReferralNumber: &ref},
				{ID: 2, IIN: p, Hospital: "ГКБ №7", RegionKATO: "75", DepartmentRu: "Пульмонологическое отделение", Admission: sio.HospitalizationEmergency,
					AdmittedOn: sio.MustDate("2024-12-28"), ICD10: "J18.9", DiagnosisRu: "Пневмония неуточненная"},
			},
		}))
		none := sio.IIN("000000000000")
		var visits map[sio.IIN][]sio.OutpatientVisit
		testdb.OneStatement(t, "VisitsByPerson", func(ctx context.Context) (err error) {
			visits, err = s.VisitsByPerson(ctx, []sio.IIN{p, none})
			return err
		})
		if vs := visits[p]; len(visits) != 1 || len(vs) != 2 || vs[0].ID != 2 || vs[1].Kind != sio.VisitRepeat {
			t.Fatalf("visits (newest first) = %+v", visits)
		}
		var disp map[sio.IIN][]sio.DispensaryRegistration
		testdb.OneStatement(t, "DispensaryByPerson", func(ctx context.Context) (err error) {
			disp, err = s.DispensaryByPerson(ctx, []sio.IIN{p, none})
			return err
		})
		if ds := disp[p]; len(disp) != 1 || len(ds) != 1 || !ds[0].Active() || ds[0].Group != "Д-III" {
			t.Fatalf("dispensary = %+v", disp)
		}
		var refs map[sio.IIN][]sio.HospitalReferral
		testdb.OneStatement(t, "ReferralsByPerson", func(ctx context.Context) (err error) {
			refs, err = s.ReferralsByPerson(ctx, []sio.IIN{p, none})
			return err
		})
		if rs := refs[p]; len(refs) != 1 || len(rs) != 1 || rs[0].Status != sio.ReferralHospitalized {
			t.Fatalf("referrals = %+v", refs)
		}
		var byNumber map[string]*sio.HospitalReferral
		testdb.OneStatement(t, "ReferralsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.ReferralsByNumber(ctx, []string{ref, "2024-75-9999999"})
			return err
		})
		if r := byNumber[ref]; len(byNumber) != 1 || r.IIN != p {
			t.Fatalf("by number = %+v", byNumber)
		}
		var stays map[sio.IIN][]sio.InpatientStay
		testdb.OneStatement(t, "StaysByPerson", func(ctx context.Context) (err error) {
			stays, err = s.StaysByPerson(ctx, []sio.IIN{p, none})
			return err
		})
		if ss := stays[p]; len(stays) != 1 || len(ss) != 2 || ss[0].DischargedOn != nil || ss[0].Outcome != nil ||
			*ss[1].Outcome != sio.OutcomeImproved || *ss[1].ReferralNumber != ref {
			t.Fatalf("stays (newest first) = %+v", stays)
		}
	})
}

func read(ctx context.Context, db *sqldb.DB) (*health.Records, error) {
	rs := &health.Records{}
	for _, q := range []struct {
		dst   any
		query string
	}{
		{&rs.Visits, `SELECT * FROM {outpatient_visits} ORDER BY id`},
		{&rs.Dispensary, `SELECT * FROM {dispensary_registrations} ORDER BY id`},
		{&rs.Referrals, `SELECT * FROM {hospital_referrals} ORDER BY referral_number`},
		{&rs.Stays, `SELECT * FROM {inpatient_stays} ORDER BY id`},
	} {
		if err := db.Select(ctx, q.dst, db.Q(q.query)); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

var icd10 = regexp.MustCompile(`^[A-Z]\d{2}(\.\d)?$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 3000, func(cfg synth.Config) *health.Records { return fillertest.Fill(t, cfg, health.Open, read) })
	if len(a.Visits) == 0 || len(a.Stays) == 0 {
		t.Fatalf("%d visits, %d stays", len(a.Visits), len(a.Stays))
	}
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons := census.Persons
	today := synth.Today()
	alive := func(iin sio.IIN, d sio.Date) *sio.Person {
		p := persons[iin]
		if p == nil || d.Before(p.BirthDate.Time) || d.After(today.Time) || (p.DeathDate != nil && d.After(p.DeathDate.Time)) {
			t.Fatalf("%s on %s: outside the person's life (%+v)", iin, d, p)
		}
		return p
	}
	for _, v := range a.Visits {
		p := alive(v.IIN, v.VisitedOn)
		child := synth.AgeAt(p, v.VisitedOn) < 15
		if !icd10.MatchString(v.ICD10) || v.VisitedOn.Before(sio.MustDate("2023-01-01").Time) ||
			(v.DoctorSpecialty == "Педиатр участковый" && !child) || (v.DoctorSpecialty == "Врач общей практики" && child) {
			t.Fatalf("visit: %+v", v)
		}
		if v.ICD10 == "Z34.0" && p.Gender != sio.Female {
			t.Fatalf("a man's pregnancy: %+v", v)
		}
	}
	for _, d := range a.Dispensary {
		p := alive(d.IIN, d.RegisteredOn)
		if (p.DeathDate != nil) != (d.DeregistrationReasonRu != nil && *d.DeregistrationReasonRu == "Смерть") {
			t.Fatalf("dispensary observation of the deceased: %+v", d)
		}
	}
	referrals := map[string]sio.HospitalReferral{}
	for _, r := range a.Referrals {
		alive(r.IIN, r.ReferredOn)
		referrals[r.ReferralNumber] = r
	}
	outcomes := map[sio.StayOutcome]int{}
	for _, st := range a.Stays {
		p := alive(st.IIN, st.AdmittedOn)
		if st.DischargedOn != nil {
			alive(st.IIN, *st.DischargedOn)
			outcomes[*st.Outcome]++
			if (*st.Outcome == sio.OutcomeDied) != (p.DeathDate != nil && st.DischargedOn.Equal(p.DeathDate.Time)) {
				t.Fatalf("outcome: %+v (died %v)", st, p.DeathDate)
			}
		}
		if (st.Admission == sio.HospitalizationPlanned) != (st.ReferralNumber != nil) {
			t.Fatalf("a planned stay comes with its referral: %+v", st)
		}
		if st.ReferralNumber != nil {
			r := referrals[*st.ReferralNumber]
			if r.Status != sio.ReferralHospitalized || r.IIN != st.IIN || r.Hospital != st.Hospital || !r.PlannedOn.Equal(st.AdmittedOn.Time) {
				t.Fatalf("stay %+v of referral %+v", st, r)
			}
		}
		if st.ICD10 == "O80.0" && (p.Gender != sio.Female || synth.AgeAt(p, st.AdmittedOn) < 16) {
			t.Fatalf("birth: %+v", st)
		}
	}
	if len(a.Dispensary) == 0 || len(a.Referrals) == 0 || outcomes[sio.OutcomeDied] == 0 || outcomes[sio.OutcomeImproved] == 0 {
		t.Fatalf("%d dispensary, %d referrals, outcomes %v", len(a.Dispensary), len(a.Referrals), outcomes)
	}
}
