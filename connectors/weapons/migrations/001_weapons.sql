-- База данных "Зарегистрированное оружие": weapons registered with the
-- internal-affairs licensing units, with their owners and permits.
CREATE TABLE {weapons} (
    serial_number    TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    kind_ru          TEXT NOT NULL,
    make             TEXT NOT NULL,
    model            TEXT NOT NULL,
    caliber          TEXT NOT NULL,
    manufacture_year INTEGER NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id         TEXT NOT NULL,
    owner_kind       TEXT NOT NULL,
    permit_number    TEXT NOT NULL,
    permit_type_ru   TEXT NOT NULL,
    permit_issued    DATE NOT NULL,
    permit_expires   DATE NOT NULL,
    permit_status    TEXT NOT NULL,
    issued_by        TEXT NOT NULL,
    region_kato      TEXT NOT NULL
)
-- +statement
CREATE INDEX weapons_owner_id ON {weapons} (owner_id)
