-- Поиск адресов и контактных телефонов: phone numbers and addresses of
-- persons and legal entities, by source, with dates.
CREATE TABLE {phones} (
    id          BIGINT PRIMARY KEY,
    -- E.164, "+77011234567"
    phone       TEXT NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id    TEXT NOT NULL,
    owner_kind  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    operator_ru TEXT NOT NULL,
    source_ru   TEXT NOT NULL,
    since       DATE NOT NULL,
    until       DATE
)
-- +statement
CREATE INDEX phones_owner ON {phones} (owner_id)
-- +statement
CREATE INDEX phones_phone ON {phones} (phone)
-- +statement
CREATE TABLE {addresses} (
    id          BIGINT PRIMARY KEY,
    owner_id    TEXT NOT NULL,
    owner_kind  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    address     TEXT NOT NULL,
    region_kato TEXT NOT NULL,
    source_ru   TEXT NOT NULL,
    since       DATE NOT NULL,
    until       DATE,
    -- search keys (see AddressKey): the whole address, and its part from
    -- the street on; compared byte-wise as prefix ranges
    key_full    TEXT NOT NULL,
    key_street  TEXT NOT NULL
)
-- +statement
CREATE INDEX addresses_owner ON {addresses} (owner_id)
-- +statement
-- postgres: CREATE INDEX addresses_key_full ON {addresses} (key_full COLLATE "C")
-- sqlite: CREATE INDEX addresses_key_full ON {addresses} (key_full)
-- +statement
-- postgres: CREATE INDEX addresses_key_street ON {addresses} (key_street COLLATE "C")
-- sqlite: CREATE INDEX addresses_key_street ON {addresses} (key_street)
