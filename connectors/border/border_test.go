package border_test

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"sio"
	"sio/connectors/border"
	"sio/connectors/popdocs"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := border.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		citizen := testdb.IIN(t, "1985-02-03", sio.Male, 5)
		resident := testdb.IIN(t, "1979-06-07", sio.Female, 5)
		host := testdb.BIN(t, "2015-03-01", 9)
		at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
		airport := sio.BorderCheckpoint{Code: "A01", NameRu: "Международный аэропорт Алматы", Kind: sio.CheckpointAirport, RegionKATO: "75"}
		road := sio.BorderCheckpoint{Code: "R05", NameRu: "Қордай", Kind: sio.CheckpointRoad, RegionKATO: "31"}
		testdb.Must(t, s.Insert(ctx, border.Records{
			Citizens: []sio.BorderCrossing{
				{ID: 2, IIN: string(citizen), CrossedAt: at("2024-05-10T18:40:00Z"), Direction: sio.CrossingEntry,
					Passage:      sio.Passage{BorderCheckpoint: airport, CountryCode: "TR", Transport: sio.TransportFlight, FlightNumber: ptr("KC 912")},
					DocumentKind: sio.DocPassport, DocumentNumber: "N01234567", RouteRu: "Стамбул — Алматы", CarrierRu: "АО «Эйр Астана»"},
				{ID: 1, IIN: string(citizen), CrossedAt: at("2024-05-01T03:15:00Z"), Direction: sio.CrossingExit,
					Passage:      sio.Passage{BorderCheckpoint: airport, CountryCode: "TR", Transport: sio.TransportFlight, FlightNumber: ptr("KC 911")},
					DocumentKind: sio.DocPassport, DocumentNumber: "N01234567", RouteRu: "Алматы — Стамбул", CarrierRu: "АО «Эйр Астана»"},
			},
			Travellers: []sio.ForeignTraveller{
				{ID: 10, IIN: &resident, LastName: "IVANOVA", FirstName: "OLGA", BirthDate: sio.MustDate("1979-06-07"), Gender: sio.Female,
					Citizenship: "RU", PassportNumber: "751234567", PassportExpiry: sio.MustDate("2029-01-01"), PurposeRu: "Постоянное проживание"},
				{ID: 11, LastName: "WANG", FirstName: "WEI", BirthDate: sio.MustDate("1980-01-01"), Gender: sio.Male, Citizenship: "CN",
					PassportNumber: "E1234567", PassportExpiry: sio.MustDate("2030-01-01"), PurposeRu: "Деловой", HostID: ptr(string(host)),
					HostKind: ptr(sio.SubjectLegalEntity)},
				{ID: 12, LastName: "KIM", FirstName: "MINSU", BirthDate: sio.MustDate("1990-01-01"), Gender: sio.Male, Citizenship: "KR",
					PassportNumber: "E1234567", PassportExpiry: sio.MustDate("2030-01-01"), PurposeRu: "Туризм"},
			},
			Foreigners: []sio.BorderCrossing{
				{ID: 5, IIN: string(resident), TravellerID: ptr(int64(10)), CrossedAt: at("2023-01-01T10:00:00Z"), Direction: sio.CrossingExit,
					Passage:      sio.Passage{BorderCheckpoint: road, CountryCode: "KG", Transport: sio.TransportCar, VehiclePlate: ptr("123ABC02")},
					DocumentKind: sio.DocForeignPassport, DocumentNumber: "751234567"},
				{ID: 6, TravellerID: ptr(int64(11)), CrossedAt: at("2023-02-01T10:00:00Z"), Direction: sio.CrossingEntry,
					Passage:      sio.Passage{BorderCheckpoint: airport, CountryCode: "CN", Transport: sio.TransportFlight, FlightNumber: ptr("CZ 6032")},
					DocumentKind: sio.DocForeignPassport, DocumentNumber: "E1234567", RouteRu: "Урумчи — Алматы", CarrierRu: "China Southern Airlines"},
			},
		}))

		var cit map[sio.IIN][]sio.BorderCrossing
		testdb.OneStatement(t, "CitizenCrossings", func(ctx context.Context) (err error) {
			cit, err = s.CitizenCrossings(ctx, []sio.IIN{citizen, resident})
			return err
		})
		if cs := cit[citizen]; len(cit) != 1 || len(cs) != 2 || cs[0].ID != 1 || !cs[0].CrossedAt.Equal(at("2024-05-01T03:15:00Z")) ||
			*cs[0].FlightNumber != "KC 911" || cs[1].Checkpoint().Region().NameRu != "г. Алматы" || cs[0].TrainNumber != nil || cs[0].TravellerID != nil {
			t.Fatalf("citizen's crossings (oldest first) = %+v", cit)
		}
		var res map[sio.IIN][]sio.BorderCrossing
		testdb.OneStatement(t, "ForeignerCrossingsByPerson", func(ctx context.Context) (err error) {
			res, err = s.ForeignerCrossingsByPerson(ctx, []sio.IIN{resident, citizen})
			return err
		})
		if cs := res[resident]; len(res) != 1 || len(cs) != 1 || *cs[0].TravellerID != 10 || *cs[0].VehiclePlate != "123ABC02" {
			t.Fatalf("resident's crossings = %+v", res)
		}
		var byTraveller map[int64][]sio.BorderCrossing
		testdb.OneStatement(t, "ForeignerCrossingsByTraveller", func(ctx context.Context) (err error) {
			byTraveller, err = s.ForeignerCrossingsByTraveller(ctx, []int64{11, 12})
			return err
		})
		if cs := byTraveller[11]; len(byTraveller) != 1 || len(cs) != 1 || cs[0].IIN != "" || cs[0].CountryCode != "CN" {
			t.Fatalf("visitor's crossings = %+v", byTraveller)
		}
		var byID map[int64]*sio.ForeignTraveller
		testdb.OneStatement(t, "TravellersByID", func(ctx context.Context) (err error) {
			byID, err = s.TravellersByID(ctx, []int64{10, 99})
			return err
		})
		if tr := byID[10]; len(byID) != 1 || tr == nil || *tr.IIN != resident || tr.HostID != nil {
			t.Fatalf("travellers by id = %+v", byID)
		}
		var byPassport map[string][]sio.ForeignTraveller
		testdb.OneStatement(t, "TravellersByPassport", func(ctx context.Context) (err error) {
			byPassport, err = s.TravellersByPassport(ctx, []string{"E1234567", "X"})
			return err
		})
		// One number, two countries of issue.
		if ts := byPassport["E1234567"]; len(byPassport) != 1 || len(ts) != 2 || ts[0].Citizenship != "CN" || ts[1].Citizenship != "KR" {
			t.Fatalf("travellers by passport = %+v", byPassport)
		}
		var byHost map[string][]sio.ForeignTraveller
		testdb.OneStatement(t, "TravellersByHost", func(ctx context.Context) (err error) {
			byHost, err = s.TravellersByHost(ctx, []string{string(host), string(citizen)})
			return err
		})
		if ts := byHost[string(host)]; len(byHost) != 1 || len(ts) != 1 || ts[0].ID != 11 || *ts[0].HostKind != sio.SubjectLegalEntity {
			t.Fatalf("travellers by host = %+v", byHost)
		}
	})
}

// generate runs Journeys (and the chronicle of the same seed) over a
// generated population.
func generate(t *testing.T, cfg synth.Config) (border.Records, map[sio.IIN]*popdocs.File, map[string][]sio.Vehicle) {
	t.Helper()
	j := border.NewJourneys(cfg.Seed)
	c := popdocs.NewChronicle(cfg.Seed)
	var out border.Records
	files := map[sio.IIN]*popdocs.File{}
	cars := map[string][]sio.Vehicle{} // by owner's address
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		address := map[string]string{}
		for _, p := range b.Persons {
			address[string(p.IIN)] = p.Address
		}
		// (An address may be shared by unrelated households: the check
		// below is looser than the family rule of the generator.)
		r := j.Batch(b)
		out.Citizens = append(out.Citizens, r.Citizens...)
		out.Travellers = append(out.Travellers, r.Travellers...)
		out.Foreigners = append(out.Foreigners, r.Foreigners...)
		for _, f := range c.Files(b) {
			p := *f.Person
			f.Person = &p
			files[p.IIN] = &f
		}
		for _, v := range b.Vehicles {
			cars[address[v.OwnerID]] = append(cars[address[v.OwnerID]], v)
		}
		return nil
	}))
	// Persons and entities are separate streams: a batch cut changes how
	// their records interleave, not the records.
	for _, cs := range [][]sio.BorderCrossing{out.Citizens, out.Foreigners} {
		slices.SortFunc(cs, func(x, y sio.BorderCrossing) int { return cmp.Compare(x.ID, y.ID) })
	}
	slices.SortFunc(out.Travellers, func(x, y sio.ForeignTraveller) int { return cmp.Compare(x.ID, y.ID) })
	return out, files, cars
}

func TestJourneysAreDeterministicAndRealistic(t *testing.T) {
	cfg := synth.Config{Seed: 3, Persons: 4000, BatchPersons: 4000}
	a, files, cars := generate(t, cfg)
	cfg.BatchPersons = 900
	b, _, _ := generate(t, cfg)
	if len(a.Citizens) == 0 || len(a.Travellers) == 0 || len(a.Foreigners) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("batch cuts changed the records (%d/%d/%d citizens' crossings, travellers, foreigners' crossings)",
			len(a.Citizens), len(a.Travellers), len(a.Foreigners))
	}
	if c, _, _ := generate(t, synth.Config{Seed: 4, Persons: 4000}); reflect.DeepEqual(c.Citizens[0], a.Citizens[0]) {
		t.Fatal("another seed gave the same first crossing")
	}
	end := synth.AddDays(synth.Today(), 1).Time
	perPerson := map[string][]sio.BorderCrossing{}
	ids := map[int64]bool{}
	transports := map[sio.CrossingTransport]int{}
	for _, c := range a.Citizens {
		if ids[c.ID] {
			t.Fatalf("duplicate id %d", c.ID)
		}
		ids[c.ID] = true
		transports[c.Transport]++
		perPerson[c.IIN] = append(perPerson[c.IIN], c)
		f := files[sio.IIN(c.IIN)]
		if f == nil || f.Person.Citizenship != "KZ" || !c.CrossedAt.Before(end) || c.CrossedAt.Add(5*time.Hour).Before(sio.MustDate("2018-01-01").Time) {
			t.Fatalf("crossing of a non-citizen or out of the period: %+v", c)
		}
		// The document shown is the holder's, valid that day; the identity
		// card only within the EAEU.
		day := sio.DateOf(c.CrossedAt.Add(5 * time.Hour))
		valid := false
		for _, d := range f.Documents {
			valid = valid || (d.Number == c.DocumentNumber && d.Kind == c.DocumentKind && d.ValidOn(day))
		}
		if !valid || (c.DocumentKind == sio.DocIDCard && c.CountryCode != "RU" && c.CountryCode != "KG" && c.CountryCode != "BY") {
			t.Fatalf("document %s %s not valid on %s for %s: %+v", c.DocumentKind, c.DocumentNumber, day, c.CountryCode, c)
		}
		switch c.Transport {
		case sio.TransportFlight:
			if c.FlightNumber == nil || c.Kind != sio.CheckpointAirport || c.RouteRu == "" || c.CarrierRu == "" {
				t.Fatalf("flight: %+v", c)
			}
		case sio.TransportTrain:
			if c.TrainNumber == nil || c.Kind != sio.CheckpointRail {
				t.Fatalf("train: %+v", c)
			}
		case sio.TransportCar:
			// The person's car or one of the household's.
			owned := false
			for _, v := range cars[f.Person.Address] {
				owned = owned || (v.Plate == *c.VehiclePlate && !v.RegistrationDate.After(day.Time))
			}
			if !owned || c.Kind != sio.CheckpointRoad {
				t.Fatalf("car not the household's: %+v", c)
			}
		}
		if _, ok := sio.RegionByKATO(c.RegionKATO); !ok || c.Code == "" || len(c.CountryCode) != 2 {
			t.Fatalf("checkpoint: %+v", c)
		}
	}
	frequent := 0
	for iin, cs := range perPerson {
		for i, c := range cs {
			want := sio.CrossingExit
			if i%2 == 1 {
				want = sio.CrossingEntry
			}
			if c.Direction != want || (i > 0 && !c.CrossedAt.After(cs[i-1].CrossedAt)) {
				t.Fatalf("%s: crossings do not alternate exit/entry in time: %+v", iin, cs)
			}
			if i%2 == 1 && (c.Code != cs[i-1].Code || c.CountryCode != cs[i-1].CountryCode) {
				t.Fatalf("%s: came back another way: %+v / %+v", iin, cs[i-1], c)
			}
		}
		if len(cs) >= 20 {
			frequent++
		}
	}
	if frequent == 0 || transports[sio.TransportFlight] == 0 || transports[sio.TransportCar] == 0 || transports[sio.TransportTrain] == 0 ||
		transports[sio.TransportBus] == 0 {
		t.Fatalf("frequent travellers %d, transports %v", frequent, transports)
	}
	travellers := map[int64]*sio.ForeignTraveller{}
	residents, hosted := 0, 0
	for i := range a.Travellers {
		tr := &a.Travellers[i]
		travellers[tr.ID] = tr
		switch {
		case tr.IIN != nil:
			residents++
			if f := files[*tr.IIN]; f == nil || f.Person.Citizenship != tr.Citizenship || tr.HostID != nil {
				t.Fatalf("resident traveller: %+v", tr)
			}
		case tr.HostID != nil:
			hosted++
		default:
			t.Fatalf("a visitor without a receiving party: %+v", tr)
		}
		if tr.Citizenship == "KZ" || tr.LastName == "" || !tr.PassportExpiry.After(synth.Today().Time) {
			t.Fatalf("traveller: %+v", tr)
		}
	}
	for _, c := range a.Foreigners {
		tr := travellers[*c.TravellerID]
		if tr == nil || c.DocumentNumber != tr.PassportNumber || c.DocumentKind != sio.DocForeignPassport || !c.CrossedAt.Before(end) {
			t.Fatalf("foreigner's crossing: %+v of %+v", c, tr)
		}
		if (tr.IIN == nil) != (c.IIN == "") {
			t.Fatalf("foreigner's crossing IIN: %+v", c)
		}
	}
	if residents == 0 || hosted == 0 {
		t.Fatalf("residents %d, visitors %d", residents, hosted)
	}
	t.Logf("%d citizens' crossings (%d persons, %d frequent), %d travellers, %d foreigners' crossings, transports %v",
		len(a.Citizens), len(perPerson), frequent, len(a.Travellers), len(a.Foreigners), transports)
}
