// Package driverlicenses is the connector to База данных "Водительское
// удостоверение": the driving licences issued to persons, with their
// renewals and court deprivations, by holder and by number.
package driverlicenses

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "driver_licenses"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"number", "holder_iin", "categories", "issued_at", "expires_at", "issued_by", "region_kato",
	"status", "deprived_from", "deprived_until", "deprivation_court", "deprivation_article"}

// Store reads and loads Водительское удостоверение.
type Store struct {
	db       *sqldb.DB
	byHolder string
	byNumber string
}

var _ sio.DriverLicenseRegistry = (*Store)(nil)

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
	sel := transportkit.Select("driver_licenses", columns)
	return &Store{
		db:       db,
		byHolder: db.Q(sel + db.In("holder_iin") + ` ORDER BY holder_iin, issued_at, number`),
		byNumber: db.Q(sel + db.In("number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// LicensesByHolder returns each person's licences, oldest first, in one
// statement.
func (s *Store) LicensesByHolder(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.DriverLicense, error) {
	return sqldb.Group(ctx, s.db, "driver licenses: by holder", s.byHolder, func(l *sio.DriverLicense) sio.IIN { return l.HolderIIN }, sqldb.List(s.db, iins))
}

// LicensesByNumber returns the licences found among numbers ("AB123456"),
// in one statement.
func (s *Store) LicensesByNumber(ctx context.Context, numbers []string) (map[string]*sio.DriverLicense, error) {
	return sqldb.Index(ctx, s.db, "driver licenses: by number", s.byNumber, func(l *sio.DriverLicense) string { return l.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads licences (used by the data generator).
func (s *Store) Insert(ctx context.Context, ls []sio.DriverLicense) error {
	return transportkit.Insert(ctx, s.db, "driver_licenses", columns, ls, func(l *sio.DriverLicense) []any {
		return []any{l.Number, string(l.HolderIIN), l.CategoryList, l.IssuedAt, l.ExpiresAt, l.IssuedBy, l.RegionKATO,
			string(l.Status), l.DeprivedFrom, l.DeprivedUntil, l.DeprivationCourt, l.DeprivationArticle}
	})
}
