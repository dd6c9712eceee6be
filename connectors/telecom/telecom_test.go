package telecom_test

import (
	"context"
	"reflect"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/telecom"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestTelecom(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := telecom.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		father := testdb.IIN(t, "1948-02-11", sio.Male, 20)
		son := testdb.IIN(t, "1976-09-30", sio.Male, 21)
		company := testdb.BIN(t, "2011-03-01", 5)
		const home, office = "+77272501234", "+77172555010"
		addr := "г. Алматы, ул. Гагарина, д. 9, кв. 14"
		testdb.Must(t, s.Insert(ctx, []sio.FixedLineSubscription{
			{ContractNumber: "7510000001", PhoneNumber: home, SubscriberID: string(father), SubscriberKind: sio.SubjectPerson,
				SubscriberName: "Сейткалиев Марат Ержанович", Address: addr, RegionKATO: "75", ContractDate: sio.MustDate("1998-04-02"),
				TerminatedOn: ptr(sio.MustDate("2019-07-15")), Status: sio.SubscriptionTerminated, ServiceList: "PHONE,INTERNET",
				InternetTariff: ptr("Megaline Turbo Plus"), Branch: "Дирекция телекоммуникаций г. Алматы АО «Казахтелеком»"},
			{ContractNumber: "7510000002", PhoneNumber: home, SubscriberID: string(son), SubscriberKind: sio.SubjectPerson,
				SubscriberName: "Сейткалиев Ержан Маратович", Address: addr, RegionKATO: "75", ContractDate: sio.MustDate("2019-07-15"),
				Status: sio.SubscriptionActive, ServiceList: "PHONE,INTERNET,IPTV", InternetTariff: ptr("ID Net 300"),
				Branch: "Дирекция телекоммуникаций г. Алматы АО «Казахтелеком»"},
			{ContractNumber: "7120000001", PhoneNumber: office, SubscriberID: string(company), SubscriberKind: sio.SubjectLegalEntity,
				SubscriberName: "ТОО «Алтын Торг»", Address: "г. Астана, пр. Республики, д. 9, офис 21", RegionKATO: "71",
				ContractDate: sio.MustDate("2012-01-20"), Status: sio.SubscriptionSuspended, ServiceList: "PHONE",
				Branch: "Дирекция телекоммуникаций г. Астаны АО «Казахтелеком»"},
		}))

		var bySub map[string][]sio.FixedLineSubscription
		testdb.OneStatement(t, "SubscriptionsBySubscriber", func(ctx context.Context) (err error) {
			bySub, err = s.SubscriptionsBySubscriber(ctx, []string{string(father), string(son), string(company), "000000000000"})
			return err
		})
		if cs := bySub[string(father)]; len(cs) != 1 || cs[0].TerminatedOn == nil || cs[0].TerminatedOn.String() != "2019-07-15" ||
			*cs[0].InternetTariff != "Megaline Turbo Plus" || len(cs[0].Services()) != 2 || cs[0].Services()[1] != sio.FixedLineInternet {
			t.Fatalf("father's contracts = %+v", cs)
		}
		if cs := bySub[string(company)]; len(cs) != 1 || cs[0].InternetTariff != nil || cs[0].TerminatedOn != nil ||
			cs[0].Region().NameRu != "г. Астана" || cs[0].Status != sio.SubscriptionSuspended {
			t.Fatalf("company's contracts = %+v", cs)
		}
		if _, ok := bySub["000000000000"]; ok || len(bySub) != 3 {
			t.Fatalf("subscribers without contracts must be absent: %v", bySub)
		}
		var byPhone map[string][]sio.FixedLineSubscription
		testdb.OneStatement(t, "SubscriptionsByPhone", func(ctx context.Context) (err error) {
			byPhone, err = s.SubscriptionsByPhone(ctx, []string{home, office, "+77000000000"})
			return err
		})
		if cs := byPhone[home]; len(cs) != 2 || cs[0].SubscriberID != string(son) || cs[1].SubscriberID != string(father) {
			t.Fatalf("contracts on the household number (latest first) = %+v", cs)
		}
		if _, ok := byPhone["+77000000000"]; ok || len(byPhone[office]) != 1 {
			t.Fatalf("by phone = %v", byPhone)
		}
	})
}

// fill runs the connector's filler over a generated population and returns
// its contracts and the population's persons.
func fill(t *testing.T, cfg synth.Config) ([]sio.FixedLineSubscription, map[sio.IIN]sio.Person) {
	t.Helper()
	ctx := context.Background()
	s, err := telecom.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	persons := map[sio.IIN]sio.Person{}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		for _, p := range b.Persons {
			persons[p.IIN] = p
		}
		return f(ctx, b)
	}))
	var cs []sio.FixedLineSubscription
	testdb.Must(t, s.DB().Select(ctx, &cs, s.DB().Q(`SELECT * FROM {subscriptions} ORDER BY contract_number`)))
	return cs, persons
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, persons := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000})
	b, _ := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("contracts: %d with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("batch cuts changed the data: %+v vs %+v", a[i], b[i])
		}
	}
	if c, _ := fill(t, synth.Config{Seed: 4, Persons: 3000}); len(c) > 0 && c[0].PhoneNumber == a[0].PhoneNumber && c[0].SubscriberID == a[0].SubscriberID {
		t.Fatal("another seed gave the same first contract")
	}
	today := synth.Today()
	e164 := regexp.MustCompile(`^\+77[12]\d{8}$`)
	onNumber := map[string][]sio.FixedLineSubscription{}
	var persons0, companies, reRegistered, internet int
	for _, c := range a {
		onNumber[c.PhoneNumber] = append(onNumber[c.PhoneNumber], c)
		if !e164.MatchString(c.PhoneNumber) || c.ContractDate.After(today.Time) || c.Branch == "" || c.Region() == nil {
			t.Fatalf("contract: %+v", c)
		}
		if (c.TerminatedOn != nil) != (c.Status == sio.SubscriptionTerminated) ||
			(c.TerminatedOn != nil && (c.TerminatedOn.Before(c.ContractDate.Time) || c.TerminatedOn.After(today.Time))) {
			t.Fatalf("termination does not match the status: %+v", c)
		}
		if (c.InternetTariff != nil) != (len(c.Services()) > 1) || c.Services()[0] != sio.FixedLinePhone {
			t.Fatalf("services %q with tariff %v", c.ServiceList, c.InternetTariff)
		}
		if c.InternetTariff != nil {
			internet++
		}
		if c.SubscriberKind == sio.SubjectPerson {
			persons0++
			p, ok := persons[sio.IIN(c.SubscriberID)]
			if !ok || p.Address != c.Address || p.FullName() != c.SubscriberName ||
				c.ContractDate.Before(synth.AddYears(p.BirthDate, 18).Time) || (p.DeathDate != nil && c.Status != sio.SubscriptionTerminated) {
				t.Fatalf("subscriber %+v of contract %+v", p, c)
			}
		} else {
			companies++
		}
	}
	// A number belongs to one household or office: its contracts follow
	// one another at one address, at most one not terminated.
	for n, cs := range onNumber {
		open := 0
		for i, c := range cs {
			if c.Status != sio.SubscriptionTerminated {
				open++
			}
			if c.Address != cs[0].Address {
				t.Fatalf("number %s at two addresses: %+v", n, cs)
			}
			if i > 0 {
				reRegistered++
			}
		}
		if open > 1 {
			t.Fatalf("number %s has %d open contracts", n, open)
		}
	}
	if persons0 == 0 || companies == 0 || reRegistered == 0 || internet == 0 {
		t.Fatalf("households %d, companies %d, re-registered %d, with internet %d", persons0, companies, reRegistered, internet)
	}
}
