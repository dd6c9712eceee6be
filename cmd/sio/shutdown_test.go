package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"sio"
	"sio/authz"
	"sio/connectors/vehicles"
	"sio/gateway"
	"sio/internal/testdb"
	"sio/sqldb"
)

// TestGracefulShutdownCommitsInFlight: a request is in flight (its
// vehicles database hangs, behind a proxy that swallows connections) when
// sio gets SIGTERM. The server stops, but only after that request has
// finished: the client gets its answer (the person, with vehicles failed as
// SOURCE_UNAVAILABLE) and its audit record is committed, and the chain
// verifies.
func TestGracefulShutdownCommitsInFlight(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildSIO(t, dir)
	dsn := testdb.NewPostgres(t)
	if out, err := exec.Command(bin, "seed", "--postgres", dsn, "--data-dir", dir, "--persons", "300").CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	ctx := context.Background()
	vdb, err := sqldb.Open(ctx, gateway.StoreConfig(gateway.Config{PostgresDSN: dsn}, vehicles.Name))
	testdb.Must(t, err)
	var owner string
	testdb.Must(t, vdb.Get(ctx, &owner, vdb.Q(`SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY owner_id LIMIT 1`)))
	vdb.Close()

	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve", "--postgres", dsn, "--data-dir", dir, "--addr", addr,
		"--store-dsn", vehicles.Name+"="+proxy.WithPort(dsn), "--store-timeout", "3s")
	cmd.Stderr = io.Discard
	testdb.Must(t, cmd.Start())
	defer cmd.Process.Kill()
	waitHealthy(t, addr)
	user, basis := readerOf(t, addr, "PERSONS", "VEHICLES")

	proxy.Blackout()
	before := proxy.Accepted()
	type answer struct {
		status int
		id     string
		body   []byte
		err    error
	}
	got := make(chan answer, 1)
	go func() {
		body, _ := json.Marshal(map[string]any{"query": `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) {
			person(iin: $iin) { iin vehicles { totalCount } } } }`, "variables": map[string]any{"b": basis, "iin": owner}})
		req, _ := http.NewRequest("POST", "http://"+addr+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Dev-User", user)
		resp, err := (&http.Client{Timeout: time.Minute}).Do(req)
		if err != nil {
			got <- answer{err: err}
			return
		}
		raw, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- answer{resp.StatusCode, resp.Header.Get("X-Request-Id"), raw, err}
	}()
	// The request is in flight once it dials the hanging database.
	for deadline := time.Now().Add(30 * time.Second); proxy.Accepted() == before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the request never reached the vehicles database")
		}
	}
	testdb.Must(t, cmd.Process.Signal(syscall.SIGTERM))

	a := <-got
	if a.err != nil {
		t.Fatalf("the in-flight request was cut off: %v", a.err)
	}
	var r struct {
		Data struct {
			Inquiry struct {
				Person struct{ IIN string }
			}
		}
		Errors []struct {
			Path       []any
			Extensions map[string]any
		}
	}
	testdb.Must(t, json.Unmarshal(a.body, &r))
	if a.status != 200 || a.id == "" || r.Data.Inquiry.Person.IIN != owner || len(r.Errors) != 1 ||
		r.Errors[0].Extensions["code"] != sio.ESOURCEUNAVAILABLE {
		t.Fatalf("in-flight answer: %d %s", a.status, a.body)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("sio exited with %v after SIGTERM", err)
	}

	g, err := gateway.Open(ctx, gateway.Config{PostgresDSN: dsn, DataDir: dir})
	testdb.Must(t, err)
	defer g.Close()
	var n int
	db := g.Audit.Owner()
	testdb.Must(t, db.Get(ctx, &n, db.Q(`SELECT COUNT(*) FROM {records} WHERE request_id = ?`), a.id))
	if n != 1 {
		t.Fatalf("the in-flight request has %d audit records", n)
	}
	out, err := exec.Command(bin, "audit", "verify", "--postgres", dsn, "--data-dir", dir).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("OK")) {
		t.Fatalf("sio audit verify: %v\n%s", err, out)
	}
}

func waitHealthy(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
	}
	t.Fatal("sio did not start")
}

// readerOf finds a sandbox official with an open case under which their
// role may read every one of services.
func readerOf(t *testing.T, addr string, services ...string) (string, map[string]any) {
	t.Helper()
	policy, err := authz.Load()
	testdb.Must(t, err)
	body := []byte(`{"query":"{ sandboxUsers { iin blocked agreementSigned role { code } cases { number basis status court year } } }"}`)
	resp, err := http.Post("http://"+addr+"/graphql", "application/json", bytes.NewReader(body))
	testdb.Must(t, err)
	defer resp.Body.Close()
	var out struct {
		Data struct {
			SandboxUsers []struct {
				IIN                      string
				Blocked, AgreementSigned bool
				Role                     struct{ Code string }
				Cases                    []struct {
					Number, Basis, Status, Court string
					Year                         int
				}
			}
		}
	}
	testdb.Must(t, json.NewDecoder(resp.Body).Decode(&out))
	for _, u := range out.Data.SandboxUsers {
		for _, c := range u.Cases {
			ok := c.Status == sio.CaseOpen && !u.Blocked && u.AgreementSigned
			for _, s := range services {
				d := policy.Decide(u.Role.Code, c.Basis, s)
				ok = ok && d.Allowed && d.Access == "FULL"
			}
			if ok {
				b := map[string]any{"kind": c.Basis, "caseNumber": c.Number, "justification": "проверка"}
				if c.Court != "" {
					b["court"], b["year"] = c.Court, c.Year
				}
				return u.IIN, b
			}
		}
	}
	t.Fatalf("no official may read %v", services)
	return "", nil
}
