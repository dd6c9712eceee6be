// Package oversight forms the reports over SIO's Log-journal: the
// ведомственный контроль of an agency's responsible official (seed 000
// §9-12; seed 002 §29-32), the operator's reports on requests, refusals
// and violations per agency (seed 002 §42-43) and the prosecutor's checks
// of what users obtained (seed 000 §54-55; seed 002 §51-52). It flags the
// likely violations of the rules (seed 000 §6, §30) the reports show.
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

// ViolationKind is a kind of likely violation.
type ViolationKind string

const (
	// ViolationOutsideCaseload: a request named a case that is not in the
	// user's caseload (refused with CASE_NOT_IN_CASELOAD): an attempt to
	// obtain data without a basis of one's own (seed 000 §5, §21).
	ViolationOutsideCaseload ViolationKind = "OUTSIDE_CASELOAD"
	// ViolationUnusualVolume: a user's requests on one day far above the
	// agency's usual daily volume.
	ViolationUnusualVolume ViolationKind = "UNUSUAL_VOLUME"
	// ViolationColleague: a lookup of a person who is a user of SIO (a
	// colleague, of the same agency or another).
	ViolationColleague ViolationKind = "COLLEAGUE"
	// ViolationRelative: a lookup of the user's own relative per ЗАГС
	// (spouse, former spouse, parent, child, sibling).
	ViolationRelative ViolationKind = "RELATIVE"
)

// ViolationKinds lists the kinds in report order.
var ViolationKinds = []ViolationKind{ViolationOutsideCaseload, ViolationUnusualVolume, ViolationColleague, ViolationRelative}

// Interpretation: "unusual volume" is a user's day with at least
// VolumeFloor requests and more than VolumeFactor times the median of the
// requests per active user-day of the agency in the period. The floor keeps
// quiet agencies (median 1) from flagging a busy day of a few requests.
const (
	VolumeFloor  = 20
	VolumeFactor = 5
)

// SiblingRelation is what a sibling is (ЗАГС derives no sibling act: a
// common parent makes one).
const SiblingRelation = "SIBLING"

// Violation is one likely violation.
type Violation struct {
	Kind     ViolationKind
	UserIIN  string
	UserName string
	Agency   string
	// At: the request's time; for UNUSUAL_VOLUME the start of the day.
	At time.Time
	// Seq of the request (0 for UNUSUAL_VOLUME, which concerns a day).
	Seq int64
	// Subject: the person looked up (COLLEAGUE, RELATIVE) or the case
	// named (OUTSIDE_CASELOAD).
	Subject string
	// Relation of the subject to the user (RELATIVE): SPOUSE, EX_SPOUSE,
	// PARENT, CHILD or SIBLING.
	Relation string
	// SubjectAgency: the agency of the colleague looked up (COLLEAGUE).
	SubjectAgency string
	// Count and Median: the day's requests and the agency's median per
	// active user-day (UNUSUAL_VOLUME).
	Count  int
	Median float64
	// DetailRu explains the flag.
	DetailRu string
}

// Detector finds the likely violations in the log.
type Detector struct {
	Log    *audit.Store
	Users  sio.UserDirectory
	Family sio.CivilRegistry
	Policy *authz.Policy
	// Now is the clock of the reports (time.Now when nil).
	Now func() time.Time
}

func (d *Detector) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// directory maps the registered users by IIN.
func (d *Detector) directory(ctx context.Context) (map[string]sio.User, error) {
	us, err := d.Users.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]sio.User, len(us))
	for _, u := range us {
		out[string(u.IIN)] = u
	}
	return out, nil
}

var relationRu = map[string]string{
	string(sio.RelationSpouse): "супруг(а)", string(sio.RelationExSpouse): "бывший(ая) супруг(а)",
	string(sio.RelationParent): "родитель", string(sio.RelationChild): "ребёнок", SiblingRelation: "брат/сестра",
}

// relatives returns, for each official, the relatives per ЗАГС with what
// they are to the official: spouses, former spouses, parents and children
// from the official's acts, siblings as the other children of the
// official's parents.
//
// Interpretation: SIO reads ЗАГС here for its own oversight of its users
// (seed 000 §37, §48), not under an inquiry; nothing of the family is
// returned but the relation of a person the official looked up.
func (d *Detector) relatives(ctx context.Context, officials []sio.IIN) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	if len(officials) == 0 || d.Family == nil {
		return out, nil
	}
	fam, err := d.Family.FamilyByPerson(ctx, officials)
	if err != nil {
		return nil, err
	}
	childrenOf := map[sio.IIN][]string{} // parent -> officials
	var parents []sio.IIN
	for _, off := range officials {
		m := map[string]string{}
		for _, t := range fam[off] {
			if _, ok := m[string(t.Relative)]; !ok {
				m[string(t.Relative)] = string(t.Relation)
			}
			if t.Relation == sio.RelationParent {
				if childrenOf[t.Relative] == nil {
					parents = append(parents, t.Relative)
				}
				childrenOf[t.Relative] = append(childrenOf[t.Relative], string(off))
			}
		}
		out[string(off)] = m
	}
	if len(parents) == 0 {
		return out, nil
	}
	pfam, err := d.Family.FamilyByPerson(ctx, parents)
	if err != nil {
		return nil, err
	}
	for _, p := range parents {
		for _, t := range pfam[p] {
			if t.Relation != sio.RelationChild {
				continue
			}
			for _, off := range childrenOf[p] {
				if _, ok := out[off][string(t.Relative)]; !ok && string(t.Relative) != off {
					out[off][string(t.Relative)] = SiblingRelation
				}
			}
		}
	}
	return out, nil
}

// flagRecords finds the violations of single requests: attempts outside
// the caseload, lookups of colleagues and of relatives.
func (d *Detector) flagRecords(ctx context.Context, recs []audit.Record, users map[string]sio.User) ([]Violation, error) {
	var officials []sio.IIN
	seen := map[string]bool{}
	for _, r := range recs {
		if len(r.Subjects) > 0 && !seen[r.UserIIN] && r.UserIIN != "" {
			seen[r.UserIIN] = true
			officials = append(officials, sio.IIN(r.UserIIN))
		}
	}
	sort.Slice(officials, func(i, j int) bool { return officials[i] < officials[j] })
	rel, err := d.relatives(ctx, officials)
	if err != nil {
		return nil, fmt.Errorf("oversight: relatives: %w", err)
	}
	var out []Violation
	for _, r := range recs {
		base := Violation{UserIIN: r.UserIIN, UserName: users[r.UserIIN].FullName, Agency: r.Agency, At: r.At, Seq: r.Seq}
		for _, dn := range r.Denials {
			if dn.Reason == authz.ReasonCaseNotInCaseload {
				v := base
				v.Kind, v.Subject = ViolationOutsideCaseload, r.CaseNumber
				v.DetailRu = fmt.Sprintf("запрос по делу № %s, не находящемуся в производстве пользователя (основание %s)", r.CaseNumber, r.Basis)
				out = append(out, v)
				break
			}
		}
		for _, s := range r.Subjects {
			if s == r.UserIIN {
				continue
			}
			if u, ok := users[s]; ok {
				v := base
				v.Kind, v.Subject, v.SubjectAgency = ViolationColleague, s, u.AgencyCode
				same := "другого органа"
				if u.AgencyCode == r.Agency {
					same = "того же органа"
				}
				v.DetailRu = fmt.Sprintf("запрос сведений о пользователе СИО ПСО %s (%s, %s)", u.FullName, u.AgencyCode, same)
				out = append(out, v)
			}
			if relation, ok := rel[r.UserIIN][s]; ok {
				v := base
				v.Kind, v.Subject, v.Relation = ViolationRelative, s, relation
				v.DetailRu = fmt.Sprintf("запрос сведений о родственнике пользователя по данным ЗАГС: %s", relationRu[relation])
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// flagVolume finds the users' days of unusual volume in the agencies'
// user-days.
func flagVolume(days []audit.UserDay, users map[string]sio.User) []Violation {
	byAgency := map[string][]audit.UserDay{}
	var agencies []string
	for _, d := range days {
		if byAgency[d.Agency] == nil {
			agencies = append(agencies, d.Agency)
		}
		byAgency[d.Agency] = append(byAgency[d.Agency], d)
	}
	var out []Violation
	for _, a := range agencies {
		ds := byAgency[a]
		counts := make([]int, len(ds))
		for i, d := range ds {
			counts[i] = d.Count
		}
		med := median(counts)
		for _, d := range ds {
			if d.Count >= VolumeFloor && float64(d.Count) > VolumeFactor*med {
				day := d.Date()
				out = append(out, Violation{Kind: ViolationUnusualVolume, UserIIN: d.UserIIN, UserName: users[d.UserIIN].FullName,
					Agency: a, At: time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, authz.Astana).UTC(),
					Count: d.Count, Median: med,
					DetailRu: fmt.Sprintf("%d запросов за %s при медиане органа %.1f запроса в день на пользователя",
						d.Count, day.Format("02.01.2006"), med)})
			}
		}
	}
	return out
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// sortViolations orders by time, then kind, request and subject.
func sortViolations(vs []Violation) {
	rank := map[ViolationKind]int{}
	for i, k := range ViolationKinds {
		rank[k] = i
	}
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		switch {
		case !a.At.Equal(b.At):
			return a.At.Before(b.At)
		case a.Kind != b.Kind:
			return rank[a.Kind] < rank[b.Kind]
		case a.Seq != b.Seq:
			return a.Seq < b.Seq
		case a.UserIIN != b.UserIIN:
			return a.UserIIN < b.UserIIN
		}
		return a.Subject < b.Subject
	})
}
