package gateway_test

import "testing"

// The road-traffic databases: Водительское удостоверение, Нарушения ПДД,
// Учет ДТП, Прохождение технического осмотра and Сведения по декларациям на
// транспортное средство. Selections reach every nested guarded field.

func init() {
	registerServices(
		serviceCase{
			service: "DRIVER_LICENSES", args: "$iin: IIN!", path: "person.driverLicenses",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.DriverLicenses.DB(),
					`SELECT holder_iin FROM {driver_licenses} WHERE status = 'DEPRIVED' ORDER BY number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin driverLicenses { number categories issuedAt expiresAt issuedBy status
				deprivation { from until court article } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				ls := got.([]any)
				if l := ls[len(ls)-1]; get(l, "status") != "DEPRIVED" || get(l, "deprivation.article") != "608 ч.1" {
					t.Fatalf("the last licence is deprived: %v", ls)
				}
			},
		},
		serviceCase{
			service: "DRIVER_LICENSES", args: "$n: String!", path: "driverLicense",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.DriverLicenses.DB(), `SELECT number FROM {driver_licenses} ORDER BY number LIMIT 1`)}
			},
			selection: `driverLicense(number: $n) { number holderIin holder { iin } }`,
		},
		serviceCase{
			service: "TRAFFIC_VIOLATIONS", args: "$iin: IIN!", path: "person.trafficViolations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// an owner stopped by a patrol: driver and liable person
				return map[string]any{"iin": one[string](t, fx.g.Violations.DB(),
					`SELECT driver_iin FROM {violations} WHERE driver_iin IS NOT NULL ORDER BY number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin trafficViolations(first: 100) { totalCount edges { node { number article descriptionRu occurredAt
				placeRu fineMrp fine paid fineStatus source recordedBy vehicle { vin } driver { iin } offenderPerson { iin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				for _, e := range get(got, "edges").([]any) {
					if n := get(e, "node"); get(n, "offenderPerson.iin") != vars["iin"] && get(n, "driver.iin") != vars["iin"] {
						t.Fatalf("an offence of someone else: %v", n)
					}
				}
			},
		},
		serviceCase{
			service: "TRAFFIC_VIOLATIONS", args: "$bin: BIN!", path: "legalEntity.trafficViolations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Violations.DB(),
					`SELECT offender_id FROM {violations} WHERE offender_kind = 'LEGAL_ENTITY' ORDER BY number LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin trafficViolations { edges { node { number plate offenderLegalEntity { bin } } } } }`,
		},
		// Vehicle.violations is reached under the offence's vehicle: the
		// only bases that allow VEHICLES but refuse TRAFFIC_VIOLATIONS are
		// sub-bases of "иные задачи" no seeded official has a case under,
		// so its refusal cannot be tested on a path below VEHICLES.
		serviceCase{
			service: "TRAFFIC_VIOLATIONS", args: "$plate: String", path: "trafficViolations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"plate": one[string](t, fx.g.Violations.DB(), `SELECT plate FROM {violations} ORDER BY number LIMIT 1`)}
			},
			selection: `trafficViolations(plate: $plate, first: 1) { totalCount edges { node { number plate paidAt sanctionRu
				vehicle { plate violations { totalCount edges { node { number } } } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				v := get(got, "edges.0.node.vehicle")
				if get(v, "plate") != vars["plate"] || get(v, "violations.totalCount") != get(got, "totalCount") {
					t.Fatalf("the plate's offences are the vehicle's: %v", got)
				}
			},
		},
		serviceCase{
			service: "ROAD_ACCIDENTS", args: "$iin: IIN!", path: "person.roadAccidents",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Accidents.DB(), `SELECT culprit_iin FROM {accidents} ORDER BY number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin roadAccidents { totalCount edges { node { number occurredAt kind kindRu conditionsRu injured killed culpritIin
				participants { role iin injury culprit person { iin } vehicle { vin } } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				a := get(got, "edges.0.node")
				if get(a, "culpritIin") != vars["iin"] || get(a, "participants.0.person.iin") != vars["iin"] || get(a, "participants.0.vehicle.vin") == nil {
					t.Fatalf("the person caused the accident with their vehicle: %v", a)
				}
			},
		},
		serviceCase{
			service: "ROAD_ACCIDENTS", args: "$n: String!", path: "roadAccident",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.Accidents.DB(), `SELECT number FROM {accidents} ORDER BY number LIMIT 1`)}
			},
			selection: `roadAccident(number: $n) { number placeRu participants { role vehicle { vin accidents { totalCount edges { node { number } } } } } }`,
		},
		serviceCase{
			service: "TECHNICAL_INSPECTIONS", args: "$vin: String", path: "vehicle.inspections",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"vin": one[string](t, fx.g.TechInspections.DB(), `SELECT vin FROM {inspections} ORDER BY card_number LIMIT 1`)}
			},
			selection: `vehicle(vin: $vin) { vin inspections { totalCount edges { node { cardNumber inspectedAt station result mileageKm nextDate } } } }`,
		},
		serviceCase{
			service: "VEHICLE_CUSTOMS_DECLARATIONS", args: "$n: String!", path: "vehicleCustomsDeclaration",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.VehicleCustoms.DB(),
					`SELECT number FROM {declarations} WHERE declarant_kind = 'PERSON' ORDER BY number LIMIT 1`)}
			},
			selection: `vehicleCustomsDeclaration(number: $n) { number declaredAt customsPostRu originCountryRu customsValue duty vat excise fee totalPaid
				declarantPerson { iin } vehicle { vin customsDeclaration { number } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "vehicle.customsDeclaration.number") != vars["n"] {
					t.Fatalf("the vehicle's declaration is the one asked: %v", got)
				}
			},
		},
		serviceCase{
			service: "VEHICLE_CUSTOMS_DECLARATIONS", args: "$n: String!", path: "vehicleCustomsDeclaration",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.VehicleCustoms.DB(),
					`SELECT number FROM {declarations} WHERE declarant_kind = 'LEGAL_ENTITY' ORDER BY number LIMIT 1`)}
			},
			selection: `vehicleCustomsDeclaration(number: $n) { number vin vehicle { vin ownerId } declarantLegalEntity { bin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "vehicle.vin") != get(got, "vin") || get(got, "vehicle.ownerId") != get(got, "declarantLegalEntity.bin") {
					t.Fatalf("the declarant owns the vehicle: %v", got)
				}
			},
		},
	)
}
