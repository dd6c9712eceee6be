package gateway_test

import "testing"

// The core state databases: ГБД ФЛ, ГБД ЮЛ, Регистр недвижимости, Земельный
// участок, Транспортные средства, Налогоплательщики, налоговая
// задолженность, ЗАГС. Selections reach every nested guarded field.

func init() {
	registerServices(
		serviceCase{
			service: "PERSONS", args: "$iin: IIN!", path: "person",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A married parent who owns a vehicle, real estate and land.
				return map[string]any{"iin": one[string](t, fx.g.Civil.DB(), `SELECT p.iin FROM {civil_act_parties} p
					JOIN {civil_act_parties} c ON c.act_id = p.act_id AND c.role = 'CHILD'
					WHERE p.role = 'FATHER' ORDER BY p.iin LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin fullName
				family { relation relative { iin } }
				civilActs { kind parties { role person { iin } } } }`,
		},
		serviceCase{
			service: "PERSONS", args: "$iins: [IIN!]!", path: "persons",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				var iins []string
				if err := fx.g.Persons.DB().Select(t.Context(), &iins, fx.g.Persons.DB().Q(`SELECT iin FROM {persons} ORDER BY iin LIMIT 3`)); err != nil {
					t.Fatal(err)
				}
				return map[string]any{"iins": iins}
			},
			selection: `persons(iins: $iins) { iin }`,
		},
		serviceCase{
			service: "VEHICLES", args: "$iin: IIN!", path: "person.vehicles",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'PERSON' ORDER BY vin LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin vehicles { totalCount edges { node { vin ownerPerson { iin } } } } }`,
		},
		serviceCase{
			service: "VEHICLES", args: "$bin: BIN!", path: "legalEntity.vehicles",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Vehicles.DB(), `SELECT owner_id FROM {vehicles} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY vin LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin vehicles { edges { node { vin ownerLegalEntity { bin } } } } }`,
		},
		serviceCase{
			service: "VEHICLES", args: "$plate: String", path: "vehicle",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"plate": one[string](t, fx.g.Vehicles.DB(), `SELECT plate FROM {vehicles} ORDER BY vin LIMIT 1`)}
			},
			selection: `vehicle(plate: $plate) { vin plate }`,
		},
		serviceCase{
			service: "REAL_ESTATE", args: "$iin: IIN!", path: "person.realEstate",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.RealEstate.DB(), `SELECT holder_id FROM {rights} WHERE holder_kind = 'PERSON' ORDER BY record_id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin realEstate { edges { node { share person { iin } realEstate { address rights { share } } } } } }`,
		},
		serviceCase{
			service: "REAL_ESTATE", args: "$bin: BIN!", path: "legalEntity.realEstate",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.RealEstate.DB(), `SELECT holder_id FROM {rights} WHERE holder_kind = 'LEGAL_ENTITY' ORDER BY record_id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin realEstate { edges { node { share legalEntity { bin } } } } }`,
		},
		serviceCase{
			service: "REAL_ESTATE", args: "$cad: String!", path: "realEstate",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"cad": one[string](t, fx.g.RealEstate.DB(), `SELECT cadastral_number FROM {properties} ORDER BY cadastral_number LIMIT 1`)}
			},
			selection: `realEstate(cadastralNumber: $cad) { cadastralNumber address }`,
		},
		serviceCase{
			service: "LAND_PLOTS", args: "$iin: IIN!", path: "person.landPlots",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Land.DB(), `SELECT holder_id FROM {rights} WHERE holder_kind = 'PERSON' ORDER BY record_id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin landPlots { edges { node { share person { iin } landPlot { areaHa rights { share } } } } } }`,
		},
		serviceCase{
			service: "LAND_PLOTS", args: "$bin: BIN!", path: "legalEntity.landPlots",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Land.DB(), `SELECT holder_id FROM {rights} WHERE holder_kind = 'LEGAL_ENTITY' ORDER BY record_id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin landPlots { edges { node { share legalEntity { bin } } } } }`,
		},
		serviceCase{
			service: "LAND_PLOTS", args: "$cad: String!", path: "landPlot",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"cad": one[string](t, fx.g.Land.DB(), `SELECT cadastral_number FROM {plots} ORDER BY cadastral_number LIMIT 1`)}
			},
			selection: `landPlot(cadastralNumber: $cad) { cadastralNumber areaHa }`,
		},
		serviceCase{
			service: "LEGAL_ENTITIES", args: "$bin: BIN!", path: "legalEntity",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// An entity with an entity founder and a director.
				return map[string]any{"bin": one[string](t, fx.g.Entities.DB(), `SELECT f.entity_bin FROM {founders} f
					JOIN {legal_entities} e ON e.bin = f.entity_bin AND e.director_iin IS NOT NULL
					WHERE f.founder_kind = 'LEGAL_ENTITY' ORDER BY f.entity_bin LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin director { iin } founders { totalCount edges { node { founderId person { iin } legalEntity { bin companies { edges { node { kind legalEntity { bin } } } } } } } } }`,
		},
		serviceCase{
			service: "LEGAL_ENTITIES", args: "$iin: IIN!", path: "person.companies",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Entities.DB(), `SELECT founder_id FROM {founders} WHERE founder_kind = 'PERSON' ORDER BY founder_id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin companies { edges { node { kind legalEntity { bin } } } } }`,
		},
		serviceCase{
			service: "TAXPAYERS", args: "$iin: IIN!", path: "person.taxpayer",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.TaxDebts.DB(), `SELECT taxpayer_id FROM {tax_debts} WHERE LENGTH(taxpayer_id) = 12 ORDER BY record_id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin taxpayer { id kind debts { kbk total } } }`,
		},
		serviceCase{
			service: "TAXPAYERS", args: "$bin: BIN!", path: "legalEntity.taxpayer",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Entities.DB(), `SELECT bin FROM {legal_entities} ORDER BY bin LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin taxpayer { id kind } }`,
		},
		serviceCase{
			service: "TAXPAYERS", args: "$id: ID!", path: "taxpayer",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"id": one[string](t, fx.g.Taxpayers.DB(), `SELECT id FROM {taxpayers} ORDER BY id LIMIT 1`)}
			},
			selection: `taxpayer(id: $id) { id kind }`,
		},
		serviceCase{
			service: "TAX_DEBTS", args: "$id: IIN!", path: "person.taxDebts",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"id": one[string](t, fx.g.TaxDebts.DB(), `SELECT d.taxpayer_id FROM {tax_debts} d WHERE LENGTH(d.taxpayer_id) = 12 ORDER BY d.record_id LIMIT 1`)}
			},
			selection: `person(iin: $id) { iin taxDebts { kbk principal penalty fine total } }`,
		},
		serviceCase{
			service: "TAX_DEBTS", args: "$bin: BIN!", path: "legalEntity.taxDebts",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.TaxDebts.DB(), `SELECT taxpayer_id FROM {tax_debts} WHERE SUBSTR(taxpayer_id, 5, 1) IN ('4', '5', '6') ORDER BY record_id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin taxDebts { kbk total } }`,
		},
		serviceCase{
			service: "CIVIL_REGISTRY", args: "$iin: IIN!", path: "person.family",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Civil.DB(), `SELECT iin FROM {civil_act_parties} WHERE role = 'SPOUSE' ORDER BY iin LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin family { relation relativeIin } civilActs { kind number } }`,
		},
	)
}
