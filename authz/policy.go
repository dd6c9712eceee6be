package authz

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// The access policy of СИО ПСО, read from two legal texts: doc "000" (Приказ
// Генпрокурора № 151: criminal, administrative, civil, primary-check,
// enforcement and search-case requests) and doc "002" (совместный приказ
// № 150: ОРД, НСД, розыскные мероприятия and other tasks). policy.yaml is the
// single source of truth; this file only types, validates and compiles it.

//go:embed policy.yaml
var policyYAML []byte

// Access is the qualifier of a service rule. The caller enforces every value
// but FULL with case and user data.
type Access string

// Access values.
const (
	// AccessFull: "+".
	AccessFull Access = "FULL"
	// AccessTruncated: "+усеченный", pension contributions without amounts.
	AccessTruncated Access = "TRUNCATED"
	// AccessArticlesOnly: КГД services, only when the case article is in the
	// article list of the basis (see Policy.ArticleCovered).
	AccessArticlesOnly Access = "ARTICLES_ONLY"
	// AccessMVDOnly: "только МВД", only users of internal-affairs bodies.
	AccessMVDOnly Access = "MVD_ONLY"
	// AccessCourtSanction: postal items, only with an electronic court
	// sanction (doc 000 §28).
	AccessCourtSanction Access = "COURT_SANCTION"
)

// Valid reports whether a is one of the five access values.
func (a Access) Valid() bool {
	switch a {
	case AccessFull, AccessTruncated, AccessArticlesOnly, AccessMVDOnly, AccessCourtSanction:
		return true
	}
	return false
}

// Decision reasons (Decision.Reason). ROLE_NOT_ALLOWED_FOR_BASIS is
// ReasonRoleNotAllowedForBasis, declared with the enforcer's reasons.
const (
	ReasonUnknownRole               = "UNKNOWN_ROLE"
	ReasonUnknownBasis              = "UNKNOWN_BASIS"
	ReasonUnknownService            = "UNKNOWN_SERVICE"
	ReasonServiceNotAllowedForBasis = "SERVICE_NOT_ALLOWED_FOR_BASIS"
	reasonRoleNotAllowed            = "ROLE_NOT_ALLOWED_FOR_BASIS"
)

// Qualifier of a roleBases entry: "+ (учетно-регистрационная дисциплина)".
const QualifierAccountingRegistrationDiscipline = "ACCOUNTING_REGISTRATION_DISCIPLINE"

// Source cites the place of a legal text an entry was read from.
type Source struct {
	Doc         string `yaml:"doc"`      // "000" or "002"
	Appendix    string `yaml:"appendix"` // appendix number, e.g. "2"
	Row         string `yaml:"row"`      // row number as printed, or a label ("note")
	Col         string `yaml:"col"`      // 1-based data column, when the row has several
	Interpreted bool   `yaml:"interpreted"`
	Note        string `yaml:"note"`
}

// String renders the source as "000/App2/row11/col2", with " (interpreted)"
// appended for interpreted readings; "" for the zero Source.
func (s Source) String() string {
	if s.Doc == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Doc)
	if s.Appendix != "" {
		b.WriteString("/App")
		b.WriteString(s.Appendix)
	}
	if s.Row != "" {
		b.WriteByte('/')
		if isDigits(s.Row) {
			b.WriteString("row")
		}
		b.WriteString(s.Row)
	}
	if s.Col != "" {
		b.WriteString("/col")
		b.WriteString(s.Col)
	}
	if s.Interpreted {
		b.WriteString(" (interpreted)")
	}
	return b.String()
}

// Agency is a body whose employees hold roles.
type Agency struct {
	Code   string `yaml:"code"`
	NameRu string `yaml:"nameRu"`
}

// Role is a user role of doc 000 App.1 and/or doc 002 App.12.
type Role struct {
	Code      string   `yaml:"code"`
	NameRu    string   `yaml:"nameRu"`    // wording of the first source
	AliasesRu []string `yaml:"aliasesRu"` // wording of the other source, when merged
	Agencies  []string `yaml:"agencies"`
	Sources   []Source `yaml:"sources"`
	Note      string   `yaml:"note"`
}

// Basis is a legal basis of a request. A basis with a Parent is a sub-basis
// (doc 002 App.4-7); with InheritRoles it is open to the roles holding the
// parent that share one of its Agencies.
type Basis struct {
	Code         string   `yaml:"code"`
	NameRu       string   `yaml:"nameRu"`
	Parent       string   `yaml:"parent"`
	Agencies     []string `yaml:"agencies"`
	InheritRoles bool     `yaml:"inheritRoles"`
	Source       Source   `yaml:"source"`
	// Request is what a request under a top-level basis must name; a
	// sub-basis uses its parent's (see Policy.Request).
	Request *RequestRule `yaml:"request"`
}

// Requirement levels of a RequestRule.
const (
	Required = "REQUIRED"
	Optional = "OPTIONAL"
)

// RequestRule is what the rules require of a request under a basis: the
// registry its case is verified in, whether a case number is required, the
// court data of ЕАИАС (number, year, court), the instructions that may open
// another's case, and whether the justification text is required.
type RequestRule struct {
	Registry      string   `yaml:"registry"`
	Case          string   `yaml:"case"`
	CourtData     bool     `yaml:"courtData"`
	Instructions  []string `yaml:"instructions"`
	Justification string   `yaml:"justification"`
	// Ref cites the paragraphs of the rules, e.g. "000 §21, §22".
	Ref         string `yaml:"ref"`
	Interpreted bool   `yaml:"interpreted"`
	Note        string `yaml:"note"`
}

// AllowsInstruction reports whether an instruction of the kind may serve
// as the basis of the request.
func (r RequestRule) AllowsInstruction(kind string) bool {
	for _, k := range r.Instructions {
		if k == kind {
			return true
		}
	}
	return false
}

// Service is a state database (row of doc 000 App.2).
type Service struct {
	Code      string   `yaml:"code"`
	Number    int      `yaml:"number"`    // row of doc 000 App.2
	Number002 int      `yaml:"number002"` // row of doc 002 App.1-7, 0 if absent
	NameRu    string   `yaml:"nameRu"`
	NameRu002 string   `yaml:"nameRu002"`
	Footnotes []string `yaml:"footnotes"` // footnote codes
	Source    Source   `yaml:"source"`
}

// Footnote is a note of the service tables and the access it stands for.
type Footnote struct {
	Code   string         `yaml:"code"`
	Access Access         `yaml:"access"`
	TextRu string         `yaml:"textRu"`
	Marks  []FootnoteMark `yaml:"marks"`
}

// FootnoteMark is where a footnote appears, under which mark.
type FootnoteMark struct {
	Mark   string `yaml:"mark"`
	Source Source `yaml:"source"`
}

// RoleBase is a "+" of a roles x bases table: Role may make requests under
// Basis.
type RoleBase struct {
	Role        string `yaml:"role"`
	Basis       string `yaml:"basis"`
	Qualifier   string `yaml:"qualifier"`
	QualifierRu string `yaml:"qualifierRu"`
	Source      Source `yaml:"source"`
}

// ServiceRule is a non-empty cell of a services x bases table.
type ServiceRule struct {
	Basis   string `yaml:"basis"`
	Service string `yaml:"service"`
	Access  Access `yaml:"access"`
	Source  Source `yaml:"source"`
}

// ArticleList is a list of criminal-code articles; it applies to every basis
// whose source is Doc. Items are "214 ч.1" (article and part) or "220"
// (whole article).
type ArticleList struct {
	Code   string   `yaml:"code"`
	Doc    string   `yaml:"doc"`
	NameRu string   `yaml:"nameRu"`
	Items  []string `yaml:"items"`
	Source Source   `yaml:"source"`
}

// Decision is the answer of Policy.Decide.
type Decision struct {
	Allowed bool
	// Access is the qualifier of the rule when allowed.
	Access Access
	// Reason is "" when allowed, else one of UNKNOWN_ROLE, UNKNOWN_BASIS,
	// UNKNOWN_SERVICE, ROLE_NOT_ALLOWED_FOR_BASIS, SERVICE_NOT_ALLOWED_FOR_BASIS.
	Reason string
	// RoleQualifier is the qualifier of the role's permission for the basis
	// (e.g. ACCOUNTING_REGISTRATION_DISCIPLINE), "" if none.
	RoleQualifier string
	// Source cites the service rule when allowed.
	Source Source
}

// Policy is the parsed, validated and compiled access policy. The exported
// slices are the raw lists of policy.yaml; Decide reads compiled copies. A
// Policy is immutable after Parse and safe for concurrent use.
type Policy struct {
	Agencies     []Agency
	Roles        []Role
	Bases        []Basis
	Services     []Service
	Footnotes    []Footnote
	RoleBases    []RoleBase
	ServiceRules []ServiceRule
	Articles     []ArticleList

	roleIdx    map[string]int32
	basisIdx   map[string]int32
	serviceIdx map[string]int32
	serviceNum map[int]int32
	nBases     int
	nServices  int
	// roleBasis[role*nBases+basis]: index into roleBases granting the role
	// the basis (for an inherited sub-basis, the parent's entry), -1 if none.
	roleBasis []int32
	roleBases []RoleBase
	// rule[basis*nServices+service]: index into rules, -1 if none.
	rule  []int32
	rules []ServiceRule
	// articlesOf[basis]: set of list items applying to the basis, nil if none.
	articlesOf []map[string]struct{}
	// request[basis]: the request rule of the basis or of its parent.
	request []*RequestRule
	// hasChildren[basis]: the basis is an umbrella of sub-bases.
	hasChildren []bool
	// Citations of empty cells, precomputed so that Decide does not
	// allocate: roleRow[doc][role] is the role's row in that document's
	// roles table; serviceRow[doc][service] the service's row in its
	// services tables.
	roleRow    map[string][]string
	serviceRow map[string][]string
	// roleCol[basis]: the basis' column in its roles table.
	roleCol []string
}

type document struct {
	Agencies     []Agency      `yaml:"agencies"`
	Roles        []Role        `yaml:"roles"`
	Bases        []Basis       `yaml:"bases"`
	Services     []Service     `yaml:"services"`
	Footnotes    []Footnote    `yaml:"footnotes"`
	RoleBases    []RoleBase    `yaml:"roleBases"`
	ServiceRules []ServiceRule `yaml:"serviceRules"`
	Articles     []ArticleList `yaml:"articles"`
}

// Load parses, validates and compiles the embedded policy.yaml.
func Load() (*Policy, error) { return Parse(policyYAML) }

// Parse parses, validates and compiles a policy document. Unknown fields,
// unknown or duplicate codes, bad access values and malformed articles are
// errors (all of them are reported).
func Parse(data []byte) (*Policy, error) {
	var d document
	if err := yaml.UnmarshalWithOptions(data, &d, yaml.DisallowUnknownField()); err != nil {
		return nil, fmt.Errorf("authz: policy: %w", err)
	}
	p := &Policy{
		Agencies: d.Agencies, Roles: d.Roles, Bases: d.Bases, Services: d.Services,
		Footnotes: d.Footnotes, RoleBases: d.RoleBases, ServiceRules: d.ServiceRules, Articles: d.Articles,
	}
	if err := p.compile(); err != nil {
		return nil, err
	}
	return p, nil
}

var (
	codeRe        = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
	articleItemRe = regexp.MustCompile(`^\d+(?:[.-]\d+)?(?: ч\.\d+)?$`)
	docs          = map[string]bool{"000": true, "002": true}
	registries    = map[string]bool{RegistryERDR: true, RegistryAISSU: true, RegistryEAIAS: true, RegistryAISOIP: true, RegistryORD: true}
)

type errList []error

func (e *errList) add(format string, args ...any) {
	*e = append(*e, fmt.Errorf(format, args...))
}

func (p *Policy) compile() error {
	var errs errList
	checkCode := func(kind, code string) {
		if !codeRe.MatchString(code) {
			errs.add("%s %q: code must be UPPER_SNAKE", kind, code)
		}
	}
	checkSource := func(what string, s Source) {
		if !docs[s.Doc] {
			errs.add("%s: source doc %q must be \"000\" or \"002\"", what, s.Doc)
		}
		if s.Appendix == "" {
			errs.add("%s: source has no appendix", what)
		}
		if s.Interpreted && s.Note == "" {
			errs.add("%s: interpreted source needs a note", what)
		}
	}

	agencies := map[string]bool{}
	for _, a := range p.Agencies {
		checkCode("agency", a.Code)
		if agencies[a.Code] {
			errs.add("agency %s: duplicate code", a.Code)
		}
		agencies[a.Code] = true
	}
	checkAgencies := func(what string, list []string) {
		for _, a := range list {
			if !agencies[a] {
				errs.add("%s: unknown agency %q", what, a)
			}
		}
	}

	p.roleIdx = make(map[string]int32, len(p.Roles))
	for i, r := range p.Roles {
		what := "role " + r.Code
		checkCode("role", r.Code)
		if _, dup := p.roleIdx[r.Code]; dup {
			errs.add("%s: duplicate code", what)
		}
		p.roleIdx[r.Code] = int32(i)
		if strings.TrimSpace(r.NameRu) == "" {
			errs.add("%s: nameRu is empty", what)
		}
		if len(r.Sources) == 0 {
			errs.add("%s: no source", what)
		}
		for _, s := range r.Sources {
			checkSource(what, s)
		}
		checkAgencies(what, r.Agencies)
	}

	p.basisIdx = make(map[string]int32, len(p.Bases))
	for i, b := range p.Bases {
		checkCode("basis", b.Code)
		if _, dup := p.basisIdx[b.Code]; dup {
			errs.add("basis %s: duplicate code", b.Code)
		}
		p.basisIdx[b.Code] = int32(i)
	}
	for _, b := range p.Bases {
		what := "basis " + b.Code
		if strings.TrimSpace(b.NameRu) == "" {
			errs.add("%s: nameRu is empty", what)
		}
		checkSource(what, b.Source)
		checkAgencies(what, b.Agencies)
		if b.Parent != "" {
			pi, ok := p.basisIdx[b.Parent]
			switch {
			case !ok:
				errs.add("%s: unknown parent %q", what, b.Parent)
			case b.Parent == b.Code || p.Bases[pi].Parent != "":
				errs.add("%s: parent %s must be a top-level basis", what, b.Parent)
			case p.Bases[pi].Source.Doc != b.Source.Doc:
				errs.add("%s: parent %s is from another document", what, b.Parent)
			}
		} else if b.InheritRoles || len(b.Agencies) > 0 {
			errs.add("%s: inheritRoles/agencies need a parent", what)
		}
	}

	p.request = make([]*RequestRule, len(p.Bases))
	p.hasChildren = make([]bool, len(p.Bases))
	for i := range p.Bases {
		b := &p.Bases[i]
		what := "basis " + b.Code
		if b.Parent != "" {
			if b.Request != nil {
				errs.add("%s: a sub-basis uses its parent's request rule", what)
			}
			if pi, ok := p.basisIdx[b.Parent]; ok {
				p.hasChildren[pi] = true
				p.request[i] = p.Bases[pi].Request
			}
			continue
		}
		p.request[i] = b.Request
		r := b.Request
		if r == nil {
			errs.add("%s: no request rule", what)
			continue
		}
		if !registries[r.Registry] {
			errs.add("%s: request: unknown registry %q", what, r.Registry)
		}
		if r.Case != Required && r.Case != Optional {
			errs.add("%s: request: case must be REQUIRED or OPTIONAL", what)
		}
		if r.Justification != Required && r.Justification != Optional {
			errs.add("%s: request: justification must be REQUIRED or OPTIONAL", what)
		}
		for _, k := range r.Instructions {
			if k != InstructionInvestigative && k != InstructionProsecutor && k != InstructionInternational {
				errs.add("%s: request: unknown instruction kind %q", what, k)
			}
		}
		if r.CourtData && r.Registry != RegistryEAIAS {
			errs.add("%s: request: court data are verified in EAIAS only", what)
		}
		if r.Ref == "" {
			errs.add("%s: request: no ref", what)
		}
		if r.Interpreted && r.Note == "" {
			errs.add("%s: request: interpreted without a note", what)
		}
	}

	footnotes := map[string]bool{}
	for _, f := range p.Footnotes {
		checkCode("footnote", f.Code)
		if footnotes[f.Code] {
			errs.add("footnote %s: duplicate code", f.Code)
		}
		footnotes[f.Code] = true
		if !f.Access.Valid() {
			errs.add("footnote %s: bad access %q", f.Code, f.Access)
		}
		for _, m := range f.Marks {
			checkSource("footnote "+f.Code, m.Source)
		}
	}

	p.serviceIdx = make(map[string]int32, len(p.Services))
	p.serviceNum = make(map[int]int32, len(p.Services))
	num002 := map[int]string{}
	for i, s := range p.Services {
		what := "service " + s.Code
		checkCode("service", s.Code)
		if _, dup := p.serviceIdx[s.Code]; dup {
			errs.add("%s: duplicate code", what)
		}
		p.serviceIdx[s.Code] = int32(i)
		if s.Number <= 0 {
			errs.add("%s: number must be positive", what)
		} else if _, dup := p.serviceNum[s.Number]; dup {
			errs.add("%s: duplicate number %d", what, s.Number)
		}
		p.serviceNum[s.Number] = int32(i)
		if s.Number002 < 0 {
			errs.add("%s: number002 must not be negative", what)
		} else if s.Number002 > 0 {
			if other, dup := num002[s.Number002]; dup {
				errs.add("%s: number002 %d already used by %s", what, s.Number002, other)
			}
			num002[s.Number002] = s.Code
		}
		if strings.TrimSpace(s.NameRu) == "" {
			errs.add("%s: nameRu is empty", what)
		}
		for _, f := range s.Footnotes {
			if !footnotes[f] {
				errs.add("%s: unknown footnote %q", what, f)
			}
		}
		checkSource(what, s.Source)
	}

	nR, nB, nS := len(p.Roles), len(p.Bases), len(p.Services)
	p.nBases, p.nServices = nB, nS

	p.roleBases = append([]RoleBase(nil), p.RoleBases...)
	p.roleBasis = make([]int32, nR*nB)
	for i := range p.roleBasis {
		p.roleBasis[i] = -1
	}
	for i, rb := range p.roleBases {
		what := fmt.Sprintf("roleBases[%d] (%s x %s)", i, rb.Role, rb.Basis)
		ri, okR := p.roleIdx[rb.Role]
		bi, okB := p.basisIdx[rb.Basis]
		if !okR {
			errs.add("%s: unknown role %q", what, rb.Role)
		}
		if !okB {
			errs.add("%s: unknown basis %q", what, rb.Basis)
		}
		if rb.Qualifier != "" {
			checkCode(what+": qualifier", rb.Qualifier)
			if rb.QualifierRu == "" {
				errs.add("%s: qualifier needs qualifierRu", what)
			}
		}
		checkSource(what, rb.Source)
		if !okR || !okB {
			continue
		}
		k := int(ri)*nB + int(bi)
		if p.roleBasis[k] >= 0 {
			errs.add("%s: duplicate entry", what)
		}
		p.roleBasis[k] = int32(i)
	}
	// Inheritance: a sub-basis with inheritRoles is open to the roles that
	// hold its parent and share one of its agencies (doc 002 §5-§8, §20).
	for bi, b := range p.Bases {
		pi, ok := p.basisIdx[b.Parent]
		if !b.InheritRoles || !ok {
			continue
		}
		for ri, r := range p.Roles {
			k := ri*nB + bi
			parent := p.roleBasis[ri*nB+int(pi)]
			if p.roleBasis[k] >= 0 || parent < 0 || !shareAgency(r.Agencies, b.Agencies) {
				continue
			}
			p.roleBasis[k] = parent
		}
	}

	// Citations of denials: the role's row (and the basis column) of the
	// roles table, the service's row of the basis' services table.
	p.roleRow = map[string][]string{"000": make([]string, nR), "002": make([]string, nR)}
	for ri, r := range p.Roles {
		for _, s := range r.Sources {
			if rows, ok := p.roleRow[s.Doc]; ok {
				rows[ri] = s.Row
			}
		}
	}
	p.serviceRow = map[string][]string{"000": make([]string, nS), "002": make([]string, nS)}
	for si, s := range p.Services {
		p.serviceRow["000"][si] = strconv.Itoa(s.Number)
		if s.Number002 > 0 {
			p.serviceRow["002"][si] = strconv.Itoa(s.Number002)
		}
	}
	p.roleCol = make([]string, nB)
	for _, rb := range p.roleBases {
		if bi, ok := p.basisIdx[rb.Basis]; ok {
			if c := p.roleCol[bi]; c != "" && c != rb.Source.Col {
				errs.add("roleBases (%s x %s): column %s, other entries of the basis say %s", rb.Role, rb.Basis, rb.Source.Col, c)
			}
			p.roleCol[bi] = rb.Source.Col
		}
	}
	for bi, b := range p.Bases {
		if pi, ok := p.basisIdx[b.Parent]; ok {
			p.roleCol[bi] = p.roleCol[pi]
		}
	}

	p.rules = append([]ServiceRule(nil), p.ServiceRules...)
	p.rule = make([]int32, nB*nS)
	for i := range p.rule {
		p.rule[i] = -1
	}
	for i, sr := range p.rules {
		what := fmt.Sprintf("serviceRules[%d] (%s x %s)", i, sr.Basis, sr.Service)
		bi, okB := p.basisIdx[sr.Basis]
		si, okS := p.serviceIdx[sr.Service]
		if !okB {
			errs.add("%s: unknown basis %q", what, sr.Basis)
		}
		if !okS {
			errs.add("%s: unknown service %q", what, sr.Service)
		}
		if !sr.Access.Valid() {
			errs.add("%s: bad access %q", what, sr.Access)
		}
		checkSource(what, sr.Source)
		if !okB || !okS {
			continue
		}
		k := int(bi)*nS + int(si)
		if p.rule[k] >= 0 {
			errs.add("%s: duplicate entry", what)
		}
		p.rule[k] = int32(i)
	}

	lists := map[string]map[string]struct{}{}
	listCodes := map[string]bool{}
	for _, l := range p.Articles {
		what := "articles " + l.Code
		checkCode("articles", l.Code)
		if listCodes[l.Code] {
			errs.add("%s: duplicate code", what)
		}
		listCodes[l.Code] = true
		if !docs[l.Doc] {
			errs.add("%s: doc %q must be \"000\" or \"002\"", what, l.Doc)
		} else if lists[l.Doc] != nil {
			errs.add("%s: second list for doc %s", what, l.Doc)
		}
		checkSource(what, l.Source)
		set := make(map[string]struct{}, len(l.Items))
		for _, it := range l.Items {
			if !articleItemRe.MatchString(it) {
				errs.add("%s: malformed item %q (want \"214 ч.1\" or \"220\")", what, it)
				continue
			}
			a, part, _ := parseArticle(it)
			key := articleKey(a, part)
			if _, dup := set[key]; dup {
				errs.add("%s: duplicate item %q", what, it)
			}
			set[key] = struct{}{}
		}
		lists[l.Doc] = set
	}
	p.articlesOf = make([]map[string]struct{}, nB)
	for bi, b := range p.Bases {
		p.articlesOf[bi] = lists[b.Source.Doc]
	}
	for _, sr := range p.rules {
		if bi, ok := p.basisIdx[sr.Basis]; ok && sr.Access == AccessArticlesOnly && p.articlesOf[bi] == nil {
			errs.add("serviceRules (%s x %s): ARTICLES_ONLY but no article list for doc %s", sr.Basis, sr.Service, p.Bases[bi].Source.Doc)
		}
	}

	if len(errs) > 0 {
		return fmt.Errorf("authz: invalid policy: %w", errors.Join(errs...))
	}
	return nil
}

func shareAgency(a, b []string) bool {
	if len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Decide tells whether role may read service under basis. Unknown codes fail
// closed (checked in the order role, basis, service); then the role must hold
// the basis (directly or, for a sub-basis, by inheritance) and the basis must
// have a rule for the service. When allowed, Access carries the rule's qualifier (the caller
// enforces ARTICLES_ONLY, MVD_ONLY, COURT_SANCTION and TRUNCATED with the case
// and user data) and Source cites the rule. Constant time, no allocation.
func (p *Policy) Decide(role, basis, service string) Decision {
	ri, ok := p.roleIdx[role]
	if !ok {
		return Decision{Reason: ReasonUnknownRole}
	}
	bi, ok := p.basisIdx[basis]
	if !ok {
		return Decision{Reason: ReasonUnknownBasis}
	}
	si, ok := p.serviceIdx[service]
	if !ok {
		return Decision{Reason: ReasonUnknownService}
	}
	rb := p.roleBasis[int(ri)*p.nBases+int(bi)]
	if rb < 0 {
		return Decision{Reason: reasonRoleNotAllowed, Source: p.roleCell(int(ri), int(bi))}
	}
	r := p.rule[int(bi)*p.nServices+int(si)]
	if r < 0 {
		b := &p.Bases[bi]
		return Decision{Reason: ReasonServiceNotAllowedForBasis, Source: Source{Doc: b.Source.Doc, Appendix: b.Source.Appendix,
			Row: p.serviceRow[b.Source.Doc][si], Col: b.Source.Col}}
	}
	rule := &p.rules[r]
	return Decision{Allowed: true, Access: rule.Access, RoleQualifier: p.roleBases[rb].Qualifier, Source: rule.Source}
}

// roleCell cites the (empty) cell of the roles table of the basis' document
// for the role: doc 000 App.1 or doc 002 App.12, the role's row (none if the
// role is not in that table) and the basis' column.
//
// A sub-basis refused to a role that holds its parent (the sub-basis is
// another agency's, doc 002 §5-§8) cites the sub-basis' appendix instead.
func (p *Policy) roleCell(ri, bi int) Source {
	b := &p.Bases[bi]
	if pi, ok := p.basisIdx[b.Parent]; ok && p.roleBasis[ri*p.nBases+int(pi)] >= 0 {
		return Source{Doc: b.Source.Doc, Appendix: b.Source.Appendix}
	}
	doc := b.Source.Doc
	app := "1"
	if doc == "002" {
		app = "12"
	}
	return Source{Doc: doc, Appendix: app, Row: p.roleRow[doc][ri], Col: p.roleCol[bi]}
}

// RoleDenial cites the empty cell of the roles table that refuses role the
// basis (zero Source for unknown codes).
func (p *Policy) RoleDenial(role, basis string) Source {
	ri, okR := p.roleIdx[role]
	bi, okB := p.basisIdx[basis]
	if !okR || !okB {
		return Source{}
	}
	return p.roleCell(int(ri), int(bi))
}

// Request returns the request rule of the basis (a sub-basis: its
// parent's).
func (p *Policy) Request(basis string) (RequestRule, bool) {
	bi, ok := p.basisIdx[basis]
	if !ok || p.request[bi] == nil {
		return RequestRule{}, false
	}
	return *p.request[bi], true
}

// Requestable reports whether a request may name the basis: every basis
// but an umbrella of sub-bases ("иные задачи": the user picks one of the
// bases of doc 002 App.4-7, §20).
func (p *Policy) Requestable(basis string) bool {
	bi, ok := p.basisIdx[basis]
	return ok && !p.hasChildren[bi]
}

// RoleBasis returns the roleBases entry that lets role make requests under
// basis: its own entry, or for an inherited sub-basis the parent's entry
// (whose Basis is the parent).
func (p *Policy) RoleBasis(role, basis string) (RoleBase, bool) {
	ri, okR := p.roleIdx[role]
	bi, okB := p.basisIdx[basis]
	if !okR || !okB {
		return RoleBase{}, false
	}
	rb := p.roleBasis[int(ri)*p.nBases+int(bi)]
	if rb < 0 {
		return RoleBase{}, false
	}
	return p.roleBases[rb], true
}

// Role returns the role with the code.
func (p *Policy) Role(code string) (Role, bool) {
	i, ok := p.roleIdx[code]
	if !ok {
		return Role{}, false
	}
	return p.Roles[i], true
}

// Basis returns the basis with the code.
func (p *Policy) Basis(code string) (Basis, bool) {
	i, ok := p.basisIdx[code]
	if !ok {
		return Basis{}, false
	}
	return p.Bases[i], true
}

// Service returns the service with the code.
func (p *Policy) Service(code string) (Service, bool) {
	i, ok := p.serviceIdx[code]
	if !ok {
		return Service{}, false
	}
	return p.Services[i], true
}

// ServiceByNumber returns the service of row n of doc 000 App.2.
func (p *Policy) ServiceByNumber(n int) (Service, bool) {
	i, ok := p.serviceNum[n]
	if !ok {
		return Service{}, false
	}
	return p.Services[i], true
}

// ArticleCovered reports whether a case article is in the article list that
// applies to basis (doc 000 App.3 for doc-000 bases, doc 002 App.8 for doc-002
// bases and their sub-bases). The article is "214 ч.1", "214 часть 1",
// "ст. 214 ч. 1 п. 2" or "214"; several may be separated by "," or ";" and
// the case is covered if any one is. A part-qualified article is covered by
// its exact item or by a whole-article item; a bare article only by a
// whole-article item (fail closed). "190.2"/"190-2" is a distinct article
// number, not article 190 part 2. Unknown bases and malformed articles are
// not covered.
func (p *Policy) ArticleCovered(basis, article string) bool {
	bi, ok := p.basisIdx[basis]
	if !ok || p.articlesOf[bi] == nil {
		return false
	}
	set := p.articlesOf[bi]
	for _, q := range strings.FieldsFunc(article, func(r rune) bool { return r == ',' || r == ';' }) {
		a, part, ok := parseArticle(q)
		if !ok {
			continue
		}
		if _, ok := set[articleKey(a, "")]; ok {
			return true
		}
		if part != "" {
			if _, ok := set[articleKey(a, part)]; ok {
				return true
			}
		}
	}
	return false
}

var caseArticleRe = regexp.MustCompile(`^(?:ст(?:атья|\.)?\s*)?(\d+(?:[.-]\d+)?)\s*(?:(?:ч\.?|часть)\s*(\d+))?\s*(?:(?:п\.?|пункт)\s*\d+)?$`)

// parseArticle splits "214 ч.1" into ("214", "1").
func parseArticle(s string) (article, part string, ok bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	m := caseArticleRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	return strings.ReplaceAll(m[1], "-", "."), m[2], true
}

func articleKey(article, part string) string {
	if part == "" {
		return article
	}
	return article + " ч." + part
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
