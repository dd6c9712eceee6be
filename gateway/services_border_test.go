package gateway_test

import (
	"testing"

	"sio/authz"
)

// Пересечение государственной границы гражданами РК (33) и иностранными
// гражданами (34).

const crossingFields = `id crossedAt direction checkpoint { code nameRu kind region { nameRu } } countryCode documentKind documentNumber
	transport flightNumber trainNumber vehiclePlate routeRu carrierRu`

func init() {
	registerServices(
		serviceCase{
			service: "BORDER_CROSSINGS_CITIZENS", args: "$iin: IIN!", path: "person.borderCrossings",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A citizen who drove abroad in their own car.
				return map[string]any{"iin": one[string](t, fx.g.Border.DB(),
					`SELECT iin FROM {citizen_crossings} WHERE vehicle_plate IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin borderCrossings(first: 100) { totalCount pageInfo { hasNextPage }
				edges { cursor node { ` + crossingFields + ` vehicle { plate ownerPerson { iin } } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				edges := get(got, "edges").([]any)
				car := false
				for i, e := range edges {
					want := "EXIT"
					if i%2 == 1 {
						want = "ENTRY"
					}
					if get(e, "node.direction") != want || get(e, "node.checkpoint.nameRu") == "" || get(e, "node.documentNumber") == "" {
						t.Fatalf("crossing %d = %v", i, e)
					}
					if get(e, "node.vehiclePlate") != nil {
						car = true
						if get(e, "node.vehicle.ownerPerson.iin") != vars["iin"] {
							t.Fatalf("the car is not the traveller's: %v", e)
						}
					}
				}
				if !car || int(get(got, "totalCount").(float64)) != len(edges) {
					t.Fatalf("crossings = %v", got)
				}
				checkCrossingPages(t, fx, vars)
			},
		},
		serviceCase{
			service: "BORDER_CROSSINGS_FOREIGNERS", args: "$iin: IIN!", path: "person.foreignerBorderCrossings",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Border.DB(),
					`SELECT iin FROM {foreigner_crossings} WHERE iin IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin citizenship foreignerBorderCrossings { totalCount edges { node { ` + crossingFields + ` } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "edges.0.node.documentKind") != "FOREIGN_PASSPORT" || get(got, "edges.0.node.direction") != "EXIT" {
					t.Fatalf("resident's crossings = %v", got)
				}
			},
		},
		serviceCase{
			service: "BORDER_CROSSINGS_FOREIGNERS", args: "$iin: IIN!", path: "person.hostedForeigners",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Border.DB(),
					`SELECT host_id FROM {foreign_travellers} WHERE host_kind = 'PERSON' ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin hostedForeigners { id lastName firstName birthDate gender citizenship passportNumber passportExpiry
				purposeRu hostId hostKind hostPerson { iin } person { iin } crossings { totalCount edges { node { ` + crossingFields + ` } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				v := got.([]any)[0]
				if get(v, "hostPerson.iin") != vars["iin"] || get(v, "person") != nil || get(v, "crossings.edges.0.node.direction") != "ENTRY" ||
					get(v, "crossings.edges.0.node.documentNumber") != get(v, "passportNumber") {
					t.Fatalf("visitor = %v", v)
				}
			},
		},
		serviceCase{
			service: "BORDER_CROSSINGS_FOREIGNERS", args: "$bin: BIN!", path: "legalEntity.hostedForeigners",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Border.DB(),
					`SELECT host_id FROM {foreign_travellers} WHERE host_kind = 'LEGAL_ENTITY' ORDER BY id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin hostedForeigners { lastName purposeRu hostLegalEntity { bin } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if v := got.([]any)[0]; get(v, "hostLegalEntity.bin") != vars["bin"] {
					t.Fatalf("business visitor = %v", v)
				}
			},
		},
		serviceCase{
			service: "BORDER_CROSSINGS_FOREIGNERS", args: "$passport: String!", path: "foreignTravellers",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A foreigner living in Kazakhstan, by the national passport.
				return map[string]any{"passport": one[string](t, fx.g.Border.DB(),
					`SELECT passport_number FROM {foreign_travellers} WHERE iin IS NOT NULL ORDER BY id LIMIT 1`)}
			},
			selection: `foreignTravellers(passportNumber: $passport) { passportNumber citizenship person { iin citizenship } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				v := got.([]any)[0]
				if get(v, "person.iin") == nil || get(v, "person.citizenship") != get(v, "citizenship") {
					t.Fatalf("resident foreigner = %v", v)
				}
			},
		},
	)
}

// checkCrossingPages reads a citizen's crossings two at a time and finds
// the same crossings as in one page.
func checkCrossingPages(t *testing.T, fx *fixture, vars map[string]any) {
	t.Helper()
	o, _ := fx.byOfficial(t, "BORDER_CROSSINGS_CITIZENS", func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	b := map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка"}
	q := `query($b: BasisInput!, $iin: IIN!, $n: Int, $after: String) { inquiry(basis: $b) { person(iin: $iin) {
		borderCrossings(first: $n, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`
	all := fx.post(t, o.IIN, q, map[string]any{"b": b, "iin": vars["iin"], "n": 100})
	want := get(all.Data, "inquiry.person.borderCrossings.edges").([]any)
	var after any
	var got []any
	for range len(want) {
		r := fx.post(t, o.IIN, q, map[string]any{"b": b, "iin": vars["iin"], "n": 2, "after": after})
		page := get(r.Data, "inquiry.person.borderCrossings")
		got = append(got, get(page, "edges").([]any)...)
		if get(page, "pageInfo.hasNextPage") != true {
			break
		}
		after = get(page, "pageInfo.endCursor")
	}
	if len(got) != len(want) {
		t.Fatalf("paged %d crossings, want %d", len(got), len(want))
	}
	for i := range got {
		if get(got[i], "node.id") != get(want[i], "node.id") {
			t.Fatalf("page order differs at %d", i)
		}
	}
}
