package synth

import (
	"regexp"
	"testing"
)

func TestSpreadIsABijection(t *testing.T) {
	for _, m := range []uint64{10, 80, 1000, 50_000} {
		seen := make(map[uint64]bool, m)
		for n := range m {
			v := Spread(n, m)
			if v >= m || seen[v] {
				t.Fatalf("Spread(%d, %d) = %d: out of range or repeated", n, m, v)
			}
			seen[v] = true
		}
	}
}

func TestLandlineNumberAt(t *testing.T) {
	e164 := regexp.MustCompile(`^\+77\d{9}$`)
	for kato, code := range landlineCodes {
		seen := map[string]bool{}
		for n := range uint64(2000) {
			s := LandlineNumberAt(kato, n)
			if !e164.MatchString(s) || s[2:2+len(code)] != code || s[2+len(code)] < '2' || seen[s] {
				t.Fatalf("LandlineNumberAt(%s, %d) = %s: want +7%s, a local number from 2, unique", kato, n, s, code)
			}
			seen[s] = true
		}
	}
}
