package persons

import (
	"context"
	"fmt"

	"sio"
	"sio/sqldb"
)

// ResidentsAt returns, for each address among addresses, the living persons
// registered there (at most perAddress, in IIN order) and how many there
// are in all, in one statement: an apartment block's entrance or a hostel
// must not flood a link graph.
func (s *Store) ResidentsAt(ctx context.Context, addresses []string, perAddress int) (map[string][]sio.IIN, map[string]int, error) {
	var rows []struct {
		Address string  `db:"address"`
		IIN     sio.IIN `db:"iin"`
		Total   int     `db:"total"`
	}
	if err := s.db.Select(ctx, &rows, s.residents, sqldb.List(s.db, addresses), perAddress); err != nil {
		return nil, nil, fmt.Errorf("persons: residents: %w", err)
	}
	res, totals := map[string][]sio.IIN{}, map[string]int{}
	for _, r := range rows {
		res[r.Address] = append(res[r.Address], r.IIN)
		totals[r.Address] = r.Total
	}
	return res, totals, nil
}

func residentsQuery(db *sqldb.DB) string {
	return db.Q(`SELECT address, iin, total FROM (
			SELECT address, iin,
				ROW_NUMBER() OVER (PARTITION BY address ORDER BY iin) AS rn,
				COUNT(*) OVER (PARTITION BY address) AS total
			FROM {persons} WHERE ` + db.In("address") + ` AND death_date IS NULL
		) r WHERE rn <= ? ORDER BY address, iin`)
}
