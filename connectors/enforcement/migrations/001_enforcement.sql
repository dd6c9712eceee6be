-- База данных "Исполнительных производств" (АИС ОИП): proceedings against
-- debtors and the measures imposed.
CREATE TABLE {proceedings} (
    -- YY RR 7 NNNNNNN
    number           TEXT PRIMARY KEY,
    opened_at        DATE NOT NULL,
    region_kato      TEXT NOT NULL,
    -- IIN or BIN
    debtor_id        TEXT NOT NULL,
    debtor_kind      TEXT NOT NULL,
    debtor_name      TEXT NOT NULL,
    -- set when the creditor is a subject of the population
    creditor_id      TEXT,
    creditor_kind    TEXT,
    creditor_name    TEXT NOT NULL,
    claim_kind       TEXT NOT NULL,
    claim_ru         TEXT NOT NULL,
    amount_tiyn      BIGINT NOT NULL,
    recovered_tiyn   BIGINT NOT NULL,
    document_kind    TEXT NOT NULL,
    document_number  TEXT NOT NULL,
    document_issuer  TEXT NOT NULL,
    document_date    DATE NOT NULL,
    officer_kind     TEXT NOT NULL,
    officer_name     TEXT NOT NULL,
    office_ru        TEXT NOT NULL,
    status           TEXT NOT NULL,
    closed_at        DATE
)
-- +statement
CREATE INDEX proceedings_debtor ON {proceedings} (debtor_id)
-- +statement
CREATE TABLE {restrictions} (
    proceeding_number  TEXT NOT NULL REFERENCES {proceedings} (number),
    kind               TEXT NOT NULL,
    kind_ru            TEXT NOT NULL,
    -- VIN or cadastral number of an arrested object
    object_number      TEXT,
    imposed_at         DATE NOT NULL,
    lifted_at          DATE
)
-- +statement
CREATE INDEX restrictions_proceeding ON {restrictions} (proceeding_number)
