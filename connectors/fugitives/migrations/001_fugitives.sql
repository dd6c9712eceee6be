-- База данных "Скрывающихся от следствия/дознания": suspects and accused
-- declared wanted for evading the investigation of a criminal case.
CREATE TABLE {fugitives} (
    -- АИС СУ search case: YY RR AA 2 NNNNNN
    search_case_number  TEXT PRIMARY KEY,
    person_iin          TEXT NOT NULL,
    erdr_number         TEXT NOT NULL UNIQUE,
    article             TEXT NOT NULL,
    article_ru          TEXT NOT NULL,
    initiator           TEXT NOT NULL,
    region_kato         TEXT NOT NULL,
    declared_at         DATE NOT NULL,
    level               TEXT NOT NULL,
    level_ru            TEXT NOT NULL,
    measure_ru          TEXT NOT NULL,
    status              TEXT NOT NULL,
    ended_at            DATE,
    ended_ru            TEXT
)
-- +statement
CREATE INDEX fugitives_person ON {fugitives} (person_iin)
