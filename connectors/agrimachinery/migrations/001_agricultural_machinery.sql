-- База данных "Сельхозтехника": tractors, combines and other self-propelled
-- machines registered with the state inspection for the technical
-- condition of machines, with their owners.
CREATE TABLE {machines} (
    plate              TEXT PRIMARY KEY,
    kind_ru            TEXT NOT NULL,
    make               TEXT NOT NULL,
    model              TEXT NOT NULL,
    serial_number      TEXT NOT NULL,
    engine_number      TEXT NOT NULL,
    build_year         INTEGER NOT NULL,
    engine_power_hp    INTEGER NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id           TEXT NOT NULL,
    owner_kind         TEXT NOT NULL,
    certificate_number TEXT NOT NULL UNIQUE,
    registered_by      TEXT NOT NULL,
    registered_at      DATE NOT NULL,
    region_kato        TEXT NOT NULL,
    status             TEXT NOT NULL,
    deregistered_at    DATE
)
-- +statement
CREATE INDEX machines_owner_id ON {machines} (owner_id)
