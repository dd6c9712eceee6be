// Package accounts is SIO's own user store (not a state database): the
// officials registered in the gateway with their role, agency, block flag and
// the date they signed the confidentiality agreement.
package accounts

import (
	"context"
	"database/sql"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "sio_accounts"

//go:embed migrations/*.sql
var migrations embed.FS

// ErrNoUser is returned by updates of an official who is not registered.
var ErrNoUser = &sio.Error{Code: sio.ENOTFOUND, Message: "the official is not registered in SIO"}

// agreement_signed_at is read under another name into a timestamp, which
// scans TIMESTAMPTZ (PostgreSQL) and RFC 3339 TEXT (SQLite) alike.
const columns = `iin, full_name, role_code, agency_code, position, blocked, agreement_signed_at AS signed_at`

// Store reads and updates the officials.
type Store struct {
	db        *sqldb.DB
	byIIN     string
	list      string
	sign      string
	signature string
	setBlock  string
	admin     adminStatements
}

var _ sio.UserDirectory = (*Store)(nil)

// Open opens the store's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	s := &Store{
		db:    db,
		byIIN: db.Q(`SELECT ` + columns + ` FROM {users} WHERE iin = ?`),
		list:  db.Q(`SELECT ` + columns + ` FROM {users} ORDER BY role_code, iin`),
		sign: db.Q(`UPDATE {users} SET agreement_signed_at = ?, agreement_signature = ?, agreement_certificate = ?
			WHERE iin = ?`),
		setBlock:  db.Q(`UPDATE {users} SET blocked = ? WHERE iin = ?`),
		signature: db.Q(`SELECT agreement_signature, agreement_certificate FROM {users} WHERE iin = ?`),
	}
	s.admin = newAdminStatements(s)
	return s
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// userRow is a users row with the agreement time in a dialect-neutral
// scanner.
type userRow struct {
	sio.User
	SignedAt timestamp `db:"signed_at"`
}

func (r *userRow) user() sio.User {
	u := r.User
	u.AgreementSignedAt = r.SignedAt.t
	return u
}

// UserByIIN returns the official, or nil, nil when not registered.
func (s *Store) UserByIIN(ctx context.Context, iin sio.IIN) (*sio.User, error) {
	var r userRow
	err := s.db.Get(ctx, &r, s.byIIN, string(iin))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("accounts: user by iin: %w", err)
	}
	u := r.user()
	return &u, nil
}

// ListUsers returns every official, ordered by role code and IIN.
func (s *Store) ListUsers(ctx context.Context) ([]sio.User, error) {
	var rows []userRow
	if err := s.db.Select(ctx, &rows, s.list); err != nil {
		return nil, fmt.Errorf("accounts: list users: %w", err)
	}
	out := make([]sio.User, len(rows))
	for i := range rows {
		out[i] = rows[i].user()
	}
	return out, nil
}

// Insert bulk-loads officials (used by the data generator). Agreement times
// are kept in UTC to the microsecond (PostgreSQL's precision).
func (s *Store) Insert(ctx context.Context, us []sio.User) error {
	rows := make([][]any, len(us))
	for i, u := range us {
		rows[i] = []any{string(u.IIN), u.FullName, u.RoleCode, u.AgencyCode, u.Position, u.Blocked,
			s.timeValue(u.AgreementSignedAt)}
	}
	return s.db.BulkInsert(ctx, "users", []string{"iin", "full_name", "role_code", "agency_code", "position",
		"blocked", "agreement_signed_at"}, rows)
}

// Signature is a signature of the usage agreement: its bytes and the
// certificate that verifies it ("" for both in sandbox mode).
type Signature struct {
	Value       []byte
	Certificate string
}

// SignAgreement records that the official signed the usage agreement at at
// (UTC, to the microsecond) with the signature (seed 000 §17: the signed
// agreement and the date are recorded). ErrNoUser if not registered.
func (s *Store) SignAgreement(ctx context.Context, iin sio.IIN, at time.Time, sig Signature) error {
	return s.update(ctx, "sign agreement", s.sign, s.timeValue(&at), base64.StdEncoding.EncodeToString(sig.Value),
		sig.Certificate, string(iin))
}

// AgreementSignature returns the recorded signature of the official's
// agreement (zero when unsigned or unregistered).
func (s *Store) AgreementSignature(ctx context.Context, iin sio.IIN) (Signature, error) {
	var row struct {
		Value       string `db:"agreement_signature"`
		Certificate string `db:"agreement_certificate"`
	}
	err := s.db.Get(ctx, &row, s.signature, string(iin))
	if errors.Is(err, sql.ErrNoRows) {
		return Signature{}, nil
	}
	if err != nil {
		return Signature{}, fmt.Errorf("accounts: agreement signature: %w", err)
	}
	v, err := base64.StdEncoding.DecodeString(row.Value)
	if err != nil {
		return Signature{}, fmt.Errorf("accounts: agreement signature: %w", err)
	}
	return Signature{Value: v, Certificate: row.Certificate}, nil
}

// SetBlocked blocks or unblocks the official. ErrNoUser if not registered.
func (s *Store) SetBlocked(ctx context.Context, iin sio.IIN, blocked bool) error {
	return s.update(ctx, "set blocked", s.setBlock, blocked, string(iin))
}

func (s *Store) update(ctx context.Context, what, query string, args ...any) error {
	res, err := s.db.Exec(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("accounts: %s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("accounts: %s: %w", what, err)
	}
	if n == 0 {
		return ErrNoUser
	}
	return nil
}

// Count returns the number of officials (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "users")
}

// textTime is how SQLite stores agreement times: fixed-width RFC 3339 in
// UTC, so that text order is time order.
const textTime = "2006-01-02T15:04:05.000000Z07:00"

// timeValue is the parameter for a nullable timestamp column.
func (s *Store) timeValue(t *time.Time) any {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Microsecond)
	if s.db.Dialect == sqldb.SQLite {
		return u.Format(textTime)
	}
	return u
}

// timestamp scans a nullable timestamp from time.Time (PostgreSQL
// TIMESTAMPTZ) or text (SQLite) into a UTC *time.Time.
type timestamp struct{ t *time.Time }

var textLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999"}

// Scan implements sql.Scanner.
func (ts *timestamp) Scan(v any) error {
	ts.t = nil
	var s string
	switch x := v.(type) {
	case nil:
		return nil
	case time.Time:
		u := x.UTC()
		ts.t = &u
		return nil
	case string:
		s = x
	case []byte:
		s = string(x)
	default:
		return fmt.Errorf("accounts: cannot scan %T as a timestamp", v)
	}
	for _, layout := range textLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			u := t.UTC()
			ts.t = &u
			return nil
		}
	}
	return fmt.Errorf("accounts: %q is not a timestamp", s)
}
