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
