package gateway_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

// The access-control tests through HTTP: every refusal of a basis (typed
// errors with reasons), the qualifiers reachable with the served fields, the
// bases per kind (court data, instructions, international requests,
// investigative groups, court sanctions), the agreement, and the policy API.

// seeded is what the access tests pick from the seeded stores.
type seeded struct {
	users []sio.User
	cases map[sio.IIN][]sio.Case
}

func (fx *fixture) seeded(t *testing.T) seeded {
	t.Helper()
	ctx := context.Background()
	users, err := fx.g.Accounts.ListUsers(ctx)
	testdb.Must(t, err)
	s := seeded{users: users, cases: map[sio.IIN][]sio.Case{}}
	for _, u := range users {
		cs, err := fx.g.Cases.CasesOfUser(ctx, u.IIN)
		testdb.Must(t, err)
		s.cases[u.IIN] = cs
	}
	return s
}

// designated returns the seed's blocked user and its active user who has
// not signed the agreement.
func (s seeded) designated() (blocked, unsigned sio.User) {
	for _, u := range s.users {
		if u.Blocked {
			blocked = u
		} else if u.AgreementSignedAt == nil {
			unsigned = u
		}
	}
	return blocked, unsigned
}

// user returns the first active, signed user for whom ok holds.
func (s seeded) user(t *testing.T, ok func(u sio.User) bool) sio.User {
	t.Helper()
	for _, u := range s.users {
		if !u.Blocked && u.AgreementSignedAt != nil && ok(u) {
			return u
		}
	}
	t.Fatal("no seeded user fits")
	return sio.User{}
}

// caseOf returns the user's first case of the basis with the status.
func (s seeded) caseOf(t *testing.T, u sio.User, basis, status string) sio.Case {
	t.Helper()
	for _, c := range s.cases[u.IIN] {
		if c.Basis == basis && c.Status == status {
			return c
		}
	}
	t.Fatalf("user %s (%s) has no %s %s case", u.IIN, u.RoleCode, status, basis)
	return sio.Case{}
}

func basisOf(c sio.Case) map[string]any {
	b := map[string]any{"kind": c.Basis, "caseNumber": c.Number, "justification": "установление имущества фигуранта"}
	if c.Registry == authz.RegistryEAIAS {
		b["year"], b["court"] = c.Year, c.Court
	}
	return b
}

func with(b map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range b {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

const openQuery = `query($b: BasisInput!) { inquiry(basis: $b) { basis via justification case { number article }
	instruction { kind number caseNumber status } legalAssistance { number requestingBody article }
	courtSanction { number caseNumber judge court validUntil status } } }`

// refused posts the basis and checks that the inquiry is refused with code,
// reason (FORBIDDEN) or argument (BAD_USER_INPUT).
func (fx *fixture) refused(t *testing.T, user sio.IIN, basis map[string]any, code, want string) gqlError {
	t.Helper()
	r := fx.post(t, user, openQuery, map[string]any{"b": basis})
	e := r.errorAt("inquiry")
	if r.Data["inquiry"] != nil || e == nil || e.Extensions["code"] != code {
		t.Fatalf("basis %v as %s: %+v; want %s %s", basis, user, r, code, want)
	}
	key := "reason"
	if code == sio.EBADINPUT {
		key = "argument"
	}
	if want != "" && e.Extensions[key] != want {
		t.Fatalf("basis %v as %s: %s %v, want %s (%s)", basis, user, key, e.Extensions[key], want, e.Message)
	}
	return *e
}

// opened posts the basis and returns the inquiry.
func (fx *fixture) opened(t *testing.T, user sio.IIN, basis map[string]any) map[string]any {
	t.Helper()
	r := fx.post(t, user, openQuery, map[string]any{"b": basis})
	inq, _ := r.Data["inquiry"].(map[string]any)
	if len(r.Errors) > 0 || inq == nil {
		t.Fatalf("basis %v as %s: %+v", basis, user, r)
	}
	return inq
}

func TestAccessControl(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		s := fx.seeded(t)
		ctx := context.Background()
		role := func(code string) func(sio.User) bool { return func(u sio.User) bool { return u.RoleCode == code } }
		person := one[string](t, fx.g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)

		t.Run("user states", func(t *testing.T) {
			blocked, unsigned := s.designated()
			e := fx.refused(t, blocked.IIN, basisOf(s.cases[blocked.IIN][0]), sio.EFORBIDDEN, authz.ReasonUserBlocked)
			if e.Extensions["source"] == nil {
				t.Errorf("USER_BLOCKED without a source: %+v", e)
			}
			fx.refused(t, unsigned.IIN, basisOf(s.cases[unsigned.IIN][0]), sio.EFORBIDDEN, authz.ReasonAgreementNotSigned)
			fx.refused(t, "", basisOf(s.cases[unsigned.IIN][0]), sio.EUNAUTHENTICATED, "")
		})

		t.Run("role not allowed for basis", func(t *testing.T) {
			judge := s.user(t, role("JUDGE"))
			e := fx.refused(t, judge.IIN, map[string]any{"kind": "PRIMARY_CHECK", "justification": "проверка"}, sio.EFORBIDDEN,
				authz.ReasonRoleNotAllowedForBasis)
			if e.Extensions["source"] != "000/App1/row3/col5" {
				t.Errorf("source %v, want the empty cell 000/App1/row3/col5", e.Extensions["source"])
			}
			// Another agency's form of "иные задачи" (seed 002 §5-§8).
			pr := s.user(t, role("PROSECUTOR"))
			e = fx.refused(t, pr.IIN, map[string]any{"kind": "OTHER_TASKS_MVD", "justification": "проверка"}, sio.EFORBIDDEN,
				authz.ReasonRoleNotAllowedForBasis)
			if e.Extensions["source"] != "002/App4" {
				t.Errorf("source %v, want 002/App4", e.Extensions["source"])
			}
		})

		t.Run("service not allowed for basis", func(t *testing.T) {
			// A basis that allows persons but not weapons: an official of it
			// gets the person and a FORBIDDEN weapons list.
			o, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
				d := fx.g.Policy.Decide(inq.User.RoleCode, inq.Basis, "WEAPONS")
				return fx.g.Policy.Decide(inq.User.RoleCode, inq.Basis, "PERSONS").Allowed && d.Reason == authz.ReasonServiceNotAllowedForBasis
			})
			if !ok {
				t.Fatal("no seeded official under a basis that refuses WEAPONS but allows PERSONS")
			}
			r := fx.post(t, o.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin weapons { serialNumber } } } }`,
				map[string]any{"b": o.basis(), "iin": person})
			e := r.errorAt("inquiry.person.weapons")
			want := fx.g.Policy.Decide(o.Role, o.Basis, "WEAPONS").Source.String()
			if get(r.Data, "inquiry.person.iin") != person || e == nil || e.Extensions["reason"] != authz.ReasonServiceNotAllowedForBasis ||
				e.Extensions["source"] != want || want == "" {
				t.Fatalf("%s under %s: %+v; want SERVICE_NOT_ALLOWED_FOR_BASIS citing %s", o.Role, o.Basis, r, want)
			}
		})

		t.Run("MVD only: weapons under a primary check", func(t *testing.T) {
			serial := one[string](t, fx.g.Weapons.DB(), `SELECT serial_number FROM {weapons} ORDER BY serial_number LIMIT 1`)
			q := `query($b: BasisInput!, $s: String!) { inquiry(basis: $b) { via weapon(serialNumber: $s) { serialNumber } } }`
			check := func(u sio.User) bool {
				_, ok := fx.g.Policy.RoleBasis(u.RoleCode, "PRIMARY_CHECK")
				return ok
			}
			mvd := s.user(t, func(u sio.User) bool { return check(u) && u.AgencyCode == authz.AgencyMVD })
			other := s.user(t, func(u sio.User) bool { return check(u) && u.AgencyCode != authz.AgencyMVD })
			// A primary check names no case (seed 000 §20).
			b := map[string]any{"kind": "PRIMARY_CHECK", "justification": "первичные сведения о лице"}
			r := fx.post(t, mvd.IIN, q, map[string]any{"b": b, "s": serial})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.weapon.serialNumber") != serial || get(r.Data, "inquiry.via") != authz.ViaNone {
				t.Fatalf("MVD %s: %+v", mvd.RoleCode, r)
			}
			r = fx.post(t, other.IIN, q, map[string]any{"b": b, "s": serial})
			e := r.errorAt("inquiry.weapon")
			if e == nil || e.Extensions["reason"] != authz.ReasonAgencyOnly || get(r.Data, "inquiry.via") != authz.ViaNone {
				t.Fatalf("%s of %s: %+v; want AGENCY_ONLY", other.RoleCode, other.AgencyCode, r)
			}
			// With its ЕРДР record the check is verified like a case.
			c := s.caseOf(t, mvd, "PRIMARY_CHECK", sio.CaseOpen)
			if inq := fx.opened(t, mvd.IIN, basisOf(c)); get(inq, "case.number") != c.Number || inq["via"] != authz.ViaAssigned {
				t.Fatalf("primary check with its record: %v", inq)
			}
		})

		t.Run("caseload", func(t *testing.T) {
			investigator := s.user(t, role("INVESTIGATOR_INTERNAL_AFFAIRS"))
			own := s.caseOf(t, investigator, "CRIMINAL_CASE", sio.CaseOpen)
			inq := fx.opened(t, investigator.IIN, basisOf(own))
			if inq["via"] != authz.ViaAssigned || get(inq, "case.article") != own.Article || inq["justification"] != "установление имущества фигуранта" {
				t.Fatalf("own case: %v", inq)
			}
			// A case of another official's caseload.
			other := s.user(t, func(u sio.User) bool {
				return u.IIN != investigator.IIN && u.RoleCode == "INVESTIGATOR_NATIONAL_SECURITY"
			})
			fx.refused(t, investigator.IIN, basisOf(s.caseOf(t, other, "CRIMINAL_CASE", sio.CaseOpen)), sio.EFORBIDDEN, authz.ReasonCaseNotInCaseload)
			// A closed case of one's own.
			var closed sio.Case
			var holder sio.User
			for _, u := range s.users {
				for _, c := range s.cases[u.IIN] {
					if c.Status == sio.CaseClosed && !u.Blocked && u.AgreementSignedAt != nil {
						closed, holder = c, u
					}
				}
			}
			fx.refused(t, holder.IIN, basisOf(closed), sio.EFORBIDDEN, authz.ReasonCaseClosed)
			fx.refused(t, investigator.IIN, with(basisOf(own), "caseNumber", "999999999999999"), sio.EFORBIDDEN, authz.ReasonCaseNotFound)
			// A criminal case named as another basis of ЕРДР.
			op := s.user(t, role("OPERATIVE_INTERNAL_AFFAIRS"))
			fx.refused(t, op.IIN, with(basisOf(s.caseOf(t, op, "NSD", sio.CaseOpen)), "kind", "SEARCH_MEASURES"), sio.EFORBIDDEN, authz.ReasonCaseBasisMismatch)
		})

		t.Run("investigative group", func(t *testing.T) {
			var found bool
			for _, u := range s.users {
				for _, c := range s.cases[u.IIN] {
					via, err := fx.g.Cases.CaseloadVia(ctx, c.Registry, c.Number, u.IIN)
					testdb.Must(t, err)
					if via != authz.ViaGroup || u.Blocked || u.AgreementSignedAt == nil {
						continue
					}
					found = true
					inq := fx.opened(t, u.IIN, basisOf(c))
					if inq["via"] != authz.ViaGroup || get(inq, "case.number") != c.Number {
						t.Fatalf("group member %s: %v", u.IIN, inq)
					}
					r := fx.post(t, u.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin } } }`,
						map[string]any{"b": basisOf(c), "iin": person})
					if len(r.Errors) > 0 || get(r.Data, "inquiry.person.iin") != person {
						t.Fatalf("group member reads: %+v", r)
					}
				}
			}
			if !found {
				t.Fatal("the seed has no member of an investigative group")
			}
		})

		t.Run("instructions", func(t *testing.T) {
			var open, executed, overdue, prosecutor *authz.Instruction
			var executor sio.User
			for _, u := range s.users {
				ins, err := fx.g.Cases.InstructionsOfExecutor(ctx, u.IIN)
				testdb.Must(t, err)
				for i := range ins {
					in := &ins[i]
					executor = u
					switch {
					case in.Kind == authz.InstructionProsecutor:
						prosecutor = in
					case in.Status == authz.InstructionExecuted:
						executed = in
					case in.DueAt.Before(synthToday()):
						overdue = in
					default:
						open = in
					}
				}
			}
			if open == nil || executed == nil || overdue == nil || prosecutor == nil {
				t.Fatalf("the seed lacks instructions: %v %v %v %v", open, executed, overdue, prosecutor)
			}
			b := func(in *authz.Instruction, kind string) map[string]any {
				return map[string]any{"kind": "CRIMINAL_CASE", "caseNumber": in.CaseNumber, "justification": "исполнение поручения",
					"instruction": map[string]any{"kind": kind, "number": in.Number}}
			}
			// The case is another official's: without the instruction it is refused.
			fx.refused(t, executor.IIN, with(b(open, "INVESTIGATIVE"), "instruction", nil), sio.EFORBIDDEN, authz.ReasonCaseNotInCaseload)
			inq := fx.opened(t, executor.IIN, b(open, "INVESTIGATIVE"))
			if inq["via"] != authz.ViaInstruction || get(inq, "instruction.number") != open.Number || get(inq, "case.number") != open.CaseNumber {
				t.Fatalf("instruction: %v", inq)
			}
			r := fx.post(t, executor.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin } } }`,
				map[string]any{"b": b(open, "INVESTIGATIVE"), "iin": person})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.person.iin") != person {
				t.Fatalf("executor reads: %+v", r)
			}
			if inq := fx.opened(t, executor.IIN, b(prosecutor, "PROSECUTOR")); get(inq, "instruction.kind") != authz.InstructionProsecutor {
				t.Fatalf("prosecutor's instruction: %v", inq)
			}
			fx.refused(t, executor.IIN, b(executed, "INVESTIGATIVE"), sio.EFORBIDDEN, authz.ReasonInstructionClosed)
			fx.refused(t, executor.IIN, b(overdue, "INVESTIGATIVE"), sio.EFORBIDDEN, authz.ReasonInstructionExpired)
			fx.refused(t, executor.IIN, b(prosecutor, "INVESTIGATIVE"), sio.EFORBIDDEN, authz.ReasonInstructionNotFound)
			fx.refused(t, executor.IIN, with(b(open, "INVESTIGATIVE"), "instruction", map[string]any{"kind": "INVESTIGATIVE", "number": "00-00-00/0000"}),
				sio.EFORBIDDEN, authz.ReasonInstructionNotFound)
			// Another official naming the instruction.
			other := s.user(t, func(u sio.User) bool {
				_, ok := fx.g.Policy.RoleBasis(u.RoleCode, "CRIMINAL_CASE")
				return ok && u.IIN != executor.IIN && u.IIN != open.IssuerIIN
			})
			fx.refused(t, other.IIN, b(open, "INVESTIGATIVE"), sio.EFORBIDDEN, authz.ReasonInstructionNotForUser)
			// Form: the instruction's number, a case, and a kind the basis takes.
			fx.refused(t, executor.IIN, with(b(open, "INVESTIGATIVE"), "instruction", map[string]any{"kind": "INVESTIGATIVE"}), sio.EBADINPUT, "basis.instruction.number")
			fx.refused(t, executor.IIN, with(b(open, "INVESTIGATIVE"), "caseNumber", nil), sio.EBADINPUT, "basis.caseNumber")
			fx.refused(t, executor.IIN, with(b(open, "INVESTIGATIVE"), "kind", "ENFORCEMENT"), sio.EBADINPUT, "basis.instruction.kind")
		})

		t.Run("international request", func(t *testing.T) {
			var open, executed *authz.LegalAssistance
			var executor sio.User
			for _, u := range s.users {
				las, err := fx.g.Cases.LegalAssistanceOfExecutor(ctx, u.IIN)
				testdb.Must(t, err)
				for i := range las {
					executor = u
					if las[i].Status == authz.InstructionOpen {
						open = &las[i]
					} else {
						executed = &las[i]
					}
				}
			}
			if open == nil || executed == nil {
				t.Fatal("the seed lacks international requests")
			}
			b := func(la *authz.LegalAssistance) map[string]any {
				return map[string]any{"kind": "CRIMINAL_CASE", "justification": "исполнение запроса о правовой помощи",
					"instruction": map[string]any{"kind": "INTERNATIONAL", "number": la.Number, "requestingBody": la.RequestingBody,
						"coverLetterNumber": la.CoverLetterNumber}}
			}
			// No ЕРДР case (seed 000 §5, §22 part 2): the request is the basis.
			inq := fx.opened(t, executor.IIN, b(open))
			if inq["via"] != authz.ViaLegalAssistance || inq["case"] != nil || get(inq, "legalAssistance.article") != open.Article {
				t.Fatalf("international request: %v", inq)
			}
			r := fx.post(t, executor.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin } } }`,
				map[string]any{"b": b(open), "iin": person})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.person.iin") != person {
				t.Fatalf("executor of the request reads: %+v", r)
			}
			fx.refused(t, executor.IIN, b(executed), sio.EFORBIDDEN, authz.ReasonInstructionClosed)
			wrong := b(open)
			wrong["instruction"].(map[string]any)["requestingBody"] = "Генеральная прокуратура Китайской Народной Республики"
			fx.refused(t, executor.IIN, wrong, sio.EFORBIDDEN, authz.ReasonInstructionNotFound)
			other := s.user(t, func(u sio.User) bool {
				_, ok := fx.g.Policy.RoleBasis(u.RoleCode, "CRIMINAL_CASE")
				return ok && u.IIN != executor.IIN
			})
			fx.refused(t, other.IIN, b(open), sio.EFORBIDDEN, authz.ReasonInstructionNotForUser)
			fx.refused(t, executor.IIN, with(b(open), "caseNumber", s.cases[executor.IIN][0].Number), sio.EBADINPUT, "basis.caseNumber")
			noCover := b(open)
			delete(noCover["instruction"].(map[string]any), "coverLetterNumber")
			fx.refused(t, executor.IIN, noCover, sio.EBADINPUT, "basis.instruction.coverLetterNumber")
		})

		t.Run("court cases", func(t *testing.T) {
			judge := s.user(t, role("JUDGE"))
			for _, kind := range []string{"CIVIL_CASE", "ADMIN_CASE_COURT"} {
				c := s.caseOf(t, judge, kind, sio.CaseOpen)
				if inq := fx.opened(t, judge.IIN, basisOf(c)); get(inq, "case.number") != c.Number {
					t.Fatalf("%s: %v", kind, inq)
				}
				// The court as a person types it: case and spaces do not matter.
				fx.opened(t, judge.IIN, with(basisOf(c), "court", "  "+strings.ToUpper(c.Court)))
				fx.refused(t, judge.IIN, with(basisOf(c), "year", nil), sio.EBADINPUT, "basis.year")
				fx.refused(t, judge.IIN, with(basisOf(c), "court", nil), sio.EBADINPUT, "basis.court")
				fx.refused(t, judge.IIN, with(basisOf(c), "year", c.Year-1), sio.EFORBIDDEN, authz.ReasonCourtDataMismatch)
				fx.refused(t, judge.IIN, with(basisOf(c), "court", "Специализированный межрайонный суд по делам несовершеннолетних г. Алматы"),
					sio.EFORBIDDEN, authz.ReasonCourtDataMismatch)
			}
			// Only court cases name a year and a court.
			c := s.caseOf(t, judge, "CRIMINAL_CASE", sio.CaseOpen)
			fx.refused(t, judge.IIN, with(basisOf(c), "year", 2024), sio.EBADINPUT, "basis.year")
		})

		t.Run("court sanction", func(t *testing.T) {
			var holder sio.User
			var valid, expired, revoked *authz.CourtSanction
			for _, u := range s.users {
				ss, err := fx.g.Cases.SanctionsOfUser(ctx, u.IIN)
				testdb.Must(t, err)
				if len(ss) < 3 || u.Blocked || u.AgreementSignedAt == nil {
					continue
				}
				holder = u
				for i := range ss {
					switch {
					case ss[i].Status == authz.SanctionRevoked:
						revoked = &ss[i]
					case ss[i].ValidUntil.Before(synthToday()):
						expired = &ss[i]
					default:
						valid = &ss[i]
					}
				}
			}
			if valid == nil || expired == nil || revoked == nil {
				t.Fatal("the seed lacks court sanctions")
			}
			c, err := fx.g.Cases.CaseByNumber(ctx, valid.Registry, valid.CaseNumber)
			testdb.Must(t, err)
			b := with(basisOf(*c), "courtSanction", valid.Number)
			inq := fx.opened(t, holder.IIN, b)
			if get(inq, "courtSanction.number") != valid.Number || get(inq, "courtSanction.judge") != valid.Judge {
				t.Fatalf("sanction: %v", inq)
			}
			// An unknown sanction does not refuse the inquiry; it is not attached.
			if inq := fx.opened(t, holder.IIN, with(b, "courtSanction", "0000-00-00-1с/000")); inq["courtSanction"] != nil {
				t.Fatalf("unknown sanction attached: %v", inq)
			}
			fx.refused(t, holder.IIN, with(b, "caseNumber", nil, "kind", "PRIMARY_CHECK"), sio.EBADINPUT, "basis.courtSanction")
			// The postal-items field comes with its connector; the decision
			// on a sanction is Check's (authz tests) and the matrix says:
			r := fx.post(t, holder.IIN, `{ policy { decide(role: "INVESTIGATOR_INTERNAL_AFFAIRS", basis: "CRIMINAL_CASE", service: "POSTAL_ITEMS") { allowed access source } } }`, nil)
			if get(r.Data, "policy.decide.access") != "COURT_SANCTION" || get(r.Data, "policy.decide.allowed") != true ||
				!strings.HasPrefix(fmt.Sprint(get(r.Data, "policy.decide.source")), "000/App2/row66/col1") {
				t.Fatalf("decide postal items: %+v", r)
			}
		})

		t.Run("justification and kinds", func(t *testing.T) {
			op := s.user(t, role("OPERATIVE_INTERNAL_AFFAIRS"))
			crim := s.caseOf(t, s.user(t, role("INVESTIGATOR_INTERNAL_AFFAIRS")), "CRIMINAL_CASE", sio.CaseOpen)
			inv := s.user(t, role("INVESTIGATOR_INTERNAL_AFFAIRS"))
			fx.refused(t, inv.IIN, with(basisOf(crim), "justification", nil), sio.EBADINPUT, "basis.justification")
			fx.refused(t, inv.IIN, with(basisOf(crim), "justification", "   "), sio.EBADINPUT, "basis.justification")
			fx.refused(t, inv.IIN, with(basisOf(crim), "justification", strings.Repeat("я", 2001)), sio.EBADINPUT, "basis.justification")
			fx.refused(t, inv.IIN, with(basisOf(crim), "caseNumber", nil), sio.EBADINPUT, "basis.caseNumber")
			fx.refused(t, inv.IIN, with(basisOf(crim), "kind", "NO_SUCH_BASIS"), sio.EBADINPUT, "basis.kind")
			// ОРД: the justification is optional, no case is required (seed 002 §18).
			if inq := fx.opened(t, op.IIN, map[string]any{"kind": "ORD"}); inq["via"] != authz.ViaNone || inq["case"] != nil {
				t.Fatalf("ORD: %v", inq)
			}
			ord := s.caseOf(t, op, "ORD", sio.CaseOpen)
			if inq := fx.opened(t, op.IIN, map[string]any{"kind": "ORD", "caseNumber": ord.Number}); get(inq, "case.article") != ord.Article {
				t.Fatalf("ORD with its operational case: %v", inq)
			}
			// НСД: the ЕРДР case is required (seed 002 §19).
			fx.refused(t, op.IIN, map[string]any{"kind": "NSD", "justification": "x"}, sio.EBADINPUT, "basis.caseNumber")
			// "иные задачи": one of the bases of App.4-7, not the umbrella (seed 002 §20).
			e := fx.refused(t, op.IIN, map[string]any{"kind": "OTHER_TASKS", "justification": "x"}, sio.EBADINPUT, "basis.kind")
			if !strings.Contains(e.Message, "OTHER_TASKS_MVD") {
				t.Errorf("the umbrella refusal does not name the bases: %s", e.Message)
			}
			if inq := fx.opened(t, op.IIN, map[string]any{"kind": "OTHER_TASKS_MVD_IBD", "justification": "проверка по ИБД"}); inq["basis"] != "OTHER_TASKS_MVD_IBD" {
				t.Fatalf("иные задачи: %v", inq)
			}
			fx.refused(t, op.IIN, map[string]any{"kind": "OTHER_TASKS_MVD"}, sio.EBADINPUT, "basis.justification")
		})

		t.Run("agreement", func(t *testing.T) {
			blocked, unsigned := s.designated()
			r := fx.post(t, unsigned.IIN, `{ agreement { textRu sha256 source signedAt } me { agreementSigned agreementSignedAt authenticatedVia } }`, nil)
			text, _ := get(r.Data, "agreement.textRu").(string)
			if len(r.Errors) > 0 || !strings.Contains(text, unsigned.FullName+", "+unsigned.Position) || !strings.Contains(text, "СОГЛАШЕНИЕ") ||
				get(r.Data, "agreement.sha256") != authz.AgreementDigest(text) || get(r.Data, "agreement.source") != "000/App6" ||
				get(r.Data, "agreement.signedAt") != nil || get(r.Data, "me.agreementSigned") != false || get(r.Data, "me.authenticatedVia") != "sandbox-header" {
				t.Fatalf("agreement before signing: %+v", r)
			}
			r = fx.post(t, unsigned.IIN, `mutation { signAgreement { agreementSigned agreementSignedAt } }`, nil)
			if len(r.Errors) > 0 || get(r.Data, "signAgreement.agreementSigned") != true || get(r.Data, "signAgreement.agreementSignedAt") == nil {
				t.Fatalf("signAgreement: %+v", r)
			}
			u, err := fx.g.Accounts.UserByIIN(ctx, unsigned.IIN)
			testdb.Must(t, err)
			if u.AgreementSignedAt == nil || u.AgreementSignedAt.In(authz.Astana).Year() != synthToday().Year() {
				t.Fatalf("signature date not recorded at the sandbox clock: %v", u.AgreementSignedAt)
			}
			// Signed, the user may open a basis; signing again keeps the date.
			fx.opened(t, unsigned.IIN, basisOf(s.cases[unsigned.IIN][0]))
			again := fx.post(t, unsigned.IIN, `mutation { signAgreement { agreementSignedAt } }`, nil)
			if get(again.Data, "signAgreement.agreementSignedAt") != get(r.Data, "signAgreement.agreementSignedAt") {
				t.Fatalf("signing again changed the date: %+v then %+v", r, again)
			}
			r = fx.post(t, blocked.IIN, `mutation { signAgreement { agreementSigned } }`, nil)
			if e := r.errorAt("signAgreement"); e == nil || e.Extensions["reason"] != authz.ReasonUserBlocked {
				t.Fatalf("blocked user signs: %+v", r)
			}
		})

		t.Run("sandbox users list their bases", func(t *testing.T) {
			r := fx.post(t, "", `{ sandboxUsers { iin bases instructions { number caseNumber } legalAssistance { coverLetterNumber } courtSanctions { number } } }`, nil)
			var bases, instr, las, sanctions int
			for _, u := range r.Data["sandboxUsers"].([]any) {
				bases += len(get(u, "bases").([]any))
				instr += len(get(u, "instructions").([]any))
				las += len(get(u, "legalAssistance").([]any))
				sanctions += len(get(u, "courtSanctions").([]any))
				for _, b := range get(u, "bases").([]any) {
					if b == "OTHER_TASKS" {
						t.Fatalf("the umbrella basis is listed as requestable: %v", u)
					}
				}
			}
			if len(r.Errors) > 0 || bases == 0 || instr != 4 || las != 2 || sanctions < 4 {
				t.Fatalf("sandboxUsers: %d bases, %d instructions, %d requests, %d sanctions: %+v", bases, instr, las, sanctions, r.Errors)
			}
		})
	})
}

// TestPolicyAPI reads the policy through HTTP and walks every role x basis x
// service through decide against the encoded policy.
func TestPolicyAPI(t *testing.T) {
	cfg := testdb.Dialects[1].Config(t) // SQLite: the policy, not the store, is under test
	fx := newFixture(t, cfg, true)
	p := fx.g.Policy
	r := fx.post(t, "", `{ policy {
		roles { code nameRu source }
		bases { code nameRu source parent requestable registry caseNumber justification courtData instructions requestSource }
		services { code number nameRu fields }
		roleBases { role basis qualifier source }
		serviceRules { basis service access source } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("policy: %+v", r.Errors)
	}
	roles, bases := get(r.Data, "policy.roles").([]any), get(r.Data, "policy.bases").([]any)
	services := get(r.Data, "policy.services").([]any)
	rbs, rules := get(r.Data, "policy.roleBases").([]any), get(r.Data, "policy.serviceRules").([]any)
	if len(roles) != len(p.Roles) || len(bases) != len(p.Bases) || len(services) != 79 || len(rbs) != len(p.RoleBases) || len(rules) != len(p.ServiceRules) {
		t.Fatalf("policy: %d roles, %d bases, %d services, %d roleBases, %d rules", len(roles), len(bases), len(services), len(rbs), len(rules))
	}
	if get(roles[0], "code") != "PROSECUTOR" || get(roles[0], "nameRu") != "Прокурор" || get(roles[0], "source") != "000/App1/row1, 002/App12/row1" {
		t.Errorf("role = %v", roles[0])
	}
	for _, b := range bases {
		switch get(b, "code") {
		case "ADMIN_CASE_COURT":
			if get(b, "registry") != "EAIAS" || get(b, "courtData") != true || get(b, "caseNumber") != "REQUIRED" {
				t.Errorf("basis = %v", b)
			}
		case "ORD":
			if get(b, "justification") != "OPTIONAL" || get(b, "caseNumber") != "OPTIONAL" || get(b, "requestSource") != "002 §2, §18" {
				t.Errorf("basis = %v", b)
			}
		case "OTHER_TASKS":
			if get(b, "requestable") != false {
				t.Errorf("basis = %v", b)
			}
		case "CRIMINAL_CASE":
			if fmt.Sprint(get(b, "instructions")) != "[INVESTIGATIVE PROSECUTOR INTERNATIONAL]" {
				t.Errorf("basis = %v", b)
			}
		}
	}
	for _, s := range services {
		if get(s, "code") == "PERSONS" && (get(s, "number") != float64(1) || !strings.Contains(fmt.Sprint(get(s, "fields")), "Inquiry.person")) {
			t.Errorf("service = %v", s)
		}
		if get(s, "code") == "WEAPONS" && !strings.Contains(fmt.Sprint(get(s, "fields")), "Person.weapons") {
			t.Errorf("service = %v", s)
		}
	}
	for _, x := range rbs {
		if get(x, "role") == "ANTICORRUPTION_OFFICER" && get(x, "basis") == "SEARCH_CASE" &&
			(get(x, "qualifier") != authz.QualifierAccountingRegistrationDiscipline || get(x, "source") != "000/App1/row10/col7") {
			t.Errorf("roleBase = %v", x)
		}
	}
	for _, x := range rules {
		if get(x, "basis") == "PRIMARY_CHECK" && get(x, "service") == "WEAPONS" && (get(x, "access") != "MVD_ONLY" || get(x, "source") != "000/App2/row6/col5") {
			t.Errorf("rule = %v", x)
		}
	}

	// Every role x basis x service, one request per role (aliased fields).
	for _, role := range append(roleCodes(p), "NO_SUCH_ROLE") {
		var q strings.Builder
		q.WriteString("{ policy {")
		type cell struct{ basis, service string }
		var cells []cell
		for _, b := range append(basisCodes(p), "NO_SUCH_BASIS") {
			for _, s := range append(serviceCodes(p), "NO_SUCH_SERVICE") {
				fmt.Fprintf(&q, " d%d: decide(role: %q, basis: %q, service: %q) { allowed access reason source }", len(cells), role, b, s)
				cells = append(cells, cell{b, s})
			}
		}
		q.WriteString(" } }")
		r := fx.post(t, "", q.String(), nil)
		if len(r.Errors) > 0 {
			t.Fatalf("decide for %s: %+v", role, r.Errors[0])
		}
		for i, c := range cells {
			got := get(r.Data, fmt.Sprintf("policy.d%d", i))
			d := p.Decide(role, c.basis, c.service)
			want := map[string]any{"allowed": d.Allowed, "access": nil, "reason": nil, "source": nil}
			if d.Allowed {
				want["access"] = string(d.Access)
			} else {
				want["reason"] = d.Reason
			}
			if src := d.Source.String(); src != "" {
				want["source"] = src
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("decide(%s, %s, %s) = %v, want %v", role, c.basis, c.service, got, want)
			}
		}
	}
}

func roleCodes(p *authz.Policy) (out []string) {
	for _, r := range p.Roles {
		out = append(out, r.Code)
	}
	return out
}

func basisCodes(p *authz.Policy) (out []string) {
	for _, b := range p.Bases {
		out = append(out, b.Code)
	}
	return out
}

func serviceCodes(p *authz.Policy) (out []string) {
	for _, s := range p.Services {
		out = append(out, s.Code)
	}
	return out
}

// synthToday is the date of the synthetic snapshot, the sandbox's clock.
func synthToday() time.Time { return synth.Today().Time }
