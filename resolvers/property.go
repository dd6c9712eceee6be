package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

type realEstateResolver struct{ *Resolver }

// Lookups of Регистр недвижимости and Земельный участок batched per request.
var (
	realEstateByNumber       = loaders.Define[string, *sio.RealEstate]("real_estate.byNumber")
	realEstateRightsOfHolder = loaders.Define[string, []sio.PropertyRight]("real_estate.rightsOfHolder")
	realEstateRightsOfObject = loaders.Define[string, []sio.PropertyRight]("real_estate.rightsOfObject")
	landPlotByNumber         = loaders.Define[string, *sio.LandPlot]("land_cadastre.byNumber")
	landRightsOfHolder       = loaders.Define[string, []sio.PropertyRight]("land_cadastre.rightsOfHolder")
	landRightsOfObject       = loaders.Define[string, []sio.PropertyRight]("land_cadastre.rightsOfObject")
)

func (r *realEstateResolver) Rights(ctx context.Context, obj *sio.RealEstate) ([]sio.PropertyRight, error) {
	rights, err := realEstateRightsOfObject.Load(ctx, r.RealEstateRegistry.RightsByObject, obj.CadastralNumber)
	return rights, r.source(ctx, "real_estate", err)
}

type landPlotResolver struct{ *Resolver }

func (r *landPlotResolver) Rights(ctx context.Context, obj *sio.LandPlot) ([]sio.PropertyRight, error) {
	rights, err := landRightsOfObject.Load(ctx, r.LandRegistry.RightsByObject, obj.CadastralNumber)
	return rights, r.source(ctx, "land_cadastre", err)
}

type realEstateRightResolver struct{ *Resolver }

func (r *realEstateRightResolver) RealEstate(ctx context.Context, obj *sio.PropertyRight) (*sio.RealEstate, error) {
	p, err := realEstateByNumber.Load(ctx, r.RealEstateRegistry.PropertiesByNumber, obj.ObjectNumber)
	return p, r.source(ctx, "real_estate", err)
}

func (r *realEstateRightResolver) Person(ctx context.Context, obj *sio.PropertyRight) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

func (r *realEstateRightResolver) LegalEntity(ctx context.Context, obj *sio.PropertyRight) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

type landRightResolver struct{ *Resolver }

func (r *landRightResolver) LandPlot(ctx context.Context, obj *sio.PropertyRight) (*sio.LandPlot, error) {
	p, err := landPlotByNumber.Load(ctx, r.LandRegistry.PlotsByNumber, obj.ObjectNumber)
	return p, r.source(ctx, "land_cadastre", err)
}

func (r *landRightResolver) Person(ctx context.Context, obj *sio.PropertyRight) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

func (r *landRightResolver) LegalEntity(ctx context.Context, obj *sio.PropertyRight) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}
