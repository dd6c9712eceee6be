-- База данных "Пенсионные отчисления" (ГЦВП / ЕНПФ): periods of
-- contributions of a person by a payer (the "employee of" relation) and the
-- monthly receipts of the last six paid months.
CREATE TABLE {employments} (
    iin          TEXT NOT NULL,
    -- the tax agent (employer) or the person's own ИП / КХ
    employer_bin TEXT NOT NULL,
    payer_kind   TEXT NOT NULL,
    start_date   DATE NOT NULL,
    -- NULL while contributions still come
    end_date     DATE
)
-- +statement
CREATE INDEX employments_iin ON {employments} (iin)
-- +statement
CREATE INDEX employments_employer_bin ON {employments} (employer_bin)
-- +statement
CREATE TABLE {contributions} (
    iin                  TEXT NOT NULL,
    employer_bin         TEXT NOT NULL,
    payer_kind           TEXT NOT NULL,
    -- month the income was earned, YYYY-MM
    period               TEXT NOT NULL,
    income_tiyn          BIGINT NOT NULL,
    -- ОПВ, 10% of the income up to 50 minimum wages
    amount_tiyn          BIGINT NOT NULL,
    -- ОПВР, the employer's 1.5% since 2024 (NULL before and for entrepreneurs)
    employer_amount_tiyn BIGINT,
    payment_date         DATE NOT NULL
)
-- +statement
CREATE INDEX contributions_iin ON {contributions} (iin)
-- +statement
CREATE INDEX contributions_employer_bin ON {contributions} (employer_bin)
