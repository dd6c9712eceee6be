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

func values(l *sio.DriverLicense) []any {
	return []any{l.Number, string(l.HolderIIN), l.CategoryList, l.IssuedAt, l.ExpiresAt, l.IssuedBy, l.RegionKATO,
		string(l.Status), l.DeprivedFrom, l.DeprivedUntil, l.DeprivationCourt, l.DeprivationArticle}
}

// Store reads and loads Водительское удостоверение.
type Store struct {
	*transportkit.Register[sio.DriverLicense]
	byHolder, byNumber string
}

var _ sio.DriverLicenseRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "driver_licenses", columns, values)
	return &Store{Register: g, byHolder: g.Lookup("holder_iin", "holder_iin, issued_at, number"), byNumber: g.Lookup("number", "")}
}

// LicensesByHolder returns each person's licences, oldest first, in one
// statement.
func (s *Store) LicensesByHolder(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.DriverLicense, error) {
	return transportkit.Group(ctx, s.Register, "driver licenses: by holder", s.byHolder, func(l *sio.DriverLicense) sio.IIN { return l.HolderIIN }, iins)
}

// LicensesByNumber returns the licences found among numbers ("AB123456"),
// in one statement.
func (s *Store) LicensesByNumber(ctx context.Context, numbers []string) (map[string]*sio.DriverLicense, error) {
	return transportkit.Index(ctx, s.Register, "driver licenses: by number", s.byNumber, func(l *sio.DriverLicense) string { return l.Number }, numbers)
}
