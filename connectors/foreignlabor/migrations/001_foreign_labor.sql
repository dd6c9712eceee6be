-- База данных "Иностранная рабочая сила": permits of the local executive
-- bodies allowing employers to employ foreign workers, and the workers
-- each permit lists.
CREATE TABLE {permits} (
    permit_number TEXT PRIMARY KEY,
    employer_bin  TEXT NOT NULL,
    category      TEXT NOT NULL,
    category_ru   TEXT NOT NULL,
    issued_on     DATE NOT NULL,
    valid_until   DATE NOT NULL,
    quota         INTEGER NOT NULL,
    status        TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    region_kato   TEXT NOT NULL
)
-- +statement
CREATE INDEX permits_employer_bin ON {permits} (employer_bin)
-- +statement
CREATE TABLE {workers} (
    id              BIGINT PRIMARY KEY,
    permit_number   TEXT NOT NULL REFERENCES {permits} (permit_number),
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    birth_date      DATE NOT NULL,
    gender          TEXT NOT NULL,
    citizenship     TEXT NOT NULL,
    citizenship_ru  TEXT NOT NULL,
    passport_number TEXT NOT NULL,
    position_ru     TEXT NOT NULL
)
-- +statement
CREATE INDEX workers_permit_number ON {workers} (permit_number)
-- +statement
CREATE INDEX workers_passport_number ON {workers} (passport_number)
