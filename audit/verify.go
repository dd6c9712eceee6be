package audit

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"sort"
)

// Problem kinds found by Verify.
const (
	ProblemAltered        = "ALTERED"         // the record's content does not match its hash
	ProblemBrokenLink     = "BROKEN_LINK"     // prev_hash differs from the previous record's hash (deleted or reordered records)
	ProblemMissing        = "MISSING"         // a gap in the sequence (deleted records)
	ProblemTruncated      = "TRUNCATED"       // records after the last one present are missing (head or checkpoint ahead)
	ProblemBadBlob        = "BAD_BLOB"        // a stored request/result does not match its digest
	ProblemBadCheckpoint  = "BAD_CHECKPOINT"  // a checkpoint's signature is invalid or its hash differs from the record's
	ProblemUntrustedKey   = "UNTRUSTED_KEY"   // a checkpoint signed by a key not in the trusted set
	ProblemArchiveGap     = "ARCHIVE_GAP"     // the live log does not continue the archives
	ProblemArchiveCorrupt = "ARCHIVE_CORRUPT" // an archive file is unreadable or does not match its registration
	ProblemAnchorCorrupt  = "ANCHOR_CORRUPT"  // a line of an anchor file does not parse
)

// Problem is one finding of Verify.
type Problem struct {
	Seq    int64
	Kind   string
	Detail string
}

func (p Problem) String() string {
	if p.Seq == 0 {
		return fmt.Sprintf("%s: %s", p.Kind, p.Detail)
	}
	return fmt.Sprintf("record %d: %s: %s", p.Seq, p.Kind, p.Detail)
}

// Report is the result of Verify.
type Report struct {
	// Records checked (archived and live), the last seq and the number of
	// checkpoints whose signature was verified, in the database and in the
	// anchors.
	Records     int64
	LastSeq     int64
	Checkpoints int
	Anchored    int
	Problems    []Problem
}

// OK reports whether the chain verified.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// chain checks records in order: sequence, links, hashes, blobs.
type chain struct {
	seq, n   int64
	hash     string
	hashes   map[int64]string // seq -> hash of the checkpointed records
	problems []Problem
}

func (c *chain) add(r *Record, decodeErr error) {
	c.n++
	if r.Seq != c.seq+1 {
		if r.Seq <= c.seq {
			c.problem(r.Seq, ProblemBrokenLink, fmt.Sprintf("sequence goes back from %d to %d", c.seq, r.Seq))
		} else {
			c.problem(c.seq+1, ProblemMissing, fmt.Sprintf("records %d-%d are missing", c.seq+1, r.Seq-1))
		}
	}
	if r.PrevHash != c.hash {
		c.problem(r.Seq, ProblemBrokenLink, "prev_hash does not match the hash of the record before it")
	}
	if decodeErr != nil {
		c.problem(r.Seq, ProblemAltered, "a column does not decode: "+decodeErr.Error())
	} else if h := r.ComputeHash(); h != r.Hash {
		c.problem(r.Seq, ProblemAltered, "content does not match the record's hash")
	}
	for _, b := range []struct {
		name, want string
		blob       []byte
	}{{"request", r.RequestDigest, r.Request}, {"result", r.ResultDigest, r.Result}} {
		raw, err := decompress(b.blob)
		switch {
		case err != nil:
			c.problem(r.Seq, ProblemBadBlob, b.name+" does not decompress")
		case (len(b.blob) > 0 || b.want != "") && digest(raw) != b.want:
			c.problem(r.Seq, ProblemBadBlob, b.name+" does not match its digest")
		}
	}
	c.seq, c.hash = r.Seq, r.Hash
	if _, ok := c.hashes[r.Seq]; ok {
		c.hashes[r.Seq] = r.Hash
	}
}

func (c *chain) problem(seq int64, kind, detail string) {
	c.problems = append(c.problems, Problem{Seq: seq, Kind: kind, Detail: detail})
}

// VerifyOptions are what Verify checks the log against.
type VerifyOptions struct {
	// Trusted are the public keys checkpoints must be signed with (every
	// key the log was signed with, rotations included).
	Trusted []ed25519.PublicKey
	// Archives are the archive files, oldest first (see Archives).
	Archives []ArchiveFile
	// Anchors are anchor files (ReadAnchor): each checkpoint in them that
	// verifies must name a record the log still has, with that hash.
	Anchors []Anchor
}

// Verify checks the whole log: the archives (oldest first; see Archive),
// then the live records in pages, then the head and the checkpoints, whose
// signatures must verify under one of trusted. It never stops at the first
// problem: it reports every one it finds.
func Verify(ctx context.Context, s *Store, trusted []ed25519.PublicKey, archives []ArchiveFile) (Report, error) {
	return VerifyWith(ctx, s, VerifyOptions{Trusted: trusted, Archives: archives})
}

// VerifyWith is Verify with anchors: a checkpoint of an anchor beyond the
// log's last record, or whose hash differs from the record's, is a
// TRUNCATED problem (the tail was cut, with its checkpoints and the head,
// and perhaps written again), which the database alone cannot show.
func VerifyWith(ctx context.Context, s *Store, o VerifyOptions) (Report, error) {
	trusted, archives := o.Trusted, o.Archives
	cps, err := s.Checkpoints(ctx)
	if err != nil {
		return Report{}, err
	}
	c := &chain{hash: Genesis, hashes: map[int64]string{}}
	for _, cp := range cps {
		c.hashes[cp.Seq] = ""
	}
	for _, a := range o.Anchors {
		for _, cp := range a.Checkpoints {
			c.hashes[cp.Seq] = ""
		}
	}
	for _, a := range archives {
		if err := a.verifyInto(c); err != nil {
			c.problem(a.FirstSeq, ProblemArchiveCorrupt, err.Error())
		}
	}
	firstLive := true
	const pageSize = 500
	for after := int64(0); ; {
		if after < c.seq {
			after = c.seq // continue after the archives
		}
		recs, errs, err := s.scanPage(ctx, after, pageSize)
		if err != nil {
			return Report{}, err
		}
		for i := range recs {
			if firstLive && len(archives) > 0 && recs[i].PrevHash != c.hash {
				c.problem(recs[i].Seq, ProblemArchiveGap, "the live log does not continue the last archive")
			}
			firstLive = false
			c.add(&recs[i], errs[i])
		}
		if len(recs) < pageSize {
			break
		}
		after = recs[len(recs)-1].Seq
	}
	headSeq, headHash, err := s.Head(ctx)
	if err != nil {
		return Report{}, err
	}
	switch {
	case headSeq > c.seq:
		c.problem(c.seq+1, ProblemTruncated, fmt.Sprintf("the head is at %d but the log ends at %d", headSeq, c.seq))
	case headSeq < c.seq:
		c.problem(headSeq+1, ProblemAltered, fmt.Sprintf("records beyond the head (%d) were added outside the writer", headSeq))
	case headHash != c.hash:
		c.problem(c.seq, ProblemAltered, "the head's hash differs from the last record's")
	}
	keys := map[string]ed25519.PublicKey{}
	for _, k := range trusted {
		keys[KeyID(k)] = k
	}
	good := 0
	for _, cp := range cps {
		k, ok := keys[cp.KeyID]
		sig, err := base64.StdEncoding.DecodeString(cp.Signature)
		switch {
		case !ok:
			c.problem(cp.Seq, ProblemUntrustedKey, "checkpoint signed by key "+cp.KeyID)
			continue
		case err != nil || !ed25519.Verify(k, checkpointMessage(cp.Seq, cp.Hash), sig):
			c.problem(cp.Seq, ProblemBadCheckpoint, "signature does not verify")
			continue
		}
		good++
		if cp.Seq > c.seq {
			c.problem(c.seq+1, ProblemTruncated, fmt.Sprintf("a signed checkpoint covers record %d but the log ends at %d", cp.Seq, c.seq))
		} else if h := c.hashes[cp.Seq]; h != "" && h != cp.Hash {
			c.problem(cp.Seq, ProblemBadCheckpoint, "the signed hash differs from the record's hash")
		}
	}
	anchored := 0
	for _, a := range o.Anchors {
		for _, n := range a.Bad {
			c.problem(0, ProblemAnchorCorrupt, fmt.Sprintf("%s line %d does not parse", a.Path, n))
		}
		for i, cp := range a.Checkpoints {
			where := fmt.Sprintf("%s line %d", a.Path, a.Lines[i])
			k, ok := keys[cp.KeyID]
			sig, err := base64.StdEncoding.DecodeString(cp.Signature)
			switch {
			case !ok:
				c.problem(cp.Seq, ProblemUntrustedKey, where+": anchored checkpoint signed by key "+cp.KeyID)
				continue
			case err != nil || !ed25519.Verify(k, checkpointMessage(cp.Seq, cp.Hash), sig):
				c.problem(cp.Seq, ProblemBadCheckpoint, where+": anchored checkpoint's signature does not verify")
				continue
			}
			anchored++
			if cp.Seq > c.seq {
				c.problem(c.seq+1, ProblemTruncated, fmt.Sprintf("%s: a signed checkpoint covers record %d but the log ends at %d", where, cp.Seq, c.seq))
			} else if h := c.hashes[cp.Seq]; h != "" && h != cp.Hash {
				c.problem(cp.Seq, ProblemTruncated, where+": the record differs from the anchored checkpoint's (the log was cut back here and written again)")
			}
		}
	}
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Seq < c.problems[j].Seq })
	return Report{Records: c.n, LastSeq: c.seq, Checkpoints: good, Anchored: anchored, Problems: c.problems}, nil
}
