package resolvers

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/graph/model"
	"sio/links"
	"sio/oversight"
)

// Reports over the Log-journal and the prosecutor's checks. These fields
// read SIO's own stores, not state databases (@system); their access rule
// is the caller's office, decided in one place: oversee.

// AccountAdmin is what the oversight and administration fields need of
// SIO's accounts (accounts.Store).
type AccountAdmin interface {
	sio.UserDirectory
	Duties(ctx context.Context, iin sio.IIN) ([]string, error)
	AllDuties(ctx context.Context) (map[sio.IIN][]string, error)
	SetDuty(ctx context.Context, iin sio.IIN, duty string, held bool) error
	Register(ctx context.Context, u sio.User) error
	ChangeRole(ctx context.Context, iin sio.IIN, role, agency, position string) error
	SetBlocked(ctx context.Context, iin sio.IIN, blocked bool) error
}

// now is the clock of the log and the administrative journals: the real
// one (the sandbox's snapshot clock only dates the validity checks of the
// synthetic registries).
func (r *Resolver) now() time.Time {
	if r.Clock != nil {
		return r.Clock()
	}
	return time.Now()
}

// caller is the authenticated user with the account duties.
func (r *Resolver) caller(ctx context.Context) (*sio.User, []string, error) {
	p, err := r.principal(ctx)
	if err != nil {
		return nil, nil, err
	}
	duties, err := r.Accounts.Duties(ctx, p.User.IIN)
	if err != nil {
		return nil, nil, r.source(ctx, "sio_accounts", err)
	}
	return p.User, duties, nil
}

// oversee is the access rule of every oversight and administration field:
// the caller must hold one of the offices (authz.Oversee). A read of the
// log (logRead) is marked in the request's trail first, so that the audit
// record is LOG_READ whether the read is allowed or refused.
func (r *Resolver) oversee(ctx context.Context, logRead bool, offices ...authz.Office) (*authz.Overseer, error) {
	if logRead {
		audit.TrailFrom(ctx).LogRead()
	}
	u, duties, err := r.caller(ctx)
	if err != nil {
		return nil, err
	}
	return authz.Oversee(u, duties, offices...)
}

// text trims a text argument (runs of spaces collapse) and checks it is
// given (if required) and at most max characters.
func text(arg, v string, max int, required bool) (string, error) {
	v = strings.Join(strings.Fields(v), " ")
	switch {
	case required && v == "":
		return "", badInput(arg, "required")
	case utf8.RuneCountInString(v) > max:
		return "", badInput(arg, "at most %d characters", max)
	}
	return v, nil
}

func period(arg string, p model.PeriodInput) (oversight.Period, error) {
	per, err := oversight.NewPeriod(p.From, p.To)
	if se, ok := err.(*sio.Error); ok {
		se.Argument, se.Message = arg, arg+strings.TrimPrefix(se.Message, "period")
	}
	return per, err
}

func parseID(arg, id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return 0, badInput(arg, "not an identifier")
	}
	return n, nil
}

// Log pages are keyset-paged: the cursor holds the seq of the last record
// of the page (records are listed newest first).
func seqCursor(seq int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("s:" + strconv.FormatInt(seq, 10)))
}

func logPage(first *int, after *string) (limit int, before int64, err error) {
	limit = 20
	if first != nil {
		limit = *first
	}
	if limit < 0 || limit > MaxPageSize {
		return 0, 0, badInput("first", "must be between 0 and %d", MaxPageSize)
	}
	if after != nil && *after != "" {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		s, ok := strings.CutPrefix(string(b), "s:")
		n, perr := strconv.ParseInt(s, 10, 64)
		if err != nil || !ok || perr != nil || n <= 0 {
			return 0, 0, badInput("after", "not a cursor of this connection")
		}
		before = n
	}
	return limit, before, nil
}

// requestPage reads one page of the log (limit records before the
// cursor) and tells whether more follow.
func (r *Resolver) requestPage(ctx context.Context, f audit.Filter, first *int, after *string) ([]oversight.Request, int, *model.PageInfo, error) {
	limit, before, err := logPage(first, after)
	if err != nil {
		return nil, 0, nil, err
	}
	f.Before, f.Limit = before, limit+1
	if limit == 0 {
		f.Limit = 1
	}
	reqs, total, err := r.Oversight.Requests(ctx, f)
	if err != nil {
		return nil, 0, nil, r.source(ctx, audit.Name, err)
	}
	info := &model.PageInfo{HasNextPage: len(reqs) > limit}
	reqs = reqs[:min(limit, len(reqs))]
	if len(reqs) > 0 {
		c := seqCursor(reqs[len(reqs)-1].Seq)
		info.EndCursor = &c
	}
	return reqs, total, info, nil
}

var recordKinds = map[string]bool{audit.KindInquiry: true, audit.KindMutation: true, audit.KindQuery: true,
	audit.KindLogRead: true, audit.KindAuthFailed: true}

func (r *queryResolver) LoggedRequests(ctx context.Context, filter model.LogFilter, first *int, after *string) (*model.LoggedRequestConnection, error) {
	ov, err := r.oversee(ctx, true, authz.OfficeOperator, authz.OfficeSupervisor)
	if err != nil {
		return nil, err
	}
	agency, err := ov.Agency(deref(filter.Agency))
	if err != nil {
		return nil, err
	}
	p, err := period("filter.period", *filter.Period)
	if err != nil {
		return nil, err
	}
	f := audit.Filter{From: p.Start(), To: p.End(), Agency: agency, Kinds: []string{audit.KindInquiry},
		Basis: deref(filter.Basis), Service: deref(filter.Service), DeniedOnly: deref(filter.DeniedOnly)}
	if filter.UserIin != nil {
		f.UserIIN = string(*filter.UserIin)
	}
	if filter.Kinds != nil {
		f.Kinds = filter.Kinds
		for _, k := range f.Kinds {
			if !recordKinds[k] {
				return nil, badInput("filter.kinds", "%q is not a kind of record (INQUIRY, MUTATION, QUERY, LOG_READ, AUTH_FAILED)", k)
			}
		}
	}
	if _, ok := r.Enforcer.Policy.Service(f.Service); f.Service != "" && !ok {
		return nil, badInput("filter.service", "unknown service %q (see policy.services)", f.Service)
	}
	if _, ok := r.Enforcer.Policy.Basis(f.Basis); f.Basis != "" && !ok {
		return nil, badInput("filter.basis", "unknown basis %q (see policy.bases)", f.Basis)
	}
	reqs, total, info, err := r.requestPage(ctx, f, first, after)
	if err != nil {
		return nil, err
	}
	edges := make([]model.LoggedRequestEdge, len(reqs))
	for i := range reqs {
		edges[i] = model.LoggedRequestEdge{Cursor: seqCursor(reqs[i].Seq), Node: &reqs[i]}
	}
	return &model.LoggedRequestConnection{TotalCount: total, Edges: edges, PageInfo: info}, nil
}

// agencyReport forms the report of ведомственный контроль: a responsible
// official's own agency, or the agency the operator names.
func (r *Resolver) agencyReport(ctx context.Context, p oversight.Period, agency *string) (*oversight.AgencyReport, error) {
	ov, err := r.oversee(ctx, true, authz.OfficeOperator, authz.OfficeSupervisor)
	if err != nil {
		return nil, err
	}
	a, err := ov.Agency(deref(agency))
	if err != nil {
		return nil, err
	}
	if a == "" {
		return nil, badInput("agency", "name the agency of the report (see policy.agencies)")
	}
	rep, err := r.Oversight.AgencyReport(ctx, a, p)
	if err != nil {
		return nil, r.source(ctx, audit.Name, err)
	}
	return rep, nil
}

func (r *queryResolver) AgencyReport(ctx context.Context, p model.PeriodInput, agency *string) (*oversight.AgencyReport, error) {
	per, err := period("period", p)
	if err != nil {
		return nil, err
	}
	return r.agencyReport(ctx, per, agency)
}

func (r *queryResolver) MonthlyReport(ctx context.Context, month string, agency *string) (*oversight.AgencyReport, error) {
	per, err := oversight.MonthPeriod(strings.TrimSpace(month))
	if err != nil {
		return nil, err
	}
	return r.agencyReport(ctx, per, agency)
}

func (r *queryResolver) OperatorReport(ctx context.Context, p model.PeriodInput) (*oversight.OperatorReport, error) {
	if _, err := r.oversee(ctx, true, authz.OfficeOperator); err != nil {
		return nil, err
	}
	per, err := period("period", p)
	if err != nil {
		return nil, err
	}
	rep, err := r.Oversight.OperatorReport(ctx, per)
	if err != nil {
		return nil, r.source(ctx, audit.Name, err)
	}
	return rep, nil
}

func exportFile(f oversight.File) links.File {
	return links.File{Name: f.Name, MediaType: f.MediaType, Content: f.Content}
}

type agencyReportResolver struct{ *Resolver }

func (r *agencyReportResolver) CSV(_ context.Context, rep *oversight.AgencyReport) ([]links.File, error) {
	fs := rep.CSV()
	out := make([]links.File, len(fs))
	for i, f := range fs {
		out[i] = exportFile(f)
	}
	return out, nil
}

type operatorReportResolver struct{ *Resolver }

func (r *operatorReportResolver) CSV(_ context.Context, rep *oversight.OperatorReport) (*links.File, error) {
	f := exportFile(rep.CSV())
	return &f, nil
}

// Prosecutor's checks.

// checkBasis names the постановление in the audit record of the request.
func checkBasis(ctx context.Context, c *sio.ProsecutorCheck) {
	audit.TrailFrom(ctx).Basis("PROSECUTOR_CHECK", c.ResolutionNumber,
		"проверка законности получения сведений пользователями "+c.Agency+" за "+c.From.String()+" — "+c.To.String())
}

func (r *mutationResolver) OpenProsecutorCheck(ctx context.Context, in model.ProsecutorCheckInput) (*sio.ProsecutorCheck, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeProsecutor)
	if err != nil {
		return nil, err
	}
	number, err := text("input.resolutionNumber", in.ResolutionNumber, 64, true)
	if err != nil {
		return nil, err
	}
	now := r.now()
	// A постановление is dated by its Astana calendar day (§29).
	if in.ResolutionDate.After(authz.AstanaDate(now).Time) {
		return nil, badInput("input.resolutionDate", "%s is in the future", in.ResolutionDate)
	}
	p, err := period("input.period", *in.Period)
	if err != nil {
		return nil, err
	}
	if !r.knownAgency(in.Agency) {
		return nil, badInput("input.agency", "unknown agency %q (see policy.agencies)", in.Agency)
	}
	c := &sio.ProsecutorCheck{ResolutionNumber: number, ResolutionDate: in.ResolutionDate, ProsecutorIIN: ov.User.IIN,
		Agency: in.Agency, From: p.From, To: p.To, OpenedAt: now.UTC()}
	checkBasis(ctx, c)
	if err := r.Admin.OpenProsecutorCheck(ctx, c); err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return c, nil
}

func (r *Resolver) knownAgency(code string) bool {
	for _, a := range r.Enforcer.Policy.Agencies {
		if a.Code == code {
			return true
		}
	}
	return false
}

func (r *queryResolver) ProsecutorChecks(ctx context.Context) ([]sio.ProsecutorCheck, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeProsecutor)
	if err != nil {
		return nil, err
	}
	cs, err := r.Admin.ProsecutorChecks(ctx, ov.User.IIN)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return nonNil(cs), nil
}

// ownCheck reads a check of the calling prosecutor.
func (r *Resolver) ownCheck(ov *authz.Overseer, c *sio.ProsecutorCheck) error {
	if c.ProsecutorIIN != ov.User.IIN {
		return authz.Forbidden(authz.ReasonNotOwnCheck, "000 §55; 002 §52", "check %d was opened by another prosecutor under another постановление", c.ID)
	}
	return nil
}

func (r *queryResolver) ProsecutorCheck(ctx context.Context, id string) (*sio.ProsecutorCheck, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeProsecutor)
	if err != nil {
		return nil, err
	}
	n, err := parseID("id", id)
	if err != nil {
		return nil, err
	}
	c, err := r.Admin.ProsecutorCheck(ctx, n)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	if c == nil {
		return nil, nil
	}
	if err := r.ownCheck(ov, c); err != nil {
		return nil, err
	}
	return c, nil
}

type prosecutorCheckResolver struct{ *Resolver }

// Requests reads, under the check's постановление, the agency's requests of
// the period with what the users obtained (the recorded responses).
func (r *prosecutorCheckResolver) Requests(ctx context.Context, c *sio.ProsecutorCheck, userIin *sio.IIN, first *int, after *string) (*model.CheckedRequestConnection, error) {
	ov, err := r.oversee(ctx, true, authz.OfficeProsecutor)
	if err != nil {
		return nil, err
	}
	if err := r.ownCheck(ov, c); err != nil {
		return nil, err
	}
	checkBasis(ctx, c)
	p := oversight.Period{From: c.From, To: c.To}
	f := audit.Filter{From: p.Start(), To: p.End(), Agency: c.Agency, Kinds: []string{audit.KindInquiry}, Blobs: true}
	if userIin != nil {
		f.UserIIN = string(*userIin)
	}
	reqs, total, info, err := r.requestPage(ctx, f, first, after)
	if err != nil {
		return nil, err
	}
	edges := make([]model.CheckedRequestEdge, len(reqs))
	for i := range reqs {
		req, err1 := reqs[i].RequestText()
		res, err2 := reqs[i].ResultText()
		if err1 != nil || err2 != nil {
			return nil, sio.Errorf(sio.EINTERNAL, "record %d: the stored request or result does not decompress", reqs[i].Seq)
		}
		edges[i] = model.CheckedRequestEdge{Cursor: seqCursor(reqs[i].Seq),
			Node: &model.CheckedRequest{Request: &reqs[i], RequestJSON: req, ResultJSON: res}}
	}
	return &model.CheckedRequestConnection{TotalCount: total, Edges: edges, PageInfo: info}, nil
}
