package postal_test

import (
	"context"
	"reflect"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/postal"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestS10CheckDigit(t *testing.T) {
	for _, tc := range []struct {
		serial string
		want   byte
	}{{"12345678", '5'}, {"47312482", '9'}, {"00000000", '5'}, {"00000001", '4'}} {
		if d, ok := sio.S10CheckDigit(tc.serial); !ok || d != tc.want {
			t.Errorf("S10CheckDigit(%s) = %c, %v; want %c", tc.serial, d, ok, tc.want)
		}
	}
	for s, want := range map[string]bool{"RR123456785KZ": true, "RR123456784KZ": false, "rr123456785KZ": false, "RR12345678KZ": false, "R1123456785KZ": false} {
		if sio.ValidTrackingNumber(s) != want {
			t.Errorf("ValidTrackingNumber(%s) != %v", s, want)
		}
	}
}

func TestPostal(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := postal.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		mother := testdb.IIN(t, "1956-03-08", sio.Female, 30)
		son := testdb.IIN(t, "1984-11-02", sio.Male, 31)
		company := testdb.BIN(t, "2014-05-01", 9)
		person, entity := sio.SubjectPerson, sio.SubjectLegalEntity
		testdb.Must(t, s.Insert(ctx, []sio.PostalItem{
			{TrackingNumber: "CC123456785KZ", Kind: sio.PostalParcel, KindRu: "Посылка", SenderID: ptr(string(mother)), SenderKind: &person,
				SenderName: "Ахметова Сауле Каримовна", SenderAddress: "Костанайская обл., г. Рудный, ул. Мира, д. 3", RecipientID: ptr(string(son)),
				RecipientKind: &person, RecipientName: "Ахметов Нурлан Серикович", RecipientAddress: "г. Астана, ул. Кенесары, д. 5, кв. 12",
				OriginIndex: "110512", OriginOffice: "ОПС 110512, Костанайская обл., г. Рудный", DestinationIndex: "010011",
				DestinationOffice: "ОПС 010011, г. Астана", AcceptedOn: sio.MustDate("2024-03-01"), DeliveredOn: ptr(sio.MustDate("2024-03-07")),
				WeightGrams: 4200, Status: sio.PostalDelivered},
			{TrackingNumber: "RB473124829CN", Kind: sio.PostalSmallPacket, KindRu: "Мелкий пакет", SenderName: "Cainiao Network (AliExpress)",
				SenderAddress: "Hangzhou, Zhejiang, China", RecipientID: ptr(string(son)), RecipientKind: &person, RecipientName: "Ахметов Нурлан Серикович",
				RecipientAddress: "г. Астана, ул. Кенесары, д. 5, кв. 12", OriginIndex: "CNSZXA", OriginOffice: "Участок международного обмена Шэньчжэнь (Китай)",
				DestinationIndex: "010011", DestinationOffice: "ОПС 010011, г. Астана", AcceptedOn: sio.MustDate("2024-12-20"),
				WeightGrams: 310, Status: sio.PostalInTransit},
			{TrackingNumber: "EA000000015CN", Kind: sio.PostalEMS, KindRu: "EMS-отправление", SenderName: "Shenzhen Topsun Electronics Co., Ltd.",
				SenderAddress: "Shenzhen, Guangdong, China", RecipientID: ptr(string(company)), RecipientKind: &entity, RecipientName: "ТОО «Алтын Торг»",
				RecipientAddress: "г. Алматы, пр. Абая, д. 9, офис 4", OriginIndex: "CNSZXA", OriginOffice: "Участок международного обмена Шэньчжэнь (Китай)",
				DestinationIndex: "050012", DestinationOffice: "ОПС 050012, г. Алматы", AcceptedOn: sio.MustDate("2023-06-10"),
				DeliveredOn: ptr(sio.MustDate("2023-06-19")), WeightGrams: 1800, Status: sio.PostalDelivered},
		}))

		var byParty map[string][]sio.PostalItem
		testdb.OneStatement(t, "ItemsByParty", func(ctx context.Context) (err error) {
			byParty, err = s.ItemsByParty(ctx, []string{string(mother), string(son), string(company), "000000000000"})
			return err
		})
		if items := byParty[string(son)]; len(items) != 2 || items[0].TrackingNumber != "RB473124829CN" || items[0].SenderID != nil ||
			items[0].OriginCountry() != "CN" || items[1].SenderKind == nil || *items[1].SenderKind != sio.SubjectPerson || items[1].DeliveredOn.String() != "2024-03-07" {
			t.Fatalf("son's items (newest first, sent and received) = %+v", items)
		}
		if items := byParty[string(mother)]; len(items) != 1 || *items[0].RecipientID != string(son) || items[0].WeightGrams != 4200 {
			t.Fatalf("mother's items (sent) = %+v", items)
		}
		if items := byParty[string(company)]; len(items) != 1 || *items[0].RecipientKind != sio.SubjectLegalEntity {
			t.Fatalf("company's items = %+v", items)
		}
		if _, ok := byParty["000000000000"]; ok || len(byParty) != 3 {
			t.Fatalf("subjects without items must be absent: %v", byParty)
		}
		var byTracking map[string]*sio.PostalItem
		testdb.OneStatement(t, "ItemsByTracking", func(ctx context.Context) (err error) {
			byTracking, err = s.ItemsByTracking(ctx, []string{"CC123456785KZ", "RR000000015KZ"})
			return err
		})
		if it := byTracking["CC123456785KZ"]; len(byTracking) != 1 || it == nil || it.DestinationIndex != "010011" || it.Status != sio.PostalDelivered {
			t.Fatalf("by tracking = %+v", byTracking)
		}
	})
}

// fill runs the connector's filler over a generated population.
func fill(t *testing.T, cfg synth.Config) []sio.PostalItem {
	t.Helper()
	ctx := context.Background()
	s, err := postal.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error { return f(ctx, b) }))
	var items []sio.PostalItem
	testdb.Must(t, s.DB().Select(ctx, &items, s.DB().Q(`SELECT * FROM {items} ORDER BY tracking_number`)))
	return items
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000})
	b := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("items: %d with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("batch cuts changed the data: %+v vs %+v", a[i], b[i])
		}
	}
	if c := fill(t, synth.Config{Seed: 4, Persons: 3000}); len(c) > 0 && c[0].TrackingNumber == a[0].TrackingNumber && c[0].RecipientName == a[0].RecipientName {
		t.Fatal("another seed gave the same first item")
	}
	today := synth.Today()
	index := regexp.MustCompile(`^\d{6}$`)
	kinds := map[sio.PostalItemKind]int{}
	status := map[sio.PostalItemStatus]int{}
	var between, returned int
	for _, it := range a {
		kinds[it.Kind]++
		status[it.Status]++
		if !sio.ValidTrackingNumber(it.TrackingNumber) || it.AcceptedOn.After(today.Time) || it.WeightGrams <= 0 ||
			!index.MatchString(it.DestinationIndex) || it.RecipientName == "" || it.SenderName == "" {
			t.Fatalf("item: %+v", it)
		}
		if (it.DeliveredOn != nil) != (it.Status == sio.PostalDelivered) ||
			(it.DeliveredOn != nil && (it.DeliveredOn.Before(it.AcceptedOn.Time) || it.DeliveredOn.After(today.Time))) {
			t.Fatalf("delivery does not match the status: %+v", it)
		}
		domestic := it.OriginCountry() == "KZ"
		if domestic != index.MatchString(it.OriginIndex) || (!domestic && it.SenderID != nil) {
			t.Fatalf("origin of %s: %s", it.TrackingNumber, it.OriginIndex)
		}
		if it.SenderID != nil && it.RecipientID != nil {
			between++
		}
		if it.Status == sio.PostalReturned {
			returned++
		}
	}
	if kinds[sio.PostalSmallPacket] == 0 || kinds[sio.PostalParcel] == 0 || kinds[sio.PostalRegisteredLetter] == 0 || kinds[sio.PostalEMS] == 0 ||
		between == 0 || returned == 0 || status[sio.PostalDelivered] < len(a)/2 {
		t.Fatalf("kinds %v, statuses %v, between persons %d", kinds, status, between)
	}
}
