package testdb

import (
	"context"
	"testing"

	"sio/audit"
	"sio/sqldb"
)

// TamperAudit runs statements on the audit store with its append-only
// guards bypassed, as an attacker with database superuser or file access
// could: PostgreSQL's triggers are skipped for the session (replica role),
// SQLite's are dropped.
func TamperAudit(t testing.TB, s *audit.Store, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	db := s.Owner()
	conn, err := db.DB.Conn(ctx)
	Must(t, err)
	defer conn.Close()
	if db.Dialect == sqldb.Postgres {
		_, err = conn.ExecContext(ctx, `SET session_replication_role = replica`)
		Must(t, err)
		defer conn.ExecContext(ctx, `SET session_replication_role = origin`)
	} else {
		for _, tr := range []string{"records_no_update", "records_no_delete", "checkpoints_no_update", "checkpoints_no_delete"} {
			_, err = conn.ExecContext(ctx, `DROP TRIGGER IF EXISTS `+tr)
			Must(t, err)
		}
	}
	for _, q := range stmts {
		if _, err := conn.ExecContext(ctx, db.Q(q)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
