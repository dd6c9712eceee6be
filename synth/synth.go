package synth

import (
	"math/rand/v2"

	"sio"
)

// Config configures the generator.
type Config struct {
	// Seed selects the data set: the same Seed and Persons give
	// byte-identical data.
	Seed int64
	// Persons is the number of persons (default 10,000).
	Persons int
	// BatchPersons is the number of persons per emitted batch (default
	// 10,000); a batch ends with a whole family, so it may hold a few more.
	// It does not change the generated data, only how it is cut.
	BatchPersons int
}

const (
	defaultPersons      = 10_000
	defaultBatchPersons = 10_000
	// personsPerHub: one hub company per this many persons (at least one).
	personsPerHub = 100_000
)

func (c Config) persons() int {
	if c.Persons <= 0 {
		return defaultPersons
	}
	return c.Persons
}

func (c Config) batchPersons() int {
	if c.BatchPersons <= 0 {
		return defaultBatchPersons
	}
	return c.BatchPersons
}

// Batch is one slice of the generated data. Every reference in a batch
// points to records emitted in the same or an earlier batch.
type Batch struct {
	Persons        []sio.Person
	Entities       []sio.LegalEntity
	Founders       []sio.Founder
	Properties     []sio.RealEstate
	PropertyRights []sio.PropertyRight
	Plots          []sio.LandPlot
	PlotRights     []sio.PropertyRight
	Vehicles       []sio.Vehicle
	Taxpayers      []sio.Taxpayer
	Debts          []sio.TaxDebt
	Acts           []sio.CivilAct // with Parties filled
}

// Record-ID ranges: property rights count from 1, land-plot rights from
// plotRecordBase + 1, tax-debt lines from 1.
const plotRecordBase = 5_000_000_000

// Generate emits the data in batches. A batch holds whole families: it is
// emitted as soon as it has at least cfg.BatchPersons persons (so it may
// exceed that by the size of one family; the last batch is smaller). The
// content does not depend on BatchPersons: only Seed and Persons select it.
// Generate stops at the first error of emit and returns it.
func Generate(cfg Config, emit func(*Batch) error) error {
	g := newGen(cfg)
	total, per := cfg.persons(), cfg.batchPersons()
	g.b = &Batch{}
	for g.personsDone < total {
		g.clan(total - g.personsDone)
		if len(g.b.Persons) >= per || g.personsDone >= total {
			if err := emit(g.b); err != nil {
				return err
			}
			g.b, g.ps = &Batch{}, g.ps[:0]
		}
	}
	return nil
}

// seedPair derives the two PCG words of a stream from the seed and a
// purpose tag (SplitMix64 finaliser).
func seedPair(seed int64, tag uint64) (uint64, uint64) {
	mix := func(z uint64) uint64 {
		z += 0x9e3779b97f4a7c15
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	a := mix(uint64(seed) ^ tag*0x9e3779b97f4a7c15)
	return a, mix(a ^ tag)
}

type poolEntry struct {
	iin      sio.IIN
	birth    day
	reg, loc int16
}

type entEntry struct {
	bin     sio.BIN
	reg     day
	rg, loc int16
}

type gen struct {
	cfg Config
	r   *rand.Rand

	iins iinAlloc
	bins binAlloc

	actID   int64
	actNum  map[int64]int32
	propRec int64
	plotRec int64
	debtRec int64

	vinN, certN, docN   uint64
	vinPerm, certPerm   perm
	docPerm             perm
	plateN              [][2]uint64
	platePerm           [][2]perm
	locs                [][]locState
	pool                []poolEntry
	poolNext            int
	ents                []entEntry
	entsNext            int
	hubsDone, hubsTotal int
	personsDone         int
	foreigners          int // foreign spouses so far (see citizenship)
	entCarry            float64
	entre               []entrepreneur // not yet used for an ИП / КХ
	hubFirst            int            // persons generated before the first hub
	hhs                 []household
	b                   *Batch
	ps                  []pinfo
}

const (
	poolCap = 20_000
	entsCap = 5_000
)

func newGen(cfg Config) *gen {
	s1, s2 := seedPair(cfg.Seed, 1)
	g := &gen{cfg: cfg, r: rand.New(rand.NewPCG(s1, s2)), actNum: map[int64]int32{}}
	g.vinPerm = newPerm(g.r, 33_000_000)
	g.certPerm = newPerm(g.r, uint64(len(plateLetters)*len(plateLetters))*100_000_000)
	g.docPerm = newPerm(g.r, 100_000_000)
	g.plateN = make([][2]uint64, len(regions))
	g.platePerm = make([][2]perm, len(regions))
	for i := range regions {
		g.platePerm[i] = [2]perm{newPerm(g.r, plateSpace(3)), newPerm(g.r, plateSpace(2))}
	}
	g.locs = make([][]locState, len(regions))
	for i := range regions {
		g.locs[i] = make([]locState, len(regions[i].locs))
		for k := range g.locs[i] {
			g.locs[i][k].init(g.r, regions[i].locs[k])
		}
	}
	g.hubsTotal = max(1, cfg.persons()/personsPerHub)
	g.hubFirst = min(5000, cfg.persons()/2)
	return g
}

// afterClan counts the n persons of the clan just generated and creates the
// legal entities (one per 20 persons) and hubs due at this point. Entities
// only reference persons of this or earlier clans, and so of this or an
// earlier batch.
func (g *gen) afterClan(n int) {
	g.personsDone += n
	// Hub k is due after person k·100,000 + hubFirst (enough adults for ~50
	// partnerships of ~50 participants).
	for g.hubsDone < g.hubsTotal && g.personsDone >= g.hubsDone*personsPerHub+g.hubFirst {
		g.hub()
		g.hubsDone++
	}
	g.entCarry += float64(n) / 20
	ne := int(g.entCarry)
	g.entCarry -= float64(ne)
	g.entities(ne)
}
