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
