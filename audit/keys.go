package audit

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
)

// pemPublicKey is the PEM type of an exported checkpoint key (PKIX, as
// `openssl pkey -pubout` writes Ed25519 keys).
const pemPublicKey = "PUBLIC KEY"

// MarshalPublicKey encodes the public half of a checkpoint key as PEM
// (PKIX SubjectPublicKeyInfo, which openssl reads too) after a line naming
// its key id: what `sio audit verify --public-key` reads. Several can be
// concatenated in one file.
func MarshalPublicKey(pub ed25519.PublicKey) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	b := []byte("# SIO audit checkpoint key " + KeyID(pub) + "\n")
	return append(b, pem.EncodeToMemory(&pem.Block{Type: pemPublicKey, Bytes: der})...), nil
}

// LoadPublicKeys reads the checkpoint verification keys of a file: one or
// more PEM public keys (MarshalPublicKey; a file may list the keys of
// several rotations), or a private key file (LoadKey, the sandbox's
// audit.key), of which only the public half is kept.
func LoadPublicKeys(path string) ([]ed25519.PublicKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []ed25519.PublicKey
	for rest := b; ; {
		var blk *pem.Block
		if blk, rest = pem.Decode(rest); blk == nil {
			break
		}
		if blk.Type != pemPublicKey {
			return nil, fmt.Errorf("audit: %s: a PEM %q block, want %q", path, blk.Type, pemPublicKey)
		}
		k, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("audit: %s: %w", path, err)
		}
		pub, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, fmt.Errorf("audit: %s: a %T, want an Ed25519 key", path, k)
		}
		keys = append(keys, pub)
	}
	if len(keys) > 0 {
		return keys, nil
	}
	priv, err := LoadKey(path)
	if err != nil {
		return nil, errors.New("audit: " + path + " holds neither a PEM Ed25519 public key nor a private key")
	}
	return []ed25519.PublicKey{priv.Public().(ed25519.PublicKey)}, nil
}
