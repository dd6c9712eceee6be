package sio

import "context"

// Enforcement of judgments: База данных "Исполнительных производств"
// (АИС ОИП) and "Сведения о должниках и ответчиках".

// ClaimKind is what an enforcement proceeding recovers.
type ClaimKind string

const (
	ClaimAlimony            ClaimKind = "ALIMONY"
	ClaimCredit             ClaimKind = "CREDIT"
	ClaimUtilities          ClaimKind = "UTILITIES"
	ClaimCriminalFine       ClaimKind = "CRIMINAL_FINE"
	ClaimAdministrativeFine ClaimKind = "ADMINISTRATIVE_FINE"
	ClaimContract           ClaimKind = "CONTRACT"
	ClaimTaxes              ClaimKind = "TAXES"
)

// ExecutiveDocumentKind is the document an enforcement proceeding executes.
type ExecutiveDocumentKind string

const (
	DocumentWrit              ExecutiveDocumentKind = "WRIT"               // исполнительный лист
	DocumentCourtOrder        ExecutiveDocumentKind = "COURT_ORDER"        // судебный приказ
	DocumentNotaryInscription ExecutiveDocumentKind = "NOTARY_INSCRIPTION" // исполнительная надпись нотариуса
	DocumentAdminRuling       ExecutiveDocumentKind = "ADMIN_RULING"       // постановление по делу об административном правонарушении
)

// BailiffKind tells a state from a private enforcement officer.
type BailiffKind string

const (
	BailiffState   BailiffKind = "STATE"
	BailiffPrivate BailiffKind = "PRIVATE"
)

// ProceedingStatus is the state of an enforcement proceeding.
type ProceedingStatus string

const (
	ProceedingActive     ProceedingStatus = "ACTIVE"
	ProceedingCompleted  ProceedingStatus = "COMPLETED"  // исполнено
	ProceedingReturned   ProceedingStatus = "RETURNED"   // возвращено взыскателю
	ProceedingTerminated ProceedingStatus = "TERMINATED" // прекращено
)

// EnforcementProceeding is a record of База данных "Исполнительных
// производств": a proceeding against a debtor (person or legal entity).
// Numbers read YY RR 7 NNNNNNN (12 digits: year, KATO region, serial).
type EnforcementProceeding struct {
	Number     string      `db:"number"`
	OpenedAt   Date        `db:"opened_at"`
	RegionKATO string      `db:"region_kato"`
	DebtorID   string      `db:"debtor_id"`
	DebtorKind SubjectKind `db:"debtor_kind"`
	DebtorName string      `db:"debtor_name"`
	// CreditorID is set when the creditor is a subject of the population;
	// banks, utilities and the state are named only.
	CreditorID   *string      `db:"creditor_id"`
	CreditorKind *SubjectKind `db:"creditor_kind"`
	CreditorName string       `db:"creditor_name"`
	ClaimKind    ClaimKind    `db:"claim_kind"`
	ClaimRu      string       `db:"claim_ru"`
	// AmountTiyn is the sum to recover (for alimony: the arrears).
	AmountTiyn    int64                 `db:"amount_tiyn"`
	RecoveredTiyn int64                 `db:"recovered_tiyn"`
	DocumentKind  ExecutiveDocumentKind `db:"document_kind"`
	// DocumentNumber is the court case, notarial registry or
	// administrative case number of the executive document.
	DocumentNumber string           `db:"document_number"`
	DocumentIssuer string           `db:"document_issuer"`
	DocumentDate   Date             `db:"document_date"`
	OfficerKind    BailiffKind      `db:"officer_kind"`
	OfficerName    string           `db:"officer_name"`
	OfficeRu       string           `db:"office_ru"`
	Status         ProceedingStatus `db:"status"`
	ClosedAt       *Date            `db:"closed_at"`
}

// Region of the proceeding.
func (p *EnforcementProceeding) Region() *Region { return regionOrNil(p.RegionKATO) }

// Amount to recover.
func (p *EnforcementProceeding) Amount() Money { return Money(p.AmountTiyn) }

// Recovered so far.
func (p *EnforcementProceeding) Recovered() Money { return Money(p.RecoveredTiyn) }

// Balance still owed.
func (p *EnforcementProceeding) Balance() Money { return Money(p.AmountTiyn - p.RecoveredTiyn) }

// RestrictionKind is a measure a bailiff imposed on the debtor.
type RestrictionKind string

const (
	RestrictionExitBan         RestrictionKind = "EXIT_BAN"
	RestrictionAccountArrest   RestrictionKind = "ACCOUNT_ARREST"
	RestrictionVehicleArrest   RestrictionKind = "VEHICLE_ARREST"
	RestrictionPropertyArrest  RestrictionKind = "PROPERTY_ARREST"
	RestrictionRegistrationBan RestrictionKind = "REGISTRATION_BAN"
)

// EnforcementRestriction is a measure of an enforcement proceeding: an exit
// ban, the arrest of bank accounts or of a vehicle (VIN) or real estate
// (cadastral number).
type EnforcementRestriction struct {
	ProceedingNumber string          `db:"proceeding_number"`
	Kind             RestrictionKind `db:"kind"`
	KindRu           string          `db:"kind_ru"`
	ObjectNumber     *string         `db:"object_number"`
	ImposedAt        Date            `db:"imposed_at"`
	LiftedAt         *Date           `db:"lifted_at"`
}

// EnforcementRegistry is База данных "Исполнительных производств".
type EnforcementRegistry interface {
	// ProceedingsByDebtor returns the proceedings against each debtor (IIN
	// or BIN).
	ProceedingsByDebtor(ctx context.Context, ids []string) (map[string][]EnforcementProceeding, error)
	ProceedingsByNumber(ctx context.Context, numbers []string) (map[string]*EnforcementProceeding, error)
	RestrictionsByProceeding(ctx context.Context, numbers []string) (map[string][]EnforcementRestriction, error)
}

// DebtorRecordKind tells a debtor of an enforcement proceeding from a
// defendant of a civil case.
type DebtorRecordKind string

const (
	DebtorOfProceeding DebtorRecordKind = "DEBTOR"
	DefendantOfCase    DebtorRecordKind = "DEFENDANT"
)

// DebtorRestriction is a record of "Сведения о должниках и ответчиках": a
// temporary restriction on leaving Kazakhstan of a debtor (imposed by the
// bailiff of an enforcement proceeding) or of a defendant (imposed by the
// court of a civil case as security of the claim).
type DebtorRestriction struct {
	ID        int64            `db:"id"`
	PersonIIN IIN              `db:"person_iin"`
	Kind      DebtorRecordKind `db:"kind"`
	// BasisNumber is the proceeding (DEBTOR) or court case (DEFENDANT)
	// number.
	BasisNumber     string  `db:"basis_number"`
	AmountTiyn      int64   `db:"amount_tiyn"`
	ClaimantName    string  `db:"claimant_name"`
	ImposedBy       string  `db:"imposed_by"`
	RestrictedFrom  Date    `db:"restricted_from"`
	RestrictedUntil *Date   `db:"restricted_until"`
	LiftedAt        *Date   `db:"lifted_at"`
	LiftedRu        *string `db:"lifted_ru"`
}

// Amount of the debt or claim.
func (d *DebtorRestriction) Amount() Money { return Money(d.AmountTiyn) }

// Active reports whether the restriction still applies at the snapshot.
func (d *DebtorRestriction) Active() bool { return d.LiftedAt == nil }

// DebtorRegistry is "Сведения о должниках и ответчиках".
type DebtorRegistry interface {
	RestrictionsByPerson(ctx context.Context, iins []IIN) (map[IIN][]DebtorRestriction, error)
	// RestrictionsByBasis returns the restrictions imposed in each
	// enforcement proceeding or court case (by number).
	RestrictionsByBasis(ctx context.Context, numbers []string) (map[string][]DebtorRestriction, error)
}
