package synth

import (
	"context"
	"hash/fnv"
	"math/rand/v2"
	"time"

	"sio"
)

// The kit: what a connector's own generator needs to derive its records from
// the population, deterministically.
//
// A connector that simulates a state database beyond the core ones exposes
//
//	func (s *Store) Filler(seed int64) synth.Filler
//
// and the gateway runs every filler on each batch of the population, after
// the core stores have loaded it. A filler draws its randomness from a
// Keyed stream: re-seeded from (seed, connector, record key) for each key,
// so a connector's data depend only on the seed and the population, never on
// batch cuts, goroutine scheduling or the other connectors.

// Filler loads one state database's share of a batch of the population.
// Fillers of different connectors run concurrently on the same batch and
// must treat it as read-only.
type Filler func(ctx context.Context, b *Batch) error

// Keyed is a random stream re-seeded per record key. Not safe for
// concurrent use: a filler owns its own.
type Keyed struct {
	base uint64
	pcg  *rand.PCG
	r    *rand.Rand
}

// NewKeyed returns the stream of connector name under seed.
func NewKeyed(seed int64, name string) *Keyed {
	h := fnv.New64a()
	h.Write([]byte(name))
	a, _ := seedPair(seed, h.Sum64())
	k := &Keyed{base: a, pcg: rand.NewPCG(0, 0)}
	k.r = rand.New(k.pcg)
	return k
}

// For re-seeds the stream from key (an IIN, BIN, VIN ...) and returns it.
// The same key always gives the same sequence.
func (k *Keyed) For(key string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(key))
	a, b := seedPair(int64(k.base), h.Sum64())
	k.pcg.Seed(a, b)
	return k.r
}

// Today is the reference date of the synthetic snapshot: no record is dated
// later.
func Today() sio.Date { return today.date() }

// DateBetween draws a date in [lo, hi] (hi before lo gives lo).
func DateBetween(r *rand.Rand, lo, hi sio.Date) sio.Date {
	a, b := day(lo.Unix()/86400), day(hi.Unix()/86400)
	return between(r, a, b).date()
}

// AddDays moves d by n days.
func AddDays(d sio.Date, n int) sio.Date { return sio.Date{Time: d.AddDate(0, 0, n)} }

// AddYears moves d by n years.
func AddYears(d sio.Date, n int) sio.Date { return sio.Date{Time: d.AddDate(n, 0, 0)} }

// AgeAt is the person's age in full years at d.
func AgeAt(p *sio.Person, d sio.Date) int {
	return day(p.BirthDate.Unix() / 86400).ageAt(day(d.Unix() / 86400))
}

// Alive reports whether the person is alive at the snapshot date.
func Alive(p *sio.Person) bool { return p.DeathDate == nil }

// Pick returns a random element of xs.
func Pick[T any](r *rand.Rand, xs []T) T { return pick(r, xs) }

// Chance is true with probability p.
func Chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// Digits returns n random decimal digits.
func Digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

// mobilePrefixes are the DEF codes of Kazakh mobile operators.
var mobilePrefixes = []string{"700", "701", "702", "705", "707", "708", "747", "771", "775", "776", "777", "778"}

// MobileNumber draws a Kazakh mobile number in E.164 form, "+77011234567".
func MobileNumber(r *rand.Rand) string {
	return "+7" + Pick(r, mobilePrefixes) + Digits(r, 7)
}

// landlineCodes are the area codes of regional centres, by KATO.
var landlineCodes = map[string]string{
	"71": "7172", "75": "727", "11": "7162", "15": "7132", "19": "72772", "23": "7122", "27": "7112",
	"31": "7262", "35": "7212", "39": "7142", "43": "7242", "47": "7292", "61": "72533", "55": "7182",
	"59": "7152", "63": "7232", "79": "7252", "10": "7222", "33": "7282", "62": "7102",
}

// LandlineNumber draws a fixed-line number of the region (by KATO) in E.164
// form: the area code and a local number, ten digits after +7 in all.
func LandlineNumber(r *rand.Rand, kato string) string {
	code, ok := landlineCodes[kato]
	if !ok {
		code = "727"
	}
	return "+7" + code + Digits(r, 10-len(code))
}

// Clock is a fixed instant of the snapshot for time-stamped records:
// the snapshot date at hh:mm Astana time (UTC+5), stored in UTC.
func Clock(d sio.Date, hh, mm int) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, time.UTC).Add(-5 * time.Hour)
}
