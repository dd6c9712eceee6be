// Package contacts is the connector to Поиск адресов и контактных
// телефонов: the phone numbers and addresses of persons and legal entities
// as the mobile operators, Казахтелеком, ГБД ФЛ, ГБД ЮЛ and other sources
// report them, with dates. Numbers are shared as in life: a family's home
// line, a company phone its director uses, a parent's number given for a
// child.
package contacts

import (
	"context"
	"embed"
	"fmt"
	"strings"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "contacts"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	phoneColumns   = []string{"id", "phone", "owner_id", "owner_kind", "kind", "operator_ru", "source_ru", "since", "until"}
	addressColumns = []string{"id", "owner_id", "owner_kind", "kind", "address", "region_kato", "source_ru", "since", "until"}
	// insertColumns: the address columns and the search keys.
	insertColumns = []string{"id", "owner_id", "owner_kind", "kind", "address", "region_kato", "source_ru", "since", "until",
		"key_full", "key_street"}
)

// Store reads and loads the contacts register.
type Store struct {
	db               *sqldb.DB
	phonesByOwner    string
	phonesByNumber   string
	addressesByOwner string
	searchAddresses  string
	// The numbers in use, capped per key (link graphs).
	currentByOwner  string
	currentByNumber string
}

var _ sio.ContactRegistry = (*Store)(nil)

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
	phones := `SELECT ` + sqldb.Columns(phoneColumns) + ` FROM {phones} WHERE `
	addresses := `SELECT ` + sqldb.Columns(addressColumns) + ` FROM {addresses} WHERE `
	// The search keys are compared byte-wise whatever the collation (see
	// the migration's indexes).
	full, street := "key_full", "key_street"
	if db.Dialect == sqldb.Postgres {
		full, street = `key_full COLLATE "C"`, `key_street COLLATE "C"`
	}
	return &Store{
		db:               db,
		phonesByOwner:    db.Q(phones + db.In("owner_id") + ` ORDER BY owner_id, since, id`),
		phonesByNumber:   db.Q(phones + db.In("phone") + ` ORDER BY phone, since, id`),
		addressesByOwner: db.Q(addresses + db.In("owner_id") + ` ORDER BY owner_id, since, id`),
		currentByOwner: db.Q(sqldb.TopPerKey(sqldb.Columns(phoneColumns),
			`{phones} WHERE `+db.In("owner_id")+` AND until IS NULL`, "owner_id", "since, id")),
		currentByNumber: db.Q(sqldb.TopPerKey(sqldb.Columns(phoneColumns),
			`{phones} WHERE `+db.In("phone")+` AND until IS NULL`, "phone", "since, id")),
		searchAddresses: db.Q(addresses + `(` + full + ` >= ? AND ` + full + ` < ?) OR (` + street + ` >= ? AND ` + street + ` < ?)
			ORDER BY ` + full + `, id LIMIT ?`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// PhonesByOwner returns each owner's numbers, oldest first, in one
// statement.
func (s *Store) PhonesByOwner(ctx context.Context, owners []string) (map[string][]sio.ContactPhone, error) {
	return sqldb.Group(ctx, s.db, "contacts: phones by owner", s.phonesByOwner,
		func(p *sio.ContactPhone) string { return p.OwnerID }, sqldb.List(s.db, owners))
}

// PhonesByNumber returns the holders of each number, oldest first, in one
// statement.
func (s *Store) PhonesByNumber(ctx context.Context, phones []string) (map[string][]sio.ContactPhone, error) {
	return sqldb.Group(ctx, s.db, "contacts: phones by number", s.phonesByNumber,
		func(p *sio.ContactPhone) string { return p.Phone }, sqldb.List(s.db, phones))
}

type phoneRow struct {
	sio.ContactPhone
	Total int `db:"total"`
}

// CurrentPhonesByOwner returns, for each owner among owners, at most per of
// the numbers it uses now (Until nil; oldest first) and how many it uses,
// in one statement: a company with a thousand lines is a hub of a
// relationship graph.
func (s *Store) CurrentPhonesByOwner(ctx context.Context, owners []string, per int) (map[string][]sio.ContactPhone, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "contacts: current phones by owner", s.currentByOwner,
		func(r *phoneRow) (string, sio.ContactPhone, int) { return r.OwnerID, r.ContactPhone, r.Total },
		sqldb.List(s.db, owners), per)
}

// CurrentPhonesByNumber returns, for each number among phones, at most per
// of its current holders (oldest first) and how many there are, in one
// statement: a switchboard number given by thousands is a hub.
func (s *Store) CurrentPhonesByNumber(ctx context.Context, phones []string, per int) (map[string][]sio.ContactPhone, map[string]int, error) {
	return sqldb.GroupTop(ctx, s.db, "contacts: current phones by number", s.currentByNumber,
		func(r *phoneRow) (string, sio.ContactPhone, int) { return r.Phone, r.ContactPhone, r.Total },
		sqldb.List(s.db, phones), per)
}

// AddressesByOwner returns each owner's addresses, oldest first, in one
// statement.
func (s *Store) AddressesByOwner(ctx context.Context, owners []string) (map[string][]sio.ContactAddress, error) {
	return sqldb.Group(ctx, s.db, "contacts: addresses by owner", s.addressesByOwner,
		func(a *sio.ContactAddress) string { return a.OwnerID }, sqldb.List(s.db, owners))
}

// SearchAddresses returns at most limit addresses matching text (see
// AddressKey), ordered by address, in one statement. The key matches whole
// components: "г. Алматы, ул. Абая, д. 1" finds "..., д. 1" and "..., д. 1,
// кв. 5", not "..., д. 12". That is the byte range [key, key+"-"): after
// the key comes the end, a comma or a space, all below "-"; a hyphen or a
// letter continues the component.
func (s *Store) SearchAddresses(ctx context.Context, text string, limit int) ([]sio.ContactAddress, error) {
	key := AddressKey(text)
	if key == "" {
		return nil, fmt.Errorf("contacts: empty address search")
	}
	var out []sio.ContactAddress
	if err := s.db.Select(ctx, &out, s.searchAddresses, key, key+"-", key, key+"-", limit); err != nil {
		return nil, fmt.Errorf("contacts: search addresses: %w", err)
	}
	return out, nil
}

// AddressKey normalizes an address for search: upper case, Ё as Е, dots as
// spaces ("г.Алматы" = "г. Алматы" = "Г АЛМАТЫ"), components trimmed and
// joined by ", ".
func AddressKey(s string) string {
	s = strings.ReplaceAll(strings.ToUpper(strings.ReplaceAll(s, ".", " ")), "Ё", "Е")
	var parts []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// streetPrefixes open the street component of a normalized address.
var streetPrefixes = []string{"УЛ ", "ПР ", "ПР-Т ", "ПРОСП ", "МКР ", "ПЕР ", "Б-Р ", "НАБ ", "Ш ", "КВ-Л ", "ТУПИК "}

// StreetKey is the part of a normalized address from the street on (the
// whole key when no component names a street): an address is found from
// its locality or from its street.
func StreetKey(key string) string {
	parts := strings.Split(key, ", ")
	for i, p := range parts {
		for _, sp := range streetPrefixes {
			if strings.HasPrefix(p, sp) {
				return strings.Join(parts[i:], ", ")
			}
		}
	}
	return key
}

// Insert bulk-loads phones and addresses (used by the data generator).
func (s *Store) Insert(ctx context.Context, phones []sio.ContactPhone, addresses []sio.ContactAddress) error {
	rows := make([][]any, len(phones))
	for i, p := range phones {
		rows[i] = []any{p.ID, p.Phone, p.OwnerID, string(p.OwnerKind), string(p.Kind), p.OperatorRu, p.SourceRu, p.Since, p.Until}
	}
	if err := s.db.BulkInsert(ctx, "phones", phoneColumns, rows); err != nil {
		return err
	}
	rows = make([][]any, len(addresses))
	for i, a := range addresses {
		key := AddressKey(a.Address)
		rows[i] = []any{a.ID, a.OwnerID, string(a.OwnerKind), string(a.Kind), a.Address, a.RegionKATO, a.SourceRu, a.Since, a.Until,
			key, StreetKey(key)}
	}
	return s.db.BulkInsert(ctx, "addresses", insertColumns, rows)
}
