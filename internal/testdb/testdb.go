// Package testdb gives tests real databases: a throwaway PostgreSQL database
// per test package run (on the server named by SIO_TEST_POSTGRES, default the
// local server) and a fresh SQLite directory per test.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"sio"
	"strings"
	"sync"
	"testing"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"

	"sio/sqldb"
)

// AdminDSN is the maintenance connection used to create throwaway databases.
func AdminDSN() string {
	if dsn := os.Getenv("SIO_TEST_POSTGRES"); dsn != "" {
		return dsn
	}
	return "host=127.0.0.1 port=5432 user=postgres dbname=postgres sslmode=disable"
}

var (
	mu      sync.Mutex
	created []string
)

// NewPostgres creates an empty database and returns its DSN; it is dropped
// when the test ends. A missing PostgreSQL server fails the test: tests run
// against the real database, never silently skip it.
func NewPostgres(t testing.TB) string {
	t.Helper()
	admin, err := sqlx.Connect("postgres", AdminDSN())
	if err != nil {
		t.Fatalf("testdb: PostgreSQL is required (set SIO_TEST_POSTGRES): %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "sio_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("testdb: create database: %v", err)
	}
	t.Cleanup(func() { Drop(name) })
	return replaceDBName(AdminDSN(), name)
}

// Drop removes a throwaway database, terminating its connections.
func Drop(name string) {
	admin, err := sqlx.Connect("postgres", AdminDSN())
	if err != nil {
		return
	}
	defer admin.Close()
	admin.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, name)
	admin.Exec(`DROP DATABASE IF EXISTS ` + name)
}

func replaceDBName(dsn, name string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		i := strings.LastIndex(dsn, "/")
		rest := ""
		if q := strings.Index(dsn[i:], "?"); q >= 0 {
			rest = dsn[i+q:]
		}
		return dsn[:i+1] + name + rest
	}
	var parts []string
	for _, f := range strings.Fields(dsn) {
		if !strings.HasPrefix(f, "dbname=") {
			parts = append(parts, f)
		}
	}
	return strings.Join(append(parts, "dbname="+name), " ")
}

// Dialect names a store flavour under test.
type Dialect struct {
	Name   string
	Config func(t testing.TB) sqldb.Config
}

// Dialects lists both stores: every connector test runs on each.
var Dialects = []Dialect{
	{"postgres", func(t testing.TB) sqldb.Config { return sqldb.Config{PostgresDSN: NewPostgres(t)} }},
	{"sqlite", func(t testing.TB) sqldb.Config { return sqldb.Config{DataDir: t.TempDir()} }},
}

// Each runs f once per dialect as a subtest.
func Each(t *testing.T, f func(t *testing.T, cfg sqldb.Config)) {
	for _, d := range Dialects {
		t.Run(d.Name, func(t *testing.T) { f(t, d.Config(t)) })
	}
}

// Ctx is a background context for tests.
func Ctx() context.Context { return context.Background() }

// Must fails the test on err.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(fmt.Sprint(err))
	}
}

// IIN returns a valid IIN of a person born on date (YYYY-MM-DD) with the
// first issuable serial from serial on.
func IIN(t testing.TB, date string, g sio.Gender, serial int) sio.IIN {
	t.Helper()
	d := sio.MustDate(date).Time
	for i := serial; i < serial+100; i++ {
		if iin, ok := sio.MakeIIN(d, g, i); ok {
			return iin
		}
	}
	t.Fatalf("testdb: no IIN for %s", date)
	return ""
}

// BIN returns a valid BIN of a resident head-office entity registered in the
// month of date, with the first issuable serial from serial on.
func BIN(t testing.TB, date string, serial int) sio.BIN {
	t.Helper()
	return BINOf(t, date, sio.BINResident, sio.BINHeadOffice, serial)
}

// BINOf is BIN for an entity type and attribute.
func BINOf(t testing.TB, date string, typ, attr byte, serial int) sio.BIN {
	t.Helper()
	d := sio.MustDate(date).Time
	for i := serial; i < serial+100; i++ {
		if bin, ok := sio.MakeBIN(d, typ, attr, i); ok {
			return bin
		}
	}
	t.Fatalf("testdb: no BIN for %s", date)
	return ""
}

// OneStatement runs f and fails the test unless it issued exactly one SQL
// statement (a batch lookup must not loop over its keys).
func OneStatement(t testing.TB, what string, f func(ctx context.Context) error) {
	t.Helper()
	var st sqldb.Stats
	Must(t, f(sqldb.WithStats(context.Background(), &st)))
	if n := st.Statements.Load(); n != 1 {
		t.Fatalf("%s issued %d statements, want 1", what, n)
	}
}
