package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Е-Нотариат: the NotarialAct type and the fields it adds to Person,
// LegalEntity, Vehicle, RealEstate and Inquiry.

const storeNotary = "e_notary"

var (
	actsOfParty        = loaders.Define[string, []sio.PartyAct]("e_notary.ofParty")
	actsOfObject       = loaders.Define[string, []sio.NotarialAct]("e_notary.ofObject")
	actByNumber        = loaders.Define[string, *sio.NotarialAct]("e_notary.byNumber")
	notarialPartiesOf  = loaders.Define[string, []sio.NotarialParty]("e_notary.partiesOf")
	notaryVehicleByVIN = loaders.Define[string, *sio.Vehicle]("vehicles.byVIN")
)

// notarialNumberPattern is an Е-Нотариат registry number: YY RR S NNNNNN.
var notarialNumberPattern = regexp.MustCompile(`^\d{11}$`)

func (r *personResolver) NotarialActs(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.NotarialActConnection, error) {
	return partyNotarialActs(ctx, r.Resolver, string(obj.IIN), first, after)
}

func (r *legalEntityResolver) NotarialActs(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.NotarialActConnection, error) {
	return partyNotarialActs(ctx, r.Resolver, string(obj.BIN), first, after)
}

func (r *vehicleResolver) NotarialActs(ctx context.Context, obj *sio.Vehicle, first *int, after *string) (*model.NotarialActConnection, error) {
	return objectNotarialActs(ctx, r.Resolver, obj.VIN, first, after)
}

func (r *realEstateResolver) NotarialActs(ctx context.Context, obj *sio.RealEstate, first *int, after *string) (*model.NotarialActConnection, error) {
	return objectNotarialActs(ctx, r.Resolver, obj.CadastralNumber, first, after)
}

func partyNotarialActs(ctx context.Context, r *Resolver, id string, first *int, after *string) (*model.NotarialActConnection, error) {
	return loadConnection(ctx, r, actsOfParty, r.NotaryRegistry.ActsByParty, storeNotary, id, first, after,
		func(c string, n *sio.PartyAct) model.NotarialActEdge {
			return model.NotarialActEdge{Cursor: c, Node: &n.NotarialAct, Role: &n.Role, RoleRu: &n.RoleRu}
		}, notarialActConnection)
}

func objectNotarialActs(ctx context.Context, r *Resolver, object string, first *int, after *string) (*model.NotarialActConnection, error) {
	return loadConnection(ctx, r, actsOfObject, r.NotaryRegistry.ActsByObject, storeNotary, object, first, after,
		func(c string, n *sio.NotarialAct) model.NotarialActEdge {
			return model.NotarialActEdge{Cursor: c, Node: n}
		},
		notarialActConnection)
}

func notarialActConnection(e []model.NotarialActEdge, p *model.PageInfo, t int) *model.NotarialActConnection {
	return &model.NotarialActConnection{Edges: e, PageInfo: p, TotalCount: t}
}

// notarialAct resolves an act by registry number.
func notarialAct(ctx context.Context, r *Resolver, number string) (*sio.NotarialAct, error) {
	return loadSourced(ctx, r, actByNumber, r.NotaryRegistry.ActsByNumber, storeNotary, number)
}

func (r *inquiryResolver) NotarialAct(ctx context.Context, _ *authz.Inquiry, registryNumber string) (*sio.NotarialAct, error) {
	return lookupParsed(ctx, r.Resolver, r.NotaryRegistry.ActsByNumber, storeNotary, "registryNumber", registryNumber, 11,
		notarialNumberPattern, "an Е-Нотариат registry number of 11 digits (YY RR S NNNNNN)")
}

type notarialActResolver struct{ *Resolver }

func (r *notarialActResolver) Parties(ctx context.Context, obj *sio.NotarialAct) ([]sio.NotarialParty, error) {
	return loadSourced(ctx, r.Resolver, notarialPartiesOf, r.NotaryRegistry.PartiesByAct, storeNotary, obj.RegistryNumber)
}

func (r *notarialActResolver) Vehicle(ctx context.Context, obj *sio.NotarialAct) (*sio.Vehicle, error) {
	if obj.ObjectKind == nil || *obj.ObjectKind != sio.ObjectVehicle {
		return nil, nil
	}
	return loadSourced(ctx, r.Resolver, notaryVehicleByVIN, r.VehicleRegistry.VehiclesByVIN, "vehicles", *obj.ObjectNumber)
}

func (r *notarialActResolver) RealEstate(ctx context.Context, obj *sio.NotarialAct) (*sio.RealEstate, error) {
	if obj.ObjectKind == nil || *obj.ObjectKind != sio.ObjectRealEstate {
		return nil, nil
	}
	return loadSourced(ctx, r.Resolver, realEstateByNumber, r.RealEstateRegistry.PropertiesByNumber, "real_estate", *obj.ObjectNumber)
}

type notarialPartyResolver struct{ *Resolver }

func (r *notarialPartyResolver) Person(ctx context.Context, obj *sio.NotarialParty) (*sio.Person, error) {
	return optionalPerson(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

func (r *notarialPartyResolver) LegalEntity(ctx context.Context, obj *sio.NotarialParty) (*sio.LegalEntity, error) {
	return optionalEntity(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}
