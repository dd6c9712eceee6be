package main

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
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
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		m.Listener, m.Ready = ln, make(chan struct{})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- m.Run(ctx) }()
		select {
		case <-m.Ready:
		case err := <-done:
			t.Fatalf("Run: %v", err)
		case <-time.After(2 * time.Minute):
			t.Fatal("sandbox did not start")
		}
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

func TestParseFlagsRejectsBadInput(t *testing.T) {
	for _, args := range [][]string{{"explode"}, {"--mode", "debug"}, {"seed", "--persons", "0"}, {"--store-dsn", "gbd_fl"}} {
		if err := NewMain().ParseFlags(args); err == nil {
			t.Errorf("ParseFlags(%v) accepted", args)
		}
	}
}
