package sio

import "regexp"

var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)
var digitRun = regexp.MustCompile(`[0-9]{6}`)

// OperationLabel is a client-given GraphQL operation name as it may appear
// in metrics labels, traces and logs: a plain name of at most 64
// characters, or "anonymous". A name holding a run of six digits could
// carry an identifier (an IIN, a phone) and is not used either.
func OperationLabel(name string) string {
	if !operationName.MatchString(name) || digitRun.MatchString(name) {
		return "anonymous"
	}
	return name
}
