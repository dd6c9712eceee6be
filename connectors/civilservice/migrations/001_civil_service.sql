-- The register of civil servants (Агентство по делам государственной
-- службы): posts persons held in state bodies, with the category of the
-- post and the appointment and dismissal.
CREATE TABLE {records} (
    id                  BIGINT PRIMARY KEY,
    iin                 TEXT NOT NULL,
    state_body_bin      TEXT NOT NULL,
    state_body_ru       TEXT NOT NULL,
    region_kato         TEXT NOT NULL,
    position_ru         TEXT NOT NULL,
    category            TEXT NOT NULL,
    corps               TEXT NOT NULL,
    start_date          DATE NOT NULL,
    end_date            DATE,
    dismissal_ground_ru TEXT,
    order_number        TEXT NOT NULL
)
-- +statement
CREATE INDEX records_iin ON {records} (iin)
-- +statement
CREATE INDEX records_state_body_bin ON {records} (state_body_bin)
