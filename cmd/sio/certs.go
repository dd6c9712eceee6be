package main

import (
	"context"
	"crypto"
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sio/authz"
)

// certs writes a test certification authority for the seeded users into
// m.CertsOut: the root (ca.pem, ca-key.pem), an empty CRL (crl.pem), a
// server certificate for localhost (server.pem, server-key.pem) and, per
// user, users/<IIN>.pem and users/<IIN>-key.pem (RSA and ECDSA keys in
// turn), with users.tsv listing IIN, role, state and key type.
func (m *Main) certs(ctx context.Context) error {
	users, err := m.Gateway.Accounts.ListUsers(ctx)
	if err != nil {
		return err
	}
	if len(users) == 0 {
		return fmt.Errorf("no users in the stores: start the sandbox once or run `sio seed` first")
	}
	now := time.Now().Truncate(time.Minute)
	from, until := now.Add(-time.Hour), now.AddDate(2, 0, 0)
	ca, err := authz.NewRootCA("SIO test national CA", authz.KeyRSA, from, now.AddDate(10, 0, 0))
	if err != nil {
		return err
	}
	dir := m.CertsOut
	if err := os.MkdirAll(filepath.Join(dir, "users"), 0o700); err != nil {
		return err
	}
	crl, err := ca.CRL(nil, 1, from, until)
	if err != nil {
		return err
	}
	if err := writePair(dir, "ca", ca.Cert, ca.Key); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "crl.pem"), authz.PEMCRL(crl), 0o644); err != nil {
		return err
	}
	srv, key, err := ca.Issue(authz.ServerSpec([]string{"localhost", "127.0.0.1", "::1"}, authz.KeyECDSA, from, until))
	if err != nil {
		return err
	}
	if err := writePair(dir, "server", srv, key); err != nil {
		return err
	}
	var index strings.Builder
	index.WriteString("iin\trole\tfull_name\tstate\tkey\n")
	for i, u := range users {
		kt := authz.KeyRSA
		if i%2 == 1 {
			kt = authz.KeyECDSA
		}
		cert, key, err := ca.Issue(authz.UserSpec(u, kt, from, until))
		if err != nil {
			return err
		}
		if err := writePair(filepath.Join(dir, "users"), string(u.IIN), cert, key); err != nil {
			return err
		}
		state := "active"
		switch {
		case u.Blocked:
			state = "blocked"
		case u.AgreementSignedAt == nil:
			state = "agreement not signed"
		}
		fmt.Fprintf(&index, "%s\t%s\t%s\t%s\t%s\n", u.IIN, u.RoleCode, u.FullName, state, kt)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.tsv"), []byte(index.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(m.Out, "wrote a test CA, a server certificate and %d user certificates to %s\n", len(users), dir)
	return nil
}

func writePair(dir, name string, cert *x509.Certificate, key crypto.Signer) error {
	k, err := authz.PEMKey(key)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, name+".pem"), authz.PEMCert(cert), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name+"-key.pem"), k, 0o600)
}
