package sio

import "context"

// Subsoil-use contracts of seed 000 Appendix 2: hydrocarbons (48) and solid
// minerals and groundwater (49), two registers of one competent-authority
// system.

// SubsoilRegister names one of the two registers.
type SubsoilRegister string

const (
	SubsoilHydrocarbons  SubsoilRegister = "HYDROCARBONS"
	SubsoilSolidMinerals SubsoilRegister = "SOLID_MINERALS"
)

// SubsoilStage is the operation the contract (or licence) allows.
type SubsoilStage string

const (
	SubsoilExploration           SubsoilStage = "EXPLORATION"
	SubsoilProduction            SubsoilStage = "PRODUCTION"
	SubsoilExplorationProduction SubsoilStage = "EXPLORATION_PRODUCTION"
)

// SubsoilStatus is the state of a contract.
type SubsoilStatus string

const (
	SubsoilActive     SubsoilStatus = "ACTIVE"
	SubsoilTerminated SubsoilStatus = "TERMINATED"
	SubsoilExpired    SubsoilStatus = "EXPIRED"
)

// SubsoilContract is a subsoil-use contract (or licence) of a subsoil user:
// the field or deposit, minerals, stage, dates and the user's share in it.
type SubsoilContract struct {
	Number   string          `db:"number"`
	Register SubsoilRegister `db:"register"`
	UserBIN  BIN             `db:"user_bin"`
	// SharePercent is the user's participation share in the contract.
	SharePercent float64 `db:"share_percent"`
	// OperatorRu is the operator of a joint contract (the user itself when
	// it holds 100%).
	OperatorRu  string        `db:"operator_ru"`
	FieldRu     string        `db:"field_ru"`
	MineralsRu  string        `db:"minerals_ru"`
	RegionKATO  string        `db:"region_kato"`
	AreaSqKm    float64       `db:"area_sq_km"`
	SignedAt    Date          `db:"signed_at"`
	ExpiresAt   Date          `db:"expires_at"`
	Stage       SubsoilStage  `db:"stage"`
	AuthorityRu string        `db:"authority_ru"`
	Status      SubsoilStatus `db:"status"`
}

// Region of the field.
func (c *SubsoilContract) Region() *Region { return regionOrNil(c.RegionKATO) }

// SubsoilRegistry is Сведения о контрактах на недропользование.
type SubsoilRegistry interface {
	// ContractsByUser returns the contracts of each subsoil user in one
	// register.
	ContractsByUser(ctx context.Context, reg SubsoilRegister, bins []BIN) (map[BIN][]SubsoilContract, error)
	// ContractsByNumber returns the subsoil users of each contract.
	ContractsByNumber(ctx context.Context, reg SubsoilRegister, numbers []string) (map[string][]SubsoilContract, error)
}
