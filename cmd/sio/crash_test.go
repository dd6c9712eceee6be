package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sio/gateway"
	"sio/internal/testdb"
)

// buildSIO builds the sio binary into dir.
func buildSIO(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "sio")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	testdb.Must(t, err)
	defer ln.Close()
	return ln.Addr().String()
}

// startSIO runs `sio serve` and waits until it answers.
func startSIO(t *testing.T, bin, dsn, dataDir, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--postgres", dsn, "--data-dir", dataDir, "--addr", addr)
	cmd.Stderr = io.Discard
	testdb.Must(t, cmd.Start())
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return cmd
			}
		}
	}
	cmd.Process.Kill()
	t.Fatal("sio did not start")
	return nil
}

// TestKillDuringLoadLosesNoAcknowledgedRecord runs requests against a real
// sio process on PostgreSQL, kills it with SIGKILL in the middle, and checks
// that every response a client received has its committed audit record and
// that the chain verifies (with `sio audit verify`) after a restart.
func TestKillDuringLoadLosesNoAcknowledgedRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := buildSIO(t, dir)
	dsn := testdb.NewPostgres(t)
	seed := exec.Command(bin, "seed", "--postgres", dsn, "--data-dir", dir, "--persons", "300")
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	cmd := startSIO(t, bin, dsn, dir, addr)

	// The load: the officials' inquiries (allowed or not, every request is
	// recorded) from 8 clients until the kill.
	users := officialsOf(t, addr)
	var acked sync.Map
	var n atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				u := users[(c+i)%len(users)]
				body, _ := json.Marshal(map[string]any{"query": `query($b: BasisInput!) { inquiry(basis: $b) { basis case { number } } }`,
					"variables": map[string]any{"b": u.basis}})
				req, _ := http.NewRequest("POST", "http://"+addr+"/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Dev-User", u.iin)
				resp, err := client.Do(req)
				if err != nil {
					continue // the server is gone: nothing acknowledged
				}
				_, err = io.ReadAll(resp.Body)
				resp.Body.Close()
				if id := resp.Header.Get("X-Request-Id"); err == nil && id != "" {
					acked.Store(id, true)
					n.Add(1)
				}
			}
		}()
	}
	time.Sleep(1500 * time.Millisecond)
	testdb.Must(t, cmd.Process.Signal(syscall.SIGKILL))
	cmd.Wait()
	close(stop)
	wg.Wait()
	if n.Load() < 20 {
		t.Fatalf("only %d responses before the kill", n.Load())
	}

	// After a restart: every acknowledged response has its record, and the
	// chain verifies.
	cmd = startSIO(t, bin, dsn, dir, addr)
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	g, err := gateway.Open(context.Background(), gateway.Config{PostgresDSN: dsn, DataDir: dir})
	testdb.Must(t, err)
	defer g.Close()
	var ids []string
	db := g.Audit.Owner()
	testdb.Must(t, db.Select(context.Background(), &ids, db.Q(`SELECT request_id FROM {records}`)))
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	missing := 0
	acked.Range(func(k, _ any) bool {
		if !have[k.(string)] {
			missing++
		}
		return true
	})
	if missing > 0 {
		t.Fatalf("%d of %d acknowledged responses have no audit record", missing, n.Load())
	}
	out, err := exec.Command(bin, "audit", "verify", "--postgres", dsn, "--data-dir", dir).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("OK")) {
		t.Fatalf("sio audit verify: %v\n%s", err, out)
	}
	t.Logf("%d acknowledged responses, %d records: %s", n.Load(), len(ids), bytes.TrimSpace(out))
	if _, err := os.Stat(filepath.Join(dir, "audit.key")); err != nil {
		t.Fatal(err)
	}
}

type crashUser struct {
	iin   string
	basis map[string]any
}

// officialsOf reads the sandbox officials and a case of each.
func officialsOf(t *testing.T, addr string) []crashUser {
	t.Helper()
	body := []byte(`{"query":"{ sandboxUsers { iin blocked agreementSigned cases { number basis status court year } } }"}`)
	resp, err := http.Post("http://"+addr+"/graphql", "application/json", bytes.NewReader(body))
	testdb.Must(t, err)
	defer resp.Body.Close()
	var out struct {
		Data struct {
			SandboxUsers []struct {
				IIN                      string
				Blocked, AgreementSigned bool
				Cases                    []struct {
					Number, Basis, Status, Court string
					Year                         int
				}
			}
		}
	}
	testdb.Must(t, json.NewDecoder(resp.Body).Decode(&out))
	var us []crashUser
	for _, u := range out.Data.SandboxUsers {
		for _, c := range u.Cases {
			if c.Status == "OPEN" && !u.Blocked && u.AgreementSigned {
				b := map[string]any{"kind": c.Basis, "caseNumber": c.Number, "justification": "нагрузка"}
				if c.Court != "" {
					b["court"], b["year"] = c.Court, c.Year
				}
				us = append(us, crashUser{iin: u.IIN, basis: b})
				break
			}
		}
	}
	if len(us) == 0 {
		t.Fatal(fmt.Sprint("no sandbox official: ", out))
	}
	return us
}
