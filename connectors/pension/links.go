package pension

import (
	"context"
	"fmt"

	"sio"
	"sio/sqldb"
)

// CurrentEmployees returns, for each payer among bins, at most per of its
// current contributors (the latest hired first) and how many there are, in
// one statement: a holding with thousands of employees must not flood a
// link graph.
func (s *Store) CurrentEmployees(ctx context.Context, bins []sio.BIN, per int) (map[sio.BIN][]sio.Employment, map[sio.BIN]int, error) {
	var rows []struct {
		sio.Employment
		Total int `db:"total"`
	}
	if err := s.db.Select(ctx, &rows, s.currentEmployees, sqldb.List(s.db, bins), per); err != nil {
		return nil, nil, fmt.Errorf("pension: current employees: %w", err)
	}
	out, totals := map[sio.BIN][]sio.Employment{}, map[sio.BIN]int{}
	for _, r := range rows {
		out[r.EmployerBIN] = append(out[r.EmployerBIN], r.Employment)
		totals[r.EmployerBIN] = r.Total
	}
	return out, totals, nil
}

func currentEmployeesQuery(db *sqldb.DB) string {
	return db.Q(`SELECT ` + sqldb.Columns(employmentColumns) + `, total FROM (
			SELECT e.*,
				ROW_NUMBER() OVER (PARTITION BY employer_bin ORDER BY start_date DESC, iin) AS rn,
				COUNT(*) OVER (PARTITION BY employer_bin) AS total
			FROM {employments} e WHERE ` + db.In("employer_bin") + ` AND end_date IS NULL
		) r WHERE rn <= ? ORDER BY employer_bin, rn`)
}
