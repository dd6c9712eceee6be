-- База данных "Участников внешнеэкономической деятельности": exporters and
-- importers registered with the customs authority, and their declarations
-- on goods (main goods line).
CREATE TABLE {participants} (
    bin               TEXT PRIMARY KEY,
    role              TEXT NOT NULL,
    registered_at     DATE NOT NULL,
    customs_office_ru TEXT NOT NULL,
    region_kato       TEXT NOT NULL
)
-- +statement
CREATE TABLE {declarations} (
    number             TEXT PRIMARY KEY,
    declarant_bin      TEXT NOT NULL REFERENCES {participants} (bin),
    direction          TEXT NOT NULL,
    procedure_ru       TEXT NOT NULL,
    customs_post_ru    TEXT NOT NULL,
    registered_at      DATE NOT NULL,
    hs_code            TEXT NOT NULL,
    goods_ru           TEXT NOT NULL,
    net_kg             DOUBLE PRECISION NOT NULL,
    country_code       TEXT NOT NULL,
    country_ru         TEXT NOT NULL,
    partner_ru         TEXT NOT NULL,
    customs_value_tiyn BIGINT NOT NULL,
    duties_tiyn        BIGINT NOT NULL
)
-- +statement
CREATE INDEX declarations_declarant_bin ON {declarations} (declarant_bin)
