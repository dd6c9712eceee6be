// Package disability is the connector to База данных "Инвалидность": the
// decisions of medical and social expertise (МСЭ) on persons' disability.
package disability

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "disability"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "iin", "disability_group", "group_ru", "cause_ru", "status", "work_capacity_loss",
	"certificate_number", "established_on", "reexamination_on", "ceased_on", "department", "region_kato"}

// Store reads and loads Инвалидность.
type Store struct {
	db    *sqldb.DB
	byIIN string
}

var _ sio.DisabilityRegistry = (*Store)(nil)

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
	return &Store{db: db, byIIN: db.Q(`SELECT ` + sqldb.Columns(columns) + ` FROM {disabilities} WHERE ` +
		db.In("iin") + ` ORDER BY iin, established_on, id`)}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// DisabilitiesByPerson returns each person's МСЭ decisions, oldest first,
// in one statement.
func (s *Store) DisabilitiesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.Disability, error) {
	return sqldb.Group(ctx, s.db, "disability: by person", s.byIIN, func(d *sio.Disability) sio.IIN { return d.IIN }, sqldb.List(s.db, iins))
}

// Insert bulk-loads decisions (used by the data generator).
func (s *Store) Insert(ctx context.Context, ds []sio.Disability) error {
	rows := make([][]any, len(ds))
	for i, d := range ds {
		rows[i] = []any{d.ID, string(d.IIN), string(d.Group), d.GroupRu, d.CauseRu, string(d.Status), d.WorkCapacityLoss,
			d.CertificateNumber, d.EstablishedOn, d.ReexaminationOn, d.CeasedOn, d.Department, d.RegionKATO}
	}
	return s.db.BulkInsert(ctx, "disabilities", columns, rows)
}
