-- База данных "Инвалидность": decisions of medical and social expertise
-- (МСЭ): the group, its cause, the date established and the re-examination
-- date (NULL: established indefinitely).
CREATE TABLE {disabilities} (
    id                 BIGINT PRIMARY KEY,
    iin                TEXT NOT NULL,
    disability_group   TEXT NOT NULL,
    group_ru           TEXT NOT NULL,
    cause_ru           TEXT NOT NULL,
    status             TEXT NOT NULL,
    -- degree of loss of professional working capacity, percent
    work_capacity_loss INTEGER,
    certificate_number TEXT NOT NULL,
    established_on     DATE NOT NULL,
    reexamination_on   DATE,
    ceased_on          DATE,
    department         TEXT NOT NULL,
    region_kato        TEXT NOT NULL
)
-- +statement
CREATE INDEX disabilities_iin ON {disabilities} (iin)
