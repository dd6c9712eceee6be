package sio

import "context"

// Поиск адресов и контактных телефонов (service 62): the contacts register
// of persons and legal entities, compiled from the mobile operators,
// Казахтелеком, ГБД ФЛ, ГБД ЮЛ and other sources, with dates.

// ContactPhoneKind is how a number is used by its holder.
type ContactPhoneKind string

const (
	PhoneMobile ContactPhoneKind = "MOBILE"
	PhoneHome   ContactPhoneKind = "HOME"
	PhoneWork   ContactPhoneKind = "WORK"
)

// ContactPhone is a phone number of a person or entity, from a source,
// over a period. A number may be listed for several holders (a family's
// home line, a company phone its director uses).
type ContactPhone struct {
	ID int64 `db:"id"`
	// Phone in E.164 form, "+77011234567".
	Phone      string           `db:"phone"`
	OwnerID    string           `db:"owner_id"`
	OwnerKind  SubjectKind      `db:"owner_kind"`
	Kind       ContactPhoneKind `db:"kind"`
	OperatorRu string           `db:"operator_ru"`
	SourceRu   string           `db:"source_ru"`
	Since      Date             `db:"since"`
	// Until is nil while the number is in use.
	Until *Date `db:"until"`
}

// ContactAddressKind is what an address is to its holder.
type ContactAddressKind string

const (
	AddressRegistered ContactAddressKind = "REGISTERED"
	AddressActual     ContactAddressKind = "ACTUAL"
	AddressLegal      ContactAddressKind = "LEGAL"
)

// ContactAddress is an address of a person (registered, actual) or entity
// (legal, actual).
type ContactAddress struct {
	ID         int64              `db:"id"`
	OwnerID    string             `db:"owner_id"`
	OwnerKind  SubjectKind        `db:"owner_kind"`
	Kind       ContactAddressKind `db:"kind"`
	Address    string             `db:"address"`
	RegionKATO string             `db:"region_kato"`
	SourceRu   string             `db:"source_ru"`
	Since      Date               `db:"since"`
	Until      *Date              `db:"until"`
}

// Region of the address.
func (a *ContactAddress) Region() *Region { return regionOrNil(a.RegionKATO) }

// ContactRegistry is Поиск адресов и контактных телефонов.
type ContactRegistry interface {
	// PhonesByOwner returns the numbers of each person or entity (IIN or BIN).
	PhonesByOwner(ctx context.Context, owners []string) (map[string][]ContactPhone, error)
	// PhonesByNumber returns the holders of each number (E.164).
	PhonesByNumber(ctx context.Context, phones []string) (map[string][]ContactPhone, error)
	// AddressesByOwner returns the addresses of each person or entity.
	AddressesByOwner(ctx context.Context, owners []string) (map[string][]ContactAddress, error)
	// SearchAddresses returns at most limit addresses that begin with text,
	// or whose part from the street on does, in whole components.
	SearchAddresses(ctx context.Context, text string, limit int) ([]ContactAddress, error)
}
