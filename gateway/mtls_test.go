package gateway_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ocsp"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/gateway"
	"sio/httpapi"
	"sio/internal/testdb"
)

// ocspResponder is an OCSP responder of the CAs over HTTP (RFC 6960),
// each answering for its own certificates: "revoked" for the serials in
// revoked, "good" otherwise.
type ocspResponder struct {
	cas     []*authz.CA
	mu      sync.Mutex
	revoked map[string]bool
	asked   int
}

func (o *ocspResponder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req, err := ocsp.ParseRequest(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var ca *authz.CA
	for _, c := range o.cas {
		h := req.HashAlgorithm.New()
		h.Write(c.Cert.RawSubject)
		if bytes.Equal(h.Sum(nil), req.IssuerNameHash) {
			ca = c
		}
	}
	if ca == nil {
		http.Error(w, "unknown issuer", http.StatusNotFound)
		return
	}
	o.mu.Lock()
	o.asked++
	status := ocsp.Good
	if o.revoked[req.SerialNumber.String()] {
		status = ocsp.Revoked
	}
	o.mu.Unlock()
	now := time.Now()
	resp, err := ocsp.CreateResponse(ca.Cert, ca.Cert, ocsp.Response{Status: status, SerialNumber: req.SerialNumber,
		ThisUpdate: now.Add(-time.Minute), NextUpdate: now.Add(time.Hour), RevokedAt: now.Add(-time.Hour)}, ca.Key)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/ocsp-response")
	w.Write(resp)
}

// tlsClient presents the certificate (and chain) with its key, trusting
// the server's CA.
func tlsClient(ca *x509.Certificate, key crypto.Signer, chain ...*x509.Certificate) *http.Client {
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	cfg := &tls.Config{RootCAs: roots}
	if len(chain) > 0 {
		c := tls.Certificate{PrivateKey: key, Leaf: chain[0]}
		for _, x := range chain {
			c.Certificate = append(c.Certificate, x.Raw)
		}
		cfg.Certificates = []tls.Certificate{c}
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}, Timeout: 30 * time.Second}
}

func postWith(t *testing.T, c *http.Client, url, query string, vars map[string]any, header ...string) (gqlResponse, error) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		return gqlResponse{}, err
	}
	defer resp.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("response is not JSON: %v", err)
	}
	out.Status, out.RequestID = resp.StatusCode, resp.Header.Get("X-Request-Id")
	return out, nil
}

// sign signs data with SHA-256 as signAgreement expects.
func sign(t *testing.T, key crypto.Signer, data []byte) string {
	t.Helper()
	h := sha256.Sum256(data)
	var sig []byte
	var err error
	switch k := key.(type) {
	case *rsa.PrivateKey:
		sig, err = rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, h[:])
	case *ecdsa.PrivateKey:
		sig, err = ecdsa.SignASN1(rand.Reader, k, h[:])
	}
	testdb.Must(t, err)
	return base64.StdEncoding.EncodeToString(sig)
}

// TestProductionMTLS serves the production handler over a real TLS listener
// that requires client certificates, and presents a certificate of every
// bad class: each is refused with UNAUTHENTICATED (a JSON error with its
// reason); good RSA and ECDSA certificates of active users work, and sign
// the usage agreement with their keys.
func TestProductionMTLS(t *testing.T) {
	now := time.Now()
	from, until := now.Add(-time.Hour), now.Add(24*time.Hour)
	ca, err := authz.NewRootCA("Тестовый НУЦ РК", authz.KeyRSA, now.Add(-48*time.Hour), now.AddDate(5, 0, 0))
	testdb.Must(t, err)
	foreign, err := authz.NewRootCA("Foreign CA", authz.KeyECDSA, now.Add(-48*time.Hour), now.AddDate(5, 0, 0))
	testdb.Must(t, err)
	responder := &ocspResponder{cas: []*authz.CA{ca}, revoked: map[string]bool{}}
	ocspSrv := httptest.NewServer(responder)
	t.Cleanup(ocspSrv.Close)

	certs := &authz.CertAuthority{Roots: []*x509.Certificate{ca.Cert}, OCSP: &authz.OCSPClient{URL: ocspSrv.URL}}
	cfg := testdb.Dialects[1].Config(t) // SQLite: authentication, not the store, is under test
	g, h := openSeeded(t, gateway.Config{DataDir: cfg.DataDir, Certs: certs})
	fx := &fixture{g: g}
	t.Cleanup(func() { fx.checkAudited(t) })
	srvCert, srvKey, err := ca.Issue(authz.ServerSpec([]string{"127.0.0.1"}, authz.KeyECDSA, from, until))
	testdb.Must(t, err)
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = httpapi.TLSConfig(tls.Certificate{Certificate: [][]byte{srvCert.Raw}, PrivateKey: srvKey, Leaf: srvCert})
	srv.StartTLS()
	t.Cleanup(srv.Close)

	users, err := g.Accounts.ListUsers(t.Context())
	testdb.Must(t, err)
	var active, second, blocked, unsigned sio.User
	for _, u := range users {
		switch {
		case u.Blocked:
			blocked = u
		case u.AgreementSignedAt == nil:
			unsigned = u
		case active.IIN == "":
			active = u
		case second.IIN == "":
			second = u
		}
	}
	issue := func(spec authz.CertSpec) (*x509.Certificate, crypto.Signer) {
		c, k, err := ca.Issue(spec)
		testdb.Must(t, err)
		return c, k
	}
	user := func(u sio.User, kt authz.KeyType) authz.CertSpec { return authz.UserSpec(u, kt, from, until) }

	t.Run("good certificates", func(t *testing.T) {
		for _, kt := range []authz.KeyType{authz.KeyRSA, authz.KeyECDSA} {
			c, k := issue(user(active, kt))
			r, err := postWith(t, tlsClient(ca.Cert, k, c), srv.URL, `{ me { iin authenticatedVia role { code } } }`, nil)
			if err != nil || len(r.Errors) > 0 || get(r.Data, "me.iin") != string(active.IIN) || get(r.Data, "me.authenticatedVia") != "mtls" ||
				get(r.Data, "me.role.code") != active.RoleCode {
				t.Fatalf("%s: %+v %v", kt, r, err)
			}
		}
		// An intermediate CA presented in the chain.
		sub, subKey := issue(authz.CertSpec{Subject: pkix.Name{CommonName: "Тестовый НУЦ РК (GOST/RSA)"}, KeyType: authz.KeyECDSA,
			NotBefore: from, NotAfter: until, IsCA: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign})
		inter := &authz.CA{Cert: sub, Key: subKey}
		responder.mu.Lock()
		responder.cas = append(responder.cas, inter)
		responder.mu.Unlock()
		c, k, err := inter.Issue(user(second, authz.KeyRSA))
		testdb.Must(t, err)
		r, err := postWith(t, tlsClient(ca.Cert, k, c, sub), srv.URL, `{ me { iin } }`, nil)
		if err != nil || get(r.Data, "me.iin") != string(second.IIN) {
			t.Fatalf("through an intermediate: %+v %v", r, err)
		}
	})

	t.Run("bad certificates", func(t *testing.T) {
		type bad struct {
			name   string
			chain  []*x509.Certificate
			key    crypto.Signer
			reason string
		}
		var cases []bad
		add := func(name, reason string, spec authz.CertSpec) {
			c, k := issue(spec)
			cases = append(cases, bad{name, []*x509.Certificate{c}, k, reason})
		}
		// claimed is the IIN a refused certificate's subject names, which
		// its audit record keeps ("" if it names none).
		claimed := func(c bad) string {
			iin, err := authz.IINOf(c.chain[0])
			if err != nil {
				return ""
			}
			return string(iin)
		}
		expired := user(active, authz.KeyRSA)
		expired.NotBefore, expired.NotAfter = now.Add(-72*time.Hour), now.Add(-time.Hour)
		add("expired", authz.ReasonCertExpired, expired)
		early := user(active, authz.KeyECDSA)
		early.NotBefore = now.Add(time.Hour)
		add("not yet valid", authz.ReasonCertNotYetValid, early)
		wrongUsage := user(active, authz.KeyRSA)
		wrongUsage.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		add("server key usage", authz.ReasonCertKeyUsage, wrongUsage)
		noSig := user(active, authz.KeyECDSA)
		noSig.KeyUsage = x509.KeyUsageKeyAgreement
		add("no digital signature", authz.ReasonCertKeyUsage, noSig)
		noIIN := user(active, authz.KeyRSA)
		noIIN.Subject.SerialNumber = ""
		add("no IIN", authz.ReasonCertNoIIN, noIIN)
		badIIN := user(active, authz.KeyRSA)
		badIIN.Subject.SerialNumber = "IIN" + string(active.IIN[:11]) + string('0'+(active.IIN[11]-'0'+1)%10)
		add("IIN with a wrong check digit", authz.ReasonCertNoIIN, badIIN)
		short := user(active, authz.KeyRSA)
		short.Subject.SerialNumber = "IIN12345"
		add("IIN of 5 digits", authz.ReasonCertNoIIN, short)
		bin := user(active, authz.KeyRSA)
		bin.Subject.SerialNumber = "BIN" + string(active.IIN)
		add("BIN instead of IIN", authz.ReasonCertNoIIN, bin)
		add("blocked user", authz.ReasonUserBlocked, user(blocked, authz.KeyECDSA))
		ghost := active
		ghost.IIN = testdb.IIN(t, "1970-01-01", sio.Male, 1)
		add("unknown user", authz.ReasonUnknownUser, user(ghost, authz.KeyRSA))

		fc, fk, err := foreign.Issue(user(active, authz.KeyRSA))
		testdb.Must(t, err)
		cases = append(cases, bad{"foreign CA", []*x509.Certificate{fc}, fk, authz.ReasonCertUntrusted})
		// A foreign CA cannot pass its certificate off as an intermediate of ours.
		cases = append(cases, bad{"foreign CA in the chain", []*x509.Certificate{fc, foreign.Cert}, fk, authz.ReasonCertUntrusted})
		self := user(active, authz.KeyECDSA)
		sc, sk, err := authz.SelfSigned(self)
		testdb.Must(t, err)
		cases = append(cases, bad{"self-signed", []*x509.Certificate{sc}, sk, authz.ReasonCertSelfSigned})

		crlRevoked, crlKey := issue(user(active, authz.KeyRSA))
		der, err := ca.CRL([]*x509.Certificate{crlRevoked}, 2, now.Add(-time.Minute), now.Add(time.Hour))
		testdb.Must(t, err)
		crl, err := x509.ParseRevocationList(der)
		testdb.Must(t, err)
		testdb.Must(t, certs.AddCRL(crl))
		cases = append(cases, bad{"revoked (CRL)", []*x509.Certificate{crlRevoked}, crlKey, authz.ReasonCertRevoked})
		ocspRevoked, ocspKey := issue(user(active, authz.KeyECDSA))
		responder.mu.Lock()
		responder.revoked[ocspRevoked.SerialNumber.String()] = true
		responder.mu.Unlock()
		cases = append(cases, bad{"revoked (OCSP)", []*x509.Certificate{ocspRevoked}, ocspKey, authz.ReasonCertRevoked})

		for _, c := range cases {
			r, err := postWith(t, tlsClient(ca.Cert, c.key, c.chain...), srv.URL, `{ me { iin } }`, nil)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if r.Status != http.StatusUnauthorized || len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != sio.EUNAUTHENTICATED ||
				r.Errors[0].Extensions["reason"] != c.reason || r.Data != nil {
				t.Errorf("%s: %+v; want 401 UNAUTHENTICATED %s", c.name, r, c.reason)
			}
			// Every refusal is audited as an attempt, with the identity
			// the certificate claimed and the refusal served.
			if r.RequestID == "" {
				t.Errorf("%s: no request id", c.name)
				continue
			}
			rec := fx.record(t, r.RequestID)
			served, err := rec.ResultJSON()
			testdb.Must(t, err)
			if rec.Kind != audit.KindAuthFailed || rec.AuthVia != authz.ViaMTLS || rec.UserIIN != claimed(c) ||
				!bytes.Contains(served, []byte(c.reason)) {
				t.Errorf("%s: audit record %+v (served %s); want AUTH_FAILED by %q", c.name, rec, served, claimed(c))
			}
		}
		for _, want := range []struct{ name, iin string }{{"blocked user", string(blocked.IIN)}, {"unknown user", string(ghost.IIN)},
			{"expired", string(active.IIN)}, {"no IIN", ""}} {
			for _, c := range cases {
				if c.name == want.name && claimed(c) != want.iin {
					t.Errorf("%s claims %q, want %q", c.name, claimed(c), want.iin)
				}
			}
		}
		// A CRL signed by a foreign CA is not taken.
		fder, err := foreign.CRL(nil, 1, now, now.Add(time.Hour))
		testdb.Must(t, err)
		fcrl, _ := x509.ParseRevocationList(fder)
		if err := certs.AddCRL(fcrl); err == nil {
			t.Error("a foreign CA's CRL was accepted")
		}
	})

	t.Run("OCSP responder down fails closed", func(t *testing.T) {
		down := *certs
		down.OCSP = &authz.OCSPClient{URL: "http://127.0.0.1:1/ocsp"}
		c, k := issue(user(active, authz.KeyRSA))
		_, _, err := down.Verify(t.Context(), []*x509.Certificate{c})
		if e, ok := err.(*sio.Error); !ok || e.Reason != authz.ReasonCertRevocationUnknown {
			t.Fatalf("verify with the responder down: %v", err)
		}
		_ = k
	})

	t.Run("no client certificate", func(t *testing.T) {
		if r, err := postWith(t, tlsClient(ca.Cert, nil), srv.URL, `{ me { iin } }`, nil); err == nil {
			t.Fatalf("served without a client certificate: %+v", r)
		}
	})

	t.Run("X-Dev-User is sandbox only", func(t *testing.T) {
		c, k := issue(user(active, authz.KeyRSA))
		r, err := postWith(t, tlsClient(ca.Cert, k, c), srv.URL, `{ me { iin } }`, nil, "X-Dev-User", string(second.IIN))
		if err != nil || r.Status != http.StatusUnauthorized || r.Errors[0].Extensions["code"] != sio.EUNAUTHENTICATED {
			t.Fatalf("X-Dev-User in production: %+v %v", r, err)
		}
	})

	t.Run("sign the agreement with the certificate's key", func(t *testing.T) {
		for i, kt := range []authz.KeyType{authz.KeyECDSA, authz.KeyRSA} {
			c, k := issue(user(unsigned, kt))
			client := tlsClient(ca.Cert, k, c)
			r, err := postWith(t, client, srv.URL, `{ agreement { textRu sha256 } }`, nil)
			testdb.Must(t, err)
			text := get(r.Data, "agreement.textRu").(string)
			if i == 0 {
				for _, sig := range []string{"", "не base64", sign(t, k, []byte(text+" "))} {
					r, err := postWith(t, client, srv.URL, `mutation($s: String) { signAgreement(signature: $s) { agreementSigned } }`,
						map[string]any{"s": sig})
					testdb.Must(t, err)
					if e := r.errorAt("signAgreement"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "signature" {
						t.Fatalf("signature %q: %+v", sig, r)
					}
				}
				// Another user's key does not sign for this one.
				_, other := issue(user(active, kt))
				r, err := postWith(t, client, srv.URL, `mutation($s: String) { signAgreement(signature: $s) { agreementSigned } }`,
					map[string]any{"s": sign(t, other, []byte(text))})
				testdb.Must(t, err)
				if e := r.errorAt("signAgreement"); e == nil || e.Extensions["code"] != sio.EBADINPUT {
					t.Fatalf("signed with another key: %+v", r)
				}
				r, err = postWith(t, client, srv.URL, `mutation($s: String) { signAgreement(signature: $s) { agreementSigned } }`,
					map[string]any{"s": sign(t, k, []byte(text))})
				testdb.Must(t, err)
				if len(r.Errors) > 0 || get(r.Data, "signAgreement.agreementSigned") != true {
					t.Fatalf("signAgreement: %+v", r)
				}
				sig, err := g.Accounts.AgreementSignature(t.Context(), unsigned.IIN)
				testdb.Must(t, err)
				if len(sig.Value) == 0 || sig.Certificate != authz.CertificateID(c) {
					t.Fatalf("recorded signature = %+v", sig)
				}
				if err := (&authz.CertAuthority{}).VerifyData(c, []byte(text), sig.Value); err != nil {
					t.Fatalf("the recorded signature does not verify: %v", err)
				}
				continue
			}
			// Signed: the user now reads under a basis with a certificate of the other key type.
			r, err = postWith(t, client, srv.URL, `{ me { agreementSigned } }`, nil)
			if err != nil || get(r.Data, "me.agreementSigned") != true {
				t.Fatalf("after signing: %+v %v", r, err)
			}
		}
	})
	if responder.asked == 0 {
		t.Error("the OCSP responder was never asked")
	}
}
