package sio

import (
	"context"
)

// Social, labour and public-service databases: Инвалидность, Социальная
// помощь, Рынок труда, услуги ЦОН (Пенсионные отчисления: pension.go).

// SubsistenceMinimum is the monthly subsistence minimum (прожиточный
// минимум) in tenge of the year, the base of disability and survivor
// benefits.
func SubsistenceMinimum(year int) int64 {
	table := map[int]int64{2018: 28284, 2019: 29698, 2020: 31183, 2021: 34302, 2022: 36018, 2023: 40567, 2024: 43407}
	switch {
	case year < 2018:
		return 28284 * int64(100-5*(2018-year)) / 100
	case year > 2024:
		return 43407
	}
	return table[year]
}

// DativeRu is the region's Russian name after "по" in names of territorial
// bodies: "по Карагандинской области", "по г. Астане".
func (r *Region) DativeRu() string {
	switch r.NameRu {
	case "г. Астана":
		return "г. Астане"
	case "г. Шымкент":
		return "г. Шымкенту"
	}
	return r.GenitiveRu() // the same form for "... области" and "г. Алматы"
}

// ---- Инвалидность -------------------------------------------------------

// DisabilityGroup is the group established by medical and social
// expertise (МСЭ).
type DisabilityGroup string

const (
	DisabilityGroupI   DisabilityGroup = "GROUP_I"
	DisabilityGroupII  DisabilityGroup = "GROUP_II"
	DisabilityGroupIII DisabilityGroup = "GROUP_III"
	// DisabilityChild: ребенок-инвалид (under 18, no group).
	DisabilityChild DisabilityGroup = "CHILD"
)

// DisabilityStatus is the state of an examination's decision.
type DisabilityStatus string

const (
	DisabilityActive DisabilityStatus = "ACTIVE"
	// DisabilitySuperseded: replaced by a re-examination.
	DisabilitySuperseded DisabilityStatus = "SUPERSEDED"
	// DisabilityCeased: not confirmed at re-examination, or the person died.
	DisabilityCeased DisabilityStatus = "CEASED"
)

// Disability is a decision of medical and social expertise in База данных
// "Инвалидность": the group and its cause, established on a date until a
// re-examination date or indefinitely.
type Disability struct {
	ID      int64            `db:"id"`
	IIN     IIN              `db:"iin"`
	Group   DisabilityGroup  `db:"disability_group"`
	GroupRu string           `db:"group_ru"`
	CauseRu string           `db:"cause_ru"`
	Status  DisabilityStatus `db:"status"`
	// WorkCapacityLoss is the degree of loss of professional working
	// capacity in percent, set for work injuries and occupational diseases.
	WorkCapacityLoss  *int   `db:"work_capacity_loss"`
	CertificateNumber string `db:"certificate_number"`
	EstablishedOn     Date   `db:"established_on"`
	// ReexaminationOn is nil when the disability is established
	// indefinitely (бессрочно).
	ReexaminationOn *Date `db:"reexamination_on"`
	// CeasedOn is the date a CEASED decision ended.
	CeasedOn *Date `db:"ceased_on"`
	// Department is the МСЭ department that examined the person.
	Department string `db:"department"`
	RegionKATO string `db:"region_kato"`
}

// Indefinite reports a disability established without re-examination.
func (d *Disability) Indefinite() bool { return d.ReexaminationOn == nil }

// Region of the МСЭ department.
func (d *Disability) Region() *Region { return regionOrNil(d.RegionKATO) }

// DisabilityRegistry is База данных "Инвалидность".
type DisabilityRegistry interface {
	// DisabilitiesByPerson returns each person's МСЭ decisions, oldest
	// first.
	DisabilitiesByPerson(ctx context.Context, iins []IIN) (map[IIN][]Disability, error)
}

// ---- Социальная помощь --------------------------------------------------

// BenefitKind is a kind of state benefit or social assistance.
type BenefitKind string

const (
	BenefitDisability  BenefitKind = "DISABILITY"
	BenefitDisabledKid BenefitKind = "DISABLED_CHILD_CARE"
	BenefitSurvivor    BenefitKind = "SURVIVOR"
	BenefitBirth       BenefitKind = "BIRTH"
	BenefitChildcare   BenefitKind = "CHILDCARE"
	BenefitLargeFamily BenefitKind = "LARGE_FAMILY"
	BenefitMotherAward BenefitKind = "MOTHER_AWARD"
	BenefitTargeted    BenefitKind = "TARGETED_ASSISTANCE"
)

// BenefitStatus is the state of a benefit.
type BenefitStatus string

const (
	BenefitPaid  BenefitStatus = "PAID"
	BenefitEnded BenefitStatus = "ENDED"
)

// Benefit is an assignment of a state benefit or of targeted social
// assistance (АСП) in База данных "Социальная помощь": its kind, the monthly
// (or lump-sum) amount, the period and the assigning department.
type Benefit struct {
	ID     int64       `db:"id"`
	IIN    IIN         `db:"iin"`
	Kind   BenefitKind `db:"kind"`
	KindRu string      `db:"kind_ru"`
	// ForIIN is the person the benefit is paid for (a child, a disabled
	// child), when not the recipient.
	ForIIN *IIN `db:"for_iin"`
	// LumpSum is true for a one-off payment (AmountTiyn paid once).
	LumpSum    bool  `db:"lump_sum"`
	AmountTiyn int64 `db:"amount_tiyn"`
	StartDate  Date  `db:"start_date"`
	// EndDate is the last day of payment (nil: paid until further notice).
	EndDate        *Date         `db:"end_date"`
	Status         BenefitStatus `db:"status"`
	DecisionNumber string        `db:"decision_number"`
	Department     string        `db:"department"`
	RegionKATO     string        `db:"region_kato"`
}

// Amount is the monthly amount, or the lump sum.
func (b *Benefit) Amount() Money { return Money(b.AmountTiyn) }

// Region of the assigning department.
func (b *Benefit) Region() *Region { return regionOrNil(b.RegionKATO) }

// SocialAssistanceRegistry is База данных "Социальная помощь".
type SocialAssistanceRegistry interface {
	// BenefitsByRecipient returns the benefits each person receives or
	// received, oldest first.
	BenefitsByRecipient(ctx context.Context, iins []IIN) (map[IIN][]Benefit, error)
}

// ---- Рынок труда --------------------------------------------------------

// JobSeekerStatus is how a person is registered at the employment centre.
type JobSeekerStatus string

const (
	JobSeeker  JobSeekerStatus = "JOB_SEEKER"
	Unemployed JobSeekerStatus = "UNEMPLOYED"
)

// JobSeekerRegistration is a registration of a person at a career centre
// (центр трудовой мобильности) in База данных "Рынок труда".
type JobSeekerRegistration struct {
	ID           int64           `db:"id"`
	IIN          IIN             `db:"iin"`
	Status       JobSeekerStatus `db:"status"`
	RegisteredOn Date            `db:"registered_on"`
	Centre       string          `db:"centre"`
	RegionKATO   string          `db:"region_kato"`
	ProfessionRu string          `db:"profession_ru"`
	EducationRu  string          `db:"education_ru"`
	// DeregisteredOn and DeregistrationReasonRu are nil while registered.
	DeregisteredOn         *Date   `db:"deregistered_on"`
	DeregistrationReasonRu *string `db:"deregistration_reason_ru"`
}

// Active reports a registration still open.
func (j *JobSeekerRegistration) Active() bool { return j.DeregisteredOn == nil }

// Region of the centre.
func (j *JobSeekerRegistration) Region() *Region { return regionOrNil(j.RegionKATO) }

// ReferralKind is what a job seeker was referred to.
type ReferralKind string

const (
	ReferralVacancy       ReferralKind = "VACANCY"
	ReferralTraining      ReferralKind = "TRAINING"
	ReferralPublicWorks   ReferralKind = "PUBLIC_WORKS"
	ReferralYouthPractice ReferralKind = "YOUTH_PRACTICE"
)

// ReferralOutcome is what came of a referral.
type ReferralOutcome string

const (
	OutcomeHired     ReferralOutcome = "HIRED"
	OutcomeRejected  ReferralOutcome = "REJECTED"
	OutcomeDeclined  ReferralOutcome = "DECLINED"
	OutcomeCompleted ReferralOutcome = "COMPLETED"
	OutcomePending   ReferralOutcome = "PENDING"
)

// LaborReferral is a referral of a registered person to a vacancy,
// training, public works or a youth practice.
type LaborReferral struct {
	ID             int64        `db:"id"`
	RegistrationID int64        `db:"registration_id"`
	IIN            IIN          `db:"iin"`
	Kind           ReferralKind `db:"kind"`
	ReferredOn     Date         `db:"referred_on"`
	// EmployerBIN is the employer of a vacancy, public works or practice
	// when it is a legal entity of the register.
	EmployerBIN    *BIN            `db:"employer_bin"`
	OrganisationRu string          `db:"organisation_ru"`
	PositionRu     string          `db:"position_ru"`
	Outcome        ReferralOutcome `db:"outcome"`
}

// LaborMarketRegistry is База данных "Рынок труда".
type LaborMarketRegistry interface {
	// RegistrationsByPerson returns each person's registrations, oldest
	// first.
	RegistrationsByPerson(ctx context.Context, iins []IIN) (map[IIN][]JobSeekerRegistration, error)
	// ReferralsByRegistration returns the referrals of each registration
	// (by ID), oldest first.
	ReferralsByRegistration(ctx context.Context, ids []int64) (map[int64][]LaborReferral, error)
}

// ---- Услуги ЦОН ---------------------------------------------------------

// ServiceResult is the outcome of a public service request.
type ServiceResult string

const (
	ServiceRendered   ServiceResult = "RENDERED"
	ServiceRefused    ServiceResult = "REFUSED"
	ServiceInProgress ServiceResult = "IN_PROGRESS"
)

// PublicServiceRequest is a public service a person received (or asked
// for) at a Government for Citizens service centre (ЦОН), in Сведения о
// полученных услугах лицами в ЦОН.
type PublicServiceRequest struct {
	RequestNumber string `db:"request_number"`
	IIN           IIN    `db:"iin"`
	ServiceRu     string `db:"service_ru"`
	Branch        string `db:"branch"`
	RegionKATO    string `db:"region_kato"`
	SubmittedOn   Date   `db:"submitted_on"`
	// SubmittedTime is the local (Astana) time of submission, "HH:MM".
	SubmittedTime string        `db:"submitted_time"`
	Result        ServiceResult `db:"result"`
	// CompletedOn is nil while in progress.
	CompletedOn *Date `db:"completed_on"`
	// RefusalReasonRu is set for a REFUSED request.
	RefusalReasonRu *string `db:"refusal_reason_ru"`
}

// Region of the branch.
func (s *PublicServiceRequest) Region() *Region { return regionOrNil(s.RegionKATO) }

// PublicServiceCenter is Сведения о полученных услугах лицами в ЦОН.
type PublicServiceCenter interface {
	// RequestsByPerson returns each person's requests, newest first.
	RequestsByPerson(ctx context.Context, iins []IIN) (map[IIN][]PublicServiceRequest, error)
}
