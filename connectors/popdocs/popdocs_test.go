package popdocs_test

import (
	"context"
	"reflect"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/popdocs"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func date(s string) *sio.Date { d := sio.MustDate(s); return &d }

func TestStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := popdocs.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		wife := testdb.IIN(t, "1980-05-01", sio.Female, 10)
		man := testdb.IIN(t, "1950-02-03", sio.Male, 10)
		p := &sio.Person{IIN: wife}
		testdb.Must(t, s.Insert(ctx, []popdocs.File{{
			Person: p,
			Documents: []sio.IdentityDocument{
				{ID: 2, IIN: wife, Kind: sio.DocIDCard, KindRu: "Удостоверение личности", Number: "012345678", LastName: "Сейтова",
					FirstName: "Айгүл", MiddleName: "Нұрланқызы", Gender: sio.Female, IssueDate: sio.MustDate("2006-06-01"),
					ExpiryDate: date("2016-06-01"), Issuer: "МЮ РК", IssueReasonRu: "Замена в связи с переменой фамилии", RegionKATO: "75",
					Status: sio.DocReplaced, StatusDate: date("2016-05-20")},
				{ID: 1, IIN: wife, Kind: sio.DocIDCard, KindRu: "Удостоверение личности", Number: "100000001", LastName: "Ахметова",
					FirstName: "Айгүл", MiddleName: "Нұрланқызы", Gender: sio.Female, IssueDate: sio.MustDate("1996-06-01"),
					ExpiryDate: date("2006-06-01"), Issuer: "МВД РК", IssueReasonRu: "Получение впервые по достижении 16 лет", RegionKATO: "75",
					Status: sio.DocReplaced, StatusDate: date("2006-06-01")},
				{ID: 3, IIN: wife, Kind: sio.DocPassport, KindRu: "Паспорт", Number: "N12345678", LastName: "Сейтова",
					FirstName: "Айгүл", MiddleName: "Нұрланқызы", Gender: sio.Female, IssueDate: sio.MustDate("2018-01-01"),
					ExpiryDate: date("2028-01-01"), Issuer: "МВД РК", IssueReasonRu: "Получение впервые", RegionKATO: "75", Status: sio.DocValid},
			},
			Surnames: []sio.SurnameChange{{IIN: wife, PreviousLastName: "Ахметова", NewLastName: "Сейтова", ChangedOn: sio.MustDate("2006-05-01"), ReasonRu: "Регистрация брака"}},
			Addresses: []sio.AddressRegistration{
				{IIN: wife, Address: "г. Алматы, ул. Абая, д. 1, кв. 2", RegionKATO: "75", RegisteredFrom: sio.MustDate("2006-05-10")},
				{IIN: wife, Address: "г. Алматы, ул. Гоголя, д. 3", RegionKATO: "75", RegisteredFrom: sio.MustDate("1980-05-01"),
					RegisteredTo: date("2006-05-10"), DeregistrationReasonRu: "Убытие на новое место жительства"},
			},
		}, {
			Person: &sio.Person{IIN: man},
			Documents: []sio.IdentityDocument{{ID: 4, IIN: man, Kind: sio.DocUSSRPassport, KindRu: "Паспорт гражданина СССР", Number: "IV-ЖА 123456",
				LastName: "Петров", FirstName: "Иван", Gender: sio.Male, IssueDate: sio.MustDate("1978-01-01"), Issuer: "МВД СССР",
				IssueReasonRu: "x", RegionKATO: "35", Status: sio.DocInvalidated, StatusDate: date("1994-01-01")}},
		}}))

		var docs map[sio.IIN][]sio.IdentityDocument
		testdb.OneStatement(t, "DocumentsByPerson", func(ctx context.Context) (err error) {
			docs, err = s.DocumentsByPerson(ctx, []sio.IIN{wife, man, "000000000000"})
			return err
		})
		if ds := docs[wife]; len(ds) != 3 || ds[0].ID != 1 || ds[1].ID != 2 || ds[2].Kind != sio.DocPassport ||
			ds[1].StatusDate.String() != "2016-05-20" || ds[2].StatusDate != nil || ds[0].ExpiryDate.String() != "2006-06-01" {
			t.Fatalf("documents (oldest first) = %+v", ds)
		}
		if ds := docs[man]; len(ds) != 1 || ds[0].ExpiryDate != nil || ds[0].Number != "IV-ЖА 123456" || len(docs) != 2 {
			t.Fatalf("USSR passport without a term = %+v (all %v)", ds, docs)
		}
		var byNumber map[string]*sio.IdentityDocument
		testdb.OneStatement(t, "DocumentsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DocumentsByNumber(ctx, []string{"012345678", "999999999"})
			return err
		})
		if d := byNumber["012345678"]; len(byNumber) != 1 || d == nil || d.IIN != wife || d.LastName != "Сейтова" {
			t.Fatalf("by number = %+v", byNumber)
		}
		var surnames map[sio.IIN][]sio.SurnameChange
		testdb.OneStatement(t, "SurnamesByPerson", func(ctx context.Context) (err error) {
			surnames, err = s.SurnamesByPerson(ctx, []sio.IIN{wife, man})
			return err
		})
		if cs := surnames[wife]; len(surnames) != 1 || len(cs) != 1 || cs[0].PreviousLastName != "Ахметова" || cs[0].ChangedOn.String() != "2006-05-01" {
			t.Fatalf("surnames = %+v", surnames)
		}
		var regs map[sio.IIN][]sio.AddressRegistration
		testdb.OneStatement(t, "AddressesByPerson", func(ctx context.Context) (err error) {
			regs, err = s.AddressesByPerson(ctx, []sio.IIN{wife})
			return err
		})
		if as := regs[wife]; len(as) != 2 || as[0].RegisteredTo == nil || as[0].Address != "г. Алматы, ул. Гоголя, д. 3" || as[1].RegisteredTo != nil {
			t.Fatalf("registrations (oldest first) = %+v", as)
		}
		var photos map[sio.IIN]*sio.IdentityPhoto
		testdb.OneStatement(t, "PhotosByPerson", func(ctx context.Context) (err error) {
			photos, err = s.PhotosByPerson(ctx, []sio.IIN{wife, man})
			return err
		})
		// The latest document's photo; USSR passports have none.
		if ph := photos[wife]; len(photos) != 1 || ph == nil || ph.ID != 3 || ph.DocumentNumber != "N12345678" || ph.TakenOn.String() != "2018-01-01" {
			t.Fatalf("photos by person = %+v", photos)
		}
		var byID map[int64]*sio.IdentityPhoto
		testdb.OneStatement(t, "PhotosByID", func(ctx context.Context) (err error) {
			byID, err = s.PhotosByID(ctx, []int64{1, 4, 99})
			return err
		})
		if ph := byID[1]; len(byID) != 1 || ph == nil || ph.LastName != "Ахметова" || ph.IIN != wife {
			t.Fatalf("photos by id = %+v", byID)
		}
	})
}

// generate runs a Chronicle over a generated population.
func generate(t *testing.T, cfg synth.Config) ([]popdocs.File, map[sio.IIN]*sio.Person) {
	t.Helper()
	c := popdocs.NewChronicle(cfg.Seed)
	var out []popdocs.File
	persons := map[sio.IIN]*sio.Person{}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		for _, f := range c.Files(b) {
			p := *f.Person
			f.Person = &p
			persons[p.IIN] = &p
			out = append(out, f)
		}
		return nil
	}))
	return out, persons
}

func TestChronicleIsDeterministicAndRealistic(t *testing.T) {
	cfg := synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000}
	a, persons := generate(t, cfg)
	cfg.BatchPersons = 700
	b, _ := generate(t, cfg)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("batch cuts changed the files (%d vs %d)", len(a), len(b))
	}
	if c, _ := generate(t, synth.Config{Seed: 4, Persons: 3000}); reflect.DeepEqual(c[0].Documents, a[0].Documents) {
		t.Fatal("another seed gave the same first file")
	}
	today := synth.Today()
	numbers := map[string]bool{}
	kinds := map[sio.IdentityDocumentKind]int{}
	statuses := map[sio.IdentityDocumentStatus]int{}
	ids := map[int64]bool{}
	cardRe := regexp.MustCompile(`^[01]\d{8}$`)
	passRe := regexp.MustCompile(`^N\d{8}$`)
	ussrRe := regexp.MustCompile(`^[IVX]+-[А-Я]{2} \d{6}$`)
	var changes, moves int
	for _, f := range a {
		p := persons[f.Person.IIN]
		end := synth.End(p)
		var current *sio.IdentityDocument
		for i := range f.Documents {
			d := &f.Documents[i]
			kinds[d.Kind]++
			statuses[d.Status]++
			if numbers[d.Number] || ids[d.ID] {
				t.Fatalf("duplicate number or id: %+v", d)
			}
			numbers[d.Number], ids[d.ID] = true, true
			if d.IssueDate.After(end.Time) || d.IssueDate.Before(synth.AddYears(p.BirthDate, 16).Time) {
				t.Fatalf("%s: issued %s outside 16th birthday..%s: %+v", p.IIN, d.IssueDate, end, d)
			}
			if d.StatusDate != nil && (d.StatusDate.After(today.Time) || d.StatusDate.Before(d.IssueDate.Time)) {
				t.Fatalf("status date out of order: %+v", d)
			}
			if (d.Status == sio.DocValid) != (d.StatusDate == nil) || (d.Status == sio.DocValid && !d.ExpiryDate.After(today.Time)) {
				t.Fatalf("status %s vs dates: %+v", d.Status, d)
			}
			if d.FirstName != p.FirstName || d.Issuer == "" || d.RegionKATO == "" {
				t.Fatalf("document fields: %+v", d)
			}
			switch d.Kind {
			case sio.DocIDCard, sio.DocResidencePermit:
				if !cardRe.MatchString(d.Number) || d.ExpiryDate == nil || synth.AddYears(d.IssueDate, 10) != *d.ExpiryDate {
					t.Fatalf("identity card: %+v", d)
				}
				if d.Issuer == "МЮ РК" && (d.IssueDate.Year() < 2001 || d.IssueDate.Year() > 2011) {
					t.Fatalf("justice issued outside 2001-2011: %+v", d)
				}
				if current == nil || !d.IssueDate.Before(current.IssueDate.Time) {
					current = d
				}
			case sio.DocPassport:
				if !passRe.MatchString(d.Number) || p.Citizenship != "KZ" {
					t.Fatalf("passport: %+v", d)
				}
			case sio.DocUSSRPassport:
				if !ussrRe.MatchString(d.Number) || d.ExpiryDate != nil || d.IssueDate.Year() > 1995 {
					t.Fatalf("USSR passport: %+v", d)
				}
			}
		}
		// ГБД ФЛ's document is the last identity card (or permit).
		if current == nil || current.Number != p.DocumentNumber {
			t.Fatalf("%s: ГБД ФЛ document %s, last card %+v", p.IIN, p.DocumentNumber, current)
		}
		if p.DeathDate == nil && current.Status != sio.DocValid && current.Status != sio.DocExpired {
			t.Fatalf("living person's last card: %+v", current)
		}
		if (p.Citizenship == "KZ") != (current.Kind == sio.DocIDCard) {
			t.Fatalf("citizenship %s with %s", p.Citizenship, current.Kind)
		}
		for _, c := range f.Surnames {
			changes++
			if c.NewLastName != p.LastName || c.PreviousLastName == p.LastName || p.Gender != sio.Female || c.ChangedOn.After(end.Time) {
				t.Fatalf("surname change: %+v of %+v", c, p)
			}
			for _, d := range f.Documents {
				if d.Kind != sio.DocUSSRPassport && d.IssueDate.Before(c.ChangedOn.Time) && d.LastName != c.PreviousLastName {
					t.Fatalf("document before the change does not bear the maiden name: %+v", d)
				}
			}
		}
		last := f.Addresses[len(f.Addresses)-1]
		if last.Address != p.Address || (last.RegisteredTo != nil) != (p.DeathDate != nil) {
			t.Fatalf("current registration %+v of %+v", last, p)
		}
		for i, r := range f.Addresses {
			if r.RegisteredFrom.After(end.Time) || (r.RegisteredTo != nil && r.RegisteredTo.Before(r.RegisteredFrom.Time)) {
				t.Fatalf("registration dates: %+v", r)
			}
			if i > 0 {
				moves++
				if *f.Addresses[i-1].RegisteredTo != r.RegisteredFrom {
					t.Fatalf("registrations do not follow each other: %+v", f.Addresses)
				}
			}
		}
	}
	for _, k := range []sio.IdentityDocumentKind{sio.DocIDCard, sio.DocPassport, sio.DocUSSRPassport, sio.DocResidencePermit} {
		if kinds[k] == 0 {
			t.Fatalf("no %s: %v", k, kinds)
		}
	}
	for _, s := range []sio.IdentityDocumentStatus{sio.DocValid, sio.DocReplaced, sio.DocExpired, sio.DocLost, sio.DocInvalidated} {
		if statuses[s] == 0 {
			t.Fatalf("no %s: %v", s, statuses)
		}
	}
	if changes == 0 || moves == 0 {
		t.Fatalf("surname changes %d, moves %d", changes, moves)
	}
	t.Logf("%d files: kinds %v, statuses %v, %d surname changes, %d moves", len(a), kinds, statuses, changes, moves)
}
