-- Сведения о налоговой задолженности: arrears per taxpayer, tax office and
-- budget classification code (КБК). Amounts in tiyn (1/100 tenge).
CREATE TABLE {tax_debts} (
-- postgres:    record_id BIGINT PRIMARY KEY,
-- sqlite:    record_id INTEGER PRIMARY KEY,
    taxpayer_id     TEXT NOT NULL,
    tax_office_code TEXT NOT NULL,
    kbk             TEXT NOT NULL,
    kbk_name_ru     TEXT NOT NULL DEFAULT '',
    principal_tiyn  BIGINT NOT NULL DEFAULT 0,
    penalty_tiyn    BIGINT NOT NULL DEFAULT 0,
    fine_tiyn       BIGINT NOT NULL DEFAULT 0,
    as_of           DATE NOT NULL
)
-- +statement
CREATE INDEX tax_debts_taxpayer_id ON {tax_debts} (taxpayer_id)
