-- The cases of one case registry (ЕРДР, АИС СУ, АИС ОИП, ЕАИАС or the
-- register of operational-accounting cases: each is its own store) and the
-- caseload of its officials. A number is unique within its registry.
CREATE TABLE {cases} (
    number    TEXT NOT NULL PRIMARY KEY,
    basis     TEXT NOT NULL,
    article   TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL,
    opened_at DATE NOT NULL,
    court     TEXT NOT NULL DEFAULT '',
    -- case year where the registry numbers by year (ЕАИАС), else 0
    year      INTEGER NOT NULL DEFAULT 0
)
-- +statement
-- Caseload: the officials (IIN) assigned to a case.
CREATE TABLE {case_assignments} (
    number TEXT NOT NULL REFERENCES {cases} (number),
    iin    TEXT NOT NULL,
    PRIMARY KEY (number, iin)
)
-- +statement
CREATE INDEX case_assignments_iin ON {case_assignments} (iin)
-- +statement
-- Investigative groups (следственно-оперативные группы, seed 000 §21): a
-- case is in the caseload of every member of its group.
CREATE TABLE {investigative_groups} (
    id        BIGINT NOT NULL PRIMARY KEY,
    number    TEXT NOT NULL REFERENCES {cases} (number),
    head_iin  TEXT NOT NULL,
    formed_at DATE NOT NULL
)
-- +statement
CREATE INDEX investigative_groups_case ON {investigative_groups} (number)
-- +statement
CREATE TABLE {group_members} (
    group_id BIGINT NOT NULL REFERENCES {investigative_groups} (id),
    iin      TEXT NOT NULL,
    PRIMARY KEY (group_id, iin)
)
-- +statement
CREATE INDEX group_members_iin ON {group_members} (iin)
