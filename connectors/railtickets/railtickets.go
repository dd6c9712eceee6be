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

// Store reads and loads Қазақстан теміржолы.
type Store struct {
	db          *sqldb.DB
	byPassenger string
}

var _ sio.RailwayTicketRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{
		db: db,
		byPassenger: db.Q(transportkit.Select("tickets", columns) + db.In("passenger_iin") +
			` ORDER BY passenger_iin, departure_at DESC, ticket_number`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// TicketsByPassenger returns each passenger's tickets, latest departure
// first, in one statement.
func (s *Store) TicketsByPassenger(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.RailwayTicket, error) {
	return sqldb.Group(ctx, s.db, "ktz tickets: by passenger", s.byPassenger, func(t *sio.RailwayTicket) sio.IIN { return t.PassengerIIN }, sqldb.List(s.db, iins))
}

// Insert bulk-loads tickets (used by the data generator).
func (s *Store) Insert(ctx context.Context, ts []sio.RailwayTicket) error {
	return transportkit.Insert(ctx, s.db, "tickets", columns, ts, func(t *sio.RailwayTicket) []any {
		return []any{t.TicketNumber, string(t.PassengerIIN), t.PassengerName, t.DocumentTypeRu, t.DocumentNumber,
			t.TrainNumber, t.DepartureStation, t.ArrivalStation, t.DepartureAt, t.ArrivalAt, t.CarNumber, t.CarTypeRu,
			t.Seat, t.PriceTiyn, t.PurchasedAt, string(t.Channel), t.SoldBy, string(t.Status)}
	})
}
