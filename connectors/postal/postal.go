// Package postal is the connector to Почтовые отправления (АО «Казпочта»):
// tracked postal items by sender or recipient and by S10 tracking number.
package postal

import (
	"context"
	"embed"
	"strings"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "kazpost"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"tracking_number", "kind", "kind_ru", "sender_id", "sender_kind", "sender_name", "sender_address",
	"recipient_id", "recipient_kind", "recipient_name", "recipient_address", "origin_index", "origin_office",
	"destination_index", "destination_office", "accepted_on", "delivered_on", "weight_grams", "status"}

// Store reads and loads Почтовые отправления.
type Store struct {
	db         *sqldb.DB
	byParty    string
	byTracking string
}

var _ sio.PostalRegistry = (*Store)(nil)

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
	cols := "i." + strings.Join(columns, ", i.")
	return &Store{
		db: db,
		// The keys are bound twice: once for the items sent, once for the
		// items received (each side by its index).
		byParty: db.Q(`SELECT p.party_id, ` + cols + ` FROM (
			SELECT sender_id AS party_id, tracking_number FROM {items} WHERE ` + db.In("sender_id") + `
			UNION ALL
			SELECT recipient_id, tracking_number FROM {items} WHERE ` + db.In("recipient_id") + `
			) p JOIN {items} i ON i.tracking_number = p.tracking_number ORDER BY p.party_id, i.accepted_on DESC, i.tracking_number`),
		byTracking: db.Q(`SELECT ` + sqldb.Columns(columns) + ` FROM {items} WHERE ` + db.In("tracking_number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// partyItem is an item as a party sees it.
type partyItem struct {
	Party string `db:"party_id"`
	sio.PostalItem
}

// ItemsByParty returns the items each subject (IIN or BIN) sent or
// received, the newest first, in one statement.
func (s *Store) ItemsByParty(ctx context.Context, ids []string) (map[string][]sio.PostalItem, error) {
	keys := sqldb.List(s.db, ids)
	rows, err := sqldb.Group(ctx, s.db, "kazpost: by party", s.byParty, func(r *partyItem) string { return r.Party }, keys, keys)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]sio.PostalItem, len(rows))
	for id, rs := range rows {
		items := make([]sio.PostalItem, len(rs))
		for i := range rs {
			items[i] = rs[i].PostalItem
		}
		out[id] = items
	}
	return out, nil
}

// ItemsByTracking returns the items found among tracking numbers, in one
// statement.
func (s *Store) ItemsByTracking(ctx context.Context, numbers []string) (map[string]*sio.PostalItem, error) {
	return sqldb.Index(ctx, s.db, "kazpost: by tracking number", s.byTracking,
		func(p *sio.PostalItem) string { return p.TrackingNumber }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads items (used by the data generator).
func (s *Store) Insert(ctx context.Context, items []sio.PostalItem) error {
	rows := make([][]any, len(items))
	for i, p := range items {
		rows[i] = []any{p.TrackingNumber, string(p.Kind), p.KindRu, p.SenderID, kindOrNil(p.SenderKind), p.SenderName, p.SenderAddress,
			p.RecipientID, kindOrNil(p.RecipientKind), p.RecipientName, p.RecipientAddress, p.OriginIndex, p.OriginOffice,
			p.DestinationIndex, p.DestinationOffice, p.AcceptedOn, p.DeliveredOn, p.WeightGrams, string(p.Status)}
	}
	return s.db.BulkInsert(ctx, "items", columns, rows)
}

func kindOrNil(k *sio.SubjectKind) any {
	if k == nil {
		return nil
	}
	return string(*k)
}
