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
	// The contracts in force, capped per key (link graphs).
	activeBySubscriber string
	activeByPhone      string
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
		activeBySubscriber: db.Q(sqldb.TopPerKey(sqldb.Columns(columns),
			`{subscriptions} WHERE `+db.In("subscriber_id")+` AND terminated_on IS NULL`, "subscriber_id", "contract_date, contract_number")),
		activeByPhone: db.Q(sqldb.TopPerKey(sqldb.Columns(columns),
			`{subscriptions} WHERE `+db.In("phone_number")+` AND terminated_on IS NULL`, "phone_number", "contract_date DESC, contract_number DESC")),
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

type subscriptionRow struct {
	sio.FixedLineSubscription
	Total int `db:"total"`
}

// ActiveSubscriptionsBySubscriber returns, for each subscriber among ids,
// at most per of its contracts in force (not terminated; oldest first) and
// how many it has, in one statement: an institution with a thousand lines
// is a hub of a relationship graph.
func (s *Store) ActiveSubscriptionsBySubscriber(ctx context.Context, ids []string, per int) (map[string][]sio.FixedLineSubscription, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "kazakhtelecom: active by subscriber", s.activeBySubscriber,
		func(r *subscriptionRow) (string, sio.FixedLineSubscription, int) {
			return r.SubscriberID, r.FixedLineSubscription, r.Total
		},
		sqldb.List(s.db, ids), per)
}

// ActiveSubscriptionsByPhone returns, for each number among phones, at most
// per of the contracts in force on it (the latest first) and how many there
// are, in one statement.
func (s *Store) ActiveSubscriptionsByPhone(ctx context.Context, phones []string, per int) (map[string][]sio.FixedLineSubscription, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "kazakhtelecom: active by phone", s.activeByPhone,
		func(r *subscriptionRow) (string, sio.FixedLineSubscription, int) {
			return r.PhoneNumber, r.FixedLineSubscription, r.Total
		},
		sqldb.List(s.db, phones), per)
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
