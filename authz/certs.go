package authz

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"time"

	"golang.org/x/crypto/ocsp"

	"sio"
)

// Production authentication: mutual TLS with client certificates of the
// national certification authority (НУЦ РК), seed 000 §2, §18. A user's
// certificate carries the IIN in the subject's SERIALNUMBER as "IIN" + 12
// digits.

// Reasons of UNAUTHENTICATED certificate refusals (extensions.reason).
const (
	ReasonCertMissing           = "CERT_MISSING"
	ReasonCertExpired           = "CERT_EXPIRED"
	ReasonCertNotYetValid       = "CERT_NOT_YET_VALID"
	ReasonCertRevoked           = "CERT_REVOKED"
	ReasonCertRevocationUnknown = "CERT_REVOCATION_UNKNOWN"
	ReasonCertKeyUsage          = "CERT_KEY_USAGE"
	ReasonCertUntrusted         = "CERT_UNTRUSTED"
	ReasonCertSelfSigned        = "CERT_SELF_SIGNED"
	ReasonCertNoIIN             = "CERT_NO_IIN"
	ReasonCertBadSignature      = "CERT_BAD_SIGNATURE"
	ReasonUnknownUser           = "UNKNOWN_USER"
)

func unauthenticated(reason, format string, args ...any) *sio.Error {
	return &sio.Error{Code: sio.EUNAUTHENTICATED, Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// SignatureAlgorithm identifies the algorithm of a signature: as the x509
// package knows it, and by its OID (for algorithms it does not know, such
// as GOST R 34.10-2015 of the national CA).
type SignatureAlgorithm struct {
	Known x509.SignatureAlgorithm
	OID   asn1.ObjectIdentifier
}

// Verifier checks signatures made with the keys of one public-key
// algorithm family. RSAVerifier and ECDSAVerifier are provided; a GOST
// verifier plugs in the same way (it reads the key from
// signer.RawSubjectPublicKeyInfo and the algorithm from alg.OID).
type Verifier interface {
	// Name is the family, e.g. "RSA".
	Name() string
	// Accepts reports whether the signer's key is of the family.
	Accepts(signer *x509.Certificate) bool
	// Verify checks a signature of a certificate or CRL (signed is its
	// to-be-signed part) made with the signer's key.
	Verify(signer *x509.Certificate, alg SignatureAlgorithm, signed, signature []byte) error
	// VerifyData checks a signature of data made with the signer's key
	// with SHA-256 (the signed usage agreement).
	VerifyData(signer *x509.Certificate, data, signature []byte) error
}

// DefaultVerifiers are the verifiers of RSA and ECDSA signatures.
func DefaultVerifiers() []Verifier { return []Verifier{RSAVerifier{}, ECDSAVerifier{}} }

var errAlgorithm = errors.New("unsupported signature algorithm")

func hashOf(alg x509.SignatureAlgorithm) (crypto.Hash, bool) {
	switch alg {
	case x509.SHA256WithRSA, x509.SHA256WithRSAPSS, x509.ECDSAWithSHA256:
		return crypto.SHA256, true
	case x509.SHA384WithRSA, x509.SHA384WithRSAPSS, x509.ECDSAWithSHA384:
		return crypto.SHA384, true
	case x509.SHA512WithRSA, x509.SHA512WithRSAPSS, x509.ECDSAWithSHA512:
		return crypto.SHA512, true
	}
	return 0, false // SHA-1 and MD5 are refused
}

func digest(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

// RSAVerifier verifies RSA PKCS #1 v1.5 and PSS signatures with SHA-2.
type RSAVerifier struct{}

func (RSAVerifier) Name() string { return "RSA" }

func (RSAVerifier) Accepts(signer *x509.Certificate) bool {
	_, ok := signer.PublicKey.(*rsa.PublicKey)
	return ok
}

func (RSAVerifier) Verify(signer *x509.Certificate, alg SignatureAlgorithm, signed, signature []byte) error {
	pub, ok := signer.PublicKey.(*rsa.PublicKey)
	h, known := hashOf(alg.Known)
	if !ok || !known {
		return errAlgorithm
	}
	switch alg.Known {
	case x509.SHA256WithRSA, x509.SHA384WithRSA, x509.SHA512WithRSA:
		return rsa.VerifyPKCS1v15(pub, h, digest(h, signed), signature)
	case x509.SHA256WithRSAPSS, x509.SHA384WithRSAPSS, x509.SHA512WithRSAPSS:
		return rsa.VerifyPSS(pub, h, digest(h, signed), signature, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	}
	return errAlgorithm
}

func (v RSAVerifier) VerifyData(signer *x509.Certificate, data, signature []byte) error {
	return v.Verify(signer, SignatureAlgorithm{Known: x509.SHA256WithRSA}, data, signature)
}

// ECDSAVerifier verifies ECDSA signatures (ASN.1 encoded) with SHA-2.
type ECDSAVerifier struct{}

func (ECDSAVerifier) Name() string { return "ECDSA" }

func (ECDSAVerifier) Accepts(signer *x509.Certificate) bool {
	_, ok := signer.PublicKey.(*ecdsa.PublicKey)
	return ok
}

func (ECDSAVerifier) Verify(signer *x509.Certificate, alg SignatureAlgorithm, signed, signature []byte) error {
	pub, ok := signer.PublicKey.(*ecdsa.PublicKey)
	h, known := hashOf(alg.Known)
	if !ok || !known || (alg.Known != x509.ECDSAWithSHA256 && alg.Known != x509.ECDSAWithSHA384 && alg.Known != x509.ECDSAWithSHA512) {
		return errAlgorithm
	}
	if !ecdsa.VerifyASN1(pub, digest(h, signed), signature) {
		return errors.New("ecdsa: verification error")
	}
	return nil
}

func (v ECDSAVerifier) VerifyData(signer *x509.Certificate, data, signature []byte) error {
	return v.Verify(signer, SignatureAlgorithm{Known: x509.ECDSAWithSHA256}, data, signature)
}

// signedObject is the outer shape of a certificate and of a CRL.
type signedObject struct {
	TBS       asn1.RawValue
	Algorithm pkix.AlgorithmIdentifier
	Signature asn1.BitString
}

// algorithmOf reads the signature algorithm OID of a certificate or CRL.
func algorithmOf(raw []byte, known x509.SignatureAlgorithm) SignatureAlgorithm {
	var o signedObject
	if _, err := asn1.Unmarshal(raw, &o); err != nil {
		return SignatureAlgorithm{Known: known}
	}
	return SignatureAlgorithm{Known: known, OID: o.Algorithm.Algorithm}
}

// OCSPStatus is a certificate's status according to an OCSP responder.
type OCSPStatus int

// OCSP statuses.
const (
	OCSPGood OCSPStatus = iota
	OCSPRevoked
	OCSPUnknown
)

// OCSPChecker is the hook that asks an OCSP responder about a certificate.
type OCSPChecker interface {
	Status(ctx context.Context, cert, issuer *x509.Certificate) (OCSPStatus, error)
}

// OCSPClient asks an OCSP responder over HTTP (RFC 6960): the certificate's
// own responder (AIA), or URL when set. Responses must be signed by the
// issuer or a responder it delegated, and current.
type OCSPClient struct {
	URL    string
	Client *http.Client
	Now    func() time.Time
}

// Status implements OCSPChecker.
func (c *OCSPClient) Status(ctx context.Context, cert, issuer *x509.Certificate) (OCSPStatus, error) {
	url := c.URL
	if url == "" && len(cert.OCSPServer) > 0 {
		url = cert.OCSPServer[0]
	}
	if url == "" {
		return OCSPUnknown, errors.New("ocsp: no responder for the certificate")
	}
	req, err := ocsp.CreateRequest(cert, issuer, &ocsp.RequestOptions{Hash: crypto.SHA256})
	if err != nil {
		return OCSPUnknown, err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(req))
	if err != nil {
		return OCSPUnknown, err
	}
	hreq.Header.Set("Content-Type", "application/ocsp-request")
	client := c.Client
	if client == nil {
		client = &http.Client{Timeout: 5 * time.Second}
	}
	resp, err := client.Do(hreq)
	if err != nil {
		return OCSPUnknown, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return OCSPUnknown, err
	}
	if resp.StatusCode != http.StatusOK {
		return OCSPUnknown, fmt.Errorf("ocsp: responder answered %s", resp.Status)
	}
	r, err := ocsp.ParseResponseForCert(body, cert, issuer)
	if err != nil {
		return OCSPUnknown, err
	}
	now := time.Now()
	if c.Now != nil {
		now = c.Now()
	}
	if r.ThisUpdate.After(now.Add(5*time.Minute)) || (!r.NextUpdate.IsZero() && r.NextUpdate.Before(now)) {
		return OCSPUnknown, errors.New("ocsp: the response is not current")
	}
	switch r.Status {
	case ocsp.Good:
		return OCSPGood, nil
	case ocsp.Revoked:
		return OCSPRevoked, nil
	}
	return OCSPUnknown, nil
}

// CertAuthority verifies client certificates against the national CA: the
// chain up to a configured root (each signature checked by a Verifier),
// validity periods, key usage, revocation (CRLs of the issuers, and the
// OCSP hook when set) and the IIN of the subject.
type CertAuthority struct {
	Roots         []*x509.Certificate
	Intermediates []*x509.Certificate
	// CRLs are verified revocation lists of the roots and intermediates.
	CRLs      []*x509.RevocationList
	OCSP      OCSPChecker
	Verifiers []Verifier
	Now       func() time.Time
}

const maxChain = 8

func (a *CertAuthority) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

func (a *CertAuthority) verifier(signer *x509.Certificate) Verifier {
	vs := a.Verifiers
	if vs == nil {
		vs = DefaultVerifiers()
	}
	for _, v := range vs {
		if v.Accepts(signer) {
			return v
		}
	}
	return nil
}

// signedBy checks that issuer signed cert.
func (a *CertAuthority) signedBy(cert, issuer *x509.Certificate) bool {
	if !bytes.Equal(cert.RawIssuer, issuer.RawSubject) {
		return false
	}
	v := a.verifier(issuer)
	return v != nil && v.Verify(issuer, algorithmOf(cert.Raw, cert.SignatureAlgorithm), cert.RawTBSCertificate, cert.Signature) == nil
}

// VerifyData checks a signature of data made with the certificate's key.
func (a *CertAuthority) VerifyData(cert *x509.Certificate, data, signature []byte) error {
	v := a.verifier(cert)
	if v == nil {
		return errAlgorithm
	}
	return v.VerifyData(cert, data, signature)
}

var iinSerialRe = regexp.MustCompile(`^IIN(\d{12})$`)

// IINOf reads the IIN of the certificate's subject (SERIALNUMBER "IIN" +
// 12 digits with a valid check digit).
func IINOf(cert *x509.Certificate) (sio.IIN, error) {
	m := iinSerialRe.FindStringSubmatch(strings.TrimSpace(cert.Subject.SerialNumber))
	if m == nil {
		return "", unauthenticated(ReasonCertNoIIN, "the certificate's subject has no SERIALNUMBER IIN followed by 12 digits")
	}
	iin, err := sio.ParseIIN(m[1], "SERIALNUMBER")
	if err != nil {
		return "", unauthenticated(ReasonCertNoIIN, "the certificate's IIN is malformed: %s", sio.ErrorMessage(err))
	}
	return iin, nil
}

// Verify checks the client's certificate chain (leaf first, as presented)
// and returns the leaf and the IIN of its subject, or an UNAUTHENTICATED
// *sio.Error whose Reason names the fault.
func (a *CertAuthority) Verify(ctx context.Context, presented []*x509.Certificate) (*x509.Certificate, sio.IIN, error) {
	if len(presented) == 0 {
		return nil, "", unauthenticated(ReasonCertMissing, "a client certificate is required")
	}
	leaf := presented[0]
	if bytes.Equal(leaf.RawIssuer, leaf.RawSubject) && a.signedBy(leaf, leaf) {
		return nil, "", unauthenticated(ReasonCertSelfSigned, "the client certificate is self-signed")
	}
	path, err := a.path(leaf, presented[1:])
	if err != nil {
		return nil, "", err
	}
	now := a.now()
	for i, c := range path {
		what := "the client certificate"
		if i > 0 {
			what = "the issuing certificate " + c.Subject.CommonName
		}
		switch {
		case now.After(c.NotAfter):
			return nil, "", unauthenticated(ReasonCertExpired, "%s expired on %s", what, c.NotAfter.Format(time.RFC3339))
		case now.Before(c.NotBefore):
			return nil, "", unauthenticated(ReasonCertNotYetValid, "%s is valid from %s", what, c.NotBefore.Format(time.RFC3339))
		}
	}
	if err := keyUsage(path); err != nil {
		return nil, "", err
	}
	if err := a.revocation(ctx, path, now); err != nil {
		return nil, "", err
	}
	iin, err := IINOf(leaf)
	if err != nil {
		return nil, "", err
	}
	return leaf, iin, nil
}

// path builds the chain from the leaf to a configured root through the
// configured and presented intermediates.
func (a *CertAuthority) path(leaf *x509.Certificate, presented []*x509.Certificate) ([]*x509.Certificate, error) {
	pool := append(append([]*x509.Certificate(nil), a.Intermediates...), presented...)
	path := []*x509.Certificate{leaf}
	cur := leaf
next:
	for len(path) <= maxChain {
		for _, r := range a.Roots {
			if a.signedBy(cur, r) {
				return append(path, r), nil
			}
		}
		for _, c := range pool {
			if c.IsCA && !bytes.Equal(c.Raw, cur.Raw) && a.signedBy(cur, c) {
				path, cur = append(path, c), c
				continue next
			}
		}
		break
	}
	return nil, unauthenticated(ReasonCertUntrusted, "the client certificate is not issued by the national certification authority")
}

// keyUsage checks that the leaf is an end-entity certificate for client
// authentication and digital signature, and the issuers are CAs.
func keyUsage(path []*x509.Certificate) error {
	leaf := path[0]
	clientAuth := false
	for _, u := range leaf.ExtKeyUsage {
		clientAuth = clientAuth || u == x509.ExtKeyUsageClientAuth || u == x509.ExtKeyUsageAny
	}
	if leaf.IsCA || leaf.KeyUsage&x509.KeyUsageDigitalSignature == 0 || !clientAuth {
		return unauthenticated(ReasonCertKeyUsage, "the client certificate is not for digital signature and client authentication")
	}
	for _, c := range path[1:] {
		if !c.BasicConstraintsValid || !c.IsCA || (c.KeyUsage != 0 && c.KeyUsage&x509.KeyUsageCertSign == 0) {
			return unauthenticated(ReasonCertKeyUsage, "issuing certificate %s is not a certification authority", c.Subject.CommonName)
		}
	}
	return nil
}

// revocation checks every certificate of the path but the root against the
// CRL of its issuer (a stale CRL fails closed), and the leaf through OCSP.
func (a *CertAuthority) revocation(ctx context.Context, path []*x509.Certificate, now time.Time) error {
	for i, c := range path[:len(path)-1] {
		issuer := path[i+1]
		for _, crl := range a.CRLs {
			if !bytes.Equal(crl.RawIssuer, issuer.RawSubject) {
				continue
			}
			if !crl.NextUpdate.IsZero() && now.After(crl.NextUpdate) {
				return unauthenticated(ReasonCertRevocationUnknown, "the revocation list of %s is out of date", issuer.Subject.CommonName)
			}
			for _, e := range crl.RevokedCertificateEntries {
				if e.SerialNumber.Cmp(c.SerialNumber) == 0 {
					return unauthenticated(ReasonCertRevoked, "the certificate %s is revoked (CRL)", c.SerialNumber.Text(16))
				}
			}
		}
	}
	if a.OCSP == nil {
		return nil
	}
	st, err := a.OCSP.Status(ctx, path[0], path[1])
	switch {
	case err != nil || st == OCSPUnknown:
		return unauthenticated(ReasonCertRevocationUnknown, "the revocation status of the client certificate is unknown (OCSP)")
	case st == OCSPRevoked:
		return unauthenticated(ReasonCertRevoked, "the client certificate is revoked (OCSP)")
	}
	return nil
}

// LoadCertAuthority reads the CA bundle (PEM: self-signed certificates are
// roots, the others intermediates) and, if crlFile is set, a CRL (PEM or
// DER) that must be signed by one of them.
func LoadCertAuthority(caFile, crlFile string) (*CertAuthority, error) {
	data, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	a := &CertAuthority{}
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, fmt.Errorf("authz: %s: %w", caFile, err)
		}
		if bytes.Equal(c.RawIssuer, c.RawSubject) {
			a.Roots = append(a.Roots, c)
		} else {
			a.Intermediates = append(a.Intermediates, c)
		}
	}
	if len(a.Roots) == 0 {
		return nil, fmt.Errorf("authz: %s holds no root certificate", caFile)
	}
	if crlFile == "" {
		return a, nil
	}
	raw, err := os.ReadFile(crlFile)
	if err != nil {
		return nil, err
	}
	if b, _ := pem.Decode(raw); b != nil {
		raw = b.Bytes
	}
	crl, err := x509.ParseRevocationList(raw)
	if err != nil {
		return nil, fmt.Errorf("authz: %s: %w", crlFile, err)
	}
	if err := a.AddCRL(crl); err != nil {
		return nil, fmt.Errorf("authz: %s: %w", crlFile, err)
	}
	return a, nil
}

// AddCRL adds a revocation list after checking its signature by one of the
// authority's certificates.
func (a *CertAuthority) AddCRL(crl *x509.RevocationList) error {
	for _, c := range append(append([]*x509.Certificate(nil), a.Roots...), a.Intermediates...) {
		if !bytes.Equal(crl.RawIssuer, c.RawSubject) {
			continue
		}
		if v := a.verifier(c); v != nil && v.Verify(c, algorithmOf(crl.Raw, crl.SignatureAlgorithm), crl.RawTBSRevocationList, crl.Signature) == nil {
			a.CRLs = append(a.CRLs, crl)
			return nil
		}
	}
	return errors.New("the revocation list is not signed by a certificate of the CA bundle")
}

// CertificateID names a certificate for the records: serial number and
// issuer.
func CertificateID(c *x509.Certificate) string {
	h := sha256.Sum256(c.Raw)
	return fmt.Sprintf("serial %s, issuer %s, sha256 %x", c.SerialNumber.Text(16), c.Issuer.String(), h[:8])
}
