// Package railtickets is the connector to База данных "Қазақстан
// теміржолы": the passenger tickets of АО «НК «Қазақстан темір жолы», by
// passenger.
package railtickets

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "ktz_tickets"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"ticket_number", "passenger_iin", "passenger_name", "document_type_ru", "document_number",
	"train_number", "departure_station", "arrival_station", "departure_at", "arrival_at", "car_number", "car_type_ru",
	"seat", "price_tiyn", "purchased_at", "channel", "sold_by", "status"}

func values(t *sio.RailwayTicket) []any {
	return []any{t.TicketNumber, string(t.PassengerIIN), t.PassengerName, t.DocumentTypeRu, t.DocumentNumber,
		t.TrainNumber, t.DepartureStation, t.ArrivalStation, t.DepartureAt, t.ArrivalAt, t.CarNumber, t.CarTypeRu,
		t.Seat, t.PriceTiyn, t.PurchasedAt, string(t.Channel), t.SoldBy, string(t.Status)}
}

// Store reads and loads Қазақстан теміржолы.
type Store struct {
	*transportkit.Register[sio.RailwayTicket]
	byPassenger string
}

var _ sio.RailwayTicketRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "tickets", columns, values)
	return &Store{Register: g, byPassenger: g.Lookup("passenger_iin", "passenger_iin, departure_at DESC, ticket_number")}
}

// TicketsByPassenger returns each passenger's tickets, latest departure
// first, in one statement.
func (s *Store) TicketsByPassenger(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.RailwayTicket, error) {
	return transportkit.Group(ctx, s.Register, "ktz tickets: by passenger", s.byPassenger, func(t *sio.RailwayTicket) sio.IIN { return t.PassengerIIN }, iins)
}
