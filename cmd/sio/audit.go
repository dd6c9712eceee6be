package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"path/filepath"

	"sio/audit"
	"sio/gateway"
)

// audit runs `sio audit verify` (checks the whole chain, archives included,
// and every signed checkpoint; exits non-zero on any problem, naming each
// record) or `sio audit archive` (exports a closed period to a file whose
// chain the live log continues, optionally pruning it from the live log).
func (m *Main) audit(ctx context.Context, cfg gateway.Config) error {
	keyFile := cfg.AuditKeyFile
	if keyFile == "" {
		keyFile = filepath.Join(m.DataDir, "audit.key")
	}
	key, err := audit.LoadKey(keyFile)
	if err != nil {
		return fmt.Errorf("audit key %s: %w", keyFile, err)
	}
	// Verifying and archiving need the owner only: no writer credentials.
	store, err := audit.OpenWith(ctx, gateway.StoreConfig(cfg, audit.Name), audit.StoreOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer store.Close()
	switch m.AuditAction {
	case "archive":
		a, err := audit.Archive(ctx, store, m.Before, m.Archives, m.Prune)
		if err != nil {
			return err
		}
		if a == nil {
			fmt.Fprintln(m.Out, "nothing to archive")
			return nil
		}
		fmt.Fprintf(m.Out, "archived records %d-%d to %s (sha256 %s)\n", a.FirstSeq, a.LastSeq, a.Path, a.Digest)
		return nil
	}
	var archives []audit.ArchiveFile
	if m.Archives != "" {
		if archives, err = audit.Archives(ctx, store, m.Archives); err != nil {
			return err
		}
	}
	rep, err := audit.Verify(ctx, store, []ed25519.PublicKey{key.Public().(ed25519.PublicKey)}, archives)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Out, "%d records (last %d), %d archive files, %d signed checkpoints verified\n",
		rep.Records, rep.LastSeq, len(archives), rep.Checkpoints)
	for _, p := range rep.Problems {
		fmt.Fprintln(m.Out, p)
	}
	if !rep.OK() {
		return fmt.Errorf("the audit log does not verify: %d problems", len(rep.Problems))
	}
	fmt.Fprintln(m.Out, "OK")
	return nil
}
