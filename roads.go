package sio

import (
	"context"
	"strings"
	"time"
)

// The road-traffic databases of the internal-affairs bodies and the customs:
// Водительское удостоверение, Нарушения правил дорожного движения, Учет ДТП,
// Прохождение технического осмотра and Сведения по декларациям на
// транспортное средство.

// LicenseStatus is the state of a driving licence.
type LicenseStatus string

const (
	LicenseValid LicenseStatus = "VALID"
	// LicenseExpired: not renewed after its ten years.
	LicenseExpired LicenseStatus = "EXPIRED"
	// LicenseReplaced: exchanged for a new licence (renewal).
	LicenseReplaced LicenseStatus = "REPLACED"
	// LicenseDeprived: the right to drive is withdrawn by a court.
	LicenseDeprived LicenseStatus = "DEPRIVED"
	// LicenseAnnulled: cancelled on the holder's death.
	LicenseAnnulled LicenseStatus = "ANNULLED"
)

// DriverLicense is a record of База данных "Водительское удостоверение".
type DriverLicense struct {
	// Number is the series (two Latin letters) and six digits, "AB123456".
	Number    string `db:"number"`
	HolderIIN IIN    `db:"holder_iin"`
	// CategoryList is the categories as printed, comma-separated ("B, BE, C").
	CategoryList string        `db:"categories"`
	IssuedAt     Date          `db:"issued_at"`
	ExpiresAt    Date          `db:"expires_at"`
	IssuedBy     string        `db:"issued_by"`
	RegionKATO   string        `db:"region_kato"`
	Status       LicenseStatus `db:"status"`
	// The court deprivation of the right to drive, if any.
	DeprivedFrom       *Date  `db:"deprived_from"`
	DeprivedUntil      *Date  `db:"deprived_until"`
	DeprivationCourt   string `db:"deprivation_court"`
	DeprivationArticle string `db:"deprivation_article"`
}

// Categories of the licence, e.g. ["B", "BE", "C"].
func (l *DriverLicense) Categories() []string {
	if l.CategoryList == "" {
		return []string{}
	}
	return strings.Split(l.CategoryList, ", ")
}

// Region of the issuing unit.
func (l *DriverLicense) Region() *Region { return regionOrNil(l.RegionKATO) }

// LicenseDeprivation is a court's deprivation of the right to drive.
type LicenseDeprivation struct {
	From  Date
	Until Date
	Court string
	// Article of the Code of Administrative Offences, e.g. "608 ч.1".
	Article string
}

// Deprivation of the licence, nil if the right was never withdrawn.
func (l *DriverLicense) Deprivation() *LicenseDeprivation {
	if l.DeprivedFrom == nil || l.DeprivedUntil == nil {
		return nil
	}
	return &LicenseDeprivation{From: *l.DeprivedFrom, Until: *l.DeprivedUntil, Court: l.DeprivationCourt, Article: l.DeprivationArticle}
}

// ViolationSource is how an offence was recorded.
type ViolationSource string

const (
	// ViolationCamera: an automatic photo and video recording complex; the
	// owner of the vehicle is held liable.
	ViolationCamera ViolationSource = "CAMERA"
	// ViolationPatrol: a protocol drawn up by a patrol officer who stopped
	// the driver.
	ViolationPatrol ViolationSource = "PATROL"
)

// FineStatus is the state of payment of a fine.
type FineStatus string

const (
	FinePaid FineStatus = "PAID"
	// FinePaidReduced: paid within seven days at half the amount.
	FinePaidReduced FineStatus = "PAID_REDUCED"
	FineUnpaid      FineStatus = "UNPAID"
	// FineEnforced: sent for compulsory enforcement.
	FineEnforced FineStatus = "ENFORCEMENT"
	// FineNone: the sanction is not a fine (deprivation of the right to drive).
	FineNone FineStatus = "NO_FINE"
)

// TrafficViolation is a record of База данных "Нарушения правил дорожного
// движения": an administrative offence of the Code of Administrative
// Offences (КоАП РК), chapter 29, with its sanction.
type TrafficViolation struct {
	// Number of the resolution (постановление) or protocol.
	Number string `db:"number"`
	// Article of КоАП РК, "592 ч.1".
	Article       string    `db:"article"`
	DescriptionRu string    `db:"description_ru"`
	OccurredAt    time.Time `db:"occurred_at"`
	PlaceRu       string    `db:"place_ru"`
	RegionKATO    string    `db:"region_kato"`
	VIN           string    `db:"vin"`
	Plate         string    `db:"plate"`
	// DriverIIN is the identified driver; nil when a camera recorded the
	// offence and the owner is liable.
	DriverIIN *IIN `db:"driver_iin"`
	// OffenderID is the person (IIN) or legal entity (BIN) held liable.
	OffenderID   string          `db:"offender_id"`
	OffenderKind SubjectKind     `db:"offender_kind"`
	Source       ViolationSource `db:"source"`
	// RecordedBy names the camera complex or the patrol unit.
	RecordedBy string `db:"recorded_by"`
	// FineMRP is the fine in monthly calculation indices (0 when the
	// sanction is not a fine).
	FineMRP    int        `db:"fine_mrp"`
	FineTiyn   int64      `db:"fine_tiyn"`
	PaidTiyn   int64      `db:"paid_tiyn"`
	FineStatus FineStatus `db:"fine_status"`
	PaidAt     *Date      `db:"paid_at"`
	// SanctionRu is the sanction as imposed.
	SanctionRu string `db:"sanction_ru"`
}

// Fine imposed.
func (v *TrafficViolation) Fine() Money { return Money(v.FineTiyn) }

// Paid amount so far.
func (v *TrafficViolation) Paid() Money { return Money(v.PaidTiyn) }

// Region where the offence occurred.
func (v *TrafficViolation) Region() *Region { return regionOrNil(v.RegionKATO) }

// AccidentKind classifies a road accident.
type AccidentKind string

const (
	AccidentCollision     AccidentKind = "COLLISION"
	AccidentPedestrianHit AccidentKind = "PEDESTRIAN_HIT"
	AccidentRollover      AccidentKind = "ROLLOVER"
	AccidentObstacleHit   AccidentKind = "OBSTACLE_HIT"
)

// ParticipantRole is a person's role in a road accident.
type ParticipantRole string

const (
	ParticipantDriver     ParticipantRole = "DRIVER"
	ParticipantPassenger  ParticipantRole = "PASSENGER"
	ParticipantPedestrian ParticipantRole = "PEDESTRIAN"
)

// Injury is the harm a participant suffered.
type Injury string

const (
	InjuryNone    Injury = "NONE"
	InjuryInjured Injury = "INJURED"
	InjuryKilled  Injury = "KILLED"
)

// RoadAccident is a record of База данных "Учет дорожно-транспортных
// происшествий" with its participants.
type RoadAccident struct {
	// Number of the accident card.
	Number       string       `db:"number"`
	OccurredAt   time.Time    `db:"occurred_at"`
	PlaceRu      string       `db:"place_ru"`
	RegionKATO   string       `db:"region_kato"`
	Kind         AccidentKind `db:"kind"`
	KindRu       string       `db:"kind_ru"`
	ConditionsRu string       `db:"conditions_ru"`
	Injured      int          `db:"injured"`
	Killed       int          `db:"killed"`
	// CulpritIIN is the participant found at fault.
	CulpritIIN   *IIN                  `db:"culprit_iin"`
	Participants []AccidentParticipant `db:"-"`
}

// Region where the accident occurred.
func (a *RoadAccident) Region() *Region { return regionOrNil(a.RegionKATO) }

// AccidentParticipant is a person involved in a road accident, with the
// vehicle they drove or rode in.
type AccidentParticipant struct {
	AccidentNumber string          `db:"accident_number"`
	Role           ParticipantRole `db:"role"`
	IIN            IIN             `db:"iin"`
	// VIN and Plate of the vehicle; nil for pedestrians.
	VIN     *string `db:"vin"`
	Plate   *string `db:"plate"`
	Injury  Injury  `db:"injury"`
	Culprit bool    `db:"culprit"`
}

// InspectionResult is the outcome of a technical inspection.
type InspectionResult string

const (
	InspectionPassed InspectionResult = "PASSED"
	InspectionFailed InspectionResult = "FAILED"
)

// TechnicalInspection is a record of Прохождение технического осмотра: a
// vehicle's inspection at a technical inspection centre (ЦТО).
type TechnicalInspection struct {
	// CardNumber of the diagnostic card.
	CardNumber  string           `db:"card_number"`
	VIN         string           `db:"vin"`
	Plate       string           `db:"plate"`
	InspectedAt Date             `db:"inspected_at"`
	Station     string           `db:"station"`
	RegionKATO  string           `db:"region_kato"`
	Result      InspectionResult `db:"result"`
	DefectsRu   string           `db:"defects_ru"`
	MileageKm   int              `db:"mileage_km"`
	// NextDate is when the next inspection is due (after a failure, the
	// deadline of the repeat inspection).
	NextDate Date `db:"next_date"`
}

// Region of the inspection centre.
func (t *TechnicalInspection) Region() *Region { return regionOrNil(t.RegionKATO) }

// VehicleCustomsDeclaration is a record of База данных "Сведения по
// декларациям на транспортное средство": the customs declaration under
// which a vehicle was imported and released for free circulation. Amounts
// are in tiyn.
type VehicleCustomsDeclaration struct {
	Number        string      `db:"number"`
	DeclaredAt    Date        `db:"declared_at"`
	CustomsPostRu string      `db:"customs_post_ru"`
	DeclarantID   string      `db:"declarant_id"`
	DeclarantKind SubjectKind `db:"declarant_kind"`
	VIN           string      `db:"vin"`
	Make          string      `db:"make"`
	Model         string      `db:"model"`
	Year          int         `db:"year"`
	EngineCC      int         `db:"engine_cc"`
	// OriginCountryRu is the country of manufacture.
	OriginCountryRu string `db:"origin_country_ru"`
	// DispatchCountryRu is the country the vehicle was shipped from.
	DispatchCountryRu string `db:"dispatch_country_ru"`
	CustomsValueTiyn  int64  `db:"customs_value_tiyn"`
	DutyTiyn          int64  `db:"duty_tiyn"`
	VATTiyn           int64  `db:"vat_tiyn"`
	ExciseTiyn        int64  `db:"excise_tiyn"`
	FeeTiyn           int64  `db:"fee_tiyn"`
}

// CustomsValue of the vehicle.
func (d *VehicleCustomsDeclaration) CustomsValue() Money { return Money(d.CustomsValueTiyn) }

// Duty is the import customs duty.
func (d *VehicleCustomsDeclaration) Duty() Money { return Money(d.DutyTiyn) }

// VAT is the import value-added tax.
func (d *VehicleCustomsDeclaration) VAT() Money { return Money(d.VATTiyn) }

// Excise on cars with engines over 3000 cm³.
func (d *VehicleCustomsDeclaration) Excise() Money { return Money(d.ExciseTiyn) }

// Fee is the customs fee for the declaration.
func (d *VehicleCustomsDeclaration) Fee() Money { return Money(d.FeeTiyn) }

// TotalPaid is duty + VAT + excise + fee.
func (d *VehicleCustomsDeclaration) TotalPaid() Money {
	return Money(d.DutyTiyn + d.VATTiyn + d.ExciseTiyn + d.FeeTiyn)
}

// DriverLicenseRegistry is База данных "Водительское удостоверение".
type DriverLicenseRegistry interface {
	// LicensesByHolder returns each person's licences, oldest first.
	LicensesByHolder(ctx context.Context, iins []IIN) (map[IIN][]DriverLicense, error)
	LicensesByNumber(ctx context.Context, numbers []string) (map[string]*DriverLicense, error)
}

// TrafficViolationRegistry is База данных "Нарушения правил дорожного
// движения".
type TrafficViolationRegistry interface {
	// ViolationsByVehicle returns the offences committed with each vehicle
	// (by VIN), latest first.
	ViolationsByVehicle(ctx context.Context, vins []string) (map[string][]TrafficViolation, error)
	// ViolationsByPlate is ViolationsByVehicle by the plate the vehicle
	// carried.
	ViolationsByPlate(ctx context.Context, plates []string) (map[string][]TrafficViolation, error)
	// ViolationsBySubject returns, for each person (IIN) or legal entity
	// (BIN), the offences they committed as the identified driver or are
	// liable for as the owner, latest first.
	ViolationsBySubject(ctx context.Context, ids []string) (map[string][]TrafficViolation, error)
}

// RoadAccidentRegistry is База данных "Учет ДТП".
type RoadAccidentRegistry interface {
	// AccidentsByPerson returns the accidents each person took part in,
	// latest first, with all their participants.
	AccidentsByPerson(ctx context.Context, iins []IIN) (map[IIN][]RoadAccident, error)
	// AccidentsByVehicle is AccidentsByPerson for vehicles (by VIN).
	AccidentsByVehicle(ctx context.Context, vins []string) (map[string][]RoadAccident, error)
	// AccidentsByNumber returns the accidents found among card numbers,
	// with all their participants.
	AccidentsByNumber(ctx context.Context, numbers []string) (map[string]*RoadAccident, error)
}

// TechnicalInspectionRegistry is Прохождение технического осмотра.
type TechnicalInspectionRegistry interface {
	// InspectionsByVehicle returns each vehicle's inspections, latest first.
	InspectionsByVehicle(ctx context.Context, vins []string) (map[string][]TechnicalInspection, error)
}

// VehicleCustomsRegistry is База данных "Сведения по декларациям на
// транспортное средство".
type VehicleCustomsRegistry interface {
	// DeclarationsByVIN returns the latest declaration of each vehicle.
	DeclarationsByVIN(ctx context.Context, vins []string) (map[string]*VehicleCustomsDeclaration, error)
	DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*VehicleCustomsDeclaration, error)
}
