// Package gqlscalar marshals SIO's custom GraphQL scalars (Date, Money) and
// int64 identifiers, keeping the core package free of gqlgen.
package gqlscalar

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"sio"
)

// MarshalDate writes a Date as "YYYY-MM-DD" (null when zero).
func MarshalDate(d sio.Date) graphql.Marshaler {
	if d.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(d.String())) })
}

// UnmarshalDate reads "YYYY-MM-DD".
func UnmarshalDate(v any) (sio.Date, error) {
	s, ok := v.(string)
	if !ok {
		return sio.Date{}, &sio.Error{Code: sio.EBADINPUT, Message: "Date must be a string YYYY-MM-DD"}
	}
	d, err := sio.ParseDate(s)
	if err != nil {
		return sio.Date{}, &sio.Error{Code: sio.EBADINPUT, Message: err.Error()}
	}
	return d, nil
}

// MarshalMoney writes tiyn as a decimal tenge string.
func MarshalMoney(m sio.Money) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(m.String())) })
}

// UnmarshalMoney is not accepted from clients (output-only scalar).
func UnmarshalMoney(v any) (sio.Money, error) {
	return 0, &sio.Error{Code: sio.EBADINPUT, Message: "Money is an output type"}
}

// MarshalInt64ID writes an int64 identifier as a GraphQL ID string.
func MarshalInt64ID(i int64) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { io.WriteString(w, strconv.Quote(strconv.FormatInt(i, 10))) })
}

// UnmarshalInt64ID reads a GraphQL ID holding an integer.
func UnmarshalInt64ID(v any) (int64, error) {
	switch x := v.(type) {
	case string:
		i, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, &sio.Error{Code: sio.EBADINPUT, Message: "ID must be an integer"}
		}
		return i, nil
	case int64:
		return x, nil
	case int:
		return int64(x), nil
	}
	return 0, &sio.Error{Code: sio.EBADINPUT, Message: "ID must be an integer"}
}

// MarshalIIN writes an IIN.
func MarshalIIN(v sio.IIN) graphql.Marshaler { return graphql.MarshalString(string(v)) }

// UnmarshalIIN validates an IIN argument (length, digits, date, check digit).
func UnmarshalIIN(v any) (sio.IIN, error) {
	s, ok := v.(string)
	if !ok {
		return "", &sio.Error{Code: sio.EBADINPUT, Message: "IIN must be a string of 12 digits"}
	}
	return sio.ParseIIN(s, "IIN")
}

// MarshalBIN writes a BIN.
func MarshalBIN(v sio.BIN) graphql.Marshaler { return graphql.MarshalString(string(v)) }

// UnmarshalBIN validates a BIN argument.
func UnmarshalBIN(v any) (sio.BIN, error) {
	s, ok := v.(string)
	if !ok {
		return "", &sio.Error{Code: sio.EBADINPUT, Message: "BIN must be a string of 12 digits"}
	}
	return sio.ParseBIN(s, "BIN")
}
