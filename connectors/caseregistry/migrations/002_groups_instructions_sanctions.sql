-- Investigative groups (следственно-оперативные группы, seed 000 §21): a
-- case is in the caseload of every member of its group.
CREATE TABLE {investigative_groups} (
    id        BIGINT NOT NULL PRIMARY KEY,
    registry  TEXT NOT NULL,
    number    TEXT NOT NULL,
    head_iin  TEXT NOT NULL,
    formed_at DATE NOT NULL,
    FOREIGN KEY (registry, number) REFERENCES {cases} (registry, number)
)
-- +statement
CREATE INDEX investigative_groups_case ON {investigative_groups} (registry, number)
-- +statement
CREATE TABLE {group_members} (
    group_id BIGINT NOT NULL REFERENCES {investigative_groups} (id),
    iin      TEXT NOT NULL,
    PRIMARY KEY (group_id, iin)
)
-- +statement
CREATE INDEX group_members_iin ON {group_members} (iin)
-- +statement
-- Investigative and prosecutor's instructions on a case (seed 000 §22 part
-- 1), by outgoing number: the case is in the executor's caseload while the
-- instruction is open and not overdue.
CREATE TABLE {instructions} (
    registry     TEXT NOT NULL,
    case_number  TEXT NOT NULL,
    number       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    issuer_iin   TEXT NOT NULL,
    issuing_body TEXT NOT NULL,
    executor_iin TEXT NOT NULL,
    issued_at    DATE NOT NULL,
    due_at       DATE NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (registry, case_number, number),
    FOREIGN KEY (registry, case_number) REFERENCES {cases} (registry, number)
)
-- +statement
CREATE INDEX instructions_executor ON {instructions} (executor_iin)
-- +statement
-- International requests for legal assistance in criminal matters accepted
-- for execution (seed 000 §22 part 2), by the cover letter of the
-- authorized body; no ЕРДР case.
CREATE TABLE {legal_assistance} (
    cover_letter_number TEXT NOT NULL PRIMARY KEY,
    number              TEXT NOT NULL,
    requesting_body     TEXT NOT NULL,
    country             TEXT NOT NULL,
    authorized_body     TEXT NOT NULL,
    executor_iin        TEXT NOT NULL,
    article             TEXT NOT NULL,
    received_at         DATE NOT NULL,
    due_at              DATE NOT NULL,
    status              TEXT NOT NULL
)
-- +statement
CREATE INDEX legal_assistance_executor ON {legal_assistance} (executor_iin)
-- +statement
-- Electronic court sanctions registered in ЕАИАС СО РК (seed 000 §28).
CREATE TABLE {court_sanctions} (
    number      TEXT NOT NULL PRIMARY KEY,
    registry    TEXT NOT NULL,
    case_number TEXT NOT NULL,
    court       TEXT NOT NULL,
    judge       TEXT NOT NULL,
    measure     TEXT NOT NULL,
    granted_at  DATE NOT NULL,
    valid_from  DATE NOT NULL,
    valid_until DATE NOT NULL,
    status      TEXT NOT NULL,
    FOREIGN KEY (registry, case_number) REFERENCES {cases} (registry, number)
)
-- +statement
CREATE INDEX court_sanctions_case ON {court_sanctions} (registry, case_number)
