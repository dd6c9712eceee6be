-- "Сведения о должниках и ответчиках": temporary restrictions on leaving
-- Kazakhstan of debtors of enforcement proceedings and of defendants of
-- civil cases.
CREATE TABLE {restrictions} (
    id                BIGINT PRIMARY KEY,
    person_iin        TEXT NOT NULL,
    kind              TEXT NOT NULL,
    -- the proceeding (DEBTOR) or court case (DEFENDANT) number
    basis_number      TEXT NOT NULL,
    amount_tiyn       BIGINT NOT NULL,
    claimant_name     TEXT NOT NULL,
    imposed_by        TEXT NOT NULL,
    restricted_from   DATE NOT NULL,
    restricted_until  DATE,
    lifted_at         DATE,
    lifted_ru         TEXT
)
-- +statement
CREATE INDEX restrictions_person ON {restrictions} (person_iin)
-- +statement
CREATE INDEX restrictions_basis ON {restrictions} (basis_number)
