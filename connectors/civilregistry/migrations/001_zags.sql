-- ЗАГС: records of civil-status acts (birth, marriage, divorce, death).
CREATE TABLE {civil_acts} (
-- postgres:    id BIGINT PRIMARY KEY,
-- sqlite:    id INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    number          TEXT NOT NULL,
    act_date        DATE NOT NULL,
    registry_office TEXT NOT NULL DEFAULT '',
    region_kato     TEXT NOT NULL DEFAULT ''
)
-- +statement
-- The persons named in an act with their role (CHILD, MOTHER, FATHER,
-- SPOUSE, DECEASED). The primary key also serves lookups by act_id.
CREATE TABLE {civil_act_parties} (
    act_id BIGINT NOT NULL REFERENCES {civil_acts} (id),
    role   TEXT NOT NULL,
    iin    TEXT NOT NULL,
    PRIMARY KEY (act_id, role, iin)
)
-- +statement
CREATE INDEX civil_act_parties_iin ON {civil_act_parties} (iin)
