-- База данных "Сведения о монополистах": the registers of natural
-- monopolies and of market entities holding a dominant position.
CREATE TABLE {monopolists} (
    register_number      TEXT PRIMARY KEY,
    bin                  TEXT NOT NULL,
    register             TEXT NOT NULL,
    sphere_ru            TEXT NOT NULL,
    region_kato          TEXT NOT NULL,
    included_at          DATE NOT NULL,
    excluded_at          DATE,
    -- dominant position only
    market_share_percent DOUBLE PRECISION,
    authority_ru         TEXT NOT NULL
)
-- +statement
CREATE INDEX monopolists_bin ON {monopolists} (bin)
