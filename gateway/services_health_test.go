package gateway_test

import "testing"

// The medical services, each on its own field of Person.

func init() {
	registerServices(
		serviceCase{
			service: "OUTPATIENT_VISITS", args: "$iin: IIN!", path: "person.outpatientVisits",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Medical.DB(), `SELECT iin FROM {outpatient_visits} ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin outpatientVisits(first: 5) { totalCount edges { node { id visitedOn facility region { nameRu }
				doctorSpecialty icd10 diagnosisRu kind } } } }`,
		},
		serviceCase{
			service: "DISPENSARY_REGISTRATION", args: "$iin: IIN!", path: "person.dispensaryRegistrations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Medical.DB(), `SELECT iin FROM {dispensary_registrations} ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin dispensaryRegistrations { id facility region { nameRu } icd10 diagnosisRu group doctorSpecialty
				registeredOn deregisteredOn deregistrationReasonRu active } }`,
		},
		serviceCase{
			service: "HOSPITAL_REFERRALS", args: "$iin: IIN!", path: "person.hospitalReferrals",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Medical.DB(), `SELECT iin FROM {hospital_referrals} ORDER BY referral_number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin hospitalReferrals { referralNumber referredOn fromFacility hospital region { nameRu }
				profileRu icd10 diagnosisRu plannedOn status } }`,
		},
		serviceCase{
			service: "HOSPITAL_REFERRALS", args: "$n: String!", path: "hospitalReferral",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.Medical.DB(), `SELECT referral_number FROM {hospital_referrals} ORDER BY referral_number LIMIT 1`)}
			},
			selection: `hospitalReferral(referralNumber: $n) { referralNumber iin status }`,
		},
		serviceCase{
			service: "INPATIENT_TREATMENT", args: "$iin: IIN!", path: "person.inpatientStays",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// a planned stay, with its referral
				return map[string]any{"iin": one[string](t, fx.g.Medical.DB(),
					`SELECT iin FROM {inpatient_stays} WHERE referral_number IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin inpatientStays { id hospital region { nameRu } departmentRu admission admittedOn dischargedOn
				outcome icd10 diagnosisRu referralNumber referral { referralNumber status plannedOn } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				for _, s := range got.([]any) {
					if n := get(s, "referralNumber"); n != nil && (get(s, "referral.referralNumber") != n || get(s, "referral.plannedOn") != get(s, "admittedOn")) {
						t.Fatalf("stay %v and its referral", s)
					}
				}
			},
		},
	)
}
