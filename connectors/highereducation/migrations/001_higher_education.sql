-- Сведения о студентах и выпускниках ВУЗов: persons' studies in the
-- programmes of universities, from enrolment to graduation (with the
-- diploma) or expulsion.
CREATE TABLE {studies} (
    id              BIGINT PRIMARY KEY,
    iin             TEXT NOT NULL,
    university_ru   TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    level           TEXT NOT NULL,
    specialty_code  TEXT NOT NULL,
    specialty_ru    TEXT NOT NULL,
    study_form      TEXT NOT NULL,
    funding         TEXT NOT NULL,
    enrolled_year   INTEGER NOT NULL,
    status          TEXT NOT NULL,
    graduation_year INTEGER,
    left_year       INTEGER,
    diploma_number  TEXT UNIQUE,
    with_honors     BOOLEAN NOT NULL
)
-- +statement
CREATE INDEX studies_iin ON {studies} (iin)
