package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The road-traffic databases: Водительское удостоверение, Нарушения ПДД,
// Учет ДТП, Прохождение технического осмотра and Сведения по декларациям на
// транспортное средство, on Person, LegalEntity, Vehicle and Inquiry.

var (
	licensesOfHolder       = loaders.Define[sio.IIN, []sio.DriverLicense]("driver_licenses.ofHolder")
	violationsOfVehicle    = loaders.Define[string, []sio.TrafficViolation]("traffic_violations.ofVehicle")
	violationsOfSubject    = loaders.Define[string, []sio.TrafficViolation]("traffic_violations.ofSubject")
	accidentsOfPerson      = loaders.Define[sio.IIN, []sio.RoadAccident]("road_accidents.ofPerson")
	accidentsOfVehicle     = loaders.Define[string, []sio.RoadAccident]("road_accidents.ofVehicle")
	inspectionsOfVehicle   = loaders.Define[string, []sio.TechnicalInspection]("technical_inspections.ofVehicle")
	declarationOfVehicle   = loaders.Define[string, *sio.VehicleCustomsDeclaration]("vehicle_customs.ofVehicle")
	registeredVehicleByVIN = loaders.Define[string, *sio.Vehicle]("vehicles.byVIN")
)

// Relay connections of the road-traffic databases.
var (
	violationPages = relayOf[sio.TrafficViolation, model.TrafficViolationEdge, model.TrafficViolationConnection]{
		func(c string, n *sio.TrafficViolation) model.TrafficViolationEdge {
			return model.TrafficViolationEdge{Cursor: c, Node: n}
		},
		func(e []model.TrafficViolationEdge, p *model.PageInfo, t int) *model.TrafficViolationConnection {
			return &model.TrafficViolationConnection{Edges: e, PageInfo: p, TotalCount: t}
		}}
	accidentPages = relayOf[sio.RoadAccident, model.RoadAccidentEdge, model.RoadAccidentConnection]{
		func(c string, n *sio.RoadAccident) model.RoadAccidentEdge {
			return model.RoadAccidentEdge{Cursor: c, Node: n}
		},
		func(e []model.RoadAccidentEdge, p *model.PageInfo, t int) *model.RoadAccidentConnection {
			return &model.RoadAccidentConnection{Edges: e, PageInfo: p, TotalCount: t}
		}}
	inspectionPages = relayOf[sio.TechnicalInspection, model.TechnicalInspectionEdge, model.TechnicalInspectionConnection]{
		func(c string, n *sio.TechnicalInspection) model.TechnicalInspectionEdge {
			return model.TechnicalInspectionEdge{Cursor: c, Node: n}
		},
		func(e []model.TechnicalInspectionEdge, p *model.PageInfo, t int) *model.TechnicalInspectionConnection {
			return &model.TechnicalInspectionConnection{Edges: e, PageInfo: p, TotalCount: t}
		}}
)

var (
	licenseNumberPattern     = regexp.MustCompile(`^[A-Z]{2}\d{6}$`)
	accidentNumberPattern    = regexp.MustCompile(`^\d{10}$`)
	declarationNumberPattern = regexp.MustCompile(`^\d{8}/\d{6}/\d{7}$`)
)

// vehicleKey validates a lookup by exactly one of plate or VIN and returns
// the normalised key and whether it is a VIN.
func vehicleKey(plate, vin *string) (string, bool, error) {
	switch {
	case (plate == nil) == (vin == nil):
		return "", false, badInput("plate", "give exactly one of plate or vin")
	case vin != nil:
		v := compactKey(*vin)
		if !vinPattern.MatchString(v) {
			return "", false, badInput("vin", "expected 17 characters of A-Z (without I, O, Q) and 0-9")
		}
		return v, true, nil
	}
	p := compactKey(*plate)
	if !platePattern.MatchString(p) {
		return "", false, badInput("plate", "expected a Kazakh registration plate such as 123ABC02")
	}
	return p, false, nil
}

// loadVehicle resolves a registered vehicle by VIN through the request's
// loader.
func loadVehicle(ctx context.Context, r *Resolver, vin string) (*sio.Vehicle, error) {
	if vin == "" {
		return nil, nil
	}
	v, err := registeredVehicleByVIN.Load(ctx, r.VehicleRegistry.VehiclesByVIN, vin)
	return v, r.source(ctx, "vehicles", err)
}

func (r *personResolver) DriverLicenses(ctx context.Context, obj *sio.Person) ([]sio.DriverLicense, error) {
	ls, err := licensesOfHolder.Load(ctx, r.DriverLicenseRegistry.LicensesByHolder, obj.IIN)
	return ls, r.source(ctx, "driver_licenses", err)
}

func (r *personResolver) TrafficViolations(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.TrafficViolationConnection, error) {
	vs, err := violationsOfSubject.Load(ctx, r.TrafficViolationRegistry.ViolationsBySubject, string(obj.IIN))
	return violationPages.page(vs, r.source(ctx, "traffic_violations", err), first, after)
}

func (r *legalEntityResolver) TrafficViolations(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.TrafficViolationConnection, error) {
	vs, err := violationsOfSubject.Load(ctx, r.TrafficViolationRegistry.ViolationsBySubject, string(obj.BIN))
	return violationPages.page(vs, r.source(ctx, "traffic_violations", err), first, after)
}

func (r *vehicleResolver) Violations(ctx context.Context, obj *sio.Vehicle, first *int, after *string) (*model.TrafficViolationConnection, error) {
	vs, err := violationsOfVehicle.Load(ctx, r.TrafficViolationRegistry.ViolationsByVehicle, obj.VIN)
	return violationPages.page(vs, r.source(ctx, "traffic_violations", err), first, after)
}

func (r *personResolver) RoadAccidents(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.RoadAccidentConnection, error) {
	as, err := accidentsOfPerson.Load(ctx, r.RoadAccidentRegistry.AccidentsByPerson, obj.IIN)
	return accidentPages.page(as, r.source(ctx, "road_accidents", err), first, after)
}

func (r *vehicleResolver) Accidents(ctx context.Context, obj *sio.Vehicle, first *int, after *string) (*model.RoadAccidentConnection, error) {
	as, err := accidentsOfVehicle.Load(ctx, r.RoadAccidentRegistry.AccidentsByVehicle, obj.VIN)
	return accidentPages.page(as, r.source(ctx, "road_accidents", err), first, after)
}

func (r *vehicleResolver) Inspections(ctx context.Context, obj *sio.Vehicle, first *int, after *string) (*model.TechnicalInspectionConnection, error) {
	ts, err := inspectionsOfVehicle.Load(ctx, r.TechnicalInspectionRegistry.InspectionsByVehicle, obj.VIN)
	return inspectionPages.page(ts, r.source(ctx, "technical_inspections", err), first, after)
}

func (r *vehicleResolver) CustomsDeclaration(ctx context.Context, obj *sio.Vehicle) (*sio.VehicleCustomsDeclaration, error) {
	d, err := declarationOfVehicle.Load(ctx, r.VehicleCustomsRegistry.DeclarationsByVIN, obj.VIN)
	return d, r.source(ctx, "vehicle_customs", err)
}

func (r *inquiryResolver) TrafficViolations(ctx context.Context, _ *authz.Inquiry, plate *string, vin *string, first *int, after *string) (*model.TrafficViolationConnection, error) {
	key, byVIN, err := vehicleKey(plate, vin)
	if err != nil {
		return nil, err
	}
	fetch := r.TrafficViolationRegistry.ViolationsByPlate
	if byVIN {
		fetch = r.TrafficViolationRegistry.ViolationsByVehicle
	}
	vs, err := lookupKey(ctx, r.Resolver, "traffic_violations", fetch, key)
	return violationPages.page(vs, err, first, after)
}

func (r *inquiryResolver) RoadAccident(ctx context.Context, _ *authz.Inquiry, number string) (*sio.RoadAccident, error) {
	n := compactKey(number)
	if !accidentNumberPattern.MatchString(n) {
		return nil, badInput("number", "expected the 10 digits of the accident card, e.g. 0223000002")
	}
	return lookupKey(ctx, r.Resolver, "road_accidents", r.RoadAccidentRegistry.AccidentsByNumber, n)
}

func (r *inquiryResolver) DriverLicense(ctx context.Context, _ *authz.Inquiry, number string) (*sio.DriverLicense, error) {
	n := compactKey(number)
	if !licenseNumberPattern.MatchString(n) {
		return nil, badInput("number", "expected two Latin letters and six digits, e.g. AB123456")
	}
	return lookupKey(ctx, r.Resolver, "driver_licenses", r.DriverLicenseRegistry.LicensesByNumber, n)
}

func (r *inquiryResolver) VehicleCustomsDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.VehicleCustomsDeclaration, error) {
	n := compactKey(number)
	if !declarationNumberPattern.MatchString(n) {
		return nil, badInput("number", "expected post code/DDMMYY/serial, e.g. 57510101/050821/0000007")
	}
	return lookupKey(ctx, r.Resolver, "vehicle_customs", r.VehicleCustomsRegistry.DeclarationsByNumber, n)
}

type driverLicenseResolver struct{ *Resolver }

func (r *driverLicenseResolver) Holder(ctx context.Context, obj *sio.DriverLicense) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.HolderIIN)
}

type trafficViolationResolver struct{ *Resolver }

func (r *trafficViolationResolver) Vehicle(ctx context.Context, obj *sio.TrafficViolation) (*sio.Vehicle, error) {
	return loadVehicle(ctx, r.Resolver, obj.VIN)
}

func (r *trafficViolationResolver) Driver(ctx context.Context, obj *sio.TrafficViolation) (*sio.Person, error) {
	if obj.DriverIIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.DriverIIN)
}

func (r *trafficViolationResolver) OffenderPerson(ctx context.Context, obj *sio.TrafficViolation) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OffenderID, obj.OffenderKind)
}

func (r *trafficViolationResolver) OffenderLegalEntity(ctx context.Context, obj *sio.TrafficViolation) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OffenderID, obj.OffenderKind)
}

type accidentParticipantResolver struct{ *Resolver }

func (r *accidentParticipantResolver) Person(ctx context.Context, obj *sio.AccidentParticipant) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

func (r *accidentParticipantResolver) Vehicle(ctx context.Context, obj *sio.AccidentParticipant) (*sio.Vehicle, error) {
	if obj.VIN == nil {
		return nil, nil
	}
	return loadVehicle(ctx, r.Resolver, *obj.VIN)
}

type vehicleCustomsDeclarationResolver struct{ *Resolver }

func (r *vehicleCustomsDeclarationResolver) Vehicle(ctx context.Context, obj *sio.VehicleCustomsDeclaration) (*sio.Vehicle, error) {
	return loadVehicle(ctx, r.Resolver, obj.VIN)
}

func (r *vehicleCustomsDeclarationResolver) DeclarantPerson(ctx context.Context, obj *sio.VehicleCustomsDeclaration) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.DeclarantID, obj.DeclarantKind)
}

func (r *vehicleCustomsDeclarationResolver) DeclarantLegalEntity(ctx context.Context, obj *sio.VehicleCustomsDeclaration) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.DeclarantID, obj.DeclarantKind)
}
