package synth

import (
	"math/bits"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"

	"sio"
)

// day is a calendar day counted from 1970-01-01 (negative before).
type day int32

func mkDay(y, m, d int) day {
	return day(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }
func (d day) date() sio.Date  { return sio.Date{Time: d.time()} }
func (d day) year() int       { return d.time().Year() }

// addYears moves d by n calendar years (29 February -> 1 March).
func (d day) addYears(n int) day {
	return day(d.time().AddDate(n, 0, 0).Unix() / 86400)
}

func (d day) datePtr() *sio.Date { x := d.date(); return &x }

// ageAt is the age in full years at t.
func (d day) ageAt(t day) int {
	b, a := d.time(), t.time()
	age := a.Year() - b.Year()
	if a.Month() < b.Month() || (a.Month() == b.Month() && a.Day() < b.Day()) {
		age--
	}
	return age
}

var (
	// today is the reference date of the synthetic snapshot: nothing is
	// dated later. Fixed, so that the data do not depend on the clock.
	today      = mkDay(2025, 1, 1)
	lastBirth  = mkDay(2024, 12, 31)
	firstBirth = mkDay(1940, 1, 1)
	iinBase    = mkDay(1900, 1, 1)
)

func maxDay(a, b day) day {
	if a > b {
		return a
	}
	return b
}

func minDay(a, b day) day {
	if a < b {
		return a
	}
	return b
}

// pickCum picks an index from cumulative weights.
func pickCum(r *rand.Rand, cum []int) int {
	x := r.IntN(cum[len(cum)-1])
	return sort.SearchInts(cum, x+1)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func between(r *rand.Rand, lo, hi day) day {
	if hi <= lo {
		return lo
	}
	return lo + day(r.IntN(int(hi-lo)+1))
}

func itoa(n int) string { return strconv.Itoa(n) }

func pad(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// ---- IIN ----------------------------------------------------------------

// Person IIN serials. Generate numbers the persons born on one day of one
// gender 0001, 0002, … (skipping serials whose check digit is unissuable) and
// never goes beyond personSerialMax: when a (birth date, gender) pair is full
// the person is born one day later. Serials officialSerialMin..9999 are
// reserved for GenerateOfficials, so officials never collide with persons.
const (
	personSerialMax   = 8999
	officialSerialMin = 9000
)

type iinAlloc struct{ next []uint16 }

func (a *iinAlloc) alloc(birth day, male bool) (sio.IIN, day) {
	g := sio.Female
	if male {
		g = sio.Male
	}
	for {
		i := int(birth-iinBase) * 2
		if male {
			i++
		}
		for i >= len(a.next) {
			a.next = append(a.next, make([]uint16, 4096)...)
		}
		for int(a.next[i]) < personSerialMax {
			a.next[i]++
			if iin, ok := sio.MakeIIN(birth.time(), g, int(a.next[i])); ok {
				return iin, birth
			}
		}
		birth++
	}
}

// ---- BIN ----------------------------------------------------------------

type binAlloc struct{ next map[int32]int32 }

// alloc returns a unique BIN registered in the month of reg with the given
// entity type and attribute digits; serials run 00001, 00002, … per
// (month, type, attribute).
func (a *binAlloc) alloc(reg day, typ, attr byte) sio.BIN {
	if a.next == nil {
		a.next = map[int32]int32{}
	}
	t := reg.time()
	for {
		k := int32(t.Year()*12+int(t.Month())-1)<<8 | int32(typ-'0')<<4 | int32(attr-'0')
		for a.next[k] < 99999 {
			a.next[k]++
			if bin, ok := sio.MakeBIN(t, typ, attr, int(a.next[k])); ok {
				return bin
			}
		}
		t = t.AddDate(0, 1, 0)
	}
}

// ---- permutations -------------------------------------------------------

// perm is an affine bijection of [0, m): n -> (a·n + b) mod m with gcd(a, m)
// = 1. It turns a counter into unique, random-looking numbers.
type perm struct{ a, b, m uint64 }

func newPerm(r *rand.Rand, m uint64) perm {
	for {
		a := r.Uint64N(m-1) + 1
		if gcd(a, m) == 1 && a > m/7 {
			return perm{a: a, b: r.Uint64N(m), m: m}
		}
	}
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// at maps n (taken modulo m) into [0, m).
func (p perm) at(n uint64) uint64 {
	hi, lo := bits.Mul64(p.a, n%p.m)
	return (bits.Rem64(hi, lo, p.m) + p.b) % p.m
}

// ---- VIN ----------------------------------------------------------------

// vinAlphabet is the legal VIN alphabet: digits and Latin letters without
// I, O and Q.
const vinAlphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"

// vinYearCodes are the model-year codes of position 10, 1980 = A, cycling
// every 30 years (no I, O, Q, U, Z, 0).
const vinYearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789"

var vinWeights = [17]int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}

// vinValue is the ISO 3779 / North-American transliteration of a VIN
// character: digits are themselves, A-H = 1-8, J-R = 1-9 (without O, Q),
// S-Z = 2-9.
func vinValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'H':
		return int(c-'A') + 1
	case c >= 'J' && c <= 'N':
		return int(c-'J') + 1
	case c == 'P':
		return 7
	case c == 'R':
		return 9
	case c >= 'S' && c <= 'Z':
		return int(c-'S') + 2
	}
	return -1
}

// VINCheckDigit computes position 9 of a 17-character VIN: the sum of the
// transliterated characters times the weights 8,7,6,5,4,3,2,10,0,9,8,7,6,5,
// 4,3,2, modulo 11; a remainder of 10 is written "X". ok is false when the
// VIN has a character outside the legal alphabet or the wrong length.
func VINCheckDigit(vin string) (byte, bool) {
	if len(vin) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := vinValue(vin[i])
		if v < 0 {
			return 0, false
		}
		sum += v * vinWeights[i]
	}
	c := sum % 11
	if c == 10 {
		return 'X', true
	}
	return byte('0' + c), true
}

// ValidVIN reports whether vin has 17 legal characters and a correct check
// digit.
func ValidVIN(vin string) bool {
	d, ok := VINCheckDigit(vin)
	return ok && vin[8] == d
}

// ---- plates ---------------------------------------------------------------

// plateLetters are the Latin letters used on plates (no I, O, Q, which read
// as digits).
const plateLetters = "ABCDEFGHJKLMNPRSTUVWXYZ"

// plate formats "DDDLLLRR" (persons: 3 digits, 3 letters, region) and
// "DDDLLRR" (legal entities: 2 letters), the 2012 Kazakh standard.
func plate(x uint64, letters int, region string) string {
	b := make([]byte, 0, 8)
	d := x%999 + 1
	x /= 999
	b = append(b, byte('0'+d/100), byte('0'+d/10%10), byte('0'+d%10))
	l := make([]byte, letters)
	for i := letters - 1; i >= 0; i-- {
		l[i] = plateLetters[x%uint64(len(plateLetters))]
		x /= uint64(len(plateLetters))
	}
	b = append(b, l...)
	return string(b) + region
}

func plateSpace(letters int) uint64 {
	m := uint64(999)
	for i := 0; i < letters; i++ {
		m *= uint64(len(plateLetters))
	}
	return m
}
