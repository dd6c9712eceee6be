-- "Контроль процедуры выдворения иностранных граждан": decisions to expel
-- foreign citizens and their execution.
CREATE TABLE {expulsions} (
    -- the court case of the decision
    decision_number  TEXT PRIMARY KEY,
    person_iin       TEXT NOT NULL,
    citizenship      TEXT NOT NULL,
    ground           TEXT NOT NULL,
    ground_ru        TEXT NOT NULL,
    decided_by       TEXT NOT NULL,
    region_kato      TEXT NOT NULL,
    decision_date    DATE NOT NULL,
    deadline         DATE NOT NULL,
    status           TEXT NOT NULL,
    executed_at      DATE,
    checkpoint       TEXT,
    entry_ban_until  DATE
)
-- +statement
CREATE INDEX expulsions_person ON {expulsions} (person_iin)
