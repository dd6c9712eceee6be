package oversight

import (
	"context"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/audit"
)

// family is a ЗАГС of a few ties.
type family map[sio.IIN][]sio.FamilyTie

func (f family) ActsByPerson(context.Context, []sio.IIN) (map[sio.IIN][]sio.CivilAct, error) {
	return nil, nil
}

func (f family) FamilyByPerson(_ context.Context, iins []sio.IIN) (map[sio.IIN][]sio.FamilyTie, error) {
	out := map[sio.IIN][]sio.FamilyTie{}
	for _, i := range iins {
		if ts, ok := f[i]; ok {
			out[i] = ts
		}
	}
	return out, nil
}

func tie(me sio.IIN, rel sio.Relation, other sio.IIN) sio.FamilyTie {
	return sio.FamilyTie{IIN: me, Relation: rel, Relative: other}
}

func TestFlagRecords(t *testing.T) {
	const (
		official, wife, mother, brother, colleague, stranger = "800101300011", "820202400012", "550303400013", "830404300014", "790505300015", "700606300016"
	)
	fam := family{
		official: {tie(official, sio.RelationSpouse, wife), tie(official, sio.RelationParent, mother)},
		mother:   {tie(mother, sio.RelationChild, official), tie(mother, sio.RelationChild, brother)},
	}
	users := map[string]sio.User{
		official:  {IIN: official, FullName: "Кузьмин Артём Григорьевич", AgencyCode: "MVD"},
		colleague: {IIN: colleague, FullName: "Соколов Пётр Денисович", AgencyCode: "KNB"},
	}
	d := &Detector{Family: fam}
	at := time.Date(2025, 1, 14, 5, 0, 0, 0, time.UTC)
	rec := func(seq int64, subjects []string, denials ...audit.Denial) audit.Record {
		return audit.Record{Seq: seq, At: at, Kind: audit.KindInquiry, UserIIN: official, Agency: "MVD", Basis: "CRIMINAL_CASE",
			CaseNumber: "241500031000123", Subjects: subjects, Denials: denials}
	}
	vs, err := d.flagRecords(context.Background(), []audit.Record{
		rec(1, []string{wife, stranger}),
		rec(2, []string{brother, official}),
		rec(3, []string{colleague}),
		rec(4, nil, audit.Denial{Path: "inquiry", Reason: "CASE_NOT_IN_CASELOAD"}),
		rec(5, nil, audit.Denial{Path: "inquiry.person.taxDebts", Reason: "SERVICE_NOT_ALLOWED_FOR_BASIS"}),
	}, users)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	for _, v := range vs {
		got[v.Seq] += string(v.Kind) + ":" + v.Subject + ":" + v.Relation + ":" + v.SubjectAgency + " "
		if v.UserName != "Кузьмин Артём Григорьевич" || v.DetailRu == "" {
			t.Fatalf("violation %+v", v)
		}
	}
	want := map[int64]string{
		1: "RELATIVE:" + wife + ":SPOUSE: ",
		2: "RELATIVE:" + brother + ":SIBLING: ",
		3: "COLLEAGUE:" + colleague + "::KNB ",
		4: "OUTSIDE_CASELOAD:241500031000123:: ",
	}
	if len(got) != len(want) {
		t.Fatalf("flags %v", got)
	}
	for seq, w := range want {
		if got[seq] != w {
			t.Errorf("request %d: %q, want %q", seq, got[seq], w)
		}
	}
}

func TestFlagVolume(t *testing.T) {
	day := int64(20102) // 2025-01-14
	days := []audit.UserDay{
		{Agency: "MVD", UserIIN: "a", Day: day, Count: 1}, {Agency: "MVD", UserIIN: "b", Day: day, Count: 2},
		{Agency: "MVD", UserIIN: "c", Day: day, Count: 3}, {Agency: "MVD", UserIIN: "d", Day: day, Count: 21},
		{Agency: "MVD", UserIIN: "d", Day: day + 1, Count: 12},
		// A busy agency: 25 is usual there.
		{Agency: "KNB", UserIIN: "e", Day: day, Count: 25}, {Agency: "KNB", UserIIN: "f", Day: day, Count: 24},
	}
	vs := flagVolume(days, nil)
	if len(vs) != 1 || vs[0].UserIIN != "d" || vs[0].Count != 21 || vs[0].Median != 3 ||
		vs[0].At.Format(time.RFC3339) != "2025-01-13T19:00:00Z" || !strings.Contains(vs[0].DetailRu, "14.01.2025") {
		t.Fatalf("volume flags %+v", vs)
	}
	if median([]int{4, 1, 3, 2}) != 2.5 || median(nil) != 0 {
		t.Fatal("median")
	}
}

func TestPeriods(t *testing.T) {
	p, err := MonthPeriod("2024-02")
	if err != nil || p.From.String() != "2024-02-01" || p.To.String() != "2024-02-29" {
		t.Fatalf("%+v %v", p, err)
	}
	// Astana midnight is 19:00 UTC of the day before.
	if p.Start().Format(time.RFC3339) != "2024-01-31T19:00:00Z" || p.End().Format(time.RFC3339) != "2024-02-29T19:00:00Z" {
		t.Fatalf("%v %v", p.Start(), p.End())
	}
	for _, bad := range []string{"2024-13", "2024-2", "февраль"} {
		if _, err := MonthPeriod(bad); sio.ErrorCode(err) != sio.EBADINPUT {
			t.Errorf("month %q: %v", bad, err)
		}
	}
	if _, err := NewPeriod(sio.MustDate("2025-01-02"), sio.MustDate("2025-01-01")); sio.ErrorCode(err) != sio.EBADINPUT {
		t.Error("reversed period accepted")
	}
	if _, err := NewPeriod(sio.MustDate("2023-01-01"), sio.MustDate("2025-01-01")); sio.ErrorCode(err) != sio.EBADINPUT {
		t.Error("two-year period accepted")
	}
}
