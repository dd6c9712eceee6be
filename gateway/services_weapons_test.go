package gateway_test

import "testing"

func init() {
	registerServices(
		serviceCase{
			service: "WEAPONS", args: "$iin: IIN!", path: "person.weapons",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Weapons.DB(),
					`SELECT owner_id FROM {weapons} WHERE owner_kind = 'PERSON' ORDER BY serial_number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin weapons { serialNumber kind make model caliber permitNumber permitStatus permitExpires issuedBy region { nameRu } ownerPerson { iin } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				w := got.([]any)[0]
				if get(w, "ownerPerson.iin") != vars["iin"] || get(w, "serialNumber") == "" || get(w, "issuedBy") == "" {
					t.Fatalf("weapon = %v", w)
				}
			},
		},
		serviceCase{
			service: "WEAPONS", args: "$bin: BIN!", path: "legalEntity.weapons",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Weapons.DB(),
					`SELECT owner_id FROM {weapons} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY serial_number LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin weapons { serialNumber kind ownerLegalEntity { bin } } }`,
		},
		serviceCase{
			service: "WEAPONS", args: "$serial: String!", path: "weapon",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"serial": one[string](t, fx.g.Weapons.DB(), `SELECT serial_number FROM {weapons} ORDER BY serial_number LIMIT 1`)}
			},
			selection: `weapon(serialNumber: $serial) { serialNumber ownerId ownerKind }`,
		},
	)
}
