package synth_test

import (
	"regexp"
	"testing"

	"sio"
	"sio/authz"
	"sio/synth"
)

var (
	outgoingRe = regexp.MustCompile(`^\d{2}-\d{2}-\d{2}/\d{4}$`)
	coverRe    = regexp.MustCompile(`^2-12-\d{2}/\d{4}$`)
	sanctionRe = regexp.MustCompile(`^\d{2}91-\d{2}-00-1с/\d{3}$`)
)

// TestOfficialsBasisRecords checks the instructions, international requests
// and court sanctions: linked to registered cases and users, dated in the
// snapshot, with one record of every state the enforcer distinguishes.
func TestOfficialsBasisRecords(t *testing.T) {
	roles := testRoles()
	off := synth.GenerateOfficials(synth.Config{Seed: 7, Persons: 3000}, roles, nil)
	today := synth.Today()
	cases := map[string]sio.Case{}
	for _, c := range off.Cases {
		cases[c.Registry+"/"+c.Number] = c
	}
	holder := map[string]map[sio.IIN]bool{}
	for _, a := range off.Assignments {
		k := a.Registry + "/" + a.Number
		if holder[k] == nil {
			holder[k] = map[sio.IIN]bool{}
		}
		holder[k][a.IIN] = true
	}
	users := map[sio.IIN]sio.User{}
	for _, u := range off.Users {
		users[u.IIN] = u
	}
	holdsCriminal := map[string]bool{}
	for _, r := range roles {
		for _, b := range r.Bases {
			holdsCriminal[r.Code] = holdsCriminal[r.Code] || b.Code == "CRIMINAL_CASE"
		}
	}

	states := map[string]int{}
	for _, in := range off.Instructions {
		k := in.Registry + "/" + in.CaseNumber
		c, ok := cases[k]
		issuer, executor := users[in.IssuerIIN], users[in.ExecutorIIN]
		if !ok || c.Basis != "CRIMINAL_CASE" || !holder[k][in.IssuerIIN] || holder[k][in.ExecutorIIN] ||
			!holdsCriminal[executor.RoleCode] || issuer.IIN == "" || in.IssuingBody != issuer.Position {
			t.Fatalf("instruction %+v: not an issuer's case passed to another official", in)
		}
		if !outgoingRe.MatchString(in.Number) || in.IssuedAt.After(today.Time) || in.IssuedAt.Before(c.OpenedAt.Time) || !in.DueAt.After(in.IssuedAt.Time) {
			t.Fatalf("instruction %+v", in)
		}
		state := in.Kind + "/" + in.Status
		if in.Status == authz.InstructionOpen && in.DueAt.Before(today.Time) {
			state += "/OVERDUE"
		}
		states[state]++
	}
	for _, want := range []string{"INVESTIGATIVE/OPEN", "INVESTIGATIVE/EXECUTED", "INVESTIGATIVE/OPEN/OVERDUE", "PROSECUTOR/OPEN"} {
		if states[want] != 1 {
			t.Errorf("instructions: %v; want one %s", states, want)
		}
	}

	var openRequest bool
	for _, la := range off.LegalAssistance {
		u := users[la.ExecutorIIN]
		if !holdsCriminal[u.RoleCode] || !coverRe.MatchString(la.CoverLetterNumber) || la.Number == "" || la.RequestingBody == "" ||
			la.Country == "" || la.Article == "" || la.ReceivedAt.After(today.Time) || !la.DueAt.After(la.ReceivedAt.Time) {
			t.Fatalf("legal assistance %+v", la)
		}
		openRequest = openRequest || la.Status == authz.InstructionOpen && !la.DueAt.Before(today.Time)
	}
	if len(off.LegalAssistance) != 2 || !openRequest {
		t.Errorf("legal assistance: %+v; want 2, one open", off.LegalAssistance)
	}

	valid := map[sio.IIN]int{}
	var expired, revoked int
	for _, s := range off.Sanctions {
		c, ok := cases[s.Registry+"/"+s.CaseNumber]
		if !ok || c.Registry != "ERDR" || !sanctionRe.MatchString(s.Number) || s.Judge == "" || s.Court == "" || s.Measure == "" ||
			s.GrantedAt.After(today.Time) || s.GrantedAt.Before(c.OpenedAt.Time) || s.ValidFrom.Before(s.GrantedAt.Time) || !s.ValidUntil.After(s.ValidFrom.Time) {
			t.Fatalf("sanction %+v", s)
		}
		inForce := !s.ValidFrom.After(today.Time) && !s.ValidUntil.Before(today.Time)
		switch {
		case s.Status == authz.SanctionRevoked:
			revoked++
		case !inForce:
			expired++
		default:
			for iin := range holder[s.Registry+"/"+s.CaseNumber] {
				valid[iin]++
			}
		}
	}
	if len(valid) != 2 || expired != 1 || revoked != 1 {
		t.Errorf("sanctions: valid for %v, %d expired, %d revoked; want two holders, 1 and 1", valid, expired, revoked)
	}
}
