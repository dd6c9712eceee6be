// Package inspections is the connector to База данных "Учет проверок ГО":
// inspections of businesses by state bodies (fire safety, sanitary, labour,
// environmental, tax, transport ...), registered with the legal statistics
// authority, by inspected subject and by registration number.
package inspections

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/records"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "state_inspections"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads Учет проверок ГО.
type Store struct {
	db        *sqldb.DB
	bySubject string
	byNumber  string
}

var _ sio.StateInspectionRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return records.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	sel := records.Select[sio.StateInspection]("inspections") + `WHERE `
	return &Store{
		db:        db,
		bySubject: db.Q(sel + db.In("subject_id") + ` ORDER BY subject_id, start_date, registration_number`),
		byNumber:  db.Q(sel + db.In("registration_number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// InspectionsBySubject returns the inspections of each subject (IIN or BIN),
// oldest first, in one statement.
func (s *Store) InspectionsBySubject(ctx context.Context, ids []string) (map[string][]sio.StateInspection, error) {
	return sqldb.Group(ctx, s.db, "state_inspections: by subject", s.bySubject, func(i *sio.StateInspection) string { return i.SubjectID }, sqldb.List(s.db, ids))
}

// InspectionsByNumber returns the inspections found among registration
// numbers, in one statement.
func (s *Store) InspectionsByNumber(ctx context.Context, numbers []string) (map[string]*sio.StateInspection, error) {
	return sqldb.Index(ctx, s.db, "state_inspections: by number", s.byNumber, func(i *sio.StateInspection) string { return i.RegistrationNumber }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads inspections (used by the data generator).
func (s *Store) Insert(ctx context.Context, is []sio.StateInspection) error {
	return records.Insert(ctx, s.db, "inspections", is)
}
