package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"os"
	"path/filepath"

	"sio/audit"
	"sio/gateway"
)

// audit runs `sio audit verify` (checks the whole chain, archives included,
// and every signed checkpoint against the trusted public keys; exits
// non-zero on any problem, naming each record), `sio audit archive`
// (exports a closed period to a file whose chain the live log continues,
// optionally pruning it from the live log) or `sio audit public-key`
// (exports the public half of the checkpoint key, which is all verify
// needs).
func (m *Main) audit(ctx context.Context, cfg gateway.Config) error {
	keyFile := cfg.AuditKeyFile
	if keyFile == "" {
		keyFile = filepath.Join(m.DataDir, "audit.key")
	}
	if m.AuditAction == "public-key" {
		return m.exportPublicKey(keyFile)
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
	// The trusted keys: public keys given, else (the sandbox) the public
	// half of the key file the gateway signs with.
	files, what := m.PublicKeys, "--public-key"
	if len(files) == 0 {
		files, what = []string{keyFile}, "no --public-key given; the audit key"
	}
	var trusted []ed25519.PublicKey
	for _, f := range files {
		keys, err := audit.LoadPublicKeys(f)
		if err != nil {
			return fmt.Errorf("%s %s: %w", what, f, err)
		}
		for _, k := range keys {
			fmt.Fprintf(m.Out, "trusted key %s (%s)\n", audit.KeyID(k), f)
		}
		trusted = append(trusted, keys...)
	}
	var archives []audit.ArchiveFile
	if m.Archives != "" {
		if archives, err = audit.Archives(ctx, store, m.Archives); err != nil {
			return err
		}
	}
	// The anchors: those given, else the sandbox's default if it exists.
	paths := m.Anchors
	if def := filepath.Join(m.DataDir, "audit.anchor"); len(paths) == 0 {
		if _, err := os.Stat(def); err == nil {
			paths = []string{def}
		}
	}
	var anchors []audit.Anchor
	for _, p := range paths {
		a, err := audit.ReadAnchor(p)
		if err != nil {
			return fmt.Errorf("--anchor: %w", err)
		}
		anchors = append(anchors, a)
		fmt.Fprintf(m.Out, "anchor %s\n", a)
	}
	if len(anchors) == 0 {
		fmt.Fprintln(m.Out, "no anchor file: a tail cut with its checkpoints cannot be seen (see --anchor)")
	}
	rep, err := audit.VerifyWith(ctx, store, audit.VerifyOptions{Trusted: trusted, Archives: archives, Anchors: anchors})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Out, "%d records (last %d), %d archive files, %d signed checkpoints verified, %d anchored\n",
		rep.Records, rep.LastSeq, len(archives), rep.Checkpoints, rep.Anchored)
	for _, p := range rep.Problems {
		fmt.Fprintln(m.Out, p)
	}
	if !rep.OK() {
		return fmt.Errorf("the audit log does not verify: %d problems", len(rep.Problems))
	}
	fmt.Fprintln(m.Out, "OK")
	return nil
}

// exportPublicKey writes the public half of the checkpoint key as PEM.
func (m *Main) exportPublicKey(keyFile string) error {
	key, err := audit.LoadKey(keyFile)
	if err != nil {
		return fmt.Errorf("audit key %s: %w", keyFile, err)
	}
	pub := key.Public().(ed25519.PublicKey)
	b, err := audit.MarshalPublicKey(pub)
	if err != nil {
		return err
	}
	if m.KeyOut == "" {
		_, err = m.Out.Write(b)
		return err
	}
	if err := os.WriteFile(m.KeyOut, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(m.Out, "public key %s written to %s\n", audit.KeyID(pub), m.KeyOut)
	return nil
}
