package audit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"sio/sqldb"
)

// Report queries over the records: what the "Отчеты" of the agencies'
// responsible officials, the operator's reports and the prosecutor's
// checks read (seed 000 §11, §54; seed 002 §32, §42-43, §51). They read the
// owner handle; each statement's text is fixed (optional filters are
// neutral values), so the planner sees one shape per report.

// Filter selects records: those committed in [From, To), optionally of
// some kinds, one agency, one user, one basis, one service read, or only
// those with a denial. Paging is newest first: Before (a seq, 0 for the
// newest) and Limit (0 for all).
type Filter struct {
	From, To   time.Time
	Kinds      []string
	Agency     string
	UserIIN    string
	Basis      string
	Service    string
	DeniedOnly bool
	Before     int64
	Limit      int
	// Blobs also reads the request and the result served.
	Blobs bool
}

const filterWhere = ` WHERE at_us >= ? AND at_us < ? AND (? = 1 OR %s) AND (? = '' OR agency = ?) AND (? = '' OR user_iin = ?)
	AND (? = '' OR basis = ?) AND (? = '' OR services LIKE ? ESCAPE '\') AND (? = 0 OR denials <> '[]') AND (? = 0 OR seq < ?)`

func (s *Store) filterArgs(f Filter) []any {
	all := 0
	if len(f.Kinds) == 0 {
		all = 1
	}
	denied := 0
	if f.DeniedOnly {
		denied = 1
	}
	// Services are stored as a JSON array of codes: match the quoted code.
	like := ""
	if f.Service != "" {
		like = `%"` + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(f.Service) + `"%`
	}
	return []any{f.From.UnixMicro(), f.To.UnixMicro(), all, sqldb.List(s.owner, f.Kinds), f.Agency, f.Agency,
		f.UserIIN, f.UserIIN, f.Basis, f.Basis, f.Service, like, denied, f.Before, f.Before}
}

func (s *Store) where() string { return fmt.Sprintf(filterWhere, s.owner.In("kind")) }

// Find returns the records matching f, newest first. Without f.Blobs the
// request and result are left out (their digests are kept).
func (s *Store) Find(ctx context.Context, f Filter) ([]Record, error) {
	cols := make([]string, 0, len(recordColumns))
	for _, c := range recordColumns {
		if f.Blobs || (c != "request" && c != "result") {
			cols = append(cols, c)
		}
	}
	limit := int64(f.Limit)
	if limit <= 0 {
		limit = 1 << 62
	}
	q := s.owner.Q(`SELECT ` + sqldb.Columns(cols) + ` FROM {records}` + s.where() + ` ORDER BY seq DESC LIMIT ?`)
	var rows []row
	if err := s.owner.Select(ctx, &rows, q, append(s.filterArgs(f), limit)...); err != nil {
		return nil, fmt.Errorf("audit: find: %w", err)
	}
	out := make([]Record, len(rows))
	for i := range rows {
		r, err := rows[i].record()
		if err != nil {
			return nil, fmt.Errorf("audit: record %d does not decode: %w", rows[i].Seq, err)
		}
		out[i] = r
	}
	return out, nil
}

// Count counts the records matching f (Before and Limit ignored).
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	f.Before = 0
	var n int
	if err := s.owner.Get(ctx, &n, s.owner.Q(`SELECT COUNT(*) FROM {records}`+s.where()), s.filterArgs(f)...); err != nil {
		return 0, fmt.Errorf("audit: count: %w", err)
	}
	return n, nil
}

// Tally is what an agency's users did in a period: records, records with a
// denial, distinct users.
type Tally struct {
	Agency   string `db:"agency"`
	Requests int    `db:"requests"`
	Denied   int    `db:"denied"`
	Users    int    `db:"users"`
}

// Tallies counts the records of kind in [from, to) per agency (one agency
// if agency is given), ordered by agency.
func (s *Store) Tallies(ctx context.Context, from, to time.Time, kind, agency string) ([]Tally, error) {
	q := s.owner.Q(`SELECT agency, COUNT(*) AS requests, SUM(CASE WHEN denials <> '[]' THEN 1 ELSE 0 END) AS denied,
		COUNT(DISTINCT user_iin) AS users FROM {records}
		WHERE at_us >= ? AND at_us < ? AND kind = ? AND (? = '' OR agency = ?) GROUP BY agency ORDER BY agency`)
	var out []Tally
	if err := s.owner.Select(ctx, &out, q, from.UnixMicro(), to.UnixMicro(), kind, agency, agency); err != nil {
		return nil, fmt.Errorf("audit: tallies: %w", err)
	}
	return out, nil
}

// UserDay is the number of records of a user on a day of the Astana
// calendar.
type UserDay struct {
	Agency  string `db:"agency"`
	UserIIN string `db:"user_iin"`
	// Day is the Astana date, as days since 1970-01-01.
	Day   int64 `db:"day"`
	Count int   `db:"n"`
}

// Date is the day as a time (midnight UTC of that calendar date).
func (d UserDay) Date() time.Time { return time.Unix(d.Day*86400, 0).UTC() }

// astanaOffsetUS shifts an instant to Astana wall time (UTC+5, no DST since
// 2005; seed 000 §29).
const astanaOffsetUS = 5 * 3600 * 1_000_000

// UserDays counts the records of kind in [from, to) per agency, user and
// Astana day (one agency if agency is given), ordered by agency, user, day.
func (s *Store) UserDays(ctx context.Context, from, to time.Time, kind, agency string) ([]UserDay, error) {
	q := s.owner.Q(fmt.Sprintf(`SELECT agency, user_iin, (at_us + %d) / 86400000000 AS day, COUNT(*) AS n FROM {records}
		WHERE at_us >= ? AND at_us < ? AND kind = ? AND (? = '' OR agency = ?)
		GROUP BY agency, user_iin, (at_us + %d) / 86400000000 ORDER BY agency, user_iin, day`, astanaOffsetUS, astanaOffsetUS))
	var out []UserDay
	if err := s.owner.Select(ctx, &out, q, from.UnixMicro(), to.UnixMicro(), kind, agency, agency); err != nil {
		return nil, fmt.Errorf("audit: user days: %w", err)
	}
	return out, nil
}
