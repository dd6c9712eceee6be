package civilregistry_test

import (
	"context"
	"fmt"
	"testing"

	"sio"
	"sio/connectors/civilregistry"
	"sio/internal/testdb"
	"sio/sqldb"
)

func act(id int64, kind sio.CivilActKind, date string, parties ...any) sio.CivilAct {
	a := sio.CivilAct{ID: id, Kind: kind, Number: fmt.Sprintf("%d", 100+id), Date: sio.MustDate(date),
		RegistryOffice: "Отдел ЗАГС Алмалинского района г. Алматы", RegionKATO: "75"}
	for i := 0; i < len(parties); i += 2 {
		a.Parties = append(a.Parties, sio.CivilParty{ActID: id, Role: parties[i].(sio.CivilActRole), IIN: parties[i+1].(sio.IIN)})
	}
	return a
}

func tiesString(ts []sio.FamilyTie) string {
	s := ""
	for _, t := range ts {
		s += fmt.Sprintf("%s:%s@%d ", t.Relation, t.Relative, t.ActID)
	}
	return s
}

func TestCivilRegistry(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := civilregistry.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		father := testdb.IIN(t, "1955-04-12", sio.Male, 10)
		mother := testdb.IIN(t, "1958-09-30", sio.Female, 20)
		son := testdb.IIN(t, "1980-01-25", sio.Male, 30)
		exWife := testdb.IIN(t, "1982-03-03", sio.Female, 40)
		wife := testdb.IIN(t, "1986-11-11", sio.Female, 50)
		grandchild := testdb.IIN(t, "2012-07-07", sio.Female, 60)
		stranger := testdb.IIN(t, "1990-01-01", sio.Male, 70)

		acts := []sio.CivilAct{
			act(1, sio.ActMarriage, "1978-06-01", sio.RoleSpouse, father, sio.RoleSpouse, mother),
			act(2, sio.ActBirth, "1980-02-01", sio.RoleChild, son, sio.RoleMother, mother, sio.RoleFather, father),
			act(3, sio.ActMarriage, "2003-08-16", sio.RoleSpouse, son, sio.RoleSpouse, exWife),
			act(4, sio.ActDivorce, "2008-02-29", sio.RoleSpouse, son, sio.RoleSpouse, exWife),
			act(5, sio.ActMarriage, "2010-05-20", sio.RoleSpouse, son, sio.RoleSpouse, wife),
			act(6, sio.ActBirth, "2012-07-20", sio.RoleChild, grandchild, sio.RoleMother, wife, sio.RoleFather, son),
			act(7, sio.ActDeath, "2020-12-01", sio.RoleDeceased, father),
		}
		acts[5].RegistryOffice = "Қонаев қаласының АХАЖ бөлімі"
		testdb.Must(t, s.InsertActs(ctx, acts))

		var byPerson map[sio.IIN][]sio.CivilAct
		testdb.OneStatement(t, "ActsByPerson", func(ctx context.Context) (err error) {
			byPerson, err = s.ActsByPerson(ctx, []sio.IIN{son, father, exWife, stranger})
			return err
		})
		if len(byPerson) != 3 || byPerson[stranger] != nil {
			t.Fatalf("acts by person = %v", byPerson)
		}
		sa := byPerson[son]
		if len(sa) != 5 {
			t.Fatalf("son has %d acts, want 5: %+v", len(sa), sa)
		}
		for i, id := range []int64{2, 3, 4, 5, 6} {
			if sa[i].ID != id {
				t.Fatalf("son's act %d = %d, want %d (date order)", i, sa[i].ID, id)
			}
		}
		b := sa[0]
		if b.Kind != sio.ActBirth || b.Number != "102" || b.Date.String() != "1980-02-01" || b.RegistryOffice != "Отдел ЗАГС Алмалинского района г. Алматы" ||
			b.RegionKATO != "75" || len(b.Parties) != 3 ||
			b.Parties[0] != (sio.CivilParty{ActID: 2, Role: sio.RoleChild, IIN: son}) ||
			b.Parties[1] != (sio.CivilParty{ActID: 2, Role: sio.RoleMother, IIN: mother}) ||
			b.Parties[2] != (sio.CivilParty{ActID: 2, Role: sio.RoleFather, IIN: father}) {
			t.Fatalf("son's birth act = %+v", b)
		}
		if g := sa[4]; g.RegistryOffice != "Қонаев қаласының АХАЖ бөлімі" || len(g.Parties) != 3 {
			t.Fatalf("grandchild's birth act = %+v", g)
		}
		if m := sa[1]; m.Kind != sio.ActMarriage || len(m.Parties) != 2 {
			t.Fatalf("son's first marriage = %+v", m)
		}
		if fa := byPerson[father]; len(fa) != 3 || fa[0].ID != 1 || fa[1].ID != 2 || fa[2].ID != 7 ||
			len(fa[2].Parties) != 1 || fa[2].Parties[0].Role != sio.RoleDeceased {
			t.Fatalf("father's acts = %+v", fa)
		}
		// Parties are not shared between persons of one batch.
		byPerson[son][0].Parties[0].IIN = "mutated"
		if byPerson[father][1].Parties[0].IIN != son {
			t.Fatal("persons of one batch share party slices")
		}

		var fam map[sio.IIN][]sio.FamilyTie
		testdb.OneStatement(t, "FamilyByPerson", func(ctx context.Context) (err error) {
			fam, err = s.FamilyByPerson(ctx, []sio.IIN{son, father, mother, exWife, wife, grandchild, stranger})
			return err
		})
		if len(fam) != 6 || fam[stranger] != nil {
			t.Fatalf("family = %v", fam)
		}
		p1, p2 := father, mother
		if p2 < p1 {
			p1, p2 = p2, p1
		}
		want := map[sio.IIN]string{
			son: fmt.Sprintf("SPOUSE:%s@5 EX_SPOUSE:%s@3 PARENT:%s@2 PARENT:%s@2 CHILD:%s@6 ",
				wife, exWife, p1, p2, grandchild),
			father:     fmt.Sprintf("SPOUSE:%s@1 CHILD:%s@2 ", mother, son),
			mother:     fmt.Sprintf("SPOUSE:%s@1 CHILD:%s@2 ", father, son),
			exWife:     fmt.Sprintf("EX_SPOUSE:%s@3 ", son),
			wife:       fmt.Sprintf("SPOUSE:%s@5 CHILD:%s@6 ", son, grandchild),
			grandchild: fmt.Sprintf("PARENT:%s@6 PARENT:%s@6 ", min(son, wife), max(son, wife)),
		}
		for iin, w := range want {
			if got := tiesString(fam[iin]); got != w {
				t.Errorf("family of %s:\n got %s\nwant %s", iin, got, w)
			}
			for _, tie := range fam[iin] {
				if tie.IIN != iin {
					t.Errorf("tie of %s names %s", iin, tie.IIN)
				}
			}
		}

		if n, err := s.Count(ctx); err != nil || n != 7 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := civilregistry.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}

// TestFamilyRemarriage covers the derivation rules on acts alone: a couple
// divorced and remarried, a divorce registered on the marriage's day, and a
// divorce from someone else.
func TestFamilyRemarriage(t *testing.T) {
	a, b, c := sio.IIN("800101300011"), sio.IIN("820202400022"), sio.IIN("830303400033")
	acts := []sio.CivilAct{
		act(10, sio.ActMarriage, "2000-01-01", sio.RoleSpouse, a, sio.RoleSpouse, b),
		act(11, sio.ActDivorce, "2005-01-01", sio.RoleSpouse, a, sio.RoleSpouse, b),
		act(12, sio.ActMarriage, "2010-01-01", sio.RoleSpouse, a, sio.RoleSpouse, b),
		act(13, sio.ActMarriage, "2011-01-01", sio.RoleSpouse, a, sio.RoleSpouse, c),
		act(14, sio.ActDivorce, "2011-01-01", sio.RoleSpouse, a, sio.RoleSpouse, c),
		act(15, sio.ActDivorce, "1999-01-01", sio.RoleSpouse, a, sio.RoleSpouse, c),
	}
	got := tiesString(civilregistry.Family(a, acts))
	want := fmt.Sprintf("SPOUSE:%s@12 EX_SPOUSE:%s@10 EX_SPOUSE:%s@13 ", b, b, c)
	if got != want {
		t.Fatalf("ties:\n got %s\nwant %s", got, want)
	}
	if ties := civilregistry.Family(a, nil); len(ties) != 0 {
		t.Fatalf("ties without acts = %v", ties)
	}
}
