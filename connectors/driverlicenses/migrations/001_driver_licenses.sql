-- База данных "Водительское удостоверение": driving licences with their
-- categories, validity and court deprivations of the right to drive.
CREATE TABLE {driver_licenses} (
    number              TEXT PRIMARY KEY,
    holder_iin          TEXT NOT NULL,
    -- as printed, comma-separated: "B, BE, C"
    categories          TEXT NOT NULL,
    issued_at           DATE NOT NULL,
    expires_at          DATE NOT NULL,
    issued_by           TEXT NOT NULL,
    region_kato         TEXT NOT NULL,
    status              TEXT NOT NULL,
    deprived_from       DATE,
    deprived_until      DATE,
    deprivation_court   TEXT NOT NULL DEFAULT '',
    deprivation_article TEXT NOT NULL DEFAULT ''
)
-- +statement
CREATE INDEX driver_licenses_holder_iin ON {driver_licenses} (holder_iin)
