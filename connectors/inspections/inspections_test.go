package inspections_test

import (
	"context"
	"strings"
	"testing"

	"sio"
	"sio/connectors/inspections"
	"sio/connectors/internal/recordstest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestInspections(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := inspections.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		cafe, shop := testdb.BIN(t, "2015-05-01", 4), testdb.BIN(t, "2018-09-01", 6)
		found, measures := "Отсутствие медицинских книжек у персонала", "Предписание об устранении выявленных нарушений"
		testdb.Must(t, s.Insert(ctx, []sio.StateInspection{
			{RegistrationNumber: "23047500000002", SubjectID: string(cafe), SubjectKind: sio.SubjectLegalEntity, InspectorRu: "Департамент санитарно-эпидемиологического контроля г. Алматы",
				Kind: sio.StateInspectionUnscheduled, SubjectMatterRu: "Соблюдение санитарно-эпидемиологических требований", StartDate: sio.MustDate("2023-04-10"),
				EndDate: sio.MustDate("2023-04-20"), Result: sio.StateInspectionViolations, Violations: 1, ViolationsRu: &found, MeasuresRu: &measures, RegionKATO: "75"},
			{RegistrationNumber: "19117500000001", SubjectID: string(cafe), SubjectKind: sio.SubjectLegalEntity, InspectorRu: "Департамент по чрезвычайным ситуациям г. Алматы",
				Kind: sio.StateInspectionScheduled, SubjectMatterRu: "Соблюдение требований пожарной безопасности", StartDate: sio.MustDate("2019-11-04"),
				EndDate: sio.MustDate("2019-11-08"), Result: sio.StateInspectionClean, RegionKATO: "75"},
			{RegistrationNumber: "24027100000003", SubjectID: string(shop), SubjectKind: sio.SubjectLegalEntity, InspectorRu: "Департамент государственных доходов по г. Астане",
				Kind: sio.StateInspectionScheduled, SubjectMatterRu: "Комплексная налоговая проверка", StartDate: sio.MustDate("2024-02-01"),
				EndDate: sio.MustDate("2024-02-28"), Result: sio.StateInspectionClean, RegionKATO: "71"},
		}))
		var bySubject map[string][]sio.StateInspection
		testdb.OneStatement(t, "InspectionsBySubject", func(ctx context.Context) (err error) {
			bySubject, err = s.InspectionsBySubject(ctx, []string{string(cafe), string(shop), "000000000000"})
			return err
		})
		if is := bySubject[string(cafe)]; len(bySubject) != 2 || len(is) != 2 || is[0].RegistrationNumber != "19117500000001" ||
			is[0].ViolationsRu != nil || *is[1].ViolationsRu != found || is[1].Violations != 1 {
			t.Fatalf("inspections (oldest first) = %+v", bySubject)
		}
		var byNumber map[string]*sio.StateInspection
		testdb.OneStatement(t, "InspectionsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.InspectionsByNumber(ctx, []string{"24027100000003", "00000000000000"})
			return err
		})
		if i := byNumber["24027100000003"]; len(byNumber) != 1 || i.SubjectID != string(shop) || i.Region().NameRu != "г. Астана" {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	is := recordstest.Deterministic(t, inspections.Open, 3000, func(t *testing.T, s *inspections.Store) []sio.StateInspection {
		return recordstest.Rows[sio.StateInspection](t, s.DB(), "inspections", "registration_number")
	})
	forms := map[string]string{}
	testdb.Must(t, synth.Generate(synth.Config{Seed: 3, Persons: 3000}, func(b *synth.Batch) error {
		for _, e := range b.Entities {
			forms[string(e.BIN)] = e.LegalForm
		}
		return nil
	}))
	today := synth.Today()
	results := map[sio.StateInspectionResult]int{}
	for _, i := range is {
		results[i.Result]++
		if i.StartDate.After(i.EndDate.Time) || i.EndDate.After(today.Time) || len(i.RegistrationNumber) != 14 {
			t.Fatalf("dates/number: %+v", i)
		}
		if (i.Result == sio.StateInspectionViolations) != (i.Violations > 0 && i.ViolationsRu != nil && i.MeasuresRu != nil) ||
			(i.ViolationsRu != nil && strings.Count(*i.ViolationsRu, ";")+1 != i.Violations) {
			t.Fatalf("violations: %+v", i)
		}
		if i.Kind == sio.StateInspectionPreventive && strings.HasPrefix(i.InspectorRu, "Департамент государственных доходов") {
			t.Fatalf("a preventive tax audit: %+v", i)
		}
		if i.Kind == sio.StateInspectionScheduled && i.StartDate.Year() >= 2020 && i.StartDate.Year() <= 2023 && forms[i.SubjectID] != "АО" {
			t.Fatalf("scheduled during the moratorium: %+v", i)
		}
	}
	if results[sio.StateInspectionViolations] == 0 || results[sio.StateInspectionClean] == 0 {
		t.Fatalf("results = %v", results)
	}
}
