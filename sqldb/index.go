package sqldb

import (
	"context"
	"fmt"
	"strings"
)

// Index runs a batch query and returns its rows by key(row): the usual body
// of a connector's "records by identifier" lookup. what names the lookup in
// errors ("vehicles: by vin").
func Index[K comparable, T any](ctx context.Context, db *DB, what, query string, key func(*T) K, args ...any) (map[K]*T, error) {
	var rows []T
	if err := db.Select(ctx, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out := make(map[K]*T, len(rows))
	for i := range rows {
		out[key(&rows[i])] = &rows[i]
	}
	return out, nil
}

// Group runs a batch query and returns its rows grouped by key(row), each
// group in the query's order: the usual body of a connector's "records of
// each subject" lookup. Keys without rows are absent.
func Group[K comparable, T any](ctx context.Context, db *DB, what, query string, key func(*T) K, args ...any) (map[K][]T, error) {
	var rows []T
	if err := db.Select(ctx, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	out := make(map[K][]T)
	for i := range rows {
		k := key(&rows[i])
		out[k] = append(out[k], rows[i])
	}
	return out, nil
}

// Columns joins column names for a SELECT list.
func Columns(cols []string) string { return strings.Join(cols, ", ") }

// Count returns the number of rows of one of the store's tables.
func (db *DB) Count(ctx context.Context, table string) (int, error) {
	var n int
	err := db.Get(ctx, &n, `SELECT COUNT(*) FROM `+db.Table(table))
	return n, err
}

// Analyze refreshes the planner statistics of the store's tables.
func (db *DB) Analyze(ctx context.Context) error {
	if db.Dialect != Postgres {
		_, err := db.DB.ExecContext(ctx, `ANALYZE`)
		return err
	}
	var tables []string
	if err := db.DB.SelectContext(ctx, &tables, `SELECT tablename FROM pg_tables WHERE schemaname = $1`, db.Name); err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := db.DB.ExecContext(ctx, `ANALYZE `+db.Name+"."+t); err != nil {
			return fmt.Errorf("analyze %s.%s: %w", db.Name, t, err)
		}
	}
	return nil
}

// TopPerKey is the text of a batch query that keeps, of the rows of from
// (a table or subquery with its WHERE), the first of each key in order and
// counts them all: it selects cols, then total (the key's rows before the
// cap), at most per rows per key, ordered by key. Its last parameter is
// per. A hub (a company with thousands of founders) costs one statement
// and per rows, not thousands. Connectors pass the text through DB.Q.
func TopPerKey(cols, from, key, order string) string {
	return `SELECT ` + cols + `, total FROM (
		SELECT ` + cols + `,
			ROW_NUMBER() OVER (PARTITION BY ` + key + ` ORDER BY ` + order + `) AS rn,
			COUNT(*) OVER (PARTITION BY ` + key + `) AS total
		FROM ` + from + `
	) top_per_key WHERE rn <= ? ORDER BY ` + key + `, rn`
}

// GroupTop runs a TopPerKey query and returns its records grouped by key,
// each group in the query's order, with each key's total before the cap.
// row splits a scanned row (the record and its total column) into key,
// record and total. Keys without rows are absent from both maps.
func GroupTop[K comparable, R, T any](ctx context.Context, db *DB, what, query string, row func(*R) (K, T, int), args ...any) (map[K][]T, map[K]int, error) {
	var rows []R
	if err := db.Select(ctx, &rows, query, args...); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	out, totals := make(map[K][]T), make(map[K]int)
	for i := range rows {
		k, rec, total := row(&rows[i])
		out[k] = append(out[k], rec)
		totals[k] = total
	}
	return out, totals, nil
}
