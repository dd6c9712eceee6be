-- База данных "Морские суда": sea-going ships of the state ship register
-- under the flag of Kazakhstan, with their owners and ports of registry.
CREATE TABLE {sea_vessels} (
    imo_number       TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    type_ru          TEXT NOT NULL,
    flag             TEXT NOT NULL,
    port_of_registry TEXT NOT NULL,
    call_sign        TEXT NOT NULL UNIQUE,
    mmsi             TEXT NOT NULL UNIQUE,
    gross_tonnage    INTEGER NOT NULL,
    deadweight       INTEGER NOT NULL,
    length_m         REAL NOT NULL,
    build_year       INTEGER NOT NULL,
    builder          TEXT NOT NULL,
    owner_bin        TEXT NOT NULL,
    registry_number  TEXT NOT NULL UNIQUE,
    registered_at    DATE NOT NULL,
    status           TEXT NOT NULL,
    deregistered_at  DATE
)
-- +statement
CREATE INDEX sea_vessels_owner_bin ON {sea_vessels} (owner_bin)
