package statregister_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/internal/recordstest"
	"sio/connectors/statregister"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestStatisticalRegister(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := statregister.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a, b := testdb.BIN(t, "2012-03-01", 5), testdb.BIN(t, "2019-10-01", 9)
		form, at := "1-Т (квартальная)", sio.MustDate("2024-10-12")
		testdb.Must(t, s.Insert(ctx, []sio.StatisticalUnit{
			{BIN: a, KATO: "751210000", LocalityRu: "г. Алматы", OKED: "41201", OKEDNameRu: "Строительство жилых зданий", KRP: "140",
				KRPNameRu: "Средние предприятия (101-150 чел.)", Size: sio.EnterpriseMedium, Employees: 112, OwnershipRu: "Частная собственность",
				Activity: sio.StatActive, LastReportForm: &form, LastReportDate: &at, UpdatedAt: at},
			{BIN: b, KATO: "192410000", LocalityRu: "Алматинская обл., г. Каскелен", OKED: "46900", OKEDNameRu: "Неспециализированная оптовая торговля",
				KRP: "105", KRPNameRu: "Малые предприятия (<= 5 чел.)", Size: sio.EnterpriseSmall, Employees: 0, OwnershipRu: "Частная собственность",
				Activity: sio.StatInactive, UpdatedAt: sio.MustDate("2024-12-01")},
		}))
		var got map[sio.BIN]*sio.StatisticalUnit
		testdb.OneStatement(t, "StatisticalUnitsByBIN", func(ctx context.Context) (err error) {
			got, err = s.StatisticalUnitsByBIN(ctx, []sio.BIN{a, b, "000000000000"})
			return err
		})
		if u := got[a]; len(got) != 2 || u == nil || u.Employees != 112 || *u.LastReportDate != at || u.Region().NameRu != "г. Алматы" {
			t.Fatalf("units = %+v", got)
		}
		if u := got[b]; u.LastReportForm != nil || u.LastReportDate != nil || u.Activity != sio.StatInactive || u.Region().KATO != "19" {
			t.Fatalf("a unit without reports = %+v", u)
		}
	})
}

var katoPattern = regexp.MustCompile(`^\d{9}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	units := recordstest.Deterministic(t, statregister.Open, 3000, func(t *testing.T, s *statregister.Store) []sio.StatisticalUnit {
		return recordstest.Rows[sio.StatisticalUnit](t, s.DB(), "stat_units", "bin")
	})
	if len(units) < 100 {
		t.Fatalf("%d units for 3000 persons (one per entity)", len(units))
	}
	today := synth.Today()
	seen := map[sio.StatActivity]int{}
	for _, u := range units {
		seen[u.Activity]++
		if !katoPattern.MatchString(u.KATO) || u.Region() == nil || u.LocalityRu == "" || u.OKED == "" {
			t.Fatalf("location/activity: %+v", u)
		}
		if u.UpdatedAt.After(today.Time) || (u.LastReportDate != nil && (u.LastReportDate.After(today.Time) || u.LastReportForm == nil)) {
			t.Fatalf("dates: %+v", u)
		}
		want := sio.EnterpriseSmall
		switch {
		case u.Employees > 250:
			want = sio.EnterpriseLarge
		case u.Employees > 100:
			want = sio.EnterpriseMedium
		}
		if u.Size != want || u.KRP == "" {
			t.Fatalf("size class %s for %d employees: %+v", u.Size, u.Employees, u)
		}
		if (u.Activity == sio.StatLiquidated || u.Activity == sio.StatInactive) && u.Employees != 0 {
			t.Fatalf("a unit out of activity has staff: %+v", u)
		}
	}
	if seen[sio.StatActive] == 0 || seen[sio.StatLiquidated] == 0 {
		t.Fatalf("activity statuses = %v", seen)
	}
}
