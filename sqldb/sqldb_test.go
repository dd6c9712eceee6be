package sqldb_test

import (
	"testing"

	"sio/sqldb"
)

func TestWithRuntimeParam(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"host=h dbname=d", "host=h dbname=d options='-c jit=off'"},
		{"host=h options='-c role=r' dbname=d", "host=h options='-c role=r -c jit=off' dbname=d"},
		{"postgres://u@h/d?sslmode=disable", "postgres://u@h/d?options=-c+jit%3Doff&sslmode=disable"},
		{"postgres://u@h/d?options=-c%20role%3Dr", "postgres://u@h/d?options=-c+role%3Dr+-c+jit%3Doff"},
	} {
		if got := sqldb.WithRuntimeParam(tc.in, "jit", "off"); got != tc.want {
			t.Errorf("WithRuntimeParam(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// WithUser replaces the user of a DSN and drops the password, which is
// the other role's; the rest of the DSN is kept as written.
func TestWithUser(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"host=h user=postgres dbname=d", "host=h dbname=d user='w'"},
		{"host=h user = 'sio owner' password='p w\\'d' options='-c a=b' dbname=d", "host=h options='-c a=b' dbname=d user='w'"},
		{"host=h password=p\\ q dbname=d sslmode=disable", "host=h dbname=d sslmode=disable user='w'"},
		{"host=h dbname=d", "host=h dbname=d user='w'"},
		{"postgres://sio:secret@h:5432/d?sslmode=disable", "postgres://w@h:5432/d?sslmode=disable"},
		{"postgres://h/d?user=sio&password=secret&sslmode=disable", "postgres://w@h/d?sslmode=disable"},
		// Malformed: left for lib/pq to report.
		{"host=h dbname", "host=h dbname user='w'"},
	} {
		if got := sqldb.WithUser(tc.in, "w"); got != tc.want {
			t.Errorf("WithUser(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
