-- Прохождение технического осмотра: inspections of vehicles at technical
-- inspection centres (ЦТО) with the result, mileage and next due date.
CREATE TABLE {inspections} (
    card_number  TEXT PRIMARY KEY,
    vin          TEXT NOT NULL,
    plate        TEXT NOT NULL,
    inspected_at DATE NOT NULL,
    station      TEXT NOT NULL,
    region_kato  TEXT NOT NULL,
    result       TEXT NOT NULL,
    defects_ru   TEXT NOT NULL DEFAULT '',
    mileage_km   INTEGER NOT NULL,
    next_date    DATE NOT NULL
)
-- +statement
CREATE INDEX inspections_vin ON {inspections} (vin)
