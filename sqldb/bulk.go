package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/lib/pq"
)

// BulkInsert loads rows into table in one transaction: COPY on PostgreSQL,
// multi-row INSERT statements on SQLite. Used by the data generator.
func (db *DB) BulkInsert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	tx, err := db.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if db.Dialect == Postgres {
		stmt, err := tx.PrepareContext(ctx, pq.CopyInSchema(db.Name, table, columns...))
		if err != nil {
			return fmt.Errorf("sqldb: copy into %s.%s: %w", db.Name, table, err)
		}
		for _, r := range rows {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				stmt.Close()
				return fmt.Errorf("sqldb: copy into %s.%s: %w", db.Name, table, err)
			}
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			stmt.Close()
			return fmt.Errorf("sqldb: copy into %s.%s: %w", db.Name, table, err)
		}
		if err := stmt.Close(); err != nil {
			return err
		}
		return tx.Commit()
	}
	// SQLite: at most 32766 variables per statement.
	per := 32000 / len(columns)
	if per > 500 {
		per = 500
	}
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",") + ")"
	for start := 0; start < len(rows); start += per {
		end := min(start+per, len(rows))
		var sb strings.Builder
		sb.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ",") + ") VALUES ")
		args := make([]any, 0, (end-start)*len(columns))
		for i := start; i < end; i++ {
			if i > start {
				sb.WriteByte(',')
			}
			sb.WriteString(tuple)
			args = append(args, rows[i]...)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("sqldb: insert into %s.%s: %w", db.Name, table, err)
		}
	}
	return tx.Commit()
}
