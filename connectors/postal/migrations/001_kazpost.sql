-- Почтовые отправления (АО «Казпочта»): tracked items with their S10
-- number, sender, recipient, offices, weight and state of delivery.
CREATE TABLE {items} (
    tracking_number    TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    kind_ru            TEXT NOT NULL,
    -- IIN or BIN when the party is in the registers, else NULL (a sender
    -- abroad, a state body)
    sender_id          TEXT,
    sender_kind        TEXT,
    sender_name        TEXT NOT NULL,
    sender_address     TEXT NOT NULL,
    recipient_id       TEXT,
    recipient_kind     TEXT,
    recipient_name     TEXT NOT NULL,
    recipient_address  TEXT NOT NULL,
    -- postcode of the office, or the foreign office of exchange (CNSZXA)
    origin_index       TEXT NOT NULL,
    origin_office      TEXT NOT NULL,
    destination_index  TEXT NOT NULL,
    destination_office TEXT NOT NULL,
    accepted_on        DATE NOT NULL,
    delivered_on       DATE,
    weight_grams       INTEGER NOT NULL,
    status             TEXT NOT NULL
)
-- +statement
CREATE INDEX items_sender_id ON {items} (sender_id)
-- +statement
CREATE INDEX items_recipient_id ON {items} (recipient_id)
