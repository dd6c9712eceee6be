package sio

import "context"

// The criminal records of the internal-affairs bodies on objects:
// Криминальный автотранспорт and Криминальное оружие.

// WantedStatus is the state of a criminal record of an object.
type WantedStatus string

const (
	// Wanted: the object is on the wanted list.
	Wanted WantedStatus = "WANTED"
	// Found: the object was found and the search is over.
	Found WantedStatus = "FOUND"
	// InStorage: seized or found and kept by the police (weapons).
	InStorage WantedStatus = "IN_STORAGE"
)

// CriminalVehicleEvent is why a vehicle is in Криминальный автотранспорт.
type CriminalVehicleEvent string

const (
	// VehicleTheft: stolen (Criminal Code art. 188).
	VehicleTheft CriminalVehicleEvent = "THEFT"
	// VehicleHijacking: taken without intent to steal (art. 200).
	VehicleHijacking CriminalVehicleEvent = "HIJACKING"
	// VehicleUsedInCrime: used in committing a crime, wanted as evidence.
	VehicleUsedInCrime CriminalVehicleEvent = "USED_IN_CRIME"
)

// CriminalVehicleRecord is a record of База данных "Криминальный
// автотранспорт": a vehicle wanted after theft or hijacking, or used in a
// crime, with the pre-trial investigation (ЕРДР) it belongs to.
type CriminalVehicleRecord struct {
	ID    int64                `db:"id"`
	Event CriminalVehicleEvent `db:"event"`
	VIN   string               `db:"vin"`
	// Plate at the time of the event.
	Plate      string      `db:"plate"`
	Make       string      `db:"make"`
	Model      string      `db:"model"`
	Color      string      `db:"color"`
	Year       int         `db:"year"`
	OwnerID    string      `db:"owner_id"`
	OwnerKind  SubjectKind `db:"owner_kind"`
	EventDate  Date        `db:"event_date"`
	PlaceRu    string      `db:"place_ru"`
	RegionKATO string      `db:"region_kato"`
	// ERDRNumber of the pre-trial investigation, 15 digits.
	ERDRNumber string `db:"erdr_number"`
	// Article of the Criminal Code, "188 ч.2".
	Article string `db:"article"`
	// Initiator is the police unit that put the vehicle on the wanted list.
	Initiator    string       `db:"initiator"`
	Status       WantedStatus `db:"status"`
	FoundAt      *Date        `db:"found_at"`
	FoundPlaceRu *string      `db:"found_place_ru"`
}

// Region where the event occurred.
func (c *CriminalVehicleRecord) Region() *Region { return regionOrNil(c.RegionKATO) }

// CriminalWeaponEvent is why a weapon is in Криминальное оружие.
type CriminalWeaponEvent string

const (
	WeaponLost   CriminalWeaponEvent = "LOST"
	WeaponStolen CriminalWeaponEvent = "STOLEN"
	// WeaponSeized: taken from a person in illegal possession.
	WeaponSeized CriminalWeaponEvent = "SEIZED"
	// WeaponFound: found without an owner.
	WeaponFound CriminalWeaponEvent = "FOUND"
)

// CriminalWeaponRecord is a record of База данных "Криминальное оружие": a
// lost, stolen, seized or found weapon. A lost or stolen registered weapon
// keeps the serial number of Зарегистрированное оружие.
type CriminalWeaponRecord struct {
	ID           int64               `db:"id"`
	Event        CriminalWeaponEvent `db:"event"`
	SerialNumber string              `db:"serial_number"`
	KindRu       string              `db:"kind_ru"`
	Make         string              `db:"make"`
	Model        string              `db:"model"`
	Caliber      string              `db:"caliber"`
	EventDate    Date                `db:"event_date"`
	PlaceRu      string              `db:"place_ru"`
	RegionKATO   string              `db:"region_kato"`
	// ERDRNumber and Article of the criminal case; nil for a loss, which
	// opens none.
	ERDRNumber *string `db:"erdr_number"`
	Article    *string `db:"article"`
	Initiator  string  `db:"initiator"`
	// PersonIIN is the owner who lost it or from whom it was stolen, or the
	// person it was seized from; nil for found weapons.
	PersonIIN *IIN         `db:"person_iin"`
	Status    WantedStatus `db:"status"`
	FoundAt   *Date        `db:"found_at"`
}

// Region where the event occurred.
func (c *CriminalWeaponRecord) Region() *Region { return regionOrNil(c.RegionKATO) }

// CriminalVehicleRegistry is База данных "Криминальный автотранспорт".
type CriminalVehicleRegistry interface {
	// CriminalRecordsByVIN returns each vehicle's records, latest first.
	CriminalRecordsByVIN(ctx context.Context, vins []string) (map[string][]CriminalVehicleRecord, error)
	// CriminalRecordsByPlate is CriminalRecordsByVIN by the plate at the
	// time of the event.
	CriminalRecordsByPlate(ctx context.Context, plates []string) (map[string][]CriminalVehicleRecord, error)
}

// CriminalWeaponRegistry is База данных "Криминальное оружие".
type CriminalWeaponRegistry interface {
	// CriminalRecordsBySerial returns the records of each serial number,
	// latest first.
	CriminalRecordsBySerial(ctx context.Context, serials []string) (map[string][]CriminalWeaponRecord, error)
}
