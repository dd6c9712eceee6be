package gateway_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/gateway"
	"sio/httpapi"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// record reads the audit record of a response by its request id.
func (fx *fixture) record(t *testing.T, requestID string) audit.Record {
	t.Helper()
	var seq int64
	db := fx.g.Audit.Owner()
	testdb.Must(t, db.Get(context.Background(), &seq, db.Q(`SELECT seq FROM {records} WHERE request_id = ?`), requestID))
	r, err := fx.g.Audit.Record(context.Background(), seq)
	testdb.Must(t, err)
	return r
}

// Every request leaves a record that says who asked under which basis,
// what was read and refused, and holds the exact response served.
func TestAuditRecords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		o, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
			_, errP := fx.g.Enforcer().Check(inq, "PERSONS")
			_, errW := fx.g.Enforcer().Check(inq, "WEAPONS")
			return errP == nil && errW != nil
		})
		if !ok {
			t.Fatal("no official may read persons but not weapons")
		}
		iin := one[string](t, fx.g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)
		r := fx.post(t, o.IIN, `query Card($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin fullName weapons { serialNumber } } } }`,
			map[string]any{"b": o.basis(), "iin": iin})
		if r.Status != 200 || r.RequestID == "" || get(r.Data, "inquiry.person.iin") != iin || r.errorAt("inquiry.person.weapons") == nil {
			t.Fatalf("inquiry: %+v", r)
		}
		rec := fx.record(t, r.RequestID)
		sum := sha256.Sum256(r.Raw)
		if rec.Kind != audit.KindInquiry || rec.UserIIN != string(o.IIN) || rec.Role != o.Role || rec.Agency != o.Agency ||
			rec.Basis != o.Basis || rec.CaseNumber != o.Case || rec.Justification == "" || rec.Operation != "Card" ||
			!slices.Contains(rec.Services, "PERSONS") || slices.Contains(rec.Services, "WEAPONS") ||
			!slices.Contains(rec.Subjects, iin) || rec.ResultDigest != hex.EncodeToString(sum[:]) {
			t.Fatalf("record = %+v", rec)
		}
		if len(rec.Denials) != 1 || rec.Denials[0].Path != "inquiry.person.weapons" || rec.Denials[0].Service != "WEAPONS" ||
			rec.Denials[0].Reason == "" || !slices.Contains(rec.ErrorCodes, sio.EFORBIDDEN) {
			t.Fatalf("denials = %+v, codes %v", rec.Denials, rec.ErrorCodes)
		}
		served, err := rec.ResultJSON()
		testdb.Must(t, err)
		req, err := rec.RequestJSON()
		testdb.Must(t, err)
		if !bytes.Equal(served, r.Raw) || !bytes.Contains(req, []byte(iin)) {
			t.Fatalf("stored request %s / response differs from what was served", req)
		}

		// A refused basis is recorded with the basis claimed and the refusal.
		bad := o.basis()
		bad["caseNumber"] = "999999999999999"
		r = fx.post(t, o.IIN, `query($b: BasisInput!) { inquiry(basis: $b) { basis } }`, map[string]any{"b": bad})
		rec = fx.record(t, r.RequestID)
		if rec.CaseNumber != "999999999999999" || len(rec.Denials) != 1 || rec.Denials[0].Path != "inquiry" || rec.Denials[0].Reason != authz.ReasonCaseNotFound {
			t.Fatalf("refused basis: %+v", rec)
		}

		// A failed authentication is recorded with the identity claimed.
		claimed := sio.IIN("850314400109")
		r = fx.post(t, claimed, `{ me { iin } }`, nil)
		rec = fx.record(t, r.RequestID)
		if r.Status != http.StatusUnauthorized || rec.Kind != audit.KindAuthFailed || rec.UserIIN != string(claimed) {
			t.Fatalf("failed authentication: %d %+v", r.Status, rec)
		}

		// A query that does not parse is recorded too.
		r = fx.post(t, o.IIN, `{ inquiry(`, nil)
		rec = fx.record(t, r.RequestID)
		if rec.Kind != audit.KindQuery || !slices.Contains(rec.ErrorCodes, "GRAPHQL_PARSE_FAILED") {
			t.Fatalf("parse error: %+v", rec)
		}
	})
}

// With the audit store unreachable no data is served (AUDIT_UNAVAILABLE),
// and service resumes when it is back.
func TestAuditUnavailableRefusesData(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		gcfg := gateway.Config{DataDir: cfg.DataDir, PostgresDSN: cfg.PostgresDSN, Sandbox: true,
			Now: synth.SnapshotClock(time.Now), StoreTimeout: 2 * time.Second}
		var proxy *testdb.Proxy
		if cfg.PostgresDSN != "" {
			// The audit store alone behind a proxy that can refuse connections.
			proxy = testdb.NewProxy(t, "127.0.0.1:5432")
			gcfg.StoreDSN = map[string]string{audit.Name: proxy.WithPort(cfg.PostgresDSN)}
		}
		g, h := openSeeded(t, gcfg)
		fx := &fixture{g: g, srv: httptest.NewServer(h)}
		t.Cleanup(fx.srv.Close)
		o := fx.allowedAll(t, "PERSONS")
		iin := one[string](t, g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)
		q := `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin fullName } } }`
		vars := map[string]any{"b": o.basis(), "iin": iin}
		if r := fx.post(t, o.IIN, q, vars); r.Status != 200 || get(r.Data, "inquiry.person.iin") != iin {
			t.Fatalf("before the outage: %+v", r)
		}

		if proxy != nil {
			proxy.Refuse()
		} else {
			// The SQLite file's handle goes away.
			testdb.Must(t, g.Audit.Owner().DB.Close())
		}
		r := fx.post(t, o.IIN, q, vars)
		if r.Status != http.StatusServiceUnavailable || r.Data != nil || len(r.Errors) != 1 ||
			r.Errors[0].Extensions["code"] != sio.EAUDITUNAVAILABLE || bytes.Contains(r.Raw, []byte(iin)) {
			t.Fatalf("with the audit store down: %d %s", r.Status, r.Raw)
		}
		if proxy == nil {
			return
		}
		proxy.Restore()
		var back gqlResponse
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			if back = fx.post(t, o.IIN, q, vars); back.Status == 200 {
				break
			}
		}
		if get(back.Data, "inquiry.person.iin") != iin {
			t.Fatalf("after the outage: %d %s", back.Status, back.Raw)
		}
		rep, err := audit.Verify(context.Background(), g.Audit, nil, nil)
		testdb.Must(t, err)
		for _, p := range rep.Problems {
			if p.Kind != audit.ProblemUntrustedKey {
				t.Fatalf("chain after the outage: %v", rep.Problems)
			}
		}
	})
}

// The sandbox's X-Dev-User is honoured from loopback only. The same
// request, naming a seeded official, sent to the handler from addresses
// that are not loopback (a forwarded-for header claiming loopback does
// not help) is refused with 401 UNAUTHENTICATED, serves no data, and is
// audited as a refused attempt by the sandbox header, attributed to no
// one; from loopback (IPv4 and IPv6) it is served.
func TestDevUserFromNonLoopbackRefused(t *testing.T) {
	fx := newFixture(t, testdb.Dialects[1].Config(t), true) // SQLite: the transport, not the store, is under test
	o := fx.allowedAll(t, "PERSONS")
	h := fx.srv.Config.Handler
	send := func(remote string, forwarded bool) (*httptest.ResponseRecorder, gqlResponse) {
		t.Helper()
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader([]byte(`{"query":"{ me { iin } }"}`)))
		req.RemoteAddr = remote
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(httpapi.DevUserHeader, string(o.IIN))
		if forwarded {
			req.Header.Set("X-Forwarded-For", "127.0.0.1")
			req.Header.Set("X-Real-Ip", "127.0.0.1")
			req.Header.Set("Forwarded", "for=127.0.0.1")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var r gqlResponse
		r.Raw, r.Status, r.RequestID = rec.Body.Bytes(), rec.Code, rec.Header().Get("X-Request-Id")
		if err := json.Unmarshal(r.Raw, &r); err != nil {
			t.Fatalf("from %s: response is not JSON: %s", remote, r.Raw)
		}
		if r.RequestID != "" {
			fx.mu.Lock()
			fx.acked = append(fx.acked, r.RequestID)
			fx.mu.Unlock()
		}
		return rec, r
	}
	for _, remote := range []string{"192.0.2.10:40000", "10.0.0.5:40000", "[2001:db8::1]:40000", "[::ffff:192.0.2.10]:40000"} {
		for _, forwarded := range []bool{false, true} {
			_, r := send(remote, forwarded)
			if r.Status != http.StatusUnauthorized || r.Data != nil || len(r.Errors) != 1 ||
				r.Errors[0].Extensions["code"] != sio.EUNAUTHENTICATED || bytes.Contains(r.Raw, []byte(o.IIN)) {
				t.Fatalf("from %s (forwarded %v): %d %s", remote, forwarded, r.Status, r.Raw)
			}
			if r.RequestID == "" {
				t.Fatalf("from %s: no request id", remote)
			}
			rec := fx.record(t, r.RequestID)
			served, err := rec.ResultJSON()
			testdb.Must(t, err)
			if rec.Kind != audit.KindAuthFailed || rec.AuthVia != authz.ViaSandboxHeader || rec.UserIIN != "" || rec.Role != "" ||
				!bytes.Equal(served, r.Raw) {
				t.Fatalf("from %s: audit record %+v of response %s", remote, rec, served)
			}
		}
	}
	for _, remote := range []string{"127.0.0.1:40000", "[::1]:40000"} {
		_, r := send(remote, false)
		if r.Status != http.StatusOK || get(r.Data, "me.iin") != string(o.IIN) {
			t.Fatalf("from loopback %s: %d %s", remote, r.Status, r.Raw)
		}
		if rec := fx.record(t, r.RequestID); rec.Kind != audit.KindQuery || rec.UserIIN != string(o.IIN) {
			t.Fatalf("from loopback %s: audit record %+v", remote, rec)
		}
	}
}
