package authz

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"sio"
)

// Denial reasons reported in `extensions.reason` of FORBIDDEN errors, in
// addition to the policy's own (ROLE_NOT_ALLOWED_FOR_BASIS,
// SERVICE_NOT_ALLOWED_FOR_BASIS, UNKNOWN_ROLE, UNKNOWN_BASIS, UNKNOWN_SERVICE).
const (
	ReasonArticleNotCovered      = "ARTICLE_NOT_COVERED"
	ReasonAgencyOnly             = "AGENCY_ONLY"
	ReasonCourtSanctionRequired  = "COURT_SANCTION_REQUIRED"
	ReasonCaseNotInCaseload      = "CASE_NOT_IN_CASELOAD"
	ReasonCaseClosed             = "CASE_CLOSED"
	ReasonCaseNotFound           = "CASE_NOT_FOUND"
	ReasonCaseBasisMismatch      = "CASE_BASIS_MISMATCH"
	ReasonUserBlocked            = "USER_BLOCKED"
	ReasonAgreementNotSigned     = "AGREEMENT_NOT_SIGNED"
	ReasonRoleNotAllowedForBasis = "ROLE_NOT_ALLOWED_FOR_BASIS"
	ReasonNoInquiry              = "NO_INQUIRY"
	ReasonUnannotatedField       = "UNANNOTATED_FIELD"
)

// AgencyMVD is the code of the Ministry of Internal Affairs (MVD_ONLY rules).
const AgencyMVD = "MVD"

// Enforcer applies the compiled policy to requests: it opens inquiries
// (verifying the legal basis against the case registries) and guards every
// field that reads a state database.
type Enforcer struct {
	Policy *Policy
	Cases  sio.CaseRegistry
}

// BasisRequest is the legal basis a caller claims for an inquiry.
type BasisRequest struct {
	Kind          string
	CaseNumber    string
	Year          int
	Court         string
	Justification string
}

// RegistryOf names the case registry where cases of a basis are registered:
// ЕРДР for criminal cases, НСД, search measures and primary checks; АИС СУ for
// administrative (КПСиСУ) and search cases; ЕАИАС for court administrative
// and civil cases; АИС ОИП for enforcement; the operational accounting
// registry (ORD) for ОРД and other tasks. A sub-basis uses its parent's.
func (e *Enforcer) RegistryOf(basis string) string {
	if b, ok := e.Policy.Basis(basis); ok && b.Parent != "" {
		basis = b.Parent
	}
	switch basis {
	case "CRIMINAL_CASE", "NSD", "SEARCH_MEASURES", "PRIMARY_CHECK":
		return "ERDR"
	case "ADMIN_CASE_KPSISU", "SEARCH_CASE":
		return "AIS_SU"
	case "ADMIN_CASE_COURT", "CIVIL_CASE":
		return "EAIAS"
	case "ENFORCEMENT":
		return "AIS_OIP"
	case "ORD", "OTHER_TASKS":
		return "ORD"
	}
	return ""
}

func forbidden(reason, source, format string, args ...any) *sio.Error {
	return &sio.Error{Code: sio.EFORBIDDEN, Reason: reason, Source: source, Message: fmt.Sprintf(format, args...)}
}

// Open verifies a claimed basis for the caller and returns the inquiry under
// which data may be read. Every failure returns no inquiry (fail closed).
func (e *Enforcer) Open(ctx context.Context, p *Principal, req BasisRequest) (*Inquiry, error) {
	if p == nil || p.User == nil {
		return nil, sio.Errorf(sio.EUNAUTHENTICATED, "authentication required")
	}
	u := p.User
	if u.Blocked {
		return nil, forbidden(ReasonUserBlocked, "", "the user is blocked")
	}
	if u.AgreementSignedAt == nil {
		return nil, forbidden(ReasonAgreementNotSigned, "", "the usage agreement has not been signed")
	}
	basis, ok := e.Policy.Basis(req.Kind)
	if !ok {
		return nil, &sio.Error{Code: sio.EBADINPUT, Argument: "basis.kind", Message: fmt.Sprintf("basis.kind: unknown basis %q (see policy.bases)", req.Kind)}
	}
	if rb, ok := e.Policy.RoleBasis(u.RoleCode, basis.Code); !ok {
		return nil, forbidden(ReasonRoleNotAllowedForBasis, rb.Source.String(), "role %s may not make requests under basis %s", u.RoleCode, basis.Code)
	}
	number := strings.TrimSpace(req.CaseNumber)
	if number == "" {
		return nil, &sio.Error{Code: sio.EBADINPUT, Argument: "basis.caseNumber", Message: "basis.caseNumber: required for basis " + basis.Code}
	}
	registry := e.RegistryOf(basis.Code)
	c, err := e.Cases.CaseByNumber(ctx, registry, number)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, forbidden(ReasonCaseNotFound, "", "case %s is not registered in %s", number, registry)
	}
	if c.Basis != basis.Code && c.Basis != basis.Parent {
		return nil, forbidden(ReasonCaseBasisMismatch, "", "case %s is registered as %s, not %s", number, c.Basis, basis.Code)
	}
	if c.Status != sio.CaseOpen {
		return nil, forbidden(ReasonCaseClosed, "", "case %s is closed", number)
	}
	in, err := e.Cases.InCaseload(ctx, registry, number, u.IIN)
	if err != nil {
		return nil, err
	}
	if !in {
		return nil, forbidden(ReasonCaseNotInCaseload, "", "case %s is not in the user's caseload", number)
	}
	return &Inquiry{Basis: basis.Code, Case: c, Justification: req.Justification, User: u}, nil
}

// InquiryFrom finds the inquiry a field is resolved under: the nearest
// ancestor field whose result is an *Inquiry.
func InquiryFrom(ctx context.Context) *Inquiry {
	for fc := graphql.GetFieldContext(ctx); fc != nil; fc = fc.Parent {
		if inq, ok := fc.Result.(*Inquiry); ok {
			return inq
		}
	}
	return nil
}

// Check decides whether the inquiry may read the service, applying the
// rule's qualifier with the case and user data. It returns the access level
// granted (FULL or TRUNCATED) or a FORBIDDEN *sio.Error.
func (e *Enforcer) Check(inq *Inquiry, service string) (Access, error) {
	if inq == nil || inq.User == nil {
		return "", forbidden(ReasonNoInquiry, "", "state data is read only under an inquiry")
	}
	d := e.Policy.Decide(inq.User.RoleCode, inq.Basis, service)
	if !d.Allowed {
		return "", forbidden(d.Reason, d.Source.String(), "service %s is not allowed for role %s under basis %s", service, inq.User.RoleCode, inq.Basis)
	}
	switch d.Access {
	case AccessFull, AccessTruncated:
		return d.Access, nil
	case AccessArticlesOnly:
		if inq.Case == nil || !e.Policy.ArticleCovered(inq.Basis, inq.Case.Article) {
			return "", forbidden(ReasonArticleNotCovered, d.Source.String(), "service %s is available only for the listed criminal-code articles", service)
		}
		return AccessFull, nil
	case AccessMVDOnly:
		if inq.User.AgencyCode != AgencyMVD {
			return "", forbidden(ReasonAgencyOnly, d.Source.String(), "service %s is available under this basis to internal-affairs bodies only", service)
		}
		return AccessFull, nil
	case AccessCourtSanction:
		// The electronic court sanction (§28) is not yet part of the basis;
		// until it is, the service is refused (fail closed).
		return "", forbidden(ReasonCourtSanctionRequired, d.Source.String(), "service %s requires an electronic court sanction", service)
	}
	return "", forbidden("UNKNOWN_ACCESS", d.Source.String(), "service %s has an unknown access qualifier", service)
}

type accessKey struct{}

// AccessFrom returns the access level granted to the field being resolved
// (TRUNCATED tells resolvers to blank amounts).
func AccessFrom(ctx context.Context) Access {
	a, _ := ctx.Value(accessKey{}).(Access)
	return a
}

// ServiceDirective implements @service(code, depthCodes): the field
// resolves only if the inquiry may read the service and, for each level of
// the field's depth argument, the service depthCodes names for it. A depth
// beyond depthCodes is refused as bad input (no service covers it).
func (e *Enforcer) ServiceDirective(ctx context.Context, _ any, next graphql.Resolver, code string, depthCodes []string) (any, error) {
	inq := InquiryFrom(ctx)
	access, err := e.Check(inq, code)
	if err != nil {
		return nil, err
	}
	if len(depthCodes) > 0 {
		depth := 1
		if fc := graphql.GetFieldContext(ctx); fc != nil {
			if d, ok := fc.Args["depth"].(int); ok {
				depth = d
			}
		}
		if depth > len(depthCodes) {
			return nil, &sio.Error{Code: sio.EBADINPUT, Argument: "depth", Message: fmt.Sprintf("depth: at most %d", len(depthCodes))}
		}
		for _, c := range depthCodes[:max(depth, 0)] {
			if _, err := e.Check(inq, c); err != nil {
				return nil, err
			}
		}
	}
	return next(context.WithValue(ctx, accessKey{}, access))
}

// SystemDirective implements @system: the field reads no state database.
func (e *Enforcer) SystemDirective(ctx context.Context, _ any, next graphql.Resolver) (any, error) {
	return next(ctx)
}

// FieldGuard is a gqlgen field middleware that refuses, fail closed, any
// resolver field that carries neither @service nor @system.
func FieldGuard(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc != nil && fc.IsResolver && fc.Field.Definition != nil {
		d := fc.Field.Definition.Directives
		if d.ForName("service") == nil && d.ForName("system") == nil {
			return nil, forbidden(ReasonUnannotatedField, "", "field %s.%s carries no access directive", fc.Object, fc.Field.Name)
		}
	}
	return next(ctx)
}
