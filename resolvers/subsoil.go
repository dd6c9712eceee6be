package resolvers

import (
	"context"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// Сведения о контрактах на недропользование: the fields the two registers
// add to LegalEntity and Inquiry.

var (
	hydrocarbonContractsOf = loaders.Define[sio.BIN, []sio.SubsoilContract]("subsoil_contracts.hydrocarbonsOf")
	solidContractsOf       = loaders.Define[sio.BIN, []sio.SubsoilContract]("subsoil_contracts.solidOf")
)

func (r *Resolver) subsoilContractsOf(ctx context.Context, def *loaders.Def[sio.BIN, []sio.SubsoilContract], reg sio.SubsoilRegister, bin sio.BIN) ([]sio.SubsoilContract, error) {
	return load(ctx, r, "subsoil_contracts", def, func(ctx context.Context, bins []sio.BIN) (map[sio.BIN][]sio.SubsoilContract, error) {
		return r.SubsoilRegistry.ContractsByUser(ctx, reg, bins)
	}, bin)
}

func (r *legalEntityResolver) HydrocarbonContracts(ctx context.Context, obj *sio.LegalEntity) ([]sio.SubsoilContract, error) {
	return r.subsoilContractsOf(ctx, hydrocarbonContractsOf, sio.SubsoilHydrocarbons, obj.BIN)
}

func (r *legalEntityResolver) SolidMineralContracts(ctx context.Context, obj *sio.LegalEntity) ([]sio.SubsoilContract, error) {
	return r.subsoilContractsOf(ctx, solidContractsOf, sio.SubsoilSolidMinerals, obj.BIN)
}

func (r *Resolver) subsoilContract(ctx context.Context, reg sio.SubsoilRegister, number string) ([]sio.SubsoilContract, error) {
	n, err := parseKey("number", number, 32, serialPattern, "a contract number such as 1012-УВС")
	return byKey(ctx, r, "subsoil_contracts", n, err, func(ctx context.Context, numbers []string) (map[string][]sio.SubsoilContract, error) {
		return r.SubsoilRegistry.ContractsByNumber(ctx, reg, numbers)
	})
}

func (r *inquiryResolver) HydrocarbonContract(ctx context.Context, _ *authz.Inquiry, number string) ([]sio.SubsoilContract, error) {
	return r.subsoilContract(ctx, sio.SubsoilHydrocarbons, number)
}

func (r *inquiryResolver) SolidMineralContract(ctx context.Context, _ *authz.Inquiry, number string) ([]sio.SubsoilContract, error) {
	return r.subsoilContract(ctx, sio.SubsoilSolidMinerals, number)
}

type subsoilContractResolver struct{ *Resolver }

func (r *subsoilContractResolver) SubsoilUser(ctx context.Context, obj *sio.SubsoilContract) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.UserBIN)
}
