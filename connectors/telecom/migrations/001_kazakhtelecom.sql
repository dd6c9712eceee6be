-- БД "Казахтелеком": fixed-line (and internet, IPTV) contracts with the
-- subscriber, the number and the installation address.
CREATE TABLE {subscriptions} (
    contract_number TEXT PRIMARY KEY,
    -- E.164, e.g. +77272501234; one number passes from contract to contract
    phone_number    TEXT NOT NULL,
    -- person (IIN) or legal entity (BIN)
    subscriber_id   TEXT NOT NULL,
    subscriber_kind TEXT NOT NULL,
    subscriber_name TEXT NOT NULL,
    address         TEXT NOT NULL,
    region_kato     TEXT NOT NULL,
    contract_date   DATE NOT NULL,
    terminated_on   DATE,
    status          TEXT NOT NULL,
    -- comma-separated: PHONE, INTERNET, IPTV
    services        TEXT NOT NULL,
    internet_tariff TEXT,
    branch          TEXT NOT NULL
)
-- +statement
CREATE INDEX subscriptions_subscriber_id ON {subscriptions} (subscriber_id)
-- +statement
CREATE INDEX subscriptions_phone_number ON {subscriptions} (phone_number)
