package sqldb

import (
	"context"
	"sync"

	"github.com/jmoiron/sqlx"
)

// Prepared statements (PostgreSQL). A connector's statements are built
// once (Q) and run many times; sent unnamed, each run is parsed and planned
// again, which for the short indexed lookups of SIO costs the server more
// than executing them (a case-and-caseload join: ~0.6 ms to plan, ~0.1 ms
// to run). A statement run prepareAfter times is prepared on the pool and
// run as such from then on: database/sql prepares it on each connection on
// first use there, and PostgreSQL switches it to a cached generic plan.
//
// Statements built per call (the audit log's batch of n records, a search
// with optional filters) are few in kinds; the cache is bounded anyway
// (maxPrepared per store): beyond it, statements run unprepared as before.
const (
	prepareAfter = 3
	maxPrepared  = 512
)

type stmtCache struct {
	mu    sync.Mutex
	uses  map[string]int
	stmts map[string]*sqlx.Stmt
}

// prepared returns the prepared statement of query, preparing it once it
// has run often enough; nil means "run it unprepared".
func (db *DB) prepared(ctx context.Context, query string) *sqlx.Stmt {
	c := db.stmts
	if c == nil {
		return nil
	}
	c.mu.Lock()
	if st, ok := c.stmts[query]; ok {
		c.mu.Unlock()
		return st
	}
	if len(c.stmts) >= maxPrepared {
		c.mu.Unlock()
		return nil
	}
	c.uses[query]++
	if c.uses[query] != prepareAfter {
		// Not yet, or another caller is preparing it right now.
		if len(c.uses) > 4*maxPrepared {
			clear(c.uses) // one-off statements: forget them
		}
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	// Prepared under the caller's context: its deadline bounds the extra
	// round trip. A failure leaves the statement unprepared; its next run
	// tries again.
	st, err := db.DB.PreparexContext(ctx, query)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.uses[query] = 0
		return nil
	}
	if prev, ok := c.stmts[query]; ok {
		st.Close()
		return prev
	}
	c.stmts[query] = st
	return st
}

// closeStatements closes the prepared statements of the store.
func (db *DB) closeStatements() {
	c := db.stmts
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}

// PreparedStatements reports how many statements the store has prepared.
func (db *DB) PreparedStatements() int {
	if db.stmts == nil {
		return 0
	}
	db.stmts.mu.Lock()
	defer db.stmts.mu.Unlock()
	return len(db.stmts.stmts)
}
