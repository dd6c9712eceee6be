-- База данных "Судебных карточек": statistical cards (form 6) the courts
-- fill in on each defendant of a criminal case when the verdict is passed.
CREATE TABLE {court_cards} (
    card_number    TEXT PRIMARY KEY,
    form_ru        TEXT NOT NULL,
    case_number    TEXT NOT NULL,
    court_name     TEXT NOT NULL,
    region_kato    TEXT NOT NULL,
    judge_name     TEXT NOT NULL,
    person_iin     TEXT NOT NULL,
    erdr_number    TEXT,
    code_ru        TEXT NOT NULL,
    article        TEXT NOT NULL,
    article_ru     TEXT NOT NULL,
    verdict        TEXT NOT NULL,
    verdict_date   DATE NOT NULL,
    in_force_at    DATE NOT NULL,
    punishment_ru  TEXT,
    additional_ru  TEXT,
    term_months    INTEGER,
    fine_tiyn      BIGINT
)
-- +statement
CREATE INDEX court_cards_person ON {court_cards} (person_iin)
-- +statement
CREATE INDEX court_cards_case ON {court_cards} (case_number)
