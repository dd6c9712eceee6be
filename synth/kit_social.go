package synth

import (
	"math/rand/v2"
	"sort"

	"sio"
)

// Staffing: attaching persons to the companies of the population (employers,
// vacancies) in a way that depends only on the seed and the population,
// never on where batches are cut.
//
// Persons and companies each come in population order, but a batch cut
// decides which companies a person's batch already holds. So a person's
// candidate employers are fixed by position, not by batch: person number i
// (counting from 0 over the whole population) may work for the companies
// numbered [i/personsPerCompanyIndex - employerWindow, i/personsPerCompanyIndex)
// and for the hub HubOf(i). The population creates about one company per 20
// persons, after the family whose persons it references, so these companies
// usually arrive with the person's own batch; when they do not, Staffing
// holds the person back until a later batch brings them. Holding back only
// delays the person's records: which records they are never changes.

const (
	// personsPerCompanyIndex is slightly above the population's 20 persons
	// per company, so that a person's window rarely waits for later batches.
	personsPerCompanyIndex = 21
	// employerWindow is the number of companies a person chooses from.
	employerWindow = 200
	// hubFounders: an АО with at least this many legal-entity founders is a
	// hub of the population (hubs have ~50; ordinary companies 1-3 founders).
	hubFounders = 10
	// hubLead bounds the persons generated before the first hub (see the
	// generator's hubFirst): hub k exists once person k·personsPerHub +
	// hubLead has been generated.
	hubLead = 5000
)

// Company is what Staffing remembers of a legal entity of the population.
type Company struct {
	BIN        sio.BIN
	NameRu     string
	Form       string // ТОО, АО, ИП, КХ
	Active     bool
	RegionKATO string
	Registered sio.Date
	// Hub marks the holding companies of the population (see doc.go).
	Hub bool
}

// HubOf is the hub whose staff person number i may join: the last hub
// generated before that person (hub 0 for the first persons).
func HubOf(i int) int { return max(0, (i-hubLead)/personsPerHub) }

// Staffing follows the persons and companies of the population across the
// batches a filler sees, and hands each person, in population order, the
// companies it may be attached to. Not safe for concurrent use: a filler owns
// its own.
type Staffing struct {
	base    int         // population index of ring[0]
	ring    []Company   // companies from base on
	hubs    [][]Company // each hub followed by the partnerships that founded it
	nextIdx int         // population index of the next person
	pending []heldPerson

	// pick cache: cumulative weights of the current window per region.
	winLo, winHi int
	byRegion     map[string]*weighted
	all          *weighted
}

type heldPerson struct {
	p   sio.Person
	idx int
}

// Hiring is what one person may be attached to.
type Hiring struct {
	s *Staffing
	// Index is the person's position in the population (from 0).
	Index  int
	lo, hi int
}

// Feed takes a batch of the population and calls f for every person whose
// companies have all arrived, in population order (persons held back from
// earlier batches first). The person passed to f is a copy owned by the
// call.
func (s *Staffing) Feed(b *Batch, f func(p *sio.Person, h *Hiring) error) error {
	s.addCompanies(b)
	for i := range b.Persons {
		s.pending = append(s.pending, heldPerson{p: b.Persons[i], idx: s.nextIdx})
		s.nextIdx++
	}
	done := 0
	for _, hp := range s.pending {
		lo, hi := window(hp.idx)
		if hi > s.base+len(s.ring) || HubOf(hp.idx) >= len(s.hubs) {
			break
		}
		p := hp.p
		if err := f(&p, &Hiring{s: s, Index: hp.idx, lo: lo, hi: hi}); err != nil {
			return err
		}
		done++
	}
	s.pending = append(s.pending[:0], s.pending[done:]...)
	// Companies below the window of the next person are no longer needed.
	next := s.nextIdx
	if len(s.pending) > 0 {
		next = s.pending[0].idx
	}
	if lo, _ := window(next); lo > s.base {
		drop := min(lo-s.base, len(s.ring))
		s.ring = append(s.ring[:0], s.ring[drop:]...)
		s.base += drop
	}
	return nil
}

func window(i int) (lo, hi int) {
	hi = i / personsPerCompanyIndex
	return max(0, hi-employerWindow), hi
}

// HubsOf returns the hub holdings of the batch (see doc.go), each with the
// partnerships that founded it (in the same batch, created just before it).
func HubsOf(b *Batch) map[sio.BIN][]sio.BIN {
	entityFounders := map[sio.BIN][]sio.BIN{}
	for _, f := range b.Founders {
		if f.FounderKind == sio.SubjectLegalEntity {
			entityFounders[f.EntityBIN] = append(entityFounders[f.EntityBIN], sio.BIN(f.FounderID))
		}
	}
	for bin, fs := range entityFounders {
		if len(fs) < hubFounders {
			delete(entityFounders, bin)
		}
	}
	for i := range b.Entities {
		if e := &b.Entities[i]; entityFounders[e.BIN] != nil && e.LegalForm != "АО" {
			delete(entityFounders, e.BIN)
		}
	}
	return entityFounders
}

func (s *Staffing) addCompanies(b *Batch) {
	hubs := HubsOf(b)
	byBIN := make(map[sio.BIN]int, len(b.Entities))
	for i := range b.Entities {
		e := &b.Entities[i]
		c := Company{BIN: e.BIN, NameRu: e.NameRu, Form: e.LegalForm, Active: e.Status == "ACTIVE",
			RegionKATO: e.RegionKATO, Registered: e.RegistrationDate}
		byBIN[e.BIN] = len(s.ring)
		if fs, ok := hubs[e.BIN]; ok {
			c.Hub = true
			group := []Company{c}
			for _, f := range fs {
				if j, ok := byBIN[f]; ok {
					group = append(group, s.ring[j])
				}
			}
			s.hubs = append(s.hubs, group)
		}
		s.ring = append(s.ring, c)
	}
}

// HubGroup is the person's hub (see HubOf) followed by the partnerships
// that founded it (in the same batch, created just before it).
func (h *Hiring) HubGroup() []Company { return h.s.hubs[HubOf(h.Index)] }

// Employer draws a company of the person's window: an АО weighs as much as a
// dozen ТОО and an ИП or КХ a quarter of one (large companies employ many);
// liquidated companies count half. With probability sameRegion it is drawn
// among the companies of the region (KATO) when there are any. ok is false
// when the window is empty (the first persons of the population).
func (h *Hiring) Employer(r *rand.Rand, kato string, sameRegion float64) (Company, bool) {
	s := h.s
	if h.lo == h.hi {
		return Company{}, false
	}
	if s.byRegion == nil || s.winLo != h.lo || s.winHi != h.hi {
		s.reweigh(h.lo, h.hi)
	}
	w := s.all
	if rw := s.byRegion[kato]; rw != nil && Chance(r, sameRegion) {
		w = rw
	}
	return s.ring[w.pick(r)-s.base], true
}

// weighted is a list of company indexes with cumulative weights.
type weighted struct {
	idx []int
	cum []float64
}

func (w *weighted) add(i int, x float64) {
	last := 0.0
	if len(w.cum) > 0 {
		last = w.cum[len(w.cum)-1]
	}
	w.idx = append(w.idx, i)
	w.cum = append(w.cum, last+x)
}

func (w *weighted) pick(r *rand.Rand) int {
	x := r.Float64() * w.cum[len(w.cum)-1]
	return w.idx[min(sort.SearchFloat64s(w.cum, x), len(w.idx)-1)]
}

func (s *Staffing) reweigh(lo, hi int) {
	s.winLo, s.winHi = lo, hi
	s.byRegion = map[string]*weighted{}
	s.all = &weighted{}
	for i := lo; i < hi; i++ {
		c := &s.ring[i-s.base]
		x := 1.0
		switch c.Form {
		case "АО":
			x = 12
		case "ИП", "КХ":
			x = 0.25
		}
		if !c.Active {
			x /= 2
		}
		s.all.add(i, x)
		rw := s.byRegion[c.RegionKATO]
		if rw == nil {
			rw = &weighted{}
			s.byRegion[c.RegionKATO] = rw
		}
		rw.add(i, x)
	}
}

// PickWeighted returns an index of weights drawn in proportion to them.
func PickWeighted(r *rand.Rand, weights []int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	x := r.IntN(sum)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// MonthsBetween lists the first days of the months from the month of lo to
// the month of hi, inclusive.
func MonthsBetween(lo, hi sio.Date) []sio.Date {
	var out []sio.Date
	m := sio.Date{Time: lo.AddDate(0, 0, 1-lo.Day())}
	for !m.After(hi.Time) {
		out = append(out, m)
		m = sio.Date{Time: m.AddDate(0, 1, 0)}
	}
	return out
}

// Census is a generated population indexed by identifier: what the test of
// a filler checks the records it derived against.
type Census struct {
	Persons  map[sio.IIN]*sio.Person
	Entities map[sio.BIN]*sio.LegalEntity
	// HubGroup holds the hub holdings and the partnerships that founded
	// them.
	HubGroup map[sio.BIN]bool
}

// TakeCensus generates the population of cfg and indexes it.
func TakeCensus(cfg Config) (*Census, error) {
	c := &Census{Persons: map[sio.IIN]*sio.Person{}, Entities: map[sio.BIN]*sio.LegalEntity{}, HubGroup: map[sio.BIN]bool{}}
	err := Generate(cfg, func(b *Batch) error {
		for i := range b.Persons {
			c.Persons[b.Persons[i].IIN] = &b.Persons[i]
		}
		for i := range b.Entities {
			c.Entities[b.Entities[i].BIN] = &b.Entities[i]
		}
		for hub, members := range HubsOf(b) {
			c.HubGroup[hub] = true
			for _, m := range members {
				c.HubGroup[m] = true
			}
		}
		return nil
	})
	return c, err
}
