package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

type taxpayerResolver struct{ *Resolver }

// Lookups of the taxpayer register and tax arrears batched per request.
var (
	taxpayerByID    = loaders.Define[string, *sio.Taxpayer]("taxpayers.byID")
	debtsOfTaxpayer = loaders.Define[string, []sio.TaxDebt]("tax_debts.ofTaxpayer")
)

func (r *taxpayerResolver) Debts(ctx context.Context, obj *sio.Taxpayer) ([]sio.TaxDebt, error) {
	return loadDebts(ctx, r.Resolver, obj.ID)
}

func loadTaxpayer(ctx context.Context, r *Resolver, id string) (*sio.Taxpayer, error) {
	t, err := taxpayerByID.Load(ctx, r.TaxpayerRegistry.TaxpayersByID, id)
	return t, r.source(ctx, "taxpayers", err)
}

func loadDebts(ctx context.Context, r *Resolver, id string) ([]sio.TaxDebt, error) {
	ds, err := debtsOfTaxpayer.Load(ctx, r.TaxDebtRegistry.DebtsByTaxpayer, id)
	return ds, r.source(ctx, "tax_debts", err)
}
