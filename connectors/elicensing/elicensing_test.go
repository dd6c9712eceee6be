package elicensing_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/elicensing"
	"sio/connectors/internal/recordstest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestLicenses(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := elicensing.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		company := testdb.BIN(t, "2011-02-01", 3)
		lawyer := testdb.IIN(t, "1979-08-30", sio.Female, 12)
		sub, revoked := "Общестроительные работы (II категория)", sio.MustDate("2023-05-04")
		testdb.Must(t, s.Insert(ctx, []sio.BusinessLicense{
			{Number: "KZ11LSM00000002", Document: sio.BusinessLicenseDoc, ActivityRu: "Строительно-монтажные работы", SubactivityRu: &sub,
				LicensorRu: "ГУ «Управление государственного архитектурно-строительного контроля г. Алматы»", HolderID: string(company),
				HolderKind: sio.SubjectLegalEntity, IssuedAt: sio.MustDate("2016-03-10"), Status: sio.BusinessLicenseActive, RegionKATO: "75"},
			{Number: "KZ12LAR00000001", Document: sio.BusinessLicenseDoc, ActivityRu: "Хранение и розничная реализация алкогольной продукции",
				LicensorRu: "ГУ «Управление предпринимательства и индустриально-инновационного развития г. Алматы»", HolderID: string(company),
				HolderKind: sio.SubjectLegalEntity, IssuedAt: sio.MustDate("2012-01-20"), Status: sio.BusinessLicenseRevoked, StatusChangedAt: &revoked, RegionKATO: "75"},
			{Number: "KZ13LAD10000001", Document: sio.BusinessLicenseDoc, ActivityRu: "Занятие адвокатской деятельностью", LicensorRu: "Министерство юстиции РК",
				HolderID: string(lawyer), HolderKind: sio.SubjectPerson, IssuedAt: sio.MustDate("2019-09-01"), Status: sio.BusinessLicenseActive, RegionKATO: "71"},
		}))
		var byHolder map[string][]sio.BusinessLicense
		testdb.OneStatement(t, "LicensesByHolder", func(ctx context.Context) (err error) {
			byHolder, err = s.LicensesByHolder(ctx, []string{string(company), string(lawyer), "000000000000"})
			return err
		})
		if ls := byHolder[string(company)]; len(byHolder) != 2 || len(ls) != 2 || ls[0].Number != "KZ12LAR00000001" ||
			*ls[0].StatusChangedAt != revoked || ls[0].SubactivityRu != nil || *ls[1].SubactivityRu != sub {
			t.Fatalf("company's licences (oldest first) = %+v", byHolder)
		}
		if ls := byHolder[string(lawyer)]; len(ls) != 1 || ls[0].HolderKind != sio.SubjectPerson || ls[0].Region().NameRu != "г. Астана" {
			t.Fatalf("lawyer's licences = %+v", ls)
		}
		var byNumber map[string]*sio.BusinessLicense
		testdb.OneStatement(t, "LicensesByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.LicensesByNumber(ctx, []string{"KZ13LAD10000001", "KZ00XXX00000000"})
			return err
		})
		if l := byNumber["KZ13LAD10000001"]; len(byNumber) != 1 || l.HolderID != string(lawyer) {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var numberPattern = regexp.MustCompile(`^KZ\d{2}[A-Z]{3}\d{8}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ls := recordstest.Deterministic(t, elicensing.Open, 4000, func(t *testing.T, s *elicensing.Store) []sio.BusinessLicense {
		return recordstest.Rows[sio.BusinessLicense](t, s.DB(), "licenses", "number")
	})
	today := synth.Today()
	kinds := map[sio.SubjectKind]int{}
	for _, l := range ls {
		kinds[l.HolderKind]++
		if !numberPattern.MatchString(l.Number) || l.LicensorRu == "" || l.Region() == nil {
			t.Fatalf("number/licensor/region: %+v", l)
		}
		if l.IssuedAt.After(today.Time) || (l.StatusChangedAt != nil && (l.StatusChangedAt.Before(l.IssuedAt.Time) || l.StatusChangedAt.After(today.Time))) {
			t.Fatalf("dates: %+v", l)
		}
		if (l.Status == sio.BusinessLicenseActive) != (l.StatusChangedAt == nil) {
			t.Fatalf("status %s with change date %v", l.Status, l.StatusChangedAt)
		}
	}
	if kinds[sio.SubjectPerson] == 0 || kinds[sio.SubjectLegalEntity] == 0 {
		t.Fatalf("holders = %v", kinds)
	}
}
