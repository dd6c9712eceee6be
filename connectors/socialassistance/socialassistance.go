// Package socialassistance is the connector to База данных "Социальная
// помощь": state benefits (disability, survivors, births and child care,
// large families) and targeted social assistance (АСП).
package socialassistance

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "social_assistance"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "iin", "kind", "kind_ru", "for_iin", "lump_sum", "amount_tiyn", "start_date", "end_date",
	"status", "decision_number", "department", "region_kato"}

// Store reads and loads Социальная помощь.
type Store struct {
	db    *sqldb.DB
	byIIN string
}

var _ sio.SocialAssistanceRegistry = (*Store)(nil)

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
	return &Store{db: db, byIIN: db.Q(`SELECT ` + sqldb.Columns(columns) + ` FROM {benefits} WHERE ` +
		db.In("iin") + ` ORDER BY iin, start_date, id`)}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// BenefitsByRecipient returns the benefits each person receives or
// received, oldest first, in one statement.
func (s *Store) BenefitsByRecipient(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Benefit, error) {
	return sqldb.Group(ctx, s.db, "social assistance: by recipient", s.byIIN, func(b *sio.Benefit) sio.IIN { return b.IIN }, sqldb.List(s.db, iins))
}

// Insert bulk-loads benefits (used by the data generator).
func (s *Store) Insert(ctx context.Context, bs []sio.Benefit) error {
	rows := make([][]any, len(bs))
	for i, b := range bs {
		var forIIN any
		if b.ForIIN != nil {
			forIIN = string(*b.ForIIN)
		}
		rows[i] = []any{b.ID, string(b.IIN), string(b.Kind), b.KindRu, forIIN, b.LumpSum, b.AmountTiyn, b.StartDate, b.EndDate,
			string(b.Status), b.DecisionNumber, b.Department, b.RegionKATO}
	}
	return s.db.BulkInsert(ctx, "benefits", columns, rows)
}
