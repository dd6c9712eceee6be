package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Сведения по пассажирским таможенным декларациям: PassengerDeclaration and
// the fields it adds to Person and Inquiry.

const paxCustomsStore = "passenger_customs"

var (
	passengerDeclarationsOf = loaders.Define[sio.IIN, []sio.PassengerDeclaration]("passenger_customs.passengerDeclarationsOf")
	declarationItemsOf      = loaders.Define[string, []sio.DeclarationItem]("passenger_customs.itemsOf")
	declarationVehicles     = loaders.Define[string, *sio.Vehicle]("vehicles.declaredVehicleByVIN")
)

// passengerDeclarationNumberPattern: customs post code / DDMMYY / serial.
var passengerDeclarationNumberPattern = regexp.MustCompile(`^\d{8}/\d{6}/\d{7}$`)

func (r *personResolver) CustomsDeclarations(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.PassengerDeclarationConnection, error) {
	ds, err := loadFrom(ctx, r.Resolver, paxCustomsStore, passengerDeclarationsOf, r.PassengerDeclarations.DeclarationsByPerson, obj.IIN)
	if err != nil {
		return nil, err
	}
	return connect(ds, first, after,
		func(c string, n *sio.PassengerDeclaration) model.PassengerDeclarationEdge {
			return model.PassengerDeclarationEdge{Cursor: c, Node: n}
		},
		func(e []model.PassengerDeclarationEdge, p *model.PageInfo, t int) *model.PassengerDeclarationConnection {
			return &model.PassengerDeclarationConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *inquiryResolver) PassengerDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.PassengerDeclaration, error) {
	n, err := parseKey("number", number, 23, passengerDeclarationNumberPattern, "customs post code / date DDMMYY / serial, e.g. 55332001/020424/0000123")
	if err != nil {
		return nil, err
	}
	return lookupOne(ctx, r.Resolver, paxCustomsStore, r.PassengerDeclarations.DeclarationsByNumber, n)
}

type passengerDeclarationResolver struct{ *Resolver }

func (r *passengerDeclarationResolver) Items(ctx context.Context, obj *sio.PassengerDeclaration) ([]sio.DeclarationItem, error) {
	return loadFrom(ctx, r.Resolver, paxCustomsStore, declarationItemsOf, r.PassengerDeclarations.ItemsByDeclaration, obj.Number)
}

func (r *passengerDeclarationResolver) Declarant(ctx context.Context, obj *sio.PassengerDeclaration) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

func (r *passengerDeclarationResolver) Vehicle(ctx context.Context, obj *sio.PassengerDeclaration) (*sio.Vehicle, error) {
	if obj.VehicleVIN == nil {
		return nil, nil
	}
	return loadFrom(ctx, r.Resolver, "vehicles", declarationVehicles, r.VehicleRegistry.VehiclesByVIN, *obj.VehicleVIN)
}
