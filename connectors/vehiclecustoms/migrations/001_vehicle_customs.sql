-- База данных "Сведения по декларациям на транспортное средство": customs
-- declarations under which vehicles were imported and released, with the
-- declarant, the vehicle, its origin and the payments.
CREATE TABLE {declarations} (
    number              TEXT PRIMARY KEY,
    declared_at         DATE NOT NULL,
    customs_post_ru     TEXT NOT NULL,
    -- person (IIN) or legal entity (BIN)
    declarant_id        TEXT NOT NULL,
    declarant_kind      TEXT NOT NULL,
    vin                 TEXT NOT NULL,
    make                TEXT NOT NULL,
    model               TEXT NOT NULL,
    year                INTEGER NOT NULL,
    engine_cc           INTEGER NOT NULL,
    origin_country_ru   TEXT NOT NULL,
    dispatch_country_ru TEXT NOT NULL,
    customs_value_tiyn  BIGINT NOT NULL,
    duty_tiyn           BIGINT NOT NULL,
    vat_tiyn            BIGINT NOT NULL,
    excise_tiyn         BIGINT NOT NULL,
    fee_tiyn            BIGINT NOT NULL
)
-- +statement
CREATE INDEX declarations_vin ON {declarations} (vin)
