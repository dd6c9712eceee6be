package authz

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"time"

	"sio"
)

// Certificate issuing for test and sandbox deployments (`sio certs`, the
// mTLS tests): a stand-in for the national CA with the same certificate
// profile: users' certificates carry the IIN in SERIALNUMBER.

// KeyType is the algorithm of a generated key.
type KeyType string

// Key types.
const (
	KeyRSA   KeyType = "RSA"   // RSA 2048
	KeyECDSA KeyType = "ECDSA" // ECDSA P-256
)

// NewKey generates a key of the type.
func NewKey(kt KeyType) (crypto.Signer, error) {
	switch kt {
	case KeyRSA:
		return rsa.GenerateKey(rand.Reader, 2048)
	case KeyECDSA:
		return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	}
	return nil, errors.New("authz: unknown key type " + string(kt))
}

// CertSpec describes a certificate to issue.
type CertSpec struct {
	Subject     pkix.Name
	KeyType     KeyType
	NotBefore   time.Time
	NotAfter    time.Time
	IsCA        bool
	KeyUsage    x509.KeyUsage
	ExtKeyUsage []x509.ExtKeyUsage
	DNSNames    []string
	IPAddresses []net.IP
	OCSPServer  []string
}

// CA is an issuing certification authority: its certificate and key.
type CA struct {
	Cert *x509.Certificate
	Key  crypto.Signer
}

// NewRootCA creates a self-signed root.
func NewRootCA(name string, kt KeyType, notBefore, notAfter time.Time) (*CA, error) {
	cert, key, err := SelfSigned(CertSpec{Subject: pkix.Name{CommonName: name, Organization: []string{name}, Country: []string{"KZ"}},
		KeyType: kt, NotBefore: notBefore, NotAfter: notAfter, IsCA: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign})
	if err != nil {
		return nil, err
	}
	return &CA{Cert: cert, Key: key}, nil
}

func serial() (*big.Int, error) {
	return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
}

func template(spec CertSpec) (*x509.Certificate, error) {
	sn, err := serial()
	if err != nil {
		return nil, err
	}
	return &x509.Certificate{SerialNumber: sn, Subject: spec.Subject, NotBefore: spec.NotBefore, NotAfter: spec.NotAfter,
		BasicConstraintsValid: true, IsCA: spec.IsCA, KeyUsage: spec.KeyUsage, ExtKeyUsage: spec.ExtKeyUsage,
		DNSNames: spec.DNSNames, IPAddresses: spec.IPAddresses, OCSPServer: spec.OCSPServer}, nil
}

// SelfSigned creates a self-signed certificate (a root, or a certificate
// no CA vouches for).
func SelfSigned(spec CertSpec) (*x509.Certificate, crypto.Signer, error) {
	return issue(spec, nil, nil)
}

// Issue creates a certificate signed by the CA with a new key.
func (ca *CA) Issue(spec CertSpec) (*x509.Certificate, crypto.Signer, error) {
	return issue(spec, ca.Cert, ca.Key)
}

// issue creates a certificate with a new key, signed by parent (itself when
// nil).
func issue(spec CertSpec, parent *x509.Certificate, parentKey crypto.Signer) (*x509.Certificate, crypto.Signer, error) {
	key, err := NewKey(spec.KeyType)
	if err != nil {
		return nil, nil, err
	}
	tmpl, err := template(spec)
	if err != nil {
		return nil, nil, err
	}
	if parent == nil {
		parent, parentKey = tmpl, key
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, key.Public(), parentKey)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	return cert, key, err
}

// UserSpec is the profile of a user's authentication certificate: CN the
// full name, SERIALNUMBER "IIN" + IIN, O the agency; digital signature and
// client authentication.
func UserSpec(u sio.User, kt KeyType, notBefore, notAfter time.Time) CertSpec {
	return CertSpec{
		Subject: pkix.Name{CommonName: u.FullName, SerialNumber: "IIN" + string(u.IIN), Organization: []string{u.AgencyCode},
			Country: []string{"KZ"}},
		KeyType: kt, NotBefore: notBefore, NotAfter: notAfter,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
}

// ServerSpec is the profile of the gateway's TLS certificate.
func ServerSpec(hosts []string, kt KeyType, notBefore, notAfter time.Time) CertSpec {
	s := CertSpec{Subject: pkix.Name{CommonName: "SIO gateway"}, KeyType: kt, NotBefore: notBefore, NotAfter: notAfter,
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			s.IPAddresses = append(s.IPAddresses, ip)
		} else {
			s.DNSNames = append(s.DNSNames, h)
		}
	}
	return s
}

// CRL issues a revocation list of the CA (DER).
func (ca *CA) CRL(revoked []*x509.Certificate, number int64, thisUpdate, nextUpdate time.Time) ([]byte, error) {
	var entries []x509.RevocationListEntry
	for _, c := range revoked {
		entries = append(entries, x509.RevocationListEntry{SerialNumber: c.SerialNumber, RevocationTime: thisUpdate})
	}
	return x509.CreateRevocationList(rand.Reader, &x509.RevocationList{Number: big.NewInt(number), ThisUpdate: thisUpdate,
		NextUpdate: nextUpdate, RevokedCertificateEntries: entries}, ca.Cert, ca.Key)
}

// PEMCert encodes a certificate as PEM.
func PEMCert(c *x509.Certificate) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})
}

// PEMKey encodes a private key as PKCS #8 PEM.
func PEMKey(k crypto.Signer) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), nil
}

// PEMCRL encodes a revocation list (DER) as PEM.
func PEMCRL(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der})
}
