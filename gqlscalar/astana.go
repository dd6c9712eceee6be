package gqlscalar

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"sio"
	"sio/authz"
)

// Instants are shown in Astana time (seed 000 §29, seed 002 §22: "по
// времени города Астаны"): authz.Astana, UTC+5 without daylight saving.

// astanaLayout is RFC 3339 with seconds and the +05:00 offset.
const astanaLayout = "2006-01-02T15:04:05-07:00"

// MarshalAstanaTime writes an instant in Astana time, RFC 3339 with the
// +05:00 offset (null when zero).
func MarshalAstanaTime(t time.Time) graphql.Marshaler {
	if t.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(t.In(authz.Astana).Format(astanaLayout)))
	})
}

// UnmarshalAstanaTime reads RFC 3339 (with any offset) or a local time
// without offset ("2025-01-15T09:30" or with seconds), taken as Astana
// time; the instant is returned in UTC.
func UnmarshalAstanaTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, &sio.Error{Code: sio.EBADINPUT, Message: "AstanaTime must be a string, e.g. 2025-01-15T09:30:00+05:00"}
	}
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, authz.Astana); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, &sio.Error{Code: sio.EBADINPUT, Message: "AstanaTime: expected 2025-01-15T09:30:00+05:00, or 2025-01-15T09:30 in Astana time"}
}
