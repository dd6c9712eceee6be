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

// Store reads and loads Железнодорожный транспорт.
type Store struct {
	db       *sqldb.DB
	byOwner  string
	byNumber string
}

var _ sio.RollingStockRegistry = (*Store)(nil)

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
	sel := transportkit.Select("rolling_stock", columns)
	return &Store{
		db:       db,
		byOwner:  db.Q(sel + db.In("owner_id") + ` ORDER BY owner_id, kind, registered_at, number`),
		byNumber: db.Q(sel + db.In("number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// RollingStockByOwner returns the rolling stock of each owner (IIN or BIN),
// locomotives first, then in order of registration, in one statement.
func (s *Store) RollingStockByOwner(ctx context.Context, owners []string) (map[string][]sio.RollingStock, error) {
	return sqldb.Group(ctx, s.db, "railway: by owner", s.byOwner, func(x *sio.RollingStock) string { return x.OwnerID }, sqldb.List(s.db, owners))
}

// RollingStockByNumber returns the units found among numbers, in one
// statement.
func (s *Store) RollingStockByNumber(ctx context.Context, numbers []string) (map[string]*sio.RollingStock, error) {
	return sqldb.Index(ctx, s.db, "railway: by number", s.byNumber, func(x *sio.RollingStock) string { return x.Number }, sqldb.List(s.db, numbers))
}

// Insert bulk-loads rolling stock (used by the data generator).
func (s *Store) Insert(ctx context.Context, xs []sio.RollingStock) error {
	return transportkit.Insert(ctx, s.db, "rolling_stock", columns, xs, func(x *sio.RollingStock) []any {
		return []any{x.Number, string(x.Kind), x.TypeRu, x.Model, x.BuildYear, x.Plant, x.OwnerID, string(x.OwnerKind),
			x.CertificateNumber, x.RegisteredAt, x.HomeStation, x.RegionKATO, string(x.Status), x.DeregisteredAt}
	})
}
