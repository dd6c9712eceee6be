// Package legalentities is the connector to ГБД ЮЛ (Государственная база
// данных "Юридические лица"), the state database of legal entities: their
// registration data, directors and founders (participants).
package legalentities

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "gbd_ul"

//go:embed migrations/*.sql
var migrations embed.FS

// An empty director_iin (legacy rows) reads as NULL, i.e. no director.
const entityColumns = `bin, name_ru, name_kz, legal_form, registration_date, status, region_kato,
	address, activity_code, activity_ru, NULLIF(director_iin, '') AS director_iin`

const founderColumns = `entity_bin, founder_id, founder_kind, share_percent, since`

// Store reads and loads ГБД ЮЛ.
type Store struct {
	db          *sqldb.DB
	byBINs      string
	namesByBINs string
	founders    string
	rolesOfIDs  string
	// The same, at most per rows per key (link graphs; see links.go).
	foundersTop string
	rolesTop    string
}

var (
	_ sio.EntityRegistry = (*Store)(nil)
	_ sio.EntityNames    = (*Store)(nil)
)

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
		db:          db,
		foundersTop: foundersTopQuery(db),
		rolesTop:    rolesTopQuery(db),
		byBINs:      db.Q(`SELECT ` + entityColumns + ` FROM {legal_entities} WHERE ` + db.In("bin")),
		namesByBINs: db.Q(`SELECT bin, name_ru, status FROM {legal_entities} WHERE ` + db.In("bin")),
		founders: db.Q(`SELECT ` + founderColumns + ` FROM {founders} WHERE ` + db.In("entity_bin") +
			` ORDER BY entity_bin, share_percent DESC, founder_id`),
		// Founder roles carry the share; director roles date from the
		// entity's registration. Both halves bind the same id list.
		rolesOfIDs: db.Q(`SELECT founder_id AS subject_id, 'FOUNDER' AS kind, entity_bin, share_percent, since
			FROM {founders} WHERE ` + db.In("founder_id") + `
			UNION ALL
			SELECT director_iin, 'DIRECTOR', bin, NULL, registration_date
			FROM {legal_entities} WHERE ` + db.In("director_iin") + `
			ORDER BY subject_id, since, entity_bin, kind`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// EntitiesByBIN returns the legal entities found among bins, in one
// statement.
func (s *Store) EntitiesByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN]*sio.LegalEntity, error) {
	return sqldb.Index(ctx, s.db, "legalentities: by bin", s.byBINs, func(e *sio.LegalEntity) sio.BIN { return e.BIN }, sqldb.List(s.db, bins))
}

// EntityNamesByBIN returns the names and statuses of the legal entities
// found among bins, in one statement.
func (s *Store) EntityNamesByBIN(ctx context.Context, bins []sio.BIN) (map[sio.BIN]*sio.EntityName, error) {
	return sqldb.Index(ctx, s.db, "legalentities: names by bin", s.namesByBINs, func(e *sio.EntityName) sio.BIN { return e.BIN }, sqldb.List(s.db, bins))
}

// FoundersByEntity returns the founders of each entity among bins (largest
// share first), in one statement. Entities without founders are absent.
func (s *Store) FoundersByEntity(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.Founder, error) {
	return sqldb.Group(ctx, s.db, "legalentities: founders", s.founders, func(f *sio.Founder) sio.BIN { return f.EntityBIN }, sqldb.List(s.db, bins))
}

// RolesBySubject returns, for each person (IIN) or entity (BIN) among ids,
// the entities it founded (with its share) and the entities it directs
// (share nil, since the entity's registration), oldest first, in one
// statement. Subjects without roles are absent.
func (s *Store) RolesBySubject(ctx context.Context, ids []string) (map[string][]sio.CompanyRole, error) {
	list := sqldb.List(s.db, ids)
	return sqldb.Group(ctx, s.db, "legalentities: roles", s.rolesOfIDs, func(r *sio.CompanyRole) string { return r.SubjectID }, list, list)
}

// Insert bulk-loads legal entities (used by the data generator). A nil or
// empty DirectorIIN is stored as NULL.
func (s *Store) Insert(ctx context.Context, es []sio.LegalEntity) error {
	rows := make([][]any, len(es))
	for i, e := range es {
		var director any
		if e.DirectorIIN != nil && *e.DirectorIIN != "" {
			director = string(*e.DirectorIIN)
		}
		rows[i] = []any{string(e.BIN), e.NameRu, e.NameKz, e.LegalForm, e.RegistrationDate, e.Status,
			e.RegionKATO, e.Address, e.ActivityCode, e.ActivityRu, director}
	}
	return s.db.BulkInsert(ctx, "legal_entities", []string{"bin", "name_ru", "name_kz", "legal_form",
		"registration_date", "status", "region_kato", "address", "activity_code", "activity_ru", "director_iin"}, rows)
}

// InsertFounders bulk-loads founders (used by the data generator).
func (s *Store) InsertFounders(ctx context.Context, fs []sio.Founder) error {
	rows := make([][]any, len(fs))
	for i, f := range fs {
		rows[i] = []any{string(f.EntityBIN), f.FounderID, string(f.FounderKind), f.SharePercent, f.Since}
	}
	return s.db.BulkInsert(ctx, "founders", []string{"entity_bin", "founder_id", "founder_kind",
		"share_percent", "since"}, rows)
}

// Count returns the number of legal entities (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "legal_entities")
}
