package authz

import (
	"context"
	"crypto/x509"
	"errors"
	"time"

	"sio"
)

// Principal is the authenticated caller of a request.
type Principal struct {
	User *sio.User
	// Via tells how the caller authenticated: "sandbox-header" or "mtls".
	Via string
	// Certificate is the client certificate of an mTLS caller (its public
	// key verifies the caller's signatures), nil otherwise; Verifiers are
	// the algorithms the authenticator trusts (nil: DefaultVerifiers).
	Certificate *x509.Certificate
	Verifiers   []Verifier
}

// Authentication methods (Principal.Via).
const (
	ViaSandboxHeader = "sandbox-header"
	ViaMTLS          = "mtls"
)

// VerifySignature checks a signature of data made with the key of the
// caller's certificate (see Verifier.VerifyData).
func (p *Principal) VerifySignature(data, signature []byte) error {
	if p.Certificate == nil {
		return errors.New("the caller has no certificate")
	}
	a := CertAuthority{Verifiers: p.Verifiers}
	return a.VerifyData(p.Certificate, data, signature)
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

// Inquiry is a verified legal basis: the user, the basis and what the basis
// named, each verified in the case registries. It is created only by
// Enforcer.Open and is the parent object of every state-database field.
type Inquiry struct {
	Basis string
	// Case is the verified case, nil when the basis names none (a primary
	// check, ОРД or иные задачи without a case; an international request).
	Case          *sio.Case
	Justification string
	User          *sio.User
	// Via tells how the case is the user's (ViaAssigned, ViaGroup,
	// ViaInstruction, ViaLegalAssistance, ViaNone).
	Via string
	// Instruction is the verified instruction (Via == ViaInstruction).
	Instruction *Instruction
	// LegalAssistance is the verified international request (Via ==
	// ViaLegalAssistance).
	LegalAssistance *LegalAssistance
	// CourtSanction is the court sanction the basis named, when it is
	// registered for the case; SanctionProblem says why a named sanction
	// was not accepted. Its validity is checked when a COURT_SANCTION
	// service is read.
	CourtSanction   *CourtSanction
	SanctionProblem string
	// OpenedAt is when the inquiry was opened.
	OpenedAt time.Time
}

// Article is the criminal-code article of the basis, from the registry: of
// the case, or of the international request. "" when there is none.
func (inq *Inquiry) Article() string {
	switch {
	case inq.Case != nil:
		return inq.Case.Article
	case inq.LegalAssistance != nil:
		return inq.LegalAssistance.Article
	}
	return ""
}
