package persons_test

import (
	"context"
	"testing"
	"time"

	"sio"
	"sio/connectors/persons"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestPersonsByIIN(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := persons.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()
		iin1, _ := sio.MakeIIN(time.Date(1985, 3, 14, 0, 0, 0, 0, time.UTC), sio.Female, 17)
		iin2, _ := sio.MakeIIN(time.Date(2001, 11, 2, 0, 0, 0, 0, time.UTC), sio.Male, 4)
		death := sio.MustDate("2020-01-02")
		testdb.Must(t, s.Insert(ctx, []sio.Person{
			{IIN: iin1, LastName: "Әбілқасымова", FirstName: "Гүлнұр", MiddleName: "Серікқызы", BirthDate: sio.MustDate("1985-03-14"), Gender: sio.Female, RegionKATO: "71"},
			{IIN: iin2, LastName: "Иванов", FirstName: "Пётр", BirthDate: sio.MustDate("2001-11-02"), Gender: sio.Male, RegionKATO: "75", DeathDate: &death},
		}))
		missing, _ := sio.MakeIIN(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), sio.Male, 1)
		got, err := s.PersonsByIIN(ctx, []sio.IIN{iin1, iin2, missing})
		testdb.Must(t, err)
		if len(got) != 2 {
			t.Fatalf("got %d persons, want 2", len(got))
		}
		p := got[iin1]
		if p == nil || p.LastName != "Әбілқасымова" || p.FirstName != "Гүлнұр" || p.BirthDate.String() != "1985-03-14" || p.DeathDate != nil {
			t.Fatalf("person 1 = %+v", p)
		}
		if q := got[iin2]; q == nil || q.DeathDate == nil || q.DeathDate.String() != "2020-01-02" {
			t.Fatalf("person 2 = %+v", q)
		}
		// Re-opening an existing store does not re-run migrations.
		s2, err := persons.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
		if persons.NameKey("әбілқасымова", "гүлнұр", "") != "ӘБІЛҚАСЫМОВА ГҮЛНҰР" {
			t.Fatalf("NameKey does not upper-case Kazakh letters: %q", persons.NameKey("әбілқасымова", "гүлнұр", ""))
		}
	})
}
