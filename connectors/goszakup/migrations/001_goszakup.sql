-- База данных "Электронные государственные закупки": lots and the contracts
-- concluded on them.
CREATE TABLE {contracts} (
    contract_number     TEXT PRIMARY KEY,
    announcement_number TEXT NOT NULL,
    lot_number          TEXT NOT NULL,
    method              TEXT NOT NULL,
    item_kind           TEXT NOT NULL,
    item_ru             TEXT NOT NULL,
    customer_bin        TEXT NOT NULL,
    customer_name_ru    TEXT NOT NULL,
    -- legal entity (BIN) or individual entrepreneur (IIN)
    supplier_id         TEXT NOT NULL,
    supplier_kind       TEXT NOT NULL,
    planned_tiyn        BIGINT NOT NULL,
    amount_tiyn         BIGINT NOT NULL,
    announced_at        DATE NOT NULL,
    signed_at           DATE NOT NULL,
    due_at              DATE NOT NULL,
    status              TEXT NOT NULL,
    region_kato         TEXT NOT NULL
)
-- +statement
CREATE INDEX contracts_supplier_id ON {contracts} (supplier_id)
-- +statement
-- Реестр недобросовестных участников государственных закупок: the supplier
-- and its head and founders, one row each.
CREATE TABLE {unfair_participants} (
    record_id         BIGINT PRIMARY KEY,
    subject_id        TEXT NOT NULL,
    subject_kind      TEXT NOT NULL,
    role              TEXT NOT NULL,
    supplier_bin      TEXT NOT NULL,
    contract_number   TEXT NOT NULL REFERENCES {contracts} (contract_number),
    customer_name_ru  TEXT NOT NULL,
    court_decision_ru TEXT NOT NULL,
    decision_date     DATE NOT NULL,
    included_at       DATE NOT NULL,
    expires_at        DATE NOT NULL,
    term_months       INTEGER NOT NULL,
    in_register       BOOLEAN NOT NULL
)
-- +statement
CREATE INDEX unfair_participants_subject_id ON {unfair_participants} (subject_id)
