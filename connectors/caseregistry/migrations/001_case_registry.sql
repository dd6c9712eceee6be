-- Case registries ЕРДР (ERDR), АИС СУ (AIS_SU), АИС ОИП (AIS_OIP) and ЕАИАС
-- (EAIAS): cases, proceedings and instructions that serve as legal bases.
CREATE TABLE {cases} (
    registry  TEXT NOT NULL,
    number    TEXT NOT NULL,
    basis     TEXT NOT NULL,
    article   TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL,
    opened_at DATE NOT NULL,
    court     TEXT NOT NULL DEFAULT '',
    -- case year where the registry numbers by year (ЕАИАС), else 0
    year      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (registry, number)
)
-- +statement
-- Caseload: the officials (IIN) assigned to a case; an investigative group
-- is several officials on one case.
CREATE TABLE {case_assignments} (
    registry TEXT NOT NULL,
    number   TEXT NOT NULL,
    iin      TEXT NOT NULL,
    PRIMARY KEY (registry, number, iin),
    FOREIGN KEY (registry, number) REFERENCES {cases} (registry, number)
)
-- +statement
CREATE INDEX case_assignments_iin ON {case_assignments} (iin)
