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
    erdr_number   CHAR(15),
    article       TEXT,
    initiator     TEXT NOT NULL,
    person_iin    CHAR(12),
    status        TEXT NOT NULL,
    found_at      DATE
)
-- +statement
CREATE INDEX criminal_weapons_serial_number ON {criminal_weapons} (serial_number)
-- +statement
-- The registered weapons of the batch being generated, replayed from the
-- generator of Зарегистрированное оружие (the weapons connector's own
-- table layout) so that lost and stolen weapons carry serial numbers of
-- the register; emptied after each batch, never read by lookups.
CREATE TABLE {weapons} (
    serial_number    TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    kind_ru          TEXT NOT NULL,
    make             TEXT NOT NULL,
    model            TEXT NOT NULL,
    caliber          TEXT NOT NULL,
    manufacture_year INTEGER NOT NULL,
    owner_id         CHAR(12) NOT NULL,
    owner_kind       TEXT NOT NULL,
    permit_number    TEXT NOT NULL,
    permit_type_ru   TEXT NOT NULL,
    permit_issued    DATE NOT NULL,
    permit_expires   DATE NOT NULL,
    permit_status    TEXT NOT NULL,
    issued_by        TEXT NOT NULL,
    region_kato      TEXT NOT NULL
)
