package sio

import "context"

// Business registers of seed 000 Appendix 2: the statistical register of
// enterprises (17), Е-лицензирование (41), the register of monopolists (47)
// and Учет проверок ГО (50).

// EnterpriseSize is the size class of an enterprise in the statistical
// register (малое, среднее, крупное предприятие by number of employees).
type EnterpriseSize string

const (
	EnterpriseSmall  EnterpriseSize = "SMALL"
	EnterpriseMedium EnterpriseSize = "MEDIUM"
	EnterpriseLarge  EnterpriseSize = "LARGE"
)

// StatActivity is the activity status of a unit of the statistical register:
// whether it submits statistical reports.
type StatActivity string

const (
	// StatActive submits statistical reports (активное).
	StatActive StatActivity = "ACTIVE"
	// StatTemporarilyInactive has stopped reporting for under a year
	// (временно неактивное).
	StatTemporarilyInactive StatActivity = "TEMPORARILY_INACTIVE"
	// StatInactive has not reported for a year or more (неактивное).
	StatInactive StatActivity = "INACTIVE"
	// StatLiquidated is excluded after liquidation (ликвидированное).
	StatLiquidated StatActivity = "LIQUIDATED"
)

// StatisticalUnit is a record of the statistical business register of
// База данных "Единая унифицированная статистическая система" (ЕУСС):
// location (КАТО), main activity (ОКЭД), size class by the classifier of
// enterprise sizes (КРП), employees and reporting status.
type StatisticalUnit struct {
	BIN BIN `db:"bin"`
	// KATO is the 9-digit code of the locality (КАТО).
	KATO       string `db:"kato"`
	LocalityRu string `db:"locality_ru"`
	OKED       string `db:"oked"`
	OKEDNameRu string `db:"oked_name_ru"`
	// KRP is the code of the classifier of enterprise sizes, e.g. "110".
	KRP         string         `db:"krp"`
	KRPNameRu   string         `db:"krp_name_ru"`
	Size        EnterpriseSize `db:"size"`
	Employees   int            `db:"employees"`
	OwnershipRu string         `db:"ownership_ru"`
	Activity    StatActivity   `db:"activity"`
	// LastReportForm is the statistical form last submitted, e.g. "1-Т".
	LastReportForm *string `db:"last_report_form"`
	LastReportDate *Date   `db:"last_report_date"`
	UpdatedAt      Date    `db:"updated_at"`
}

// Region of the unit's locality.
func (u *StatisticalUnit) Region() *Region { return regionOrNil(katoRegion(u.KATO)) }

func katoRegion(kato string) string {
	if len(kato) < 2 {
		return ""
	}
	return kato[:2]
}

// StatisticalRegister is ЕУСС.
type StatisticalRegister interface {
	StatisticalUnitsByBIN(ctx context.Context, bins []BIN) (map[BIN]*StatisticalUnit, error)
}

// LicenseDocument tells a licence from a permit in Е-лицензирование.
type LicenseDocument string

const (
	BusinessLicenseDoc LicenseDocument = "LICENSE"
	BusinessPermitDoc  LicenseDocument = "PERMIT"
)

// BusinessLicenseStatus is the state of a licence or permit.
type BusinessLicenseStatus string

const (
	BusinessLicenseActive     BusinessLicenseStatus = "ACTIVE"
	BusinessLicenseSuspended  BusinessLicenseStatus = "SUSPENDED"
	BusinessLicenseRevoked    BusinessLicenseStatus = "REVOKED"
	BusinessLicenseTerminated BusinessLicenseStatus = "TERMINATED"
)

// BusinessLicense is a record of База данных "Е-лицензирование": a licence
// or permit with its kind (вид) and subkind (подвид) of activity, the
// licensor and the holder (a legal entity by BIN or a person by IIN).
type BusinessLicense struct {
	Number        string                `db:"number"`
	Document      LicenseDocument       `db:"document"`
	ActivityRu    string                `db:"activity_ru"`
	SubactivityRu *string               `db:"subactivity_ru"`
	LicensorRu    string                `db:"licensor_ru"`
	HolderID      string                `db:"holder_id"`
	HolderKind    SubjectKind           `db:"holder_kind"`
	IssuedAt      Date                  `db:"issued_at"`
	Status        BusinessLicenseStatus `db:"status"`
	// StatusChangedAt is the date of suspension, revocation or termination.
	StatusChangedAt *Date  `db:"status_changed_at"`
	RegionKATO      string `db:"region_kato"`
}

// Region where the licence was issued.
func (l *BusinessLicense) Region() *Region { return regionOrNil(l.RegionKATO) }

// BusinessLicenseRegistry is Е-лицензирование.
type BusinessLicenseRegistry interface {
	// LicensesByHolder returns the licences of each holder (IIN or BIN).
	LicensesByHolder(ctx context.Context, holders []string) (map[string][]BusinessLicense, error)
	LicensesByNumber(ctx context.Context, numbers []string) (map[string]*BusinessLicense, error)
}

// MonopolyRegister names the register a monopolist is entered in.
type MonopolyRegister string

const (
	// NaturalMonopoly: the state register of natural monopolies.
	NaturalMonopoly MonopolyRegister = "NATURAL_MONOPOLY"
	// DominantPosition: the register of market entities holding a dominant
	// or monopoly position.
	DominantPosition MonopolyRegister = "DOMINANT_POSITION"
)

// MonopolyRecord is a record of База данных "Сведения о монополистах": an
// entity in the register of natural monopolies (by sphere) or of entities
// with a dominant position (by product market, with its share).
type MonopolyRecord struct {
	RegisterNumber string           `db:"register_number"`
	BIN            BIN              `db:"bin"`
	Register       MonopolyRegister `db:"register"`
	// SphereRu is the sphere of natural monopoly or the product market.
	SphereRu   string `db:"sphere_ru"`
	RegionKATO string `db:"region_kato"`
	IncludedAt Date   `db:"included_at"`
	ExcludedAt *Date  `db:"excluded_at"`
	// MarketSharePercent is the share of the product market (dominant
	// position only).
	MarketSharePercent *float64 `db:"market_share_percent"`
	AuthorityRu        string   `db:"authority_ru"`
}

// Region of the market's geographical boundaries.
func (m *MonopolyRecord) Region() *Region { return regionOrNil(m.RegionKATO) }

// MonopolyRegistry is Сведения о монополистах.
type MonopolyRegistry interface {
	MonopolyRecordsByBIN(ctx context.Context, bins []BIN) (map[BIN][]MonopolyRecord, error)
}

// StateInspectionKind is the kind of a state inspection.
type StateInspectionKind string

const (
	StateInspectionScheduled   StateInspectionKind = "SCHEDULED"
	StateInspectionUnscheduled StateInspectionKind = "UNSCHEDULED"
	// StateInspectionPreventive is профилактический контроль с посещением.
	StateInspectionPreventive StateInspectionKind = "PREVENTIVE"
)

// StateInspectionResult is the outcome of an inspection.
type StateInspectionResult string

const (
	StateInspectionClean      StateInspectionResult = "NO_VIOLATIONS"
	StateInspectionViolations StateInspectionResult = "VIOLATIONS"
)

// StateInspection is a record of База данных "Учет проверок ГО": an
// inspection of a business by a state body, registered with the legal
// statistics authority.
type StateInspection struct {
	RegistrationNumber string                `db:"registration_number"`
	SubjectID          string                `db:"subject_id"`
	SubjectKind        SubjectKind           `db:"subject_kind"`
	InspectorRu        string                `db:"inspector_ru"`
	Kind               StateInspectionKind   `db:"kind"`
	SubjectMatterRu    string                `db:"subject_matter_ru"`
	StartDate          Date                  `db:"start_date"`
	EndDate            Date                  `db:"end_date"`
	Result             StateInspectionResult `db:"result"`
	Violations         int                   `db:"violations"`
	ViolationsRu       *string               `db:"violations_ru"`
	MeasuresRu         *string               `db:"measures_ru"`
	RegionKATO         string                `db:"region_kato"`
}

// Region of the inspecting body.
func (i *StateInspection) Region() *Region { return regionOrNil(i.RegionKATO) }

// StateInspectionRegistry is Учет проверок ГО.
type StateInspectionRegistry interface {
	// InspectionsBySubject returns the inspections of each subject (IIN or BIN).
	InspectionsBySubject(ctx context.Context, ids []string) (map[string][]StateInspection, error)
	InspectionsByNumber(ctx context.Context, numbers []string) (map[string]*StateInspection, error)
}
