-- База данных "Сведения о контрактах на недропользование": contracts (and
-- licences) for hydrocarbons, and for solid minerals and groundwater, one
-- row per subsoil user of a contract (joint contracts have several).
CREATE TABLE {hydrocarbon_contracts} (
    number        TEXT NOT NULL,
    register      TEXT NOT NULL,
    user_bin      TEXT NOT NULL,
    share_percent DOUBLE PRECISION NOT NULL,
    operator_ru   TEXT NOT NULL,
    field_ru      TEXT NOT NULL,
    minerals_ru   TEXT NOT NULL,
    region_kato   TEXT NOT NULL,
    area_sq_km    DOUBLE PRECISION NOT NULL,
    signed_at     DATE NOT NULL,
    expires_at    DATE NOT NULL,
    stage         TEXT NOT NULL,
    authority_ru  TEXT NOT NULL,
    status        TEXT NOT NULL,
    PRIMARY KEY (number, user_bin)
)
-- +statement
CREATE INDEX hydrocarbon_contracts_user_bin ON {hydrocarbon_contracts} (user_bin)
-- +statement
CREATE TABLE {solid_mineral_contracts} (
    number        TEXT NOT NULL,
    register      TEXT NOT NULL,
    user_bin      TEXT NOT NULL,
    share_percent DOUBLE PRECISION NOT NULL,
    operator_ru   TEXT NOT NULL,
    field_ru      TEXT NOT NULL,
    minerals_ru   TEXT NOT NULL,
    region_kato   TEXT NOT NULL,
    area_sq_km    DOUBLE PRECISION NOT NULL,
    signed_at     DATE NOT NULL,
    expires_at    DATE NOT NULL,
    stage         TEXT NOT NULL,
    authority_ru  TEXT NOT NULL,
    status        TEXT NOT NULL,
    PRIMARY KEY (number, user_bin)
)
-- +statement
CREATE INDEX solid_mineral_contracts_user_bin ON {solid_mineral_contracts} (user_bin)
