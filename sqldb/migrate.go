package sqldb

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// Migrate applies, in file-name order, the *.sql files of migrations (or of
// its migrations/ folder) not yet recorded in the store's schema_migrations
// table. A file may hold several statements separated by lines containing
// only `-- +statement`; lines starting with `-- postgres:` or `-- sqlite:`
// are included (without the prefix) only for that dialect, so type
// differences stay in one file. Statements go through Q: tables are written
// `{name}` and placeholders `?`.
func (db *DB) Migrate(ctx context.Context, migrations fs.FS) error {
	if _, err := db.DB.ExecContext(ctx, db.Q(`CREATE TABLE IF NOT EXISTS {schema_migrations} (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)); err != nil {
		return fmt.Errorf("sqldb: %s: migrations table: %w", db.Name, err)
	}
	if sub, err := fs.Sub(migrations, "migrations"); err == nil {
		if names, _ := fs.Glob(sub, "*.sql"); len(names) > 0 {
			migrations = sub
		}
	}
	names, err := fs.Glob(migrations, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		var n int
		if err := db.DB.GetContext(ctx, &n, db.Q(`SELECT COUNT(*) FROM {schema_migrations} WHERE version = ?`), name); err != nil {
			return fmt.Errorf("sqldb: %s: %w", db.Name, err)
		}
		if n > 0 {
			continue
		}
		body, err := fs.ReadFile(migrations, name)
		if err != nil {
			return err
		}
		tx, err := db.DB.BeginTxx(ctx, nil)
		if err != nil {
			return err
		}
		for _, stmt := range db.statements(string(body)) {
			if _, err := tx.ExecContext(ctx, db.Q(stmt)); err != nil {
				tx.Rollback()
				return fmt.Errorf("sqldb: %s: migration %s: %w", db.Name, name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, db.Q(`INSERT INTO {schema_migrations} (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)`), name); err != nil {
			tx.Rollback()
			return fmt.Errorf("sqldb: %s: record migration %s: %w", db.Name, name, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) statements(body string) []string {
	mine, other := "-- sqlite:", "-- postgres:"
	if db.Dialect == Postgres {
		mine, other = other, mine
	}
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	for _, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "-- +statement":
			flush()
			continue
		case strings.HasPrefix(t, other):
			continue
		case strings.HasPrefix(t, mine):
			line = strings.TrimPrefix(t, mine)
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	flush()
	return out
}

// OpenMigrated opens the store called name (cfg.Name is overridden) and
// applies its migrations: the usual first step of a connector's Open.
func OpenMigrated(ctx context.Context, cfg Config, name string, migrations fs.FS) (*DB, error) {
	cfg.Name = name
	db, err := Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
