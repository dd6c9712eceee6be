-- База данных "Криминальное оружие": lost, stolen, seized and found
-- weapons with the event, the criminal case (ЕРДР) and the person.
CREATE TABLE {criminal_weapons} (
    id            BIGINT PRIMARY KEY,
    event         TEXT NOT NULL,
    -- '' when the serial number was destroyed
    serial_number TEXT NOT NULL,
    kind_ru       TEXT NOT NULL,
    make          TEXT NOT NULL,
    model         TEXT NOT NULL,
    caliber       TEXT NOT NULL,
    event_date    DATE NOT NULL,
    place_ru      TEXT NOT NULL,
    region_kato   TEXT NOT NULL,
    erdr_number   TEXT,
    article       TEXT,
    initiator     TEXT NOT NULL,
    person_iin    TEXT,
    status        TEXT NOT NULL,
    found_at      DATE
)
-- +statement
CREATE INDEX criminal_weapons_serial_number ON {criminal_weapons} (serial_number)
