// Package popdocs is the connector to Система документирования населения
// (СДН): the identity documents issued to each person over time with the
// photos taken for them, previous surnames and registrations at a place of
// residence — Форма № 1 (service 28) and the document photos (service 27).
package popdocs

import (
	"context"
	"embed"
	"strconv"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "population_docs"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	docColumns = []string{"id", "iin", "kind", "kind_ru", "number", "last_name", "first_name", "middle_name", "gender",
		"issue_date", "expiry_date", "issuer", "issue_reason_ru", "region_kato", "status", "status_date"}
	surnameColumns = []string{"iin", "previous_last_name", "new_last_name", "changed_on", "reason_ru"}
	regColumns     = []string{"iin", "address", "region_kato", "registered_from", "registered_to", "deregistration_reason_ru"}
	photoColumns   = []string{"id", "iin", "number", "last_name", "first_name", "middle_name", "gender", "issue_date"}
)

// Store reads and loads СДН.
type Store struct {
	db             *sqldb.DB
	docsByPerson   string
	docsByNumber   string
	surnames       string
	registrations  string
	photosByPerson string
	photosByID     string
}

var _ sio.PopulationDocuments = (*Store)(nil)

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
	docs := `SELECT ` + sqldb.Columns(docColumns) + ` FROM {documents} WHERE `
	// Photos exist for the documents issued in Kazakhstan; the USSR
	// passports of the archive carry none.
	photos := `SELECT ` + sqldb.Columns(photoColumns) + ` FROM {documents} WHERE kind <> 'USSR_PASSPORT' AND `
	return &Store{
		db:           db,
		docsByPerson: db.Q(docs + db.In("iin") + ` ORDER BY iin, issue_date, id`),
		docsByNumber: db.Q(docs + db.In("number")),
		surnames: db.Q(`SELECT ` + sqldb.Columns(surnameColumns) + ` FROM {surname_changes} WHERE ` + db.In("iin") +
			` ORDER BY iin, changed_on`),
		registrations: db.Q(`SELECT ` + sqldb.Columns(regColumns) + ` FROM {registrations} WHERE ` + db.In("iin") +
			` ORDER BY iin, registered_from`),
		// Oldest first: sqldb.Index keeps the last row of each key, the
		// photo of the latest document.
		photosByPerson: db.Q(photos + db.In("iin") + ` ORDER BY iin, issue_date, id`),
		photosByID:     db.Q(photos + db.In("id")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// DocumentsByPerson returns each person's documents, oldest first, in one
// statement.
func (s *Store) DocumentsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.IdentityDocument, error) {
	return sqldb.Group(ctx, s.db, "population_docs: documents by person", s.docsByPerson,
		func(d *sio.IdentityDocument) sio.IIN { return d.IIN }, sqldb.List(s.db, iins))
}

// DocumentsByNumber returns the documents found among numbers, in one
// statement.
func (s *Store) DocumentsByNumber(ctx context.Context, numbers []string) (map[string]*sio.IdentityDocument, error) {
	return sqldb.Index(ctx, s.db, "population_docs: documents by number", s.docsByNumber,
		func(d *sio.IdentityDocument) string { return d.Number }, sqldb.List(s.db, numbers))
}

// SurnamesByPerson returns each person's surname changes, oldest first, in
// one statement.
func (s *Store) SurnamesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.SurnameChange, error) {
	return sqldb.Group(ctx, s.db, "population_docs: surnames by person", s.surnames,
		func(c *sio.SurnameChange) sio.IIN { return c.IIN }, sqldb.List(s.db, iins))
}

// AddressesByPerson returns each person's registrations, oldest first, in
// one statement.
func (s *Store) AddressesByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.AddressRegistration, error) {
	return sqldb.Group(ctx, s.db, "population_docs: registrations by person", s.registrations,
		func(a *sio.AddressRegistration) sio.IIN { return a.IIN }, sqldb.List(s.db, iins))
}

// PhotosByPerson returns the photo of each person's latest document, in one
// statement.
func (s *Store) PhotosByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN]*sio.IdentityPhoto, error) {
	return sqldb.Index(ctx, s.db, "population_docs: photos by person", s.photosByPerson,
		func(p *sio.IdentityPhoto) sio.IIN { return p.IIN }, sqldb.List(s.db, iins))
}

// PhotosByID returns the photos found among ids, in one statement.
func (s *Store) PhotosByID(ctx context.Context, ids []int64) (map[int64]*sio.IdentityPhoto, error) {
	return sqldb.Index(ctx, s.db, "population_docs: photos by id", s.photosByID,
		func(p *sio.IdentityPhoto) int64 { return p.ID }, IDList(s.db, ids))
}

// IDList binds integer record numbers for db.In, as their decimal texts:
// PostgreSQL reads the array as bigint[] from the column, and SQLite
// compares json_each's text values to an INTEGER column numerically.
func IDList(db *sqldb.DB, ids []int64) any {
	keys := make([]string, len(ids))
	for i, id := range ids {
		keys[i] = strconv.FormatInt(id, 10)
	}
	return sqldb.List(db, keys)
}

// Insert bulk-loads the files of a batch (used by the data generator).
func (s *Store) Insert(ctx context.Context, files []File) error {
	var docs, surnames, regs [][]any
	for _, f := range files {
		for _, d := range f.Documents {
			docs = append(docs, []any{d.ID, string(d.IIN), string(d.Kind), d.KindRu, d.Number, d.LastName, d.FirstName,
				d.MiddleName, string(d.Gender), d.IssueDate, d.ExpiryDate, d.Issuer, d.IssueReasonRu, d.RegionKATO,
				string(d.Status), d.StatusDate})
		}
		for _, c := range f.Surnames {
			surnames = append(surnames, []any{string(c.IIN), c.PreviousLastName, c.NewLastName, c.ChangedOn, c.ReasonRu})
		}
		for _, a := range f.Addresses {
			regs = append(regs, []any{string(a.IIN), a.Address, a.RegionKATO, a.RegisteredFrom, a.RegisteredTo, a.DeregistrationReasonRu})
		}
	}
	if err := s.db.BulkInsert(ctx, "documents", docColumns, docs); err != nil {
		return err
	}
	if err := s.db.BulkInsert(ctx, "surname_changes", surnameColumns, surnames); err != nil {
		return err
	}
	return s.db.BulkInsert(ctx, "registrations", regColumns, regs)
}
