-- Система документирования населения: identity documents issued to persons
-- (Форма № 1), with the photo taken for each, previous surnames and the
-- registrations at a place of residence.
CREATE TABLE {documents} (
    id              BIGINT PRIMARY KEY,
    iin             TEXT NOT NULL,
    kind            TEXT NOT NULL,
    kind_ru         TEXT NOT NULL,
    number          TEXT NOT NULL,
    -- the name as printed on the document
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    middle_name     TEXT NOT NULL DEFAULT '',
    gender          TEXT NOT NULL,
    issue_date      DATE NOT NULL,
    -- NULL for documents without a term (USSR passports)
    expiry_date     DATE,
    issuer          TEXT NOT NULL,
    issue_reason_ru TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    status          TEXT NOT NULL,
    -- when the document stopped being valid; NULL while valid
    status_date     DATE
)
-- +statement
CREATE INDEX documents_iin ON {documents} (iin, issue_date)
-- +statement
CREATE UNIQUE INDEX documents_number ON {documents} (number)
-- +statement
CREATE TABLE {surname_changes} (
    iin                TEXT NOT NULL,
    previous_last_name TEXT NOT NULL,
    new_last_name      TEXT NOT NULL,
    changed_on         DATE NOT NULL,
    reason_ru          TEXT NOT NULL
)
-- +statement
CREATE INDEX surname_changes_iin ON {surname_changes} (iin, changed_on)
-- +statement
CREATE TABLE {registrations} (
    iin                      TEXT NOT NULL,
    address                  TEXT NOT NULL,
    region_kato              TEXT NOT NULL,
    registered_from          DATE NOT NULL,
    -- NULL for the current registration
    registered_to            DATE,
    deregistration_reason_ru TEXT NOT NULL DEFAULT ''
)
-- +statement
CREATE INDEX registrations_iin ON {registrations} (iin, registered_from)
