package authz

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"

	"sio"
	"sio/audit"
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
	ReasonCourtDataMismatch      = "COURT_DATA_MISMATCH"
	ReasonInstructionNotFound    = "INSTRUCTION_NOT_FOUND"
	ReasonInstructionNotForUser  = "INSTRUCTION_NOT_FOR_USER"
	ReasonInstructionClosed      = "INSTRUCTION_CLOSED"
	ReasonInstructionExpired     = "INSTRUCTION_EXPIRED"
	ReasonUserBlocked            = "USER_BLOCKED"
	ReasonAgreementNotSigned     = "AGREEMENT_NOT_SIGNED"
	ReasonRoleNotAllowedForBasis = "ROLE_NOT_ALLOWED_FOR_BASIS"
	ReasonNoInquiry              = "NO_INQUIRY"
	ReasonUnannotatedField       = "UNANNOTATED_FIELD"
)

// AgencyMVD is the code of the Ministry of Internal Affairs (MVD_ONLY rules).
const AgencyMVD = "MVD"

// Astana is the time of the system: every date of a request is taken in
// Astana time (seed 000 §29, seed 002 §22), UTC+5.
var Astana = time.FixedZone("Astana", 5*60*60)

// AstanaDate is the calendar day in Astana at t: the "today" against which
// the dates a request names (a постановление's, a birth date) are checked.
// Dates are days at midnight UTC, so comparing one with the instant t
// itself would put the day ahead between 19:00 and 24:00 UTC.
func AstanaDate(t time.Time) sio.Date { return sio.DateOf(t.In(Astana)) }

// Input limits of a basis (runes).
const (
	maxNumber        = 64
	maxName          = 300
	maxJustification = 2000
)

// Enforcer applies the compiled policy to requests: it opens inquiries
// (verifying the legal basis against the case registries) and guards every
// field that reads a state database.
type Enforcer struct {
	Policy *Policy
	Cases  CaseRegistry
	// Now is the clock (time.Now when nil); the sandbox runs at the date
	// of its synthetic snapshot.
	Now func() time.Time
}

func (e *Enforcer) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// today is the current date in Astana.
func (e *Enforcer) today() sio.Date { return AstanaDate(e.now()) }

// BasisRequest is the legal basis a caller claims for an inquiry (the
// GraphQL BasisInput; fields are as typed, Open trims and checks them).
type BasisRequest struct {
	Kind       string
	CaseNumber string
	// Year and Court of a court case (ЕАИАС, seed 000 §25).
	Year  int
	Court string
	// Instruction names an instruction executed by the caller (§22).
	Instruction *InstructionRequest
	// CourtSanction is the ЕАИАС number of an electronic court sanction
	// (§28) for the case.
	CourtSanction string
	Justification string
}

// InstructionRequest names an instruction (seed 000 §22): INVESTIGATIVE or
// PROSECUTOR with the case number of the basis and the outgoing Number of
// the instruction; INTERNATIONAL with the outgoing Number of the foreign
// request, the RequestingBody and the CoverLetterNumber of the authorized
// body, and no case.
type InstructionRequest struct {
	Kind              string
	Number            string
	RequestingBody    string
	CoverLetterNumber string
}

// RegistryOf names the case registry of a basis (a sub-basis: its
// parent's), "" for an unknown basis.
func (e *Enforcer) RegistryOf(basis string) string {
	r, _ := e.Policy.Request(basis)
	return r.Registry
}

func forbidden(reason, source, format string, args ...any) *sio.Error {
	return &sio.Error{Code: sio.EFORBIDDEN, Reason: reason, Source: source, Message: fmt.Sprintf(format, args...)}
}

func badBasis(field, format string, args ...any) *sio.Error {
	arg := "basis." + field
	return &sio.Error{Code: sio.EBADINPUT, Argument: arg, Message: arg + ": " + fmt.Sprintf(format, args...)}
}

// text trims a field and checks its length.
func text(field, v string, max int) (string, error) {
	v = strings.Join(strings.Fields(v), " ")
	if utf8.RuneCountInString(v) > max {
		return "", badBasis(field, "at most %d characters", max)
	}
	return v, nil
}

// checked is a BasisRequest after its form was checked against the basis'
// request rule.
type checked struct {
	basis Basis
	rule  RequestRule
	req   BasisRequest
	instr InstructionRequest
}

// check validates the form of the request: every field it needs is given,
// and no field is given that the basis does not take.
func (e *Enforcer) check(req BasisRequest) (*checked, error) {
	kind := strings.TrimSpace(req.Kind)
	basis, ok := e.Policy.Basis(kind)
	if !ok {
		return nil, badBasis("kind", "unknown basis %q (see policy.bases)", req.Kind)
	}
	if !e.Policy.Requestable(kind) {
		var subs []string
		for _, b := range e.Policy.Bases {
			if b.Parent == kind {
				subs = append(subs, b.Code)
			}
		}
		return nil, badBasis("kind", "%s is the umbrella of its bases: name one of %s (seed 002 §20)", kind, strings.Join(subs, ", "))
	}
	rule, _ := e.Policy.Request(kind)
	c := &checked{basis: basis, rule: rule, req: req}
	var err error
	r := &c.req
	if r.CaseNumber, err = text("caseNumber", r.CaseNumber, maxNumber); err != nil {
		return nil, err
	}
	if r.Court, err = text("court", r.Court, maxName); err != nil {
		return nil, err
	}
	if r.CourtSanction, err = text("courtSanction", r.CourtSanction, maxNumber); err != nil {
		return nil, err
	}
	if r.Justification, err = text("justification", r.Justification, maxJustification); err != nil {
		return nil, err
	}
	if r.Justification == "" && rule.Justification == Required {
		return nil, badBasis("justification", "required for basis %s: why the data is needed (%s)", kind, rule.Ref)
	}
	if in := req.Instruction; in != nil {
		c.instr.Kind = strings.TrimSpace(in.Kind)
		if c.instr.Number, err = text("instruction.number", in.Number, maxNumber); err != nil {
			return nil, err
		}
		if c.instr.RequestingBody, err = text("instruction.requestingBody", in.RequestingBody, maxName); err != nil {
			return nil, err
		}
		if c.instr.CoverLetterNumber, err = text("instruction.coverLetterNumber", in.CoverLetterNumber, maxNumber); err != nil {
			return nil, err
		}
		if !rule.AllowsInstruction(c.instr.Kind) {
			return nil, badBasis("instruction.kind", "basis %s takes no %q instruction (seed 000 §22)", kind, c.instr.Kind)
		}
		if c.instr.Number == "" {
			return nil, badBasis("instruction.number", "the outgoing number of the instruction is required (seed 000 §22)")
		}
		if c.instr.Kind == InstructionInternational {
			switch {
			case c.instr.RequestingBody == "":
				return nil, badBasis("instruction.requestingBody", "the body that sent the request is required (seed 000 §22 part 2)")
			case c.instr.CoverLetterNumber == "":
				return nil, badBasis("instruction.coverLetterNumber", "the outgoing number of the cover letter of the authorized body is required (seed 000 §22 part 2)")
			case r.CaseNumber != "":
				return nil, badBasis("caseNumber", "an international request has no ЕРДР case (seed 000 §5, §22 part 2)")
			}
		} else if c.instr.RequestingBody != "" || c.instr.CoverLetterNumber != "" {
			return nil, badBasis("instruction.requestingBody", "only an INTERNATIONAL instruction names a requesting body and a cover letter")
		}
	}
	international := c.instr.Kind == InstructionInternational
	if r.CaseNumber == "" && !international && (rule.Case == Required || req.Instruction != nil) {
		return nil, badBasis("caseNumber", "required for basis %s: the number of the case in %s (%s)", kind, rule.Registry, rule.Ref)
	}
	switch {
	case rule.CourtData && (r.Year == 0 || r.Court == ""):
		field := "year"
		if r.Year != 0 {
			field = "court"
		}
		return nil, badBasis(field, "required for basis %s: the case number, year and court registered in ЕАИАС (seed 000 §25)", kind)
	case rule.CourtData && (r.Year < 1991 || r.Year > e.today().Year()):
		return nil, badBasis("year", "%d is not a year of a case", r.Year)
	case !rule.CourtData && (r.Year != 0 || r.Court != ""):
		field := "year"
		if r.Year == 0 {
			field = "court"
		}
		return nil, badBasis(field, "only a court case of ЕАИАС (basis ADMIN_CASE_COURT or CIVIL_CASE) names a year and a court")
	case r.CourtSanction != "" && r.CaseNumber == "":
		return nil, badBasis("courtSanction", "a court sanction is granted on a case: name the case (seed 000 §28)")
	}
	return c, nil
}

// Open verifies a claimed basis for the caller and returns the inquiry under
// which data may be read. Every failure returns no inquiry (fail closed):
// the caller must be active and have signed the agreement (seed 000 §17,
// §19); the role must hold the basis; the request must name what the basis
// requires (BAD_USER_INPUT naming the field); what it names must be
// registered: the case (open, of that basis, with the court data of ЕАИАС)
// in the caller's caseload (assigned, or through the caller's investigative
// group), or an open instruction on it that the caller executes, or an
// international request the caller executes.
func (e *Enforcer) Open(ctx context.Context, p *Principal, req BasisRequest) (*Inquiry, error) {
	if p == nil || p.User == nil {
		return nil, sio.Errorf(sio.EUNAUTHENTICATED, "authentication required")
	}
	u := p.User
	if u.Blocked {
		return nil, forbidden(ReasonUserBlocked, "000 §12, §14, §45", "the user is blocked")
	}
	if u.AgreementSignedAt == nil {
		return nil, forbidden(ReasonAgreementNotSigned, "000 §17, §19", "the usage agreement has not been signed (signAgreement)")
	}
	c, err := e.check(req)
	if err != nil {
		return nil, err
	}
	basis := c.basis.Code
	if _, ok := e.Policy.RoleBasis(u.RoleCode, basis); !ok {
		return nil, forbidden(ReasonRoleNotAllowedForBasis, e.Policy.RoleDenial(u.RoleCode, basis).String(),
			"role %s may not make requests under basis %s", u.RoleCode, basis)
	}
	inq := &Inquiry{Basis: basis, Justification: c.req.Justification, User: u, Via: ViaNone, OpenedAt: e.now()}
	if c.instr.Kind == InstructionInternational {
		if err := e.openLegalAssistance(ctx, u, c.instr, inq); err != nil {
			return nil, err
		}
		return inq, nil
	}
	if c.req.CaseNumber == "" {
		return inq, nil
	}
	if err := e.openCase(ctx, u, c, inq); err != nil {
		return nil, err
	}
	if c.req.CourtSanction != "" {
		if err := e.attachSanction(ctx, c.req.CourtSanction, inq); err != nil {
			return nil, err
		}
	}
	return inq, nil
}

// openCase verifies the case of the request and how it is the caller's.
func (e *Enforcer) openCase(ctx context.Context, u *sio.User, c *checked, inq *Inquiry) error {
	number, registry := c.req.CaseNumber, c.rule.Registry
	var cs *sio.Case
	var via string
	var err error
	combined, ok := e.Cases.(CaseloadLookup)
	if ok && c.instr.Kind == "" {
		// One statement for the case and the caseload.
		cs, via, err = combined.CaseWithCaseload(ctx, registry, number, u.IIN)
	} else {
		ok = false
		cs, err = e.Cases.CaseByNumber(ctx, registry, number)
	}
	if err != nil {
		return err
	}
	if cs == nil {
		return forbidden(ReasonCaseNotFound, c.rule.Ref, "case %s is not registered in %s", number, registry)
	}
	if cs.Basis != c.basis.Code && cs.Basis != c.basis.Parent {
		return forbidden(ReasonCaseBasisMismatch, c.rule.Ref, "case %s is registered as %s, not %s", number, cs.Basis, c.basis.Code)
	}
	if c.rule.CourtData && (cs.Year != c.req.Year || !sameName(cs.Court, c.req.Court)) {
		return forbidden(ReasonCourtDataMismatch, "000 §25", "case %s is not registered in ЕАИАС for that year and court", number)
	}
	if cs.Status != sio.CaseOpen {
		return forbidden(ReasonCaseClosed, c.rule.Ref, "case %s is closed", number)
	}
	inq.Case = cs
	if c.instr.Kind != "" {
		in, err := e.Cases.Instruction(ctx, registry, number, c.instr.Number)
		if err != nil {
			return err
		}
		if in == nil || in.Kind != c.instr.Kind {
			return forbidden(ReasonInstructionNotFound, "000 §22", "no %s instruction %s is registered on case %s", c.instr.Kind, c.instr.Number, number)
		}
		if err := e.executable(u, in.ExecutorIIN, in.Status, in.DueAt, "instruction "+in.Number); err != nil {
			return err
		}
		inq.Instruction, inq.Via = in, ViaInstruction
		return nil
	}
	if !ok {
		if via, err = e.Cases.CaseloadVia(ctx, registry, number, u.IIN); err != nil {
			return err
		}
	}
	if via == "" {
		return forbidden(ReasonCaseNotInCaseload, "000 §5, §21", "case %s is not in the user's caseload (nor of an investigative group of the user)", number)
	}
	inq.Via = via
	return nil
}

// openLegalAssistance verifies an international request (no case).
func (e *Enforcer) openLegalAssistance(ctx context.Context, u *sio.User, in InstructionRequest, inq *Inquiry) error {
	la, err := e.Cases.LegalAssistance(ctx, in.CoverLetterNumber)
	if err != nil {
		return err
	}
	// A request is identified by all three numbers together: any mismatch
	// is "not registered", telling nothing of the others.
	if la == nil || !sameName(la.Number, in.Number) || !sameName(la.RequestingBody, in.RequestingBody) {
		return forbidden(ReasonInstructionNotFound, "000 §22", "no international request %s of %s is registered under cover letter %s",
			in.Number, in.RequestingBody, in.CoverLetterNumber)
	}
	if err := e.executable(u, la.ExecutorIIN, la.Status, la.DueAt, "international request "+la.Number); err != nil {
		return err
	}
	inq.LegalAssistance, inq.Via = la, ViaLegalAssistance
	return nil
}

// executable checks that the user may act on an instruction: its executor,
// open, not overdue.
func (e *Enforcer) executable(u *sio.User, executor sio.IIN, status string, due sio.Date, what string) error {
	switch {
	case executor != u.IIN:
		return forbidden(ReasonInstructionNotForUser, "000 §22", "%s is executed by another official", what)
	case status != InstructionOpen:
		return forbidden(ReasonInstructionClosed, "000 §22", "%s is %s", what, strings.ToLower(status))
	case due.Before(e.today().Time):
		return forbidden(ReasonInstructionExpired, "000 §22", "%s was due on %s", what, due)
	}
	return nil
}

// attachSanction looks up the named court sanction: registered for the
// case, it is kept on the inquiry; otherwise the problem is (COURT_SANCTION
// services are then refused, the rest of the inquiry stands).
func (e *Enforcer) attachSanction(ctx context.Context, number string, inq *Inquiry) error {
	s, err := e.Cases.CourtSanction(ctx, number)
	if err != nil {
		return err
	}
	switch {
	case s == nil:
		inq.SanctionProblem = "court sanction " + number + " is not registered in ЕАИАС"
	case s.Registry != inq.Case.Registry || s.CaseNumber != inq.Case.Number:
		inq.SanctionProblem = "court sanction " + number + " was granted on another case"
	default:
		inq.CourtSanction = s
	}
	return nil
}

// sanctionValid checks the inquiry's court sanction at the current date.
func (e *Enforcer) sanctionValid(inq *Inquiry) string {
	s := inq.CourtSanction
	today := e.today().Time
	switch {
	case s == nil && inq.SanctionProblem != "":
		return inq.SanctionProblem
	case s == nil:
		return "the basis names no court sanction (basis.courtSanction)"
	case s.Status != SanctionGranted:
		return "court sanction " + s.Number + " is " + strings.ToLower(s.Status)
	case today.Before(s.ValidFrom.Time):
		return "court sanction " + s.Number + " is valid from " + s.ValidFrom.String()
	case today.After(s.ValidUntil.Time):
		return "court sanction " + s.Number + " expired on " + s.ValidUntil.String()
	}
	return ""
}

// sameName compares names and numbers as a person types them: case and
// runs of spaces do not matter.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
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
		if !e.Policy.ArticleCovered(inq.Basis, inq.Article()) {
			return "", forbidden(ReasonArticleNotCovered, d.Source.String(), "service %s is available only for the criminal-code articles of the list", service)
		}
		return AccessFull, nil
	case AccessMVDOnly:
		if inq.User.AgencyCode != AgencyMVD {
			return "", forbidden(ReasonAgencyOnly, d.Source.String(), "service %s is available under this basis to internal-affairs bodies only", service)
		}
		return AccessFull, nil
	case AccessCourtSanction:
		if problem := e.sanctionValid(inq); problem != "" {
			return "", forbidden(ReasonCourtSanctionRequired, d.Source.String()+"; 000 §28",
				"service %s requires a valid electronic court sanction on the case: %s", service, problem)
		}
		return AccessFull, nil
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
// the field's depth argument, the service depthCodes names for it (a depth
// beyond depthCodes is refused as bad input: no service covers it). On an
// argument or input field (gqlgen calls the directive with the raw
// arguments or input object, a map, as obj, and next yields the value) a
// given value is checked the same way: a filter by a service's data is as
// good as reading it.
func (e *Enforcer) ServiceDirective(ctx context.Context, obj any, next graphql.Resolver, code string, depthCodes []string) (any, error) {
	inq := InquiryFrom(ctx)
	trail := audit.TrailFrom(ctx)
	check := func(service string) (Access, error) {
		a, err := e.Check(inq, service)
		if se, ok := err.(*sio.Error); ok && se.Service == "" {
			se.Service = service
		}
		return a, err
	}
	if _, isInput := obj.(map[string]any); isInput {
		v, err := next(ctx)
		if err != nil || isNil(v) {
			return v, err
		}
		if _, err := check(code); err != nil {
			return nil, err
		}
		trail.Service(code)
		return v, nil
	}
	access, err := check(code)
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
			if _, err := check(c); err != nil {
				return nil, err
			}
			trail.Service(c)
		}
	}
	trail.Service(code)
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		trail.Subjects(lookupKeys(fc.Args)...)
	}
	return next(context.WithValue(ctx, accessKey{}, access))
}

// notKeys are arguments that shape a result rather than name what is looked
// up.
var notKeys = map[string]bool{"first": true, "after": true, "depth": true, "maxNodes": true, "perNode": true,
	"kinds": true, "format": true, "current": true}

// lookupKeys lists the values of a field's arguments that name what is
// looked up (identifiers, numbers, search terms), for the audit record.
func lookupKeys(args map[string]any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		if v == nil {
			return
		}
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
			if !rv.IsNil() {
				walk(rv.Elem().Interface())
			}
			return
		}
		switch x := v.(type) {
		case string:
			out = append(out, x)
			return
		case fmt.Stringer:
			out = append(out, x.String())
			return
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
			return
		}
		switch rv.Kind() {
		case reflect.String:
			out = append(out, rv.String())
		case reflect.Slice, reflect.Array:
			for i := 0; i < rv.Len(); i++ {
				walk(rv.Index(i).Interface())
			}
		case reflect.Struct:
			for i := 0; i < rv.NumField(); i++ {
				if rv.Type().Field(i).IsExported() {
					walk(rv.Field(i).Interface())
				}
			}
		}
	}
	for k, v := range args {
		if !notKeys[k] {
			walk(v)
		}
	}
	return out
}

// isNil reports whether an argument value is absent: nil, or a nil pointer,
// slice or map.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	switch r := reflect.ValueOf(v); r.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return r.IsNil()
	}
	return false
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
