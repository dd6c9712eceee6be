// Package labormarket is the connector to База данных "Рынок труда": persons
// registered at the career centres as job seekers or unemployed, and their
// referrals to vacancies, training, public works and youth practice.
package labormarket

import (
	"context"
	"embed"
	"encoding/json"

	"github.com/lib/pq"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "labor_market"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	registrationColumns = []string{"id", "iin", "status", "registered_on", "centre", "region_kato", "profession_ru",
		"education_ru", "deregistered_on", "deregistration_reason_ru"}
	referralColumns = []string{"id", "registration_id", "iin", "kind", "referred_on", "employer_bin", "organisation_ru",
		"position_ru", "outcome"}
)

// Store reads and loads Рынок труда.
type Store struct {
	db                    *sqldb.DB
	registrationsByIIN    string
	referralsByRegistrant string
}

var _ sio.LaborMarketRegistry = (*Store)(nil)

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
	return &Store{
		db: db,
		registrationsByIIN: db.Q(`SELECT ` + sqldb.Columns(registrationColumns) + ` FROM {registrations} WHERE ` +
			db.In("iin") + ` ORDER BY iin, registered_on, id`),
		referralsByRegistrant: db.Q(`SELECT ` + sqldb.Columns(referralColumns) + ` FROM {referrals} WHERE ` +
			db.In("registration_id") + ` ORDER BY registration_id, referred_on, id`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// RegistrationsByPerson returns each person's registrations, oldest first,
// in one statement.
func (s *Store) RegistrationsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.JobSeekerRegistration, error) {
	return sqldb.Group(ctx, s.db, "labor market: registrations by person", s.registrationsByIIN,
		func(r *sio.JobSeekerRegistration) sio.IIN { return r.IIN }, sqldb.List(s.db, iins))
}

// ReferralsByRegistration returns the referrals of each registration,
// oldest first, in one statement.
func (s *Store) ReferralsByRegistration(ctx context.Context, ids []int64) (map[int64][]sio.LaborReferral, error) {
	return sqldb.Group(ctx, s.db, "labor market: referrals by registration", s.referralsByRegistrant,
		func(r *sio.LaborReferral) int64 { return r.RegistrationID }, idList(s.db, ids))
}

// idList binds integer keys as the one list parameter of db.In: a bigint
// array on PostgreSQL, a JSON array of numbers on SQLite.
func idList(db *sqldb.DB, ids []int64) any {
	if db.Dialect == sqldb.Postgres {
		return pq.Array(ids)
	}
	b, _ := json.Marshal(ids)
	return string(b)
}

// InsertRegistrations bulk-loads registrations (used by the data generator).
func (s *Store) InsertRegistrations(ctx context.Context, rs []sio.JobSeekerRegistration) error {
	rows := make([][]any, len(rs))
	for i, r := range rs {
		rows[i] = []any{r.ID, string(r.IIN), string(r.Status), r.RegisteredOn, r.Centre, r.RegionKATO, r.ProfessionRu,
			r.EducationRu, r.DeregisteredOn, r.DeregistrationReasonRu}
	}
	return s.db.BulkInsert(ctx, "registrations", registrationColumns, rows)
}

// InsertReferrals bulk-loads referrals (after their registrations).
func (s *Store) InsertReferrals(ctx context.Context, rs []sio.LaborReferral) error {
	rows := make([][]any, len(rs))
	for i, r := range rs {
		var bin any
		if r.EmployerBIN != nil {
			bin = string(*r.EmployerBIN)
		}
		rows[i] = []any{r.ID, r.RegistrationID, string(r.IIN), string(r.Kind), r.ReferredOn, bin, r.OrganisationRu,
			r.PositionRu, string(r.Outcome)}
	}
	return s.db.BulkInsert(ctx, "referrals", referralColumns, rows)
}
