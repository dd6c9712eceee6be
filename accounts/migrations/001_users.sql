-- SIO's own registry of officials allowed to use the gateway.
CREATE TABLE {users} (
    iin         TEXT PRIMARY KEY,
    full_name   TEXT NOT NULL,
    role_code   TEXT NOT NULL,
    agency_code TEXT NOT NULL,
    position    TEXT NOT NULL DEFAULT '',
-- postgres:    blocked BOOLEAN NOT NULL DEFAULT FALSE,
-- sqlite:    blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    -- when the official signed the confidentiality agreement; NULL if not yet
    -- (SQLite: RFC 3339 text in UTC, which sorts chronologically)
-- postgres:    agreement_signed_at TIMESTAMPTZ
-- sqlite:    agreement_signed_at TEXT
)
