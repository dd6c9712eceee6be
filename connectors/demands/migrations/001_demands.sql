-- "Требования": demands (требования) for checks of persons against the
-- special records, with the answers given.
CREATE TABLE {demands} (
    number        TEXT PRIMARY KEY,
    person_iin    TEXT NOT NULL,
    form          TEXT NOT NULL,
    form_ru       TEXT NOT NULL,
    requested_at  DATE NOT NULL,
    initiator     TEXT NOT NULL,
    purpose_ru    TEXT NOT NULL,
    answered_at   DATE NOT NULL,
    found         BOOLEAN NOT NULL,
    answer_ru     TEXT NOT NULL
)
-- +statement
CREATE INDEX demands_person ON {demands} (person_iin)
