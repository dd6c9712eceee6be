-- БД "Сведения по пассажирским таможенным декларациям": passenger customs
-- declarations filed at the border, and their lines (goods, cash).
CREATE TABLE {declarations} (
    number            TEXT PRIMARY KEY,
    iin               TEXT NOT NULL,
-- postgres:    declared_at TIMESTAMPTZ NOT NULL,
-- sqlite:    declared_at TIMESTAMP NOT NULL,
    direction         TEXT NOT NULL,
    customs_post_code TEXT NOT NULL,
    customs_post_ru   TEXT NOT NULL,
    checkpoint_code   TEXT NOT NULL,
    checkpoint_ru     TEXT NOT NULL,
    checkpoint_kind   TEXT NOT NULL,
    region_kato       TEXT NOT NULL,
    country_code      TEXT NOT NULL,
    transport         TEXT NOT NULL,
    flight_number     TEXT,
    train_number      TEXT,
    vehicle_plate     TEXT,
    vehicle_vin       TEXT,
    -- amounts in tiyn
    total_value_tiyn  BIGINT NOT NULL,
    duty_tiyn         BIGINT NOT NULL,
    decision_ru       TEXT NOT NULL
)
-- +statement
CREATE INDEX declarations_iin ON {declarations} (iin, declared_at)
-- +statement
CREATE TABLE {declaration_items} (
    declaration_number TEXT NOT NULL REFERENCES {declarations} (number),
    line               INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    description_ru     TEXT NOT NULL,
    hs_code            TEXT NOT NULL DEFAULT '',
    quantity           DOUBLE PRECISION NOT NULL,
    unit_ru            TEXT NOT NULL,
    weight_kg          DOUBLE PRECISION NOT NULL,
    value_tiyn         BIGINT NOT NULL,
    -- cash: ISO 4217 currency and amount in its minor units
    currency           TEXT,
    currency_minor     BIGINT,
    PRIMARY KEY (declaration_number, line)
)
