-- ГБД ЮЛ: state database of legal entities and their founders.
CREATE TABLE {legal_entities} (
    bin               TEXT PRIMARY KEY,
    name_ru           TEXT NOT NULL,
    name_kz           TEXT NOT NULL DEFAULT '',
    legal_form        TEXT NOT NULL,
    registration_date DATE NOT NULL,
    status            TEXT NOT NULL,
    region_kato       TEXT NOT NULL,
    address           TEXT NOT NULL DEFAULT '',
    activity_code     TEXT NOT NULL DEFAULT '',
    activity_ru       TEXT NOT NULL DEFAULT '',
    -- NULL when the entity has no registered director
    director_iin      TEXT
)
-- +statement
CREATE INDEX legal_entities_director_iin ON {legal_entities} (director_iin)
-- +statement
-- A founder (participant) is a person (IIN) or another legal entity (BIN).
-- The primary key also serves lookups by entity_bin.
CREATE TABLE {founders} (
    entity_bin    TEXT NOT NULL,
    founder_id    TEXT NOT NULL,
    founder_kind  TEXT NOT NULL,
    share_percent DOUBLE PRECISION NOT NULL,
    since         DATE NOT NULL,
    PRIMARY KEY (entity_bin, founder_id)
)
-- +statement
CREATE INDEX founders_founder_id ON {founders} (founder_id)
