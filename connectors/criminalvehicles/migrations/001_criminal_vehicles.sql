-- База данных "Криминальный автотранспорт": vehicles wanted after theft or
-- hijacking, or used in crimes, with the pre-trial investigation (ЕРДР)
-- and the state of the search.
CREATE TABLE {criminal_vehicles} (
    id             BIGINT PRIMARY KEY,
    event          TEXT NOT NULL,
    vin            TEXT NOT NULL,
    plate          TEXT NOT NULL,
    make           TEXT NOT NULL,
    model          TEXT NOT NULL,
    color          TEXT NOT NULL,
    year           INTEGER NOT NULL,
    -- the registered owner at the time of the event: IIN or BIN
    owner_id       TEXT NOT NULL,
    owner_kind     TEXT NOT NULL,
    event_date     DATE NOT NULL,
    place_ru       TEXT NOT NULL,
    region_kato    TEXT NOT NULL,
    erdr_number    TEXT NOT NULL,
    article        TEXT NOT NULL,
    initiator      TEXT NOT NULL,
    status         TEXT NOT NULL,
    found_at       DATE,
    found_place_ru TEXT
)
-- +statement
CREATE INDEX criminal_vehicles_vin ON {criminal_vehicles} (vin)
-- +statement
CREATE INDEX criminal_vehicles_plate ON {criminal_vehicles} (plate)
