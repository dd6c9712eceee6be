-- Земельный участок: the land cadastre, plots and registered rights to them.
CREATE TABLE {plots} (
    cadastral_number TEXT PRIMARY KEY,
    area_ha          DOUBLE PRECISION NOT NULL,
    category         TEXT NOT NULL,
    purpose          TEXT NOT NULL DEFAULT '',
    region_kato      TEXT NOT NULL,
    address          TEXT NOT NULL DEFAULT '',
-- postgres:    divisible BOOLEAN NOT NULL DEFAULT FALSE
-- sqlite:    divisible INTEGER NOT NULL DEFAULT 0 CHECK (divisible IN (0, 1))
)
-- +statement
-- A right of a holder (person IIN or entity BIN) to a plot
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
