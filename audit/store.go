package audit

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "audit"

// WriterRole is the PostgreSQL role the log is written as: a LOGIN role
// of its own, so that the writer pool's session_user is the writer and
// RESET ROLE or SET ROLE gain it nothing. It may insert and read records,
// checkpoints and archives and move the head, but holds no UPDATE, DELETE
// or TRUNCATE grant on them.
const WriterRole = "sio_audit_writer"

//go:embed migrations/*.sql
var migrations embed.FS

var recordColumns = []string{"seq", "at_us", "kind", "request_id", "user_iin", "role", "agency", "auth_via", "basis",
	"case_number", "justification", "operation", "services", "subjects", "denials", "error_codes", "request",
	"request_digest", "result", "result_digest", "signature", "duration_us", "prev_hash", "hash"}

// Store is the audit database. The owner handle migrates, verifies,
// archives and reports; the writer handle appends (on PostgreSQL under
// WriterRole).
type Store struct {
	owner  *sqldb.DB
	writer *sqldb.DB

	lockHead, setHead, insertRecord, insertCheckpoint, page string

	// head is the chain head as this store last wrote it (PostgreSQL):
	// with it, a batch is one statement that moves the head only if it is
	// still there (see appendBatch). Only the log's writer goroutine uses
	// it.
	head struct {
		known          bool
		seq            int64
		hash           string
		lastCheckpoint int64
	}
	stats AppendStats
}

// AppendStats counts how batches were written: in one statement, under the
// head's lock, and how often the one statement found the head moved by
// another writer.
type AppendStats struct {
	OneStatement, Locked, HeadMoved int64
}

// AppendStats returns the store's counts so far. Read it when no batch is
// being written (tests, shutdown).
func (s *Store) AppendStats() AppendStats { return s.stats }

// StoreOptions say how the writer connects.
type StoreOptions struct {
	// WriterDSN is the PostgreSQL DSN of the writer pool; it must log in
	// as WriterRole (or a role that is a member of it), in production with
	// credentials of its own. Empty: the owner's DSN with the user
	// replaced by WriterRole and the password dropped, for a server that
	// lets the role in by its own rules (.pgpass, a client certificate, the
	// sandbox's trust).
	WriterDSN string
	// ReadOnly opens the owner handle only, without writer credentials:
	// verification, archiving and reports. A Log over it refuses every
	// record (ErrClosed).
	ReadOnly bool
}

// Open opens and migrates the audit store. On PostgreSQL it also creates
// WriterRole with its grants and opens the writer pool as that role (see
// OpenWith).
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return OpenWith(ctx, cfg, StoreOptions{})
}

// OpenWith is Open with the writer's connection given. On PostgreSQL the
// writer pool logs in as WriterRole, and opening fails (closed) unless that
// session is unable, directly or through any role it may SET ROLE to, to
// change records, checkpoints or archives.
func OpenWith(ctx context.Context, cfg sqldb.Config, opts StoreOptions) (*Store, error) {
	cfg.Durable = true
	owner, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	s := &Store{owner: owner, writer: owner}
	if opts.ReadOnly {
		s.writer = nil
	}
	if owner.Dialect == sqldb.Postgres {
		if err := grantWriter(ctx, owner); err != nil {
			owner.Close()
			return nil, err
		}
	}
	if owner.Dialect == sqldb.Postgres && !opts.ReadOnly {
		dsn := opts.WriterDSN
		if dsn == "" {
			dsn = sqldb.WithUser(cfg.PostgresDSN, WriterRole)
		}
		wcfg := cfg
		wcfg.Name = Name
		// Never acknowledge a request before its record is on disk, even
		// if the server's default says otherwise: every session of the
		// writer pool commits synchronously (set at connection start, not
		// with a statement per commit).
		wcfg.PostgresDSN = sqldb.WithRuntimeParam(dsn, "synchronous_commit", "on")
		wcfg.MaxOpenConns = 4
		if s.writer, err = sqldb.Open(ctx, wcfg); err != nil {
			owner.Close()
			return nil, fmt.Errorf("audit: writer: %w", err)
		}
		if err := checkWriter(ctx, s.writer); err != nil {
			s.writer.Close()
			owner.Close()
			return nil, err
		}
	}
	w := s.writer
	if w == nil {
		w = owner // the statements read alike; none runs on a read-only store
	}
	// The head, locked, with the last checkpoint (checkpoints are written
	// only under the head's lock): one round trip.
	lock := `SELECT h.seq, h.hash, (SELECT COALESCE(MAX(c.seq), 0) FROM {checkpoints} c) AS last
		FROM {head} h WHERE h.id = 1`
	if w.Dialect == sqldb.Postgres {
		lock += ` FOR UPDATE OF h`
	}
	s.lockHead = w.Q(lock)
	s.setHead = w.Q(`UPDATE {head} SET seq = ?, hash = ? WHERE id = 1`)
	s.insertRecord = w.Q(`INSERT INTO {records} (` + sqldb.Columns(recordColumns) + `) VALUES (` + placeholders(len(recordColumns)) + `)`)
	s.insertCheckpoint = w.Q(`INSERT INTO {checkpoints} (seq, hash, at_us, key_id, signature) VALUES (?, ?, ?, ?, ?)`)
	s.page = owner.Q(`SELECT ` + sqldb.Columns(recordColumns) + ` FROM {records} WHERE seq > ? ORDER BY seq LIMIT ?`)
	return s, nil
}

// grantWriter creates WriterRole (cluster-wide, once) as a LOGIN role and
// grants it exactly what appending needs on this schema. A writer of an
// earlier release (NOLOGIN, assumed with SET ROLE over the owner's
// connection) is given LOGIN. Where the owner may not create roles
// (production), the DBA creates WriterRole beforehand with a password of
// its own (see SECURITY.md).
func grantWriter(ctx context.Context, db *sqldb.DB) error {
	stmts := []string{
		`DO $$ BEGIN
			IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '` + WriterRole + `') THEN
				CREATE ROLE ` + WriterRole + ` LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
			ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = '` + WriterRole + `') THEN
				ALTER ROLE ` + WriterRole + ` LOGIN;
			END IF;
		EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
		END $$`,
		`GRANT USAGE ON SCHEMA ` + db.Name + ` TO ` + WriterRole,
		`GRANT SELECT, INSERT ON ` + db.Table("records") + `, ` + db.Table("checkpoints") + ` TO ` + WriterRole,
		`GRANT SELECT ON ` + db.Table("archives") + ` TO ` + WriterRole,
		`GRANT SELECT, UPDATE ON ` + db.Table("head") + ` TO ` + WriterRole,
	}
	for _, q := range stmts {
		if _, err := db.DB.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("audit: grants: %w", err)
		}
	}
	return nil
}

// checkWriter fails unless the writer pool's session holds WriterRole's
// grants and neither it nor any role it is a member of (which it could SET
// ROLE to) is a superuser or may update, delete or truncate records or
// checkpoints, or register archives: the append-only guarantee must not
// rest on the writer not trying.
func checkWriter(ctx context.Context, w *sqldb.DB) error {
	var c struct {
		User    string         `db:"session_user"`
		Writer  bool           `db:"writer"`
		Changer sql.NullString `db:"changer"`
	}
	// Tables by oid: a session without USAGE on the schema cannot name them.
	table := func(name string) string {
		return `(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = '` + w.Name + `' AND c.relname = '` + name + `')`
	}
	q := `SELECT session_user, pg_has_role(session_user, '` + WriterRole + `', 'USAGE') AS writer,
		(SELECT string_agg(r.rolname, ', ' ORDER BY r.rolname) FROM pg_roles r
		  WHERE pg_has_role(session_user, r.oid, 'MEMBER') AND (r.rolsuper
		    OR has_table_privilege(r.oid, ` + table("records") + `, 'UPDATE, DELETE, TRUNCATE')
		    OR has_table_privilege(r.oid, ` + table("checkpoints") + `, 'UPDATE, DELETE, TRUNCATE')
		    OR has_table_privilege(r.oid, ` + table("archives") + `, 'INSERT, UPDATE, DELETE, TRUNCATE'))) AS changer`
	if err := w.DB.GetContext(ctx, &c, q); err != nil {
		return fmt.Errorf("audit: writer: %w", err)
	}
	switch {
	case !c.Writer:
		return fmt.Errorf("audit: the writer pool logs in as %s, which does not hold %s", c.User, WriterRole)
	case c.Changer.Valid:
		return fmt.Errorf("audit: the writer pool logs in as %s, which can change the log (as %s): the writer must be a role of its own without UPDATE, DELETE or TRUNCATE", c.User, c.Changer.String)
	}
	return nil
}

func placeholders(n int) string {
	b := make([]byte, 0, 2*n)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '?')
	}
	return string(b)
}

// Owner is the owner handle (reports, verification, administration).
func (s *Store) Owner() *sqldb.DB { return s.owner }

// Close closes both handles.
func (s *Store) Close() error {
	var err error
	if s.writer != nil && s.writer != s.owner {
		err = s.writer.Close()
	}
	return errors.Join(err, s.owner.Close())
}

// DB is the owner handle, for the gateway's health checks.
func (s *Store) DB() *sqldb.DB { return s.owner }

// row is a records row.
type row struct {
	Seq           int64  `db:"seq"`
	AtUS          int64  `db:"at_us"`
	Kind          string `db:"kind"`
	RequestID     string `db:"request_id"`
	UserIIN       string `db:"user_iin"`
	Role          string `db:"role"`
	Agency        string `db:"agency"`
	AuthVia       string `db:"auth_via"`
	Basis         string `db:"basis"`
	CaseNumber    string `db:"case_number"`
	Justification string `db:"justification"`
	Operation     string `db:"operation"`
	Services      string `db:"services"`
	Subjects      string `db:"subjects"`
	Denials       string `db:"denials"`
	ErrorCodes    string `db:"error_codes"`
	Request       []byte `db:"request"`
	RequestDigest string `db:"request_digest"`
	Result        []byte `db:"result"`
	ResultDigest  string `db:"result_digest"`
	Signature     string `db:"signature"`
	DurationUS    int64  `db:"duration_us"`
	PrevHash      string `db:"prev_hash"`
	Hash          string `db:"hash"`
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (r *Record) args() []any {
	nz := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	ds := r.Denials
	if ds == nil {
		ds = []Denial{}
	}
	return []any{r.Seq, r.At.UnixMicro(), r.Kind, r.RequestID, r.UserIIN, r.Role, r.Agency, r.AuthVia, r.Basis,
		r.CaseNumber, r.Justification, r.Operation, jsonText(nz(r.Services)), jsonText(nz(r.Subjects)), jsonText(ds),
		jsonText(nz(r.ErrorCodes)), r.Request, r.RequestDigest, r.Result, r.ResultDigest, r.Signature, r.DurationUS,
		r.PrevHash, r.Hash}
}

// record converts a row back; malformed JSON columns are reported, not
// hidden (they would mean tampering).
func (w *row) record() (Record, error) {
	r := Record{Seq: w.Seq, At: time.UnixMicro(w.AtUS).UTC(), Kind: w.Kind, RequestID: w.RequestID, UserIIN: w.UserIIN,
		Role: w.Role, Agency: w.Agency, AuthVia: w.AuthVia, Basis: w.Basis, CaseNumber: w.CaseNumber,
		Justification: w.Justification, Operation: w.Operation, Request: w.Request, RequestDigest: w.RequestDigest,
		Result: w.Result, ResultDigest: w.ResultDigest, Signature: w.Signature, DurationUS: w.DurationUS,
		PrevHash: w.PrevHash, Hash: w.Hash}
	err := errors.Join(json.Unmarshal([]byte(w.Services), &r.Services), json.Unmarshal([]byte(w.Subjects), &r.Subjects),
		json.Unmarshal([]byte(w.Denials), &r.Denials), json.Unmarshal([]byte(w.ErrorCodes), &r.ErrorCodes))
	return r, err
}

// Checkpoint is a signed chain head.
type Checkpoint struct {
	Seq       int64  `db:"seq" json:"seq"`
	Hash      string `db:"hash" json:"hash"`
	AtUS      int64  `db:"at_us" json:"atUs"`
	KeyID     string `db:"key_id" json:"keyId"`
	Signature string `db:"signature" json:"signature"`
}

// appendBatch chains and inserts recs at time at: it gives each record the
// next seq and the previous hash, computes its hash, inserts it, moves the
// head and, if sign returns one, inserts a checkpoint of the new head.
// Nothing is written unless all is.
//
// On PostgreSQL, once the head is known, the batch is ONE statement (one
// round trip, one synchronous commit): it moves the head only if the head
// is still where this store left it, and inserts the records and the
// checkpoint only if it did. If another writer moved the head meanwhile
// (several gateways on one log), nothing is written and the batch is
// chained again under the head's lock (appendLocked).
func (s *Store) appendBatch(ctx context.Context, recs []*Record, at time.Time, sign func(seq int64, hash string, lastCheckpoint int64) *Checkpoint) error {
	if s.writer.Dialect == sqldb.Postgres && s.head.known {
		ok, err := s.appendIfHead(ctx, recs, at, sign)
		if err != nil || ok {
			return err
		}
	}
	return s.appendLocked(ctx, recs, at, sign)
}

// chainAfter gives recs their seq, time, previous hash and hash after the head
// (seq, hash) and returns the new head.
func chainAfter(recs []*Record, at time.Time, seq int64, hash string) (int64, string) {
	for _, r := range recs {
		seq++
		r.Seq, r.PrevHash, r.At = seq, hash, at
		r.Hash = r.ComputeHash()
		hash = r.Hash
	}
	return seq, hash
}

// remember records the head after a committed batch.
func (s *Store) remember(seq int64, hash string, cp *Checkpoint) {
	s.head.known, s.head.seq, s.head.hash = true, seq, hash
	if cp != nil {
		s.head.lastCheckpoint = cp.Seq
	}
}

// appendIfHead writes the batch in one statement if the head is still the
// remembered one; ok is false (nothing written) if it is not.
func (s *Store) appendIfHead(ctx context.Context, recs []*Record, at time.Time, sign func(seq int64, hash string, lastCheckpoint int64) *Checkpoint) (ok bool, err error) {
	oldSeq, oldHash := s.head.seq, s.head.hash
	seq, hash := chainAfter(recs, at, oldSeq, oldHash)
	var cp *Checkpoint
	if sign != nil {
		cp = sign(seq, hash, s.head.lastCheckpoint)
	}
	q, args := s.conditionalBatch(recs, cp, oldSeq, oldHash, seq, hash)
	var res struct {
		Moved    int `db:"moved"`
		Inserted int `db:"inserted"`
	}
	// Whatever happens, the head is read again under its lock unless this
	// statement is known to have committed.
	s.head.known = false
	// Through the store's statement cache: the statement of a batch size
	// recurs, and is then prepared (parsed and planned once per connection).
	if err := s.writer.Get(ctx, &res, q, args...); err != nil {
		return false, fmt.Errorf("audit: append: %w", err)
	}
	moved, inserted := res.Moved, res.Inserted
	if moved == 0 {
		s.stats.HeadMoved++
		return false, nil
	}
	if inserted != len(recs) {
		// Cannot happen: the statement is one transaction.
		return false, fmt.Errorf("audit: append: %d of %d records inserted", inserted, len(recs))
	}
	s.remember(seq, hash, cp)
	s.stats.OneStatement++
	return true, nil
}

// conditionalBatch builds the one-statement batch of appendIfHead:
//
//	WITH h AS (UPDATE head ... WHERE seq = old AND hash = old RETURNING 1),
//	     r AS (INSERT INTO records SELECT * FROM (VALUES ...) WHERE EXISTS h RETURNING 1),
//	     c AS (INSERT INTO checkpoints SELECT ... WHERE EXISTS h RETURNING 1)
//	SELECT count(h), count(r)
//
// The VALUES carry explicit casts: PostgreSQL cannot infer a parameter's
// type from an INSERT ... SELECT's target columns.
func (s *Store) conditionalBatch(recs []*Record, cp *Checkpoint, oldSeq int64, oldHash string, seq int64, hash string) (string, []any) {
	w := s.writer
	args := make([]any, 0, 4+len(recs)*len(recordColumns)+5)
	arg := func(v any, cast string) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args)) + "::" + cast
	}
	var b strings.Builder
	b.WriteString("WITH h AS (UPDATE " + w.Table("head") + " SET seq = " + arg(seq, "bigint") + ", hash = " + arg(hash, "text") +
		" WHERE id = 1 AND seq = " + arg(oldSeq, "bigint") + " AND hash = " + arg(oldHash, "text") + " RETURNING 1)")
	if len(recs) > 0 {
		b.WriteString(", r AS (INSERT INTO " + w.Table("records") + " (" + sqldb.Columns(recordColumns) + ") SELECT * FROM (VALUES ")
		for i, r := range recs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range r.args() {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(arg(v, recordColumnTypes[j]))
			}
			b.WriteByte(')')
		}
		b.WriteString(") v WHERE EXISTS (SELECT 1 FROM h) RETURNING 1)")
	} else {
		b.WriteString(", r AS (SELECT 1 WHERE false)")
	}
	if cp != nil {
		b.WriteString(", c AS (INSERT INTO " + w.Table("checkpoints") + " (seq, hash, at_us, key_id, signature) SELECT " +
			arg(cp.Seq, "bigint") + ", " + arg(cp.Hash, "text") + ", " + arg(cp.AtUS, "bigint") + ", " +
			arg(cp.KeyID, "text") + ", " + arg(cp.Signature, "text") + " WHERE EXISTS (SELECT 1 FROM h) RETURNING 1)")
	}
	b.WriteString(" SELECT (SELECT count(*) FROM h) AS moved, (SELECT count(*) FROM r) AS inserted")
	return b.String(), args
}

// recordColumnTypes are the PostgreSQL types of recordColumns, in order.
var recordColumnTypes = func() []string {
	types := make([]string, len(recordColumns))
	for i, c := range recordColumns {
		switch c {
		case "seq", "at_us", "duration_us":
			types[i] = "bigint"
		case "request", "result":
			types[i] = "bytea"
		default:
			types[i] = "text"
		}
	}
	return types
}()

// appendLocked writes the batch in a transaction that locks the head first.
func (s *Store) appendLocked(ctx context.Context, recs []*Record, at time.Time, sign func(seq int64, hash string, lastCheckpoint int64) *Checkpoint) error {
	s.head.known = false
	tx, err := s.writer.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// synchronous_commit is on for the writer's sessions (see Open).
	var seq, last int64
	var hash string
	if err := tx.QueryRowxContext(ctx, s.lockHead).Scan(&seq, &hash, &last); err != nil {
		return fmt.Errorf("audit: head: %w", err)
	}
	// Not a prepared statement: preparing and closing one costs two round
	// trips, more than a batch (usually one to a few records) gains, since
	// each insert with its arguments is a single exchange
	// (binary_parameters, see sqldb).
	seq, hash = chainAfter(recs, at, seq, hash)
	for _, r := range recs {
		if _, err := tx.ExecContext(ctx, s.insertRecord, r.args()...); err != nil {
			return fmt.Errorf("audit: insert record: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.setHead, seq, hash); err != nil {
		return fmt.Errorf("audit: move head: %w", err)
	}
	var cp *Checkpoint
	if sign != nil {
		if cp = sign(seq, hash, last); cp != nil {
			if _, err := tx.ExecContext(ctx, s.insertCheckpoint, cp.Seq, cp.Hash, cp.AtUS, cp.KeyID, cp.Signature); err != nil {
				return fmt.Errorf("audit: checkpoint: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if cp == nil {
		cp = &Checkpoint{Seq: last}
	}
	s.remember(seq, hash, cp)
	s.stats.Locked++
	return nil
}

// Head returns the chain head as recorded.
func (s *Store) Head(ctx context.Context) (int64, string, error) {
	var h struct {
		Seq  int64  `db:"seq"`
		Hash string `db:"hash"`
	}
	err := s.owner.Get(ctx, &h, s.owner.Q(`SELECT seq, hash FROM {head} WHERE id = 1`))
	return h.Seq, h.Hash, err
}

// scanPage reads up to limit records after seq, in order; rows that do not
// decode are returned with err set for each.
func (s *Store) scanPage(ctx context.Context, after int64, limit int) ([]Record, []error, error) {
	var rows []row
	if err := s.owner.Select(ctx, &rows, s.page, after, limit); err != nil {
		return nil, nil, err
	}
	out := make([]Record, len(rows))
	errs := make([]error, len(rows))
	for i := range rows {
		out[i], errs[i] = rows[i].record()
	}
	return out, errs, nil
}

// Checkpoints returns every checkpoint, oldest first.
func (s *Store) Checkpoints(ctx context.Context) ([]Checkpoint, error) {
	var cps []Checkpoint
	err := s.owner.Select(ctx, &cps, s.owner.Q(`SELECT seq, hash, at_us, key_id, signature FROM {checkpoints} ORDER BY seq`))
	return cps, err
}

// CheckpointAt returns the checkpoint at seq, or sql.ErrNoRows.
func (s *Store) CheckpointAt(ctx context.Context, seq int64) (Checkpoint, error) {
	var cp Checkpoint
	err := s.owner.Get(ctx, &cp, s.owner.Q(`SELECT seq, hash, at_us, key_id, signature FROM {checkpoints} WHERE seq = ?`), seq)
	return cp, err
}

// Record returns the record with seq, or sql.ErrNoRows.
func (s *Store) Record(ctx context.Context, seq int64) (Record, error) {
	recs, errs, err := s.scanPage(ctx, seq-1, 1)
	if err != nil {
		return Record{}, err
	}
	if len(recs) == 0 || recs[0].Seq != seq {
		return Record{}, sql.ErrNoRows
	}
	return recs[0], errs[0]
}
