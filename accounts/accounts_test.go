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

func TestAccounts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := accounts.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		almaty := time.FixedZone("Asia/Almaty", 5*3600)
		signed := time.Date(2024, 9, 1, 10, 30, 15, 123456789, almaty)
		inv := testdb.IIN(t, "1987-04-04", sio.Male, 1)
		analyst := testdb.IIN(t, "1991-12-12", sio.Female, 2)
		blocked := testdb.IIN(t, "1975-06-06", sio.Male, 3)
		nobody := testdb.IIN(t, "1999-09-09", sio.Female, 4)
		testdb.Must(t, s.Insert(ctx, []sio.User{
			{IIN: inv, FullName: "Сейтқали Нұрлан Ерланұлы", RoleCode: "INVESTIGATOR", AgencyCode: "MVD",
				Position: "Старший следователь СУ ДП г. Алматы", AgreementSignedAt: &signed},
			{IIN: analyst, FullName: "Әбдірахманова Айгерім", RoleCode: "ANALYST", AgencyCode: "AFM", Position: "Аналитик"},
			{IIN: blocked, FullName: "Петров Иван Сергеевич", RoleCode: "INVESTIGATOR", AgencyCode: "MVD", Blocked: true,
				AgreementSignedAt: &signed},
		}))

		var u *sio.User
		testdb.OneStatement(t, "UserByIIN", func(ctx context.Context) (err error) {
			u, err = s.UserByIIN(ctx, inv)
			return err
		})
		want := signed.UTC().Truncate(time.Microsecond)
		if u == nil || u.IIN != inv || u.FullName != "Сейтқали Нұрлан Ерланұлы" || u.RoleCode != "INVESTIGATOR" || u.AgencyCode != "MVD" ||
			u.Position != "Старший следователь СУ ДП г. Алматы" || u.Blocked || u.AgreementSignedAt == nil ||
			!u.AgreementSignedAt.Equal(want) || u.AgreementSignedAt.Location() != time.UTC {
			t.Fatalf("user = %+v (signed %v, want %v)", u, u.AgreementSignedAt, want)
		}
		if u, err := s.UserByIIN(ctx, analyst); err != nil || u == nil || u.AgreementSignedAt != nil || u.Blocked {
			t.Fatalf("analyst = %+v, %v", u, err)
		}
		if u, err := s.UserByIIN(ctx, blocked); err != nil || u == nil || !u.Blocked {
			t.Fatalf("blocked user = %+v, %v", u, err)
		}
		if u, err := s.UserByIIN(ctx, nobody); u != nil || err != nil {
			t.Fatalf("unregistered user = %+v, %v", u, err)
		}

		var us []sio.User
		testdb.OneStatement(t, "ListUsers", func(ctx context.Context) (err error) {
			us, err = s.ListUsers(ctx)
			return err
		})
		i1, i2 := min(inv, blocked), max(inv, blocked)
		if len(us) != 3 || us[0].IIN != analyst || us[1].IIN != i1 || us[2].IIN != i2 {
			t.Fatalf("users = %+v", us)
		}
		for _, u := range us {
			if (u.IIN == analyst) != (u.AgreementSignedAt == nil) || (u.IIN == blocked) != u.Blocked {
				t.Fatalf("listed user = %+v", u)
			}
		}

		// Sign, block and unblock round-trip.
		later := time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC)
		testdb.Must(t, s.SignAgreement(ctx, analyst, later, accounts.Signature{Value: []byte{0x30, 0x45, 0x02}, Certificate: "3a7f IIN issuer"}))
		if sig, err := s.AgreementSignature(ctx, analyst); err != nil || string(sig.Value) != "\x30\x45\x02" || sig.Certificate != "3a7f IIN issuer" {
			t.Fatalf("agreement signature = %+v, %v", sig, err)
		}
		if sig, err := s.AgreementSignature(ctx, nobody); err != nil || sig.Value != nil && len(sig.Value) > 0 {
			t.Fatalf("signature of an unregistered user = %+v, %v", sig, err)
		}
		testdb.Must(t, s.SetBlocked(ctx, analyst, true))
		testdb.Must(t, s.SetBlocked(ctx, blocked, false))
		if u, err := s.UserByIIN(ctx, analyst); err != nil || u == nil || u.AgreementSignedAt == nil ||
			!u.AgreementSignedAt.Equal(later) || !u.Blocked {
			t.Fatalf("analyst after update = %+v, %v", u, err)
		}
		if u, err := s.UserByIIN(ctx, blocked); err != nil || u == nil || u.Blocked {
			t.Fatalf("unblocked user = %+v, %v", u, err)
		}
		if err := s.SignAgreement(ctx, nobody, later, accounts.Signature{}); !errors.Is(err, accounts.ErrNoUser) || sio.ErrorCode(err) != sio.ENOTFOUND {
			t.Fatalf("SignAgreement of an unregistered user = %v", err)
		}
		if err := s.SetBlocked(ctx, nobody, true); !errors.Is(err, accounts.ErrNoUser) {
			t.Fatalf("SetBlocked of an unregistered user = %v", err)
		}

		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := accounts.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
