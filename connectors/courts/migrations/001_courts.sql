-- База данных "Судебных органов" (ЕАИАС судов): court cases of persons and
-- companies with their parties.
CREATE TABLE {court_cases} (
    -- CCCC-YY-00-K/N: court code, year, category (1 criminal, 2 civil,
    -- 3 administrative), serial
    number       TEXT PRIMARY KEY,
    court_name   TEXT NOT NULL,
    region_kato  TEXT NOT NULL,
    category     TEXT NOT NULL,
    subject_ru   TEXT NOT NULL,
    judge_name   TEXT NOT NULL,
    received_at  DATE NOT NULL,
    status       TEXT NOT NULL,
    decided_at   DATE,
    result_ru    TEXT,
    in_force_at  DATE,
    claim_tiyn   BIGINT
)
-- +statement
CREATE TABLE {court_parties} (
    case_number   TEXT NOT NULL REFERENCES {court_cases} (number),
    role          TEXT NOT NULL,
    role_ru       TEXT NOT NULL,
    -- IIN or BIN of a subject of the population; NULL for an organisation
    -- outside it (a bank), named only
    subject_id    TEXT,
    subject_kind  TEXT,
    name_ru       TEXT NOT NULL
)
-- +statement
CREATE INDEX court_parties_case ON {court_parties} (case_number)
-- +statement
CREATE INDEX court_parties_subject ON {court_parties} (subject_id)
