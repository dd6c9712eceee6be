package gateway_test

import (
	"strings"
	"testing"

	"sio"
	"sio/authz"
	"sio/sqldb"
)

// The transport registers: Железнодорожный транспорт, Речные и маломерные
// суда, Морские суда, Сельхозтехника and Қазақстан теміржолы. Selections
// reach every nested guarded field.

func init() {
	registerServices(
		serviceCase{
			service: "RAILWAY_TRANSPORT", args: "$iin: IIN!", path: "person.rollingStock",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.RollingStock.DB(),
					`SELECT owner_id FROM {rolling_stock} WHERE owner_kind = 'PERSON' ORDER BY number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin rollingStock(first: 2) { totalCount pageInfo { hasNextPage }
				edges { node { number kind typeRu model registeredAt homeStation ownerPerson { iin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				x := get(got, "edges.0.node")
				if !sio.ValidWagonNumber(get(x, "number").(string)) || get(x, "ownerPerson.iin") != vars["iin"] || get(x, "kind") != "WAGON" {
					t.Fatalf("rolling stock = %v", got)
				}
			},
		},
		serviceCase{
			service: "RAILWAY_TRANSPORT", args: "$bin: BIN!", path: "legalEntity.rollingStock",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.RollingStock.DB(),
					`SELECT owner_id FROM {rolling_stock} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY number LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin rollingStock { totalCount edges { node { number status ownerLegalEntity { bin } } } } }`,
		},
		serviceCase{
			service: "RAILWAY_TRANSPORT", args: "$n: String!", path: "rollingStock",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.RollingStock.DB(), `SELECT number FROM {rolling_stock} ORDER BY number LIMIT 1`)}
			},
			selection: `rollingStock(number: $n) { number plant certificateNumber region { nameRu } }`,
		},
		serviceCase{
			service: "RIVER_SMALL_VESSELS", args: "$iin: IIN!", path: "person.riverVessels",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.RiverVessels.DB(),
					`SELECT owner_id FROM {river_vessels} WHERE owner_kind = 'PERSON' ORDER BY registration_number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin riverVessels { registrationNumber category hullTypeRu enginePowerHp homeWaterRu registeredBy ownerPerson { iin } } }`,
		},
		serviceCase{
			service: "RIVER_SMALL_VESSELS", args: "$bin: BIN!", path: "legalEntity.riverVessels",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.RiverVessels.DB(),
					`SELECT owner_id FROM {river_vessels} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY registration_number LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin riverVessels { registrationNumber make model ownerLegalEntity { bin } } }`,
		},
		serviceCase{
			service: "RIVER_SMALL_VESSELS", args: "$n: String!", path: "riverVessel",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// Spaces and case do not matter: "kz045716" finds "KZ 0457 16".
				n := one[string](t, fx.g.RiverVessels.DB(), `SELECT registration_number FROM {river_vessels} ORDER BY registration_number LIMIT 1`)
				return map[string]any{"n": strings.ToLower(strings.ReplaceAll(n, " ", ""))}
			},
			selection: `riverVessel(registrationNumber: $n) { registrationNumber ownerId ownerKind }`,
		},
		serviceCase{
			service: "SEA_VESSELS", args: "$bin: BIN!", path: "legalEntity.seaVessels",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.SeaVessels.DB(), `SELECT owner_bin FROM {sea_vessels} ORDER BY imo_number LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin seaVessels { imoNumber name typeRu portOfRegistry grossTonnage ownerLegalEntity { bin } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if v := got.([]any)[0]; !sio.ValidIMO(get(v, "imoNumber").(string)) || get(v, "ownerLegalEntity.bin") != vars["bin"] {
					t.Fatalf("sea vessel = %v", v)
				}
			},
		},
		serviceCase{
			service: "SEA_VESSELS", args: "$imo: String!", path: "seaVessel",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"imo": "IMO " + one[string](t, fx.g.SeaVessels.DB(), `SELECT imo_number FROM {sea_vessels} ORDER BY imo_number LIMIT 1`)}
			},
			selection: `seaVessel(imoNumber: $imo) { imoNumber callSign mmsi ownerBin }`,
		},
		serviceCase{
			service: "AGRICULTURAL_MACHINERY", args: "$iin: IIN!", path: "person.agriculturalMachinery",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.AgriMachinery.DB(),
					`SELECT owner_id FROM {machines} WHERE owner_kind = 'PERSON' ORDER BY plate LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin agriculturalMachinery { plate kindRu make model enginePowerHp ownerPerson { iin } } }`,
		},
		serviceCase{
			service: "AGRICULTURAL_MACHINERY", args: "$bin: BIN!", path: "legalEntity.agriculturalMachinery",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.AgriMachinery.DB(),
					`SELECT owner_id FROM {machines} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY plate LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin agriculturalMachinery { plate serialNumber registeredBy ownerLegalEntity { bin } } }`,
		},
		serviceCase{
			service: "AGRICULTURAL_MACHINERY", args: "$plate: String!", path: "agriculturalMachine",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"plate": one[string](t, fx.g.AgriMachinery.DB(), `SELECT plate FROM {machines} ORDER BY plate LIMIT 1`)}
			},
			selection: `agriculturalMachine(plate: $plate) { plate certificateNumber status }`,
		},
		serviceCase{
			service: "KAZAKHSTAN_RAILWAYS", args: "$iin: IIN!", path: "person.railwayTickets",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.RailwayTickets.DB(), `SELECT passenger_iin FROM {tickets} ORDER BY ticket_number LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin railwayTickets(first: 1) { totalCount edges { node { ticketNumber trainNumber departureStation
				arrivalStation departureAt arrivalAt carTypeRu seat price channel passenger { iin } } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				x := get(got, "edges.0.node")
				if get(x, "passenger.iin") != vars["iin"] || !strings.HasSuffix(get(x, "departureAt").(string), "Z") || get(x, "price") == "0.00" {
					t.Fatalf("ticket = %v", x)
				}
			},
		},
	)
}

// Malformed keys of the transport, road-traffic and criminal-records
// lookups are BAD_USER_INPUT naming the argument, for an official the
// policy allows (the check is the resolver's, whatever the store).
func TestTransportLookupsRejectMalformedKeys(t *testing.T) {
	fx := newFixture(t, sqldb.Config{DataDir: t.TempDir()}, true)
	for _, tc := range []struct{ service, field, arg, want string }{
		{"RAILWAY_TRANSPORT", `rollingStock(number: "62345674") { number }`, "number", "check digit"},
		{"RAILWAY_TRANSPORT", `rollingStock(number: "ВАГОН") { number }`, "number", "8-digit wagon number"},
		{"RIVER_SMALL_VESSELS", `riverVessel(registrationNumber: "KZ 12 3") { category }`, "registrationNumber", "KZ, four digits"},
		{"SEA_VESSELS", `seaVessel(imoNumber: "IMO 9074728") { name }`, "imoNumber", "check digit"},
		{"AGRICULTURAL_MACHINERY", `agriculturalMachine(plate: "123AB10") { make }`, "plate", "four digits"},
		{"DRIVER_LICENSES", `driverLicense(number: "A1234567") { status }`, "number", "six digits"},
		{"VEHICLE_CUSTOMS_DECLARATIONS", `vehicleCustomsDeclaration(number: "123/456") { vin }`, "number", "post code"},
		{"TRAFFIC_VIOLATIONS", `trafficViolations(plate: "12") { totalCount }`, "plate", "registration plate"},
		{"TRAFFIC_VIOLATIONS", `trafficViolations { totalCount }`, "plate", "exactly one"},
		{"ROAD_ACCIDENTS", `roadAccident(number: "12-34") { kind }`, "number", "10 digits"},
		{"CRIMINAL_VEHICLES", `criminalVehicleRecords(vin: "IOQ") { event }`, "vin", "17 characters"},
		{"CRIMINAL_WEAPONS", `criminalWeaponRecords(serialNumber: "ИЖ 12") { event }`, "serialNumber", "as engraved"},
	} {
		o, ok := fx.byOfficial(t, tc.service, func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
		if !ok {
			t.Fatalf("no official may read %s", tc.service)
		}
		b := o.basis()
		r := fx.post(t, o.IIN, `query($b: BasisInput!) { inquiry(basis: $b) { `+tc.field+` } }`, map[string]any{"b": b})
		if len(r.Errors) != 1 {
			t.Fatalf("%s: want one error, got %+v", tc.field, r.Errors)
		}
		if e := r.Errors[0]; e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != tc.arg || !strings.Contains(e.Message, tc.want) {
			t.Errorf("%s: error %+v; want BAD_USER_INPUT naming %s mentioning %q", tc.field, e, tc.arg, tc.want)
		}
	}
	// Locomotive numbers (series with hyphens and a number) are keys too.
	loco := one[string](t, fx.g.RollingStock.DB(), `SELECT number FROM {rolling_stock} WHERE kind = 'LOCOMOTIVE' ORDER BY number LIMIT 1`)
	o, _ := fx.byOfficial(t, "RAILWAY_TRANSPORT", func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	b := o.basis()
	r := fx.post(t, o.IIN, `query($b: BasisInput!, $n: String!) { inquiry(basis: $b) { rollingStock(number: $n) { number kind } } }`,
		map[string]any{"b": b, "n": strings.ToLower(loco)})
	if len(r.Errors) > 0 || get(r.Data, "inquiry.rollingStock.number") != loco || get(r.Data, "inquiry.rollingStock.kind") != "LOCOMOTIVE" {
		t.Fatalf("locomotive %s: %+v", loco, r)
	}
}
