-- The register of restrictions: bans and encumbrances on real estate, land
-- plots, legal entities and persons' participation in legal entities,
-- imposed and lifted by investigators and bailiffs (write services 57, 58,
-- 59, 65). Times are UTC (SQLite: text "YYYY-MM-DD HH:MM:SS.ffffff+00:00",
-- which sorts chronologically).
CREATE TABLE {restrictions} (
    id            TEXT PRIMARY KEY,
    type          TEXT NOT NULL,
    measure_ru    TEXT NOT NULL,
    -- cadastral number, BIN or IIN of the object
    object_id     TEXT NOT NULL,
    status        TEXT NOT NULL,
    authority_ru  TEXT NOT NULL,
    basis         TEXT NOT NULL,
    case_registry TEXT NOT NULL,
    case_number   TEXT NOT NULL,
    reason        TEXT NOT NULL,
-- postgres:    imposed_at TIMESTAMPTZ NOT NULL,
-- sqlite:    imposed_at TIMESTAMP NOT NULL,
-- postgres:    lifted_at TIMESTAMPTZ
-- sqlite:    lifted_at TIMESTAMP
)
-- +statement
CREATE INDEX restrictions_type_object ON {restrictions} (type, object_id)
-- +statement
-- Every change of a restriction (imposition, lifting): who, when, under
-- which basis and case, why. Changes made through SIO carry the official's
-- IIN, the client's idempotency key and a digest of the request.
CREATE TABLE {restriction_changes} (
    restriction_id  TEXT NOT NULL REFERENCES {restrictions} (id),
    seq             INTEGER NOT NULL,
    action          TEXT NOT NULL,
-- postgres:    at TIMESTAMPTZ NOT NULL,
-- sqlite:    at TIMESTAMP NOT NULL,
    official_iin    TEXT,
    official_role   TEXT NOT NULL,
    official_agency TEXT NOT NULL,
    basis           TEXT NOT NULL,
    case_registry   TEXT NOT NULL,
    case_number     TEXT NOT NULL,
    reason          TEXT NOT NULL,
    recorded_via    TEXT NOT NULL,
    client_key      TEXT,
    request_digest  TEXT,
    PRIMARY KEY (restriction_id, seq)
)
-- +statement
CREATE UNIQUE INDEX restriction_changes_client_key ON {restriction_changes} (official_iin, client_key)
-- +statement
-- Serial numbers of the records created through SIO. Taking the next one is
-- the first write of every change: it serialises the changes of the
-- register, so an idempotency key is checked and recorded atomically.
CREATE TABLE {serials} (
    name TEXT PRIMARY KEY,
    n    BIGINT NOT NULL
)
-- +statement
INSERT INTO {serials} (name, n) VALUES ('sio', 0)
