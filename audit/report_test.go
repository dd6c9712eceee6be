package audit_test

import (
	"context"
	"testing"
	"time"

	"sio/audit"
	"sio/internal/testdb"
	"sio/sqldb"
)

// TestReportQueries checks the report statements on both stores: filters,
// newest-first paging, tallies per agency and counts per Astana day.
func TestReportQueries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s := open(t, cfg)
		var clock time.Time
		l := audit.NewLog(s, audit.Options{Now: func() time.Time { return clock }})
		day := time.Date(2025, 1, 14, 0, 0, 0, 0, time.UTC)
		add := func(at time.Time, r audit.Record) {
			clock = at
			r.SetRequest([]byte(`{"query":"{ inquiry }"}`))
			r.SetResult([]byte(`{"data":{"inquiry":{"person":{"iin":"` + r.UserIIN + `"}}}}`))
			testdb.Must(t, l.Append(ctx, &r))
		}
		inv, op := "850314400109", "900101300123"
		// 18:59 UTC is 23:59 in Astana; 19:00 UTC is the next day there.
		add(day.Add(18*time.Hour+59*time.Minute), audit.Record{Kind: audit.KindInquiry, UserIIN: inv, Agency: "MVD", Basis: "CRIMINAL_CASE",
			Services: []string{"PERSONS", "TAX_DEBTS"}})
		add(day.Add(19*time.Hour), audit.Record{Kind: audit.KindInquiry, UserIIN: inv, Agency: "MVD", Basis: "ORD",
			Services: []string{"PERSONS"}, Denials: []audit.Denial{{Path: "inquiry", Reason: "CASE_NOT_IN_CASELOAD"}}})
		add(day.Add(20*time.Hour), audit.Record{Kind: audit.KindInquiry, UserIIN: op, Agency: "KNB", Basis: "CRIMINAL_CASE",
			Services: []string{"TAXXDEBTS"}})
		add(day.Add(21*time.Hour), audit.Record{Kind: audit.KindLogRead, UserIIN: op, Agency: "KNB"})
		add(day.Add(48*time.Hour), audit.Record{Kind: audit.KindInquiry, UserIIN: inv, Agency: "MVD"})
		testdb.Must(t, l.Close())

		from, to := day, day.Add(24*time.Hour)
		seqs := func(f audit.Filter) []int64 {
			t.Helper()
			recs, err := s.Find(ctx, f)
			testdb.Must(t, err)
			n, err := s.Count(ctx, f)
			testdb.Must(t, err)
			var out []int64
			for _, r := range recs {
				out = append(out, r.Seq)
				if (len(r.Result) > 0) != f.Blobs || r.ResultDigest == "" {
					t.Fatalf("blobs %v: %+v", f.Blobs, r)
				}
			}
			if f.Limit == 0 && f.Before == 0 && n != len(out) {
				t.Fatalf("count %d, found %d", n, len(out))
			}
			return out
		}
		for _, tc := range []struct {
			name string
			f    audit.Filter
			want []int64
		}{
			{"period", audit.Filter{From: from, To: to}, []int64{4, 3, 2, 1}},
			{"kinds", audit.Filter{From: from, To: to, Kinds: []string{audit.KindInquiry}}, []int64{3, 2, 1}},
			{"agency", audit.Filter{From: from, To: to, Agency: "MVD"}, []int64{2, 1}},
			{"user", audit.Filter{From: from, To: to, UserIIN: op}, []int64{4, 3}},
			{"basis", audit.Filter{From: from, To: to, Basis: "CRIMINAL_CASE"}, []int64{3, 1}},
			// "_" is not a wildcard: TAX_DEBTS does not match TAXXDEBTS.
			{"service", audit.Filter{From: from, To: to, Service: "TAX_DEBTS"}, []int64{1}},
			{"denied", audit.Filter{From: from, To: to, DeniedOnly: true}, []int64{2}},
			{"page", audit.Filter{From: from, To: to, Limit: 2}, []int64{4, 3}},
			{"next page", audit.Filter{From: from, To: to, Limit: 2, Before: 3}, []int64{2, 1}},
			{"blobs", audit.Filter{From: from, To: to, UserIIN: inv, Blobs: true}, []int64{2, 1}},
		} {
			if got := seqs(tc.f); len(got) != len(tc.want) || (len(got) > 0 && (got[0] != tc.want[0] || got[len(got)-1] != tc.want[len(got)-1])) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
		recs, _ := s.Find(ctx, audit.Filter{From: from, To: to, UserIIN: inv, Blobs: true, Limit: 1})
		if res, err := recs[0].ResultJSON(); err != nil || string(res) != `{"data":{"inquiry":{"person":{"iin":"`+inv+`"}}}}` {
			t.Fatalf("result %s %v", res, err)
		}

		tallies, err := s.Tallies(ctx, from, to.Add(48*time.Hour), audit.KindInquiry, "")
		testdb.Must(t, err)
		if len(tallies) != 2 || tallies[0] != (audit.Tally{Agency: "KNB", Requests: 1, Users: 1}) ||
			tallies[1] != (audit.Tally{Agency: "MVD", Requests: 3, Denied: 1, Users: 1}) {
			t.Fatalf("tallies %+v", tallies)
		}
		days, err := s.UserDays(ctx, from, to.Add(48*time.Hour), audit.KindInquiry, "MVD")
		testdb.Must(t, err)
		if len(days) != 3 || days[0].Date().Format(time.DateOnly) != "2025-01-14" || days[1].Date().Format(time.DateOnly) != "2025-01-15" ||
			days[2].Date().Format(time.DateOnly) != "2025-01-16" || days[0].Count != 1 || days[1].Count != 1 {
			t.Fatalf("user days %+v", days)
		}
	})
}
