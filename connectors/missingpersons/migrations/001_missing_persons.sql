-- База данных "Без вести пропавших": persons reported missing and the
-- searches for them.
CREATE TABLE {missing_persons} (
    -- АИС СУ search case: YY RR AA 2 NNNNNN
    search_case_number  TEXT PRIMARY KEY,
    person_iin          TEXT NOT NULL,
    last_seen_at        DATE NOT NULL,
    last_seen_place     TEXT NOT NULL,
    circumstances_ru    TEXT NOT NULL,
    reported_at         DATE NOT NULL,
    applicant_ru        TEXT NOT NULL,
    initiator           TEXT NOT NULL,
    region_kato         TEXT NOT NULL,
    description_ru      TEXT NOT NULL,
    status              TEXT NOT NULL,
    found_at            DATE,
    found_ru            TEXT
)
-- +statement
CREATE INDEX missing_persons_person ON {missing_persons} (person_iin)
