-- ЕРДР only. Investigative and prosecutor's instructions on a criminal case
-- of this registry (seed 000 §22 part 1), by outgoing number: the case is in
-- the executor's caseload while the instruction is open and not overdue.
CREATE TABLE {instructions} (
    case_number  TEXT NOT NULL REFERENCES {cases} (number),
    number       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    issuer_iin   TEXT NOT NULL,
    issuing_body TEXT NOT NULL,
    executor_iin TEXT NOT NULL,
    issued_at    DATE NOT NULL,
    due_at       DATE NOT NULL,
    status       TEXT NOT NULL,
    PRIMARY KEY (case_number, number)
)
-- +statement
CREATE INDEX instructions_executor ON {instructions} (executor_iin)
