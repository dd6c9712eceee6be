package testdb

import (
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Proxy is a TCP proxy in front of a real server, for tests of failing
// sources: it can cut its connections and swallow new ones (a source that
// accepts and never answers, as a dead network path does).
type Proxy struct {
	ln       net.Listener
	target   string
	blackout atomic.Bool
	refuse   atomic.Bool
	accepted atomic.Int64
	mu       sync.Mutex
	conns    []net.Conn
}

// NewProxy listens on loopback and forwards to target (host:port).
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.Cut() })
	go p.serve()
	return p
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Port is the proxy's port.
func (p *Proxy) Port() string { return p.Addr()[strings.LastIndex(p.Addr(), ":")+1:] }

// Accepted counts the connections accepted so far.
func (p *Proxy) Accepted() int64 { return p.accepted.Load() }

// Blackout makes new connections hang (accepted, never forwarded) and
// cuts the open ones; Restore forwards again.
func (p *Proxy) Blackout() { p.blackout.Store(true); p.Cut() }

// Refuse makes new connections close at once (a server that is down) and
// cuts the open ones; Restore forwards again.
func (p *Proxy) Refuse() { p.refuse.Store(true); p.Cut() }

// Restore ends a blackout or a refusal.
func (p *Proxy) Restore() { p.blackout.Store(false); p.refuse.Store(false) }

// Cut closes every open connection.
func (p *Proxy) Cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *Proxy) track(c net.Conn) {
	p.mu.Lock()
	p.conns = append(p.conns, c)
	p.mu.Unlock()
}

func (p *Proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.accepted.Add(1)
		if p.refuse.Load() {
			c.Close()
			continue
		}
		p.track(c)
		if p.blackout.Load() {
			continue // hold it open, say nothing
		}
		go func() {
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				return
			}
			p.track(up)
			go func() { io.Copy(up, c); up.Close() }()
			io.Copy(c, up)
			c.Close()
		}()
	}
}

// WithPort returns a key=value PostgreSQL DSN with its host and port
// replaced by the proxy's.
func (p *Proxy) WithPort(dsn string) string {
	var parts []string
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, "host=") && !strings.HasPrefix(f, "port=") {
			parts = append(parts, f)
		}
	}
	return strings.Join(append(parts, "host=127.0.0.1", "port="+p.Port()), " ")
}
