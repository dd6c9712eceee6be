-- ЕРДР only. International requests for legal assistance in criminal
-- matters accepted for execution (seed 000 §22 part 2), by the cover letter
-- of the authorized body; they have no case (§5 exception).
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
