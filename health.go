package sio

import "context"

// The medical information systems of the health ministry: visits to
// polyclinics, dispensary registration, referrals to hospital and inpatient
// treatment. Diagnoses are ICD-10 codes with their Russian names.

// VisitKind is the purpose of an outpatient visit.
type VisitKind string

const (
	VisitPrimary    VisitKind = "PRIMARY"
	VisitRepeat     VisitKind = "REPEAT"
	VisitPreventive VisitKind = "PREVENTIVE"
)

// OutpatientVisit is a visit to a polyclinic in Сведения о заболеваниях
// физического лица (об обращениях в поликлиники).
type OutpatientVisit struct {
	ID              int64     `db:"id"`
	IIN             IIN       `db:"iin"`
	VisitedOn       Date      `db:"visited_on"`
	Facility        string    `db:"facility"`
	RegionKATO      string    `db:"region_kato"`
	DoctorSpecialty string    `db:"doctor_specialty"`
	ICD10           string    `db:"icd10"`
	DiagnosisRu     string    `db:"diagnosis_ru"`
	Kind            VisitKind `db:"kind"`
}

// Region of the facility.
func (v *OutpatientVisit) Region() *Region { return regionOrNil(v.RegionKATO) }

// DispensaryRegistration is a registration for dispensary observation of a
// chronic disease in Сведения о диспансерном учете физического лица.
type DispensaryRegistration struct {
	ID          int64  `db:"id"`
	IIN         IIN    `db:"iin"`
	Facility    string `db:"facility"`
	RegionKATO  string `db:"region_kato"`
	ICD10       string `db:"icd10"`
	DiagnosisRu string `db:"diagnosis_ru"`
	// Group is the dispensary group, e.g. "Д-III" (chronic patients).
	Group           string `db:"dispensary_group"`
	DoctorSpecialty string `db:"doctor_specialty"`
	RegisteredOn    Date   `db:"registered_on"`
	// DeregisteredOn and DeregistrationReasonRu are nil while observed.
	DeregisteredOn         *Date   `db:"deregistered_on"`
	DeregistrationReasonRu *string `db:"deregistration_reason_ru"`
}

// Active reports an observation still going on.
func (d *DispensaryRegistration) Active() bool { return d.DeregisteredOn == nil }

// Region of the facility.
func (d *DispensaryRegistration) Region() *Region { return regionOrNil(d.RegionKATO) }

// HospitalizationKind is how a patient comes to hospital.
type HospitalizationKind string

const (
	HospitalizationPlanned   HospitalizationKind = "PLANNED"
	HospitalizationEmergency HospitalizationKind = "EMERGENCY"
)

// ReferralStatus is the state of a referral to hospital.
type ReferralStatus string

const (
	ReferralWaiting      ReferralStatus = "WAITING"
	ReferralHospitalized ReferralStatus = "HOSPITALIZED"
	ReferralCancelled    ReferralStatus = "CANCELLED"
)

// HospitalReferral is a referral to planned hospital treatment (Портал
// Бюро госпитализации) in Сведения о госпитализации физического лица.
type HospitalReferral struct {
	ReferralNumber string         `db:"referral_number"`
	IIN            IIN            `db:"iin"`
	ReferredOn     Date           `db:"referred_on"`
	FromFacility   string         `db:"from_facility"`
	Hospital       string         `db:"hospital"`
	RegionKATO     string         `db:"region_kato"`
	ProfileRu      string         `db:"profile_ru"`
	ICD10          string         `db:"icd10"`
	DiagnosisRu    string         `db:"diagnosis_ru"`
	PlannedOn      Date           `db:"planned_on"`
	Status         ReferralStatus `db:"status"`
}

// Region of the hospital.
func (h *HospitalReferral) Region() *Region { return regionOrNil(h.RegionKATO) }

// StayOutcome is the result of inpatient treatment.
type StayOutcome string

const (
	OutcomeRecovered   StayOutcome = "RECOVERED"
	OutcomeImproved    StayOutcome = "IMPROVED"
	OutcomeUnchanged   StayOutcome = "UNCHANGED"
	OutcomeTransferred StayOutcome = "TRANSFERRED"
	OutcomeDied        StayOutcome = "DIED"
)

// InpatientStay is a hospital stay in Сведения о стационарном лечении
// физического лица.
type InpatientStay struct {
	ID           int64               `db:"id"`
	IIN          IIN                 `db:"iin"`
	Hospital     string              `db:"hospital"`
	RegionKATO   string              `db:"region_kato"`
	DepartmentRu string              `db:"department_ru"`
	Admission    HospitalizationKind `db:"admission"`
	AdmittedOn   Date                `db:"admitted_on"`
	// DischargedOn and Outcome are nil while the patient is in hospital.
	DischargedOn *Date        `db:"discharged_on"`
	Outcome      *StayOutcome `db:"outcome"`
	ICD10        string       `db:"icd10"`
	DiagnosisRu  string       `db:"diagnosis_ru"`
	// ReferralNumber is the referral of a planned stay.
	ReferralNumber *string `db:"referral_number"`
}

// Region of the hospital.
func (s *InpatientStay) Region() *Region { return regionOrNil(s.RegionKATO) }

// HealthRecords are the four services of the health ministry's systems.
type HealthRecords interface {
	// VisitsByPerson returns each person's outpatient visits, newest first.
	VisitsByPerson(ctx context.Context, iins []IIN) (map[IIN][]OutpatientVisit, error)
	// DispensaryByPerson returns each person's dispensary registrations,
	// oldest first.
	DispensaryByPerson(ctx context.Context, iins []IIN) (map[IIN][]DispensaryRegistration, error)
	// ReferralsByPerson returns each person's referrals to hospital, newest
	// first.
	ReferralsByPerson(ctx context.Context, iins []IIN) (map[IIN][]HospitalReferral, error)
	// ReferralsByNumber returns the referrals found among numbers.
	ReferralsByNumber(ctx context.Context, numbers []string) (map[string]*HospitalReferral, error)
	// StaysByPerson returns each person's hospital stays, newest first.
	StaysByPerson(ctx context.Context, iins []IIN) (map[IIN][]InpatientStay, error)
}
