package main_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sio/audit"
	"sio/gateway"
	"sio/internal/testdb"
)

// TestAuditCommands runs `sio audit public-key`, `verify` and `archive`
// through the binary on PostgreSQL, over a log written by two keys in turn
// (a rotation) with its anchor file: verify needs the public keys only
// (the private ones are moved out of the data directory), trusts only the
// keys it is given, verifies across an archive, misses a clean cut of the
// tail without the anchor and reports it with it, and exits non-zero
// naming a tampered record.
func TestAuditCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	ctx := context.Background()
	dir := t.TempDir()
	bin := buildSIO(t, dir)
	data, secret := filepath.Join(dir, "data"), filepath.Join(dir, "secret")
	testdb.Must(t, os.MkdirAll(data, 0o755))
	testdb.Must(t, os.MkdirAll(secret, 0o700))
	dsn := testdb.NewPostgres(t)

	// The log: 15 records in March signed by the old key, 15 in April by
	// the current one (DATA-DIR/audit.key), a checkpoint every 5, each
	// appended to DATA-DIR/audit.anchor as the gateway does.
	store, err := audit.Open(ctx, gateway.StoreConfig(gateway.Config{PostgresDSN: dsn}, audit.Name))
	testdb.Must(t, err)
	defer store.Close()
	anchor, err := audit.OpenAnchor(filepath.Join(data, "audit.anchor"))
	testdb.Must(t, err)
	oldKey, err := audit.LoadOrCreateKey(filepath.Join(data, "old.key"))
	testdb.Must(t, err)
	curKey, err := audit.LoadOrCreateKey(filepath.Join(data, "audit.key"))
	testdb.Must(t, err)
	for i, key := range []struct {
		file string
		at   time.Time
	}{{"old.key", time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)}, {"audit.key", time.Date(2026, 4, 10, 9, 0, 0, 0, time.UTC)}} {
		k := oldKey
		if i == 1 {
			k = curKey
		}
		l := audit.NewLog(store, audit.Options{Key: k, CheckpointEvery: 5, Anchor: anchor, Now: func() time.Time { return key.at }})
		for n := range 15 {
			r := &audit.Record{Kind: audit.KindInquiry, RequestID: fmt.Sprintf("req-%d-%d", i, n), UserIIN: "850314400109",
				Basis: "CRIMINAL_CASE", Justification: "проверка связей"}
			r.SetRequest([]byte(`{"query":"{ me { iin } }"}`))
			r.SetResult([]byte(`{"data":{"me":{"iin":"850314400109"}}}`))
			testdb.Must(t, l.Append(ctx, r))
		}
		testdb.Must(t, l.Close())
	}
	testdb.Must(t, anchor.Close())

	run := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--postgres", dsn, "--data-dir", data)...)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		switch {
		case err == nil:
			return string(out), 0
		case errors.As(err, &exit):
			return string(out), exit.ExitCode()
		}
		t.Fatalf("sio %v: %v", args, err)
		return "", 0
	}
	mustRun := func(args ...string) string {
		t.Helper()
		out, code := run(args...)
		if code != 0 {
			t.Fatalf("sio %v exited %d:\n%s", args, code, out)
		}
		return out
	}
	fails := func(args ...string) string {
		t.Helper()
		out, code := run(args...)
		if code != 1 {
			t.Fatalf("sio %v exited %d, want 1:\n%s", args, code, out)
		}
		return out
	}

	// Export the public halves, then move the private keys out of reach.
	curPub, oldPub := filepath.Join(data, "audit.pub"), filepath.Join(data, "old.pub")
	out := mustRun("audit", "public-key", "--out", curPub)
	if !strings.Contains(out, audit.KeyID(curKey.Public().(ed25519.PublicKey))) {
		t.Fatalf("public-key: %s", out)
	}
	out = mustRun("audit", "public-key", "--audit-key", filepath.Join(data, "old.key"))
	if !strings.Contains(out, "\n-----BEGIN PUBLIC KEY-----\n") || strings.Contains(out, "PRIVATE") {
		t.Fatalf("public-key to standard output:\n%s", out)
	}
	testdb.Must(t, os.WriteFile(oldPub, []byte(out), 0o644))
	for _, f := range []string{"audit.key", "old.key"} {
		testdb.Must(t, os.Rename(filepath.Join(data, f), filepath.Join(secret, f)))
	}

	// Both public keys: the whole log verifies, the anchor with it.
	out = mustRun("audit", "verify", "--public-key", curPub, "--public-key", oldPub)
	if !strings.Contains(out, "30 records (last 30)") || !strings.Contains(out, "6 signed checkpoints verified, 6 anchored") ||
		!strings.HasSuffix(strings.TrimSpace(out), "OK") {
		t.Fatalf("verify with the public keys:\n%s", out)
	}
	// Only the current key: the old key's checkpoints are untrusted.
	out = fails("audit", "verify", "--public-key", curPub)
	if !strings.Contains(out, "record 5: UNTRUSTED_KEY") || !strings.Contains(out, "record 15: UNTRUSTED_KEY") {
		t.Fatalf("verify without the old key:\n%s", out)
	}
	// No key given and no key file in the data directory: nothing to trust.
	if out := fails("audit", "verify"); !strings.Contains(out, "audit.key") {
		t.Fatalf("verify without keys:\n%s", out)
	}
	// A private key file is taken for its public half (the sandbox).
	mustRun("audit", "verify", "--public-key", filepath.Join(secret, "old.key"), "--public-key", curPub)

	// Archive March (records 1-15) with pruning; verify across the archive.
	archives := filepath.Join(data, "archives")
	out = mustRun("audit", "archive", "--before", "2026-04-01", "--archives", archives, "--prune")
	if !strings.Contains(out, "archived records 1-15 to "+archives) {
		t.Fatalf("archive:\n%s", out)
	}
	var live int
	db := store.Owner()
	testdb.Must(t, db.Get(ctx, &live, db.Q(`SELECT COUNT(*) FROM {records}`)))
	if live != 15 {
		t.Fatalf("%d live records after pruning 15 of 30", live)
	}
	keys := []string{"--public-key", curPub, "--public-key", oldPub}
	out = mustRun(append([]string{"audit", "verify", "--archives", archives}, keys...)...)
	if !strings.Contains(out, "30 records (last 30), 1 archive files") {
		t.Fatalf("verify across the archive:\n%s", out)
	}
	if out := fails(append([]string{"audit", "verify"}, keys...)...); !strings.Contains(out, "record 1: MISSING") {
		t.Fatalf("verify without the archive:\n%s", out)
	}

	// The clean cut: records 26-30, the checkpoint at 30, the head moved
	// back. Without the anchor it verifies; with it, it does not.
	testdb.TamperAudit(t, store, `DELETE FROM {records} WHERE seq > 25`, `DELETE FROM {checkpoints} WHERE seq > 25`,
		`UPDATE {head} SET seq = 25, hash = (SELECT hash FROM {records} WHERE seq = 25)`)
	moved := filepath.Join(secret, "audit.anchor")
	testdb.Must(t, os.Rename(filepath.Join(data, "audit.anchor"), moved))
	withArchives := append([]string{"audit", "verify", "--archives", archives}, keys...)
	out = mustRun(withArchives...)
	if !strings.Contains(out, "no anchor file") || !strings.Contains(out, "25 records (last 25)") {
		t.Fatalf("the cut without the anchor:\n%s", out)
	}
	out = fails(append(withArchives, "--anchor", moved)...)
	if !strings.Contains(out, "record 26: TRUNCATED") || !strings.Contains(out, "covers record 30 but the log ends at 25") {
		t.Fatalf("the cut with the anchor:\n%s", out)
	}

	// The gateway does not start on the cut log with its anchor (fail
	// closed before any store is opened or request served).
	out = fails("serve", "--audit-anchor", moved, "--addr", "127.0.0.1:0")
	if !strings.Contains(out, "does not hold the last anchored checkpoint") || !strings.Contains(out, "names record 30, the log's head is at 25") {
		t.Fatalf("serve on the cut log:\n%s", out)
	}

	// A tampered record: non-zero exit naming it.
	testdb.TamperAudit(t, store, `UPDATE {records} SET justification = 'иное' WHERE seq = 20`)
	out = fails(append(withArchives, "--anchor", moved)...)
	if !strings.Contains(out, "record 20: ALTERED") || !strings.Contains(out, "does not verify") {
		t.Fatalf("a tampered record:\n%s", out)
	}
}
