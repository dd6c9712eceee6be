package gateway_test

import "testing"

// The register of civil servants: Запрос на госслужащего (by person) and
// Сведения о государственных служащих (by person and by state body).

func init() {
	// a person holding a post after an earlier one
	servant := func(t *testing.T, fx *fixture) string {
		return one[string](t, fx.g.CivilSvc.DB(), `SELECT c.iin FROM {records} c WHERE c.end_date IS NULL
			AND EXISTS (SELECT 1 FROM {records} e WHERE e.iin = c.iin AND e.end_date IS NOT NULL) ORDER BY c.id LIMIT 1`)
	}
	registerServices(
		serviceCase{
			service: "CIVIL_SERVANT_REQUEST", args: "$iin: IIN!", path: "person.civilService",
			vars: func(t *testing.T, fx *fixture) map[string]any { return map[string]any{"iin": servant(t, fx)} },
			selection: `person(iin: $iin) { iin civilService { iin isCivilServant
				currentPost { stateBodyBin stateBodyRu region { nameRu } positionRu startDate endDate current }
				posts { stateBodyBin stateBodyRu positionRu startDate endDate current } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				posts := get(got, "posts").([]any)
				if get(got, "isCivilServant") != true || get(got, "currentPost.current") != true || len(posts) < 2 ||
					get(posts[len(posts)-1], "endDate") != nil || get(posts[0], "endDate") == nil {
					t.Fatalf("civil servant check = %v", got)
				}
			},
		},
		serviceCase{
			service: "CIVIL_SERVANTS", args: "$iin: IIN!", path: "person.civilServiceRecords",
			vars: func(t *testing.T, fx *fixture) map[string]any { return map[string]any{"iin": servant(t, fx)} },
			selection: `person(iin: $iin) { iin civilServiceRecords { id stateBodyBin stateBodyRu category corps positionRu
				startDate endDate current dismissalGroundRu orderNumber person { iin } } }`,
		},
		serviceCase{
			service: "CIVIL_SERVANTS", args: "$bin: BIN!", path: "civilServants",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.CivilSvc.DB(),
					`SELECT state_body_bin FROM {records} GROUP BY state_body_bin ORDER BY COUNT(*) DESC, state_body_bin LIMIT 1`)}
			},
			selection: `civilServants(stateBodyBin: $bin, first: 50) { totalCount edges { node { iin stateBodyBin stateBodyRu region { nameRu }
				positionRu category corps startDate endDate current dismissalGroundRu orderNumber person { iin fullName } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				seenEnded := false
				for _, e := range get(got, "edges").([]any) {
					n := get(e, "node")
					if get(n, "stateBodyBin") != vars["bin"] || get(n, "person.iin") != get(n, "iin") {
						t.Fatalf("record of another body or person: %v", n)
					}
					if get(n, "current") == false {
						seenEnded = true
					} else if seenEnded {
						t.Fatalf("current posts come first: %v", got)
					}
				}
			},
		},
	)
}
