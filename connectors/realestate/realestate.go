// Package realestate is the connector to Регистр недвижимости (the state
// register of real estate and of rights to it): objects by cadastral number
// and the registered rights of persons and legal entities.
package realestate

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "real_estate"

//go:embed migrations/*.sql
var migrations embed.FS

const propertyColumns = `cadastral_number, kind, region_kato, address, area_sqm, rooms, year_built, registered_at`

const rightColumns = `record_id, object_number, holder_id, holder_kind, right_type, share_numerator,
	share_denominator, since`

// Store reads and loads Регистр недвижимости.
type Store struct {
	db       *sqldb.DB
	byNumber string
	byHolder string
	byObject string
	// byHolder and byObject capped per key (link graphs).
	byHolderTop string
	byObjectTop string
}

var _ sio.RealEstateRegistry = (*Store)(nil)

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
		byNumber:    db.Q(`SELECT ` + propertyColumns + ` FROM {properties} WHERE ` + db.In("cadastral_number")),
		byHolder:    db.Q(`SELECT ` + rightColumns + ` FROM {rights} WHERE ` + db.In("holder_id") + ` ORDER BY record_id`),
		byObject:    db.Q(`SELECT ` + rightColumns + ` FROM {rights} WHERE ` + db.In("object_number") + ` ORDER BY record_id`),
		byHolderTop: db.Q(sqldb.TopPerKey(rightColumns, `{rights} WHERE `+db.In("holder_id"), "holder_id", "record_id")),
		byObjectTop: db.Q(sqldb.TopPerKey(rightColumns, `{rights} WHERE `+db.In("object_number"), "object_number", "record_id")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// PropertiesByNumber returns the objects found among cadastral numbers, in
// one statement.
func (s *Store) PropertiesByNumber(ctx context.Context, numbers []string) (map[string]*sio.RealEstate, error) {
	return sqldb.Index(ctx, s.db, "realestate: by number", s.byNumber, func(r *sio.RealEstate) string { return r.CadastralNumber }, sqldb.List(s.db, numbers))
}

// RightsByHolder returns the rights of each holder (IIN or BIN) among
// holders, in record order, in one statement.
func (s *Store) RightsByHolder(ctx context.Context, holders []string) (map[string][]sio.PropertyRight, error) {
	return sqldb.Group(ctx, s.db, "realestate: rights by holder", s.byHolder, func(r *sio.PropertyRight) string { return r.HolderID }, sqldb.List(s.db, holders))
}

// RightsByObject returns the rights to each object among cadastral numbers,
// in record order, in one statement.
func (s *Store) RightsByObject(ctx context.Context, numbers []string) (map[string][]sio.PropertyRight, error) {
	return sqldb.Group(ctx, s.db, "realestate: rights by object", s.byObject, func(r *sio.PropertyRight) string { return r.ObjectNumber }, sqldb.List(s.db, numbers))
}

type rightRow struct {
	sio.PropertyRight
	Total int `db:"total"`
}

// RightsByHolderCapped returns, for each holder among holders, at most per
// of its rights (in record order) and how many it has, in one statement.
func (s *Store) RightsByHolderCapped(ctx context.Context, holders []string, per int) (map[string][]sio.PropertyRight, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "realestate: rights by holder (capped)", s.byHolderTop,
		func(r *rightRow) (string, sio.PropertyRight, int) { return r.HolderID, r.PropertyRight, r.Total },
		sqldb.List(s.db, holders), per)
}

// RightsByObjectCapped returns, for each object among cadastral numbers,
// at most per of the rights to it (in record order) and how many there
// are, in one statement: an object with thousands of co-holders is a hub
// of a relationship graph.
func (s *Store) RightsByObjectCapped(ctx context.Context, numbers []string, per int) (map[string][]sio.PropertyRight, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "realestate: rights by object (capped)", s.byObjectTop,
		func(r *rightRow) (string, sio.PropertyRight, int) { return r.ObjectNumber, r.PropertyRight, r.Total },
		sqldb.List(s.db, numbers), per)
}

// Insert bulk-loads objects (used by the data generator).
func (s *Store) Insert(ctx context.Context, ps []sio.RealEstate) error {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = []any{p.CadastralNumber, p.Kind, p.RegionKATO, p.Address, p.AreaSqm, p.Rooms, p.YearBuilt, p.RegisteredAt}
	}
	return s.db.BulkInsert(ctx, "properties", []string{"cadastral_number", "kind", "region_kato", "address",
		"area_sqm", "rooms", "year_built", "registered_at"}, rows)
}

// InsertRights bulk-loads rights (used by the data generator).
func (s *Store) InsertRights(ctx context.Context, rs []sio.PropertyRight) error {
	rows := make([][]any, len(rs))
	for i, r := range rs {
		rows[i] = []any{r.RecordID, r.ObjectNumber, r.HolderID, string(r.HolderKind), r.RightType,
			r.ShareNumerator, r.ShareDenominator, r.Since}
	}
	return s.db.BulkInsert(ctx, "rights", []string{"record_id", "object_number", "holder_id", "holder_kind",
		"right_type", "share_numerator", "share_denominator", "since"}, rows)
}

// Count returns the number of objects (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "properties")
}
