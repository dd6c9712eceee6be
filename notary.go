package sio

import "context"

// NotarialActKind is the kind of a notarial act of Е-Нотариат.
type NotarialActKind string

const (
	NotarialVehiclePowerOfAttorney NotarialActKind = "VEHICLE_POWER_OF_ATTORNEY"
	NotarialPowerOfAttorney        NotarialActKind = "POWER_OF_ATTORNEY"
	NotarialEntityPowerOfAttorney  NotarialActKind = "ENTITY_POWER_OF_ATTORNEY"
	NotarialSaleContract           NotarialActKind = "SALE_CONTRACT"
	NotarialSpouseConsent          NotarialActKind = "SPOUSE_CONSENT"
	NotarialChildTravelConsent     NotarialActKind = "CHILD_TRAVEL_CONSENT"
	NotarialInheritanceCertificate NotarialActKind = "INHERITANCE_CERTIFICATE"
	NotarialMarriageContract       NotarialActKind = "MARRIAGE_CONTRACT"
	NotarialExecutiveInscription   NotarialActKind = "EXECUTIVE_INSCRIPTION"
)

// NotarialObjectKind is the kind of property a notarial act concerns.
type NotarialObjectKind string

const (
	ObjectVehicle    NotarialObjectKind = "VEHICLE"
	ObjectRealEstate NotarialObjectKind = "REAL_ESTATE"
)

// NotarialRole is a party's role in a notarial act.
type NotarialRole string

const (
	NotarialPrincipal      NotarialRole = "PRINCIPAL"      // доверитель
	NotarialRepresentative NotarialRole = "REPRESENTATIVE" // поверенный
	NotarialSeller         NotarialRole = "SELLER"
	NotarialBuyer          NotarialRole = "BUYER"
	NotarialConsenting     NotarialRole = "CONSENTING"
	NotarialChild          NotarialRole = "CHILD"
	NotarialSpouse         NotarialRole = "SPOUSE"
	NotarialTestator       NotarialRole = "TESTATOR" // наследодатель
	NotarialHeir           NotarialRole = "HEIR"
	NotarialCreditor       NotarialRole = "CREDITOR"
	NotarialDebtor         NotarialRole = "DEBTOR"
)

// NotarialAct is a record of База данных "Е-Нотариат" (ЕНИС): an act
// registered by a notary. RegistryNumber is unique in the system and reads
// YY RR S NNNNNN (year, KATO region of the notary, stream digit, serial).
type NotarialAct struct {
	RegistryNumber string              `db:"registry_number"`
	ActDate        Date                `db:"act_date"`
	Kind           NotarialActKind     `db:"kind"`
	KindRu         string              `db:"kind_ru"`
	SummaryRu      string              `db:"summary_ru"`
	NotaryName     string              `db:"notary_name"`
	NotaryLicence  string              `db:"notary_licence"`
	RegionKATO     string              `db:"region_kato"`
	ObjectKind     *NotarialObjectKind `db:"object_kind"`
	// ObjectNumber is the VIN of a vehicle or the cadastral number of real
	// estate.
	ObjectNumber *string `db:"object_number"`
	ValidUntil   *Date   `db:"valid_until"`
	RevokedAt    *Date   `db:"revoked_at"`
}

// Region of the notary.
func (a *NotarialAct) Region() *Region { return regionOrNil(a.RegionKATO) }

// NotarialParty is a party of a notarial act: a subject of the population
// or an organisation outside it (a bank), named only.
type NotarialParty struct {
	RegistryNumber string       `db:"registry_number"`
	Role           NotarialRole `db:"role"`
	RoleRu         string       `db:"role_ru"`
	SubjectID      *string      `db:"subject_id"`
	SubjectKind    *SubjectKind `db:"subject_kind"`
	NameRu         string       `db:"name_ru"`
}

// PartyAct is a notarial act seen from one of its parties.
type PartyAct struct {
	NotarialAct
	PartyID string       `db:"party_id"`
	Role    NotarialRole `db:"party_role"`
	RoleRu  string       `db:"party_role_ru"`
}

// NotaryRegistry is База данных "Е-Нотариат".
type NotaryRegistry interface {
	// ActsByParty returns the acts of each subject (IIN or BIN) with its role.
	ActsByParty(ctx context.Context, ids []string) (map[string][]PartyAct, error)
	// ActsByObject returns the acts concerning each object (VIN or
	// cadastral number).
	ActsByObject(ctx context.Context, objects []string) (map[string][]NotarialAct, error)
	ActsByNumber(ctx context.Context, numbers []string) (map[string]*NotarialAct, error)
	PartiesByAct(ctx context.Context, numbers []string) (map[string][]NotarialParty, error)
}
