-- ЕАИАС only. Electronic court sanctions (seed 000 §28), by their ЕАИАС
-- number. The case they are granted on is in another registry's database
-- (a criminal case of ЕРДР): registry and case_number name it, with no
-- foreign key across databases (caseregistry.Registries.Load checks it).
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
    status      TEXT NOT NULL
)
-- +statement
CREATE INDEX court_sanctions_case ON {court_sanctions} (case_number)
