// Package foreignworkerviolations is the connector to База данных
// "Нарушение иностранных рабочих": the migration-law offences of foreign
// workers (КоАП article 517) found by the migration police, with the
// decisions on them.
package foreignworkerviolations

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "foreign_worker_violations"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"protocol_number", "last_name", "first_name", "birth_date", "citizenship", "citizenship_ru",
	"passport_number", "employer_bin", "article", "article_ru", "description_ru", "committed_on", "region_kato", "body",
	"decided_on", "decision_ru", "fine_tiyn", "expelled"}

// Store reads and loads Нарушение иностранных рабочих.
type Store struct {
	db         *sqldb.DB
	byPassport string
	byEmployer string
}

var _ sio.ForeignWorkerViolationRegistry = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(columns) + ` FROM {violations} WHERE `
	return &Store{
		db:         db,
		byPassport: db.Q(sel + db.In("passport_number") + ` ORDER BY passport_number, committed_on DESC, protocol_number`),
		byEmployer: db.Q(sel + db.In("employer_bin") + ` ORDER BY employer_bin, committed_on DESC, protocol_number`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// ViolationsByPassport returns each passport's violations, latest first,
// in one statement.
func (s *Store) ViolationsByPassport(ctx context.Context, passports []string) (map[string][]sio.ForeignWorkerViolation, error) {
	return sqldb.Group(ctx, s.db, "foreign worker violations: by passport", s.byPassport,
		func(v *sio.ForeignWorkerViolation) string { return v.PassportNumber }, sqldb.List(s.db, passports))
}

// ViolationsByEmployer returns the violations of each employer's workers,
// latest first, in one statement.
func (s *Store) ViolationsByEmployer(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.ForeignWorkerViolation, error) {
	return sqldb.Group(ctx, s.db, "foreign worker violations: by employer", s.byEmployer,
		func(v *sio.ForeignWorkerViolation) sio.BIN { return *v.EmployerBIN }, sqldb.List(s.db, bins))
}

// Insert bulk-loads violations (used by the data generator).
func (s *Store) Insert(ctx context.Context, vs []sio.ForeignWorkerViolation) error {
	rows := make([][]any, len(vs))
	for i, v := range vs {
		var bin any
		if v.EmployerBIN != nil {
			bin = string(*v.EmployerBIN)
		}
		rows[i] = []any{v.ProtocolNumber, v.LastName, v.FirstName, v.BirthDate, v.Citizenship, v.CitizenshipRu, v.PassportNumber,
			bin, v.Article, v.ArticleRu, v.DescriptionRu, v.CommittedOn, v.RegionKATO, v.Body, v.DecidedOn, v.DecisionRu,
			v.FineTiyn, v.Expelled}
	}
	return s.db.BulkInsert(ctx, "violations", columns, rows)
}
