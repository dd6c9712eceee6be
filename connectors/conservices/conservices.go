// Package conservices is the connector to Сведения о полученных услугах
// лицами в ЦОН: the public services persons asked for at the service
// centres (ЦОН) of the State corporation "Government for Citizens", with
// the branch, the date and the result.
package conservices

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "con_services"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"request_number", "iin", "service_ru", "branch", "region_kato", "submitted_on", "submitted_time",
	"result", "completed_on", "refusal_reason_ru"}

// Store reads and loads the ЦОН service records.
type Store struct {
	db    *sqldb.DB
	byIIN string
}

var _ sio.PublicServiceCenter = (*Store)(nil)

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
	return &Store{db: db, byIIN: db.Q(`SELECT ` + sqldb.Columns(columns) + ` FROM {requests} WHERE ` +
		db.In("iin") + ` ORDER BY iin, submitted_on DESC, submitted_time DESC, request_number`)}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// RequestsByPerson returns each person's requests, newest first, in one
// statement.
func (s *Store) RequestsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.PublicServiceRequest, error) {
	return sqldb.Group(ctx, s.db, "con services: by person", s.byIIN,
		func(r *sio.PublicServiceRequest) sio.IIN { return r.IIN }, sqldb.List(s.db, iins))
}

// Insert bulk-loads requests (used by the data generator).
func (s *Store) Insert(ctx context.Context, rs []sio.PublicServiceRequest) error {
	rows := make([][]any, len(rs))
	for i, r := range rs {
		rows[i] = []any{r.RequestNumber, string(r.IIN), r.ServiceRu, r.Branch, r.RegionKATO, r.SubmittedOn, r.SubmittedTime,
			string(r.Result), r.CompletedOn, r.RefusalReasonRu}
	}
	return s.db.BulkInsert(ctx, "requests", columns, rows)
}
