-- ГБД ФЛ: state database of individuals.
CREATE TABLE {persons} (
    iin             TEXT PRIMARY KEY,
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    middle_name     TEXT NOT NULL DEFAULT '',
    birth_date      DATE NOT NULL,
    gender          TEXT NOT NULL,
    nationality     TEXT NOT NULL DEFAULT '',
    citizenship     TEXT NOT NULL DEFAULT 'KZ',
    birth_place     TEXT NOT NULL DEFAULT '',
    region_kato     TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    document_number TEXT NOT NULL DEFAULT '',
    death_date      DATE,
    -- upper-cased full name for case-insensitive search (Kazakh letters included)
    name_key        TEXT NOT NULL DEFAULT ''
)
-- +statement
CREATE INDEX persons_name_key ON {persons} (name_key, birth_date)
