package sio

import (
	"context"
	"time"
)

// The transport registers beyond road vehicles: Железнодорожный транспорт
// (rolling stock), Речные и маломерные суда, Морские суда, Сельхозтехника,
// and the passenger tickets of Қазақстан теміржолы.

// RegistrationStatus is the state of an entry of a transport register.
type RegistrationStatus string

const (
	// Registered: the entry is in force.
	Registered RegistrationStatus = "REGISTERED"
	// Deregistered: struck off (sold abroad, scrapped, written off).
	Deregistered RegistrationStatus = "DEREGISTERED"
)

// RollingStockKind tells wagons from locomotives.
type RollingStockKind string

const (
	RollingStockWagon      RollingStockKind = "WAGON"
	RollingStockLocomotive RollingStockKind = "LOCOMOTIVE"
)

// RollingStock is a unit of База данных "Железнодорожный транспорт": a
// freight wagon or a locomotive in the state register of rolling stock, with
// its owner and home station.
type RollingStock struct {
	// Number is the 8-digit wagon number with its check digit (see
	// WagonCheckDigit), or a locomotive's series and number, "ТЭМ2-4521".
	Number    string           `db:"number"`
	Kind      RollingStockKind `db:"kind"`
	TypeRu    string           `db:"type_ru"`
	Model     string           `db:"model"`
	BuildYear int              `db:"build_year"`
	Plant     string           `db:"plant"`
	OwnerID   string           `db:"owner_id"`
	OwnerKind SubjectKind      `db:"owner_kind"`
	// CertificateNumber of the certificate of state registration.
	CertificateNumber string `db:"certificate_number"`
	RegisteredAt      Date   `db:"registered_at"`
	// HomeStation is the station (for locomotives the depot) of registry.
	HomeStation    string             `db:"home_station"`
	RegionKATO     string             `db:"region_kato"`
	Status         RegistrationStatus `db:"status"`
	DeregisteredAt *Date              `db:"deregistered_at"`
}

// Region of the home station.
func (s *RollingStock) Region() *Region { return regionOrNil(s.RegionKATO) }

// WagonCheckDigit computes the 8th digit of a freight-wagon number from its
// first seven: the digits are weighted 2,1,2,1,2,1,2, the digits of the
// products are summed, and the check digit completes the sum to a multiple
// of ten. ok is false unless first7 is seven digits.
func WagonCheckDigit(first7 string) (byte, bool) {
	if len(first7) != 7 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 7; i++ {
		c := first7[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		p := int(c-'0') * (2 - i%2)
		sum += p/10 + p%10
	}
	return byte('0' + (10-sum%10)%10), true
}

// ValidWagonNumber reports whether s is an 8-digit wagon number with a
// correct check digit.
func ValidWagonNumber(s string) bool {
	if len(s) != 8 {
		return false
	}
	d, ok := WagonCheckDigit(s[:7])
	return ok && s[7] == d
}

// VesselCategory tells the small craft of the register of small vessels
// from the inland-navigation vessels of the state ship register.
type VesselCategory string

const (
	// VesselSmall is a маломерное судно: a boat, launch or jet ski.
	VesselSmall VesselCategory = "SMALL"
	// VesselRiver is a судно внутреннего водного плавания: a tug, barge
	// or passenger motor ship.
	VesselRiver VesselCategory = "RIVER"
)

// RiverVessel is a record of База данных "Речные и маломерные суда".
type RiverVessel struct {
	// RegistrationNumber is the hull (board) number, e.g. "KZ 1234 AL".
	RegistrationNumber string         `db:"registration_number"`
	Category           VesselCategory `db:"category"`
	HullTypeRu         string         `db:"hull_type_ru"`
	Make               string         `db:"make"`
	Model              string         `db:"model"`
	// HullNumber is the builder's hull (serial) number.
	HullNumber    string  `db:"hull_number"`
	BuildYear     int     `db:"build_year"`
	LengthM       float64 `db:"length_m"`
	EngineMake    string  `db:"engine_make"`
	EngineNumber  string  `db:"engine_number"`
	EnginePowerHP int     `db:"engine_power_hp"`
	// Passengers is the permitted number of persons on board.
	Passengers int         `db:"passengers"`
	OwnerID    string      `db:"owner_id"`
	OwnerKind  SubjectKind `db:"owner_kind"`
	// RegisteredBy is the body that keeps the entry.
	RegisteredBy string `db:"registered_by"`
	RegisteredAt Date   `db:"registered_at"`
	// HomeWaterRu is the water body (area of navigation) of registry.
	HomeWaterRu    string             `db:"home_water_ru"`
	RegionKATO     string             `db:"region_kato"`
	Status         RegistrationStatus `db:"status"`
	DeregisteredAt *Date              `db:"deregistered_at"`
}

// Region where the vessel is registered.
func (v *RiverVessel) Region() *Region { return regionOrNil(v.RegionKATO) }

// SeaVessel is a record of База данных "Морские суда": a sea-going ship of
// the state ship register under the flag of Kazakhstan.
type SeaVessel struct {
	// IMONumber is the 7-digit IMO ship identification number (see
	// IMOCheckDigit), without the "IMO" prefix.
	IMONumber      string  `db:"imo_number"`
	Name           string  `db:"name"`
	TypeRu         string  `db:"type_ru"`
	Flag           string  `db:"flag"`
	PortOfRegistry string  `db:"port_of_registry"`
	CallSign       string  `db:"call_sign"`
	MMSI           string  `db:"mmsi"`
	GrossTonnage   int     `db:"gross_tonnage"`
	Deadweight     int     `db:"deadweight"`
	LengthM        float64 `db:"length_m"`
	BuildYear      int     `db:"build_year"`
	Builder        string  `db:"builder"`
	OwnerBIN       BIN     `db:"owner_bin"`
	// RegistryNumber is the entry number in the state ship register.
	RegistryNumber string             `db:"registry_number"`
	RegisteredAt   Date               `db:"registered_at"`
	Status         RegistrationStatus `db:"status"`
	DeregisteredAt *Date              `db:"deregistered_at"`
}

// IMOCheckDigit computes the 7th digit of an IMO number from its first six:
// the digits weighted 7,6,5,4,3,2, summed; the last digit of the sum.
func IMOCheckDigit(first6 string) (byte, bool) {
	if len(first6) != 6 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 6; i++ {
		c := first6[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * (7 - i)
	}
	return byte('0' + sum%10), true
}

// ValidIMO reports whether s is a 7-digit IMO number with a correct check
// digit.
func ValidIMO(s string) bool {
	if len(s) != 7 {
		return false
	}
	d, ok := IMOCheckDigit(s[:6])
	return ok && s[6] == d
}

// AgriculturalMachine is a record of База данных "Сельхозтехника": a
// tractor, combine or other self-propelled machine registered with the
// state inspection for the technical condition of machines.
type AgriculturalMachine struct {
	// Plate is the registration plate of the machine, e.g. "1234AT10".
	Plate  string `db:"plate"`
	KindRu string `db:"kind_ru"`
	Make   string `db:"make"`
	Model  string `db:"model"`
	// SerialNumber is the factory number (VIN for the machines that have
	// one).
	SerialNumber  string      `db:"serial_number"`
	EngineNumber  string      `db:"engine_number"`
	BuildYear     int         `db:"build_year"`
	EnginePowerHP int         `db:"engine_power_hp"`
	OwnerID       string      `db:"owner_id"`
	OwnerKind     SubjectKind `db:"owner_kind"`
	// CertificateNumber of the registration certificate (технический
	// паспорт).
	CertificateNumber string             `db:"certificate_number"`
	RegisteredBy      string             `db:"registered_by"`
	RegisteredAt      Date               `db:"registered_at"`
	RegionKATO        string             `db:"region_kato"`
	Status            RegistrationStatus `db:"status"`
	DeregisteredAt    *Date              `db:"deregistered_at"`
}

// Region where the machine is registered.
func (m *AgriculturalMachine) Region() *Region { return regionOrNil(m.RegionKATO) }

// TicketChannel is where a railway ticket was sold.
type TicketChannel string

const (
	TicketCashDesk  TicketChannel = "CASH_DESK"
	TicketWebsite   TicketChannel = "WEBSITE"
	TicketMobileApp TicketChannel = "MOBILE_APP"
	TicketAgent     TicketChannel = "AGENT"
)

// TicketStatus is the state of a railway ticket.
type TicketStatus string

const (
	TicketUsed     TicketStatus = "USED"
	TicketReturned TicketStatus = "RETURNED"
)

// RailwayTicket is a record of База данных "Қазақстан теміржолы": a
// passenger ticket of АО «НК «Қазақстан темір жолы» with the passenger's
// identity document as presented at purchase.
type RailwayTicket struct {
	TicketNumber   string `db:"ticket_number"`
	PassengerIIN   IIN    `db:"passenger_iin"`
	PassengerName  string `db:"passenger_name"`
	DocumentTypeRu string `db:"document_type_ru"`
	DocumentNumber string `db:"document_number"`
	TrainNumber    string `db:"train_number"`
	// DepartureStation and ArrivalStation are the passenger's stations (not
	// necessarily the train's terminals).
	DepartureStation string        `db:"departure_station"`
	ArrivalStation   string        `db:"arrival_station"`
	DepartureAt      time.Time     `db:"departure_at"`
	ArrivalAt        time.Time     `db:"arrival_at"`
	CarNumber        int           `db:"car_number"`
	CarTypeRu        string        `db:"car_type_ru"`
	Seat             int           `db:"seat"`
	PriceTiyn        int64         `db:"price_tiyn"`
	PurchasedAt      time.Time     `db:"purchased_at"`
	Channel          TicketChannel `db:"channel"`
	// SoldBy names the cash desk (station) or the agent.
	SoldBy string       `db:"sold_by"`
	Status TicketStatus `db:"status"`
}

// Price paid for the ticket.
func (t *RailwayTicket) Price() Money { return Money(t.PriceTiyn) }

// RollingStockRegistry is База данных "Железнодорожный транспорт".
type RollingStockRegistry interface {
	// RollingStockByOwner returns the rolling stock of each owner (IIN or
	// BIN).
	RollingStockByOwner(ctx context.Context, owners []string) (map[string][]RollingStock, error)
	// RollingStockByNumber returns the units found among wagon or
	// locomotive numbers.
	RollingStockByNumber(ctx context.Context, numbers []string) (map[string]*RollingStock, error)
}

// RiverVesselRegistry is База данных "Речные и маломерные суда".
type RiverVesselRegistry interface {
	RiverVesselsByOwner(ctx context.Context, owners []string) (map[string][]RiverVessel, error)
	RiverVesselsByNumber(ctx context.Context, numbers []string) (map[string]*RiverVessel, error)
}

// SeaVesselRegistry is База данных "Морские суда".
type SeaVesselRegistry interface {
	SeaVesselsByOwner(ctx context.Context, owners []BIN) (map[BIN][]SeaVessel, error)
	SeaVesselsByIMO(ctx context.Context, imos []string) (map[string]*SeaVessel, error)
}

// AgriculturalMachineRegistry is База данных "Сельхозтехника".
type AgriculturalMachineRegistry interface {
	MachinesByOwner(ctx context.Context, owners []string) (map[string][]AgriculturalMachine, error)
	MachinesByPlate(ctx context.Context, plates []string) (map[string]*AgriculturalMachine, error)
}

// RailwayTicketRegistry is База данных "Қазақстан теміржолы".
type RailwayTicketRegistry interface {
	// TicketsByPassenger returns each passenger's tickets, latest
	// departure first.
	TicketsByPassenger(ctx context.Context, iins []IIN) (map[IIN][]RailwayTicket, error)
}
