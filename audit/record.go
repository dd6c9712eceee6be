// Package audit is SIO's Log-journal (seed 000 §39-40, §53; seed 002
// §39-40, §50): one record per inquiry, mutation, read of the log itself and
// refused authentication, kept permanently with the result that was served.
//
// The log is append-only and hash-chained: each record holds the hash of the
// previous one, computed at write time, so any altered, deleted, reordered or
// truncated record breaks the chain (Verify says which). Signed checkpoints
// of the chain head are written periodically; the database refuses UPDATE
// and DELETE on records (triggers, and on PostgreSQL a writer role without
// those grants). Writes are group-committed: concurrent requests share one
// synchronous commit, and a request's response is sent only after its record
// is committed (fail closed: no record, no data).
package audit

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// Kinds of records.
const (
	KindInquiry    = "INQUIRY"     // a query reading state data under a basis
	KindMutation   = "MUTATION"    // a write service or an administrative change
	KindQuery      = "QUERY"       // a request reading no state data (policy, me, ...)
	KindLogRead    = "LOG_READ"    // a read of this log (reports, oversight)
	KindAuthFailed = "AUTH_FAILED" // a refused authentication attempt
)

// Denial is a field the policy refused, with the reason.
type Denial struct {
	Path    string `json:"path"`
	Service string `json:"service,omitempty"`
	Reason  string `json:"reason"`
}

// Record is one entry of the log. Seq, PrevHash and Hash are assigned by
// the writer; At is the commit-batch time (UTC, microseconds).
type Record struct {
	Seq           int64     `json:"seq"`
	At            time.Time `json:"at"`
	Kind          string    `json:"kind"`
	RequestID     string    `json:"requestId"`
	UserIIN       string    `json:"userIin"`
	Role          string    `json:"role"`
	Agency        string    `json:"agency"`
	AuthVia       string    `json:"authVia"`
	Basis         string    `json:"basis"`
	CaseNumber    string    `json:"caseNumber"`
	Justification string    `json:"justification"`
	Operation     string    `json:"operation"`
	// Services read (policy codes), sorted, without duplicates.
	Services []string `json:"services"`
	// Subjects looked up: IIN, BIN, plate, VIN, cadastral number ...
	Subjects []string `json:"subjects"`
	Denials  []Denial `json:"denials"`
	// ErrorCodes are the extensions.code values of the response's errors.
	ErrorCodes []string `json:"errorCodes"`
	// Request is the GraphQL request (query, variables), gzip-compressed;
	// Result the response served, gzip-compressed. The digests are SHA-256
	// of the uncompressed bytes and are what the chain covers.
	Request       []byte `json:"-"`
	RequestDigest string `json:"requestDigest"`
	Result        []byte `json:"-"`
	ResultDigest  string `json:"resultDigest"`
	// Signature of the request by the user's key, where present.
	Signature  string `json:"signature"`
	DurationUS int64  `json:"durationUs"`
	PrevHash   string `json:"prevHash"`
	Hash       string `json:"-"`
}

// Genesis is the PrevHash of the first record.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// SetRequest stores the request compressed, with its digest.
func (r *Record) SetRequest(raw []byte) {
	r.Request, r.RequestDigest = compress(raw)
}

// SetResult stores the served response compressed, with its digest.
func (r *Record) SetResult(raw []byte) {
	r.Result, r.ResultDigest = compress(raw)
}

// RequestJSON returns the uncompressed request.
func (r *Record) RequestJSON() ([]byte, error) { return decompress(r.Request) }

// ResultJSON returns the uncompressed response.
func (r *Record) ResultJSON() ([]byte, error) { return decompress(r.Result) }

// ComputeHash returns the record's chain hash: SHA-256 over the previous
// hash and the canonical JSON of the record (fields in declaration order,
// At in UTC with microseconds; the compressed blobs are covered through
// their digests).
func (r *Record) ComputeHash() string {
	c := *r
	c.At = c.At.UTC().Truncate(time.Microsecond)
	for _, s := range []*[]string{&c.Services, &c.Subjects, &c.ErrorCodes} {
		if *s == nil {
			*s = []string{}
		}
	}
	if c.Denials == nil {
		c.Denials = []Denial{}
	}
	b, err := json.Marshal(&c)
	if err != nil {
		// Only plain strings, numbers and times: cannot fail.
		panic(fmt.Sprintf("audit: canonical encoding: %v", err))
	}
	h := sha256.New()
	h.Write([]byte(r.PrevHash))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// gzipWriters are reused: a compressor's state is about a megabyte, and
// every request compresses its request and its response.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

func compress(raw []byte) ([]byte, string) {
	var buf bytes.Buffer
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(raw)
	w.Close()
	gzipWriters.Put(w)
	return buf.Bytes(), digest(raw)
}

func decompress(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}
