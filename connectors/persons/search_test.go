package persons_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/persons"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestSearchPersons(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := persons.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()
		p := func(date string, g sio.Gender, serial int, last, first, middle string) sio.Person {
			return sio.Person{IIN: testdb.IIN(t, date, g, serial), LastName: last, FirstName: first, MiddleName: middle,
				BirthDate: sio.MustDate(date), Gender: g, RegionKATO: "75"}
		}
		all := []sio.Person{
			p("1985-03-14", sio.Female, 1, "Әбілқасымова", "Гүлнұр", "Серікқызы"),
			p("1990-07-01", sio.Female, 1, "Әбілқасымова", "Гүлнұр", "Ерланқызы"),
			p("1990-07-01", sio.Female, 5, "Әбілқасымова", "Гүлнұр", ""),
			p("1979-01-20", sio.Male, 1, "Әбілқасымов", "Нұрлан", "Серікұлы"),
			p("1962-09-09", sio.Male, 1, "Фёдоров", "Пётр", "Семёнович"),
			p("1970-02-02", sio.Male, 1, "Федоров", "Петро", "Иванович"),
			p("1964-05-05", sio.Male, 1, "Федорова-Ким", "Пётр", ""),
		}
		testdb.Must(t, s.Insert(ctx, all))
		search := persons.NewSearch(s.DB())
		find := func(q sio.PersonQuery, limit int) []sio.Person {
			t.Helper()
			var out []sio.Person
			testdb.OneStatement(t, "SearchPersons", func(ctx context.Context) (err error) {
				out, err = search.SearchPersons(ctx, q, limit)
				return err
			})
			return out
		}
		iins := func(ps []sio.Person) []sio.IIN {
			var out []sio.IIN
			for _, p := range ps {
				out = append(out, p.IIN)
			}
			return out
		}
		same := func(name string, got []sio.Person, want ...sio.Person) {
			t.Helper()
			g, w := iins(got), iins(want)
			if len(g) != len(w) {
				t.Fatalf("%s: got %v, want %v", name, g, w)
			}
			for i := range g {
				if g[i] != w[i] {
					t.Fatalf("%s: got %v, want %v", name, g, w)
				}
			}
		}
		d := func(s string) *sio.Date { x := sio.MustDate(s); return &x }
		// Kazakh letters in mixed case; ordered by name, birth date, IIN.
		same("last+first", find(sio.PersonQuery{LastName: "әБІЛҚАСЫМОВА", FirstName: "гүлНҰР"}, 10), all[2], all[1], all[0])
		same("last+first+middle", find(sio.PersonQuery{LastName: "Әбілқасымова", FirstName: "Гүлнұр", MiddleName: "серікқызы"}, 10), all[0])
		same("last+birth", find(sio.PersonQuery{LastName: "әбілқасымова", BirthDate: d("1990-07-01")}, 10), all[2], all[1])
		// Whole words: the masculine form does not match the feminine one.
		same("whole last name", find(sio.PersonQuery{LastName: "Әбілқасымов", FirstName: "Нұрлан"}, 10), all[3])
		same("no prefix of a first name", find(sio.PersonQuery{LastName: "Әбілқасымова", FirstName: "Гүл"}, 10))
		// Ё and Е are one letter; a hyphenated name is one last name.
		same("Ё folded", find(sio.PersonQuery{LastName: "федоров", FirstName: "ПЕТР"}, 10), all[4])
		same("hyphenated", find(sio.PersonQuery{LastName: "Фёдорова-Ким", FirstName: "Петр"}, 10), all[6])
		same("birth date filters", find(sio.PersonQuery{LastName: "Федоров", FirstName: "Пётр", BirthDate: d("1970-02-02")}, 10))
		same("limit", find(sio.PersonQuery{LastName: "Әбілқасымова", FirstName: "Гүлнұр"}, 2), all[2], all[1])
		if _, err := search.SearchPersons(ctx, sio.PersonQuery{LastName: "Иванов", MiddleName: "Петрович"}, 10); err == nil {
			t.Fatal("a middle name without a first name cannot be a prefix of the name")
		}
	})
}
