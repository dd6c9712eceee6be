// Package civilservice is the connector to the register of civil servants
// (Агентство Республики Казахстан по делам государственной службы): the
// posts persons held in state bodies. Two services read it: Запрос на
// госслужащего answers, for one person, whether and where he or she serves
// or served; Сведения о государственных служащих gives the register records
// of a state body's servants.
package civilservice

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "civil_service"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "iin", "state_body_bin", "state_body_ru", "region_kato", "position_ru", "category", "corps",
	"start_date", "end_date", "dismissal_ground_ru", "order_number"}

// Store reads and loads the register of civil servants.
type Store struct {
	db     *sqldb.DB
	byIIN  string
	byBody string
}

var _ sio.CivilServiceRegister = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(columns) + ` FROM {records} WHERE `
	return &Store{
		db:    db,
		byIIN: db.Q(sel + db.In("iin") + ` ORDER BY iin, start_date, id`),
		byBody: db.Q(sel + db.In("state_body_bin") +
			` ORDER BY state_body_bin, CASE WHEN end_date IS NULL THEN 0 ELSE 1 END, start_date DESC, id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// PostsByPerson returns each person's posts, oldest first, in one
// statement.
func (s *Store) PostsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CivilServiceRecord, error) {
	return sqldb.Group(ctx, s.db, "civil service: by person", s.byIIN,
		func(c *sio.CivilServiceRecord) sio.IIN { return c.IIN }, sqldb.List(s.db, iins))
}

// ServantsByStateBody returns the records of each state body, current
// posts first, then the latest appointed first, in one statement.
func (s *Store) ServantsByStateBody(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.CivilServiceRecord, error) {
	return sqldb.Group(ctx, s.db, "civil service: by state body", s.byBody,
		func(c *sio.CivilServiceRecord) sio.BIN { return c.StateBodyBIN }, sqldb.List(s.db, bins))
}

// Insert bulk-loads records (used by the data generator).
func (s *Store) Insert(ctx context.Context, cs []sio.CivilServiceRecord) error {
	rows := make([][]any, len(cs))
	for i, c := range cs {
		rows[i] = []any{c.ID, string(c.IIN), string(c.StateBodyBIN), c.StateBodyRu, c.RegionKATO, c.PositionRu, c.Category,
			c.Corps, c.StartDate, c.EndDate, c.DismissalGroundRu, c.OrderNumber}
	}
	return s.db.BulkInsert(ctx, "records", columns, rows)
}
