// Package sio holds the domain of the SIO gateway: the records of the state
// databases, their identifiers, error codes and the narrow interfaces that the
// GraphQL layer depends on. Adapters (connectors, authz, http) live in
// sub-packages; only cmd/ wires them together.
package sio

import (
	"errors"
	"fmt"
)

// Error codes reported to clients in GraphQL `extensions.code`.
const (
	EBADINPUT          = "BAD_USER_INPUT"
	EUNAUTHENTICATED   = "UNAUTHENTICATED"
	EFORBIDDEN         = "FORBIDDEN"
	ENOTFOUND          = "NOT_FOUND"
	ESOURCEUNAVAILABLE = "SOURCE_UNAVAILABLE"
	// EAUDITUNAVAILABLE: the audit log cannot be written, so no data is
	// served (fail closed).
	EAUDITUNAVAILABLE = "AUDIT_UNAVAILABLE"
	EINTERNAL         = "INTERNAL"
)

// Error is an application error whose Code and Message are safe to show to a
// client. Any other error is reported as INTERNAL with a generic message.
type Error struct {
	Code    string
	Message string
	// Argument names the GraphQL argument or input field at fault, if any.
	Argument string
	// Reason and Source refine FORBIDDEN errors (the policy rule at stake);
	// Service is the service refused, if the refusal concerns one.
	Reason  string
	Source  string
	Service string
}

func (e *Error) Error() string {
	return fmt.Sprintf("sio error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, INTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the client-safe message of err.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
