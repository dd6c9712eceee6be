package justice

import (
	"context"
	"errors"
	"hash/fnv"
	"strconv"
	"sync"

	"sio/synth"
)

// Sharing the model between connectors: a dozen connectors store their
// share of the same facts, and deriving them is the costly part of their
// fillers. A Stream derives the facts of a data set's batches through a
// process-wide cache keyed by the seed, the batches seen before and the
// batch itself (by content), so the fillers that the gateway runs on each
// batch derive its facts once: the first to ask computes them with the
// model of that history, the others wait and share them (read-only).
//
// The key identifies a batch by a fingerprint of its content (sizes and
// first and last identifiers) and its history by the fingerprints before
// it: two streams see the same facts exactly when they were fed the same
// population, whatever the goroutines. The model state after each history
// is kept (a copy per batch) for the last cacheSize batches, so a stream
// may fall that far behind the others of its data set; farther is an
// error (the gateway runs its fillers batch by batch, in step).

// Stream derives the facts of the batches of one data set, in order.
type Stream struct {
	seed    int64
	history uint64
}

// NewStream starts a stream of the data set selected by seed.
func NewStream(seed int64) *Stream { return &Stream{seed: seed, history: start(seed)} }

// ErrOutOfStep reports a stream whose model state was dropped.
var ErrOutOfStep = errors.New("justice: the model of this history is gone (fillers of one data set out of step)")

// Batch returns the facts of the next batch. Callers must not modify them.
func (s *Stream) Batch(b *synth.Batch) (*Facts, error) {
	fp := fingerprint(b)
	key := factsKey{seed: s.seed, history: s.history, batch: fp}
	next := mix(s.history, fp)
	e := cache.entry(key)
	e.once.Do(func() {
		m := cache.model(s.seed, s.history)
		if m == nil {
			e.err = ErrOutOfStep
			return
		}
		e.facts = m.Batch(b)
		cache.putModel(s.seed, next, m)
	})
	if e.err != nil {
		return nil, e.err
	}
	s.history = next
	return e.facts, nil
}

// Filler returns the synth.Filler of a connector that stores its share of
// the model's facts: store receives the facts of each batch.
func Filler(seed int64, store func(ctx context.Context, f *Facts) error) synth.Filler {
	s := NewStream(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		f, err := s.Batch(b)
		if err != nil {
			return err
		}
		return store(ctx, f)
	}
}

type factsKey struct {
	seed           int64
	history, batch uint64
}

type factsEntry struct {
	once  sync.Once
	facts *Facts
	err   error
}

type modelKey struct {
	seed    int64
	history uint64
}

// cacheSize bounds the facts and the model states kept (the last batches of
// the data sets being loaded).
const cacheSize = 16

var cache = &factsCache{facts: map[factsKey]*factsEntry{}, models: map[modelKey]*Model{}}

type factsCache struct {
	mu          sync.Mutex
	facts       map[factsKey]*factsEntry
	factsOrder  []factsKey
	models      map[modelKey]*Model
	modelsOrder []modelKey
}

func (c *factsCache) entry(k factsKey) *factsEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.facts[k]
	if !ok {
		e = &factsEntry{}
		c.facts[k] = e
		c.factsOrder = append(c.factsOrder, k)
		if len(c.factsOrder) > cacheSize {
			delete(c.facts, c.factsOrder[0])
			c.factsOrder = c.factsOrder[1:]
		}
	}
	return e
}

// model returns a copy of the model state at a history (a new model at
// the start of a data set), nil if it is no longer kept.
func (c *factsCache) model(seed int64, history uint64) *Model {
	if history == start(seed) {
		return New(seed)
	}
	c.mu.Lock()
	m, ok := c.models[modelKey{seed, history}]
	c.mu.Unlock()
	if !ok {
		return nil
	}
	return m.clone()
}

func (c *factsCache) putModel(seed int64, history uint64, m *Model) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := modelKey{seed, history}
	c.models[k] = m
	c.modelsOrder = append(c.modelsOrder, k)
	for len(c.modelsOrder) > cacheSize {
		delete(c.models, c.modelsOrder[0])
		c.modelsOrder = c.modelsOrder[1:]
	}
}

func start(seed int64) uint64 { return mix(0x6a75737469636521, uint64(seed)) }

// mix combines two fingerprints (SplitMix64 finaliser).
func mix(a, b uint64) uint64 {
	z := a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// fingerprint identifies a batch by content: the sizes of its slices and
// the first and last persons and companies.
func fingerprint(b *synth.Batch) uint64 {
	h := fnv.New64a()
	for _, n := range []int{len(b.Persons), len(b.Entities), len(b.Founders), len(b.Properties), len(b.PropertyRights),
		len(b.Plots), len(b.Vehicles), len(b.Taxpayers), len(b.Debts), len(b.Acts)} {
		h.Write([]byte(strconv.Itoa(n) + "/"))
	}
	if n := len(b.Persons); n > 0 {
		h.Write([]byte(string(b.Persons[0].IIN) + string(b.Persons[n-1].IIN)))
	}
	if n := len(b.Entities); n > 0 {
		h.Write([]byte(string(b.Entities[0].BIN) + string(b.Entities[n-1].BIN)))
	}
	return h.Sum64()
}
