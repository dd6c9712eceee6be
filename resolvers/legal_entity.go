package resolvers

import (
	"context"

	"sio"
	"sio/graph/model"
	"sio/loaders"
)

type legalEntityResolver struct{ *Resolver }

var foundersOf = loaders.Define[sio.BIN, []sio.Founder]("gbd_ul.foundersOf")

func (r *legalEntityResolver) Director(ctx context.Context, obj *sio.LegalEntity) (*sio.Person, error) {
	if obj.DirectorIIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.DirectorIIN)
}

// Founders pages the entity's founders: the loader still reads the
// founders of every entity of the level in one statement.
func (r *legalEntityResolver) Founders(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.FounderConnection, error) {
	fs, err := foundersOf.Load(ctx, r.EntityRegistry.FoundersByEntity, obj.BIN)
	if err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return founderConnection(fs, first, after)
}

func (r *legalEntityResolver) Companies(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.CompanyRoleConnection, error) {
	roles, err := rolesOfSubject.Load(ctx, r.EntityRegistry.RolesBySubject, string(obj.BIN))
	if err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return companyConnection(roles, first, after)
}

func (r *legalEntityResolver) RealEstate(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.RealEstateRightConnection, error) {
	rights, err := realEstateRightsOfHolder.Load(ctx, r.RealEstateRegistry.RightsByHolder, string(obj.BIN))
	if err != nil {
		return nil, r.source(ctx, "real_estate", err)
	}
	return realEstateConnection(rights, first, after)
}

func (r *legalEntityResolver) LandPlots(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.LandRightConnection, error) {
	rights, err := landRightsOfHolder.Load(ctx, r.LandRegistry.RightsByHolder, string(obj.BIN))
	if err != nil {
		return nil, r.source(ctx, "land_cadastre", err)
	}
	return landConnection(rights, first, after)
}

func (r *legalEntityResolver) Vehicles(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.VehicleConnection, error) {
	vs, err := vehiclesOfOwner.Load(ctx, r.VehicleRegistry.VehiclesByOwner, string(obj.BIN))
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
