package audit

import "sio/sqldb"

// WriterDB is the store's writer handle, for tests of what its sessions
// may do.
func WriterDB(s *Store) *sqldb.DB { return s.writer }
