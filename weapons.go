package sio

import "context"

// WeaponKind classifies a civilian or service weapon by its permit category.
type WeaponKind string

const (
	WeaponHuntingSmoothbore WeaponKind = "HUNTING_SMOOTHBORE"
	WeaponHuntingRifled     WeaponKind = "HUNTING_RIFLED"
	WeaponSports            WeaponKind = "SPORTS"
	WeaponSelfDefense       WeaponKind = "SELF_DEFENSE"
	WeaponService           WeaponKind = "SERVICE"
	WeaponAward             WeaponKind = "AWARD"
)

// PermitStatus is the state of a weapon permit.
type PermitStatus string

const (
	PermitValid   PermitStatus = "VALID"
	PermitExpired PermitStatus = "EXPIRED"
	PermitRevoked PermitStatus = "REVOKED"
)

// Weapon is a record of База данных "Зарегистрированное оружие": a weapon
// registered with the internal-affairs licensing units, with its owner and
// the permit to keep (and carry) it.
type Weapon struct {
	SerialNumber    string      `db:"serial_number"`
	Kind            WeaponKind  `db:"kind"`
	KindRu          string      `db:"kind_ru"`
	Make            string      `db:"make"`
	Model           string      `db:"model"`
	Caliber         string      `db:"caliber"`
	ManufactureYear int         `db:"manufacture_year"`
	OwnerID         string      `db:"owner_id"`
	OwnerKind       SubjectKind `db:"owner_kind"`
	// PermitNumber of the permit (разрешение) to keep, or keep and carry.
	PermitNumber  string       `db:"permit_number"`
	PermitTypeRu  string       `db:"permit_type_ru"`
	PermitIssued  Date         `db:"permit_issued"`
	PermitExpires Date         `db:"permit_expires"`
	PermitStatus  PermitStatus `db:"permit_status"`
	// IssuedBy is the police unit that issued the permit.
	IssuedBy   string `db:"issued_by"`
	RegionKATO string `db:"region_kato"`
}

// Region where the weapon is registered.
func (w *Weapon) Region() *Region { return regionOrNil(w.RegionKATO) }

// WeaponRegistry is База данных "Зарегистрированное оружие".
type WeaponRegistry interface {
	// WeaponsByOwner returns the weapons of each owner (IIN or BIN).
	WeaponsByOwner(ctx context.Context, owners []string) (map[string][]Weapon, error)
	// WeaponsBySerial returns the weapons found among serial numbers.
	WeaponsBySerial(ctx context.Context, serials []string) (map[string]*Weapon, error)
}
