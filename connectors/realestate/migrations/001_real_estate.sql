-- Регистр недвижимости: real-estate objects and registered rights to them.
CREATE TABLE {properties} (
    cadastral_number TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    region_kato      TEXT NOT NULL,
    address          TEXT NOT NULL DEFAULT '',
    area_sqm         DOUBLE PRECISION NOT NULL,
    rooms            INTEGER NOT NULL DEFAULT 0,
    year_built       INTEGER NOT NULL DEFAULT 0,
    registered_at    DATE NOT NULL
)
-- +statement
-- A right of a holder (person IIN or entity BIN) to an object
-- (object_number = cadastral number), with its share.
CREATE TABLE {rights} (
-- postgres:    record_id BIGINT PRIMARY KEY,
-- sqlite:    record_id INTEGER PRIMARY KEY,
    object_number     TEXT NOT NULL,
    holder_id         TEXT NOT NULL,
    holder_kind       TEXT NOT NULL,
    right_type        TEXT NOT NULL,
    share_numerator   INTEGER NOT NULL,
    share_denominator INTEGER NOT NULL,
    since             DATE NOT NULL
)
-- +statement
CREATE INDEX rights_holder_id ON {rights} (holder_id)
-- +statement
CREATE INDEX rights_object_number ON {rights} (object_number)
