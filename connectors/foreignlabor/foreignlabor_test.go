package foreignlabor_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/foreignlabor"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestForeignLabor(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := foreignlabor.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		firm := testdb.BIN(t, "2010-02-01", 11)
		testdb.Must(t, s.InsertPermits(ctx, []sio.ForeignLaborPermit{
			{PermitNumber: "ИРС-06-21-000001", EmployerBIN: firm, Category: sio.ForeignFourth, CategoryRu: "Четвертая категория",
				IssuedOn: sio.MustDate("2021-03-01"), ValidUntil: sio.MustDate("2022-02-28"), Quota: 2, Status: sio.PermitExpired,
				Issuer: "ГУ «Управление занятости и социальных программ Атырауской области»", RegionKATO: "23"},
			{PermitNumber: "ИРС-06-24-000002", EmployerBIN: firm, Category: sio.ForeignThird, CategoryRu: "Третья категория",
				IssuedOn: sio.MustDate("2024-05-01"), ValidUntil: sio.MustDate("2026-04-30"), Quota: 1, Status: sio.PermitValid,
				Issuer: "ГУ «Управление занятости и социальных программ Атырауской области»", RegionKATO: "23"},
		}))
		testdb.Must(t, s.InsertWorkers(ctx, []sio.ForeignWorker{
			{ID: 1, PermitNumber: "ИРС-06-21-000001", LastName: "WANG", FirstName: "WEI", BirthDate: sio.MustDate("1985-01-01"), Gender: sio.Male,
				Citizenship: "CN", CitizenshipRu: "Китайская Народная Республика", PassportNumber: "E12345678", PositionRu: "Сварщик"},
			{ID: 2, PermitNumber: "ИРС-06-21-000001", LastName: "LI", FirstName: "JUN", BirthDate: sio.MustDate("1990-01-01"), Gender: sio.Male,
				Citizenship: "CN", CitizenshipRu: "Китайская Народная Республика", PassportNumber: "E87654321", PositionRu: "Бетонщик"},
			{ID: 3, PermitNumber: "ИРС-06-24-000002", LastName: "WANG", FirstName: "WEI", BirthDate: sio.MustDate("1985-01-01"), Gender: sio.Male,
				Citizenship: "CN", CitizenshipRu: "Китайская Народная Республика", PassportNumber: "E12345678", PositionRu: "Инженер-технолог"},
		}))
		var byEmployer map[sio.BIN][]sio.ForeignLaborPermit
		testdb.OneStatement(t, "PermitsByEmployer", func(ctx context.Context) (err error) {
			byEmployer, err = s.PermitsByEmployer(ctx, []sio.BIN{firm, "000000000000"})
			return err
		})
		if ps := byEmployer[firm]; len(byEmployer) != 1 || len(ps) != 2 || ps[0].PermitNumber != "ИРС-06-24-000002" || ps[1].Region().KATO != "23" {
			t.Fatalf("permits (latest first) = %+v", byEmployer)
		}
		var byNumber map[string]*sio.ForeignLaborPermit
		testdb.OneStatement(t, "PermitsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.PermitsByNumber(ctx, []string{"ИРС-06-21-000001", "ИРС-00-00-000000"})
			return err
		})
		if p := byNumber["ИРС-06-21-000001"]; len(byNumber) != 1 || p.Status != sio.PermitExpired || p.Quota != 2 {
			t.Fatalf("by number = %+v", byNumber)
		}
		var workers map[string][]sio.ForeignWorker
		testdb.OneStatement(t, "WorkersByPermit", func(ctx context.Context) (err error) {
			workers, err = s.WorkersByPermit(ctx, []string{"ИРС-06-21-000001"})
			return err
		})
		if ws := workers["ИРС-06-21-000001"]; len(ws) != 2 || ws[0].FullName() != "WANG WEI" {
			t.Fatalf("workers = %+v", workers)
		}
		var byPassport map[string][]sio.ForeignWorker
		testdb.OneStatement(t, "WorkersByPassport", func(ctx context.Context) (err error) {
			byPassport, err = s.WorkersByPassport(ctx, []string{"E12345678"})
			return err
		})
		if ws := byPassport["E12345678"]; len(ws) != 2 || ws[0].PermitNumber != "ИРС-06-24-000002" {
			t.Fatalf("by passport (latest first) = %+v", byPassport)
		}
	})
}

type dump struct {
	Permits []sio.ForeignLaborPermit
	Workers []sio.ForeignWorker
}

func read(ctx context.Context, db *sqldb.DB) (d dump, err error) {
	if err = db.Select(ctx, &d.Permits, db.Q(`SELECT * FROM {permits} ORDER BY permit_number`)); err != nil {
		return d, err
	}
	err = db.Select(ctx, &d.Workers, db.Q(`SELECT * FROM {workers} ORDER BY id`))
	return d, err
}

var permitNumber = regexp.MustCompile(`^ИРС-\d{2}-\d{2}-\d{6}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 4000, func(cfg synth.Config) dump { return fillertest.Fill(t, cfg, foreignlabor.Open, read) })
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	entities := census.Entities
	today := synth.Today()
	permits := map[string]sio.ForeignLaborPermit{}
	hub := 0
	for _, p := range a.Permits {
		e := entities[p.EmployerBIN]
		if e == nil || e.Status != "ACTIVE" || p.IssuedOn.Before(e.RegistrationDate.Time) || p.IssuedOn.After(today.Time) ||
			!p.ValidUntil.After(p.IssuedOn.Time) || !permitNumber.MatchString(p.PermitNumber) || p.RegionKATO != e.RegionKATO {
			t.Fatalf("permit: %+v (employer %+v)", p, e)
		}
		if (p.Status == sio.PermitExpired) != !p.ValidUntil.After(today.Time) {
			t.Fatalf("status: %+v", p)
		}
		if census.HubGroup[p.EmployerBIN] {
			hub++
		}
		permits[p.PermitNumber] = p
	}
	if hub < 3 {
		t.Fatalf("the hub holding and its founders have %d permits", hub)
	}
	perPermit := map[string]int{}
	passports := map[string]int{}
	for _, w := range a.Workers {
		p, ok := permits[w.PermitNumber]
		if !ok || w.PassportNumber == "" || w.Citizenship == "KZ" || w.CitizenshipRu == "" || synth.AgeAt(&sio.Person{BirthDate: w.BirthDate}, today) < 22 {
			t.Fatalf("worker: %+v", w)
		}
		perPermit[w.PermitNumber]++
		passports[w.PassportNumber]++
		if perPermit[w.PermitNumber] > p.Quota {
			t.Fatalf("permit %s lists more workers than its quota %d", p.PermitNumber, p.Quota)
		}
	}
	renewed := 0
	for _, n := range passports {
		if n > 1 {
			renewed++
		}
	}
	if renewed == 0 || len(perPermit) != len(permits) {
		t.Fatalf("%d workers on several permits; %d of %d permits have workers", renewed, len(perPermit), len(permits))
	}
}
