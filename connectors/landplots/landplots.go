// Package landplots is the connector to Земельный участок (Единый
// государственный земельный кадастр, the land cadastre): plots by cadastral
// number and the registered rights of persons and legal entities to them.
package landplots

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "land_cadastre"

//go:embed migrations/*.sql
var migrations embed.FS

const plotColumns = `cadastral_number, area_ha, category, purpose, region_kato, address, divisible`

const rightColumns = `record_id, object_number, holder_id, holder_kind, right_type, share_numerator,
	share_denominator, since`

// Store reads and loads the land cadastre.
type Store struct {
	db       *sqldb.DB
	byNumber string
	byHolder string
	byObject string
	// byHolder and byObject capped per key (link graphs).
	byHolderTop string
	byObjectTop string
}

var _ sio.LandRegistry = (*Store)(nil)

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
		byNumber:    db.Q(`SELECT ` + plotColumns + ` FROM {plots} WHERE ` + db.In("cadastral_number")),
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

// PlotsByNumber returns the plots found among cadastral numbers, in one
// statement.
func (s *Store) PlotsByNumber(ctx context.Context, numbers []string) (map[string]*sio.LandPlot, error) {
	return sqldb.Index(ctx, s.db, "landplots: by number", s.byNumber, func(r *sio.LandPlot) string { return r.CadastralNumber }, sqldb.List(s.db, numbers))
}

// RightsByHolder returns the rights of each holder (IIN or BIN) among
// holders, in record order, in one statement.
func (s *Store) RightsByHolder(ctx context.Context, holders []string) (map[string][]sio.PropertyRight, error) {
	return sqldb.Group(ctx, s.db, "landplots: rights by holder", s.byHolder, func(r *sio.PropertyRight) string { return r.HolderID }, sqldb.List(s.db, holders))
}

// RightsByObject returns the rights to each plot among cadastral numbers, in
// record order, in one statement.
func (s *Store) RightsByObject(ctx context.Context, numbers []string) (map[string][]sio.PropertyRight, error) {
	return sqldb.Group(ctx, s.db, "landplots: rights by object", s.byObject, func(r *sio.PropertyRight) string { return r.ObjectNumber }, sqldb.List(s.db, numbers))
}

type rightRow struct {
	sio.PropertyRight
	Total int `db:"total"`
}

// RightsByHolderCapped returns, for each holder among holders, at most per
// of its rights (in record order) and how many it has, in one statement.
func (s *Store) RightsByHolderCapped(ctx context.Context, holders []string, per int) (map[string][]sio.PropertyRight, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "landplots: rights by holder (capped)", s.byHolderTop,
		func(r *rightRow) (string, sio.PropertyRight, int) { return r.HolderID, r.PropertyRight, r.Total },
		sqldb.List(s.db, holders), per)
}

// RightsByObjectCapped returns, for each object among cadastral numbers,
// at most per of the rights to it (in record order) and how many there
// are, in one statement: an object with thousands of co-holders is a hub
// of a relationship graph.
func (s *Store) RightsByObjectCapped(ctx context.Context, numbers []string, per int) (map[string][]sio.PropertyRight, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "landplots: rights by object (capped)", s.byObjectTop,
		func(r *rightRow) (string, sio.PropertyRight, int) { return r.ObjectNumber, r.PropertyRight, r.Total },
		sqldb.List(s.db, numbers), per)
}

// Insert bulk-loads plots (used by the data generator).
func (s *Store) Insert(ctx context.Context, ps []sio.LandPlot) error {
	rows := make([][]any, len(ps))
	for i, p := range ps {
		rows[i] = []any{p.CadastralNumber, p.AreaHa, p.Category, p.Purpose, p.RegionKATO, p.Address, p.Divisible}
	}
	return s.db.BulkInsert(ctx, "plots", []string{"cadastral_number", "area_ha", "category", "purpose",
		"region_kato", "address", "divisible"}, rows)
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

// Count returns the number of plots (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "plots")
}
