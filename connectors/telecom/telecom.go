// Package telecom is the connector to БД "Казахтелеком": fixed-line
// contracts (with internet and IPTV on the line) of persons and companies,
// by subscriber and by phone number.
package telecom

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "kazakhtelecom"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"contract_number", "phone_number", "subscriber_id", "subscriber_kind", "subscriber_name",
	"address", "region_kato", "contract_date", "terminated_on", "status", "services", "internet_tariff", "branch"}

// Store reads and loads БД "Казахтелеком".
type Store struct {
	db           *sqldb.DB
	bySubscriber string
	byPhone      string
}

var _ sio.FixedLineRegistry = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(columns) + ` FROM {subscriptions} WHERE `
	return &Store{
		db:           db,
		bySubscriber: db.Q(sel + db.In("subscriber_id") + ` ORDER BY subscriber_id, contract_date, contract_number`),
		byPhone:      db.Q(sel + db.In("phone_number") + ` ORDER BY phone_number, contract_date DESC, contract_number DESC`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// SubscriptionsBySubscriber returns the contracts of each subscriber (IIN or
// BIN), oldest first, in one statement.
func (s *Store) SubscriptionsBySubscriber(ctx context.Context, ids []string) (map[string][]sio.FixedLineSubscription, error) {
	return sqldb.Group(ctx, s.db, "kazakhtelecom: by subscriber", s.bySubscriber,
		func(c *sio.FixedLineSubscription) string { return c.SubscriberID }, sqldb.List(s.db, ids))
}

// SubscriptionsByPhone returns the contracts on each number, the latest
// first, in one statement.
func (s *Store) SubscriptionsByPhone(ctx context.Context, phones []string) (map[string][]sio.FixedLineSubscription, error) {
	return sqldb.Group(ctx, s.db, "kazakhtelecom: by phone", s.byPhone,
		func(c *sio.FixedLineSubscription) string { return c.PhoneNumber }, sqldb.List(s.db, phones))
}

// Insert bulk-loads contracts (used by the data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.FixedLineSubscription) error {
	rows := make([][]any, len(cs))
	for i, c := range cs {
		rows[i] = []any{c.ContractNumber, c.PhoneNumber, c.SubscriberID, string(c.SubscriberKind), c.SubscriberName,
			c.Address, c.RegionKATO, c.ContractDate, c.TerminatedOn, string(c.Status), c.ServiceList, c.InternetTariff, c.Branch}
	}
	return s.db.BulkInsert(ctx, "subscriptions", columns, rows)
}
