-- The signed usage agreement (seed 000 §17): the signature (base64) and the
-- certificate it verifies with (serial number and issuer), empty for a
-- signature recorded in sandbox mode.
ALTER TABLE {users} ADD COLUMN agreement_signature TEXT NOT NULL DEFAULT ''
-- +statement
ALTER TABLE {users} ADD COLUMN agreement_certificate TEXT NOT NULL DEFAULT ''
