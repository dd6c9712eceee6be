package disability_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/disability"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestDisability(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := disability.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		p := testdb.IIN(t, "1961-03-05", sio.Male, 30)
		kid := testdb.IIN(t, "2015-08-19", sio.Female, 31)
		reexam := sio.MustDate("2020-04-10")
		loss := 70
		testdb.Must(t, s.Insert(ctx, []sio.Disability{
			{ID: 2, IIN: p, Group: sio.DisabilityGroupII, GroupRu: "II группа", CauseRu: "трудовое увечье", Status: sio.DisabilityActive,
				WorkCapacityLoss: &loss, CertificateNumber: "09-2020-0000002", EstablishedOn: sio.MustDate("2020-04-01"),
				Department: "Отдел МСЭ №2", RegionKATO: "35"},
			{ID: 1, IIN: p, Group: sio.DisabilityGroupIII, GroupRu: "III группа", CauseRu: "трудовое увечье", Status: sio.DisabilitySuperseded,
				CertificateNumber: "09-2019-0000001", EstablishedOn: sio.MustDate("2019-04-02"), ReexaminationOn: &reexam,
				Department: "Отдел МСЭ №2", RegionKATO: "35"},
			{ID: 3, IIN: kid, Group: sio.DisabilityChild, GroupRu: "ребенок-инвалид", CauseRu: "ребенок-инвалид", Status: sio.DisabilityActive,
				CertificateNumber: "02-2022-0000003", EstablishedOn: sio.MustDate("2022-01-15"), ReexaminationOn: &reexam,
				Department: "Отдел МСЭ №1", RegionKATO: "75"},
		}))
		var got map[sio.IIN][]sio.Disability
		testdb.OneStatement(t, "DisabilitiesByPerson", func(ctx context.Context) (err error) {
			got, err = s.DisabilitiesByPerson(ctx, []sio.IIN{p, kid, "000000000000"})
			return err
		})
		if ds := got[p]; len(ds) != 2 || ds[0].ID != 1 || ds[0].Indefinite() || !ds[1].Indefinite() || *ds[1].WorkCapacityLoss != 70 ||
			ds[1].Region().NameRu != "Карагандинская область" {
			t.Fatalf("decisions (oldest first) = %+v", ds)
		}
		if _, ok := got["000000000000"]; ok || len(got[kid]) != 1 {
			t.Fatalf("by person = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 4000, func(cfg synth.Config) []sio.Disability {
		return fillertest.Fill(t, cfg, disability.Open, fillertest.Rows[sio.Disability](`SELECT * FROM {disabilities} ORDER BY id`))
	})
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons := census.Persons
	today := synth.Today()
	active := map[sio.IIN]int{}
	groups := map[sio.DisabilityGroup]int{}
	for _, d := range a {
		p := persons[d.IIN]
		if p == nil {
			t.Fatalf("decision outside the population: %+v", d)
		}
		groups[d.Group]++
		if d.EstablishedOn.After(today.Time) || d.EstablishedOn.Before(p.BirthDate.Time) ||
			(d.ReexaminationOn != nil && !d.ReexaminationOn.After(d.EstablishedOn.Time)) {
			t.Fatalf("dates: %+v (born %s)", d, p.BirthDate)
		}
		if (d.Group == sio.DisabilityChild) != (synth.AgeAt(p, d.EstablishedOn) < 18) {
			t.Fatalf("a child's disability has no group, an adult's has one: %+v (born %s)", d, p.BirthDate)
		}
		if d.Status == sio.DisabilityActive {
			active[d.IIN]++
			if p.DeathDate != nil || (d.ReexaminationOn != nil && !d.ReexaminationOn.After(today.Time)) {
				t.Fatalf("an active decision must be in force: %+v", d)
			}
		}
		if (d.Status == sio.DisabilityCeased) != (d.CeasedOn != nil) {
			t.Fatalf("ceased without date: %+v", d)
		}
		if _, ok := sio.RegionByKATO(d.RegionKATO); !ok || d.Department == "" {
			t.Fatalf("department: %+v", d)
		}
	}
	for iin, n := range active {
		if n > 1 {
			t.Fatalf("%s has %d decisions in force", iin, n)
		}
	}
	if n := len(active); n < len(persons)/100 || n > len(persons)/10 {
		t.Fatalf("%d of %d persons are disabled", n, len(persons))
	}
	if groups[sio.DisabilityGroupI] == 0 || groups[sio.DisabilityGroupIII] == 0 || groups[sio.DisabilityChild] == 0 {
		t.Fatalf("groups = %v", groups)
	}
}
