// Command sio runs the SIO GraphQL gateway.
//
//	sio                      sandbox: SQLite under ./sio-data, synthetic data, 127.0.0.1:8080
//	sio serve [flags]        the same, with flags (see -h)
//	sio seed --postgres DSN --persons N [--seed S]
//	                         fill the stores with deterministic synthetic data
//	sio serve --mode production --tls-cert F --tls-key F --client-ca F [--crl F] [--ocsp URL|aia]
//	                         HTTPS with client certificates of the national CA
//	sio certs --out DIR      a test CA, a server certificate and a client
//	                         certificate per seeded user (sandbox, tests)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"crypto/tls"

	"sio/audit"
	"sio/authz"
	"sio/gateway"
	"sio/httpapi"
	"sio/logging"
	"sio/synth"
	"sio/tracing"
)

// defaultGCPercent is the garbage collector's target when the GOGC
// environment variable is not set: a request allocates tens of kilobytes
// that die with it, and the live heap is small (pools, caches, the
// policy), so collecting at 4× the live heap instead of 2× halves the
// collector's work for a few more megabytes (bench/RESULTS.md). GOGC (and
// GOMEMLIMIT) set by the operator win.
const defaultGCPercent = 400

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if err := m.ParseFlags(os.Args[1:]); err == flag.ErrHelp {
		os.Exit(0)
	} else if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	err := m.Run(ctx)
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sio:", err)
		os.Exit(1)
	}
}

// Main is the program: flags, the gateway and the HTTP server.
type Main struct {
	Command     string // "serve" or "seed"
	Addr        string
	Mode        string // "sandbox" or "production"
	DataDir     string
	PostgresDSN string
	StoreDSN    map[string]string
	Persons     int
	Seed        int64
	// Production TLS: server certificate and key, the CA bundle of client
	// certificates (roots and intermediates), a CRL, an OCSP responder
	// ("aia": the one each certificate names).
	TLSCert, TLSKey, ClientCA, CRL, OCSP string
	// CertsOut is the directory `sio certs` writes to.
	CertsOut string
	// AuditKey is the key file signing the audit log's checkpoints.
	AuditKey string
	// AuditWriterDSN is the DSN of the audit log's writer role (its own
	// login; default: the audit store's DSN with the user replaced).
	AuditWriterDSN string
	// AuditAnchor is the append-only file outside the database that each
	// signed checkpoint is appended to (default DATA-DIR/audit.anchor).
	AuditAnchor string
	// Limits bound each request (zero: the defaults); StoreTimeout bounds
	// each statement of a state database, StoreTimeouts that of the stores
	// they name.
	Limits        httpapi.Limits
	StoreTimeout  time.Duration
	StoreTimeouts map[string]time.Duration
	// Tracing sends OpenTelemetry traces to an OTLP/HTTP collector (off
	// without an endpoint).
	Tracing     tracing.Config
	stopTracing func(context.Context) error
	// `sio audit verify|archive`: the action, the archive directory, the
	// end of the period to archive (exclusive) and whether to prune.
	AuditAction, Archives string
	Before                time.Time
	Prune                 bool
	// PublicKeys are the files of the keys `sio audit verify` trusts
	// (PEM public keys, or private key files whose public half is taken);
	// none: the audit key file. KeyOut is where `sio audit public-key`
	// writes (empty: standard output).
	PublicKeys []string
	KeyOut     string
	// Anchors are the anchor files `sio audit verify` checks the log
	// against (none given: DATA-DIR/audit.anchor if it exists).
	Anchors []string

	Logger   *slog.Logger
	Gateway  *gateway.Gateway
	Listener net.Listener
	server   *http.Server
	// Ready, if set, is closed once the server is listening (tests).
	Ready chan struct{}
	Out   io.Writer
}

// NewMain returns a Main with the sandbox defaults.
func NewMain() *Main {
	return &Main{
		Command: "serve", Addr: "127.0.0.1:8080", Mode: "sandbox", DataDir: "./sio-data",
		PostgresDSN: os.Getenv("SIO_POSTGRES_DSN"), StoreDSN: map[string]string{},
		StoreTimeout: 5 * time.Second, StoreTimeouts: map[string]time.Duration{},
		AuditWriterDSN: os.Getenv("SIO_AUDIT_WRITER_DSN"),
		Persons:        10_000, Seed: 1, Out: os.Stdout,
		Logger: logging.New(os.Stderr, slog.LevelInfo),
	}
}

// ParseFlags reads the sub-command and its flags.
func (m *Main) ParseFlags(args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		m.Command, args = args[0], args[1:]
	}
	if m.Command != "serve" && m.Command != "seed" && m.Command != "certs" && m.Command != "audit" {
		return fmt.Errorf("unknown command %q (serve, seed, certs, audit)", m.Command)
	}
	if m.Command == "audit" {
		if len(args) == 0 || (args[0] != "verify" && args[0] != "archive" && args[0] != "public-key") {
			return fmt.Errorf("usage: sio audit verify|archive|public-key [flags]")
		}
		m.AuditAction, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("sio "+m.Command, flag.ContinueOnError)
	fs.StringVar(&m.DataDir, "data-dir", m.DataDir, "directory of the SQLite stores (sandbox)")
	fs.StringVar(&m.PostgresDSN, "postgres", m.PostgresDSN, "run every store on PostgreSQL (DSN; env SIO_POSTGRES_DSN)")
	fs.Func("store-dsn", "NAME=DSN: put one store (e.g. gbd_fl, or a case registry: erdr, ais_su, ais_oip, eaias, ord_register) on its own PostgreSQL server (repeatable)", func(v string) error {
		name, dsn, ok := strings.Cut(v, "=")
		if !ok || name == "" || dsn == "" {
			return errors.New("want NAME=DSN")
		}
		if !slices.Contains(gateway.StoreNames(), name) {
			return fmt.Errorf("unknown store %q (stores: %s)", name, strings.Join(gateway.StoreNames(), ", "))
		}
		m.StoreDSN[name] = dsn
		return nil
	})
	fs.StringVar(&m.AuditKey, "audit-key", "", "Ed25519 key file of the audit checkpoints (default DATA-DIR/audit.key)")
	fs.IntVar(&m.Persons, "persons", m.Persons, "persons to generate (sandbox first start, or seed)")
	fs.Int64Var(&m.Seed, "seed", m.Seed, "seed of the synthetic data generator")
	if m.Command != "audit" {
		fs.StringVar(&m.AuditAnchor, "audit-anchor", "", "append-only file outside the database that every signed audit checkpoint is appended to (default DATA-DIR/audit.anchor)")
		fs.StringVar(&m.AuditWriterDSN, "audit-writer-dsn", m.AuditWriterDSN,
			"PostgreSQL DSN logging in as the audit writer role "+audit.WriterRole+" (env SIO_AUDIT_WRITER_DSN; default: the audit store's DSN with that user, no password)")
	}
	if m.Command == "serve" {
		fs.StringVar(&m.Addr, "addr", m.Addr, "listen address")
		fs.StringVar(&m.Mode, "mode", m.Mode, "sandbox (X-Dev-User from loopback, playground) or production (HTTPS, client certificates)")
		fs.StringVar(&m.Tracing.Endpoint, "otlp-endpoint", "", "send OpenTelemetry traces to this OTLP/HTTP collector (host:port); off if empty")
		fs.BoolVar(&m.Tracing.Insecure, "otlp-insecure", false, "send traces over plain HTTP")
		fs.Float64Var(&m.Tracing.SampleRatio, "trace-sample", 1, "share of requests traced (0..1)")
		fs.StringVar(&m.TLSCert, "tls-cert", "", "production: server certificate (PEM)")
		fs.StringVar(&m.TLSKey, "tls-key", "", "production: server key (PEM)")
		fs.StringVar(&m.ClientCA, "client-ca", "", "production: CA bundle of client certificates (PEM: the national CA root(s) and intermediates)")
		fs.StringVar(&m.CRL, "crl", "", "production: certificate revocation list of the CA (PEM or DER)")
		fs.StringVar(&m.OCSP, "ocsp", "", "production: OCSP responder URL, or aia for the responder each certificate names")
		d := httpapi.DefaultLimits()
		fs.IntVar(&m.Limits.Depth, "max-depth", d.Depth, "deepest field nesting of a query (introspection exempt)")
		fs.IntVar(&m.Limits.Aliases, "max-aliases", d.Aliases, "aliased fields in a query")
		fs.IntVar(&m.Limits.Directives, "max-directives", d.Directives, "directives in a query")
		fs.IntVar(&m.Limits.Tokens, "max-tokens", d.Tokens, "lexical tokens of a query")
		fs.IntVar(&m.Limits.Cost, "max-cost", d.Cost, "estimated field resolutions of a query, list sizes counted")
		fs.IntVar(&m.Limits.ListSize, "list-size", d.ListSize, "assumed size of a list without a size argument (for the cost)")
		fs.IntVar(&m.Limits.Repeats, "max-repeats", d.Repeats, "selections of one response key in one selection set")
		fs.Int64Var(&m.Limits.BodyBytes, "max-body", d.BodyBytes, "request body size in bytes")
		fs.DurationVar(&m.Limits.Timeout, "request-timeout", d.Timeout, "time to handle one request")
		fs.Func("store-timeout", "DURATION: time of one statement of a state database, its breaker opening after 5 failures (default 5s); "+
			"NAME=DURATION: of the store NAME (repeatable; the names of --store-dsn)", m.storeTimeout)
	}
	if m.Command == "certs" {
		fs.StringVar(&m.CertsOut, "out", "./sio-certs", "directory for the CA, server and user certificates")
	}
	var before string
	if m.Command == "audit" {
		fs.StringVar(&m.Archives, "archives", "", "directory of the audit archive files (verify: check them with the live log; archive: write there)")
		fs.StringVar(&before, "before", "", "archive: the records committed before this date (YYYY-MM-DD, UTC)")
		fs.BoolVar(&m.Prune, "prune", false, "archive: delete the archived records from the live log")
		fs.Func("public-key", "verify: a file of trusted checkpoint keys, PEM public keys (see `sio audit public-key`) or a private key file (repeatable, for rotated keys; default: the --audit-key file)", func(v string) error {
			if v == "" {
				return errors.New("want a file")
			}
			m.PublicKeys = append(m.PublicKeys, v)
			return nil
		})
		fs.Func("anchor", "verify: an anchor file (see --audit-anchor of sio serve) whose checkpoints the log must still hold (repeatable; default DATA-DIR/audit.anchor if it exists)", func(v string) error {
			if v == "" {
				return errors.New("want a file")
			}
			m.Anchors = append(m.Anchors, v)
			return nil
		})
		fs.StringVar(&m.KeyOut, "out", "", "public-key: write the PEM public key to this file instead of standard output")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if m.Mode != "sandbox" && m.Mode != "production" {
		return fmt.Errorf("--mode must be sandbox or production")
	}
	if m.Mode == "production" && (m.TLSCert == "" || m.TLSKey == "" || m.ClientCA == "") {
		return fmt.Errorf("--mode production needs --tls-cert, --tls-key and --client-ca (see `sio certs` for a test CA)")
	}
	for _, v := range []int{m.Limits.Depth, m.Limits.Aliases, m.Limits.Directives, m.Limits.Tokens, m.Limits.Cost, m.Limits.ListSize, m.Limits.Repeats} {
		if m.Command == "serve" && v < 1 {
			return fmt.Errorf("query limits must be positive")
		}
	}
	if m.Command == "serve" && (m.Limits.BodyBytes < 1 || m.Limits.Timeout <= 0 || m.StoreTimeout <= 0) {
		return fmt.Errorf("--max-body, --request-timeout and --store-timeout must be positive")
	}
	if m.Persons < 1 {
		return fmt.Errorf("--persons must be positive")
	}
	if m.AuditAction == "archive" {
		d, err := time.Parse(time.DateOnly, before)
		if err != nil || m.Archives == "" {
			return fmt.Errorf("sio audit archive needs --before YYYY-MM-DD and --archives DIR")
		}
		m.Before = d
	}
	return nil
}

// storeTimeout reads a --store-timeout: the default (DURATION) or one
// store's (NAME=DURATION, a name of gateway.StoreNames).
func (m *Main) storeTimeout(v string) error {
	name, value, one := strings.Cut(v, "=")
	if !one {
		value = v
	}
	d, err := time.ParseDuration(value)
	if err != nil {
		return fmt.Errorf("want DURATION or NAME=DURATION (5s, gbd_fl=2s): %w", err)
	}
	if d <= 0 {
		return fmt.Errorf("%s: the timeout must be positive", v)
	}
	if !one {
		m.StoreTimeout = d
		return nil
	}
	if !slices.Contains(gateway.StoreNames(), name) {
		return fmt.Errorf("unknown store %q (stores: %s)", name, strings.Join(gateway.StoreNames(), ", "))
	}
	m.StoreTimeouts[name] = d
	return nil
}

// Run opens the gateway and serves or seeds until ctx ends.
func (m *Main) Run(ctx context.Context) error {
	cfg := gateway.Config{
		DataDir: m.DataDir, PostgresDSN: m.PostgresDSN, StoreDSN: m.StoreDSN,
		Sandbox: m.Mode == "sandbox", Logger: m.Logger, AuditKeyFile: m.AuditKey, AuditWriterDSN: m.AuditWriterDSN,
		AuditAnchor: m.AuditAnchor,
		Limits:      m.Limits, StoreTimeout: m.StoreTimeout, StoreTimeouts: m.StoreTimeouts,
	}
	if m.Command == "audit" {
		return m.audit(ctx, cfg)
	}
	var tlsCfg *tls.Config
	if m.Command == "serve" && m.Mode == "production" {
		cert, err := tls.LoadX509KeyPair(m.TLSCert, m.TLSKey)
		if err != nil {
			return fmt.Errorf("--tls-cert/--tls-key: %w", err)
		}
		if cfg.Certs, err = authz.LoadCertAuthority(m.ClientCA, m.CRL); err != nil {
			return err
		}
		switch m.OCSP {
		case "":
		case "aia":
			cfg.Certs.OCSP = &authz.OCSPClient{}
		default:
			cfg.Certs.OCSP = &authz.OCSPClient{URL: m.OCSP}
		}
		tlsCfg = httpapi.TLSConfig(cert)
	} else {
		// The sandbox lives at the date of its synthetic snapshot, so that
		// its instructions and court sanctions stay in force.
		cfg.Now = synth.SnapshotClock(time.Now)
	}
	if m.Command == "serve" && m.Tracing.Endpoint != "" {
		tp, stop, err := tracing.Open(ctx, m.Tracing)
		if err != nil {
			return err
		}
		cfg.Tracer, m.stopTracing = tp, stop
	}
	g, err := gateway.Open(ctx, cfg)
	if err != nil {
		return err
	}
	m.Gateway = g
	switch m.Command {
	case "seed":
		return m.seed(ctx)
	case "certs":
		return m.certs(ctx)
	}
	seeded, err := g.IsSeeded(ctx)
	if err != nil {
		return err
	}
	if !seeded {
		if m.PostgresDSN != "" && m.Mode == "production" {
			m.Logger.Warn("stores are empty; fill them with `sio seed --postgres DSN --persons N`")
		} else if err := m.seed(ctx); err != nil {
			return err
		}
	}
	h, err := g.Handler()
	if err != nil {
		return err
	}
	if m.Listener == nil {
		if m.Listener, err = net.Listen("tcp", m.Addr); err != nil {
			return err
		}
	}
	lim := m.Limits.WithDefaults()
	// A client has the request timeout to send its request, and the
	// response (after its audit commit) goes out within the same again.
	m.server = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: lim.Timeout,
		WriteTimeout: 2*lim.Timeout + 15*time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10, TLSConfig: tlsCfg}
	scheme := "http://"
	if tlsCfg != nil {
		scheme = "https://"
	}
	m.Logger.Info("SIO listening", "addr", scheme+m.Listener.Addr().String(), "mode", m.Mode, "graphql", "/graphql")
	if m.Ready != nil {
		close(m.Ready)
	}
	errc := make(chan error, 1)
	go func() {
		if tlsCfg != nil {
			errc <- m.server.ServeTLS(m.Listener, "", "")
			return
		}
		errc <- m.server.Serve(m.Listener)
	}()
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		return m.server.Shutdown(sctx)
	}
}

func (m *Main) seed(ctx context.Context) error {
	start := time.Now()
	m.Logger.Info("generating synthetic data", "persons", m.Persons, "seed", m.Seed)
	st, err := m.Gateway.Seed(ctx, synth.Config{Seed: m.Seed, Persons: m.Persons})
	if err != nil {
		return err
	}
	m.Logger.Info("synthetic data loaded", "persons", st.Persons, "legal_entities", st.Entities,
		"vehicles", st.Vehicles, "users", st.Users, "seconds", time.Since(start).Seconds())
	return nil
}

// Close shuts the server and the stores.
func (m *Main) Close() error {
	if m.server != nil {
		m.server.Close()
	}
	var err error
	if m.Gateway != nil {
		err = m.Gateway.Close()
	}
	if m.stopTracing != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		m.stopTracing(ctx)
	}
	return err
}
