package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sio/gateway"
	"sio/httpapi"
)

// The sandbox command: no arguments but a data directory, first start
// generates data, serves GraphQL, the playground and the health check, and
// shuts down cleanly; a second start reuses the data.
func TestSandboxStartsAndServes(t *testing.T) {
	dir := t.TempDir()
	for round := 0; round < 2; round++ {
		m := NewMain()
		if err := m.ParseFlags([]string{"--data-dir", dir, "--persons", "300"}); err != nil {
			t.Fatal(err)
		}
		if m.Addr != "127.0.0.1:8080" || m.Mode != "sandbox" || m.Command != "serve" {
			t.Fatalf("defaults: %+v", m)
		}
		ln, cancel, done := start(t, m)
		base := "http://" + ln.Addr().String()
		resp, err := http.Get(base + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("healthz: %v %v", resp, err)
		}
		resp.Body.Close()
		resp, err = http.Get(base + "/")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("playground: %v %v", resp, err)
		}
		resp.Body.Close()
		resp, err = http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ sandboxUsers { iin role { code } } }"}`))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Data struct {
				SandboxUsers []struct{ Iin string } `json:"sandboxUsers"`
			} `json:"data"`
		}
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if len(out.Data.SandboxUsers) == 0 {
			t.Fatalf("round %d: no sandbox users", round)
		}
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("shutdown: %v", err)
		}
		m.Close()
	}
}

// The request limits are flags with the defaults of httpapi.DefaultLimits.
func TestLimitFlags(t *testing.T) {
	m := NewMain()
	must(t, m.ParseFlags([]string{"--max-depth", "9", "--max-cost", "20000", "--request-timeout", "10s",
		"--store-timeout", "vehicles=30s", "--store-timeout", "2s", "--store-timeout", "gbd_fl=1500ms", "--store-timeout", "vehicles=20s"}))
	want := httpapi.DefaultLimits()
	want.Depth, want.Cost, want.Timeout = 9, 20000, 10*time.Second
	if m.Limits != want || m.StoreTimeout != 2*time.Second {
		t.Fatalf("limits %+v, store timeout %v; want %+v", m.Limits, m.StoreTimeout, want)
	}
	if len(m.StoreTimeouts) != 2 || m.StoreTimeouts["gbd_fl"] != 1500*time.Millisecond || m.StoreTimeouts["vehicles"] != 20*time.Second {
		t.Fatalf("per-store timeouts %v", m.StoreTimeouts)
	}
	// Each store gets its own, the others the default.
	cfg := gateway.Config{StoreTimeout: m.StoreTimeout, StoreTimeouts: m.StoreTimeouts}
	for store, want := range map[string]time.Duration{"gbd_fl": 1500 * time.Millisecond, "vehicles": 20 * time.Second, "zags": 2 * time.Second} {
		if got := gateway.StoreConfig(cfg, store).Timeout; got != want {
			t.Errorf("store %s: timeout %v, want %v", store, got, want)
		}
	}
	m = NewMain()
	must(t, m.ParseFlags(nil))
	if m.Limits != httpapi.DefaultLimits() || m.StoreTimeout != 5*time.Second || len(m.StoreTimeouts) != 0 {
		t.Fatalf("default limits %+v, store timeouts %v %v", m.Limits, m.StoreTimeout, m.StoreTimeouts)
	}
}

func TestParseFlagsRejectsBadInput(t *testing.T) {
	for _, args := range [][]string{{"explode"}, {"--mode", "debug"}, {"seed", "--persons", "0"}, {"--store-dsn", "gbd_fl"},
		{"--max-depth", "0"}, {"--max-cost", "-1"}, {"--request-timeout", "0s"}, {"--max-body", "0"}, {"--store-timeout", "-1s"},
		{"audit"}, {"audit", "sign"}, {"audit", "verify", "--public-key", ""}, {"audit", "verify", "--anchor", ""},
		{"audit", "archive", "--archives", "x"}, {"audit", "archive", "--before", "2026-04-01"},
		{"--store-timeout", "gbd_fl=0s"}, {"--store-timeout", "gbd_fl=-2s"}, {"--store-timeout", "gbd_fl=soon"},
		{"--store-timeout", "gbd_fl="}, {"--store-timeout", "=1s"}, {"--store-timeout", "0"}, {"seed", "--store-timeout", "1s"}} {
		if err := NewMain().ParseFlags(args); err == nil {
			t.Errorf("ParseFlags(%v) accepted", args)
		}
	}
	// The shared case_registry store is gone: each registry is its own.
	for _, args := range [][]string{{"--store-dsn", "case_registry=dbname=cases"}, {"--store-timeout", "case_registry=2s"}} {
		if err := NewMain().ParseFlags(args); err == nil || !strings.Contains(err.Error(), `unknown store "case_registry"`) ||
			!strings.Contains(err.Error(), "erdr") {
			t.Errorf("ParseFlags(%v): %v", args, err)
		}
	}
	m := NewMain()
	must(t, m.ParseFlags([]string{"--store-dsn", "erdr=dbname=erdr", "--store-dsn", "eaias=host=courts dbname=eaias", "--store-timeout", "eaias=15s"}))
	if m.StoreDSN["erdr"] != "dbname=erdr" || m.StoreDSN["eaias"] != "host=courts dbname=eaias" || m.StoreTimeouts["eaias"] != 15*time.Second {
		t.Errorf("case registry stores: DSNs %v, timeouts %v", m.StoreDSN, m.StoreTimeouts)
	}
	// A store that does not exist is named, with the ones that do.
	err := NewMain().ParseFlags([]string{"--store-timeout", "gbd_fll=2s"})
	if err == nil || !strings.Contains(err.Error(), `unknown store "gbd_fll"`) || !strings.Contains(err.Error(), "gbd_fl, ") {
		t.Errorf("unknown store: %v", err)
	}
}

// `sio certs` writes a test CA and a certificate per seeded user; `sio serve
// --mode production` with them serves HTTPS to a user's certificate only.
func TestCertsAndProductionServe(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	seed := NewMain()
	must(t, seed.ParseFlags([]string{"seed", "--data-dir", dir, "--persons", "300"}))
	must(t, seed.Run(context.Background()))
	seed.Close()
	certs := NewMain()
	certs.Out = io.Discard
	must(t, certs.ParseFlags([]string{"certs", "--data-dir", dir, "--out", out}))
	must(t, certs.Run(context.Background()))
	certs.Close()

	index, err := os.ReadFile(filepath.Join(out, "users.tsv"))
	must(t, err)
	var iin string
	for _, line := range strings.Split(string(index), "\n")[1:] {
		if f := strings.Split(line, "\t"); len(f) == 5 && f[3] == "active" {
			iin = f[0]
			break
		}
	}
	if iin == "" {
		t.Fatalf("users.tsv lists no active user:\n%s", index)
	}
	for _, args := range [][]string{{"--mode", "production"}, {"--mode", "production", "--tls-cert", "x", "--tls-key", "y"}} {
		if err := NewMain().ParseFlags(args); err == nil {
			t.Errorf("ParseFlags(%v) accepted production without TLS files", args)
		}
	}
	m := NewMain()
	must(t, m.ParseFlags([]string{"--mode", "production", "--data-dir", dir, "--tls-cert", filepath.Join(out, "server.pem"),
		"--tls-key", filepath.Join(out, "server-key.pem"), "--client-ca", filepath.Join(out, "ca.pem"), "--crl", filepath.Join(out, "crl.pem")}))
	ln, cancel, done := start(t, m)
	defer func() {
		cancel()
		<-done
		m.Close()
	}()
	caPEM, err := os.ReadFile(filepath.Join(out, "ca.pem"))
	must(t, err)
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(caPEM)
	pair, err := tls.LoadX509KeyPair(filepath.Join(out, "users", iin+".pem"), filepath.Join(out, "users", iin+"-key.pem"))
	must(t, err)
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots, Certificates: []tls.Certificate{pair}}}}
	resp, err := client.Post("https://"+ln.Addr().String()+"/graphql", "application/json", strings.NewReader(`{"query":"{ me { iin authenticatedVia } }"}`))
	must(t, err)
	var body struct {
		Data struct {
			Me struct{ Iin, AuthenticatedVia string } `json:"me"`
		} `json:"data"`
	}
	json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if body.Data.Me.Iin != iin || body.Data.Me.AuthenticatedVia != "mtls" {
		t.Fatalf("me over mTLS = %+v", body)
	}
	// Plain HTTP is not served.
	if resp, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil && resp.StatusCode == http.StatusOK {
		t.Fatal("production answered plain HTTP")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// start runs m on a loopback listener until cancel; done yields Run's error.
func start(t *testing.T, m *Main) (net.Listener, context.CancelFunc, chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	m.Listener, m.Ready = ln, make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	select {
	case <-m.Ready:
	case err := <-done:
		cancel()
		t.Fatalf("Run: %v", err)
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("the server did not start")
	}
	return ln, cancel, done
}
