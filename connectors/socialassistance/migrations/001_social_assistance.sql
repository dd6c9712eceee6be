-- База данных "Социальная помощь": assignments of state benefits and of
-- targeted social assistance (АСП) with the amount, period and assigning
-- department.
CREATE TABLE {benefits} (
    id              BIGINT PRIMARY KEY,
    iin             TEXT NOT NULL,
    kind            TEXT NOT NULL,
    kind_ru         TEXT NOT NULL,
    -- the child (or disabled child) the benefit is paid for
    for_iin         TEXT,
    lump_sum        BOOLEAN NOT NULL,
    -- monthly amount, or the lump sum
    amount_tiyn     BIGINT NOT NULL,
    start_date      DATE NOT NULL,
    end_date        DATE,
    status          TEXT NOT NULL,
    decision_number TEXT NOT NULL,
    department      TEXT NOT NULL,
    region_kato     TEXT NOT NULL
)
-- +statement
CREATE INDEX benefits_iin ON {benefits} (iin)
