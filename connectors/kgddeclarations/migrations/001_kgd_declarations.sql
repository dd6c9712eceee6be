-- КГД declarations on excisable goods, a table per service. A row is one
-- product line of a declaration with the declaration's header; volumes in
-- the line's unit (дал, т).
-- Сведения о декларации по производству и обороту этилового спирта и/или виноматериала (68)
CREATE TABLE {ethyl_alcohol_declarations} (
    number           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    declarant_bin    TEXT NOT NULL,
    form_ru          TEXT NOT NULL,
    period_from      DATE NOT NULL,
    period_to        DATE NOT NULL,
    period_ru        TEXT NOT NULL,
    filed_at         DATE NOT NULL,
    tax_office_code  TEXT NOT NULL,
    tax_office_ru    TEXT NOT NULL,
    warehouse_ru     TEXT NOT NULL,
    license_number   TEXT,
    line_no          INTEGER NOT NULL,
    product_code     TEXT NOT NULL,
    product_ru       TEXT NOT NULL,
    unit             TEXT NOT NULL,
    opening          DOUBLE PRECISION NOT NULL,
    produced         DOUBLE PRECISION NOT NULL,
    received         DOUBLE PRECISION NOT NULL,
    shipped          DOUBLE PRECISION NOT NULL,
    closing          DOUBLE PRECISION NOT NULL,
    counterparty_bin TEXT,
    PRIMARY KEY (number, line_no)
)
-- +statement
CREATE INDEX ethyl_alcohol_declarations_declarant_bin ON {ethyl_alcohol_declarations} (declarant_bin)
-- +statement
-- Сведения о декларации по производству и обороту алкогольной продукции (69)
CREATE TABLE {alcohol_production_declarations} (
    number           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    declarant_bin    TEXT NOT NULL,
    form_ru          TEXT NOT NULL,
    period_from      DATE NOT NULL,
    period_to        DATE NOT NULL,
    period_ru        TEXT NOT NULL,
    filed_at         DATE NOT NULL,
    tax_office_code  TEXT NOT NULL,
    tax_office_ru    TEXT NOT NULL,
    warehouse_ru     TEXT NOT NULL,
    license_number   TEXT,
    line_no          INTEGER NOT NULL,
    product_code     TEXT NOT NULL,
    product_ru       TEXT NOT NULL,
    unit             TEXT NOT NULL,
    opening          DOUBLE PRECISION NOT NULL,
    produced         DOUBLE PRECISION NOT NULL,
    received         DOUBLE PRECISION NOT NULL,
    shipped          DOUBLE PRECISION NOT NULL,
    closing          DOUBLE PRECISION NOT NULL,
    counterparty_bin TEXT,
    PRIMARY KEY (number, line_no)
)
-- +statement
CREATE INDEX alcohol_production_declarations_declarant_bin ON {alcohol_production_declarations} (declarant_bin)
-- +statement
-- Сведения о декларации по обороту алкогольной продукции (70)
CREATE TABLE {alcohol_turnover_declarations} (
    number           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    declarant_bin    TEXT NOT NULL,
    form_ru          TEXT NOT NULL,
    period_from      DATE NOT NULL,
    period_to        DATE NOT NULL,
    period_ru        TEXT NOT NULL,
    filed_at         DATE NOT NULL,
    tax_office_code  TEXT NOT NULL,
    tax_office_ru    TEXT NOT NULL,
    warehouse_ru     TEXT NOT NULL,
    license_number   TEXT,
    line_no          INTEGER NOT NULL,
    product_code     TEXT NOT NULL,
    product_ru       TEXT NOT NULL,
    unit             TEXT NOT NULL,
    opening          DOUBLE PRECISION NOT NULL,
    produced         DOUBLE PRECISION NOT NULL,
    received         DOUBLE PRECISION NOT NULL,
    shipped          DOUBLE PRECISION NOT NULL,
    closing          DOUBLE PRECISION NOT NULL,
    counterparty_bin TEXT,
    PRIMARY KEY (number, line_no)
)
-- +statement
CREATE INDEX alcohol_turnover_declarations_declarant_bin ON {alcohol_turnover_declarations} (declarant_bin)
-- +statement
-- Сведения о декларации по нефтепродуктам, 2-я версия формы (71)
CREATE TABLE {petroleum_declarations_v2} (
    number           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    declarant_bin    TEXT NOT NULL,
    form_ru          TEXT NOT NULL,
    period_from      DATE NOT NULL,
    period_to        DATE NOT NULL,
    period_ru        TEXT NOT NULL,
    filed_at         DATE NOT NULL,
    tax_office_code  TEXT NOT NULL,
    tax_office_ru    TEXT NOT NULL,
    warehouse_ru     TEXT NOT NULL,
    license_number   TEXT,
    line_no          INTEGER NOT NULL,
    product_code     TEXT NOT NULL,
    product_ru       TEXT NOT NULL,
    unit             TEXT NOT NULL,
    opening          DOUBLE PRECISION NOT NULL,
    produced         DOUBLE PRECISION NOT NULL,
    received         DOUBLE PRECISION NOT NULL,
    shipped          DOUBLE PRECISION NOT NULL,
    closing          DOUBLE PRECISION NOT NULL,
    counterparty_bin TEXT,
    PRIMARY KEY (number, line_no)
)
-- +statement
CREATE INDEX petroleum_declarations_v2_declarant_bin ON {petroleum_declarations_v2} (declarant_bin)
-- +statement
-- Сведения о декларации по нефтепродуктам, 3-я версия формы (72)
CREATE TABLE {petroleum_declarations_v3} (
    number           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    declarant_bin    TEXT NOT NULL,
    form_ru          TEXT NOT NULL,
    period_from      DATE NOT NULL,
    period_to        DATE NOT NULL,
    period_ru        TEXT NOT NULL,
    filed_at         DATE NOT NULL,
    tax_office_code  TEXT NOT NULL,
    tax_office_ru    TEXT NOT NULL,
    warehouse_ru     TEXT NOT NULL,
    license_number   TEXT,
    line_no          INTEGER NOT NULL,
    product_code     TEXT NOT NULL,
    product_ru       TEXT NOT NULL,
    unit             TEXT NOT NULL,
    opening          DOUBLE PRECISION NOT NULL,
    produced         DOUBLE PRECISION NOT NULL,
    received         DOUBLE PRECISION NOT NULL,
    shipped          DOUBLE PRECISION NOT NULL,
    closing          DOUBLE PRECISION NOT NULL,
    counterparty_bin TEXT,
    PRIMARY KEY (number, line_no)
)
-- +statement
CREATE INDEX petroleum_declarations_v3_declarant_bin ON {petroleum_declarations_v3} (declarant_bin)
