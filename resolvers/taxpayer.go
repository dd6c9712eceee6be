package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

type taxpayerResolver struct{ *Resolver }

func (r *taxpayerResolver) Debts(ctx context.Context, obj *sio.Taxpayer) ([]sio.TaxDebt, error) {
	return loadDebts(ctx, r.Resolver, obj.ID)
}

func loadTaxpayer(ctx context.Context, r *Resolver, id string) (*sio.Taxpayer, error) {
	t, err := loaders.Found(loaders.From(ctx).Taxpayer.Load(ctx, id))
	return t, r.source(ctx, "taxpayers", err)
}

func loadDebts(ctx context.Context, r *Resolver, id string) ([]sio.TaxDebt, error) {
	ds, err := loaders.Found(loaders.From(ctx).DebtsByTaxpayer.Load(ctx, id))
	return ds, r.source(ctx, "tax_debts", err)
}
