package foreignlabor_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/foreignlabor"
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
	permits []sio.ForeignLaborPermit
	workers []sio.ForeignWorker
}

func fill(t *testing.T, cfg synth.Config) dump {
	t.Helper()
	ctx := context.Background()
	s, err := foreignlabor.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var d dump
	testdb.Must(t, s.DB().Select(ctx, &d.permits, s.DB().Q(`SELECT * FROM {permits} ORDER BY permit_number`)))
	testdb.Must(t, s.DB().Select(ctx, &d.workers, s.DB().Q(`SELECT * FROM {workers} ORDER BY id`)))
	return d
}

var permitNumber = regexp.MustCompile(`^ИРС-\d{2}-\d{2}-\d{6}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	cfg := synth.Config{Seed: 3, Persons: 4000, BatchPersons: 4000}
	a := fill(t, cfg)
	b := fill(t, synth.Config{Seed: 3, Persons: 4000, BatchPersons: 900})
	if len(a.permits) == 0 || len(a.permits) != len(b.permits) || len(a.workers) != len(b.workers) {
		t.Fatalf("one batch: %d permits, %d workers; several: %d, %d", len(a.permits), len(a.workers), len(b.permits), len(b.workers))
	}
	for i := range a.permits {
		if a.permits[i] != b.permits[i] {
			t.Fatalf("batch cuts changed the permits: %+v vs %+v", a.permits[i], b.permits[i])
		}
	}
	for i := range a.workers {
		if a.workers[i] != b.workers[i] {
			t.Fatalf("batch cuts changed the workers: %+v vs %+v", a.workers[i], b.workers[i])
		}
	}
	if c := fill(t, synth.Config{Seed: 4, Persons: 4000}); len(c.workers) > 0 && c.workers[0].PassportNumber == a.workers[0].PassportNumber {
		t.Fatal("another seed gave the same first worker")
	}
	census, err := synth.TakeCensus(cfg)
	testdb.Must(t, err)
	entities := census.Entities
	today := synth.Today()
	permits := map[string]sio.ForeignLaborPermit{}
	hub := 0
	for _, p := range a.permits {
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
	for _, w := range a.workers {
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
