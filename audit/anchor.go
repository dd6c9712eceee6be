package audit

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Anchorer keeps the log's signed checkpoints outside its database, where
// whoever can rewrite the database cannot reach: a record cut from the
// tail, together with the checkpoints after it and the head moved back,
// still leaves the anchor naming a seq and hash the log no longer has
// (Verify with VerifyOptions.Anchors). AnchorFile is the file one.
type Anchorer interface {
	Anchor(Checkpoint) error
}

// AnchorFile is an append-only file of checkpoints, one JSON line each
// (seq, hash, time, key id, signature), each fsynced before Anchor
// returns. The file's append-only guarantee is the host's: keep it on
// another machine or volume than the database, writable by SIO only, and
// append-only there (chattr +a, a WORM share, a log shipper).
type AnchorFile struct {
	mu    sync.Mutex
	f     *os.File
	path  string
	dirty bool // a write failed: the next entry starts on a new line
}

// OpenAnchor opens (creating) the anchor file at path for appending.
func OpenAnchor(path string) (*AnchorFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, err
	}
	a := &AnchorFile{f: f, path: path}
	if errors.Is(statErr, os.ErrNotExist) {
		// The new file's name must survive a crash too.
		if err := syncDir(dir); err != nil {
			f.Close()
			return nil, err
		}
	} else if a.dirty, err = endsUnterminated(path); err != nil {
		f.Close()
		return nil, err
	}
	return a, nil
}

// endsUnterminated reports whether the file's last line was cut short (a
// crash in the middle of a write): the next entry must then start on a
// line of its own (Verify reports the cut one).
func endsUnterminated(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return false, err
	}
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, fi.Size()-1); err != nil {
		return false, err
	}
	return b[0] != '\n', nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Path is the file's path.
func (a *AnchorFile) Path() string { return a.path }

// Anchor appends cp and fsyncs the file.
func (a *AnchorFile) Anchor(cp Checkpoint) error {
	line, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f == nil {
		return errors.New("audit: anchor file closed")
	}
	if a.dirty {
		line = append([]byte{'\n'}, line...)
	}
	if _, err := a.f.Write(line); err != nil {
		a.dirty = true
		return err
	}
	a.dirty = false
	return a.f.Sync()
}

// Close closes the file.
func (a *AnchorFile) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.f == nil {
		return nil
	}
	err := a.f.Close()
	a.f = nil
	return err
}

// Anchor is an anchor file as read for verification: its checkpoints, in
// file order, with their line numbers, and the lines that do not parse.
type Anchor struct {
	Path        string
	Checkpoints []Checkpoint
	Lines       []int
	Bad         []int
}

// ReadAnchor reads the anchor file at path. A missing file is an error:
// an anchor that was named must be there.
func ReadAnchor(path string) (Anchor, error) {
	a := Anchor{Path: path}
	f, err := os.Open(path)
	if err != nil {
		return a, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var cp Checkpoint
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if derr := dec.Decode(&cp); derr != nil || !validCheckpoint(cp) {
				a.Bad = append(a.Bad, n)
			} else {
				a.Checkpoints = append(a.Checkpoints, cp)
				a.Lines = append(a.Lines, n)
			}
		}
		if err == io.EOF {
			return a, nil
		}
		if err != nil {
			return a, err
		}
	}
}

func validCheckpoint(cp Checkpoint) bool {
	_, err := hex.DecodeString(cp.Hash)
	return cp.Seq > 0 && len(cp.Hash) == 64 && err == nil && cp.KeyID != "" && cp.Signature != ""
}

func (a Anchor) String() string {
	return fmt.Sprintf("%s (%d checkpoints)", a.Path, len(a.Checkpoints))
}

// ErrAnchorNotHeld is the error of CheckHeld: the log no longer holds a
// checkpoint its anchor file took.
var ErrAnchorNotHeld = errors.New("audit: the log does not hold the last anchored checkpoint")

// CheckHeld checks, in two statements, that the store still holds the last
// checkpoint of the anchor a: the head is at or past it and the
// checkpoint is in the log with the anchored hash. A log cut back past it
// (records, checkpoints and head), replaced, or restored from an older
// backup fails with ErrAnchorNotHeld. An anchor without checkpoints passes.
// The gateway runs it at start, so it never appends to such a log; the
// whole check, record by record, is Verify with VerifyOptions.Anchors.
//
// A cut that stays after the last anchored checkpoint is not seen here
// (nor by Verify): the anchor knows only what it was given.
func CheckHeld(ctx context.Context, s *Store, a Anchor) error {
	if len(a.Checkpoints) == 0 {
		return nil
	}
	last, line := a.Checkpoints[len(a.Checkpoints)-1], a.Lines[len(a.Lines)-1]
	head, _, err := s.Head(ctx)
	if err != nil {
		return err
	}
	if head < last.Seq {
		return fmt.Errorf("%w: %s line %d names record %d, the log's head is at %d", ErrAnchorNotHeld, a.Path, line, last.Seq, head)
	}
	cp, err := s.CheckpointAt(ctx, last.Seq)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("%w: %s line %d names a checkpoint at record %d the log does not have", ErrAnchorNotHeld, a.Path, line, last.Seq)
	case err != nil:
		return err
	case cp.Hash != last.Hash:
		return fmt.Errorf("%w: the checkpoint at record %d has another hash than %s line %d", ErrAnchorNotHeld, last.Seq, a.Path, line)
	}
	return nil
}
