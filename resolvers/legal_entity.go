package resolvers

import (
	"context"

	"sio"
	"sio/graph/model"
	"sio/loaders"
)

type legalEntityResolver struct{ *Resolver }

func (r *legalEntityResolver) Director(ctx context.Context, obj *sio.LegalEntity) (*sio.Person, error) {
	if obj.DirectorIIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.DirectorIIN)
}

func (r *legalEntityResolver) Founders(ctx context.Context, obj *sio.LegalEntity) ([]sio.Founder, error) {
	fs, err := loaders.Found(loaders.From(ctx).Founders.Load(ctx, obj.BIN))
	return fs, r.source(ctx, "gbd_ul", err)
}

func (r *legalEntityResolver) Companies(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.CompanyRoleConnection, error) {
	roles, err := loaders.Found(loaders.From(ctx).CompanyRoles.Load(ctx, string(obj.BIN)))
	if err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return companyConnection(roles, first, after)
}

func (r *legalEntityResolver) RealEstate(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.RealEstateRightConnection, error) {
	rights, err := loaders.Found(loaders.From(ctx).RealEstateByHolder.Load(ctx, string(obj.BIN)))
	if err != nil {
		return nil, r.source(ctx, "real_estate", err)
	}
	return realEstateConnection(rights, first, after)
}

func (r *legalEntityResolver) LandPlots(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.LandRightConnection, error) {
	rights, err := loaders.Found(loaders.From(ctx).LandByHolder.Load(ctx, string(obj.BIN)))
	if err != nil {
		return nil, r.source(ctx, "land_cadastre", err)
	}
	return landConnection(rights, first, after)
}

func (r *legalEntityResolver) Vehicles(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.VehicleConnection, error) {
	vs, err := loaders.Found(loaders.From(ctx).VehiclesByOwner.Load(ctx, string(obj.BIN)))
	if err != nil {
		return nil, r.source(ctx, "vehicles", err)
	}
	return vehicleConnection(vs, first, after)
}

func (r *legalEntityResolver) Taxpayer(ctx context.Context, obj *sio.LegalEntity) (*sio.Taxpayer, error) {
	return loadTaxpayer(ctx, r.Resolver, string(obj.BIN))
}

func (r *legalEntityResolver) TaxDebts(ctx context.Context, obj *sio.LegalEntity) ([]sio.TaxDebt, error) {
	return loadDebts(ctx, r.Resolver, string(obj.BIN))
}

type founderResolver struct{ *Resolver }

func (r *founderResolver) Person(ctx context.Context, obj *sio.Founder) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.FounderID, obj.FounderKind)
}

func (r *founderResolver) LegalEntity(ctx context.Context, obj *sio.Founder) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.FounderID, obj.FounderKind)
}

type companyRoleResolver struct{ *Resolver }

func (r *companyRoleResolver) LegalEntity(ctx context.Context, obj *sio.CompanyRole) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.EntityBIN)
}
