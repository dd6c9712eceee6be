package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// КГД declarations on excisable goods: a connection per kind on
// LegalEntity and a lookup by number per kind on Inquiry, each guarded by
// its own service.

// exciseOf batches each kind's lookup by declarant separately.
var exciseOf = func() map[sio.ExciseKind]*loaders.Def[sio.BIN, []sio.ExciseDeclaration] {
	m := map[sio.ExciseKind]*loaders.Def[sio.BIN, []sio.ExciseDeclaration]{}
	for _, k := range sio.ExciseKinds {
		m[k] = loaders.Define[sio.BIN, []sio.ExciseDeclaration]("kgd_declarations." + string(k))
	}
	return m
}()

// exciseNumberPattern: office code, year, kind code and serial.
var exciseNumberPattern = regexp.MustCompile(`^\d{4}-\d{2}-[А-Я0-9]{2,3}-\d{7}$`)

func (r *Resolver) exciseDeclarations(ctx context.Context, kind sio.ExciseKind, bin sio.BIN, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return loadPage[model.ExciseDeclarationConnection](ctx, r, "kgd_declarations", exciseOf[kind],
		func(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.ExciseDeclaration, error) {
			return r.ExciseRegistry.DeclarationsByDeclarant(ctx, kind, bins)
		}, bin, first, after)
}

func (r *Resolver) exciseDeclaration(ctx context.Context, kind sio.ExciseKind, number string) (*sio.ExciseDeclaration, error) {
	n, err := parseKey("number", number, 20, exciseNumberPattern, "a declaration number such as 3901-24-ЭС-0000123")
	return byKey(ctx, r, "kgd_declarations", n, err, func(ctx context.Context, numbers []string) (map[string]*sio.ExciseDeclaration, error) {
		return r.ExciseRegistry.DeclarationsByNumber(ctx, kind, numbers)
	})
}

func (r *legalEntityResolver) EthylAlcoholDeclarations(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return r.exciseDeclarations(ctx, sio.ExciseEthylAlcohol, obj.BIN, first, after)
}

func (r *legalEntityResolver) AlcoholProductionDeclarations(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return r.exciseDeclarations(ctx, sio.ExciseAlcoholProduction, obj.BIN, first, after)
}

func (r *legalEntityResolver) AlcoholTurnoverDeclarations(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return r.exciseDeclarations(ctx, sio.ExciseAlcoholTurnover, obj.BIN, first, after)
}

func (r *legalEntityResolver) PetroleumDeclarationsV2(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return r.exciseDeclarations(ctx, sio.ExcisePetroleumVersion2, obj.BIN, first, after)
}

func (r *legalEntityResolver) PetroleumDeclarationsV3(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ExciseDeclarationConnection, error) {
	return r.exciseDeclarations(ctx, sio.ExcisePetroleumVersion3, obj.BIN, first, after)
}

func (r *inquiryResolver) EthylAlcoholDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.ExciseDeclaration, error) {
	return r.exciseDeclaration(ctx, sio.ExciseEthylAlcohol, number)
}

func (r *inquiryResolver) AlcoholProductionDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.ExciseDeclaration, error) {
	return r.exciseDeclaration(ctx, sio.ExciseAlcoholProduction, number)
}

func (r *inquiryResolver) AlcoholTurnoverDeclaration(ctx context.Context, _ *authz.Inquiry, number string) (*sio.ExciseDeclaration, error) {
	return r.exciseDeclaration(ctx, sio.ExciseAlcoholTurnover, number)
}

func (r *inquiryResolver) PetroleumDeclarationV2(ctx context.Context, _ *authz.Inquiry, number string) (*sio.ExciseDeclaration, error) {
	return r.exciseDeclaration(ctx, sio.ExcisePetroleumVersion2, number)
}

func (r *inquiryResolver) PetroleumDeclarationV3(ctx context.Context, _ *authz.Inquiry, number string) (*sio.ExciseDeclaration, error) {
	return r.exciseDeclaration(ctx, sio.ExcisePetroleumVersion3, number)
}

type exciseDeclarationResolver struct{ *Resolver }

func (r *exciseDeclarationResolver) Declarant(ctx context.Context, obj *sio.ExciseDeclaration) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.DeclarantBIN)
}

type exciseLineResolver struct{ *Resolver }

func (r *exciseLineResolver) Counterparty(ctx context.Context, obj *sio.ExciseLine) (*sio.LegalEntity, error) {
	if obj.CounterpartyBIN == nil {
		return nil, nil
	}
	return loadEntity(ctx, r.Resolver, *obj.CounterpartyBIN)
}
