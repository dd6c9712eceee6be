// Package weapons is the connector to База данных "Зарегистрированное
// оружие": the weapons registered with the internal-affairs licensing units,
// by owner and by serial number.
package weapons

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "weapons"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"serial_number", "kind", "kind_ru", "make", "model", "caliber", "manufacture_year",
	"owner_id", "owner_kind", "permit_number", "permit_type_ru", "permit_issued", "permit_expires",
	"permit_status", "issued_by", "region_kato"}

// Store reads and loads Зарегистрированное оружие.
type Store struct {
	db       *sqldb.DB
	byOwner  string
	bySerial string
}

var _ sio.WeaponRegistry = (*Store)(nil)

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
	sel := `SELECT ` + sqldb.Columns(columns) + ` FROM {weapons} WHERE `
	return &Store{
		db:       db,
		byOwner:  db.Q(sel + db.In("owner_id") + ` ORDER BY owner_id, permit_issued, serial_number`),
		bySerial: db.Q(sel + db.In("serial_number")),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// WeaponsByOwner returns the weapons of each owner (IIN or BIN) among owners,
// oldest permit first, in one statement.
func (s *Store) WeaponsByOwner(ctx context.Context, owners []string) (map[string][]sio.Weapon, error) {
	return sqldb.Group(ctx, s.db, "weapons: by owner", s.byOwner, func(w *sio.Weapon) string { return w.OwnerID }, sqldb.List(s.db, owners))
}

// WeaponsBySerial returns the weapons found among serial numbers, in one
// statement.
func (s *Store) WeaponsBySerial(ctx context.Context, serials []string) (map[string]*sio.Weapon, error) {
	return sqldb.Index(ctx, s.db, "weapons: by serial", s.bySerial, func(w *sio.Weapon) string { return w.SerialNumber }, sqldb.List(s.db, serials))
}

// Insert bulk-loads weapons (used by the data generator).
func (s *Store) Insert(ctx context.Context, ws []sio.Weapon) error {
	rows := make([][]any, len(ws))
	for i, w := range ws {
		rows[i] = []any{w.SerialNumber, string(w.Kind), w.KindRu, w.Make, w.Model, w.Caliber, w.ManufactureYear,
			w.OwnerID, string(w.OwnerKind), w.PermitNumber, w.PermitTypeRu, w.PermitIssued, w.PermitExpires,
			string(w.PermitStatus), w.IssuedBy, w.RegionKATO}
	}
	return s.db.BulkInsert(ctx, "weapons", columns, rows)
}
