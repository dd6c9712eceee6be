-- База данных "Единый учет обращений лиц": appeals, complaints and reports
-- of offences registered by state bodies.
CREATE TABLE {appeals} (
    -- ЖТ-YYYY-NNNNNNNN
    number        TEXT PRIMARY KEY,
    person_iin    TEXT NOT NULL,
    submitted_at  DATE NOT NULL,
    body          TEXT NOT NULL,
    region_kato   TEXT NOT NULL,
    channel       TEXT NOT NULL,
    kind          TEXT NOT NULL,
    kind_ru       TEXT NOT NULL,
    category_ru   TEXT NOT NULL,
    summary_ru    TEXT NOT NULL,
    kui_number    TEXT,
    deadline      DATE NOT NULL,
    status        TEXT NOT NULL,
    answered_at   DATE,
    result_ru     TEXT
)
-- +statement
CREATE INDEX appeals_person ON {appeals} (person_iin)
