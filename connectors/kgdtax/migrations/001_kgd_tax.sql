-- Tax-administration data of the state revenue committee (КГД): cross
-- audits, VAT payers, tax returns (СОНО), counterparties from electronic
-- invoices (ЭСФ) and budget receipts. Amounts are in tiyn.
CREATE TABLE {cross_audits} (
    number            TEXT PRIMARY KEY,
    audited_id        TEXT NOT NULL,
    audited_kind      TEXT NOT NULL,
    counterparty_id   TEXT NOT NULL,
    counterparty_kind TEXT NOT NULL,
    period_from       DATE NOT NULL,
    period_to         DATE NOT NULL,
    period_ru         TEXT NOT NULL,
    initiator_code    TEXT NOT NULL,
    initiator_ru      TEXT NOT NULL,
    executor_code     TEXT NOT NULL,
    executor_ru       TEXT NOT NULL,
    requested_at      DATE NOT NULL,
    completed_at      DATE,
    turnover_tiyn     BIGINT NOT NULL,
    discrepancy_tiyn  BIGINT NOT NULL,
    result            TEXT NOT NULL
)
-- +statement
CREATE INDEX cross_audits_audited_id ON {cross_audits} (audited_id)
-- +statement
CREATE INDEX cross_audits_counterparty_id ON {cross_audits} (counterparty_id)
-- +statement
CREATE TABLE {vat_registrations} (
    taxpayer_id              TEXT NOT NULL,
    certificate_series       TEXT NOT NULL,
    certificate_number       TEXT NOT NULL,
    registered_at            DATE NOT NULL,
    reason_ru                TEXT NOT NULL,
    deregistered_at          DATE,
    deregistration_reason_ru TEXT,
    tax_office_code          TEXT NOT NULL,
    tax_office_ru            TEXT NOT NULL,
    PRIMARY KEY (certificate_series, certificate_number)
)
-- +statement
CREATE INDEX vat_registrations_taxpayer_id ON {vat_registrations} (taxpayer_id)
-- +statement
CREATE TABLE {tax_returns} (
    registration_number TEXT PRIMARY KEY,
    taxpayer_id         TEXT NOT NULL,
    form_code           TEXT NOT NULL,
    form_name_ru        TEXT NOT NULL,
    period_from         DATE NOT NULL,
    period_to           DATE NOT NULL,
    period_ru           TEXT NOT NULL,
    kind                TEXT NOT NULL,
    filed_at            DATE NOT NULL,
    tax_office_code     TEXT NOT NULL,
    tax_office_ru       TEXT NOT NULL,
    income_tiyn         BIGINT NOT NULL,
    tax_tiyn            BIGINT NOT NULL
)
-- +statement
CREATE INDEX tax_returns_taxpayer_id ON {tax_returns} (taxpayer_id)
-- +statement
-- Электронные счета-фактуры summed per seller, buyer and quarter.
CREATE TABLE {invoices} (
    seller_id     TEXT NOT NULL,
    seller_kind   TEXT NOT NULL,
    buyer_id      TEXT NOT NULL,
    buyer_kind    TEXT NOT NULL,
    period_from   DATE NOT NULL,
    period_to     DATE NOT NULL,
    period_ru     TEXT NOT NULL,
    invoices      INTEGER NOT NULL,
    turnover_tiyn BIGINT NOT NULL,
    vat_tiyn      BIGINT NOT NULL,
    PRIMARY KEY (seller_id, buyer_id, period_from)
)
-- +statement
CREATE INDEX invoices_buyer_id ON {invoices} (buyer_id)
-- +statement
CREATE TABLE {budget_payments} (
    payment_id      BIGINT PRIMARY KEY,
    taxpayer_id     TEXT NOT NULL,
    kbk             TEXT NOT NULL,
    kbk_name_ru     TEXT NOT NULL,
    amount_tiyn     BIGINT NOT NULL,
    paid_at         DATE NOT NULL,
    tax_office_code TEXT NOT NULL,
    tax_office_ru   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    bank_ru         TEXT NOT NULL
)
-- +statement
CREATE INDEX budget_payments_taxpayer_id ON {budget_payments} (taxpayer_id)
-- +statement
-- Lookups by certificate take "series number".
CREATE INDEX vat_registrations_certificate ON {vat_registrations} ((certificate_series || ' ' || certificate_number))
