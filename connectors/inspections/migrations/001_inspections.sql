-- База данных "Учет проверок ГО": inspections of businesses by state bodies,
-- registered with the legal statistics authority.
CREATE TABLE {inspections} (
    registration_number TEXT PRIMARY KEY,
    -- legal entity (BIN) or person (IIN)
    subject_id          TEXT NOT NULL,
    subject_kind        TEXT NOT NULL,
    inspector_ru        TEXT NOT NULL,
    kind                TEXT NOT NULL,
    subject_matter_ru   TEXT NOT NULL,
    start_date          DATE NOT NULL,
    end_date            DATE NOT NULL,
    result              TEXT NOT NULL,
    violations          INTEGER NOT NULL,
    violations_ru       TEXT,
    measures_ru         TEXT,
    region_kato         TEXT NOT NULL
)
-- +statement
CREATE INDEX inspections_subject_id ON {inspections} (subject_id)
