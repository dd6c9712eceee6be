package gateway_test

import "testing"

// Иностранная рабочая сила and Нарушение иностранных рабочих.

func init() {
	// an employer one of whose listed workers committed an offence
	employer := func(t *testing.T, fx *fixture) string {
		return one[string](t, fx.g.ForeignVio.DB(), `SELECT employer_bin FROM {violations}
			WHERE description_ru NOT LIKE '%без разрешения%' ORDER BY protocol_number LIMIT 1`)
	}
	registerServices(
		serviceCase{
			service: "FOREIGN_LABOR", args: "$bin: BIN!", path: "legalEntity.foreignLaborPermits",
			vars: func(t *testing.T, fx *fixture) map[string]any { return map[string]any{"bin": employer(t, fx)} },
			selection: `legalEntity(bin: $bin) { bin foreignLaborPermits { permitNumber employerBin category categoryRu issuedOn validUntil
				quota status issuer region { nameRu } employer { bin }
				workers { id lastName firstName fullName birthDate gender citizenship citizenshipRu passportNumber positionRu
					permit { permitNumber } violations { protocolNumber passportNumber } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				offenders := 0
				for _, p := range got.([]any) {
					if get(p, "employer.bin") != vars["bin"] {
						t.Fatalf("permit of another employer: %v", p)
					}
					ws, _ := get(p, "workers").([]any)
					for _, w := range ws {
						if get(w, "permit.permitNumber") != get(p, "permitNumber") {
							t.Fatalf("worker's permit: %v", w)
						}
						vs, _ := get(w, "violations").([]any)
						for _, v := range vs {
							if get(v, "passportNumber") != get(w, "passportNumber") {
								t.Fatalf("offence of another passport: %v", v)
							}
							offenders++
						}
					}
				}
				if offenders == 0 {
					t.Fatalf("the employer's offending worker is not found through the permits: %v", got)
				}
			},
		},
		serviceCase{
			service: "FOREIGN_LABOR", args: "$n: String!", path: "foreignLaborPermit",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.ForeignLab.DB(), `SELECT permit_number FROM {permits} ORDER BY permit_number LIMIT 1`)}
			},
			selection: `foreignLaborPermit(permitNumber: $n) { permitNumber status workers { passportNumber } }`,
		},
		serviceCase{
			service: "FOREIGN_LABOR", args: "$p: String!", path: "foreignWorkers",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"p": one[string](t, fx.g.ForeignLab.DB(), `SELECT passport_number FROM {workers} ORDER BY id LIMIT 1`)}
			},
			selection: `foreignWorkers(passportNumber: $p) { passportNumber fullName permitNumber permit { employerBin } }`,
		},
		serviceCase{
			service: "FOREIGN_WORKER_VIOLATIONS", args: "$bin: BIN!", path: "legalEntity.foreignWorkerViolations",
			vars: func(t *testing.T, fx *fixture) map[string]any { return map[string]any{"bin": employer(t, fx)} },
			selection: `legalEntity(bin: $bin) { bin foreignWorkerViolations { protocolNumber lastName firstName birthDate citizenship
				citizenshipRu passportNumber employerBin article articleRu descriptionRu committedOn region { nameRu } body decidedOn
				decisionRu fine expelled employer { bin } } }`,
		},
		serviceCase{
			service: "FOREIGN_WORKER_VIOLATIONS", args: "$p: String!", path: "foreignWorkerViolations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"p": one[string](t, fx.g.ForeignVio.DB(), `SELECT passport_number FROM {violations} ORDER BY protocol_number LIMIT 1`)}
			},
			selection: `foreignWorkerViolations(passportNumber: $p) { protocolNumber articleRu decisionRu fine expelled }`,
		},
	)
}
