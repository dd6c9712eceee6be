package gateway_test

import "testing"

// Сведения по пассажирским таможенным декларациям (44).

func init() {
	registerServices(
		serviceCase{
			service: "PASSENGER_CUSTOMS_DECLARATIONS", args: "$iin: IIN!", path: "person.customsDeclarations",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// The person with the most declarations (a shuttle trader).
				return map[string]any{"iin": one[string](t, fx.g.PaxCustoms.DB(),
					`SELECT iin FROM {declarations} GROUP BY iin ORDER BY COUNT(*) DESC, iin LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin customsDeclarations(first: 50) { totalCount edges { node { number declaredAt direction
				customsPostCode customsPostRu checkpoint { nameRu kind region { nameRu } } countryCode transport flightNumber trainNumber vehiclePlate vehicleVin
				totalValue dutyPaid decisionRu declarant { iin }
				items { line kind descriptionRu hsCode quantity unitRu weightKg value currency currencyAmount } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				d := get(got, "edges.0.node")
				if get(d, "declarant.iin") != vars["iin"] || get(d, "customsPostRu") == "" || get(got, "totalCount").(float64) < 2 {
					t.Fatalf("declarations = %v", got)
				}
				for _, e := range get(got, "edges").([]any) {
					if items, _ := get(e, "node.items").([]any); len(items) > 0 && get(items[0], "line") != 1.0 {
						t.Fatalf("items out of order: %v", e)
					}
				}
			},
		},
		serviceCase{
			service: "PASSENGER_CUSTOMS_DECLARATIONS", args: "$number: String!", path: "passengerDeclaration",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A car declared for temporary export.
				return map[string]any{"number": one[string](t, fx.g.PaxCustoms.DB(),
					`SELECT number FROM {declarations} WHERE vehicle_vin IS NOT NULL ORDER BY number LIMIT 1`)}
			},
			selection: `passengerDeclaration(number: $number) { number direction vehiclePlate vehicleVin vehicle { vin plate ownerPerson { iin } } declarant { iin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "vehicle.vin") != get(got, "vehicleVin") || get(got, "vehicle.ownerPerson.iin") == nil || get(got, "declarant.iin") == nil {
					t.Fatalf("declaration = %v", got)
				}
			},
		},
	)
}
