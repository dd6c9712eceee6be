// Package highereducation is the connector to Сведения о студентах и
// выпускниках ВУЗов: the studies of persons at the universities of
// Kazakhstan, with their programmes and diplomas.
package highereducation

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "higher_education"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"id", "iin", "university_ru", "region_kato", "level", "specialty_code", "specialty_ru", "study_form",
	"funding", "enrolled_year", "status", "graduation_year", "left_year", "diploma_number", "with_honors"}

// Store reads and loads the register of students and graduates.
type Store struct {
	db        *sqldb.DB
	byIIN     string
	byDiploma string
}

var _ sio.HigherEducationRegistry = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(columns) + ` FROM {studies} WHERE `
	return &Store{
		db:        db,
		byIIN:     db.Q(sel + db.In("iin") + ` ORDER BY iin, enrolled_year, id`),
		byDiploma: db.Q(sel + db.In("diploma_number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// StudiesByPerson returns each person's studies, oldest first, in one
// statement.
func (s *Store) StudiesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.HigherEducationRecord, error) {
	return sqldb.Group(ctx, s.db, "higher education: by person", s.byIIN,
		func(h *sio.HigherEducationRecord) sio.IIN { return h.IIN }, sqldb.List(s.db, iins))
}

// StudiesByDiploma returns the studies found among diploma numbers, in one
// statement.
func (s *Store) StudiesByDiploma(ctx context.Context, numbers []string) (map[string]*sio.HigherEducationRecord, error) {
	return sqldb.Index(ctx, s.db, "higher education: by diploma", s.byDiploma,
		func(h *sio.HigherEducationRecord) string { return *h.DiplomaNumber }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads studies (used by the data generator).
func (s *Store) Insert(ctx context.Context, hs []sio.HigherEducationRecord) error {
	rows := make([][]any, len(hs))
	for i, h := range hs {
		rows[i] = []any{h.ID, string(h.IIN), h.UniversityRu, h.RegionKATO, string(h.Level), h.SpecialtyCode, h.SpecialtyRu,
			string(h.StudyForm), string(h.Funding), h.EnrolledYear, string(h.Status), h.GraduationYear, h.LeftYear,
			h.DiplomaNumber, h.WithHonors}
	}
	return s.db.BulkInsert(ctx, "studies", columns, rows)
}
