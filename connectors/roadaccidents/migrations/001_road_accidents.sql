-- База данных "Учет дорожно-транспортных происшествий": road accidents and
-- their participants (drivers, passengers, pedestrians) with vehicles,
-- injuries and the participant at fault.
CREATE TABLE {accidents} (
    number        TEXT PRIMARY KEY,
-- postgres:    occurred_at TIMESTAMPTZ NOT NULL,
-- sqlite:    occurred_at TIMESTAMP NOT NULL,
    place_ru      TEXT NOT NULL,
    region_kato   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    kind_ru       TEXT NOT NULL,
    conditions_ru TEXT NOT NULL,
    injured       INTEGER NOT NULL,
    killed        INTEGER NOT NULL,
    culprit_iin   TEXT
)
-- +statement
CREATE TABLE {accident_participants} (
    accident_number TEXT NOT NULL REFERENCES {accidents} (number),
    -- order of the participant in the accident card
    seq             INTEGER NOT NULL,
    role            TEXT NOT NULL,
    iin             TEXT NOT NULL,
    vin             TEXT,
    plate           TEXT,
    injury          TEXT NOT NULL,
-- postgres:    culprit BOOLEAN NOT NULL,
-- sqlite:    culprit INTEGER NOT NULL CHECK (culprit IN (0, 1)),
    PRIMARY KEY (accident_number, seq)
)
-- +statement
CREATE INDEX accident_participants_iin ON {accident_participants} (iin)
-- +statement
CREATE INDEX accident_participants_vin ON {accident_participants} (vin)
