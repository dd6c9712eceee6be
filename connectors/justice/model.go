// Package justice is the shared synthetic model of the criminal-justice,
// court and enforcement registers: who of the population was prosecuted,
// convicted, wanted, fined, sued, divorced by a court, owes alimony or a
// bank, went missing or was expelled. It is not a connector: the
// connectors of those registers (specialrecords, courts, courtcards,
// demands, fugitives, missingpersons, deportation, enforcement, debtors,
// enotary) each run a Model over the batches of the population and store
// their share of its Facts, so the registers agree with each other: the
// ЕРДР number of a wanted person is a case of his criminal record, the
// court case of a conviction is in the court database with its statistical
// card, an enforcement proceeding executes a court case or a notary's
// executive inscription that exists, a debtor's exit ban is a restriction
// of his proceeding, a missing person is alive and not in prison, and an
// expelled person is a foreign citizen.
//
// Determinism: randomness is drawn from a Keyed stream (seed, "justice")
// re-seeded per person (IIN) or legal entity (BIN), and numbers come from
// counters advanced in population order, persons and entities in separate
// number spaces; so the facts depend only on the seed and the population,
// not on batch cuts, and every connector's Model computes the same facts.
package justice

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"

	"sio"
	"sio/synth"
)

// Model derives the facts of the justice registers batch by batch. A Model
// must see every batch of the population in order (it keeps number
// counters and a ring of recent companies); it is not safe for concurrent
// use.
type Model struct {
	seed    int64
	k       *synth.Keyed
	serials Counters
	rosters rosters
	ring    []companyRef
	ringN   int
	// expelled is set once a foreigner has been expelled: the first foreign
	// citizen of the population always is, so that every data set, however
	// small, holds an expulsion.
	expelled bool
}

// companyRef is a company remembered as a possible creditor of later ones.
type companyRef struct {
	bin  sio.BIN
	name string
}

const ringSize = 64

// New returns the model of the data set selected by seed.
func New(seed int64) *Model {
	return &Model{seed: seed, k: synth.NewKeyed(seed, "justice"), serials: Counters{}, rosters: rosters{},
		ring: make([]companyRef, 0, ringSize)}
}

// clone returns an independent copy of the model's state.
func (m *Model) clone() *Model {
	c := New(m.seed)
	for k, v := range m.serials {
		c.serials[k] = v
	}
	for k, v := range m.rosters {
		c.rosters[k] = v
	}
	c.ring, c.ringN = append(c.ring, m.ring...), m.ringN
	c.expelled = m.expelled
	return c
}

// Inscription is a notary's executive inscription (исполнительная надпись)
// on a defaulted bank loan: a notarial act of Е-Нотариат that an
// enforcement proceeding executes.
type Inscription struct {
	RegistryNumber string
	Date           sio.Date
	RegionKATO     string
	NotaryName     string
	NotaryLicence  string
	Debtor         *sio.Person
	CreditorName   string
	AmountTiyn     int64
}

// Facts are the records of the justice registers derived from one batch,
// each slice in population order.
type Facts struct {
	CriminalRecords []sio.CriminalRecord
	Offences        []sio.AdministrativeOffence
	Dactyloscopy    []sio.DactyloscopicRecord
	CourtCases      []sio.CourtCase
	CourtParties    []sio.CourtParty
	CourtCards      []sio.CourtCard
	Fugitives       []sio.FugitiveRecord
	Missing         []sio.MissingPersonRecord
	Expulsions      []sio.Expulsion
	Proceedings     []sio.EnforcementProceeding
	Restrictions    []sio.EnforcementRestriction
	Debtors         []sio.DebtorRestriction
	Inscriptions    []Inscription
}

// Batch derives the facts of a batch. Call it for every batch, in order.
func (m *Model) Batch(b *synth.Batch) *Facts {
	f := &Facts{}
	x := newBatchIndex(b)
	for i := range b.Persons {
		m.person(f, x, &b.Persons[i])
	}
	for i := range b.Entities {
		m.company(f, x, &b.Entities[i])
	}
	return f
}

// subject is what the generator knows of a person while deriving the
// person's facts.
type subject struct {
	p     *sio.Person
	r     *rand.Rand
	place *Place
	male  bool
	age   int // at the snapshot date
	x     *batchIndex
	// busy holds the periods of imprisonment and of hiding from the
	// investigation, which exclude other events (a missing-person report).
	busy [][2]sio.Date
}

func (s *subject) Place() Place {
	if s.place == nil {
		pl := PlaceOfPerson(s.r, s.p)
		s.place = &pl
	}
	return *s.place
}

// free reports whether the person was neither imprisoned nor hiding at d.
func (s *subject) free(d sio.Date) bool {
	for _, b := range s.busy {
		if !d.Before(b[0].Time) && !d.After(b[1].Time) {
			return false
		}
	}
	return true
}

// end is the last date an event of the person may have: the day before the
// snapshot, or before the death.
func (s *subject) end() sio.Date {
	if s.p.DeathDate != nil {
		return synth.AddDays(*s.p.DeathDate, -1)
	}
	return synth.AddDays(synth.Today(), -1)
}

func (m *Model) person(f *Facts, x *batchIndex, p *sio.Person) {
	s := &subject{p: p, r: m.k.For(string(p.IIN)), male: p.Gender == sio.Male, x: x, age: synth.AgeAt(p, synth.Today())}
	m.crimes(f, s)
	m.offences(f, s)
	m.dactyloscopy(f, s)
	m.divorces(f, s)
	m.loans(f, s)
	m.missing(f, s)
}

// ---- numbers ---------------------------------------------------------------

// Counters number the records of registers: one serial per number series
// (a registry, year and region, say). Feed a Counters the records of one
// stream (persons, entities, vehicles, ...) in population order and the
// numbers never depend on batch cuts.
type Counters map[string]int

// Next returns the next serial of a number series: the series starts at
// first plus an offset of its own and advances by small random gaps
// (records of other subjects registered in between).
func (c Counters) Next(r *rand.Rand, series string, first int) int {
	n, ok := c[series]
	if !ok {
		h := fnv.New32a()
		h.Write([]byte(series))
		n = first + int(h.Sum32()%500)
	}
	n += 1 + r.IntN(9)
	c[series] = n
	return n
}

func (m *Model) next(r *rand.Rand, series string, first int) int {
	return m.serials.Next(r, series, first)
}

func yy(d sio.Date) string { return Pad(d.Year()%100, 2) }

// Pad writes n with leading zeros to width digits.
func Pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// erdrNumber is a ЕРДР number: YY RR AA 031 NNNNNN.
func (m *Model) erdrNumber(r *rand.Rand, d sio.Date, kato, agency string) string {
	head := yy(d) + kato + agency + "031"
	return head + Pad(m.next(r, "erdr"+head, 10000), 6)
}

// cardNumber is the number of a statistical card of a case registered
// before ЕРДР (2015): YY RR AA NNNNNN.
func (m *Model) cardNumber(r *rand.Rand, d sio.Date, kato, agency string) string {
	head := yy(d) + kato + agency
	return head + Pad(m.next(r, "card"+head, 10000), 6)
}

// aisSUNumber is an АИС СУ number: YY RR AA K NNNNNN, K = 1 administrative
// case, 2 search case.
func (m *Model) aisSUNumber(r *rand.Rand, d sio.Date, kato, agency, k string) string {
	head := yy(d) + kato + agency + k
	return head + Pad(m.next(r, "aissu"+head, 10000), 6)
}

// courtCaseNumber is an ЕАИАС number: CCCC-YY-00-K/N.
func (m *Model) courtCaseNumber(r *rand.Rand, c Court, d sio.Date, cat sio.CourtCaseCategory) string {
	k := map[sio.CourtCaseCategory]string{sio.CourtCriminal: "1", sio.CourtCivil: "2", sio.CourtAdministrative: "3"}[cat]
	head := c.Code + "-" + yy(d) + "-00-" + k + "/"
	return head + strconv.Itoa(m.next(r, head, 2000))
}

// Number streams of АИС ОИП: proceedings against persons and against
// companies count in separate ranges, so batch cuts never interleave them.
const (
	oipPersons   = 10_000
	oipCompanies = 5_000_000
)

// proceedingNumber is an АИС ОИП number: YY RR 7 NNNNNNN.
func (m *Model) proceedingNumber(r *rand.Rand, d sio.Date, kato string, stream int) string {
	head := yy(d) + kato + "7"
	return head + Pad(m.next(r, "oip"+strconv.Itoa(stream)+head, stream), 7)
}

// NotaryStream is the stream digit of Е-Нотариат registry numbers of the
// executive inscriptions made by this model; the notary connector numbers
// its other acts with other digits.
const NotaryStream = 1

// NotarialNumber formats an Е-Нотариат registry number: YY RR S NNNNNN.
func NotarialNumber(d sio.Date, kato string, stream, serial int) string {
	return yy(d) + kato + strconv.Itoa(stream) + Pad(serial, 6)
}

// notaryRosters are the notaries of each region (by KATO).
var notaryRosters = func() map[string]Roster {
	m := map[string]Roster{}
	for _, r := range sio.Regions {
		m[r.KATO] = NewRoster("Нотариальная палата "+r.GenitiveRu(), 24)
	}
	return m
}()

// NotaryRoster is the roster of notaries of a region (by KATO).
func NotaryRoster(kato string) Roster {
	if r, ok := notaryRosters[kato]; ok {
		return r
	}
	return notaryRosters["71"]
}

// fullName is sio.Person.FullName without its allocations (the model
// writes many names).
func fullName(p *sio.Person) string {
	if p.MiddleName == "" {
		return p.LastName + " " + p.FirstName
	}
	return p.LastName + " " + p.FirstName + " " + p.MiddleName
}

// ---- dates -----------------------------------------------------------------

func days(d sio.Date, n int) sio.Date  { return synth.AddDays(d, n) }
func years(d sio.Date, n int) sio.Date { return synth.AddYears(d, n) }
func months(d sio.Date, n int) sio.Date {
	return sio.Date{Time: d.AddDate(0, n, 0)}
}

func between(r *rand.Rand, lo, hi sio.Date) sio.Date { return synth.DateBetween(r, lo, hi) }

func maxDate(a, b sio.Date) sio.Date {
	if a.After(b.Time) {
		return a
	}
	return b
}

func minDate(a, b sio.Date) sio.Date {
	if a.Before(b.Time) {
		return a
	}
	return b
}

func ptr[T any](v T) *T { return &v }

// subjectID returns the identifier and kind of a party as the nullable
// columns of records store them.
func subjectID(id string, kind sio.SubjectKind) (*string, *sio.SubjectKind) { return &id, &kind }

// ---- batch index -------------------------------------------------------------

// batchIndex holds what the facts of a person need from the rest of the
// batch: divorces with the children of the couple, the vehicles of each
// owner and the real estate of companies. A family never spans two
// batches, and these are generated with their owner, so the index never
// depends on batch cuts.
type batchIndex struct {
	b        *synth.Batch
	divorces map[sio.IIN][]divorce
	names    map[sio.IIN]*sio.Person
	vehicles map[string][]string
	estate   map[string][]string
	ownersOK bool
}

type divorce struct {
	wife     sio.IIN
	date     sio.Date
	children []sio.IIN
}

func newBatchIndex(b *synth.Batch) *batchIndex {
	x := &batchIndex{b: b, divorces: map[sio.IIN][]divorce{}, names: map[sio.IIN]*sio.Person{}}
	couples := map[[2]sio.IIN]int{}
	type ref struct {
		h sio.IIN
		i int
	}
	var order []ref
	for i := range b.Acts {
		a := &b.Acts[i]
		if a.Kind != sio.ActDivorce || len(a.Parties) != 2 {
			continue
		}
		h, w := a.Parties[0].IIN, a.Parties[1].IIN
		if h.Gender() != sio.Male {
			h, w = w, h
		}
		x.divorces[h] = append(x.divorces[h], divorce{wife: w, date: a.Date})
		couples[[2]sio.IIN{h, w}] = len(x.divorces[h]) - 1
		order = append(order, ref{h, len(x.divorces[h]) - 1})
		x.names[w] = nil
	}
	if len(couples) > 0 {
		for i := range b.Acts {
			a := &b.Acts[i]
			if a.Kind != sio.ActBirth {
				continue
			}
			var child, mother, father sio.IIN
			for _, p := range a.Parties {
				switch p.Role {
				case sio.RoleChild:
					child = p.IIN
				case sio.RoleMother:
					mother = p.IIN
				case sio.RoleFather:
					father = p.IIN
				}
			}
			if k, ok := couples[[2]sio.IIN{father, mother}]; ok {
				d := &x.divorces[father][k]
				d.children = append(d.children, child)
			}
		}
		for i := range b.Persons {
			if _, ok := x.names[b.Persons[i].IIN]; ok {
				x.names[b.Persons[i].IIN] = &b.Persons[i]
			}
		}
	}
	return x
}

// owned returns the vehicles (VIN) of an owner (IIN or BIN) and the real
// estate (cadastral numbers) of a company.
func (x *batchIndex) owned(id string) (vins, cadastral []string) {
	if !x.ownersOK {
		x.ownersOK = true
		x.vehicles = map[string][]string{}
		x.estate = map[string][]string{}
		for i := range x.b.Vehicles {
			v := &x.b.Vehicles[i]
			x.vehicles[v.OwnerID] = append(x.vehicles[v.OwnerID], v.VIN)
		}
		for i := range x.b.PropertyRights {
			// A person's property may be registered in a later batch (the
			// shop of an entrepreneur): only companies' property, created
			// with the company, is arrested.
			if pr := &x.b.PropertyRights[i]; pr.HolderKind == sio.SubjectLegalEntity {
				x.estate[pr.HolderID] = append(x.estate[pr.HolderID], pr.ObjectNumber)
			}
		}
	}
	return x.vehicles[id], x.estate[id]
}
