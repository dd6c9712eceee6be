package resolvers

import (
	"context"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Пересечение государственной границы гражданами РК и иностранными
// гражданами: BorderCrossing, ForeignTraveller and the fields they add to
// Person, LegalEntity and Inquiry.

const borderStore = "border_crossings"

var (
	citizenCrossingsOf   = loaders.Define[sio.IIN, []sio.BorderCrossing]("border.citizenCrossingsOf")
	residentCrossingsOf  = loaders.Define[sio.IIN, []sio.BorderCrossing]("border.residentCrossingsOf")
	travellerCrossingsOf = loaders.Define[int64, []sio.BorderCrossing]("border.travellerCrossingsOf")
	travellersOfHost     = loaders.Define[string, []sio.ForeignTraveller]("border.travellersOfHost")
	crossingVehicle      = loaders.Define[string, *sio.Vehicle]("vehicles.crossingVehicleByPlate")
)

func crossingConnection(items []sio.BorderCrossing, first *int, after *string) (*model.BorderCrossingConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.BorderCrossing) model.BorderCrossingEdge {
			return model.BorderCrossingEdge{Cursor: c, Node: n}
		},
		func(e []model.BorderCrossingEdge, p *model.PageInfo, t int) *model.BorderCrossingConnection {
			return &model.BorderCrossingConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

// loadCrossings loads through def and pages the result.
func loadCrossings[K comparable](ctx context.Context, r *Resolver, def *loaders.Def[K, []sio.BorderCrossing], fetch loaders.Fetch[K, []sio.BorderCrossing], key K, first *int, after *string) (*model.BorderCrossingConnection, error) {
	cs, err := loadFrom(ctx, r, borderStore, def, fetch, key)
	if err != nil {
		return nil, err
	}
	return crossingConnection(cs, first, after)
}

func (r *personResolver) BorderCrossings(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.BorderCrossingConnection, error) {
	return loadCrossings(ctx, r.Resolver, citizenCrossingsOf, r.BorderRegistry.CitizenCrossings, obj.IIN, first, after)
}

func (r *personResolver) ForeignerBorderCrossings(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.BorderCrossingConnection, error) {
	return loadCrossings(ctx, r.Resolver, residentCrossingsOf, r.BorderRegistry.ForeignerCrossingsByPerson, obj.IIN, first, after)
}

func (r *personResolver) HostedForeigners(ctx context.Context, obj *sio.Person) ([]sio.ForeignTraveller, error) {
	return loadFrom(ctx, r.Resolver, borderStore, travellersOfHost, r.BorderRegistry.TravellersByHost, string(obj.IIN))
}

func (r *legalEntityResolver) HostedForeigners(ctx context.Context, obj *sio.LegalEntity) ([]sio.ForeignTraveller, error) {
	return loadFrom(ctx, r.Resolver, borderStore, travellersOfHost, r.BorderRegistry.TravellersByHost, string(obj.BIN))
}

// foreignPassportPattern admits passport numbers as printed: Latin letters
// and digits (spaces dropped).
var foreignPassportPattern = regexp.MustCompile(`^[A-Z0-9]{5,20}$`)

func (r *inquiryResolver) ForeignTravellers(ctx context.Context, _ *authz.Inquiry, passportNumber string) ([]sio.ForeignTraveller, error) {
	n, err := parseKey("passportNumber", strings.ReplaceAll(passportNumber, " ", ""), 20, foreignPassportPattern, "the passport number in Latin letters and digits, e.g. E12345678")
	if err != nil {
		return nil, err
	}
	return lookupOne(ctx, r.Resolver, borderStore, r.BorderRegistry.TravellersByPassport, n)
}

type borderCrossingResolver struct{ *Resolver }

func (r *borderCrossingResolver) Vehicle(ctx context.Context, obj *sio.BorderCrossing) (*sio.Vehicle, error) {
	if obj.VehiclePlate == nil {
		return nil, nil
	}
	return loadFrom(ctx, r.Resolver, "vehicles", crossingVehicle, r.VehicleRegistry.VehiclesByPlate, *obj.VehiclePlate)
}

type foreignTravellerResolver struct{ *Resolver }

func (r *foreignTravellerResolver) Person(ctx context.Context, obj *sio.ForeignTraveller) (*sio.Person, error) {
	if obj.IIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.IIN)
}

func (r *foreignTravellerResolver) HostPerson(ctx context.Context, obj *sio.ForeignTraveller) (*sio.Person, error) {
	if obj.HostID == nil {
		return nil, nil
	}
	return subjectPerson(ctx, r.Resolver, *obj.HostID, *obj.HostKind)
}

func (r *foreignTravellerResolver) HostLegalEntity(ctx context.Context, obj *sio.ForeignTraveller) (*sio.LegalEntity, error) {
	if obj.HostID == nil {
		return nil, nil
	}
	return subjectEntity(ctx, r.Resolver, *obj.HostID, *obj.HostKind)
}

func (r *foreignTravellerResolver) Crossings(ctx context.Context, obj *sio.ForeignTraveller, first *int, after *string) (*model.BorderCrossingConnection, error) {
	return loadCrossings(ctx, r.Resolver, travellerCrossingsOf, r.BorderRegistry.ForeignerCrossingsByTraveller, obj.ID, first, after)
}
