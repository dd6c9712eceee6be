package driverlicenses_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/driverlicenses"
	"sio/connectors/internal/transportkit/kittest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestDriverLicenses(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := driverlicenses.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		holder := testdb.IIN(t, "1979-08-08", sio.Male, 21)
		other := testdb.IIN(t, "1995-03-03", sio.Female, 2)
		from, until := sio.MustDate("2022-04-20"), sio.MustDate("2029-04-20")
		testdb.Must(t, s.Insert(ctx, []sio.DriverLicense{
			{Number: "KB123456", HolderIIN: holder, CategoryList: "B, C", IssuedAt: sio.MustDate("2008-02-01"), ExpiresAt: sio.MustDate("2018-02-01"),
				IssuedBy: "Регистрационно-экзаменационное отделение Управления административной полиции ДП Карагандинской области", RegionKATO: "35", Status: sio.LicenseReplaced},
			{Number: "KC654321", HolderIIN: holder, CategoryList: "B, C", IssuedAt: sio.MustDate("2018-01-20"), ExpiresAt: sio.MustDate("2028-01-20"),
				IssuedBy: "Регистрационно-экзаменационное отделение Управления административной полиции ДП Карагандинской области", RegionKATO: "35",
				Status: sio.LicenseDeprived, DeprivedFrom: &from, DeprivedUntil: &until,
				DeprivationCourt: "Специализированный межрайонный административный суд Карагандинской области", DeprivationArticle: "608 ч.1"},
			{Number: "AA000001", HolderIIN: other, CategoryList: "B", IssuedAt: sio.MustDate("2020-07-07"), ExpiresAt: sio.MustDate("2030-07-07"),
				IssuedBy: "Специализированный ЦОН г. Астана", RegionKATO: "71", Status: sio.LicenseValid},
		}))
		var byHolder map[sio.IIN][]sio.DriverLicense
		testdb.OneStatement(t, "LicensesByHolder", func(ctx context.Context) (err error) {
			byHolder, err = s.LicensesByHolder(ctx, []sio.IIN{holder, other, "000000000000"})
			return err
		})
		ls := byHolder[holder]
		if len(byHolder) != 2 || len(ls) != 2 || ls[0].Status != sio.LicenseReplaced || ls[0].Deprivation() != nil {
			t.Fatalf("licences (oldest first) = %+v", byHolder)
		}
		if d := ls[1].Deprivation(); d == nil || d.From.String() != "2022-04-20" || d.Until.String() != "2029-04-20" || d.Article != "608 ч.1" ||
			len(ls[1].Categories()) != 2 || ls[1].Categories()[1] != "C" {
			t.Fatalf("deprived licence = %+v", ls[1])
		}
		var byNumber map[string]*sio.DriverLicense
		testdb.OneStatement(t, "LicensesByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.LicensesByNumber(ctx, []string{"AA000001", "ZZ999999"})
			return err
		})
		if l := byNumber["AA000001"]; len(byNumber) != 1 || l == nil || l.HolderIIN != other || l.Region().NameRu != "г. Астана" {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var numberPattern = regexp.MustCompile(`^[A-HJ-NP-Z]{2}\d{6}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ls := kittest.Deterministic[sio.DriverLicense](t, driverlicenses.Open, `SELECT * FROM {driver_licenses} ORDER BY holder_iin, issued_at, number`)
	today := synth.Today()
	status := map[sio.LicenseStatus]int{}
	for i, l := range ls {
		status[l.Status]++
		if !numberPattern.MatchString(l.Number) || len(l.Categories()) == 0 {
			t.Fatalf("number or categories: %+v", l)
		}
		if l.IssuedAt.After(today.Time) || !synth.AddYears(l.IssuedAt, 10).Equal(l.ExpiresAt.Time) {
			t.Fatalf("dates: %+v", l)
		}
		if (l.Status == sio.LicenseValid) != (l.ExpiresAt.After(today.Time)) && l.Status != sio.LicenseDeprived && l.Status != sio.LicenseAnnulled {
			t.Fatalf("status %s with expiry %s", l.Status, l.ExpiresAt)
		}
		if (l.Status == sio.LicenseDeprived) != (l.Deprivation() != nil) {
			t.Fatalf("deprivation: %+v", l)
		}
		// Only the last licence of a holder may be in force.
		if i+1 < len(ls) && ls[i+1].HolderIIN == l.HolderIIN && l.Status != sio.LicenseReplaced {
			t.Fatalf("licence %s is %s but followed by %s", l.Number, l.Status, ls[i+1].Number)
		}
	}
	for _, st := range []sio.LicenseStatus{sio.LicenseValid, sio.LicenseReplaced, sio.LicenseExpired, sio.LicenseDeprived} {
		if status[st] == 0 {
			t.Fatalf("no %s licences: %v", st, status)
		}
	}
}
