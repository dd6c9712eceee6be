package transportkit_test

import (
	"math/rand/v2"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/synth"
)

func TestPermIsABijection(t *testing.T) {
	for _, m := range []uint64{1000, 23 * 23 * 1000} {
		p := transportkit.NewPerm(synth.NewKeyed(1, "x"), "test", m)
		seen := make(map[uint64]bool, m)
		for n := range m {
			x := p.At(n)
			if x >= m || seen[x] {
				t.Fatalf("m=%d: %d maps to %d twice or out of range", m, n, x)
			}
			seen[x] = true
		}
	}
	// Large spaces do not overflow: distinct counters stay distinct.
	p := transportkit.NewPerm(synth.NewKeyed(1, "x"), "big", 10_000_000_000)
	if a, b := p.At(9_999_999_998), p.At(9_999_999_999); a == b || a >= 10_000_000_000 || b >= 10_000_000_000 {
		t.Fatalf("big permutation: %d, %d", a, b)
	}
}

func TestRareGuaranteesTheFirstCandidates(t *testing.T) {
	q := &transportkit.Rare{Min: 2}
	r := rand.New(rand.NewPCG(1, 2))
	if !q.Draw(r, 0) || !q.Draw(r, 0) || q.Draw(r, 0) {
		t.Fatal("the first two candidates qualify, the third does not at p=0")
	}
}

func TestRingKeepsTheMostRecent(t *testing.T) {
	g := transportkit.NewRing[int](3)
	r := rand.New(rand.NewPCG(1, 2))
	if _, ok := g.Pick(r); ok {
		t.Fatal("an empty ring has nothing to pick")
	}
	for i := 1; i <= 5; i++ {
		g.Push(i)
	}
	for range 50 {
		if x, _ := g.Pick(r); x < 3 || g.Len() != 3 {
			t.Fatalf("picked %d of the last three", x)
		}
	}
}

func TestIdentifiersAndNames(t *testing.T) {
	if n := transportkit.ERDRNumber(sio.MustDate("2023-02-01"), "35", 200_017); n != "233500031200017" {
		t.Fatalf("ЕРДР number %s", n)
	}
	if transportkit.PlateRegion("123ABC17") != "79" || transportkit.PlateRegion("123AB02") != "75" || transportkit.PlateRegion("X") != "" {
		t.Fatal("plate regions")
	}
	if got := transportkit.AdminCourt("71"); got != "Специализированный межрайонный административный суд г. Астаны" {
		t.Fatalf("court %q", got)
	}
	counts := make([]int, 3)
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		counts[transportkit.Weighted(r, 1, 0, 2)]++
	}
	if counts[1] != 0 || counts[0] < 800 || counts[2] < 1700 {
		t.Fatalf("weighted draws %v", counts)
	}
	c := transportkit.NewCounters(100)
	if c.Next("a") != 101 || c.Next("a") != 102 || c.Next("b") != 101 {
		t.Fatal("counters per key")
	}
	for _, kato := range []string{"71", "47", "10"} {
		for range 20 {
			if p := transportkit.Place(r, kato); p == "" || p == kato {
				t.Fatalf("no place in region %s", kato)
			}
		}
	}
}
