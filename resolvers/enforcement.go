package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Исполнительные производства and Сведения о должниках и ответчиках: their
// types and the fields they add to Person, LegalEntity and Inquiry.

const (
	storeEnforcement = "enforcement"
	storeDebtors     = "debtors"
)

var (
	proceedingsOf             = loaders.Define[string, []sio.EnforcementProceeding]("enforcement.ofDebtor")
	proceedingByNumber        = loaders.Define[string, *sio.EnforcementProceeding]("enforcement.byNumber")
	enforcementRestrictionsOf = loaders.Define[string, []sio.EnforcementRestriction]("enforcement.enforcementRestrictionsOf")
	exitRestrictionsOf        = loaders.Define[sio.IIN, []sio.DebtorRestriction]("debtors.of")
)

// proceedingPattern is an АИС ОИП number: YY RR 7 NNNNNNN.
var proceedingPattern = regexp.MustCompile(`^\d{4}7\d{7}$`)

func (r *personResolver) EnforcementProceedings(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.EnforcementProceedingConnection, error) {
	return debtorProceedings(ctx, r.Resolver, string(obj.IIN), first, after)
}

func (r *legalEntityResolver) EnforcementProceedings(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.EnforcementProceedingConnection, error) {
	return debtorProceedings(ctx, r.Resolver, string(obj.BIN), first, after)
}

func debtorProceedings(ctx context.Context, r *Resolver, id string, first *int, after *string) (*model.EnforcementProceedingConnection, error) {
	return loadConnection(ctx, r, proceedingsOf, r.EnforcementRegistry.ProceedingsByDebtor, storeEnforcement, id, first, after,
		func(c string, n *sio.EnforcementProceeding) model.EnforcementProceedingEdge {
			return model.EnforcementProceedingEdge{Cursor: c, Node: n}
		},
		func(e []model.EnforcementProceedingEdge, p *model.PageInfo, t int) *model.EnforcementProceedingConnection {
			return &model.EnforcementProceedingConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *personResolver) ExitRestrictions(ctx context.Context, obj *sio.Person) ([]sio.DebtorRestriction, error) {
	return loadSourced(ctx, r.Resolver, exitRestrictionsOf, r.DebtorRegistry.RestrictionsByPerson, storeDebtors, obj.IIN)
}

func (r *inquiryResolver) EnforcementProceeding(ctx context.Context, _ *authz.Inquiry, number string) (*sio.EnforcementProceeding, error) {
	return lookupParsed(ctx, r.Resolver, r.EnforcementRegistry.ProceedingsByNumber, storeEnforcement, "number", number, 12,
		proceedingPattern, "an АИС ОИП number of 12 digits (YY RR 7 NNNNNNN)")
}

// proceeding resolves an enforcement proceeding by number.
func proceeding(ctx context.Context, r *Resolver, number string) (*sio.EnforcementProceeding, error) {
	return loadSourced(ctx, r, proceedingByNumber, r.EnforcementRegistry.ProceedingsByNumber, storeEnforcement, number)
}

func (r *inquiryResolver) ExitRestrictions(ctx context.Context, _ *authz.Inquiry, basisNumber string) ([]sio.DebtorRestriction, error) {
	return lookupParsed(ctx, r.Resolver, r.DebtorRegistry.RestrictionsByBasis, storeDebtors, "basisNumber", basisNumber, 20,
		restrictionBasisPattern, "a proceeding number (12 digits) or a court case number CCCC-YY-00-K/N")
}

// restrictionBasisPattern admits the bases of exit restrictions: a
// proceeding or a court case number.
var restrictionBasisPattern = regexp.MustCompile(`^(\d{4}7\d{7}|\d{4}-\d{2}-00-[123]/\d{1,6})$`)

type enforcementProceedingResolver struct{ *Resolver }

func (r *enforcementProceedingResolver) Restrictions(ctx context.Context, obj *sio.EnforcementProceeding) ([]sio.EnforcementRestriction, error) {
	return loadSourced(ctx, r.Resolver, enforcementRestrictionsOf, r.EnforcementRegistry.RestrictionsByProceeding, storeEnforcement, obj.Number)
}

func (r *enforcementProceedingResolver) DebtorPerson(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.DebtorID, obj.DebtorKind)
}

func (r *enforcementProceedingResolver) DebtorLegalEntity(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.DebtorID, obj.DebtorKind)
}

func (r *enforcementProceedingResolver) CreditorPerson(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.Person, error) {
	return optionalPerson(ctx, r.Resolver, obj.CreditorID, obj.CreditorKind)
}

func (r *enforcementProceedingResolver) CreditorLegalEntity(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.LegalEntity, error) {
	return optionalEntity(ctx, r.Resolver, obj.CreditorID, obj.CreditorKind)
}

func (r *enforcementProceedingResolver) CourtCase(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.CourtCase, error) {
	if obj.DocumentKind != sio.DocumentWrit && obj.DocumentKind != sio.DocumentCourtOrder {
		return nil, nil
	}
	return courtCase(ctx, r.Resolver, &obj.DocumentNumber)
}

func (r *enforcementProceedingResolver) NotarialAct(ctx context.Context, obj *sio.EnforcementProceeding) (*sio.NotarialAct, error) {
	if obj.DocumentKind != sio.DocumentNotaryInscription {
		return nil, nil
	}
	return notarialAct(ctx, r.Resolver, obj.DocumentNumber)
}

type debtorRestrictionResolver struct{ *Resolver }

func (r *debtorRestrictionResolver) Person(ctx context.Context, obj *sio.DebtorRestriction) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

func (r *debtorRestrictionResolver) Proceeding(ctx context.Context, obj *sio.DebtorRestriction) (*sio.EnforcementProceeding, error) {
	if obj.Kind != sio.DebtorOfProceeding {
		return nil, nil
	}
	return proceeding(ctx, r.Resolver, obj.BasisNumber)
}

func (r *debtorRestrictionResolver) CourtCase(ctx context.Context, obj *sio.DebtorRestriction) (*sio.CourtCase, error) {
	if obj.Kind != sio.DefendantOfCase {
		return nil, nil
	}
	return courtCase(ctx, r.Resolver, &obj.BasisNumber)
}
