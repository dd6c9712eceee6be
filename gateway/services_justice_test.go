package gateway_test

import (
	"strings"
	"testing"

	"sio"
	"sio/authz"
	"sio/sqldb"
)

// The justice registers: Специальные учеты, Исполнительные производства,
// Судебные органы, Судебные карточки, Требования, Е-Нотариат, Единый учет
// обращений лиц, Скрывающиеся от следствия/дознания, Без вести пропавшие,
// Контроль процедуры выдворения, Сведения о должниках и ответчиках.
// Selections reach every nested guarded field, including the links between
// the registers (a record's court case, a search's criminal case, a
// proceeding's executive inscription).

// pick returns a variable for a case: the first value of query on db.
func pick(name string, db func(*fixture) *sqldb.DB, query string) func(*testing.T, *fixture) map[string]any {
	return func(t *testing.T, fx *fixture) map[string]any {
		return map[string]any{name: one[string](t, db(fx), query)}
	}
}

// askAs posts query as an official allowed every one of services, under the
// official's own case.
func askAs(t *testing.T, fx *fixture, services []string, query string, vars map[string]any) gqlResponse {
	t.Helper()
	o := fx.allowedAll(t, services...)
	vs := map[string]any{"b": map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка"}}
	for k, v := range vars {
		if k != "b" {
			vs[k] = v
		}
	}
	r := fx.post(t, o.IIN, query, vs)
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %+v", query, r.Errors)
	}
	return r
}

func courtsDB(fx *fixture) *sqldb.DB     { return fx.g.Courts.DB() }
func courtCardsDB(fx *fixture) *sqldb.DB { return fx.g.CourtCards.DB() }
func missingDB(fx *fixture) *sqldb.DB    { return fx.g.MissingPersons.DB() }
func notaryDB(fx *fixture) *sqldb.DB     { return fx.g.Notary.DB() }

// badKey checks that a malformed natural key of an Inquiry lookup is a
// BAD_USER_INPUT error naming the argument.
func badKey(t *testing.T, fx *fixture, service, field, arg, value string) {
	t.Helper()
	o, ok := fx.byOfficial(t, service, func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	if !ok {
		t.Fatalf("no official may read %s", service)
	}
	r := fx.post(t, o.IIN, `query($b: BasisInput!, $v: String!) { inquiry(basis: $b) { basis `+field+`(`+arg+`: $v) { __typename } } }`,
		map[string]any{"v": value, "b": map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка"}})
	if e := r.errorAt("inquiry." + field); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != arg {
		t.Fatalf("%s(%s: %q): want BAD_USER_INPUT naming %s, got %+v", field, arg, value, arg, r)
	}
}

// refusedUnderSubBasis checks the refusal of a person- or entity-level field
// of a service that the policy refuses, where PERSONS and LEGAL_ENTITIES are
// allowed, only under inherited sub-bases (the OTHER_TASKS sub-bases of doc
// 002). The seeded officials hold cases of the parent basis only, so
// TestServices cannot find such a refusal; here an official opens the
// inquiry under the sub-basis with a parent-basis case, and the field must
// be FORBIDDEN while its parent is served.
func refusedUnderSubBasis(t *testing.T, fx *fixture, service, args, selection, path string, vars map[string]any) {
	t.Helper()
	p := fx.g.Policy
	for _, o := range fx.officials(t) {
		b, ok := p.Basis(o.Basis)
		if !ok || b.Parent == "" || p.Decide(o.Role, b.Code, service).Allowed ||
			!p.Decide(o.Role, b.Code, "PERSONS").Allowed || !p.Decide(o.Role, b.Code, "LEGAL_ENTITIES").Allowed {
			continue
		}
		vs := map[string]any{"b": o.basis()}
		for k, v := range vars {
			vs[k] = v
		}
		r := fx.post(t, o.IIN, serviceCase{args: args, selection: selection}.query(), vs)
		e := r.errorAt("inquiry." + path)
		parent := "inquiry." + path[:strings.LastIndex(path, ".")]
		if e == nil || e.Extensions["code"] != sio.EFORBIDDEN || get(r.Data, "inquiry."+path) != nil || get(r.Data, parent) == nil {
			t.Fatalf("%s as %s under %s: want FORBIDDEN at %s only, got %+v", service, o.Role, b.Code, path, r)
		}
		return
	}
	t.Fatalf("no seeded official may open an inquiry under a sub-basis that refuses %s", service)
}

func init() {
	registerServices(
		// ---- Специальные учеты
		serviceCase{
			service: "SPECIAL_RECORDS", args: "$n: String!, $convicted: IIN!, $offender: IIN!, $fingerprinted: IIN!", path: "criminalCase",
			// A case whose suspect was searched for; beside it the records of
			// persons convicted, fined for an offence and fingerprinted.
			vars: func(t *testing.T, fx *fixture) map[string]any {
				db := fx.g.SpecialRecords.DB()
				return map[string]any{
					"n":             one[string](t, fx.g.Fugitives.DB(), `SELECT erdr_number FROM {fugitives} ORDER BY search_case_number LIMIT 1`),
					"convicted":     one[string](t, db, `SELECT person_iin FROM {criminal_records} WHERE court_case_number IS NOT NULL ORDER BY case_number LIMIT 1`),
					"offender":      one[string](t, db, `SELECT person_iin FROM {administrative_offences} ORDER BY case_number LIMIT 1`),
					"fingerprinted": one[string](t, db, `SELECT person_iin FROM {dactyloscopy} ORDER BY person_iin LIMIT 1`),
				}
			},
			selection: `criminalCase(number: $n) { caseNumber erdrNumber outcome
					search { searchCaseNumber erdrNumber status level person { iin } criminalRecord { caseNumber } } }
				convicted: person(iin: $convicted) { iin criminalRecords { caseNumber erdrNumber codeRu article articleRu gravity offenceDate
					registeredBy region { nameRu } outcome outcomeRu outcomeDate courtName sentenceKind sentenceRu fine convictionStatus expungedAt
					person { iin } courtCase { number category status judgeName parties { role roleRu person { iin } } } } }
				offender: person(iin: $offender) { iin administrativeOffences(first: 5) { totalCount edges { node {
					caseNumber article articleRu committedAt penalty penaltyRu fine arrestDays decidedBy executionRu } } } }
				fingerprinted: person(iin: $fingerprinted) { iin dactyloscopy { cardNumber registeredAt registeredBy reason reasonRu } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "SPECIAL_RECORDS", "criminalCase", "number", "24-7500-031")
				if get(got, "search.erdrNumber") != vars["n"] || get(got, "search.criminalRecord.caseNumber") != vars["n"] {
					t.Fatalf("criminal case and its search = %v", got)
				}
				refusedUnderSubBasis(t, fx, "SPECIAL_RECORDS", "$iin: IIN!", `person(iin: $iin) { iin criminalRecords { caseNumber } }`,
					"person.criminalRecords", map[string]any{"iin": vars["convicted"]})
			},
		},

		// ---- Судебные органы
		serviceCase{
			service: "COURTS", args: "$iin: IIN!", path: "person.courtCases",
			vars: pick("iin", courtsDB, `SELECT subject_id FROM {court_parties} WHERE subject_kind = 'PERSON' AND role = 'PLAINTIFF' ORDER BY case_number LIMIT 1`),
			selection: `person(iin: $iin) { iin courtCases(first: 10) { totalCount pageInfo { hasNextPage } edges { role roleRu node {
				number courtName category subjectRu judgeName receivedAt status decidedAt resultRu claim region { nameRu }
				parties { role subjectId subjectKind nameRu person { iin } } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "edges.0.role") == nil || get(got, "edges.0.node.parties.0.nameRu") == "" {
					t.Fatalf("court cases = %v", got)
				}
			},
		},
		serviceCase{
			service: "COURTS", args: "$bin: BIN!", path: "legalEntity.courtCases",
			vars: pick("bin", courtsDB, `SELECT subject_id FROM {court_parties} WHERE subject_kind = 'LEGAL_ENTITY' ORDER BY case_number LIMIT 1`),
			selection: `legalEntity(bin: $bin) { bin courtCases { edges { role node { number category claim
				parties { role nameRu legalEntity { bin } } } } } }`,
		},
		serviceCase{
			service: "COURTS", args: "$n: String!", path: "courtCase",
			vars: pick("n", courtCardsDB, `SELECT case_number FROM {court_cards} ORDER BY card_number LIMIT 1`),
			selection: `courtCase(number: $n) { number category status
				cards { cardNumber verdict person { iin } courtCase { number } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "COURTS", "courtCase", "number", "2-1234/2023")
				if get(got, "cards.0.courtCase.number") != vars["n"] {
					t.Fatalf("court case and its cards = %v", got)
				}
			},
		},

		// ---- Судебные карточки
		serviceCase{
			service: "COURT_CARDS", args: "$iin: IIN!", path: "person.courtCards",
			vars: pick("iin", courtCardsDB, `SELECT person_iin FROM {court_cards} ORDER BY card_number LIMIT 1`),
			selection: `person(iin: $iin) { iin courtCards { cardNumber formRu caseNumber courtName judgeName article articleRu
				verdict verdictDate inForceAt punishmentRu termMonths fine region { nameRu } } }`,
		},
		serviceCase{
			service: "COURT_CARDS", args: "$n: String!", path: "courtCards",
			vars:      pick("n", courtCardsDB, `SELECT case_number FROM {court_cards} ORDER BY card_number DESC LIMIT 1`),
			selection: `courtCards(caseNumber: $n) { cardNumber verdict erdrNumber }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "COURT_CARDS", "courtCards", "caseNumber", "7510-23-1/5")
			},
		},

		// ---- Требования
		serviceCase{
			service: "DEMANDS", args: "$n: String!, $iin: IIN!", path: "demand",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				db := fx.g.Demands.DB()
				return map[string]any{"n": one[string](t, db, `SELECT number FROM {demands} ORDER BY number LIMIT 1`),
					"iin": one[string](t, db, `SELECT person_iin FROM {demands} WHERE found ORDER BY number LIMIT 1`)}
			},
			selection: `demand(number: $n) { number form found }
				person(iin: $iin) { iin demands { totalCount edges { node { number form formRu requestedAt initiator purposeRu
					answeredAt found answerRu } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "DEMANDS", "demand", "number", "T-2475-12")
				refusedUnderSubBasis(t, fx, "DEMANDS", "$iin: IIN!", `person(iin: $iin) { iin demands { totalCount } }`,
					"person.demands", map[string]any{"iin": vars["iin"]})
			},
		},

		// ---- Скрывающиеся от следствия/дознания
		serviceCase{
			service: "FUGITIVES", args: "$n: String!, $iin: IIN!", path: "fugitive",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				db := fx.g.Fugitives.DB()
				return map[string]any{"n": one[string](t, db, `SELECT erdr_number FROM {fugitives} ORDER BY search_case_number DESC LIMIT 1`),
					"iin": one[string](t, db, `SELECT person_iin FROM {fugitives} ORDER BY search_case_number LIMIT 1`)}
			},
			selection: `fugitive(erdrNumber: $n) { searchCaseNumber status person { iin } }
				person(iin: $iin) { iin wanted { searchCaseNumber erdrNumber article initiator declaredAt level levelRu measureRu
					status endedAt endedRu region { nameRu } person { iin } criminalRecord { caseNumber outcome } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "FUGITIVES", "fugitive", "erdrNumber", "24750003100012")
				refusedUnderSubBasis(t, fx, "FUGITIVES", "$iin: IIN!", `person(iin: $iin) { iin wanted { erdrNumber } }`,
					"person.wanted", map[string]any{"iin": vars["iin"]})
			},
		},

		// ---- Без вести пропавшие
		serviceCase{
			service: "MISSING_PERSONS", args: "$n: String!", path: "missingPerson",
			vars: pick("n", missingDB, `SELECT search_case_number FROM {missing_persons} ORDER BY search_case_number LIMIT 1`),
			selection: `missingPerson(searchCaseNumber: $n) { searchCaseNumber status person { iin deathDate
				missingReports { searchCaseNumber lastSeenAt lastSeenPlace circumstancesRu reportedAt applicantRu initiator
					descriptionRu status foundAt foundRu person { iin } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "MISSING_PERSONS", "missingPerson", "searchCaseNumber", "розыск-1")
				// A missing person is alive in ГБД ФЛ.
				if get(got, "person.deathDate") != nil || get(got, "person.missingReports.0.person.iin") != get(got, "person.iin") {
					t.Fatalf("missing person = %v", got)
				}
				refusedUnderSubBasis(t, fx, "MISSING_PERSONS", "$iin: IIN!", `person(iin: $iin) { iin missingReports { status } }`,
					"person.missingReports", map[string]any{"iin": get(got, "person.iin")})
			},
		},

		// ---- Контроль процедуры выдворения
		serviceCase{
			service: "DEPORTATION_CONTROL", args: "$n: String!", path: "expulsion",
			vars: pick("n", func(fx *fixture) *sqldb.DB { return fx.g.Deportation.DB() }, `SELECT decision_number FROM {expulsions} ORDER BY decision_number LIMIT 1`),
			selection: `expulsion(decisionNumber: $n) { decisionNumber person { iin citizenship
				expulsions { decisionNumber citizenship ground groundRu decidedBy decisionDate deadline status executedAt checkpoint
					entryBanUntil region { nameRu } person { iin citizenship } courtCase { number category } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "DEPORTATION_CONTROL", "expulsion", "decisionNumber", "6193/21")
				e := get(got, "person.expulsions.0")
				if c := get(e, "person.citizenship"); c == "KZ" || c != get(e, "citizenship") || get(e, "courtCase.number") != get(e, "decisionNumber") {
					t.Fatalf("expulsions concern foreign citizens, by a court decision: %v", got)
				}
				refusedUnderSubBasis(t, fx, "DEPORTATION_CONTROL", "$iin: IIN!", `person(iin: $iin) { iin expulsions { status } }`,
					"person.expulsions", map[string]any{"iin": get(got, "person.iin")})
			},
		},

		// ---- Исполнительные производства
		serviceCase{
			service: "ENFORCEMENT_PROCEEDINGS", args: "$n: String!, $iin: IIN!, $bin: BIN!", path: "enforcementProceeding",
			// A proceeding with measures; an alimony debtor (a person as
			// creditor); a company owing another company.
			vars: func(t *testing.T, fx *fixture) map[string]any {
				db := fx.g.Enforcement.DB()
				return map[string]any{
					"n":   one[string](t, db, `SELECT proceeding_number FROM {restrictions} ORDER BY proceeding_number LIMIT 1`),
					"iin": one[string](t, db, `SELECT debtor_id FROM {proceedings} WHERE creditor_kind = 'PERSON' ORDER BY number LIMIT 1`),
					"bin": one[string](t, db, `SELECT debtor_id FROM {proceedings} WHERE creditor_kind = 'LEGAL_ENTITY' ORDER BY number LIMIT 1`),
				}
			},
			selection: `enforcementProceeding(number: $n) { number status restrictions { kind kindRu objectNumber imposedAt liftedAt } }
				person(iin: $iin) { iin enforcementProceedings { totalCount edges { node { number openedAt claimKind claimRu
					amount recovered balance documentKind documentNumber documentIssuer officerKind officerName status closedAt
					debtorPerson { iin } creditorPerson { iin } courtCase { number subjectRu } } } } }
				legalEntity(bin: $bin) { bin enforcementProceedings { edges { node { number claimKind amount
					debtorLegalEntity { bin } creditorLegalEntity { bin } courtCase { number } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "ENFORCEMENT_PROCEEDINGS", "enforcementProceeding", "number", "247512345678")
				refusedUnderSubBasis(t, fx, "ENFORCEMENT_PROCEEDINGS", "$iin: IIN!", `person(iin: $iin) { iin enforcementProceedings { totalCount } }`,
					"person.enforcementProceedings", map[string]any{"iin": vars["iin"]})
				refusedUnderSubBasis(t, fx, "ENFORCEMENT_PROCEEDINGS", "$bin: BIN!", `legalEntity(bin: $bin) { bin enforcementProceedings { totalCount } }`,
					"legalEntity.enforcementProceedings", map[string]any{"bin": vars["bin"]})
			},
		},

		// ---- Сведения о должниках и ответчиках
		serviceCase{
			service: "DEBTORS_DEFENDANTS", args: "$n: String!, $debtor: IIN!, $defendant: IIN!", path: "exitRestrictions",
			// The restriction of a proceeding; a debtor's and a defendant's.
			vars: func(t *testing.T, fx *fixture) map[string]any {
				db := fx.g.Debtors.DB()
				return map[string]any{
					"n":         one[string](t, db, `SELECT basis_number FROM {restrictions} WHERE kind = 'DEBTOR' ORDER BY id DESC LIMIT 1`),
					"debtor":    one[string](t, db, `SELECT person_iin FROM {restrictions} WHERE kind = 'DEBTOR' ORDER BY id LIMIT 1`),
					"defendant": one[string](t, db, `SELECT person_iin FROM {restrictions} WHERE kind = 'DEFENDANT' ORDER BY id LIMIT 1`),
				}
			},
			selection: `exitRestrictions(basisNumber: $n) { id kind basisNumber active }
				debtor: person(iin: $debtor) { iin exitRestrictions { id kind basisNumber amount claimantName imposedBy restrictedFrom
					restrictedUntil liftedAt liftedRu active person { iin } proceeding { number debtorId } } }
				defendant: person(iin: $defendant) { iin exitRestrictions { kind basisNumber courtCase { number parties { role person { iin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "DEBTORS_DEFENDANTS", "exitRestrictions", "basisNumber", "ИП-12")
				refusedUnderSubBasis(t, fx, "DEBTORS_DEFENDANTS", "$iin: IIN!", `person(iin: $iin) { iin exitRestrictions { kind } }`,
					"person.exitRestrictions", map[string]any{"iin": vars["debtor"]})
			},
		},

		// ---- Е-Нотариат
		serviceCase{
			service: "E_NOTARY", args: "$iin: IIN!", path: "person.notarialActs",
			// A debtor whose bank obtained a notary's executive inscription.
			vars: pick("iin", notaryDB, `SELECT subject_id FROM {parties} WHERE role = 'DEBTOR' ORDER BY registry_number LIMIT 1`),
			selection: `person(iin: $iin) { iin notarialActs { totalCount edges { role roleRu node { registryNumber actDate kind kindRu
				summaryRu notaryName notaryLicence region { nameRu } parties { role roleRu nameRu subjectId person { iin } } } } }
				enforcementProceedings { edges { node { documentKind documentNumber notarialAct { registryNumber kind } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				r := askAs(t, fx, []string{"PERSONS", "ENFORCEMENT_PROCEEDINGS", "E_NOTARY"},
					`query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) {
						enforcementProceedings { edges { node { documentKind documentNumber notarialAct { registryNumber kind } } } } } } }`, vars)
				found := false
				for _, e := range get(r.Data, "inquiry.person.enforcementProceedings.edges").([]any) {
					if get(e, "node.documentKind") == "NOTARY_INSCRIPTION" {
						found = true
						if get(e, "node.notarialAct.registryNumber") != get(e, "node.documentNumber") || get(e, "node.notarialAct.kind") != "EXECUTIVE_INSCRIPTION" {
							t.Fatalf("the inscription of a proceeding must be in Е-Нотариат: %v", e)
						}
					}
				}
				if !found {
					t.Fatalf("no proceeding executes the inscription: %+v", r)
				}
			},
		},
		serviceCase{
			service: "E_NOTARY", args: "$bin: BIN!", path: "legalEntity.notarialActs",
			vars: pick("bin", notaryDB, `SELECT subject_id FROM {parties} WHERE subject_kind = 'LEGAL_ENTITY' ORDER BY registry_number LIMIT 1`),
			selection: `legalEntity(bin: $bin) { bin notarialActs { edges { role node { kind objectNumber
				parties { role legalEntity { bin } } vehicle { vin ownerLegalEntity { bin } } } } } }`,
		},
		serviceCase{
			service: "E_NOTARY", args: "$vin: String", path: "vehicle.notarialActs",
			vars:      pick("vin", notaryDB, `SELECT object_number FROM {acts} WHERE object_kind = 'VEHICLE' ORDER BY registry_number LIMIT 1`),
			selection: `vehicle(vin: $vin) { vin notarialActs { totalCount edges { role node { kind validUntil revokedAt vehicle { vin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "edges.0.node.vehicle.vin") != vars["vin"] || get(got, "edges.0.role") != nil {
					t.Fatalf("acts on a vehicle = %v", got)
				}
			},
		},
		serviceCase{
			service: "E_NOTARY", args: "$cad: String!", path: "realEstate.notarialActs",
			vars:      pick("cad", notaryDB, `SELECT object_number FROM {acts} WHERE object_kind = 'REAL_ESTATE' ORDER BY registry_number LIMIT 1`),
			selection: `realEstate(cadastralNumber: $cad) { cadastralNumber notarialActs { edges { node { kind summaryRu realEstate { cadastralNumber address } } } } }`,
		},
		serviceCase{
			service: "E_NOTARY", args: "$n: String!", path: "notarialAct",
			vars:      pick("n", notaryDB, `SELECT registry_number FROM {acts} ORDER BY registry_number DESC LIMIT 1`),
			selection: `notarialAct(registryNumber: $n) { registryNumber kind parties { role nameRu } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "E_NOTARY", "notarialAct", "registryNumber", "2475-1-0001")
			},
		},

		// ---- Единый учет обращений лиц
		serviceCase{
			service: "CITIZEN_APPEALS", args: "$iin: IIN!", path: "person.appeals",
			vars: pick("iin", func(fx *fixture) *sqldb.DB { return fx.g.Appeals.DB() }, `SELECT person_iin FROM {appeals} ORDER BY number LIMIT 1`),
			selection: `person(iin: $iin) { iin appeals { totalCount edges { node { number submittedAt body channel kind kindRu categoryRu
				summaryRu kuiNumber deadline status answeredAt resultRu region { nameRu } applicant { iin } } } } }`,
		},
		serviceCase{
			service: "CITIZEN_APPEALS", args: "$n: String!", path: "appeal",
			vars:      pick("n", func(fx *fixture) *sqldb.DB { return fx.g.Appeals.DB() }, `SELECT number FROM {appeals} ORDER BY number DESC LIMIT 1`),
			selection: `appeal(number: $n) { number kind status applicant { iin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				badKey(t, fx, "CITIZEN_APPEALS", "appeal", "number", "ЗТ-2024-1")
			},
		},
	)
}
