-- База данных "Рынок труда": registrations of persons as job seekers or
-- unemployed at the career centres (центры трудовой мобильности) and their
-- referrals to vacancies, training, public works and youth practice.
CREATE TABLE {registrations} (
    id                       BIGINT PRIMARY KEY,
    iin                      TEXT NOT NULL,
    status                   TEXT NOT NULL,
    registered_on            DATE NOT NULL,
    centre                   TEXT NOT NULL,
    region_kato              TEXT NOT NULL,
    profession_ru            TEXT NOT NULL,
    education_ru             TEXT NOT NULL,
    deregistered_on          DATE,
    deregistration_reason_ru TEXT
)
-- +statement
CREATE INDEX registrations_iin ON {registrations} (iin)
-- +statement
CREATE TABLE {referrals} (
    id              BIGINT PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES {registrations} (id),
    iin             TEXT NOT NULL,
    kind            TEXT NOT NULL,
    referred_on     DATE NOT NULL,
    employer_bin    TEXT,
    organisation_ru TEXT NOT NULL,
    position_ru     TEXT NOT NULL,
    outcome         TEXT NOT NULL
)
-- +statement
CREATE INDEX referrals_registration_id ON {referrals} (registration_id)
