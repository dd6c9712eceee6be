-- База данных "Нарушение иностранных рабочих": migration-law offences of
-- foreign workers under the Code of administrative offences, with the
-- decision (warning, fine, administrative expulsion).
CREATE TABLE {violations} (
    protocol_number TEXT PRIMARY KEY,
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    birth_date      DATE NOT NULL,
    citizenship     TEXT NOT NULL,
    citizenship_ru  TEXT NOT NULL,
    passport_number TEXT NOT NULL,
    employer_bin    TEXT,
    article         TEXT NOT NULL,
    article_ru      TEXT NOT NULL,
    description_ru  TEXT NOT NULL,
    committed_on    DATE NOT NULL,
    region_kato     TEXT NOT NULL,
    body            TEXT NOT NULL,
    decided_on      DATE NOT NULL,
    decision_ru     TEXT NOT NULL,
    fine_tiyn       BIGINT,
    expelled        BOOLEAN NOT NULL
)
-- +statement
CREATE INDEX violations_passport_number ON {violations} (passport_number)
-- +statement
CREATE INDEX violations_employer_bin ON {violations} (employer_bin)
