package gateway_test

import "testing"

// Сведения о студентах и выпускниках ВУЗов.

func init() {
	registerServices(
		serviceCase{
			service: "STUDENTS_GRADUATES", args: "$iin: IIN!", path: "person.higherEducation",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Education.DB(),
					`SELECT iin FROM {studies} WHERE diploma_number IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin higherEducation { id universityRu region { nameRu } level specialtyCode specialtyRu
				studyForm funding enrolledYear status graduationYear leftYear diplomaNumber withHonors person { iin } } }`,
		},
		serviceCase{
			service: "STUDENTS_GRADUATES", args: "$n: String!", path: "diploma",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// asked as written by hand: lower case, without "№"
				n := one[string](t, fx.g.Education.DB(), `SELECT diploma_number FROM {studies} WHERE diploma_number LIKE 'ЖБ-Б%' ORDER BY id LIMIT 1`)
				return map[string]any{"n": "жб-б " + n[len("ЖБ-Б № "):], "want": n}
			},
			selection: `diploma(number: $n) { diplomaNumber universityRu graduationYear person { iin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "diplomaNumber") != vars["want"] {
					t.Fatalf("diploma %v found %v", vars["n"], got)
				}
			},
		},
	)
}
