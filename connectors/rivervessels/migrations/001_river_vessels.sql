-- База данных "Речные и маломерные суда": the register of small vessels
-- (boats, launches, jet skis) and inland-navigation vessels with their
-- owners, engines and home water bodies.
CREATE TABLE {river_vessels} (
    registration_number TEXT PRIMARY KEY,
    category            TEXT NOT NULL,
    hull_type_ru        TEXT NOT NULL,
    make                TEXT NOT NULL,
    model               TEXT NOT NULL,
    hull_number         TEXT NOT NULL,
    build_year          INTEGER NOT NULL,
    length_m            REAL NOT NULL,
    engine_make         TEXT NOT NULL DEFAULT '',
    engine_number       TEXT NOT NULL DEFAULT '',
    engine_power_hp     INTEGER NOT NULL DEFAULT 0,
    passengers          INTEGER NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id            TEXT NOT NULL,
    owner_kind          TEXT NOT NULL,
    registered_by       TEXT NOT NULL,
    registered_at       DATE NOT NULL,
    home_water_ru       TEXT NOT NULL,
    region_kato         TEXT NOT NULL,
    status              TEXT NOT NULL,
    deregistered_at     DATE
)
-- +statement
CREATE INDEX river_vessels_owner_id ON {river_vessels} (owner_id)
