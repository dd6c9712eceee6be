// Package goszakup is the connector to База данных "Электронные
// государственные закупки" and its register of unfair participants
// (Проверка недобросовестных участников государственных закупок): the
// public procurement portal's lots and contracts, by supplier and by
// contract number, and the register entries of suppliers and of their heads
// and founders. Interpretation: the register of unfair participants is kept
// on the same portal, so both services share this connector (a table each,
// each service on its own fields).
package goszakup

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "goszakup"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads the procurement portal's data.
type Store struct {
	db         *sqldb.DB
	bySupplier string
	byNumber   string
	unfairOf   string
}

var _ sio.ProcurementRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	sel := records.Select[sio.ProcurementContract]("contracts") + `WHERE `
	return &Store{
		db:         db,
		bySupplier: db.Q(sel + db.In("supplier_id") + ` ORDER BY supplier_id, signed_at DESC, contract_number`),
		byNumber:   db.Q(sel + db.In("contract_number")),
		unfairOf: db.Q(records.Select[sio.UnfairParticipant]("unfair_participants") + `WHERE ` + db.In("subject_id") +
			` ORDER BY subject_id, included_at DESC, record_id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ContractsBySupplier returns the contracts of each supplier, latest first,
// in one statement.
func (s *Store) ContractsBySupplier(ctx context.Context, suppliers []string) (map[string][]sio.ProcurementContract, error) {
	return sqldb.Group(ctx, s.db, "goszakup: by supplier", s.bySupplier, func(c *sio.ProcurementContract) string { return c.SupplierID }, sqldb.List(s.db, suppliers))
}

// ContractsByNumber returns the contracts found among numbers, in one
// statement.
func (s *Store) ContractsByNumber(ctx context.Context, numbers []string) (map[string]*sio.ProcurementContract, error) {
	return sqldb.Index(ctx, s.db, "goszakup: by number", s.byNumber, func(c *sio.ProcurementContract) string { return c.ContractNumber }, sqldb.List(s.db, numbers))
}

// UnfairBySubject returns the register entries of each subject (IIN or BIN),
// latest first, in one statement.
func (s *Store) UnfairBySubject(ctx context.Context, ids []string) (map[string][]sio.UnfairParticipant, error) {
	return sqldb.Group(ctx, s.db, "goszakup: unfair by subject", s.unfairOf, func(u *sio.UnfairParticipant) string { return u.SubjectID }, sqldb.List(s.db, ids))
}

// Insert bulk-loads contracts and then register entries (used by the data
// generator).
func (s *Store) Insert(ctx context.Context, cs []sio.ProcurementContract, us []sio.UnfairParticipant) error {
	if err := records.Insert(ctx, s.db, "contracts", cs); err != nil {
		return err
	}
	return records.Insert(ctx, s.db, "unfair_participants", us)
}
