package synth

import (
	"strconv"

	"sio"
)

// Helpers for numbering schemes that must never collide: a counter per
// stream of the population (see the connector guide) spread over a number
// space, so serials look scattered as real ones do but stay unique.

// spreadA is the multiplier of Spread: neither even nor a multiple of 5,
// so it is coprime with every m whose prime factors are 2 and 5.
const spreadA = 7_368_787

// Spread maps n to [0, m) as a bijection of [0, m): distinct n below m give
// distinct values. m's prime factors must be 2 and 5 only (10^k, 5·10^k,
// 8·10^k ...).
func Spread(n, m uint64) uint64 {
	return (n%m*(spreadA%m) + m/3) % m
}

// LandlineNumberAt returns the n-th fixed-line number of the region (by
// KATO) in E.164 form: the area code of the region's centre (as
// LandlineNumber) and a local number starting with 2-9, Spread over the
// local numbering plan. Distinct n give distinct numbers until the plan is
// exhausted (8·10^(L-1) numbers for L local digits: 80,000 for the
// five-digit areas, 8 million for Almaty).
func LandlineNumberAt(kato string, n uint64) string {
	code, ok := landlineCodes[kato]
	if !ok {
		code = "727"
	}
	digits := 10 - len(code)
	unit := uint64(1)
	for range digits - 1 {
		unit *= 10
	}
	local := 2*unit + Spread(n, 8*unit)
	return "+7" + code + strconv.FormatUint(local, 10)
}

// Later returns the later of two dates.
func Later(a, b sio.Date) sio.Date {
	if a.Before(b.Time) {
		return b
	}
	return a
}

// Earlier returns the earlier of two dates.
func Earlier(a, b sio.Date) sio.Date {
	if b.Before(a.Time) {
		return b
	}
	return a
}
