// Package foreignlabor is the connector to База данных "Иностранная рабочая
// сила": the permits allowing employers to employ foreign workers and the
// workers they list. Its generator (Generator) is shared with the
// connector to Нарушение иностранных рабочих, whose offenders are these
// workers.
package foreignlabor

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "foreign_labor"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	permitColumns = []string{"permit_number", "employer_bin", "category", "category_ru", "issued_on", "valid_until", "quota",
		"status", "issuer", "region_kato"}
	workerColumns = []string{"id", "permit_number", "last_name", "first_name", "birth_date", "gender", "citizenship",
		"citizenship_ru", "passport_number", "position_ru"}
)

// Store reads and loads Иностранная рабочая сила.
type Store struct {
	db                *sqldb.DB
	permitsByEmployer string
	permitsByNumber   string
	workersByPermit   string
	workersByPassport string
}

var _ sio.ForeignLaborRegistry = (*Store)(nil)

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
	permits := `SELECT ` + sqldb.Columns(permitColumns) + ` FROM {permits} WHERE `
	workers := `SELECT ` + sqldb.Columns(workerColumns) + ` FROM {workers} WHERE `
	return &Store{
		db:                db,
		permitsByEmployer: db.Q(permits + db.In("employer_bin") + ` ORDER BY employer_bin, issued_on DESC, permit_number`),
		permitsByNumber:   db.Q(permits + db.In("permit_number")),
		workersByPermit:   db.Q(workers + db.In("permit_number") + ` ORDER BY permit_number, id`),
		workersByPassport: db.Q(workers + db.In("passport_number") + ` ORDER BY passport_number, id DESC`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// PermitsByEmployer returns each employer's permits, latest first, in one
// statement.
func (s *Store) PermitsByEmployer(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.ForeignLaborPermit, error) {
	return sqldb.Group(ctx, s.db, "foreign labor: permits by employer", s.permitsByEmployer,
		func(p *sio.ForeignLaborPermit) sio.BIN { return p.EmployerBIN }, sqldb.List(s.db, bins))
}

// PermitsByNumber returns the permits found among numbers, in one
// statement.
func (s *Store) PermitsByNumber(ctx context.Context, numbers []string) (map[string]*sio.ForeignLaborPermit, error) {
	return sqldb.Index(ctx, s.db, "foreign labor: permits by number", s.permitsByNumber,
		func(p *sio.ForeignLaborPermit) string { return p.PermitNumber }, sqldb.List(s.db, numbers))
}

// WorkersByPermit returns the workers of each permit, in one statement.
func (s *Store) WorkersByPermit(ctx context.Context, numbers []string) (map[string][]sio.ForeignWorker, error) {
	return sqldb.Group(ctx, s.db, "foreign labor: workers by permit", s.workersByPermit,
		func(w *sio.ForeignWorker) string { return w.PermitNumber }, sqldb.List(s.db, numbers))
}

// WorkersByPassport returns the permits' entries of each passport, latest
// first, in one statement.
func (s *Store) WorkersByPassport(ctx context.Context, passports []string) (map[string][]sio.ForeignWorker, error) {
	return sqldb.Group(ctx, s.db, "foreign labor: workers by passport", s.workersByPassport,
		func(w *sio.ForeignWorker) string { return w.PassportNumber }, sqldb.List(s.db, passports))
}

// InsertPermits bulk-loads permits (used by the data generator).
func (s *Store) InsertPermits(ctx context.Context, ps []sio.ForeignLaborPermit) error {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = []any{p.PermitNumber, string(p.EmployerBIN), string(p.Category), p.CategoryRu, p.IssuedOn, p.ValidUntil, p.Quota,
			string(p.Status), p.Issuer, p.RegionKATO}
	}
	return s.db.BulkInsert(ctx, "permits", permitColumns, rows)
}

// InsertWorkers bulk-loads workers (after their permits).
func (s *Store) InsertWorkers(ctx context.Context, ws []sio.ForeignWorker) error {
	rows := make([][]any, len(ws))
	for i, w := range ws {
		rows[i] = []any{w.ID, w.PermitNumber, w.LastName, w.FirstName, w.BirthDate, string(w.Gender), w.Citizenship,
			w.CitizenshipRu, w.PassportNumber, w.PositionRu}
	}
	return s.db.BulkInsert(ctx, "workers", workerColumns, rows)
}
