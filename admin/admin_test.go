package admin_test

import (
	"context"
	"testing"
	"time"

	"sio"
	"sio/admin"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestAdminStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := admin.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()
		t0 := time.Date(2025, 1, 15, 4, 30, 0, 123456000, time.UTC)
		sup := testdb.IIN(t, "1975-02-02", sio.Male, 1)
		user := testdb.IIN(t, "1990-03-03", sio.Female, 2)
		other := testdb.IIN(t, "1985-04-04", sio.Male, 3)

		// Applications: submitted, listed by filter, decided once.
		reg := &sio.Application{Kind: sio.ApplicationRegistration, ApplicantIIN: sup, UserIIN: user, FullName: "Жумабекова Алия Сериковна",
			Agency: "MVD", Position: "Участковый инспектор", RequestedRole: "DISTRICT_INSPECTOR", Reason: "приказ № 15 л/с",
			SubmittedAt: t0, Status: sio.ApplicationPending}
		testdb.Must(t, s.SubmitApplication(ctx, reg))
		move := &sio.Application{Kind: sio.ApplicationRoleChange, ApplicantIIN: other, UserIIN: other, Agency: "KNB",
			RequestedRole: "INVESTIGATOR_NATIONAL_SECURITY", SubmittedAt: t0.Add(time.Hour), Status: sio.ApplicationPending}
		testdb.Must(t, s.SubmitApplication(ctx, move))
		if reg.ID == 0 || move.ID == reg.ID {
			t.Fatalf("ids %d %d", reg.ID, move.ID)
		}
		got, err := s.Application(ctx, reg.ID)
		testdb.Must(t, err)
		if got == nil || got.FullName != reg.FullName || !got.SubmittedAt.Equal(t0) || got.DecidedAt != nil || got.Status != sio.ApplicationPending {
			t.Fatalf("application %+v", got)
		}
		if got, err := s.Application(ctx, 999); got != nil || err != nil {
			t.Fatalf("missing application %+v %v", got, err)
		}
		for _, tc := range []struct {
			f    sio.ApplicationFilter
			want []int64
		}{
			{sio.ApplicationFilter{}, []int64{move.ID, reg.ID}},
			{sio.ApplicationFilter{Agency: "MVD"}, []int64{reg.ID}},
			{sio.ApplicationFilter{IIN: sup}, []int64{reg.ID}},
			{sio.ApplicationFilter{IIN: user}, []int64{reg.ID}},
			{sio.ApplicationFilter{Status: sio.ApplicationApproved}, nil},
		} {
			as, err := s.Applications(ctx, tc.f)
			testdb.Must(t, err)
			var ids []int64
			for _, a := range as {
				ids = append(ids, a.ID)
			}
			if len(ids) != len(tc.want) || (len(ids) > 0 && ids[0] != tc.want[0]) {
				t.Fatalf("filter %+v: %v, want %v", tc.f, ids, tc.want)
			}
		}
		decided := t0.Add(30 * time.Hour)
		got.Status, got.DecidedAt, got.DeciderIIN, got.GrantedRole = sio.ApplicationApproved, &decided, "820501300014", "LOCAL_POLICE_OFFICER"
		if ok, err := s.DecideApplication(ctx, got); !ok || err != nil {
			t.Fatalf("decide: %v %v", ok, err)
		}
		if ok, err := s.DecideApplication(ctx, got); ok || err != nil {
			t.Fatalf("decided twice: %v %v", ok, err)
		}
		got, _ = s.Application(ctx, reg.ID)
		if got.Status != sio.ApplicationApproved || got.DecidedAt == nil || !got.DecidedAt.Equal(decided) || !got.SLABreached(decided) ||
			got.GrantedRole != "LOCAL_POLICE_OFFICER" {
			t.Fatalf("decided %+v", got)
		}
		if move.SLABreached(t0.Add(24*time.Hour)) || !move.SLABreached(t0.Add(26*time.Hour)) {
			t.Fatal("pending SLA")
		}

		// The emergency journal: overlapping a period, closed later.
		end := t0.Add(-22 * time.Hour)
		past := &sio.EmergencyEntry{Category: sio.EmergencyPower, Actions: "запуск ДГУ", MaxMinutes: 60, Responsible: "Ахметов А.А.",
			Cause: "отключение", StartedAt: t0.Add(-24 * time.Hour), EndedAt: &end, RecordedBy: sup, RecordedAt: t0}
		open := &sio.EmergencyEntry{Category: sio.EmergencyFlood, Actions: "откачка воды", MaxMinutes: 120, Responsible: "Ахметов А.А.",
			Cause: "прорыв трубы", StartedAt: t0, RecordedBy: sup, RecordedAt: t0}
		testdb.Must(t, s.RecordEmergency(ctx, past))
		testdb.Must(t, s.RecordEmergency(ctx, open))
		if past.Delay(t0) != 2*time.Hour || open.Delay(t0.Add(90*time.Minute)) != 90*time.Minute {
			t.Fatal("delays")
		}
		es, err := s.Emergencies(ctx, t0.Add(-time.Hour), t0.Add(time.Hour))
		testdb.Must(t, err)
		if len(es) != 1 || es[0].ID != open.ID || es[0].EndedAt != nil {
			t.Fatalf("emergencies of the hour %+v", es)
		}
		closed, err := s.CloseEmergency(ctx, open.ID, t0.Add(3*time.Hour), "")
		testdb.Must(t, err)
		if closed == nil || closed.EndedAt == nil || !closed.EndedAt.Equal(t0.Add(3*time.Hour)) || closed.Measures != "" {
			t.Fatalf("closed %+v", closed)
		}
		closed, _ = s.CloseEmergency(ctx, open.ID, t0.Add(3*time.Hour), "вода откачана")
		if closed.Measures != "вода откачана" {
			t.Fatalf("measures %+v", closed)
		}
		if e, err := s.Emergency(ctx, 999); e != nil || err != nil {
			t.Fatalf("missing entry %+v %v", e, err)
		}
		es, _ = s.Emergencies(ctx, t0.Add(-30*time.Hour), t0.Add(time.Hour))
		if len(es) != 2 || es[0].ID != past.ID {
			t.Fatalf("journal %+v", es)
		}

		// Maintenance: only works not yet over.
		for _, n := range []*sio.MaintenanceNotice{
			{Title: "прошедшие работы", StartsAt: t0.Add(-48 * time.Hour), EndsAt: t0.Add(-47 * time.Hour), PublishedBy: sup, PublishedAt: t0},
			{Title: "обновление", StartsAt: t0.Add(24 * time.Hour), EndsAt: t0.Add(26 * time.Hour), PublishedBy: sup, PublishedAt: t0},
		} {
			testdb.Must(t, s.PublishMaintenance(ctx, n))
		}
		ns, err := s.Maintenance(ctx, t0)
		testdb.Must(t, err)
		if len(ns) != 1 || ns[0].Title != "обновление" || !ns[0].StartsAt.Equal(t0.Add(24*time.Hour)) {
			t.Fatalf("notices %+v", ns)
		}

		// Prosecutor's checks.
		c := &sio.ProsecutorCheck{ResolutionNumber: "2-0112-25/318", ResolutionDate: sio.MustDate("2025-01-14"), ProsecutorIIN: sup,
			Agency: "MVD", From: sio.MustDate("2024-12-01"), To: sio.MustDate("2024-12-31"), OpenedAt: t0}
		testdb.Must(t, s.OpenProsecutorCheck(ctx, c))
		got2, err := s.ProsecutorCheck(ctx, c.ID)
		testdb.Must(t, err)
		if got2 == nil || got2.ResolutionNumber != c.ResolutionNumber || got2.From != c.From || got2.To != c.To || !got2.OpenedAt.Equal(t0) ||
			got2.ResolutionDate != c.ResolutionDate {
			t.Fatalf("check %+v", got2)
		}
		if cs, err := s.ProsecutorChecks(ctx, sup); err != nil || len(cs) != 1 {
			t.Fatalf("checks %+v %v", cs, err)
		}
		if cs, err := s.ProsecutorChecks(ctx, other); err != nil || len(cs) != 0 {
			t.Fatalf("another's checks %+v %v", cs, err)
		}
	})
}
