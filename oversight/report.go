package oversight

import (
	"context"
	"fmt"
	"sort"
	"time"

	"sio"
	"sio/audit"
	"sio/authz"
)

// MaxPeriodDays bounds a report's period.
const MaxPeriodDays = 366

// Period is a span of the Astana calendar, both dates included (seed 000
// §29: every parameter is fixed in Astana time).
type Period struct {
	From, To sio.Date
}

func badPeriod(arg, format string, args ...any) error {
	return &sio.Error{Code: sio.EBADINPUT, Argument: arg, Message: arg + ": " + fmt.Sprintf(format, args...)}
}

// NewPeriod checks a period: from not after to, at most MaxPeriodDays.
func NewPeriod(from, to sio.Date) (Period, error) {
	p := Period{From: from, To: to}
	switch {
	case from.IsZero() || to.IsZero():
		return p, badPeriod("period", "from and to are required")
	case to.Before(from.Time):
		return p, badPeriod("period", "from %s is after to %s", from, to)
	case to.Sub(from.Time) >= MaxPeriodDays*24*time.Hour:
		return p, badPeriod("period", "at most %d days", MaxPeriodDays)
	}
	return p, nil
}

// MonthPeriod is the calendar month "YYYY-MM".
func MonthPeriod(month string) (Period, error) {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return Period{}, badPeriod("month", "expected YYYY-MM, e.g. 2025-01")
	}
	return Period{From: sio.DateOf(t), To: sio.DateOf(t.AddDate(0, 1, -1))}, nil
}

// Start is the first instant of the period (midnight in Astana).
func (p Period) Start() time.Time { return astanaMidnight(p.From) }

// End is the first instant after the period.
func (p Period) End() time.Time { return astanaMidnight(sio.Date{Time: p.To.AddDate(0, 0, 1)}) }

func astanaMidnight(d sio.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, authz.Astana).UTC()
}

// Request is a logged request as the reports show it: the record, the
// user's name and the violations the request shows (UNUSUAL_VOLUME
// concerns a day, not a request: see the reports).
type Request struct {
	audit.Record
	UserName   string
	Violations []Violation
}

// DurationMs is how long the request took, in milliseconds.
func (r *Request) DurationMs() int { return int(r.DurationUS / 1000) }

// RequestText is the request as recorded (JSON text).
func (r *Request) RequestText() (string, error) {
	b, err := r.RequestJSON()
	return string(b), err
}

// ResultText is the response served (JSON text): what the user obtained.
func (r *Request) ResultText() (string, error) {
	b, err := r.ResultJSON()
	return string(b), err
}

// Requests reads the records of f (newest first) with each request's
// violations and the total count matching f.
func (d *Detector) Requests(ctx context.Context, f audit.Filter) ([]Request, int, error) {
	recs, err := d.Log.Find(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	total, err := d.Log.Count(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	users, err := d.directory(ctx)
	if err != nil {
		return nil, 0, err
	}
	out, _, err := d.annotate(ctx, recs, users)
	return out, total, err
}

// annotate pairs the records with their users' names and violations.
func (d *Detector) annotate(ctx context.Context, recs []audit.Record, users map[string]sio.User) ([]Request, []Violation, error) {
	vs, err := d.flagRecords(ctx, recs, users)
	if err != nil {
		return nil, nil, err
	}
	bySeq := map[int64][]Violation{}
	for _, v := range vs {
		bySeq[v.Seq] = append(bySeq[v.Seq], v)
	}
	out := make([]Request, len(recs))
	for i, r := range recs {
		out[i] = Request{Record: r, UserName: users[r.UserIIN].FullName, Violations: nonNil(bySeq[r.Seq])}
	}
	return out, vs, nil
}

// UserActivity sums up one user's requests in a period.
type UserActivity struct {
	UserIIN  string
	FullName string
	RoleCode string
	Position string
	Blocked  bool
	// Requests made, of them refused in part or whole (Denied), and the
	// violations flagged.
	Requests   int
	Denied     int
	Violations int
	// Services read, sorted.
	Services []string
}

// AgencyReport is the report of ведомственный контроль for an agency and
// period: every request of the agency's users (inquiries of state data),
// the refusals, the violations flagged and a line per user.
type AgencyReport struct {
	Agency       string
	AgencyNameRu string
	Period
	GeneratedAt time.Time
	Requests    int
	Denied      int
	ActiveUsers int
	Violations  []Violation
	Users       []UserActivity
	// Entries are the requests, newest first.
	Entries []Request
}

// AgencyReport forms the report of agency for the period.
func (d *Detector) AgencyReport(ctx context.Context, agency string, p Period) (*AgencyReport, error) {
	from, to := p.Start(), p.End()
	recs, err := d.Log.Find(ctx, audit.Filter{From: from, To: to, Kinds: []string{audit.KindInquiry}, Agency: agency})
	if err != nil {
		return nil, err
	}
	days, err := d.Log.UserDays(ctx, from, to, audit.KindInquiry, agency)
	if err != nil {
		return nil, err
	}
	users, err := d.directory(ctx)
	if err != nil {
		return nil, err
	}
	entries, vs, err := d.annotate(ctx, recs, users)
	if err != nil {
		return nil, err
	}
	vs = append(vs, flagVolume(days, users)...)
	sortViolations(vs)
	rep := &AgencyReport{Agency: agency, AgencyNameRu: d.agencyName(agency), Period: p, GeneratedAt: d.now().UTC(),
		Requests: len(recs), Violations: nonNil(vs), Entries: entries}

	acts := map[string]*UserActivity{}
	activity := func(iin string) *UserActivity {
		a := acts[iin]
		if a == nil {
			u := users[iin]
			a = &UserActivity{UserIIN: iin, FullName: u.FullName, RoleCode: u.RoleCode, Position: u.Position, Blocked: u.Blocked}
			acts[iin] = a
		}
		return a
	}
	for _, u := range users {
		if u.AgencyCode == agency {
			activity(string(u.IIN))
		}
	}
	services := map[string]map[string]bool{}
	for _, r := range recs {
		a := activity(r.UserIIN)
		a.Requests++
		if len(r.Denials) > 0 {
			a.Denied++
			rep.Denied++
		}
		if services[r.UserIIN] == nil {
			services[r.UserIIN] = map[string]bool{}
		}
		for _, s := range r.Services {
			services[r.UserIIN][s] = true
		}
	}
	for _, v := range vs {
		activity(v.UserIIN).Violations++
	}
	for iin, a := range acts {
		a.Services = []string{}
		for s := range services[iin] {
			a.Services = append(a.Services, s)
		}
		sort.Strings(a.Services)
		if a.Requests > 0 {
			rep.ActiveUsers++
		}
		rep.Users = append(rep.Users, *a)
	}
	// Most active first, then by name.
	sort.Slice(rep.Users, func(i, j int) bool {
		a, b := rep.Users[i], rep.Users[j]
		if a.Requests != b.Requests {
			return a.Requests > b.Requests
		}
		if a.FullName != b.FullName {
			return a.FullName < b.FullName
		}
		return a.UserIIN < b.UserIIN
	})
	rep.Users = nonNil(rep.Users)
	return rep, nil
}

func (d *Detector) agencyName(code string) string {
	if d.Policy != nil {
		for _, a := range d.Policy.Agencies {
			if a.Code == code {
				return a.NameRu
			}
		}
	}
	return code
}

// KindCount is the number of violations of a kind.
type KindCount struct {
	Kind  ViolationKind
	Count int
}

// AgencyTotals are an agency's totals of the operator's report.
type AgencyTotals struct {
	Agency       string
	AgencyNameRu string
	// Requests (inquiries of state data), of them refused in part or whole
	// (Denied), distinct users who made them, violations flagged.
	Requests   int
	Denied     int
	Users      int
	Violations int
	ByKind     []KindCount
}

// OperatorReport is the operator's periodic report (seed 002 §42-43): the
// requests, refusals and violations of every agency.
type OperatorReport struct {
	Period
	GeneratedAt time.Time
	Agencies    []AgencyTotals
	Total       AgencyTotals
}

// OperatorReport forms the operator's report for the period: every agency
// of the policy, then any other agency found in the log.
func (d *Detector) OperatorReport(ctx context.Context, p Period) (*OperatorReport, error) {
	from, to := p.Start(), p.End()
	tallies, err := d.Log.Tallies(ctx, from, to, audit.KindInquiry, "")
	if err != nil {
		return nil, err
	}
	recs, err := d.Log.Find(ctx, audit.Filter{From: from, To: to, Kinds: []string{audit.KindInquiry}})
	if err != nil {
		return nil, err
	}
	days, err := d.Log.UserDays(ctx, from, to, audit.KindInquiry, "")
	if err != nil {
		return nil, err
	}
	users, err := d.directory(ctx)
	if err != nil {
		return nil, err
	}
	vs, err := d.flagRecords(ctx, recs, users)
	if err != nil {
		return nil, err
	}
	vs = append(vs, flagVolume(days, users)...)

	rep := &OperatorReport{Period: p, GeneratedAt: d.now().UTC(), Total: AgencyTotals{Agency: "", AgencyNameRu: "Всего"}}
	idx := map[string]int{}
	add := func(code string) *AgencyTotals {
		i, ok := idx[code]
		if !ok {
			i = len(rep.Agencies)
			idx[code] = i
			rep.Agencies = append(rep.Agencies, AgencyTotals{Agency: code, AgencyNameRu: d.agencyName(code)})
		}
		return &rep.Agencies[i]
	}
	if d.Policy != nil {
		for _, a := range d.Policy.Agencies {
			add(a.Code)
		}
	}
	for _, t := range tallies {
		a := add(t.Agency)
		a.Requests, a.Denied, a.Users = t.Requests, t.Denied, t.Users
	}
	byKind := map[string]map[ViolationKind]int{}
	for _, v := range vs {
		add(v.Agency).Violations++
		if byKind[v.Agency] == nil {
			byKind[v.Agency] = map[ViolationKind]int{}
		}
		byKind[v.Agency][v.Kind]++
	}
	total := map[ViolationKind]int{}
	for i := range rep.Agencies {
		a := &rep.Agencies[i]
		a.ByKind = kindCounts(byKind[a.Agency])
		for k, n := range byKind[a.Agency] {
			total[k] += n
		}
		rep.Total.Requests += a.Requests
		rep.Total.Denied += a.Denied
		rep.Total.Users += a.Users
		rep.Total.Violations += a.Violations
	}
	rep.Total.ByKind = kindCounts(total)
	return rep, nil
}

func kindCounts(m map[ViolationKind]int) []KindCount {
	out := make([]KindCount, len(ViolationKinds))
	for i, k := range ViolationKinds {
		out[i] = KindCount{Kind: k, Count: m[k]}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
