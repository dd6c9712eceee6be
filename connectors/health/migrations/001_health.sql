-- The medical information systems of the health ministry, one table per
-- service: visits to polyclinics, dispensary registration, referrals to
-- hospital (Портал Бюро госпитализации) and inpatient stays. Diagnoses are
-- ICD-10 codes with their Russian names.
CREATE TABLE {outpatient_visits} (
    id               BIGINT PRIMARY KEY,
    iin              TEXT NOT NULL,
    visited_on       DATE NOT NULL,
    facility         TEXT NOT NULL,
    region_kato      TEXT NOT NULL,
    doctor_specialty TEXT NOT NULL,
    icd10            TEXT NOT NULL,
    diagnosis_ru     TEXT NOT NULL,
    kind             TEXT NOT NULL
)
-- +statement
CREATE INDEX outpatient_visits_iin ON {outpatient_visits} (iin)
-- +statement
CREATE TABLE {dispensary_registrations} (
    id                       BIGINT PRIMARY KEY,
    iin                      TEXT NOT NULL,
    facility                 TEXT NOT NULL,
    region_kato              TEXT NOT NULL,
    icd10                    TEXT NOT NULL,
    diagnosis_ru             TEXT NOT NULL,
    dispensary_group         TEXT NOT NULL,
    doctor_specialty         TEXT NOT NULL,
    registered_on            DATE NOT NULL,
    deregistered_on          DATE,
    deregistration_reason_ru TEXT
)
-- +statement
CREATE INDEX dispensary_registrations_iin ON {dispensary_registrations} (iin)
-- +statement
CREATE TABLE {hospital_referrals} (
    referral_number TEXT PRIMARY KEY,
    iin             TEXT NOT NULL,
    referred_on     DATE NOT NULL,
    from_facility   TEXT NOT NULL,
    hospital        TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    profile_ru      TEXT NOT NULL,
    icd10           TEXT NOT NULL,
    diagnosis_ru    TEXT NOT NULL,
    planned_on      DATE NOT NULL,
    status          TEXT NOT NULL
)
-- +statement
CREATE INDEX hospital_referrals_iin ON {hospital_referrals} (iin)
-- +statement
CREATE TABLE {inpatient_stays} (
    id              BIGINT PRIMARY KEY,
    iin             TEXT NOT NULL,
    hospital        TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    department_ru   TEXT NOT NULL,
    admission       TEXT NOT NULL,
    admitted_on     DATE NOT NULL,
    discharged_on   DATE,
    outcome         TEXT,
    icd10           TEXT NOT NULL,
    diagnosis_ru    TEXT NOT NULL,
    referral_number TEXT REFERENCES {hospital_referrals} (referral_number)
)
-- +statement
CREATE INDEX inpatient_stays_iin ON {inpatient_stays} (iin)
