package railtickets_test

import (
	"context"
	"testing"
	"time"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/railtickets"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestTickets(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := railtickets.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		a := testdb.IIN(t, "1985-01-17", sio.Female, 3)
		b := testdb.IIN(t, "1990-06-02", sio.Male, 8)
		at := func(s string) time.Time { x, _ := time.Parse(time.RFC3339, s); return x.UTC() }
		mk := func(number string, iin sio.IIN, dep string) sio.RailwayTicket {
			return sio.RailwayTicket{TicketNumber: number, PassengerIIN: iin, PassengerName: "Иванова Анна Петровна",
				DocumentTypeRu: "удостоверение личности гражданина РК", DocumentNumber: "045123456", TrainNumber: "001Т",
				DepartureStation: "Алматы-2", ArrivalStation: "Астана Нұрлы жол", DepartureAt: at(dep), ArrivalAt: at(dep).Add(15 * time.Hour),
				CarNumber: 4, CarTypeRu: "купе «Турист»", Seat: 17, PriceTiyn: 1_850_000, PurchasedAt: at(dep).Add(-72 * time.Hour),
				Channel: sio.TicketWebsite, SoldBy: "bilet.railways.kz", Status: sio.TicketUsed}
		}
		testdb.Must(t, s.Insert(ctx, []sio.RailwayTicket{
			mk("70000000000001", a, "2023-05-01T16:30:00Z"), mk("70000000000002", a, "2024-02-10T16:30:00Z"), mk("70000000000003", b, "2022-09-09T16:30:00Z"),
		}))
		var got map[sio.IIN][]sio.RailwayTicket
		testdb.OneStatement(t, "TicketsByPassenger", func(ctx context.Context) (err error) {
			got, err = s.TicketsByPassenger(ctx, []sio.IIN{a, b, "000000000000"})
			return err
		})
		if ts := got[a]; len(got) != 2 || len(ts) != 2 || ts[0].TicketNumber != "70000000000002" || !ts[0].DepartureAt.Equal(at("2024-02-10T16:30:00Z")) ||
			ts[0].Price().String() != "18500.00" || ts[1].TicketNumber != "70000000000001" {
			t.Fatalf("tickets (latest departure first) = %+v", got)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ts := kittest.Deterministic[sio.RailwayTicket](t, railtickets.Open, `SELECT * FROM {tickets} ORDER BY ticket_number`)
	today := synth.Clock(synth.Today(), 0, 0)
	channels := map[sio.TicketChannel]int{}
	for _, x := range ts {
		channels[x.Channel]++
		if len(x.TicketNumber) != 14 || x.DepartureStation == x.ArrivalStation || x.DocumentNumber == "" {
			t.Fatalf("ticket: %+v", x)
		}
		if !x.PurchasedAt.Before(x.DepartureAt) || !x.DepartureAt.Before(x.ArrivalAt) || x.ArrivalAt.After(today) {
			t.Fatalf("times out of order: %+v", x)
		}
		if x.PriceTiyn <= 0 || x.Seat < 1 || x.CarNumber < 1 {
			t.Fatalf("fare or place: %+v", x)
		}
	}
	if len(channels) != 4 {
		t.Fatalf("channels = %v", channels)
	}
}
