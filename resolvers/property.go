package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

type realEstateResolver struct{ *Resolver }

func (r *realEstateResolver) Rights(ctx context.Context, obj *sio.RealEstate) ([]sio.PropertyRight, error) {
	rights, err := loaders.Found(loaders.From(ctx).RealEstateRights.Load(ctx, obj.CadastralNumber))
	return rights, r.source(ctx, "real_estate", err)
}

type landPlotResolver struct{ *Resolver }

func (r *landPlotResolver) Rights(ctx context.Context, obj *sio.LandPlot) ([]sio.PropertyRight, error) {
	rights, err := loaders.Found(loaders.From(ctx).LandRights.Load(ctx, obj.CadastralNumber))
	return rights, r.source(ctx, "land_cadastre", err)
}

type realEstateRightResolver struct{ *Resolver }

func (r *realEstateRightResolver) RealEstate(ctx context.Context, obj *sio.PropertyRight) (*sio.RealEstate, error) {
	p, err := loaders.Found(loaders.From(ctx).RealEstate.Load(ctx, obj.ObjectNumber))
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
	p, err := loaders.Found(loaders.From(ctx).LandPlot.Load(ctx, obj.ObjectNumber))
	return p, r.source(ctx, "land_cadastre", err)
}

func (r *landRightResolver) Person(ctx context.Context, obj *sio.PropertyRight) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

func (r *landRightResolver) LegalEntity(ctx context.Context, obj *sio.PropertyRight) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}
