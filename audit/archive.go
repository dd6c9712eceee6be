package audit

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// ArchiveFile is a closed period of the log exported to a file: gzip'd JSON
// lines, one record each (blobs included), in seq order. Its registration
// in the archives table holds the file's SHA-256 and the chain ends, so the
// live log continues the archive and the archive cannot be swapped.
type ArchiveFile struct {
	Path          string `db:"file"`
	FirstSeq      int64  `db:"first_seq"`
	LastSeq       int64  `db:"last_seq"`
	FirstPrevHash string `db:"first_prev_hash"`
	LastHash      string `db:"last_hash"`
	Digest        string `db:"file_digest"`
	AtUS          int64  `db:"at_us"`
}

// archived is a record as written to an archive file.
type archived struct {
	Record
	Request []byte `json:"request"`
	Result  []byte `json:"result"`
	Hash    string `json:"hash"`
}

// Archive exports the records committed before `before` that are not yet
// archived into a new file under dir and registers it. With prune, the
// exported records are then deleted from the live log (the database allows
// deleting archived records only). It returns the file, or nil if there was
// nothing to export.
func Archive(ctx context.Context, s *Store, before time.Time, dir string, prune bool) (*ArchiveFile, error) {
	db := s.owner
	var from int64
	if err := db.Get(ctx, &from, db.Q(`SELECT COALESCE(MAX(last_seq), 0) FROM {archives}`)); err != nil {
		return nil, err
	}
	var to int64
	if err := db.Get(ctx, &to, db.Q(`SELECT COALESCE(MAX(seq), 0) FROM {records} WHERE at_us < ?`), before.UnixMicro()); err != nil {
		return nil, err
	}
	if to <= from {
		return nil, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	a := &ArchiveFile{FirstSeq: from + 1, LastSeq: to, AtUS: time.Now().UnixMicro()}
	a.Path = filepath.Join(dir, fmt.Sprintf("audit-%012d-%012d.jsonl.gz", a.FirstSeq, a.LastSeq))
	f, err := os.OpenFile(a.Path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o440)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	zw := gzip.NewWriter(io.MultiWriter(f, h))
	enc := json.NewEncoder(zw)
	after := from
	for after < to {
		recs, errs, err := s.scanPage(ctx, after, 500)
		if err != nil {
			f.Close()
			return nil, err
		}
		if len(recs) == 0 {
			break
		}
		for i, r := range recs {
			if r.Seq > to {
				break
			}
			if errs[i] != nil {
				f.Close()
				return nil, fmt.Errorf("audit: record %d does not decode (verify the log first): %w", r.Seq, errs[i])
			}
			if r.Seq == a.FirstSeq {
				a.FirstPrevHash = r.PrevHash
			}
			a.LastHash = r.Hash
			if err := enc.Encode(archived{Record: r, Request: r.Request, Result: r.Result, Hash: r.Hash}); err != nil {
				f.Close()
				return nil, err
			}
			after = r.Seq
		}
	}
	if err := errors.Join(zw.Close(), f.Sync(), f.Close()); err != nil {
		return nil, err
	}
	a.Digest = hex.EncodeToString(h.Sum(nil))
	if _, err := db.Exec(ctx, db.Q(`INSERT INTO {archives} (last_seq, first_seq, first_prev_hash, last_hash, file, file_digest, at_us)
		VALUES (?, ?, ?, ?, ?, ?, ?)`), a.LastSeq, a.FirstSeq, a.FirstPrevHash, a.LastHash, filepath.Base(a.Path), a.Digest, a.AtUS); err != nil {
		return nil, err
	}
	if prune {
		if _, err := db.Exec(ctx, db.Q(`DELETE FROM {records} WHERE seq <= ?`), a.LastSeq); err != nil {
			return a, fmt.Errorf("audit: prune: %w", err)
		}
	}
	return a, nil
}

// Archives lists the registered archive files, oldest first, with paths
// under dir.
func Archives(ctx context.Context, s *Store, dir string) ([]ArchiveFile, error) {
	var out []ArchiveFile
	db := s.owner
	if err := db.Select(ctx, &out, db.Q(`SELECT file, first_seq, last_seq, first_prev_hash, last_hash, file_digest, at_us
		FROM {archives} ORDER BY last_seq`)); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Path = filepath.Join(dir, out[i].Path)
	}
	return out, nil
}

// verifyInto checks the file against its registration and feeds its records
// to the chain.
func (a *ArchiveFile) verifyInto(c *chain) error {
	f, err := os.Open(a.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	tee := io.TeeReader(f, h)
	zr, err := gzip.NewReader(tee)
	if err != nil {
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	if c.hash != a.FirstPrevHash {
		c.problem(a.FirstSeq, ProblemArchiveGap, filepath.Base(a.Path)+" does not continue the records before it")
	}
	dec := json.NewDecoder(bufio.NewReader(zr))
	for {
		var r archived
		if err := dec.Decode(&r); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("%s: %w", a.Path, err)
		}
		rec := r.Record
		rec.Request, rec.Result, rec.Hash = r.Request, r.Result, r.Hash
		c.add(&rec, nil)
	}
	io.Copy(io.Discard, tee)
	if got := hex.EncodeToString(h.Sum(nil)); got != a.Digest {
		return fmt.Errorf("%s: file digest %s differs from the registered %s", filepath.Base(a.Path), got, a.Digest)
	}
	if c.seq != a.LastSeq || c.hash != a.LastHash {
		return fmt.Errorf("%s: ends at %d, registered to end at %d", filepath.Base(a.Path), c.seq, a.LastSeq)
	}
	return nil
}
