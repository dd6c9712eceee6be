-- База данных "Е-Нотариат" (ЕНИС): notarial acts with their parties.
CREATE TABLE {acts} (
    -- YY RR S NNNNNN: year, KATO region of the notary, stream, serial
    registry_number  TEXT PRIMARY KEY,
    act_date         DATE NOT NULL,
    kind             TEXT NOT NULL,
    kind_ru          TEXT NOT NULL,
    summary_ru       TEXT NOT NULL,
    notary_name      TEXT NOT NULL,
    notary_licence   TEXT NOT NULL,
    region_kato      TEXT NOT NULL,
    object_kind      TEXT,
    -- VIN or cadastral number
    object_number    TEXT,
    valid_until      DATE,
    revoked_at       DATE
)
-- +statement
CREATE INDEX acts_object ON {acts} (object_number)
-- +statement
CREATE TABLE {parties} (
    registry_number  TEXT NOT NULL REFERENCES {acts} (registry_number),
    role             TEXT NOT NULL,
    role_ru          TEXT NOT NULL,
    -- IIN or BIN of a subject of the population; NULL for an organisation
    -- or person outside it, named only
    subject_id       TEXT,
    subject_kind     TEXT,
    name_ru          TEXT NOT NULL
)
-- +statement
CREATE INDEX parties_act ON {parties} (registry_number)
-- +statement
CREATE INDEX parties_subject ON {parties} (subject_id)
