package resolvers

import (
	"context"

	"sio"
	"sio/graph/model"
	"sio/loaders"
)

type personResolver struct{ *Resolver }

func (r *personResolver) RealEstate(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.RealEstateRightConnection, error) {
	rights, err := loaders.From(ctx).RealEstateByHolder.Load(ctx, string(obj.IIN))
	if rights, err = loaders.Found(rights, err); err != nil {
		return nil, r.source(ctx, "real_estate", err)
	}
	return realEstateConnection(rights, first, after)
}

func (r *personResolver) LandPlots(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.LandRightConnection, error) {
	rights, err := loaders.From(ctx).LandByHolder.Load(ctx, string(obj.IIN))
	if rights, err = loaders.Found(rights, err); err != nil {
		return nil, r.source(ctx, "land_cadastre", err)
	}
	return landConnection(rights, first, after)
}

func (r *personResolver) Vehicles(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.VehicleConnection, error) {
	vs, err := loaders.From(ctx).VehiclesByOwner.Load(ctx, string(obj.IIN))
	if vs, err = loaders.Found(vs, err); err != nil {
		return nil, r.source(ctx, "vehicles", err)
	}
	return vehicleConnection(vs, first, after)
}

func (r *personResolver) Companies(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.CompanyRoleConnection, error) {
	roles, err := loaders.From(ctx).CompanyRoles.Load(ctx, string(obj.IIN))
	if roles, err = loaders.Found(roles, err); err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return companyConnection(roles, first, after)
}

func (r *personResolver) Family(ctx context.Context, obj *sio.Person) ([]sio.FamilyTie, error) {
	ties, err := loaders.From(ctx).Family.Load(ctx, obj.IIN)
	if ties, err = loaders.Found(ties, err); err != nil {
		return nil, r.source(ctx, "zags", err)
	}
	return ties, nil
}

func (r *personResolver) CivilActs(ctx context.Context, obj *sio.Person) ([]sio.CivilAct, error) {
	acts, err := loaders.From(ctx).CivilActs.Load(ctx, obj.IIN)
	if acts, err = loaders.Found(acts, err); err != nil {
		return nil, r.source(ctx, "zags", err)
	}
	return acts, nil
}

func (r *personResolver) Taxpayer(ctx context.Context, obj *sio.Person) (*sio.Taxpayer, error) {
	return loadTaxpayer(ctx, r.Resolver, string(obj.IIN))
}

func (r *personResolver) TaxDebts(ctx context.Context, obj *sio.Person) ([]sio.TaxDebt, error) {
	return loadDebts(ctx, r.Resolver, string(obj.IIN))
}

// loadPerson resolves a person by IIN through the request's loader.
func loadPerson(ctx context.Context, r *Resolver, iin sio.IIN) (*sio.Person, error) {
	if iin == "" {
		return nil, nil
	}
	p, err := loaders.Found(loaders.From(ctx).Person.Load(ctx, iin))
	return p, r.source(ctx, "gbd_fl", err)
}

// loadEntity resolves a legal entity by BIN through the request's loader.
func loadEntity(ctx context.Context, r *Resolver, bin sio.BIN) (*sio.LegalEntity, error) {
	if bin == "" {
		return nil, nil
	}
	e, err := loaders.Found(loaders.From(ctx).Entity.Load(ctx, bin))
	return e, r.source(ctx, "gbd_ul", err)
}

// subjectPerson resolves the person side of an IIN-or-BIN reference.
func subjectPerson(ctx context.Context, r *Resolver, id string, kind sio.SubjectKind) (*sio.Person, error) {
	if kind != sio.SubjectPerson {
		return nil, nil
	}
	return loadPerson(ctx, r, sio.IIN(id))
}

// subjectEntity resolves the legal-entity side of an IIN-or-BIN reference.
func subjectEntity(ctx context.Context, r *Resolver, id string, kind sio.SubjectKind) (*sio.LegalEntity, error) {
	if kind != sio.SubjectLegalEntity {
		return nil, nil
	}
	return loadEntity(ctx, r, sio.BIN(id))
}
