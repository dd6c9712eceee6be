package resolvers

import (
	"context"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Пенсионные отчисления: Employment and PensionContribution, and the fields
// they add to Person and LegalEntity.

var (
	employmentsOfPerson   = loaders.Define[sio.IIN, []sio.Employment]("pension.employmentsOfPerson")
	employmentsOfEmployer = loaders.Define[sio.BIN, []sio.Employment]("pension.employmentsOfEmployer")
	contributionsOfPerson = loaders.Define[sio.IIN, []sio.PensionContribution]("pension.contributionsOfPerson")
	contributionsOfPayer  = loaders.Define[sio.BIN, []sio.PensionContribution]("pension.contributionsOfPayer")
)

const pensionStore = "pension_contributions"

func (r *personResolver) Employment(ctx context.Context, obj *sio.Person) ([]sio.Employment, error) {
	es, err := employmentsOfPerson.Load(ctx, r.PensionRegistry.EmploymentsByPerson, obj.IIN)
	return es, r.source(ctx, pensionStore, err)
}

func (r *personResolver) PensionContributions(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.PensionContributionConnection, error) {
	cs, err := contributionsOfPerson.Load(ctx, r.PensionRegistry.ContributionsByPerson, obj.IIN)
	if err != nil {
		return nil, r.source(ctx, pensionStore, err)
	}
	return contributionConnection(truncateContributions(ctx, cs), first, after)
}

func (r *legalEntityResolver) Employees(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.EmploymentConnection, error) {
	es, err := employmentsOfEmployer.Load(ctx, r.PensionRegistry.EmploymentsByEmployer, obj.BIN)
	if err != nil {
		return nil, r.source(ctx, pensionStore, err)
	}
	return connect(es, first, after,
		func(c string, n *sio.Employment) model.EmploymentEdge {
			return model.EmploymentEdge{Cursor: c, Node: n}
		},
		func(e []model.EmploymentEdge, p *model.PageInfo, t int) *model.EmploymentConnection {
			return &model.EmploymentConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *legalEntityResolver) PensionContributionsPaid(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.PensionContributionConnection, error) {
	cs, err := contributionsOfPayer.Load(ctx, r.PensionRegistry.ContributionsByEmployer, obj.BIN)
	if err != nil {
		return nil, r.source(ctx, pensionStore, err)
	}
	return contributionConnection(truncateContributions(ctx, cs), first, after)
}

func (r *inquiryResolver) PensionStatement(ctx context.Context, _ *authz.Inquiry, iin sio.IIN) (*sio.PensionStatement, error) {
	es, err := r.PensionRegistry.EmploymentsByPerson(ctx, []sio.IIN{iin})
	if err != nil {
		return nil, r.source(ctx, pensionStore, err)
	}
	cs, err := r.PensionRegistry.ContributionsByPerson(ctx, []sio.IIN{iin})
	if err != nil {
		return nil, r.source(ctx, pensionStore, err)
	}
	if len(es[iin]) == 0 && len(cs[iin]) == 0 {
		return nil, nil
	}
	return &sio.PensionStatement{IIN: iin, Employment: append([]sio.Employment{}, es[iin]...), Receipts: cs[iin]}, nil
}

type pensionStatementResolver struct{ *Resolver }

func (r *pensionStatementResolver) Contributions(ctx context.Context, obj *sio.PensionStatement, first *int, after *string) (*model.PensionContributionConnection, error) {
	return contributionConnection(truncateContributions(ctx, obj.Receipts), first, after)
}

// truncateContributions applies the truncated service (seed 000 App.2 note
// *: "без указания размера поступлений"): under TRUNCATED access the
// records are copies that withhold their amounts. The loader's slice is
// shared by the request and never modified.
func truncateContributions(ctx context.Context, cs []sio.PensionContribution) []sio.PensionContribution {
	if authz.AccessFrom(ctx) != authz.AccessTruncated {
		return cs
	}
	out := make([]sio.PensionContribution, len(cs))
	for i, c := range cs {
		c.Truncated = true
		out[i] = c
	}
	return out
}

func contributionConnection(items []sio.PensionContribution, first *int, after *string) (*model.PensionContributionConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.PensionContribution) model.PensionContributionEdge {
			return model.PensionContributionEdge{Cursor: c, Node: n}
		},
		func(e []model.PensionContributionEdge, p *model.PageInfo, t int) *model.PensionContributionConnection {
			return &model.PensionContributionConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

type employmentResolver struct{ *Resolver }

func (r *employmentResolver) Person(ctx context.Context, obj *sio.Employment) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

func (r *employmentResolver) Employer(ctx context.Context, obj *sio.Employment) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.EmployerBIN)
}

type pensionContributionResolver struct{ *Resolver }

func (r *pensionContributionResolver) Person(ctx context.Context, obj *sio.PensionContribution) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

func (r *pensionContributionResolver) Employer(ctx context.Context, obj *sio.PensionContribution) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.EmployerBIN)
}

// Инвалидность, Социальная помощь, Рынок труда, услуги ЦОН.

var (
	disabilityOf     = loaders.Define[sio.IIN, []sio.Disability]("disability.of")
	benefitsOf       = loaders.Define[sio.IIN, []sio.Benefit]("social_assistance.benefitsOf")
	registrationsOf  = loaders.Define[sio.IIN, []sio.JobSeekerRegistration]("labor_market.registrationsOf")
	referralsOf      = loaders.Define[int64, []sio.LaborReferral]("labor_market.referralsOf")
	publicServicesOf = loaders.Define[sio.IIN, []sio.PublicServiceRequest]("con_services.requestsOf")
)

func (r *personResolver) Disability(ctx context.Context, obj *sio.Person) ([]sio.Disability, error) {
	ds, err := disabilityOf.Load(ctx, r.DisabilityRegistry.DisabilitiesByPerson, obj.IIN)
	return ds, r.source(ctx, "disability", err)
}

func (r *personResolver) Benefits(ctx context.Context, obj *sio.Person) ([]sio.Benefit, error) {
	bs, err := benefitsOf.Load(ctx, r.SocialAssistanceRegistry.BenefitsByRecipient, obj.IIN)
	return bs, r.source(ctx, "social_assistance", err)
}

func (r *personResolver) JobSeekerRegistrations(ctx context.Context, obj *sio.Person) ([]sio.JobSeekerRegistration, error) {
	rs, err := registrationsOf.Load(ctx, r.LaborMarketRegistry.RegistrationsByPerson, obj.IIN)
	return rs, r.source(ctx, "labor_market", err)
}

func (r *personResolver) PublicServices(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.PublicServiceRequestConnection, error) {
	rs, err := publicServicesOf.Load(ctx, r.PublicServiceCenter.RequestsByPerson, obj.IIN)
	if err != nil {
		return nil, r.source(ctx, "con_services", err)
	}
	return connect(rs, first, after,
		func(c string, n *sio.PublicServiceRequest) model.PublicServiceRequestEdge {
			return model.PublicServiceRequestEdge{Cursor: c, Node: n}
		},
		func(e []model.PublicServiceRequestEdge, p *model.PageInfo, t int) *model.PublicServiceRequestConnection {
			return &model.PublicServiceRequestConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

type benefitResolver struct{ *Resolver }

func (r *benefitResolver) ForPerson(ctx context.Context, obj *sio.Benefit) (*sio.Person, error) {
	if obj.ForIIN == nil {
		return nil, nil
	}
	return loadPerson(ctx, r.Resolver, *obj.ForIIN)
}

type jobSeekerRegistrationResolver struct{ *Resolver }

func (r *jobSeekerRegistrationResolver) Referrals(ctx context.Context, obj *sio.JobSeekerRegistration) ([]sio.LaborReferral, error) {
	rs, err := referralsOf.Load(ctx, r.LaborMarketRegistry.ReferralsByRegistration, obj.ID)
	return rs, r.source(ctx, "labor_market", err)
}

type laborReferralResolver struct{ *Resolver }

func (r *laborReferralResolver) Employer(ctx context.Context, obj *sio.LaborReferral) (*sio.LegalEntity, error) {
	if obj.EmployerBIN == nil {
		return nil, nil
	}
	return loadEntity(ctx, r.Resolver, *obj.EmployerBIN)
}
