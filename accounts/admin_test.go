package accounts_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"sio"
	"sio/accounts"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestAdministration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := accounts.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()
		signed := time.Date(2024, 9, 1, 10, 30, 0, 0, time.UTC)
		head := testdb.IIN(t, "1975-06-06", sio.Male, 1)
		inv := testdb.IIN(t, "1987-04-04", sio.Male, 2)
		newcomer := testdb.IIN(t, "1996-03-14", sio.Female, 3)
		testdb.Must(t, s.Insert(ctx, []sio.User{
			{IIN: head, FullName: "Нұрпейісов Мағжан Аскарович", RoleCode: "INVESTIGATOR_INTERNAL_AFFAIRS", AgencyCode: "MVD", AgreementSignedAt: &signed},
			{IIN: inv, FullName: "Сейтқали Нұрлан Ерланұлы", RoleCode: "INVESTIGATOR_INTERNAL_AFFAIRS", AgencyCode: "MVD", AgreementSignedAt: &signed},
		}))
		testdb.Must(t, s.InsertDuties(ctx, "SUPERVISOR", []sio.IIN{head}))
		if ds, err := s.Duties(ctx, head); err != nil || len(ds) != 1 || ds[0] != "SUPERVISOR" {
			t.Fatalf("duties %v %v", ds, err)
		}
		if ds, err := s.Duties(ctx, inv); err != nil || len(ds) != 0 {
			t.Fatalf("no duties %v %v", ds, err)
		}
		// Setting a duty twice holds it once; withdrawing it removes it.
		testdb.Must(t, s.SetDuty(ctx, inv, "SUPERVISOR", true))
		testdb.Must(t, s.SetDuty(ctx, inv, "SUPERVISOR", true))
		all, err := s.AllDuties(ctx)
		testdb.Must(t, err)
		if len(all) != 2 || len(all[inv]) != 1 {
			t.Fatalf("all duties %v", all)
		}
		testdb.Must(t, s.SetDuty(ctx, inv, "SUPERVISOR", false))
		if ds, _ := s.Duties(ctx, inv); len(ds) != 0 {
			t.Fatalf("withdrawn duty %v", ds)
		}
		if err := s.SetDuty(ctx, newcomer, "SUPERVISOR", true); !errors.Is(err, accounts.ErrNoUser) {
			t.Fatalf("duty of an unregistered official: %v", err)
		}

		// Registration: active, agreement unsigned; not twice.
		testdb.Must(t, s.Register(ctx, sio.User{IIN: newcomer, FullName: "Жумабекова Алия Сериковна", RoleCode: "DISTRICT_INSPECTOR",
			AgencyCode: "MVD", Position: "Участковый инспектор", Blocked: true, AgreementSignedAt: &signed}))
		u, err := s.UserByIIN(ctx, newcomer)
		if err != nil || u == nil || u.Blocked || u.AgreementSignedAt != nil || u.RoleCode != "DISTRICT_INSPECTOR" {
			t.Fatalf("registered %+v %v", u, err)
		}
		if err := s.Register(ctx, sio.User{IIN: inv, FullName: "x", RoleCode: "JUDGE", AgencyCode: "COURT"}); !errors.Is(err, accounts.ErrRegistered) {
			t.Fatalf("registered twice: %v", err)
		}

		// A transfer changes the role, agency and post.
		testdb.Must(t, s.ChangeRole(ctx, inv, "CRIMINAL_POLICE_OFFICER", "MVD", "Старший оперуполномоченный"))
		if u, _ := s.UserByIIN(ctx, inv); u.RoleCode != "CRIMINAL_POLICE_OFFICER" || u.Position != "Старший оперуполномоченный" ||
			u.AgreementSignedAt == nil {
			t.Fatalf("transferred %+v", u)
		}
		if err := s.ChangeRole(ctx, testdb.IIN(t, "1999-09-09", sio.Female, 4), "JUDGE", "COURT", ""); !errors.Is(err, accounts.ErrNoUser) {
			t.Fatalf("transfer of an unregistered official: %v", err)
		}
	})
}
