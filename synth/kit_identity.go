package synth

import (
	"sync"

	"sio"
)

// Kin indexes the persons of a batch and their family links as the civil
// acts of the batch record them (a family never spans two batches, so a
// person's parents and spouses are in the same batch as the person).
type Kin struct {
	ByIIN     map[sio.IIN]*sio.Person
	Father    map[sio.IIN]sio.IIN
	Mother    map[sio.IIN]sio.IIN
	Marriages map[sio.IIN][]Marriage
	// Children of each parent, in the order of the birth acts.
	Children map[sio.IIN][]sio.IIN
}

// Marriage is a marriage of a person, from the MARRIAGE act.
type Marriage struct {
	Date   sio.Date
	Spouse sio.IIN
}

// KinOf indexes b. Marriages of each person are in act order (oldest first).
func KinOf(b *Batch) *Kin {
	k := &Kin{
		ByIIN:     make(map[sio.IIN]*sio.Person, len(b.Persons)),
		Father:    map[sio.IIN]sio.IIN{},
		Mother:    map[sio.IIN]sio.IIN{},
		Marriages: map[sio.IIN][]Marriage{},
		Children:  map[sio.IIN][]sio.IIN{},
	}
	for i := range b.Persons {
		k.ByIIN[b.Persons[i].IIN] = &b.Persons[i]
	}
	for i := range b.Acts {
		a := &b.Acts[i]
		switch a.Kind {
		case sio.ActBirth:
			var child sio.IIN
			for _, p := range a.Parties {
				if p.Role == sio.RoleChild {
					child = p.IIN
				}
			}
			for _, p := range a.Parties {
				switch p.Role {
				case sio.RoleFather:
					k.Father[child] = p.IIN
					k.Children[p.IIN] = append(k.Children[p.IIN], child)
				case sio.RoleMother:
					k.Mother[child] = p.IIN
					k.Children[p.IIN] = append(k.Children[p.IIN], child)
				}
			}
		case sio.ActMarriage:
			if len(a.Parties) == 2 {
				x, y := a.Parties[0].IIN, a.Parties[1].IIN
				k.Marriages[x] = append(k.Marriages[x], Marriage{Date: a.Date, Spouse: y})
				k.Marriages[y] = append(k.Marriages[y], Marriage{Date: a.Date, Spouse: x})
			}
		}
	}
	return k
}

// End is the last day of the person's records: the death date, or Today.
func End(p *sio.Person) sio.Date {
	if p.DeathDate != nil {
		return *p.DeathDate
	}
	return Today()
}

// Permute maps n (0 <= n < m) to a distinct number below m: a fixed
// bijection (multiplication by a unit of Z/m plus an offset) that spreads
// consecutive counters over the whole range, for document and declaration
// numbers that must be unique without remembering the ones given out. mult
// must be coprime with m.
func Permute(n, mult, offset, m uint64) uint64 {
	return (n%m*mult + offset) % m
}

// MaxDate is the later of a and b.
func MaxDate(a, b sio.Date) sio.Date {
	if a.After(b.Time) {
		return a
	}
	return b
}

// MinDate is the earlier of a and b.
func MinDate(a, b sio.Date) sio.Date {
	if a.Before(b.Time) {
		return a
	}
	return b
}

// BatchMemo shares a derivation of each batch between the fillers that
// need it (the documents of СДН are shown at the border and in customs
// declarations): the first filler to ask derives it, the others, running
// concurrently on the same batch, wait and reuse it. The derivation must be
// a pure function of the batch and of the deriver's state S before it (seed
// and counters), returning the state after it; a filler whose state differs
// derives on its own. Entries hold their batch, so a batch's address is
// never reused while remembered; only the last few batches are kept.
type BatchMemo[S comparable, T any] struct {
	mu      sync.Mutex
	entries []*memoEntry[S, T]
}

type memoEntry[S comparable, T any] struct {
	b      *Batch
	before S
	once   sync.Once
	value  T
	after  S
}

const memoBatches = 2

// Do returns derive's result for (b, state), deriving it at most once.
func (m *BatchMemo[S, T]) Do(b *Batch, state S, derive func() (T, S)) (T, S) {
	m.mu.Lock()
	var e *memoEntry[S, T]
	for _, x := range m.entries {
		if x.b == b && x.before == state {
			e = x
		}
	}
	if e == nil {
		e = &memoEntry[S, T]{b: b, before: state}
		if len(m.entries) == memoBatches {
			// Forget the oldest (and let its batch go).
			copy(m.entries, m.entries[1:])
			m.entries[len(m.entries)-1] = nil
			m.entries = m.entries[:len(m.entries)-1]
		}
		m.entries = append(m.entries, e)
	}
	m.mu.Unlock()
	e.once.Do(func() { e.value, e.after = derive() })
	return e.value, e.after
}
