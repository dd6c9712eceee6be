// Package railway is the connector to База данных "Железнодорожный
// транспорт": the state register of rolling stock — freight wagons and
// locomotives of companies and a few persons — by owner and by number.
package railway

import (
	"context"
	"embed"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "railway_transport"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"number", "kind", "type_ru", "model", "build_year", "plant", "owner_id", "owner_kind",
	"certificate_number", "registered_at", "home_station", "region_kato", "status", "deregistered_at"}

func values(x *sio.RollingStock) []any {
	return []any{x.Number, string(x.Kind), x.TypeRu, x.Model, x.BuildYear, x.Plant, x.OwnerID, string(x.OwnerKind),
		x.CertificateNumber, x.RegisteredAt, x.HomeStation, x.RegionKATO, string(x.Status), x.DeregisteredAt}
}

// Store reads and loads Железнодорожный транспорт.
type Store struct {
	*transportkit.Register[sio.RollingStock]
	byOwner, byNumber string
}

var _ sio.RollingStockRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "rolling_stock", columns, values)
	return &Store{Register: g, byOwner: g.Lookup("owner_id", "owner_id, kind, registered_at, number"), byNumber: g.Lookup("number", "")}
}

// RollingStockByOwner returns the rolling stock of each owner (IIN or BIN),
// locomotives first, then in order of registration, in one statement.
func (s *Store) RollingStockByOwner(ctx context.Context, owners []string) (map[string][]sio.RollingStock, error) {
	return transportkit.Group(ctx, s.Register, "railway: by owner", s.byOwner, func(x *sio.RollingStock) string { return x.OwnerID }, owners)
}

// RollingStockByNumber returns the units found among numbers, in one
// statement.
func (s *Store) RollingStockByNumber(ctx context.Context, numbers []string) (map[string]*sio.RollingStock, error) {
	return transportkit.Index(ctx, s.Register, "railway: by number", s.byNumber, func(x *sio.RollingStock) string { return x.Number }, numbers)
}
