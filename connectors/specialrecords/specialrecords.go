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
	justice.Store
	byPerson       justice.Lookup[sio.IIN, sio.CriminalRecord]
	byCase         justice.Lookup[string, sio.CriminalRecord]
	offencesOf     justice.Lookup[sio.IIN, sio.AdministrativeOffence]
	dactyloscopyOf justice.Lookup[sio.IIN, sio.DactyloscopicRecord]
}

var _ sio.SpecialRecordRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return justice.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{Store: justice.NewStore(db),
		byPerson: justice.By(db, criminal, "person_iin", "person_iin, offence_date, case_number", func(c *sio.CriminalRecord) sio.IIN { return c.PersonIIN }),
		byCase:   justice.By(db, criminal, "case_number", "case_number", func(c *sio.CriminalRecord) string { return c.CaseNumber }),
		offencesOf: justice.By(db, offences, "person_iin", "person_iin, committed_at, case_number",
			func(o *sio.AdministrativeOffence) sio.IIN { return o.PersonIIN }),
		dactyloscopyOf: justice.By(db, dactyloscopy, "person_iin", "person_iin", func(d *sio.DactyloscopicRecord) sio.IIN { return d.PersonIIN }),
	}
}

// CriminalRecordsByPerson returns the criminal records of each person,
// oldest offence first, in one statement.
func (s *Store) CriminalRecordsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CriminalRecord, error) {
	return s.byPerson.Group(ctx, iins)
}

// CriminalRecordsByCase returns the records found among ЕРДР or
// statistical-card numbers, in one statement.
func (s *Store) CriminalRecordsByCase(ctx context.Context, numbers []string) (map[string]*sio.CriminalRecord, error) {
	return s.byCase.Index(ctx, numbers)
}

// OffencesByPerson returns the administrative offences of each person,
// oldest first, in one statement.
func (s *Store) OffencesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.AdministrativeOffence, error) {
	return s.offencesOf.Group(ctx, iins)
}

// DactyloscopyByPerson returns the dactyloscopic registration of each
// person found, in one statement.
func (s *Store) DactyloscopyByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN]*sio.DactyloscopicRecord, error) {
	return s.dactyloscopyOf.Index(ctx, iins)
}

// Insert bulk-loads records (used by the data generator and tests).
func (s *Store) Insert(ctx context.Context, crs []sio.CriminalRecord, os []sio.AdministrativeOffence, ds []sio.DactyloscopicRecord) error {
	if err := criminal.Insert(ctx, s.DB(), crs); err != nil {
		return err
	}
	if err := offences.Insert(ctx, s.DB(), os); err != nil {
		return err
	}
	return dactyloscopy.Insert(ctx, s.DB(), ds)
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
