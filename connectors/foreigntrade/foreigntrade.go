// Package foreigntrade is the connector to База данных "Участников
// внешнеэкономической деятельности": exporters and importers registered
// with the customs authority and their declarations on goods (ДТ) with the
// commodity codes of ТН ВЭД ЕАЭС, countries and customs values.
package foreigntrade

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "foreign_trade"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads the register of foreign-trade participants.
type Store struct {
	db          *sqldb.DB
	byBIN       string
	byDeclarant string
	byNumber    string
}

var _ sio.ForeignTradeRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	decl := records.Select[sio.GoodsDeclaration]("declarations") + `WHERE `
	return &Store{
		db:          db,
		byBIN:       db.Q(records.Select[sio.ForeignTradeParticipant]("participants") + `WHERE ` + db.In("bin")),
		byDeclarant: db.Q(decl + db.In("declarant_bin") + ` ORDER BY declarant_bin, registered_at DESC, number`),
		byNumber:    db.Q(decl + db.In("number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ParticipantsByBIN returns the participants found among bins, in one
// statement.
func (s *Store) ParticipantsByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN]*sio.ForeignTradeParticipant, error) {
	return sqldb.Index(ctx, s.db, "foreign_trade: participant by bin", s.byBIN, func(p *sio.ForeignTradeParticipant) sio.BIN { return p.BIN }, sqldb.List(s.db, bins))
}

// DeclarationsByDeclarant returns the declarations of each declarant,
// latest first, in one statement.
func (s *Store) DeclarationsByDeclarant(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.GoodsDeclaration, error) {
	return sqldb.Group(ctx, s.db, "foreign_trade: by declarant", s.byDeclarant, func(d *sio.GoodsDeclaration) sio.BIN { return d.DeclarantBIN }, sqldb.List(s.db, bins))
}

// DeclarationsByNumber returns the declarations found among numbers, in one
// statement.
func (s *Store) DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*sio.GoodsDeclaration, error) {
	return sqldb.Index(ctx, s.db, "foreign_trade: by number", s.byNumber, func(d *sio.GoodsDeclaration) string { return d.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads participants and then their declarations (used by the
// data generator).
func (s *Store) Insert(ctx context.Context, ps []sio.ForeignTradeParticipant, ds []sio.GoodsDeclaration) error {
	if err := records.Insert(ctx, s.db, "participants", ps); err != nil {
		return err
	}
	return records.Insert(ctx, s.db, "declarations", ds)
}
