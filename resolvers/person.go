package resolvers

import (
	"context"

	"sio"
	"sio/graph/model"
	"sio/loaders"
)

type personResolver struct{ *Resolver }

// Lookups of ГБД ФЛ and ГБД ЮЛ batched per request.
var (
	personByIIN    = loaders.Define[sio.IIN, *sio.Person]("gbd_fl.personByIIN")
	entityByBIN    = loaders.Define[sio.BIN, *sio.LegalEntity]("gbd_ul.entityByBIN")
	rolesOfSubject = loaders.Define[string, []sio.CompanyRole]("gbd_ul.rolesOfSubject")
	familyOf       = loaders.Define[sio.IIN, []sio.FamilyTie]("zags.familyOf")
	civilActsOf    = loaders.Define[sio.IIN, []sio.CivilAct]("zags.civilActsOf")
)

func (r *personResolver) RealEstate(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.RealEstateRightConnection, error) {
	rights, err := realEstateRightsOfHolder.Load(ctx, r.RealEstateRegistry.RightsByHolder, string(obj.IIN))
	if err != nil {
		return nil, r.source(ctx, "real_estate", err)
	}
	return realEstateConnection(rights, first, after)
}

func (r *personResolver) LandPlots(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.LandRightConnection, error) {
	rights, err := landRightsOfHolder.Load(ctx, r.LandRegistry.RightsByHolder, string(obj.IIN))
	if err != nil {
		return nil, r.source(ctx, "land_cadastre", err)
	}
	return landConnection(rights, first, after)
}

func (r *personResolver) Vehicles(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.VehicleConnection, error) {
	vs, err := vehiclesOfOwner.Load(ctx, r.VehicleRegistry.VehiclesByOwner, string(obj.IIN))
	if err != nil {
		return nil, r.source(ctx, "vehicles", err)
	}
	return vehicleConnection(vs, first, after)
}

func (r *personResolver) Companies(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.CompanyRoleConnection, error) {
	roles, err := rolesOfSubject.Load(ctx, r.EntityRegistry.RolesBySubject, string(obj.IIN))
	if err != nil {
		return nil, r.source(ctx, "gbd_ul", err)
	}
	return companyConnection(roles, first, after)
}

func (r *personResolver) Family(ctx context.Context, obj *sio.Person) ([]sio.FamilyTie, error) {
	ties, err := familyOf.Load(ctx, r.CivilRegistry.FamilyByPerson, obj.IIN)
	if err != nil {
		return nil, r.source(ctx, "zags", err)
	}
	return ties, nil
}

func (r *personResolver) CivilActs(ctx context.Context, obj *sio.Person) ([]sio.CivilAct, error) {
	acts, err := civilActsOf.Load(ctx, r.CivilRegistry.ActsByPerson, obj.IIN)
	if err != nil {
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
	p, err := personByIIN.Load(ctx, r.PersonRegistry.PersonsByIIN, iin)
	return p, r.source(ctx, "gbd_fl", err)
}

// loadEntity resolves a legal entity by BIN through the request's loader.
func loadEntity(ctx context.Context, r *Resolver, bin sio.BIN) (*sio.LegalEntity, error) {
	if bin == "" {
		return nil, nil
	}
	e, err := entityByBIN.Load(ctx, r.EntityRegistry.EntitiesByBIN, bin)
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
