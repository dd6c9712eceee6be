-- База данных "Железнодорожный транспорт": the state register of rolling
-- stock (freight wagons and locomotives) with owners and home stations.
CREATE TABLE {rolling_stock} (
    -- 8-digit wagon number with check digit, or locomotive series-number
    number             TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    type_ru            TEXT NOT NULL,
    model              TEXT NOT NULL,
    build_year         INTEGER NOT NULL,
    plant              TEXT NOT NULL,
    -- person (IIN) or legal entity (BIN)
    owner_id           TEXT NOT NULL,
    owner_kind         TEXT NOT NULL,
    certificate_number TEXT NOT NULL UNIQUE,
    registered_at      DATE NOT NULL,
    home_station       TEXT NOT NULL,
    region_kato        TEXT NOT NULL,
    status             TEXT NOT NULL,
    deregistered_at    DATE
)
-- +statement
CREATE INDEX rolling_stock_owner_id ON {rolling_stock} (owner_id)
