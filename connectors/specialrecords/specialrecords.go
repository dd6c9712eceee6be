// Package specialrecords is the connector to База данных "Специальные
// учеты" of the Committee on legal statistics and special records
// (КПСиСУ): the criminal liability and convictions of persons (by ЕРДР or
// statistical-card number), administrative offences of note and
// dactyloscopic registration. Its data come from the justice model
// (connectors/justice), shared with the courts, searches and enforcement.
package specialrecords

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/justice"
	"sio/sqldb"
	"sio/synth"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "special_records"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	criminal     = justice.NewTable[sio.CriminalRecord]("criminal_records")
	offences     = justice.NewTable[sio.AdministrativeOffence]("administrative_offences")
	dactyloscopy = justice.NewTable[sio.DactyloscopicRecord]("dactyloscopy")
)

// Store reads and loads Специальные учеты.
type Store struct {
	db             *sqldb.DB
	byPerson       string
	byCase         string
	offencesOf     string
	dactyloscopyOf string
}

var _ sio.SpecialRecordRegistry = (*Store)(nil)

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
		db:             db,
		byPerson:       criminal.Where(db, "person_iin", "person_iin, offence_date, case_number"),
		byCase:         criminal.Where(db, "case_number", "case_number"),
		offencesOf:     offences.Where(db, "person_iin", "person_iin, committed_at, case_number"),
		dactyloscopyOf: dactyloscopy.Where(db, "person_iin", "person_iin"),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// CriminalRecordsByPerson returns the criminal records of each person,
// oldest offence first, in one statement.
func (s *Store) CriminalRecordsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CriminalRecord, error) {
	return sqldb.Group(ctx, s.db, "special records: by person", s.byPerson,
		func(c *sio.CriminalRecord) sio.IIN { return c.PersonIIN }, sqldb.List(s.db, iins))
}

// CriminalRecordsByCase returns the records found among ЕРДР or
// statistical-card numbers, in one statement.
func (s *Store) CriminalRecordsByCase(ctx context.Context, numbers []string) (map[string]*sio.CriminalRecord, error) {
	return sqldb.Index(ctx, s.db, "special records: by case", s.byCase,
		func(c *sio.CriminalRecord) string { return c.CaseNumber }, sqldb.List(s.db, numbers))
}

// OffencesByPerson returns the administrative offences of each person,
// oldest first, in one statement.
func (s *Store) OffencesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.AdministrativeOffence, error) {
	return sqldb.Group(ctx, s.db, "special records: offences by person", s.offencesOf,
		func(o *sio.AdministrativeOffence) sio.IIN { return o.PersonIIN }, sqldb.List(s.db, iins))
}

// DactyloscopyByPerson returns the dactyloscopic registration of each
// person found, in one statement.
func (s *Store) DactyloscopyByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN]*sio.DactyloscopicRecord, error) {
	return sqldb.Index(ctx, s.db, "special records: dactyloscopy by person", s.dactyloscopyOf,
		func(d *sio.DactyloscopicRecord) sio.IIN { return d.PersonIIN }, sqldb.List(s.db, iins))
}

// Insert bulk-loads records (used by the data generator and tests).
func (s *Store) Insert(ctx context.Context, crs []sio.CriminalRecord, os []sio.AdministrativeOffence, ds []sio.DactyloscopicRecord) error {
	if err := criminal.Insert(ctx, s.db, crs); err != nil {
		return err
	}
	if err := offences.Insert(ctx, s.db, os); err != nil {
		return err
	}
	return dactyloscopy.Insert(ctx, s.db, ds)
}

// Filler loads the special records of each batch from the justice model:
// criminal records of about 12% of men and 2.5% of women, administrative
// offences of note since 2015, fingerprints of everyone prosecuted and of
// foreign residents.
func (s *Store) Filler(seed int64) synth.Filler {
	return justice.Filler(seed, func(ctx context.Context, f *justice.Facts) error {
		return s.Insert(ctx, f.CriminalRecords, f.Offences, f.Dactyloscopy)
	})
}
