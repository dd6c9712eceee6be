package sio

import (
	"context"
	"time"
)

// SubjectKind tells whether an identifier names a person (IIN) or a legal
// entity (BIN).
type SubjectKind string

const (
	SubjectPerson      SubjectKind = "PERSON"
	SubjectLegalEntity SubjectKind = "LEGAL_ENTITY"
)

// Person is a record of ГБД ФЛ (the state database of individuals).
type Person struct {
	IIN            IIN    `db:"iin"`
	LastName       string `db:"last_name"`
	FirstName      string `db:"first_name"`
	MiddleName     string `db:"middle_name"`
	BirthDate      Date   `db:"birth_date"`
	Gender         Gender `db:"gender"`
	Nationality    string `db:"nationality"`
	Citizenship    string `db:"citizenship"`
	BirthPlace     string `db:"birth_place"`
	RegionKATO     string `db:"region_kato"`
	Address        string `db:"address"`
	DocumentNumber string `db:"document_number"`
	DeathDate      *Date  `db:"death_date"`
}

// LegalEntity is a record of ГБД ЮЛ (the state database of legal entities).
type LegalEntity struct {
	BIN              BIN    `db:"bin"`
	NameRu           string `db:"name_ru"`
	NameKz           string `db:"name_kz"`
	LegalForm        string `db:"legal_form"`
	RegistrationDate Date   `db:"registration_date"`
	Status           string `db:"status"`
	RegionKATO       string `db:"region_kato"`
	Address          string `db:"address"`
	ActivityCode     string `db:"activity_code"`
	ActivityRu       string `db:"activity_ru"`
	// DirectorIIN is nil when the entity has no registered director (NULL).
	DirectorIIN *IIN `db:"director_iin"`
}

// Founder is a participant (founder) of a legal entity: a person or another
// legal entity.
type Founder struct {
	EntityBIN    BIN         `db:"entity_bin"`
	FounderID    string      `db:"founder_id"`
	FounderKind  SubjectKind `db:"founder_kind"`
	SharePercent float64     `db:"share_percent"`
	Since        Date        `db:"since"`
}

// CompanyRoleKind is how a subject is linked to a legal entity in ГБД ЮЛ.
type CompanyRoleKind string

const (
	CompanyFounder  CompanyRoleKind = "FOUNDER"
	CompanyDirector CompanyRoleKind = "DIRECTOR"
)

// CompanyRole links a subject (person or entity) to a legal entity.
type CompanyRole struct {
	SubjectID    string          `db:"subject_id"`
	Kind         CompanyRoleKind `db:"kind"`
	EntityBIN    BIN             `db:"entity_bin"`
	SharePercent *float64        `db:"share_percent"`
	Since        Date            `db:"since"`
}

// RealEstate is an object of the real-estate register (Регистр недвижимости).
type RealEstate struct {
	CadastralNumber string  `db:"cadastral_number"`
	Kind            string  `db:"kind"`
	RegionKATO      string  `db:"region_kato"`
	Address         string  `db:"address"`
	AreaSqm         float64 `db:"area_sqm"`
	Rooms           int     `db:"rooms"`
	YearBuilt       int     `db:"year_built"`
	RegisteredAt    Date    `db:"registered_at"`
}

// PropertyRight is a registered right of a subject to real estate or a land
// plot: ownership with a share (numerator/denominator) since a date.
type PropertyRight struct {
	RecordID         int64       `db:"record_id"`
	ObjectNumber     string      `db:"object_number"`
	HolderID         string      `db:"holder_id"`
	HolderKind       SubjectKind `db:"holder_kind"`
	RightType        string      `db:"right_type"`
	ShareNumerator   int         `db:"share_numerator"`
	ShareDenominator int         `db:"share_denominator"`
	Since            Date        `db:"since"`
}

// LandPlot is a record of the land cadastre (Земельный участок).
type LandPlot struct {
	CadastralNumber string  `db:"cadastral_number"`
	AreaHa          float64 `db:"area_ha"`
	Category        string  `db:"category"`
	Purpose         string  `db:"purpose"`
	RegionKATO      string  `db:"region_kato"`
	Address         string  `db:"address"`
	Divisible       bool    `db:"divisible"`
}

// Vehicle is a record of the vehicle register (Транспортные средства).
type Vehicle struct {
	VIN              string      `db:"vin"`
	Plate            string      `db:"plate"`
	Make             string      `db:"make"`
	Model            string      `db:"model"`
	Year             int         `db:"year"`
	Color            string      `db:"color"`
	BodyType         string      `db:"body_type"`
	EngineCC         int         `db:"engine_cc"`
	CertificateNo    string      `db:"certificate_no"`
	RegistrationDate Date        `db:"registration_date"`
	OwnerID          string      `db:"owner_id"`
	OwnerKind        SubjectKind `db:"owner_kind"`
}

// TaxpayerKind classifies a taxpayer.
type TaxpayerKind string

const (
	TaxpayerIndividual   TaxpayerKind = "INDIVIDUAL"
	TaxpayerEntrepreneur TaxpayerKind = "ENTREPRENEUR"
	TaxpayerLegalEntity  TaxpayerKind = "LEGAL_ENTITY"
)

// Taxpayer is a record of the taxpayer register (База данных
// "Налогоплательщиков").
type Taxpayer struct {
	ID            string       `db:"id"`
	Kind          TaxpayerKind `db:"kind"`
	TaxOfficeCode string       `db:"tax_office_code"`
	TaxOfficeRu   string       `db:"tax_office_ru"`
	RegisteredAt  Date         `db:"registered_at"`
	Status        string       `db:"status"`
	VATPayer      bool         `db:"vat_payer"`
}

// TaxDebt is one line of Сведения о налоговой задолженности: arrears per tax
// office and budget classification code (КБК). Amounts are in tiyn.
type TaxDebt struct {
	RecordID      int64  `db:"record_id"`
	TaxpayerID    string `db:"taxpayer_id"`
	TaxOfficeCode string `db:"tax_office_code"`
	KBK           string `db:"kbk"`
	KBKNameRu     string `db:"kbk_name_ru"`
	PrincipalTiyn int64  `db:"principal_tiyn"`
	PenaltyTiyn   int64  `db:"penalty_tiyn"`
	FineTiyn      int64  `db:"fine_tiyn"`
	AsOf          Date   `db:"as_of"`
}

// CivilActKind is the kind of a civil-status act record (ЗАГС).
type CivilActKind string

const (
	ActBirth    CivilActKind = "BIRTH"
	ActMarriage CivilActKind = "MARRIAGE"
	ActDivorce  CivilActKind = "DIVORCE"
	ActDeath    CivilActKind = "DEATH"
)

// CivilActRole is a person's role in a civil act.
type CivilActRole string

const (
	RoleChild    CivilActRole = "CHILD"
	RoleMother   CivilActRole = "MOTHER"
	RoleFather   CivilActRole = "FATHER"
	RoleSpouse   CivilActRole = "SPOUSE"
	RoleDeceased CivilActRole = "DECEASED"
)

// CivilAct is a record of ЗАГС (Записи актов гражданского состояния).
type CivilAct struct {
	ID             int64        `db:"id"`
	Kind           CivilActKind `db:"kind"`
	Number         string       `db:"number"`
	Date           Date         `db:"act_date"`
	RegistryOffice string       `db:"registry_office"`
	RegionKATO     string       `db:"region_kato"`
	Parties        []CivilParty `db:"-"`
}

// CivilParty is a participant of a civil act.
type CivilParty struct {
	ActID int64        `db:"act_id"`
	Role  CivilActRole `db:"role"`
	IIN   IIN          `db:"iin"`
}

// Relation is a family relation derived from civil acts.
type Relation string

const (
	RelationSpouse   Relation = "SPOUSE"
	RelationExSpouse Relation = "EX_SPOUSE"
	RelationParent   Relation = "PARENT"
	RelationChild    Relation = "CHILD"
)

// FamilyTie is a relative of a person with the act that establishes it.
type FamilyTie struct {
	IIN      IIN      // the person whose relative this is
	Relation Relation // what Relative is to IIN
	Relative IIN
	ActID    int64
}

// User is an official registered in SIO.
type User struct {
	IIN               IIN        `db:"iin"`
	FullName          string     `db:"full_name"`
	RoleCode          string     `db:"role_code"`
	AgencyCode        string     `db:"agency_code"`
	Position          string     `db:"position"`
	Blocked           bool       `db:"blocked"`
	AgreementSignedAt *time.Time `db:"agreement_signed_at"`
}

// Case is a case (or proceeding, or instruction) registered in a case
// registry (ЕРДР, АИС СУ, АИС ОИП, ЕАИАС) that can serve as a legal basis.
type Case struct {
	Registry string `db:"registry"`
	Number   string `db:"number"`
	Basis    string `db:"basis"`
	Article  string `db:"article"`
	Status   string `db:"status"`
	OpenedAt Date   `db:"opened_at"`
	Court    string `db:"court"`
	Year     int    `db:"year"`
}

// Case registries (Case.Registry).
const (
	RegistryERDR   = "ERDR"    // ЕРДР: Единый реестр досудебных расследований
	RegistryAISSU  = "AIS_SU"  // АИС СУ: административные и розыскные дела
	RegistryEAIAS  = "EAIAS"   // ЕАИАС СО РК: судебные дела
	RegistryAISOIP = "AIS_OIP" // АИС ОИП: исполнительные производства
	// RegistryORD is the register of operational-accounting cases (дела
	// оперативного учёта) and of the tasks of "иные задачи".
	RegistryORD = "ORD"
)

// Case statuses.
const (
	CaseOpen   = "OPEN"
	CaseClosed = "CLOSED"
)

// Narrow interfaces the GraphQL layer depends on. Each is implemented by one
// connector (one state database). Batch methods take many keys and return a
// map keyed by them, so a dataloader turns N lookups into one statement.

// PersonRegistry is ГБД ФЛ.
type PersonRegistry interface {
	PersonsByIIN(ctx context.Context, iins []IIN) (map[IIN]*Person, error)
}

// PersonNames reads only what names a person (link charts label thousands
// of nodes: reading whole records for that doubles the work).
type PersonNames interface {
	PersonNamesByIIN(ctx context.Context, iins []IIN) (map[IIN]*PersonName, error)
}

// PersonName is a person's name and birth date.
type PersonName struct {
	IIN        IIN    `db:"iin"`
	LastName   string `db:"last_name"`
	FirstName  string `db:"first_name"`
	MiddleName string `db:"middle_name"`
	BirthDate  Date   `db:"birth_date"`
}

// EntityNames reads only what names a legal entity.
type EntityNames interface {
	EntityNamesByBIN(ctx context.Context, bins []BIN) (map[BIN]*EntityName, error)
}

// EntityName is a legal entity's name and registration status.
type EntityName struct {
	BIN    BIN    `db:"bin"`
	NameRu string `db:"name_ru"`
	Status string `db:"status"`
}

// EntityRegistry is ГБД ЮЛ.
type EntityRegistry interface {
	EntitiesByBIN(ctx context.Context, bins []BIN) (map[BIN]*LegalEntity, error)
	FoundersByEntity(ctx context.Context, bins []BIN) (map[BIN][]Founder, error)
	// RolesBySubject returns the founder and director roles of persons or
	// entities (keyed by IIN or BIN).
	RolesBySubject(ctx context.Context, ids []string) (map[string][]CompanyRole, error)
}

// RealEstateRegistry is Регистр недвижимости.
type RealEstateRegistry interface {
	PropertiesByNumber(ctx context.Context, numbers []string) (map[string]*RealEstate, error)
	RightsByHolder(ctx context.Context, holders []string) (map[string][]PropertyRight, error)
	RightsByObject(ctx context.Context, numbers []string) (map[string][]PropertyRight, error)
}

// LandRegistry is Земельный участок.
type LandRegistry interface {
	PlotsByNumber(ctx context.Context, numbers []string) (map[string]*LandPlot, error)
	RightsByHolder(ctx context.Context, holders []string) (map[string][]PropertyRight, error)
	RightsByObject(ctx context.Context, numbers []string) (map[string][]PropertyRight, error)
}

// VehicleRegistry is Транспортные средства.
type VehicleRegistry interface {
	VehiclesByVIN(ctx context.Context, vins []string) (map[string]*Vehicle, error)
	VehiclesByPlate(ctx context.Context, plates []string) (map[string]*Vehicle, error)
	VehiclesByOwner(ctx context.Context, owners []string) (map[string][]Vehicle, error)
}

// TaxpayerRegistry is База данных "Налогоплательщиков".
type TaxpayerRegistry interface {
	TaxpayersByID(ctx context.Context, ids []string) (map[string]*Taxpayer, error)
}

// TaxDebtRegistry is Сведения о налоговой задолженности.
type TaxDebtRegistry interface {
	DebtsByTaxpayer(ctx context.Context, ids []string) (map[string][]TaxDebt, error)
}

// CivilRegistry is ЗАГС.
type CivilRegistry interface {
	ActsByPerson(ctx context.Context, iins []IIN) (map[IIN][]CivilAct, error)
	FamilyByPerson(ctx context.Context, iins []IIN) (map[IIN][]FamilyTie, error)
}

// UserDirectory holds SIO's registered officials.
type UserDirectory interface {
	UserByIIN(ctx context.Context, iin IIN) (*User, error)
	ListUsers(ctx context.Context) ([]User, error)
}

// CaseRegistry is the union of the case registries (ЕРДР, АИС СУ, АИС ОИП,
// ЕАИАС).
type CaseRegistry interface {
	CaseByNumber(ctx context.Context, registry, number string) (*Case, error)
	// CasesOfUser returns the cases in the user's caseload.
	CasesOfUser(ctx context.Context, iin IIN) ([]Case, error)
	// InCaseload reports whether the case is in the user's caseload.
	InCaseload(ctx context.Context, registry, number string, iin IIN) (bool, error)
}
