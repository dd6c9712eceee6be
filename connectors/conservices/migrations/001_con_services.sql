-- Сведения о полученных услугах лицами в ЦОН: public services persons
-- asked for and received at the service centres (ЦОН) of the State
-- corporation "Government for Citizens".
CREATE TABLE {requests} (
    request_number    TEXT PRIMARY KEY,
    iin               TEXT NOT NULL,
    service_ru        TEXT NOT NULL,
    branch            TEXT NOT NULL,
    region_kato       TEXT NOT NULL,
    submitted_on      DATE NOT NULL,
    -- local (Astana) time, HH:MM
    submitted_time    TEXT NOT NULL,
    result            TEXT NOT NULL,
    completed_on      DATE,
    refusal_reason_ru TEXT
)
-- +statement
CREATE INDEX requests_iin ON {requests} (iin)
