package audit

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// ErrClosed is returned by Append after Close.
var ErrClosed = errors.New("audit: log closed")

// Options tune the log.
type Options struct {
	// Key signs checkpoints; nil writes none.
	Key ed25519.PrivateKey
	// CheckpointEvery: a checkpoint once this many records have been
	// appended since the last one (default 1000) ...
	CheckpointEvery int64
	// CheckpointInterval: ... or once this much time has passed since the
	// last one written by this log (default 1 minute).
	CheckpointInterval time.Duration
	// MaxBatch bounds a group commit (default 256 records).
	MaxBatch int
	// Now is the clock (tests); default time.Now.
	Now func() time.Time
	// OnCommit, if set, is told the size of each committed batch (metrics).
	OnCommit func(records int)
	// Anchor, if set, is given every checkpoint once it is committed
	// (AnchorFile: a file outside the database). While a checkpoint cannot
	// be anchored, Append refuses records (fail closed) after retrying it.
	Anchor Anchorer
}

// Log appends records with group commit: records submitted while a commit
// is in flight go into the next one, so N concurrent requests cost about
// one synchronous commit instead of N.
type Log struct {
	store *Store
	opts  Options
	keyID string

	mu     sync.RWMutex
	closed bool
	reqs   chan *pending
	done   chan struct{}

	lastCheckpointAt time.Time
	commits, records atomic.Int64

	// signed is the checkpoint of the batch being committed (set by sign,
	// taken once the batch is committed); unanchored are committed
	// checkpoints the anchor has not taken yet.
	signed       *Checkpoint
	anchorMu     sync.Mutex
	unanchored   []Checkpoint
	anchorFailed atomic.Bool
}

// Stats counts the commits and records written by this log (a commit
// carries a batch of records).
func (l *Log) Stats() (commits, records int64) { return l.commits.Load(), l.records.Load() }

type pending struct {
	r    *Record
	done chan error
}

// NewLog starts the writer of store.
func NewLog(store *Store, opts Options) *Log {
	if opts.CheckpointEvery <= 0 {
		opts.CheckpointEvery = 1000
	}
	if opts.CheckpointInterval <= 0 {
		opts.CheckpointInterval = time.Minute
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 256
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	l := &Log{store: store, opts: opts, reqs: make(chan *pending, 4096), done: make(chan struct{})}
	if opts.Key != nil {
		l.keyID = KeyID(opts.Key.Public().(ed25519.PublicKey))
	}
	l.lastCheckpointAt = opts.Now()
	if opts.Anchor != nil {
		// The writer reports each committed batch to OnCommit, in the
		// goroutine that signed its checkpoint: that is when the
		// checkpoint may be anchored (never one whose commit failed).
		onCommit := opts.OnCommit
		l.opts.OnCommit = func(n int) {
			cp := l.signed
			l.signed = nil
			if cp != nil || l.anchorFailed.Load() {
				l.anchor(cp)
			}
			if onCommit != nil {
				onCommit(n)
			}
		}
	}
	if store.writer == nil {
		// A read-only store (StoreOptions.ReadOnly) takes no records.
		l.closed = true
		close(l.reqs)
	}
	go l.run()
	return l
}

// Append writes r and returns once it is committed (or failed). The caller
// must not release the data r describes before Append returns nil.
func (l *Log) Append(ctx context.Context, r *Record) error {
	if l.anchorFailed.Load() {
		// A committed checkpoint is not anchored: no more records (and so
		// no more data served) until it is.
		if err := l.anchor(nil); err != nil {
			return err
		}
	}
	p := &pending{r: r, done: make(chan error, 1)}
	l.mu.RLock()
	if l.closed {
		l.mu.RUnlock()
		return ErrClosed
	}
	select {
	case l.reqs <- p:
	case <-ctx.Done():
		l.mu.RUnlock()
		return ctx.Err()
	}
	l.mu.RUnlock()
	// Once queued, the record is committed or failed by the writer even if
	// the request gives up: wait for the outcome so the caller never
	// reports failure for a record that is in fact written.
	return <-p.done
}

// Close stops accepting records, commits those queued, signs a final
// checkpoint of the head (so a truncation of the tail is detectable),
// anchors it and stops the writer.
func (l *Log) Close() error {
	l.mu.Lock()
	already := l.closed
	if !l.closed {
		l.closed = true
		close(l.reqs)
	}
	l.mu.Unlock()
	<-l.done
	if already || l.opts.Key == nil {
		return nil
	}
	var final *Checkpoint
	err := l.store.appendBatch(context.Background(), nil, l.opts.Now().UTC().Truncate(time.Microsecond),
		func(seq int64, hash string, last int64) *Checkpoint {
			if seq <= last {
				return nil
			}
			final = l.checkpoint(seq, hash)
			return final
		})
	if err != nil || l.opts.Anchor == nil || (final == nil && !l.anchorFailed.Load()) {
		return err
	}
	return l.anchor(final)
}

func (l *Log) run() {
	defer close(l.done)
	for p := range l.reqs {
		batch := []*pending{p}
	fill:
		for len(batch) < l.opts.MaxBatch {
			select {
			case q, ok := <-l.reqs:
				if !ok {
					break fill
				}
				batch = append(batch, q)
			default:
				break fill
			}
		}
		recs := make([]*Record, len(batch))
		for i, q := range batch {
			recs[i] = q.r
		}
		err := l.store.appendBatch(context.Background(), recs, l.opts.Now().UTC().Truncate(time.Microsecond), l.sign)
		if err == nil {
			l.commits.Add(1)
			l.records.Add(int64(len(recs)))
			if l.opts.OnCommit != nil {
				l.opts.OnCommit(len(recs))
			}
		}
		for _, q := range batch {
			q.done <- err
		}
	}
}

// sign returns a checkpoint of the head when one is due.
func (l *Log) sign(seq int64, hash string, last int64) *Checkpoint {
	l.signed = nil
	if l.opts.Key == nil {
		return nil
	}
	now := l.opts.Now()
	if seq-last < l.opts.CheckpointEvery && now.Sub(l.lastCheckpointAt) < l.opts.CheckpointInterval {
		return nil
	}
	l.lastCheckpointAt = now
	l.signed = l.checkpoint(seq, hash)
	return l.signed
}

// anchor hands the anchor the checkpoints it has not taken yet, then cp
// (if any), in order; on failure it keeps them and marks the log so that
// Append refuses records until they are taken.
func (l *Log) anchor(cp *Checkpoint) error {
	l.anchorMu.Lock()
	defer l.anchorMu.Unlock()
	if cp != nil {
		l.unanchored = append(l.unanchored, *cp)
	}
	for len(l.unanchored) > 0 {
		if err := l.opts.Anchor.Anchor(l.unanchored[0]); err != nil {
			l.anchorFailed.Store(true)
			return fmt.Errorf("audit: anchor: checkpoint of record %d: %w", l.unanchored[0].Seq, err)
		}
		l.unanchored = l.unanchored[1:]
	}
	l.anchorFailed.Store(false)
	return nil
}

func (l *Log) checkpoint(seq int64, hash string) *Checkpoint {
	return &Checkpoint{Seq: seq, Hash: hash, AtUS: l.opts.Now().UnixMicro(), KeyID: l.keyID,
		Signature: base64.StdEncoding.EncodeToString(ed25519.Sign(l.opts.Key, checkpointMessage(seq, hash)))}
}

func checkpointMessage(seq int64, hash string) []byte {
	return []byte("sio-audit-checkpoint:" + strconv.FormatInt(seq, 10) + ":" + hash)
}

// KeyID names a checkpoint key: the first 16 hex digits of SHA-256 of the
// public key.
func KeyID(pub ed25519.PublicKey) string {
	s := sha256.Sum256(pub)
	return hex.EncodeToString(s[:8])
}

// LoadOrCreateKey reads an Ed25519 private key (seed, base64) from path,
// creating one (mode 0600) if the file does not exist. The sandbox keeps its
// key in the data directory; production names a key file managed by the
// operator.
func LoadOrCreateKey(path string) (ed25519.PrivateKey, error) {
	_, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		_, priv, err := ed25519.GenerateKey(nil)
		if err != nil {
			return nil, err
		}
		enc := base64.StdEncoding.EncodeToString(priv.Seed())
		if err := os.WriteFile(path, []byte(enc+"\n"), 0o600); err != nil {
			return nil, err
		}
		return priv, nil
	}
	if err != nil {
		return nil, err
	}
	return LoadKey(path)
}

// LoadKey reads the Ed25519 private key (seed, base64) of path, which must
// exist.
func LoadKey(path string) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	seed, err := base64.StdEncoding.DecodeString(string(trimSpace(b)))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("audit: key file does not hold a base64 Ed25519 seed")
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}
