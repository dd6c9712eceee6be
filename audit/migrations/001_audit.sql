-- The Log-journal: append-only, hash-chained records of every request.
-- Times are microseconds since the Unix epoch, UTC.
CREATE TABLE {records} (
    seq            BIGINT PRIMARY KEY,
    at_us          BIGINT NOT NULL,
    kind           TEXT NOT NULL,
    request_id     TEXT NOT NULL DEFAULT '',
    user_iin       TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT '',
    agency         TEXT NOT NULL DEFAULT '',
    auth_via       TEXT NOT NULL DEFAULT '',
    basis          TEXT NOT NULL DEFAULT '',
    case_number    TEXT NOT NULL DEFAULT '',
    justification  TEXT NOT NULL DEFAULT '',
    operation      TEXT NOT NULL DEFAULT '',
    -- JSON arrays
    services       TEXT NOT NULL DEFAULT '[]',
    subjects       TEXT NOT NULL DEFAULT '[]',
    denials        TEXT NOT NULL DEFAULT '[]',
    error_codes    TEXT NOT NULL DEFAULT '[]',
    -- gzip-compressed request and response, with SHA-256 of the raw bytes
-- postgres:    request        BYTEA,
-- sqlite:    request        BLOB,
    request_digest TEXT NOT NULL DEFAULT '',
-- postgres:    result         BYTEA,
-- sqlite:    result         BLOB,
    result_digest  TEXT NOT NULL DEFAULT '',
    signature      TEXT NOT NULL DEFAULT '',
    duration_us    BIGINT NOT NULL DEFAULT 0,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
)
-- +statement
CREATE INDEX records_at ON {records} (at_us)
-- +statement
CREATE INDEX records_user ON {records} (user_iin, at_us)
-- +statement
CREATE INDEX records_agency ON {records} (agency, at_us)
-- +statement
-- The chain head: the last record's seq and hash, updated in the same
-- transaction as every batch (and locked by it on PostgreSQL, so several
-- gateways append to one chain in turn).
CREATE TABLE {head} (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
)
-- +statement
INSERT INTO {head} (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
-- +statement
-- Signed checkpoints of the chain head (Ed25519 over "seq:hash").
CREATE TABLE {checkpoints} (
    seq       BIGINT PRIMARY KEY,
    hash      TEXT NOT NULL,
    at_us     BIGINT NOT NULL,
    key_id    TEXT NOT NULL,
    signature TEXT NOT NULL
)
-- +statement
-- Closed periods exported to archive files (records up to last_seq may
-- then be pruned from the live log, and only they).
CREATE TABLE {archives} (
    last_seq        BIGINT PRIMARY KEY,
    first_seq       BIGINT NOT NULL,
    first_prev_hash TEXT NOT NULL,
    last_hash       TEXT NOT NULL,
    file            TEXT NOT NULL,
    file_digest     TEXT NOT NULL,
    at_us           BIGINT NOT NULL
)
