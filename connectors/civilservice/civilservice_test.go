package civilservice_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/civilservice"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestCivilService(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := civilservice.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1980-06-06", sio.Male, 70)
		c := testdb.IIN(t, "1992-02-29", sio.Female, 71)
		body := testdb.BIN(t, "1998-03-01", 90001)
		other := testdb.BIN(t, "1999-03-01", 90002)
		end := sio.MustDate("2015-06-30")
		ground := "в связи с переводом в другой государственный орган"
		testdb.Must(t, s.Insert(ctx, []sio.CivilServiceRecord{
			{ID: 1, IIN: a, StateBodyBIN: other, StateBodyRu: "ГУ «Аппарат акима города Караганды»", RegionKATO: "35", PositionRu: "Главный специалист",
				Category: "E-4", Corps: "Б", StartDate: sio.MustDate("2005-09-01"), EndDate: &end, DismissalGroundRu: &ground, OrderNumber: "№ 12-лс от 01.09.2005"},
			{ID: 2, IIN: a, StateBodyBIN: body, StateBodyRu: "РГУ «Департамент государственных доходов по Карагандинской области»", RegionKATO: "35",
				PositionRu: "Руководитель отдела", Category: "C-O-4", Corps: "Б", StartDate: sio.MustDate("2015-07-01"), OrderNumber: "№ 301-лс от 01.07.2015"},
			{ID: 3, IIN: c, StateBodyBIN: body, StateBodyRu: "РГУ «Департамент государственных доходов по Карагандинской области»", RegionKATO: "35",
				PositionRu: "Главный специалист", Category: "C-O-5", Corps: "Б", StartDate: sio.MustDate("2018-01-10"), OrderNumber: "№ 2-лс от 10.01.2018"},
		}))
		var posts map[sio.IIN][]sio.CivilServiceRecord
		testdb.OneStatement(t, "PostsByPerson", func(ctx context.Context) (err error) {
			posts, err = s.PostsByPerson(ctx, []sio.IIN{a, "000000000000"})
			return err
		})
		check := sio.CivilServantCheck{IIN: a, Posts: posts[a]}
		if len(posts) != 1 || len(check.Posts) != 2 || !check.IsCivilServant() || check.CurrentPost().Category != "C-O-4" || check.Posts[0].Current() {
			t.Fatalf("posts (oldest first) = %+v", posts)
		}
		if none := (sio.CivilServantCheck{}); none.IsCivilServant() {
			t.Fatal("a person without posts is no civil servant")
		}
		var servants map[sio.BIN][]sio.CivilServiceRecord
		testdb.OneStatement(t, "ServantsByStateBody", func(ctx context.Context) (err error) {
			servants, err = s.ServantsByStateBody(ctx, []sio.BIN{body, other})
			return err
		})
		if ss := servants[body]; len(ss) != 2 || ss[0].IIN != c || ss[1].IIN != a || len(servants[other]) != 1 || servants[other][0].Current() {
			t.Fatalf("servants (latest appointed first) = %+v", servants)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 4000, func(cfg synth.Config) []sio.CivilServiceRecord {
		return fillertest.Fill(t, cfg, civilservice.Open, fillertest.Rows[sio.CivilServiceRecord](`SELECT * FROM {records} ORDER BY id`))
	})
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	persons, entities := census.Persons, census.Entities
	today := synth.Today()
	current := map[sio.IIN]int{}
	bodyName := map[sio.BIN]string{}
	for _, c := range a {
		p := persons[c.IIN]
		if p == nil || synth.AgeAt(p, c.StartDate) < 22 || c.StartDate.After(today.Time) ||
			(c.EndDate != nil && (c.EndDate.Before(c.StartDate.Time) || c.EndDate.After(today.Time))) {
			t.Fatalf("record: %+v (person %+v)", c, p)
		}
		if _, err := sio.ParseBIN(string(c.StateBodyBIN), "bin"); err != nil || entities[c.StateBodyBIN] != nil {
			t.Fatalf("state body BIN %s: %v (or it collides with a company)", c.StateBodyBIN, err)
		}
		if n, ok := bodyName[c.StateBodyBIN]; ok && n != c.StateBodyRu {
			t.Fatalf("one BIN, two bodies: %s, %s", n, c.StateBodyRu)
		}
		bodyName[c.StateBodyBIN] = c.StateBodyRu
		if c.Current() {
			current[c.IIN]++
			if p.DeathDate != nil || synth.AgeAt(p, today) >= 63 {
				t.Fatalf("serving after death or retirement: %+v", c)
			}
		} else if c.DismissalGroundRu == nil {
			t.Fatalf("ended without ground: %+v", c)
		}
	}
	for iin, n := range current {
		if n > 1 {
			t.Fatalf("%s holds %d posts", iin, n)
		}
	}
	if len(current) == 0 || len(bodyName) < 10 {
		t.Fatalf("%d serving, %d bodies", len(current), len(bodyName))
	}
}
