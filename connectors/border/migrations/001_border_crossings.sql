-- Пересечение государственной границы: crossings of citizens of Kazakhstan
-- (service 33) and of foreigners (service 34), with the foreigners' records.
CREATE TABLE {citizen_crossings} (
    id              BIGINT PRIMARY KEY,
    iin             TEXT NOT NULL,
-- postgres:    crossed_at TIMESTAMPTZ NOT NULL,
-- sqlite:    crossed_at TIMESTAMP NOT NULL,
    direction       TEXT NOT NULL,
    checkpoint_code TEXT NOT NULL,
    checkpoint_ru   TEXT NOT NULL,
    checkpoint_kind TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    country_code    TEXT NOT NULL,
    document_kind   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    transport       TEXT NOT NULL,
    flight_number   TEXT,
    train_number    TEXT,
    vehicle_plate   TEXT,
    route_ru        TEXT NOT NULL,
    carrier_ru      TEXT NOT NULL
)
-- +statement
CREATE INDEX citizen_crossings_iin ON {citizen_crossings} (iin, crossed_at)
-- +statement
CREATE TABLE {foreign_travellers} (
    id              BIGINT PRIMARY KEY,
    -- foreigners with a residence permit are in ГБД ФЛ
    iin             TEXT,
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    birth_date      DATE NOT NULL,
    gender          TEXT NOT NULL,
    citizenship     TEXT NOT NULL,
    passport_number TEXT NOT NULL,
    passport_expiry DATE NOT NULL,
    purpose_ru      TEXT NOT NULL,
    -- the receiving party: a person (IIN) or an entity (BIN)
    host_id         TEXT,
    host_kind       TEXT
)
-- +statement
CREATE INDEX foreign_travellers_iin ON {foreign_travellers} (iin)
-- +statement
CREATE INDEX foreign_travellers_passport ON {foreign_travellers} (passport_number)
-- +statement
CREATE INDEX foreign_travellers_host ON {foreign_travellers} (host_id)
-- +statement
CREATE TABLE {foreigner_crossings} (
    id              BIGINT PRIMARY KEY,
    traveller_id    BIGINT NOT NULL REFERENCES {foreign_travellers} (id),
    iin             TEXT,
-- postgres:    crossed_at TIMESTAMPTZ NOT NULL,
-- sqlite:    crossed_at TIMESTAMP NOT NULL,
    direction       TEXT NOT NULL,
    checkpoint_code TEXT NOT NULL,
    checkpoint_ru   TEXT NOT NULL,
    checkpoint_kind TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    country_code    TEXT NOT NULL,
    document_kind   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    transport       TEXT NOT NULL,
    flight_number   TEXT,
    train_number    TEXT,
    vehicle_plate   TEXT,
    route_ru        TEXT NOT NULL,
    carrier_ru      TEXT NOT NULL
)
-- +statement
CREATE INDEX foreigner_crossings_traveller ON {foreigner_crossings} (traveller_id, crossed_at)
-- +statement
CREATE INDEX foreigner_crossings_iin ON {foreigner_crossings} (iin, crossed_at)
