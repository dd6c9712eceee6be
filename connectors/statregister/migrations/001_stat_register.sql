-- База данных "Единая унифицированная статистическая система": the
-- statistical business register (one unit per legal entity).
CREATE TABLE {stat_units} (
    bin              TEXT PRIMARY KEY,
    kato             TEXT NOT NULL,
    locality_ru      TEXT NOT NULL,
    oked             TEXT NOT NULL,
    oked_name_ru     TEXT NOT NULL,
    krp              TEXT NOT NULL,
    krp_name_ru      TEXT NOT NULL,
    size             TEXT NOT NULL,
    employees        INTEGER NOT NULL,
    ownership_ru     TEXT NOT NULL,
    activity         TEXT NOT NULL,
    last_report_form TEXT,
    last_report_date DATE,
    updated_at       DATE NOT NULL
)
