package contacts_test

import (
	"cmp"
	"context"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"sio"
	"sio/connectors/contacts"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := contacts.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		mother := testdb.IIN(t, "1980-01-01", sio.Female, 1)
		son := testdb.IIN(t, "2015-01-01", sio.Male, 1)
		director := testdb.IIN(t, "1970-01-01", sio.Male, 1)
		company := testdb.BIN(t, "2012-05-01", 3)
		since := sio.MustDate("2016-01-01")
		ended := sio.MustDate("2019-01-01")
		testdb.Must(t, s.Insert(ctx, []sio.ContactPhone{
			{ID: 1, Phone: "+77011234567", OwnerID: string(mother), OwnerKind: sio.SubjectPerson, Kind: sio.PhoneMobile, OperatorRu: "АО «Кселл»", SourceRu: "оператор", Since: since},
			{ID: 2, Phone: "+77011234567", OwnerID: string(son), OwnerKind: sio.SubjectPerson, Kind: sio.PhoneMobile, OperatorRu: "АО «Кселл»", SourceRu: "ЦОН", Since: since},
			{ID: 3, Phone: "+77272345670", OwnerID: string(mother), OwnerKind: sio.SubjectPerson, Kind: sio.PhoneHome, OperatorRu: "АО «Казахтелеком»", SourceRu: "Казахтелеком", Since: sio.MustDate("2001-01-01")},
			{ID: 4, Phone: "+77059990000", OwnerID: string(mother), OwnerKind: sio.SubjectPerson, Kind: sio.PhoneMobile, OperatorRu: "Beeline", SourceRu: "оператор", Since: sio.MustDate("2010-01-01"), Until: &ended},
			{ID: 5, Phone: "+77172999997", OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity, Kind: sio.PhoneWork, OperatorRu: "АО «Казахтелеком»", SourceRu: "ГБД ЮЛ", Since: since},
			{ID: 6, Phone: "+77172999997", OwnerID: string(director), OwnerKind: sio.SubjectPerson, Kind: sio.PhoneWork, OperatorRu: "АО «Казахтелеком»", SourceRu: "ГБД ЮЛ", Since: since},
		}, []sio.ContactAddress{
			{ID: 1, OwnerID: string(mother), OwnerKind: sio.SubjectPerson, Kind: sio.AddressRegistered, Address: "г. Алматы, ул. Әуезова, д. 1, кв. 5", RegionKATO: "75", SourceRu: "ГБД ФЛ", Since: since},
			{ID: 2, OwnerID: string(son), OwnerKind: sio.SubjectPerson, Kind: sio.AddressRegistered, Address: "г. Алматы, ул. Әуезова, д. 1, кв. 5", RegionKATO: "75", SourceRu: "ГБД ФЛ", Since: sio.MustDate("2015-01-01")},
			{ID: 3, OwnerID: string(director), OwnerKind: sio.SubjectPerson, Kind: sio.AddressRegistered, Address: "г. Алматы, ул. Әуезова, д. 12", RegionKATO: "75", SourceRu: "ГБД ФЛ", Since: since},
			{ID: 4, OwnerID: string(director), OwnerKind: sio.SubjectPerson, Kind: sio.AddressActual, Address: "г. Астана, пр. Мәңгілік Ел, д. 1, кв. 100", RegionKATO: "71", SourceRu: "операторы", Since: ended},
			{ID: 5, OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity, Kind: sio.AddressLegal, Address: "г. Алматы, ул. Әуезова, д. 1-а, офис 3", RegionKATO: "75", SourceRu: "ГБД ЮЛ", Since: since},
			{ID: 6, OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity, Kind: sio.AddressActual, Address: "г. Алматы, ул. Фёдорова, д. 1", RegionKATO: "75", SourceRu: "РН", Since: since},
		}))

		var byOwner map[string][]sio.ContactPhone
		testdb.OneStatement(t, "PhonesByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.PhonesByOwner(ctx, []string{string(mother), string(company), "000000000000"})
			return err
		})
		if ps := byOwner[string(mother)]; len(byOwner) != 2 || len(ps) != 3 || ps[0].Kind != sio.PhoneHome || ps[1].Until == nil || ps[2].ID != 1 {
			t.Fatalf("phones by owner (oldest first) = %+v", byOwner)
		}
		var byNumber map[string][]sio.ContactPhone
		testdb.OneStatement(t, "PhonesByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.PhonesByNumber(ctx, []string{"+77172999997", "+77011234567", "+77000000000"})
			return err
		})
		if len(byNumber) != 2 || len(byNumber["+77011234567"]) != 2 || byNumber["+77172999997"][1].OwnerID != string(director) {
			t.Fatalf("holders by number = %+v", byNumber)
		}
		var addrs map[string][]sio.ContactAddress
		testdb.OneStatement(t, "AddressesByOwner", func(ctx context.Context) (err error) {
			addrs, err = s.AddressesByOwner(ctx, []string{string(director), string(son)})
			return err
		})
		if as := addrs[string(director)]; len(addrs) != 2 || len(as) != 2 || as[1].Kind != sio.AddressActual || as[1].Region().KATO != "71" {
			t.Fatalf("addresses by owner = %+v", addrs)
		}
		search := func(text string, limit int) []int64 {
			t.Helper()
			var as []sio.ContactAddress
			testdb.OneStatement(t, "SearchAddresses", func(ctx context.Context) (err error) {
				as, err = s.SearchAddresses(ctx, text, limit)
				return err
			})
			var ids []int64
			for _, a := range as {
				ids = append(ids, a.ID)
			}
			return ids
		}
		for _, c := range []struct {
			text  string
			limit int
			want  []int64
		}{
			// Whole components: the house 1 (and its flats), not 12 or 1-а.
			{"г. Алматы, ул. Әуезова, д. 1", 10, []int64{1, 2}},
			{"Г.АЛМАТЫ ,  ул.ӘУЕЗОВА", 10, []int64{1, 2, 5, 3}},
			// From the street on, in any locality.
			{"ул Әуезова, д 12", 10, []int64{3}},
			{"пр. Мәңгілік ел, д. 1", 10, []int64{4}},
			// Ё is Е.
			{"ул. Федорова", 10, []int64{6}},
			{"г. Алматы, ул. Әуезова, д. 1-а", 10, []int64{5}},
			{"г. Алмат", 10, nil},
			// Ordered by the key, byte-wise: Ф before Ә.
			{"г. Алматы", 2, []int64{6, 1}},
		} {
			if got := search(c.text, c.limit); !reflect.DeepEqual(got, c.want) {
				t.Fatalf("search %q = %v, want %v", c.text, got, c.want)
			}
		}
	})
}

func TestAddressKeys(t *testing.T) {
	k := contacts.AddressKey(" Карагандинская обл., Бухар-Жырауский р-н,пос.Ботакара , ул. Тәуелсіздік, д. 10 ")
	if k != "КАРАГАНДИНСКАЯ ОБЛ, БУХАР-ЖЫРАУСКИЙ Р-Н, ПОС БОТАКАРА, УЛ ТӘУЕЛСІЗДІК, Д 10" {
		t.Fatalf("key %q", k)
	}
	if s := contacts.StreetKey(k); s != "УЛ ТӘУЕЛСІЗДІК, Д 10" {
		t.Fatalf("street key %q", s)
	}
	if s := contacts.StreetKey(contacts.AddressKey("г. Шымкент, мкр. Жетысу-3, д. 8")); s != "МКР ЖЕТЫСУ-3, Д 8" {
		t.Fatalf("street key %q", s)
	}
}

type generated struct {
	phones    []sio.ContactPhone
	addresses []sio.ContactAddress
	persons   map[string]*sio.Person
	entities  map[string]*sio.LegalEntity
	kin       map[sio.IIN][2]sio.IIN // mother, father
}

func generate(t *testing.T, cfg synth.Config) generated {
	t.Helper()
	ctx := context.Background()
	s, err := contacts.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	g := generated{persons: map[string]*sio.Person{}, entities: map[string]*sio.LegalEntity{}, kin: map[sio.IIN][2]sio.IIN{}}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		for i := range b.Persons {
			p := b.Persons[i]
			g.persons[string(p.IIN)] = &p
		}
		for i := range b.Entities {
			e := b.Entities[i]
			g.entities[string(e.BIN)] = &e
		}
		k := synth.KinOf(b)
		for c := range k.ByIIN {
			g.kin[c] = [2]sio.IIN{k.Mother[c], k.Father[c]}
		}
		return f(ctx, b)
	}))
	testdb.Must(t, s.DB().Select(ctx, &g.phones, s.DB().Q(`SELECT id, phone, owner_id, owner_kind, kind, operator_ru, source_ru, since, until FROM {phones} ORDER BY id`)))
	testdb.Must(t, s.DB().Select(ctx, &g.addresses, s.DB().Q(`SELECT id, owner_id, owner_kind, kind, address, region_kato, source_ru, since, until FROM {addresses} ORDER BY id`)))
	return g
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a := generate(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000})
	b := generate(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700})
	if len(a.phones) == 0 || !reflect.DeepEqual(a.phones, b.phones) || !reflect.DeepEqual(a.addresses, b.addresses) {
		t.Fatalf("batch cuts changed the register (%d/%d phones)", len(a.phones), len(b.phones))
	}
	if c := generate(t, synth.Config{Seed: 4, Persons: 3000}); reflect.DeepEqual(c.phones[0], a.phones[0]) {
		t.Fatal("another seed gave the same first phone")
	}
	today := synth.Today()
	mobileRe := regexp.MustCompile(`^\+77(00|01|02|05|07|08|47|71|75|76|77|78)\d{7}$`)
	landRe := regexp.MustCompile(`^\+77\d{9}$`)
	holders := map[string][]sio.ContactPhone{}
	for _, p := range a.phones {
		holders[p.Phone] = append(holders[p.Phone], p)
		if p.Since.After(today.Time) || (p.Until != nil && p.Until.Before(p.Since.Time)) || p.OperatorRu == "" || p.SourceRu == "" {
			t.Fatalf("phone dates or source: %+v", p)
		}
		if (p.Kind == sio.PhoneMobile && !mobileRe.MatchString(p.Phone)) || !landRe.MatchString(p.Phone) {
			t.Fatalf("number format: %+v", p)
		}
	}
	var homes, guardians, directors int
	for n, hs := range holders {
		slices.SortFunc(hs, func(x, y sio.ContactPhone) int { return cmp.Compare(x.ID, y.ID) })
		switch first := hs[0]; first.Kind {
		case sio.PhoneHome:
			// A home line: the members of one family at one address.
			for _, h := range hs {
				if h.Kind != sio.PhoneHome || a.persons[h.OwnerID].Address != a.persons[first.OwnerID].Address {
					t.Fatalf("home line %s shared outside the home: %+v", n, hs)
				}
			}
			if len(hs) > 1 {
				homes++
			}
		case sio.PhoneWork:
			// A company's number, and its director's.
			e := a.entities[first.OwnerID]
			if e == nil {
				t.Fatalf("work number %s of no company: %+v", n, hs)
			}
			for _, h := range hs[1:] {
				if h.OwnerKind != sio.SubjectPerson || e.DirectorIIN == nil || string(*e.DirectorIIN) != h.OwnerID {
					t.Fatalf("company number %s used by another than the director: %+v", n, hs)
				}
				directors++
			}
		case sio.PhoneMobile:
			// A person's own number, also given for the person's children.
			for _, h := range hs[1:] {
				k := a.kin[sio.IIN(h.OwnerID)]
				if h.SourceRu == first.SourceRu || (string(k[0]) != first.OwnerID && string(k[1]) != first.OwnerID) {
					t.Fatalf("mobile %s shared outside parent and child: %+v", n, hs)
				}
				guardians++
			}
		}
	}
	if homes == 0 || guardians == 0 || directors == 0 {
		t.Fatalf("shared numbers: %d homes, %d children, %d directors", homes, guardians, directors)
	}
	kinds := map[sio.ContactAddressKind]int{}
	registered := map[string]bool{}
	for _, ad := range a.addresses {
		kinds[ad.Kind]++
		switch ad.Kind {
		case sio.AddressRegistered:
			registered[ad.OwnerID] = true
			if p := a.persons[ad.OwnerID]; p == nil || p.Address != ad.Address || p.RegionKATO != ad.RegionKATO {
				t.Fatalf("registered address is not ГБД ФЛ's: %+v", ad)
			}
		case sio.AddressLegal:
			if e := a.entities[ad.OwnerID]; e == nil || e.Address != ad.Address {
				t.Fatalf("legal address is not ГБД ЮЛ's: %+v", ad)
			}
		}
		if ad.Since.After(today.Time) {
			t.Fatalf("address dated after today: %+v", ad)
		}
	}
	if len(registered) != len(a.persons) || kinds[sio.AddressActual] == 0 || kinds[sio.AddressLegal] != len(a.entities) {
		t.Fatalf("addresses %v for %d persons, %d entities", kinds, len(a.persons), len(a.entities))
	}
	t.Logf("%d phones (%d numbers; %d shared homes, %d children, %d directors), addresses %v",
		len(a.phones), len(holders), homes, guardians, directors, kinds)
}
