package authz

import (
	"context"

	"sio"
)

// Principal is the authenticated caller of a request.
type Principal struct {
	User *sio.User
	// Via tells how the caller authenticated: "sandbox-header" or "mtls".
	Via string
}

type principalKey struct{}

// WithPrincipal returns ctx carrying the caller.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the caller, or nil when unauthenticated.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Inquiry is a verified legal basis: the user, the basis and, when the basis
// requires one, the case from the case registry. It is created only by
// Verifier.Open and is the parent object of every state-database field.
type Inquiry struct {
	Basis         string
	Case          *sio.Case
	Justification string
	User          *sio.User
}
