-- База данных "Нарушения правил дорожного движения": administrative
-- offences of КоАП РК chapter 29 recorded by cameras and patrols, with the
-- vehicle, the driver or liable owner and the fine.
CREATE TABLE {violations} (
    number         TEXT PRIMARY KEY,
    article        TEXT NOT NULL,
    description_ru TEXT NOT NULL,
-- postgres:    occurred_at TIMESTAMPTZ NOT NULL,
-- sqlite:    occurred_at TIMESTAMP NOT NULL,
    place_ru       TEXT NOT NULL,
    region_kato    TEXT NOT NULL,
    vin            TEXT NOT NULL,
    plate          TEXT NOT NULL,
    driver_iin     TEXT,
    -- person (IIN) or legal entity (BIN) held liable
    offender_id    TEXT NOT NULL,
    offender_kind  TEXT NOT NULL,
    source         TEXT NOT NULL,
    recorded_by    TEXT NOT NULL,
    fine_mrp       INTEGER NOT NULL,
    fine_tiyn      BIGINT NOT NULL,
    paid_tiyn      BIGINT NOT NULL,
    fine_status    TEXT NOT NULL,
    paid_at        DATE,
    sanction_ru    TEXT NOT NULL
)
-- +statement
CREATE INDEX violations_vin ON {violations} (vin)
-- +statement
CREATE INDEX violations_plate ON {violations} (plate)
-- +statement
CREATE INDEX violations_driver_iin ON {violations} (driver_iin)
-- +statement
CREATE INDEX violations_offender_id ON {violations} (offender_id)
