-- Duties of officials beyond their role: SUPERVISOR marks an agency's
-- responsible official (seed 000 §9-11; seed 002 §29-32), who oversees the
-- requests of the agency's users through the reports.
CREATE TABLE {duties} (
    iin  TEXT NOT NULL REFERENCES {users} (iin),
    duty TEXT NOT NULL,
    PRIMARY KEY (iin, duty)
)
