// Package restrictions is the connector to the register of restrictions:
// bans on real estate (service 57), on legal entities (58), on a person's
// participation in legal entities (59) and encumbrances of land plots (65).
// It is the one connector that writes: investigators and bailiffs impose
// and lift restrictions through SIO, each change in one transaction,
// idempotent by the client's key and recorded with who, when, basis, case
// and reason.
package restrictions

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "restrictions"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	columns = []string{"id", "type", "measure_ru", "object_id", "status", "authority_ru", "basis", "case_registry",
		"case_number", "reason", "imposed_at", "lifted_at"}
	changeColumns = []string{"restriction_id", "seq", "action", "at", "official_iin", "official_role", "official_agency",
		"basis", "case_registry", "case_number", "reason", "recorded_via", "client_key", "request_digest"}
)

// Store reads and changes the register of restrictions.
type Store struct {
	db *sqldb.DB
	// reads: a restriction with its changes, one row per change
	byObject, byID string
	// writes, inside a change's transaction
	nextSerial, byKey, insert, insertChange, lift, statusOf, nextSeq string
}

var _ sio.RestrictionRegister = (*Store)(nil)

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
	sel := `SELECT r.` + strings.Join(columns, ", r.")
	for _, c := range changeColumns[1:12] {
		sel += ", c." + c + " AS c_" + c
	}
	sel += ` FROM {restrictions} r JOIN {restriction_changes} c ON c.restriction_id = r.id WHERE `
	return &Store{
		db:           db,
		byObject:     db.Q(sel + `r.type = ? AND ` + db.In("r.object_id") + ` ORDER BY r.object_id, r.imposed_at, r.id, c.seq`),
		byID:         db.Q(sel + `r.id = ? ORDER BY c.seq`),
		nextSerial:   db.Q(`UPDATE {serials} SET n = n + 1 WHERE name = 'sio' RETURNING n`),
		byKey:        db.Q(`SELECT restriction_id, request_digest FROM {restriction_changes} WHERE official_iin = ? AND client_key = ?`),
		insert:       db.Q(`INSERT INTO {restrictions} (` + sqldb.Columns(columns) + `) VALUES (` + placeholders(len(columns)) + `)`),
		insertChange: db.Q(`INSERT INTO {restriction_changes} (` + sqldb.Columns(changeColumns) + `) VALUES (` + placeholders(len(changeColumns)) + `)`),
		lift:         db.Q(`UPDATE {restrictions} SET status = 'LIFTED', lifted_at = ? WHERE id = ? AND type = ? AND status = 'ACTIVE'`),
		statusOf:     db.Q(`SELECT status FROM {restrictions} WHERE id = ? AND type = ?`),
		nextSeq:      db.Q(`SELECT COALESCE(MAX(seq), 0) + 1 FROM {restriction_changes} WHERE restriction_id = ?`),
	}
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// row is a restriction joined with one of its changes.
type row struct {
	sio.Restriction
	Seq            int       `db:"c_seq"`
	Action         string    `db:"c_action"`
	At             time.Time `db:"c_at"`
	OfficialIIN    *sio.IIN  `db:"c_official_iin"`
	OfficialRole   string    `db:"c_official_role"`
	OfficialAgency string    `db:"c_official_agency"`
	Basis          string    `db:"c_basis"`
	CaseRegistry   string    `db:"c_case_registry"`
	CaseNumber     string    `db:"c_case_number"`
	Reason         string    `db:"c_reason"`
	RecordedVia    string    `db:"c_recorded_via"`
}

// assemble folds rows (ordered by restriction, then change) into
// restrictions with their history, times in UTC.
func assemble(rows []row) []sio.Restriction {
	var out []sio.Restriction
	for i := range rows {
		x := &rows[i]
		if len(out) == 0 || out[len(out)-1].ID != x.ID {
			r := x.Restriction
			r.ImposedAt = r.ImposedAt.UTC()
			if r.LiftedAt != nil {
				t := r.LiftedAt.UTC()
				r.LiftedAt = &t
			}
			out = append(out, r)
		}
		r := &out[len(out)-1]
		r.History = append(r.History, sio.RestrictionChange{RestrictionID: x.ID, Seq: x.Seq, Action: sio.RestrictionAction(x.Action),
			At: x.At.UTC(), OfficialIIN: x.OfficialIIN, OfficialRole: x.OfficialRole, OfficialAgency: x.OfficialAgency,
			Basis: x.Basis, CaseRegistry: x.CaseRegistry, CaseNumber: x.CaseNumber, Reason: x.Reason, RecordedVia: x.RecordedVia})
	}
	return out
}

// RestrictionsOf returns the restrictions of typ on each object with their
// history, oldest first, in one statement.
func (s *Store) RestrictionsOf(ctx context.Context, typ sio.RestrictionType, objects []string) (map[string][]sio.Restriction, error) {
	var rows []row
	if err := s.db.Select(ctx, &rows, s.byObject, string(typ), sqldb.List(s.db, objects)); err != nil {
		return nil, fmt.Errorf("restrictions: by object: %w", err)
	}
	out := map[string][]sio.Restriction{}
	for _, r := range assemble(rows) {
		out[r.ObjectID] = append(out[r.ObjectID], r)
	}
	return out, nil
}

// ByID returns a restriction with its history, or nil.
func (s *Store) ByID(ctx context.Context, id string) (*sio.Restriction, error) {
	var rows []row
	if err := s.db.Select(ctx, &rows, s.byID, id); err != nil {
		return nil, fmt.Errorf("restrictions: by id: %w", err)
	}
	if rs := assemble(rows); len(rs) > 0 {
		return &rs[0], nil
	}
	return nil, nil
}

// prefixes of restriction IDs by type: "RE-00001234" from the source
// registers, "RE-S0000012" created through SIO.
var prefixes = map[sio.RestrictionType]string{
	sio.RestrictionRealEstateBan:    "RE",
	sio.RestrictionLandEncumbrance:  "LP",
	sio.RestrictionLegalEntityBan:   "LE",
	sio.RestrictionParticipationBan: "PP",
}

// Impose records a new restriction in force with its IMPOSE change, in one
// transaction. Replaying the official's client key with the same request
// returns the restriction it created; with another request it is
// BAD_USER_INPUT.
func (s *Store) Impose(ctx context.Context, req sio.ImposeRequest) (*sio.Restriction, error) {
	prefix, ok := prefixes[req.Type]
	if !ok {
		return nil, fmt.Errorf("restrictions: unknown type %q", req.Type)
	}
	digest := requestDigest(sio.RestrictionImpose, req.Type, req.ObjectID, req.ChangeRequest)
	return s.change(ctx, req.ChangeRequest, digest, func(tx *sqlx.Tx, serial int64) (string, error) {
		id := fmt.Sprintf("%s-S%07d", prefix, serial)
		at := s.timeValue(req.At)
		if _, err := tx.ExecContext(ctx, s.insert, id, string(req.Type), sio.RestrictionMeasureRu(req.Type, req.Basis), req.ObjectID,
			string(sio.RestrictionActive), req.AuthorityRu, req.Basis, req.CaseRegistry, req.CaseNumber, req.Reason, at, nil); err != nil {
			return "", fmt.Errorf("restrictions: insert: %w", err)
		}
		return id, s.record(ctx, tx, id, 1, sio.RestrictionImpose, req.ChangeRequest, digest)
	})
}

// Lift lifts a restriction of req.Type in force and records the LIFT
// change, in one transaction: NOT_FOUND if there is no such restriction,
// BAD_USER_INPUT if it is lifted already. Idempotent as Impose.
func (s *Store) Lift(ctx context.Context, req sio.LiftRequest) (*sio.Restriction, error) {
	digest := requestDigest(sio.RestrictionLift, req.Type, req.ID, req.ChangeRequest)
	return s.change(ctx, req.ChangeRequest, digest, func(tx *sqlx.Tx, _ int64) (string, error) {
		res, err := tx.ExecContext(ctx, s.lift, s.timeValue(req.At), req.ID, string(req.Type))
		if err != nil {
			return "", fmt.Errorf("restrictions: lift: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return "", err
		} else if n == 0 {
			var status string
			switch err := tx.GetContext(ctx, &status, s.statusOf, req.ID, string(req.Type)); {
			case errors.Is(err, sql.ErrNoRows):
				return "", &sio.Error{Code: sio.ENOTFOUND, Argument: "id", Message: fmt.Sprintf("id: no restriction %s of type %s", req.ID, req.Type)}
			case err != nil:
				return "", err
			}
			return "", &sio.Error{Code: sio.EBADINPUT, Argument: "id", Message: fmt.Sprintf("id: restriction %s is lifted already", req.ID)}
		}
		var seq int
		if err := tx.GetContext(ctx, &seq, s.nextSeq, req.ID); err != nil {
			return "", err
		}
		return req.ID, s.record(ctx, tx, req.ID, seq, sio.RestrictionLift, req.ChangeRequest, digest)
	})
}

// change runs apply in a transaction that first takes the next serial (the
// register's write lock) and checks the official's client key: a key seen
// before returns its restriction if the request is the same and is
// BAD_USER_INPUT otherwise, writing nothing. Any failure rolls the whole
// change back.
func (s *Store) change(ctx context.Context, c sio.ChangeRequest, digest string, apply func(tx *sqlx.Tx, serial int64) (string, error)) (*sio.Restriction, error) {
	if c.ClientKey == "" || c.Official.IIN == "" {
		return nil, errors.New("restrictions: a change needs the official and a client key")
	}
	id, err := func() (string, error) {
		tx, err := s.db.BeginTxx(ctx, nil)
		if err != nil {
			return "", err
		}
		defer tx.Rollback()
		var serial int64
		if err := tx.GetContext(ctx, &serial, s.nextSerial); err != nil {
			return "", fmt.Errorf("restrictions: next serial: %w", err)
		}
		var prev struct {
			ID     string  `db:"restriction_id"`
			Digest *string `db:"request_digest"`
		}
		switch err := tx.GetContext(ctx, &prev, s.byKey, string(c.Official.IIN), c.ClientKey); {
		case err == nil:
			if prev.Digest == nil || *prev.Digest != digest {
				return "", &sio.Error{Code: sio.EBADINPUT, Argument: "clientKey",
					Message: "clientKey: already used for another change; use a new key for a new change"}
			}
			return prev.ID, nil
		case !errors.Is(err, sql.ErrNoRows):
			return "", fmt.Errorf("restrictions: client key: %w", err)
		}
		id, err := apply(tx, serial)
		if err != nil {
			return "", err
		}
		return id, tx.Commit()
	}()
	if err != nil {
		return nil, err
	}
	return s.ByID(ctx, id)
}

// record inserts a change made through SIO.
func (s *Store) record(ctx context.Context, tx *sqlx.Tx, id string, seq int, action sio.RestrictionAction, c sio.ChangeRequest, digest string) error {
	_, err := tx.ExecContext(ctx, s.insertChange, id, seq, string(action), s.timeValue(c.At), string(c.Official.IIN), c.Official.RoleCode,
		c.Official.AgencyCode, c.Basis, c.CaseRegistry, c.CaseNumber, c.Reason, sio.RecordedViaSIO, c.ClientKey, digest)
	if err != nil {
		return fmt.Errorf("restrictions: record change: %w", err)
	}
	return nil
}

// requestDigest identifies a request for the idempotency check: the same
// action on the same target for the same reason under the same basis and
// case.
func requestDigest(action sio.RestrictionAction, typ sio.RestrictionType, target string, c sio.ChangeRequest) string {
	h := sha256.New()
	for _, part := range []string{string(action), string(typ), target, c.Reason, c.Basis, c.CaseRegistry, c.CaseNumber} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sqliteTime is how SQLite stores times: fixed-width text in UTC that sorts
// chronologically and that the driver scans back into time.Time (columns
// declared TIMESTAMP).
const sqliteTime = "2006-01-02 15:04:05.000000-07:00"

// timeValue is the parameter for a timestamp, in UTC to the microsecond
// (PostgreSQL's precision).
func (s *Store) timeValue(t time.Time) any {
	u := t.UTC().Truncate(time.Microsecond)
	if s.db.Dialect == sqldb.SQLite {
		return u.Format(sqliteTime)
	}
	return u
}

// Insert bulk-loads restrictions with their history (used by the data
// generator).
func (s *Store) Insert(ctx context.Context, rs []sio.Restriction) error {
	rows := make([][]any, len(rs))
	var changes [][]any
	for i, r := range rs {
		var lifted any
		if r.LiftedAt != nil {
			lifted = s.timeValue(*r.LiftedAt)
		}
		rows[i] = []any{r.ID, string(r.Type), r.MeasureRu, r.ObjectID, string(r.Status), r.AuthorityRu, r.Basis, r.CaseRegistry,
			r.CaseNumber, r.Reason, s.timeValue(r.ImposedAt), lifted}
		for _, c := range r.History {
			var iin any
			if c.OfficialIIN != nil {
				iin = string(*c.OfficialIIN)
			}
			changes = append(changes, []any{r.ID, c.Seq, string(c.Action), s.timeValue(c.At), iin, c.OfficialRole, c.OfficialAgency,
				c.Basis, c.CaseRegistry, c.CaseNumber, c.Reason, c.RecordedVia, nil, nil})
		}
	}
	if err := s.db.BulkInsert(ctx, "restrictions", columns, rows); err != nil {
		return err
	}
	return s.db.BulkInsert(ctx, "restriction_changes", changeColumns, changes)
}
