package highereducation_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/highereducation"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestHigherEducation(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := highereducation.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		p := testdb.IIN(t, "1996-05-05", sio.Female, 80)
		grad, left := 2017, 2019
		dip := "ЖБ-Б № 0000042"
		testdb.Must(t, s.Insert(ctx, []sio.HigherEducationRecord{
			{ID: 2, IIN: p, UniversityRu: "Назарбаев Университет", RegionKATO: "71", Level: sio.LevelMaster, SpecialtyCode: "6M050600",
				SpecialtyRu: "Экономика", StudyForm: sio.FullTime, Funding: sio.StateGrant, EnrolledYear: 2017, Status: sio.Expelled, LeftYear: &left},
			{ID: 1, IIN: p, UniversityRu: "Университет Нархоз", RegionKATO: "75", Level: sio.LevelBachelor, SpecialtyCode: "5B050600",
				SpecialtyRu: "Экономика", StudyForm: sio.FullTime, Funding: sio.Paid, EnrolledYear: 2013, Status: sio.Graduated,
				GraduationYear: &grad, DiplomaNumber: &dip, WithHonors: true},
		}))
		var byPerson map[sio.IIN][]sio.HigherEducationRecord
		testdb.OneStatement(t, "StudiesByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.StudiesByPerson(ctx, []sio.IIN{p, "000000000000"})
			return err
		})
		if hs := byPerson[p]; len(byPerson) != 1 || len(hs) != 2 || hs[0].ID != 1 || !hs[0].WithHonors || *hs[1].LeftYear != 2019 ||
			hs[1].DiplomaNumber != nil || hs[0].Region().KATO != "75" {
			t.Fatalf("studies (oldest first) = %+v", byPerson)
		}
		var byDiploma map[string]*sio.HigherEducationRecord
		testdb.OneStatement(t, "StudiesByDiploma", func(ctx context.Context) (err error) {
			byDiploma, err = s.StudiesByDiploma(ctx, []string{dip, "ЖБ № 0000001"})
			return err
		})
		if h := byDiploma[dip]; len(byDiploma) != 1 || h.IIN != p || *h.GraduationYear != 2017 {
			t.Fatalf("by diploma = %+v", byDiploma)
		}
	})
}

var (
	diploma = regexp.MustCompile(`^ЖБ(-Б|-М)? № \d{7}$`)
	code    = regexp.MustCompile(`^(05\d{4}|5B\d{6}|6M\d{6}|6B\d{5}|7M\d{5})$`)
)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 3000, func(cfg synth.Config) []sio.HigherEducationRecord {
		return fillertest.Fill(t, cfg, highereducation.Open, fillertest.Rows[sio.HigherEducationRecord](`SELECT * FROM {studies} ORDER BY id`))
	})
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons := census.Persons
	today := synth.Today()
	status := map[sio.StudentStatus]int{}
	for _, h := range a {
		p := persons[h.IIN]
		if p == nil || h.EnrolledYear-p.BirthDate.Year() < 17 || h.EnrolledYear < 1995 || h.EnrolledYear >= today.Year() {
			t.Fatalf("enrolment: %+v (person %+v)", h, p)
		}
		if !code.MatchString(h.SpecialtyCode) || (h.EnrolledYear < 2009) != (len(h.SpecialtyCode) == 6) {
			t.Fatalf("specialty code %s for %d: %+v", h.SpecialtyCode, h.EnrolledYear, h)
		}
		if (h.Status == sio.Graduated) != (h.DiplomaNumber != nil && h.GraduationYear != nil) || (h.Status == sio.Expelled) != (h.LeftYear != nil) {
			t.Fatalf("status: %+v", h)
		}
		if h.DiplomaNumber != nil && (!diploma.MatchString(*h.DiplomaNumber) || *h.GraduationYear > today.Year() || *h.GraduationYear <= h.EnrolledYear) {
			t.Fatalf("diploma: %+v", h)
		}
		if h.Status == sio.Studying && p.DeathDate != nil {
			t.Fatalf("a deceased student: %+v", h)
		}
		status[h.Status]++
	}
	if status[sio.Graduated] == 0 || status[sio.Studying] == 0 || status[sio.Expelled] == 0 {
		t.Fatalf("statuses = %v", status)
	}
}
