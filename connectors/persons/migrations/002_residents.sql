-- Residents of an address (the same-address links of the link graph).
CREATE INDEX persons_address ON {persons} (address)
