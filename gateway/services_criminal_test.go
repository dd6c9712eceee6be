package gateway_test

import "testing"

// The criminal records on objects: Криминальный автотранспорт and
// Криминальное оружие. Selections reach every nested guarded field.

func init() {
	registerServices(
		serviceCase{
			service: "CRIMINAL_VEHICLES", args: "$vin: String", path: "vehicle.criminalRecords",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"vin": one[string](t, fx.g.CriminalVehicles.DB(), `SELECT vin FROM {criminal_vehicles} ORDER BY id LIMIT 1`)}
			},
			selection: `vehicle(vin: $vin) { vin criminalRecords { id event eventDate erdrNumber article initiator status foundAt foundPlaceRu } }`,
		},
		serviceCase{
			service: "CRIMINAL_VEHICLES", args: "$plate: String", path: "criminalVehicleRecords",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"plate": one[string](t, fx.g.CriminalVehicles.DB(), `SELECT plate FROM {criminal_vehicles} ORDER BY id LIMIT 1`)}
			},
			selection: `criminalVehicleRecords(plate: $plate) { plate vin vehicle { vin plate } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if c := got.([]any)[0]; get(c, "vehicle.vin") != get(c, "vin") {
					t.Fatalf("record and register disagree: %v", c)
				}
			},
		},
		serviceCase{
			service: "CRIMINAL_WEAPONS", args: "$serial: String!", path: "weapon.criminalRecords",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"serial": one[string](t, fx.g.CriminalWeapons.DB(),
					`SELECT serial_number FROM {criminal_weapons} WHERE event IN ('LOST', 'STOLEN') ORDER BY id LIMIT 1`)}
			},
			selection: `weapon(serialNumber: $serial) { serialNumber ownerId criminalRecords { event eventDate status registeredWeapon { serialNumber } person { iin } } }`,
		},
		serviceCase{
			service: "CRIMINAL_WEAPONS", args: "$serial: String!", path: "criminalWeaponRecords",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"serial": one[string](t, fx.g.CriminalWeapons.DB(),
					`SELECT serial_number FROM {criminal_weapons} WHERE event IN ('LOST', 'STOLEN') ORDER BY id LIMIT 1`)}
			},
			selection: `criminalWeaponRecords(serialNumber: $serial) { serialNumber personIin registeredWeapon { serialNumber ownerId } person { iin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if c := got.([]any)[0]; get(c, "registeredWeapon.ownerId") != get(c, "personIin") || get(c, "person.iin") != get(c, "personIin") {
					t.Fatalf("a lost or stolen weapon is registered to the person: %v", c)
				}
			},
		},
	)
}
