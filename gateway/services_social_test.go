package gateway_test

import (
	"fmt"
	"strings"
	"testing"

	"sio"

	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
)

// Social, labour and public-service databases: Пенсионные отчисления,
// Инвалидность, Социальная помощь, Рынок труда, услуги ЦОН. Selections reach
// every nested guarded field.

func init() {
	registerServices(
		// The policy refuses PENSION_CONTRIBUTIONS where it allows PERSONS only
		// under sub-bases of OTHER_TASKS, which no seeded official has: the
		// refusal is checked on the root field, and the selection reaches the
		// fields on Person and LegalEntity too.
		serviceCase{
			service: "PENSION_CONTRIBUTIONS", args: "$iin: IIN!, $bin: BIN!", path: "pensionStatement",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{
					"iin": one[string](t, fx.g.Pension.DB(), `SELECT c.iin FROM {contributions} c JOIN {employments} e ON e.iin = c.iin
						WHERE c.employer_amount_tiyn IS NOT NULL AND e.end_date IS NOT NULL ORDER BY c.iin, c.period LIMIT 1`),
					// the employer with the most employees
					"bin": one[string](t, fx.g.Pension.DB(), `SELECT employer_bin FROM {employments} GROUP BY employer_bin ORDER BY COUNT(*) DESC, employer_bin LIMIT 1`),
				}
			},
			selection: `pensionStatement(iin: $iin) { iin employment { employerBin } contributions(first: 2) { totalCount edges { node { period amount } } } }
				person(iin: $iin) { iin
					employment { employerBin payerKind startDate endDate current person { iin } employer { bin nameRu } }
					pensionContributions(first: 3) { totalCount edges { node {
						period employerBin payerKind income amount employerAmount paymentDate truncated person { iin } employer { bin } } } } }
				legalEntity(bin: $bin) { bin
					employees(first: 5) { totalCount edges { node { iin startDate current person { iin } employer { bin } } } }
					pensionContributionsPaid(first: 2) { edges { node { iin period amount person { iin } employer { bin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "iin") != vars["iin"] || get(got, "employment.0.employerBin") == nil {
					t.Fatalf("statement = %v", got)
				}
			},
		},
		serviceCase{
			service: "DISABILITY", args: "$iin: IIN!", path: "person.disability",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Disability.DB(),
					`SELECT iin FROM {disabilities} WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin disability { id group groupRu causeRu status certificateNumber establishedOn
				reexaminationOn indefinite ceasedOn workCapacityLoss department region { nameRu } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				ds := got.([]any)
				if last := ds[len(ds)-1]; get(last, "status") != "ACTIVE" || get(last, "department") == "" {
					t.Fatalf("the last decision is the one in force: %v", ds)
				}
			},
		},
		serviceCase{
			service: "SOCIAL_ASSISTANCE", args: "$iin: IIN!", path: "person.benefits",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// a mother paid for a child
				return map[string]any{"iin": one[string](t, fx.g.Benefits.DB(),
					`SELECT iin FROM {benefits} WHERE for_iin IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin benefits { id kind kindRu lumpSum amount startDate endDate status decisionNumber
				department region { kato } forIin forPerson { iin birthDate } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				for _, b := range got.([]any) {
					if get(b, "forIin") != nil && get(b, "forPerson.iin") != get(b, "forIin") {
						t.Fatalf("benefit paid for %v resolves %v", get(b, "forIin"), get(b, "forPerson"))
					}
				}
			},
		},
		serviceCase{
			service: "LABOR_MARKET", args: "$iin: IIN!", path: "person.jobSeekerRegistrations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// a person referred to a vacancy
				return map[string]any{"iin": one[string](t, fx.g.Labor.DB(),
					`SELECT iin FROM {referrals} WHERE employer_bin IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin jobSeekerRegistrations { id status registeredOn centre region { nameRu } professionRu
				educationRu deregisteredOn deregistrationReasonRu active
				referrals { id kind referredOn employerBin organisationRu positionRu outcome employer { bin nameRu } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				for _, reg := range got.([]any) {
					refs, _ := get(reg, "referrals").([]any)
					for _, ref := range refs {
						if get(ref, "employerBin") != nil && get(ref, "employer.nameRu") != get(ref, "organisationRu") {
							t.Fatalf("vacancy of %v resolves %v", get(ref, "organisationRu"), get(ref, "employer"))
						}
					}
				}
			},
		},
		serviceCase{
			service: "PUBLIC_SERVICE_CENTER_SERVICES", args: "$iin: IIN!", path: "person.publicServices",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.CON.DB(),
					`SELECT iin FROM {requests} WHERE result = 'REFUSED' ORDER BY request_number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin publicServices(first: 10) { totalCount edges { node { requestNumber serviceRu branch
				region { nameRu } submittedOn submittedTime result completedOn refusalReasonRu } } } }`,
		},
	)
}

// TestSocialAreaEndToEnd checks through HTTP, on both stores, what the
// service cases do not: the truncated pension service, malformed lookup
// keys, the current-posts filter of a state body's servants, and that the
// area's nested fields are batched per request.
func TestSocialAreaEndToEnd(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		e := fx.g.Enforcer()
		t.Run("pension truncated", func(t *testing.T) { pensionTruncated(t, fx, e) })

		services := []string{"PERSONS", "LEGAL_ENTITIES", "PENSION_CONTRIBUTIONS", "DISABILITY", "SOCIAL_ASSISTANCE", "LABOR_MARKET",
			"PUBLIC_SERVICE_CENTER_SERVICES", "CIVIL_SERVANT_REQUEST", "CIVIL_SERVANTS", "FOREIGN_LABOR", "FOREIGN_WORKER_VIOLATIONS",
			"STUDENTS_GRADUATES", "OUTPATIENT_VISITS", "DISPENSARY_REGISTRATION", "HOSPITAL_REFERRALS", "INPATIENT_TREATMENT"}
		inv := fx.allowedAll(t, services...)
		basis := inv.basis()

		t.Run("bad keys", func(t *testing.T) {
			for _, tc := range []struct{ field, arg, value, want string }{
				{"foreignLaborPermit(permitNumber: %q) { quota }", "permitNumber", "123", "ИРС-RR-YY-NNNNNN"},
				{"foreignWorkers(passportNumber: %q) { id }", "passportNumber", "E-1", "Latin letters and digits"},
				{"foreignWorkerViolations(passportNumber: %q) { article }", "passportNumber", "ПАСПОРТ1", "Latin letters and digits"},
				{"diploma(number: %q) { id }", "number", "AB 1234567", "diploma series"},
				{"hospitalReferral(referralNumber: %q) { iin }", "referralNumber", "2024-75-12", "YYYY-RR-NNNNNNN"},
				{"pensionStatement(iin: %q) { iin }", "iin", "850314400108", "check digit"},
				{"civilServants(stateBodyBin: %q) { totalCount }", "stateBodyBin", "12345", "12 digits"},
			} {
				q := `query($b: BasisInput!) { inquiry(basis: $b) { ` + fmt.Sprintf(tc.field, tc.value) + ` } }`
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis})
				if len(r.Errors) != 1 {
					t.Fatalf("%s: want one error, got %+v", tc.value, r.Errors)
				}
				if e := r.Errors[0]; e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != tc.arg || !strings.Contains(e.Message, tc.want) {
					t.Errorf("%s=%s: error %+v; want BAD_USER_INPUT naming %s mentioning %q", tc.arg, tc.value, e, tc.arg, tc.want)
				}
			}
		})

		t.Run("current servants of a state body", func(t *testing.T) {
			bin := one[string](t, fx.g.CivilSvc.DB(), `SELECT state_body_bin FROM {records} GROUP BY state_body_bin
				HAVING COUNT(end_date) > 0 AND COUNT(*) > COUNT(end_date) ORDER BY state_body_bin LIMIT 1`)
			q := `query($b: BasisInput!, $bin: BIN!) { inquiry(basis: $b) {
				all: civilServants(stateBodyBin: $bin, first: 100) { totalCount }
				now: civilServants(stateBodyBin: $bin, current: true, first: 100) { totalCount edges { node { current endDate } } }
				none: civilServants(stateBodyBin: $unknown) { totalCount } } }`
			q = strings.Replace(q, "$bin: BIN!", "$bin: BIN!, $unknown: BIN!", 1)
			r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "bin": bin, "unknown": testdb.BIN(t, "2001-01-01", 5)})
			all, _ := get(r.Data, "inquiry.all.totalCount").(float64)
			now, _ := get(r.Data, "inquiry.now.totalCount").(float64)
			if len(r.Errors) > 0 || now == 0 || now >= all || get(r.Data, "inquiry.none") != nil {
				t.Fatalf("servants of %s: %+v", bin, r)
			}
			for _, e := range get(r.Data, "inquiry.now.edges").([]any) {
				if get(e, "node.current") != true || get(e, "node.endDate") != nil {
					t.Fatalf("a former servant among the current ones: %v", e)
				}
			}
		})

		t.Run("nested fields batched", func(t *testing.T) {
			var iins []string
			testdb.Must(t, fx.g.Persons.DB().Select(t.Context(), &iins, fx.g.Persons.DB().Q(`SELECT iin FROM {persons} ORDER BY iin LIMIT 100`)))
			q := `query($b: BasisInput!, $iins: [IIN!]!) { inquiry(basis: $b) { persons(iins: $iins) { iin
				employment { employer { bin } } pensionContributions { totalCount } disability { group }
				benefits { forPerson { iin } } jobSeekerRegistrations { referrals { employer { bin } } }
				publicServices { totalCount } civilService { isCivilServant } civilServiceRecords { category }
				higherEducation { diplomaNumber } outpatientVisits { totalCount } dispensaryRegistrations { icd10 }
				hospitalReferrals { status } inpatientStays { referral { status } } } } }`
			count := func(keys []string) int64 {
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "iins": keys})
				if len(r.Errors) > 0 || len(get(r.Data, "inquiry.persons").([]any)) != len(keys) {
					t.Fatalf("persons: %+v", r.Errors)
				}
				n, _ := r.Extensions["sqlStatements"].(float64)
				return int64(n)
			}
			small, large := count(iins[:3]), count(iins)
			t.Logf("statements: %d for 3 persons, %d for 100", small, large)
			// Batched, the query takes auth and case (<= 3), persons (1), one
			// statement per list on Person (12) and per nested lookup (5),
			// about 21; a loader window cut by a busy machine may split a
			// batch in two. Unbatched it would take one per person and field
			// (over 1,200).
			if large > 50 {
				t.Fatalf("100 persons took %d statements (3 took %d): the area's fields are not batched", large, small)
			}
		})
	})
}

// pensionTruncated checks seed 000 App.2 note *: an official whose role and
// basis give the truncated ГЦВП service sees the contributions without
// amounts, flagged truncated; one with FULL access sees the amounts.
func pensionTruncated(t *testing.T, fx *fixture, e *authz.Enforcer) {
	withAccess := func(want authz.Access) official {
		o, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
			a, err := e.Check(inq, "PENSION_CONTRIBUTIONS")
			_, errP := e.Check(inq, "PERSONS")
			_, errL := e.Check(inq, "LEGAL_ENTITIES")
			return err == nil && a == want && errP == nil && errL == nil
		})
		if !ok {
			t.Fatalf("no seeded official reads PENSION_CONTRIBUTIONS with %s access", want)
		}
		return o
	}
	iin := one[string](t, fx.g.Pension.DB(), `SELECT iin FROM {contributions} WHERE employer_amount_tiyn IS NOT NULL ORDER BY iin, period LIMIT 1`)
	bin := one[string](t, fx.g.Pension.DB(), `SELECT employer_bin FROM {contributions} WHERE iin = '`+iin+`' ORDER BY period LIMIT 1`)
	const q = `query($b: BasisInput!, $iin: IIN!, $bin: BIN!) { inquiry(basis: $b) {
		pensionStatement(iin: $iin) { contributions(first: 100) { edges { node { amount truncated } } } }
		person(iin: $iin) { pensionContributions(first: 100) { totalCount edges { node { period income amount employerAmount paymentDate truncated } } } }
		legalEntity(bin: $bin) { pensionContributionsPaid(first: 100) { edges { node { iin amount truncated } } } } } }`
	for _, c := range []struct {
		access    authz.Access
		truncated bool
	}{{authz.AccessFull, false}, {authz.AccessTruncated, true}} {
		o := withAccess(c.access)
		r := fx.post(t, o.IIN, q, map[string]any{"iin": iin, "bin": bin,
			"b": o.basis()})
		if len(r.Errors) > 0 {
			t.Fatalf("%s as %s under %s: %+v", c.access, o.Role, o.Basis, r.Errors)
		}
		for _, path := range []string{"inquiry.person.pensionContributions.edges", "inquiry.legalEntity.pensionContributionsPaid.edges",
			"inquiry.pensionStatement.contributions.edges"} {
			edges, _ := get(r.Data, path).([]any)
			if len(edges) == 0 {
				t.Fatalf("%s: no contributions at %s: %+v", c.access, path, r.Data)
			}
			for _, e := range edges {
				n := get(e, "node")
				if get(n, "truncated") != c.truncated || (get(n, "amount") == nil) != c.truncated {
					t.Fatalf("%s as %s under %s: %s node %v", c.access, o.Role, o.Basis, path, n)
				}
				if c.truncated && (get(n, "income") != nil || get(n, "employerAmount") != nil) {
					t.Fatalf("truncated node shows amounts: %v", n)
				}
				if !c.truncated && get(n, "employerAmount") == nil && get(n, "income") != nil && get(n, "period").(string) >= "2024-01" {
					t.Fatalf("FULL node lacks the employer's contribution: %v", n)
				}
			}
		}
		if get(r.Data, "inquiry.person.pensionContributions.edges.0.node.paymentDate") == nil {
			t.Fatalf("%s: payment dates are not amounts and stay visible: %+v", c.access, r.Data)
		}
	}
}
