package sqldb_test

import (
	"context"
	"testing"

	"github.com/lib/pq"

	"sio/internal/testdb"
	"sio/sqldb"
)

// A statement that recurs is prepared on the server after a few runs and
// keeps answering correctly, also over a new connection after the old one
// was cut.
func TestRecurringStatementsArePrepared(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.NewPostgres(t)
	proxy := testdb.NewProxy(t, "127.0.0.1:5432")
	// One connection: the session that prepared is the one inspected.
	db, err := sqldb.Open(ctx, sqldb.Config{Name: "prep", PostgresDSN: proxy.WithPort(dsn), MaxOpenConns: 1})
	testdb.Must(t, err)
	defer db.Close()
	_, err = db.Exec(ctx, db.Q(`CREATE TABLE {things} (id TEXT PRIMARY KEY, n INT NOT NULL)`))
	testdb.Must(t, err)
	_, err = db.Exec(ctx, db.Q(`INSERT INTO {things} VALUES ('a', 1), ('b', 2), ('c', 3)`))
	testdb.Must(t, err)
	q := db.Q(`SELECT n FROM {things} WHERE ` + db.In("id") + ` ORDER BY n`)
	serverPrepared := func() int {
		var n int
		testdb.Must(t, db.DB.GetContext(ctx, &n, `SELECT count(*) FROM pg_prepared_statements WHERE statement = $1`, q))
		return n
	}
	run := func(keys ...string) []int {
		var ns []int
		testdb.Must(t, db.Select(ctx, &ns, q, pq.StringArray(keys)))
		return ns
	}
	for i := range 5 {
		keys := [][]string{{"a"}, {"b", "c"}, {"c"}, {"a", "b", "c"}, {"x"}}[i]
		want := [][]int{{1}, {2, 3}, {3}, {1, 2, 3}, nil}[i]
		if got := run(keys...); len(got) != len(want) || (len(got) > 0 && got[len(got)-1] != want[len(want)-1]) {
			t.Fatalf("run %d: %v, want %v", i, got, want)
		}
	}
	if db.PreparedStatements() != 1 || serverPrepared() != 1 {
		t.Fatalf("after 5 runs: %d statements prepared by the store, %d on the server; want 1 and 1",
			db.PreparedStatements(), serverPrepared())
	}
	// The connection that holds the statement dies: the next run prepares
	// it again on a new one.
	proxy.Cut()
	var ns []int
	_ = db.Select(ctx, &ns, q, pq.StringArray{"b"}) // may fail on the cut connection
	if got := run("a", "c"); len(got) != 2 || got[0] != 1 || got[1] != 3 {
		t.Fatalf("after the cut: %v", got)
	}
	if serverPrepared() != 1 {
		t.Fatal("the statement is not prepared on the new connection")
	}
	// A statement run once or twice is not prepared.
	var n int
	testdb.Must(t, db.Get(ctx, &n, db.Q(`SELECT count(*) FROM {things}`)))
	if db.PreparedStatements() != 1 {
		t.Fatalf("%d statements prepared, want 1", db.PreparedStatements())
	}
}
