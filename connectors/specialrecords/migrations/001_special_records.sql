-- База данных "Специальные учеты" (КПСиСУ): criminal liability and
-- convictions, administrative offences of note, dactyloscopic registration.
CREATE TABLE {criminal_records} (
    -- ЕРДР number since 2015, statistical card number before
    case_number        TEXT PRIMARY KEY,
    erdr_number        TEXT,
    person_iin         TEXT NOT NULL,
    code_ru            TEXT NOT NULL,
    article            TEXT NOT NULL,
    article_ru         TEXT NOT NULL,
    gravity            TEXT NOT NULL,
    offence_date       DATE NOT NULL,
    registered_at      DATE NOT NULL,
    registered_by      TEXT NOT NULL,
    region_kato        TEXT NOT NULL,
    outcome            TEXT NOT NULL,
    outcome_ru         TEXT NOT NULL,
    outcome_date       DATE,
    court_name         TEXT,
    court_case_number  TEXT,
    sentence_kind      TEXT,
    sentence_ru        TEXT,
    term_months        INTEGER,
    fine_tiyn          BIGINT,
    additional_ru      TEXT,
    institution        TEXT,
    release_date       DATE,
    release_ru         TEXT,
    conviction_status  TEXT NOT NULL,
    expunged_at        DATE
)
-- +statement
CREATE INDEX criminal_records_person ON {criminal_records} (person_iin)
-- +statement
CREATE INDEX criminal_records_erdr ON {criminal_records} (erdr_number)
-- +statement
CREATE TABLE {administrative_offences} (
    case_number   TEXT PRIMARY KEY,
    person_iin    TEXT NOT NULL,
    code_ru       TEXT NOT NULL,
    article       TEXT NOT NULL,
    article_ru    TEXT NOT NULL,
    committed_at  DATE NOT NULL,
    region_kato   TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    decided_at    DATE NOT NULL,
    decided_by    TEXT NOT NULL,
    penalty       TEXT NOT NULL,
    penalty_ru    TEXT NOT NULL,
    fine_tiyn     BIGINT,
    arrest_days   INTEGER,
    expulsion     BOOLEAN NOT NULL,
    execution_ru  TEXT NOT NULL
)
-- +statement
CREATE INDEX administrative_offences_person ON {administrative_offences} (person_iin)
-- +statement
CREATE TABLE {dactyloscopy} (
    person_iin     TEXT PRIMARY KEY,
    card_number    TEXT NOT NULL UNIQUE,
    registered_at  DATE NOT NULL,
    registered_by  TEXT NOT NULL,
    reason         TEXT NOT NULL,
    reason_ru      TEXT NOT NULL
)
