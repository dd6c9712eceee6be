package sqldb_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"sio/internal/testdb"
	"sio/sqldb"
)

// A store behind a dead network path fails within its timeout; after a few
// failures its breaker opens and statements fail at once without touching
// the network; once the path is back, a probe closes the breaker.
func TestTimeoutAndBreaker(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.NewPostgres(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	db, err := sqldb.Open(ctx, sqldb.Config{Name: "flaky", PostgresDSN: proxy.WithPort(dsn),
		Timeout: 300 * time.Millisecond, Breaker: 3, BreakerCooldown: 400 * time.Millisecond})
	testdb.Must(t, err)
	defer db.Close()
	var one int
	testdb.Must(t, db.Get(ctx, &one, `SELECT 1`))

	proxy.Blackout()
	for i := range 3 {
		err := db.Get(ctx, &one, `SELECT 1`)
		if !errors.Is(err, sqldb.ErrStatementTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("attempt %d through a dead path: %v, want the store's timeout", i, err)
		}
	}
	if db.BreakerState() != "open" {
		t.Fatalf("breaker %s after 3 failures", db.BreakerState())
	}
	before := proxy.Accepted()
	if err := db.Get(ctx, &one, `SELECT 1`); !errors.Is(err, sqldb.ErrUnavailable) {
		t.Fatalf("open breaker: %v", err)
	}
	if proxy.Accepted() != before {
		t.Fatal("an open breaker still dialled the source")
	}

	proxy.Restore()
	time.Sleep(500 * time.Millisecond) // the cooldown, not an assertion
	testdb.Must(t, db.Get(ctx, &one, `SELECT 1`))
	if db.BreakerState() != "closed" {
		t.Fatalf("breaker %s after a good probe", db.BreakerState())
	}
}

// A caller whose own deadline comes first gets its deadline, not the
// store's timeout: the two are told apart.
func TestCallerDeadlineIsNotTheStoreTimeout(t *testing.T) {
	dsn := testdb.NewPostgres(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	db, err := sqldb.Open(context.Background(), sqldb.Config{Name: "slow", PostgresDSN: proxy.WithPort(dsn), Timeout: time.Hour})
	testdb.Must(t, err)
	defer db.Close()
	proxy.Blackout()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var one int
	err = db.Get(ctx, &one, `SELECT 1`)
	if err == nil || errors.Is(err, sqldb.ErrStatementTimeout) {
		t.Fatalf("past the caller's deadline: %v, want an error that is not the store's timeout", err)
	}
}
