package audit

import (
	"context"
	"sort"
	"sync"
)

// Trail collects, while one request runs, what its audit record says: who
// asked, under which basis, which services and subjects it read, what was
// refused. The HTTP layer creates it, the authentication, the enforcer and
// the error presenter fill it, and the HTTP layer turns it into a Record
// once the response is ready.
type Trail struct {
	mu            sync.Mutex
	userIIN       string
	role, agency  string
	authVia       string
	authFailed    bool
	basis, caseNo string
	justification string
	operation     string
	mutation      bool
	logRead       bool
	services      map[string]bool
	subjects      map[string]bool
	denials       []Denial
	errorCodes    map[string]bool
	signature     string
}

// NewTrail returns an empty trail.
func NewTrail() *Trail {
	return &Trail{services: map[string]bool{}, subjects: map[string]bool{}, errorCodes: map[string]bool{}}
}

type trailKey struct{}

// WithTrail returns ctx carrying t.
func WithTrail(ctx context.Context, t *Trail) context.Context {
	return context.WithValue(ctx, trailKey{}, t)
}

// TrailFrom returns the request's trail. Outside a request it returns a
// trail that is written to but never recorded, so callers need no checks.
func TrailFrom(ctx context.Context) *Trail {
	if t, ok := ctx.Value(trailKey{}).(*Trail); ok {
		return t
	}
	return NewTrail()
}

// User records the authenticated caller.
func (t *Trail) User(iin, role, agency, via string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.userIIN, t.role, t.agency, t.authVia = iin, role, agency, via
}

// AuthFailed records a refused authentication attempt by the identity the
// caller claimed (empty if none could be read).
func (t *Trail) AuthFailed(claimedIIN, via string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.authFailed, t.userIIN, t.authVia = true, claimedIIN, via
}

// Basis records the legal basis the request runs under.
func (t *Trail) Basis(basis, caseNumber, justification string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.basis, t.caseNo, t.justification = basis, caseNumber, justification
}

// Operation records the GraphQL operation: its name and whether it is a
// mutation.
func (t *Trail) Operation(name string, mutation bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.operation, t.mutation = name, mutation
}

// LogRead marks the request as a read of the audit log itself (reports,
// oversight).
func (t *Trail) LogRead() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.logRead = true
}

// Service records a service read.
func (t *Trail) Service(code string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.services[code] = true
}

// Subjects records identifiers looked up (IIN, BIN, plate, VIN ...).
func (t *Trail) Subjects(ids ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, id := range ids {
		if id != "" {
			t.subjects[id] = true
		}
	}
}

// Deny records a refusal at path (a field, or the inquiry itself).
func (t *Trail) Deny(path, service, reason string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.denials = append(t.denials, Denial{Path: path, Service: service, Reason: reason})
}

// ErrorCode records the extensions.code of an error of the response.
func (t *Trail) ErrorCode(code string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.errorCodes[code] = true
}

// Signature records the request's signature, when the client sent one.
func (t *Trail) Signature(sig string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.signature = sig
}

// Record builds the audit record of the request. Kind: AUTH_FAILED for a
// refused authentication, LOG_READ for a read of the log, MUTATION, INQUIRY
// for reads under a basis, QUERY otherwise.
func (t *Trail) Record() *Record {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := &Record{UserIIN: t.userIIN, Role: t.role, Agency: t.agency, AuthVia: t.authVia, Basis: t.basis,
		CaseNumber: t.caseNo, Justification: t.justification, Operation: t.operation, Signature: t.signature,
		Services: sortedSet(t.services), Subjects: sortedSet(t.subjects), ErrorCodes: sortedSet(t.errorCodes),
		Denials: append([]Denial(nil), t.denials...)}
	sort.SliceStable(r.Denials, func(i, j int) bool { return r.Denials[i].Path < r.Denials[j].Path })
	switch {
	case t.authFailed:
		r.Kind = KindAuthFailed
	case t.logRead:
		r.Kind = KindLogRead
	case t.mutation:
		r.Kind = KindMutation
	case t.basis != "":
		r.Kind = KindInquiry
	default:
		r.Kind = KindQuery
	}
	return r
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
