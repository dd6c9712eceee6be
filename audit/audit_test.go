package audit_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sio/audit"
	"sio/internal/testdb"
	"sio/sqldb"
)

func open(t *testing.T, cfg sqldb.Config) *audit.Store {
	t.Helper()
	s, err := audit.Open(context.Background(), cfg)
	testdb.Must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func record(i int) *audit.Record {
	r := &audit.Record{Kind: audit.KindInquiry, RequestID: fmt.Sprintf("req-%d", i), UserIIN: "850314400109",
		Role: "INVESTIGATOR_INTERNAL_AFFAIRS", Agency: "MVD", AuthVia: "mtls", Basis: "CRIMINAL_CASE",
		CaseNumber: "231900031000802", Justification: "проверка связей", Operation: "query { inquiry { person { iin } } }",
		Services: []string{"PERSONS", "VEHICLES"}, Subjects: []string{"900101300123"},
		Denials:    []audit.Denial{{Path: "inquiry.person.taxDebts", Service: "TAX_DEBTS", Reason: "SERVICE_NOT_ALLOWED_FOR_BASIS"}},
		DurationUS: int64(1000 + i)}
	r.SetRequest([]byte(`{"query":"{ inquiry { person { iin } } }","n":` + fmt.Sprint(i) + `}`))
	r.SetResult([]byte(`{"data":{"inquiry":{"person":{"iin":"900101300123"}}},"n":` + fmt.Sprint(i) + `}`))
	return r
}

// fill appends n records concurrently and returns the log's key.
func fill(t *testing.T, s *audit.Store, n int, opts audit.Options) ed25519.PrivateKey {
	t.Helper()
	if opts.Key == nil {
		_, opts.Key, _ = ed25519.GenerateKey(nil)
	}
	l := audit.NewLog(s, opts)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- l.Append(context.Background(), record(i))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		testdb.Must(t, err)
	}
	commits, recs := l.Stats()
	if recs != int64(n) {
		t.Fatalf("log wrote %d records, want %d", recs, n)
	}
	t.Logf("%d records in %d commits", recs, commits)
	testdb.Must(t, l.Close())
	return opts.Key
}

func verify(t *testing.T, s *audit.Store, key ed25519.PrivateKey, archives []audit.ArchiveFile) audit.Report {
	t.Helper()
	rep, err := audit.Verify(context.Background(), s, []ed25519.PublicKey{key.Public().(ed25519.PublicKey)}, archives)
	testdb.Must(t, err)
	return rep
}

func TestAppendAndVerify(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		s := open(t, cfg)
		key := fill(t, s, 200, audit.Options{CheckpointEvery: 50})
		rep := verify(t, s, key, nil)
		if !rep.OK() || rep.Records != 200 || rep.LastSeq != 200 || rep.Checkpoints < 1 {
			t.Fatalf("report = %+v", rep)
		}
		// How many checkpoints depends on how appends were grouped; closing
		// the log always signs the final head.
		cps, err := s.Checkpoints(context.Background())
		testdb.Must(t, err)
		if last := cps[len(cps)-1]; last.Seq != 200 {
			t.Fatalf("last checkpoint at %d, want 200", last.Seq)
		}
		r, err := s.Record(context.Background(), 17)
		testdb.Must(t, err)
		res, err := r.ResultJSON()
		testdb.Must(t, err)
		if !strings.Contains(string(res), `"iin":"900101300123"`) || r.Denials[0].Reason != "SERVICE_NOT_ALLOWED_FOR_BASIS" ||
			r.Services[1] != "VEHICLES" || r.At.IsZero() || r.Hash == "" {
			t.Fatalf("record 17 = %+v (%s)", r, res)
		}
		// Another key is not trusted.
		_, other, _ := ed25519.GenerateKey(nil)
		if rep := verify(t, s, other, nil); rep.OK() || rep.Problems[0].Kind != audit.ProblemUntrustedKey {
			t.Fatalf("foreign key: %+v", rep)
		}
	})
}

func TestGroupCommit(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		s := open(t, cfg)
		l := audit.NewLog(s, audit.Options{})
		defer l.Close()
		const n = 400
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() { defer wg.Done(); testdb.Must(t, l.Append(context.Background(), record(i))) }()
		}
		wg.Wait()
		commits, recs := l.Stats()
		// 400 concurrent appends must share commits: one commit per record
		// would mean no grouping at all.
		if recs != n || commits >= n {
			t.Fatalf("%d records in %d commits: not grouped", recs, commits)
		}
	})
}

// Two gateways append to one log in turn: each writes a batch in one
// statement while the head is where it left it, and chains again under the
// head's lock when the other moved it; the chain stays one.
func TestTwoWritersShareOneChain(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		a, b := open(t, cfg), open(t, cfg)
		_, key, _ := ed25519.GenerateKey(nil)
		la := audit.NewLog(a, audit.Options{Key: key, CheckpointEvery: 3})
		lb := audit.NewLog(b, audit.Options{Key: key, CheckpointEvery: 3})
		ctx := context.Background()
		n := 0
		appendTo := func(l *audit.Log) {
			n++
			testdb.Must(t, l.Append(ctx, record(n)))
		}
		// a, a, b, a, a, b, b, a: runs of one writer and switches.
		for _, l := range []*audit.Log{la, la, lb, la, la, lb, lb, la} {
			appendTo(l)
		}
		testdb.Must(t, la.Close())
		testdb.Must(t, lb.Close())
		rep := verify(t, a, key, nil)
		if !rep.OK() || rep.Records != int64(n) || rep.LastSeq != int64(n) {
			t.Fatalf("report = %+v", rep)
		}
		sa, sb := a.AppendStats(), b.AppendStats()
		t.Logf("a: %+v, b: %+v", sa, sb)
		if cfg.PostgresDSN == "" {
			if sa.OneStatement+sb.OneStatement != 0 {
				t.Fatalf("SQLite batches in one statement: %+v %+v", sa, sb)
			}
			return
		}
		// a's second and fifth appends (and b's seventh) follow their own
		// batch: one statement each; a's fourth and eighth and b's sixth
		// find the head moved. Close adds a checkpoint batch per log.
		if sa.OneStatement < 2 || sb.OneStatement < 1 || sa.HeadMoved < 2 || sb.HeadMoved < 1 {
			t.Fatalf("a: %+v, b: %+v: the one-statement path or its fallback did not run", sa, sb)
		}
	})
}

func TestDatabaseRefusesChanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		s := open(t, cfg)
		fill(t, s, 3, audit.Options{CheckpointEvery: 1})
		db := s.Owner()
		for _, q := range []string{
			`UPDATE {records} SET justification = 'x' WHERE seq = 2`,
			`DELETE FROM {records} WHERE seq = 2`,
			`UPDATE {checkpoints} SET hash = 'x'`,
			`DELETE FROM {checkpoints}`,
		} {
			if _, err := db.Exec(context.Background(), db.Q(q)); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: err = %v, want the append-only refusal", q, err)
			}
		}
		if db.Dialect == sqldb.Postgres {
			if _, err := db.Exec(context.Background(), `TRUNCATE `+db.Table("records")); err == nil {
				t.Error("TRUNCATE allowed")
			}
			writerCannotChange(t, s)
		}
	})
}

// writerCannotChange checks the writer pool's own sessions: they log in as
// WriterRole (session_user, not a role assumed over the owner's login), hold
// no UPDATE/DELETE grant, and cannot become the owner (RESET ROLE, SET
// ROLE, SET SESSION AUTHORIZATION) or switch the triggers off to change
// records anyway.
func writerCannotChange(t *testing.T, s *audit.Store) {
	ctx := context.Background()
	var ownerUser string
	testdb.Must(t, s.Owner().DB.GetContext(ctx, &ownerUser, `SELECT session_user`))
	w := audit.WriterDB(s)
	conn, err := w.DB.Conn(ctx)
	testdb.Must(t, err)
	defer conn.Close()
	who := func() (session, current string) {
		t.Helper()
		testdb.Must(t, conn.QueryRowContext(ctx, `SELECT session_user, current_user`).Scan(&session, &current))
		return
	}
	if session, current := who(); session != audit.WriterRole || current != audit.WriterRole || session == ownerUser {
		t.Fatalf("writer session runs as %s (current %s), owner %s", session, current, ownerUser)
	}
	refusedChanges := func(when string) {
		t.Helper()
		for _, q := range []string{`UPDATE {records} SET kind = 'x'`, `DELETE FROM {records}`, `DELETE FROM {checkpoints}`,
			`UPDATE {checkpoints} SET hash = 'x'`, `TRUNCATE {records}`} {
			if _, err := conn.ExecContext(ctx, w.Q(q)); err == nil || !strings.Contains(err.Error(), "permission denied") {
				t.Errorf("writer %s: %s: err = %v, want permission denied", when, q, err)
			}
		}
	}
	refusedChanges("as itself")
	// RESET ROLE returns to the session user, which is the writer itself.
	_, err = conn.ExecContext(ctx, `RESET ROLE`)
	testdb.Must(t, err)
	if session, current := who(); session != audit.WriterRole || current != audit.WriterRole {
		t.Fatalf("after RESET ROLE the writer session runs as %s (current %s)", session, current)
	}
	refusedChanges("after RESET ROLE")
	for _, q := range []string{
		`SET ROLE ` + ownerUser,
		`SET SESSION AUTHORIZATION ` + ownerUser,
		`SET session_replication_role = replica`,
		`ALTER TABLE ` + w.Table("records") + ` DISABLE TRIGGER USER`,
		`DROP TRIGGER records_no_update ON ` + w.Table("records"),
	} {
		if _, err := conn.ExecContext(ctx, q); err == nil {
			t.Errorf("writer session: %s allowed", q)
		}
	}
	if session, current := who(); session != audit.WriterRole || current != audit.WriterRole {
		t.Fatalf("after the attempts the writer session runs as %s (current %s)", session, current)
	}
	refusedChanges("after SET ROLE attempts")
}

// A writer pool that logs in as a role able to change the log (here the
// owner, a superuser) is refused at Open, and so is one that does not hold
// WriterRole's grants; a read-only store opens without writer credentials
// and its log refuses records.
func TestWriterMustBeItsOwnRole(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.NewPostgres(t)
	cfg := sqldb.Config{PostgresDSN: dsn}
	_, err := audit.OpenWith(ctx, cfg, audit.StoreOptions{WriterDSN: dsn})
	if err == nil || !strings.Contains(err.Error(), "can change the log") {
		t.Fatalf("writer as the owner: err = %v", err)
	}
	// A login role that is not the writer.
	admin, err := sqldb.Open(ctx, sqldb.Config{Name: "audit", PostgresDSN: dsn})
	testdb.Must(t, err)
	defer admin.Close()
	stranger := fmt.Sprintf("sio_test_stranger_%d", time.Now().UnixNano())
	_, err = admin.DB.ExecContext(ctx, `CREATE ROLE `+stranger+` LOGIN`)
	testdb.Must(t, err)
	defer admin.DB.ExecContext(ctx, `DROP ROLE `+stranger)
	_, err = audit.OpenWith(ctx, cfg, audit.StoreOptions{WriterDSN: sqldb.WithUser(dsn, stranger)})
	if err == nil || !strings.Contains(err.Error(), "does not hold "+audit.WriterRole) {
		t.Fatalf("writer as %s: err = %v", stranger, err)
	}
	s, err := audit.OpenWith(ctx, cfg, audit.StoreOptions{ReadOnly: true, WriterDSN: "host=127.0.0.1 port=1 user=nobody"})
	testdb.Must(t, err)
	defer s.Close()
	l := audit.NewLog(s, audit.Options{})
	if err := l.Append(ctx, record(1)); err != audit.ErrClosed {
		t.Fatalf("append on a read-only store: %v", err)
	}
	testdb.Must(t, l.Close())
}

func TestTamperingIsDetected(t *testing.T) {
	type want struct {
		seq  int64
		kind string
	}
	cases := []struct {
		name  string
		stmts []string
		want  []want
	}{
		{"altered field", []string{`UPDATE {records} SET justification = 'иное' WHERE seq = 5`}, []want{{5, audit.ProblemAltered}}},
		{"altered time", []string{`UPDATE {records} SET at_us = at_us + 1 WHERE seq = 9`}, []want{{9, audit.ProblemAltered}}},
		{"altered result", []string{`UPDATE {records} SET result = (SELECT result FROM {records} WHERE seq = 3) WHERE seq = 4`}, []want{{4, audit.ProblemBadBlob}}},
		{"deleted", []string{`DELETE FROM {records} WHERE seq = 7`}, []want{{7, audit.ProblemMissing}, {8, audit.ProblemBrokenLink}}},
		{"reordered", []string{
			`UPDATE {records} SET seq = -1 WHERE seq = 11`, `UPDATE {records} SET seq = 11 WHERE seq = 12`, `UPDATE {records} SET seq = 12 WHERE seq = -1`,
		}, []want{{11, audit.ProblemBrokenLink}, {12, audit.ProblemBrokenLink}}},
		{"truncated", []string{`DELETE FROM {records} WHERE seq > 18`}, []want{{19, audit.ProblemTruncated}}},
		{"truncated with the head moved back", []string{
			`DELETE FROM {records} WHERE seq > 16`,
			`UPDATE {head} SET seq = 16, hash = (SELECT hash FROM {records} WHERE seq = 16)`,
		}, []want{{17, audit.ProblemTruncated}}},
		{"hash overwritten", []string{
			`UPDATE {records} SET hash = (CASE WHEN SUBSTR(hash, 1, 1) = '0' THEN '1' ELSE '0' END) || SUBSTR(hash, 2) WHERE seq = 10`,
		}, []want{{10, audit.ProblemAltered}, {11, audit.ProblemBrokenLink}}},
	}
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c := cfg
				if c.PostgresDSN != "" {
					c.PostgresDSN = testdb.NewPostgres(t)
				} else {
					c.DataDir = t.TempDir()
				}
				s := open(t, c)
				key := fill(t, s, 20, audit.Options{CheckpointEvery: 10})
				if rep := verify(t, s, key, nil); !rep.OK() {
					t.Fatalf("before tampering: %+v", rep.Problems)
				}
				testdb.TamperAudit(t, s, tc.stmts...)
				rep := verify(t, s, key, nil)
				for _, w := range tc.want {
					found := false
					for _, p := range rep.Problems {
						found = found || (p.Seq == w.seq && p.Kind == w.kind)
					}
					if !found {
						t.Errorf("want %s at record %d; problems: %v", w.kind, w.seq, rep.Problems)
					}
				}
			})
		}
	})
}

// An attacker who rewrites a record and recomputes every hash after it (and
// the head) leaves a consistent chain; the signed checkpoints still catch it.
func TestRecomputedChainIsCaughtByCheckpoints(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s := open(t, cfg)
		key := fill(t, s, 20, audit.Options{CheckpointEvery: 5})
		var stmts []string
		prev := ""
		for seq := int64(8); seq <= 20; seq++ {
			r, err := s.Record(ctx, seq)
			testdb.Must(t, err)
			if seq == 8 {
				r.Justification = "подменено"
			} else {
				r.PrevHash = prev
			}
			r.Hash = r.ComputeHash()
			prev = r.Hash
			stmts = append(stmts, fmt.Sprintf(`UPDATE {records} SET justification = '%s', prev_hash = '%s', hash = '%s' WHERE seq = %d`,
				r.Justification, r.PrevHash, r.Hash, seq))
		}
		stmts = append(stmts, fmt.Sprintf(`UPDATE {head} SET hash = '%s'`, prev))
		testdb.TamperAudit(t, s, stmts...)
		rep := verify(t, s, key, nil)
		bad := 0
		for _, p := range rep.Problems {
			if p.Kind != audit.ProblemBadCheckpoint || p.Seq < 8 {
				t.Fatalf("unexpected problem %v", p)
			}
			bad++
		}
		if bad == 0 {
			t.Fatalf("the rewritten chain verified: %+v", rep)
		}
	})
}

func TestArchiveAndVerifyAcross(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s := open(t, cfg)
		now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
		clock := func() time.Time { return now }
		_, key, _ := ed25519.GenerateKey(nil)
		fill(t, s, 30, audit.Options{Key: key, Now: clock, CheckpointEvery: 25})
		now = now.AddDate(0, 1, 0)
		fill(t, s, 10, audit.Options{Key: key, Now: clock})
		dir := t.TempDir()
		a, err := audit.Archive(ctx, s, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), dir, true)
		testdb.Must(t, err)
		if a == nil || a.FirstSeq != 1 || a.LastSeq != 30 {
			t.Fatalf("archive = %+v", a)
		}
		if _, err := s.Record(ctx, 5); err == nil {
			t.Fatal("archived records were not pruned")
		}
		now = now.AddDate(0, 1, 0)
		fill(t, s, 5, audit.Options{Key: key, Now: clock})
		archives, err := audit.Archives(ctx, s, dir)
		testdb.Must(t, err)
		if rep := verify(t, s, key, archives); !rep.OK() || rep.Records != 45 || rep.LastSeq != 45 {
			t.Fatalf("across archive and live: %+v", rep)
		}
		// Without the archive the live log does not start at 1.
		if rep := verify(t, s, key, nil); rep.OK() {
			t.Fatal("live log without its archive verified")
		}
		// Unarchived records still cannot be deleted.
		db := s.Owner()
		if _, err := db.Exec(ctx, db.Q(`DELETE FROM {records} WHERE seq = 40`)); err == nil {
			t.Fatal("deleted an unarchived record")
		}
		// A modified archive file is caught.
		raw, err := os.ReadFile(a.Path)
		testdb.Must(t, err)
		testdb.Must(t, os.Chmod(a.Path, 0o600))
		raw[len(raw)/2] ^= 0xff
		testdb.Must(t, os.WriteFile(a.Path, raw, 0o600))
		rep := verify(t, s, key, archives)
		if rep.OK() || rep.Problems[0].Kind != audit.ProblemArchiveCorrupt {
			t.Fatalf("corrupt archive: %+v", rep)
		}
		if filepath.Dir(a.Path) != dir {
			t.Fatalf("archive written to %s", a.Path)
		}
	})
}

func TestAppendFailsWhenTheStoreIsDown(t *testing.T) {
	s, err := audit.Open(context.Background(), sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	l := audit.NewLog(s, audit.Options{})
	defer l.Close()
	testdb.Must(t, l.Append(context.Background(), record(1)))
	s.Close()
	if err := l.Append(context.Background(), record(2)); err == nil {
		t.Fatal("append succeeded on a closed store")
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), "audit.key")
	k1, err := audit.LoadOrCreateKey(p)
	testdb.Must(t, err)
	k2, err := audit.LoadOrCreateKey(p)
	testdb.Must(t, err)
	if !k1.Equal(k2) {
		t.Fatal("the key changed between loads")
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v", fi.Mode())
	}
	os.WriteFile(p, []byte("not a key"), 0o600)
	if _, err := audit.LoadOrCreateKey(p); err == nil {
		t.Fatal("accepted a malformed key file")
	}
}

// The public half of a checkpoint key exports as PEM and reads back, a
// file may hold several (rotated keys), a private key file gives its public
// half, and anything else is refused.
func TestPublicKeys(t *testing.T) {
	dir := t.TempDir()
	k1, err := audit.LoadOrCreateKey(filepath.Join(dir, "one.key"))
	testdb.Must(t, err)
	k2, err := audit.LoadOrCreateKey(filepath.Join(dir, "two.key"))
	testdb.Must(t, err)
	p1, p2 := k1.Public().(ed25519.PublicKey), k2.Public().(ed25519.PublicKey)
	pem1, err := audit.MarshalPublicKey(p1)
	testdb.Must(t, err)
	pem2, err := audit.MarshalPublicKey(p2)
	testdb.Must(t, err)
	if !strings.Contains(string(pem1), "key "+audit.KeyID(p1)+"\n-----BEGIN PUBLIC KEY-----\n") || strings.Contains(string(pem1), "PRIVATE") {
		t.Fatalf("exported key:\n%s", pem1)
	}
	both := filepath.Join(dir, "keys.pem")
	testdb.Must(t, os.WriteFile(both, append(pem1, pem2...), 0o644))
	keys, err := audit.LoadPublicKeys(both)
	testdb.Must(t, err)
	if len(keys) != 2 || !keys[0].Equal(p1) || !keys[1].Equal(p2) {
		t.Fatalf("keys read back: %v", keys)
	}
	keys, err = audit.LoadPublicKeys(filepath.Join(dir, "two.key"))
	testdb.Must(t, err)
	if len(keys) != 1 || !keys[0].Equal(p2) {
		t.Fatalf("public half of a private key file: %v", keys)
	}
	bad := filepath.Join(dir, "bad")
	for _, content := range []string{"not a key", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"} {
		testdb.Must(t, os.WriteFile(bad, []byte(content), 0o644))
		if _, err := audit.LoadPublicKeys(bad); err == nil {
			t.Errorf("accepted %q", content)
		}
	}
	if _, err := audit.LoadPublicKeys(filepath.Join(dir, "missing")); err == nil {
		t.Error("accepted a missing file")
	}
}

// cutTail is the clean cut the database alone cannot show: the records
// after keep, the checkpoints after them, and the head moved back to keep.
func cutTail(keep int) []string {
	return []string{
		fmt.Sprintf(`DELETE FROM {records} WHERE seq > %d`, keep),
		fmt.Sprintf(`DELETE FROM {checkpoints} WHERE seq > %d`, keep),
		fmt.Sprintf(`UPDATE {head} SET seq = %d, hash = (SELECT hash FROM {records} WHERE seq = %d)`, keep, keep),
	}
}

func hasProblem(rep audit.Report, seq int64, kind, detail string) bool {
	for _, p := range rep.Problems {
		if p.Seq == seq && p.Kind == kind && strings.Contains(p.Detail, detail) {
			return true
		}
	}
	return false
}

// The tail cut cleanly (records, their checkpoints and the head) verifies
// from the database alone; the anchor file, which the log appended every
// checkpoint to, shows it: a checkpoint beyond the end, and once records
// are written again over the cut, a checkpoint the log contradicts.
func TestAnchorCatchesCleanTailCut(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s := open(t, cfg)
		path := filepath.Join(t.TempDir(), "anchor", "audit.anchor")
		af, err := audit.OpenAnchor(path)
		testdb.Must(t, err)
		key := fill(t, s, 20, audit.Options{CheckpointEvery: 10, Anchor: af})
		testdb.Must(t, af.Close())
		trusted := []ed25519.PublicKey{key.Public().(ed25519.PublicKey)}
		check := func() audit.Report {
			t.Helper()
			a, err := audit.ReadAnchor(path)
			testdb.Must(t, err)
			rep, err := audit.VerifyWith(ctx, s, audit.VerifyOptions{Trusted: trusted, Anchors: []audit.Anchor{a}})
			testdb.Must(t, err)
			return rep
		}
		if rep := check(); !rep.OK() || rep.Anchored < 1 {
			t.Fatalf("before the cut: %+v", rep)
		}
		// The check the gateway runs at start, on the anchor's last line.
		held := func() error {
			t.Helper()
			a, err := audit.ReadAnchor(path)
			testdb.Must(t, err)
			return audit.CheckHeld(ctx, s, a)
		}
		if err := held(); err != nil {
			t.Fatalf("before the cut: %v", err)
		}
		if err := audit.CheckHeld(ctx, s, audit.Anchor{Path: "empty"}); err != nil {
			t.Fatalf("an anchor without checkpoints: %v", err)
		}
		cps, err := s.Checkpoints(ctx)
		testdb.Must(t, err)
		a, err := audit.ReadAnchor(path)
		testdb.Must(t, err)
		if len(a.Checkpoints) != len(cps) || a.Checkpoints[len(a.Checkpoints)-1] != cps[len(cps)-1] || a.Checkpoints[len(a.Checkpoints)-1].Seq != 20 {
			t.Fatalf("anchor %+v, database checkpoints %+v", a.Checkpoints, cps)
		}

		testdb.TamperAudit(t, s, cutTail(12)...)
		if rep := verify(t, s, key, nil); !rep.OK() || rep.LastSeq != 12 {
			t.Fatalf("the clean cut should verify from the database alone (the gap the anchor closes): %+v", rep)
		}
		rep := check()
		if !hasProblem(rep, 13, audit.ProblemTruncated, "covers record 20 but the log ends at 12") {
			t.Fatalf("with the anchor: %v", rep.Problems)
		}
		if err := held(); !errors.Is(err, audit.ErrAnchorNotHeld) || !strings.Contains(err.Error(), "names record 20, the log's head is at 12") {
			t.Fatalf("the cut at start: %v", err)
		}

		// Written again past the cut (another writer, no anchor): record 20
		// exists again, with another hash.
		fill(t, s, 10, audit.Options{Key: key})
		if rep := verify(t, s, key, nil); !rep.OK() || rep.LastSeq != 22 {
			t.Fatalf("rewritten tail from the database alone: %+v", rep)
		}
		if rep := check(); !hasProblem(rep, 20, audit.ProblemTruncated, "differs from the anchored checkpoint") {
			t.Fatalf("rewritten tail with the anchor: %v", rep.Problems)
		}
		if err := held(); !errors.Is(err, audit.ErrAnchorNotHeld) {
			t.Fatalf("the rewritten tail at start: %v", err)
		}
		// Another hash at the anchored seq, the head past it.
		testdb.TamperAudit(t, s, `DELETE FROM {checkpoints}`, `INSERT INTO {checkpoints} (seq, hash, at_us, key_id, signature)
			SELECT seq, hash, 0, 'k', 's' FROM {records} WHERE seq = 20`)
		if err := held(); !errors.Is(err, audit.ErrAnchorNotHeld) || !strings.Contains(err.Error(), "another hash") {
			t.Fatalf("another checkpoint at the anchored seq: %v", err)
		}
	})
}

// failingAnchor takes checkpoints unless told to fail.
type failingAnchor struct {
	mu   sync.Mutex
	fail bool
	took []int64
}

func (a *failingAnchor) Anchor(cp audit.Checkpoint) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fail {
		return fmt.Errorf("disk full")
	}
	a.took = append(a.took, cp.Seq)
	return nil
}

// A committed checkpoint the anchor does not take stops the log: records
// are refused (no data served) until it is taken, and it is taken first.
func TestAnchorFailureFailsClosed(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s := open(t, cfg)
		_, key, _ := ed25519.GenerateKey(nil)
		fa := &failingAnchor{fail: true}
		l := audit.NewLog(s, audit.Options{Key: key, CheckpointEvery: 1, Anchor: fa})
		// Committed (and so acknowledged) before the anchor is asked.
		testdb.Must(t, l.Append(ctx, record(1)))
		if err := l.Append(ctx, record(2)); err == nil || !strings.Contains(err.Error(), "anchor") {
			t.Fatalf("append with a checkpoint unanchored: %v", err)
		}
		if _, recs := l.Stats(); recs != 1 {
			t.Fatalf("%d records written while the anchor failed", recs)
		}
		fa.mu.Lock()
		fa.fail = false
		fa.mu.Unlock()
		testdb.Must(t, l.Append(ctx, record(3)))
		testdb.Must(t, l.Close())
		if fmt.Sprint(fa.took) != "[1 2]" {
			t.Fatalf("anchored %v, want [1 2]", fa.took)
		}
		if rep := verify(t, s, key, nil); !rep.OK() || rep.LastSeq != 2 {
			t.Fatalf("%+v", rep)
		}
	})
}

// A line cut short by a crash is reported, and the entries written after
// it still read.
func TestAnchorFileTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.anchor")
	testdb.Must(t, os.WriteFile(path, []byte(`{"seq":1,"hash":"00`), 0o640))
	af, err := audit.OpenAnchor(path)
	testdb.Must(t, err)
	cp := audit.Checkpoint{Seq: 2, Hash: strings.Repeat("ab", 32), AtUS: 1, KeyID: "k", Signature: "c2ln"}
	testdb.Must(t, af.Anchor(cp))
	testdb.Must(t, af.Close())
	a, err := audit.ReadAnchor(path)
	testdb.Must(t, err)
	if len(a.Checkpoints) != 1 || a.Checkpoints[0] != cp || a.Lines[0] != 2 || fmt.Sprint(a.Bad) != "[1]" {
		t.Fatalf("anchor read back: %+v", a)
	}
	fresh := filepath.Join(t.TempDir(), "new", "audit.anchor")
	af, err = audit.OpenAnchor(fresh)
	testdb.Must(t, err)
	testdb.Must(t, af.Close())
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm()&0o007 != 0 {
		t.Fatalf("a new anchor file: %v %v", fi, err)
	}
	if _, err := audit.ReadAnchor(path + ".missing"); err == nil {
		t.Fatal("a missing anchor read as empty")
	}
}
