-- База данных "Налогоплательщиков": the taxpayer register.
CREATE TABLE {taxpayers} (
    -- IIN of an individual or entrepreneur, BIN of a legal entity
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL,
    tax_office_code TEXT NOT NULL,
    tax_office_ru   TEXT NOT NULL DEFAULT '',
    registered_at   DATE NOT NULL,
    status          TEXT NOT NULL,
-- postgres:    vat_payer BOOLEAN NOT NULL DEFAULT FALSE
-- sqlite:    vat_payer INTEGER NOT NULL DEFAULT 0 CHECK (vat_payer IN (0, 1))
)
