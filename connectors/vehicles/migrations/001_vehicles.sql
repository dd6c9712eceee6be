-- Транспортные средства: the register of vehicles and their owners.
CREATE TABLE {vehicles} (
    vin               TEXT PRIMARY KEY,
    plate             TEXT NOT NULL UNIQUE,
    make              TEXT NOT NULL,
    model             TEXT NOT NULL,
    year              INTEGER NOT NULL,
    color             TEXT NOT NULL DEFAULT '',
    body_type         TEXT NOT NULL DEFAULT '',
    engine_cc         INTEGER NOT NULL DEFAULT 0,
    certificate_no    TEXT NOT NULL DEFAULT '',
    registration_date DATE NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id          TEXT NOT NULL,
    owner_kind        TEXT NOT NULL
)
-- +statement
CREATE INDEX vehicles_owner_id ON {vehicles} (owner_id)
