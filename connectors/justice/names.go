package justice

import (
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
)

// Officials named in the records (judges, bailiffs, notaries) are written
// as in documents: surname and initials ("Жумабаева А.К."). Each office has
// a fixed roster derived from its name, so the same judges sit in a court
// across cases and batches.

var officialSurnames = []string{
	"Ахметов", "Жумабаев", "Искаков", "Сулейменов", "Нурланов", "Касымов", "Абдрахманов", "Бекмуханов",
	"Тулегенов", "Омаров", "Садыков", "Ермеков", "Калиев", "Мухамеджанов", "Серикбаев", "Байжанов",
	"Есенов", "Кенжебаев", "Амангельдиев", "Турсунов", "Иванов", "Петров", "Ким", "Шевченко", "Смирнов",
	"Кузнецов", "Попов", "Бондаренко", "Рахимов", "Юсупов", "Габдуллин", "Мусин", "Жакупов", "Сейтказиев",
}

var initials = []rune("АБГДЕЖЗИКЛМНОРСТУФХШЭЮЯ")

// OfficialName draws a name: a surname (feminine for about half), initials.
func OfficialName(r *rand.Rand) string {
	s := officialSurnames[r.IntN(len(officialSurnames))]
	if r.IntN(2) == 0 {
		switch {
		case strings.HasSuffix(s, "ов"), strings.HasSuffix(s, "ев"), strings.HasSuffix(s, "ин"):
			s += "а"
		}
	}
	return s + " " + string(initials[r.IntN(len(initials))]) + "." + string(initials[r.IntN(len(initials))]) + "."
}

// Roster is a fixed set of officials of an office.
type Roster struct{ names, ids []string }

// NewRoster returns the n officials of office: the same for the same
// office whatever the seed, since the office exists outside the synthetic
// population. ids are licence numbers (7 digits).
func NewRoster(office string, n int) Roster {
	h := fnv.New64a()
	h.Write([]byte(office))
	r := rand.New(rand.NewPCG(h.Sum64(), 0x5eed))
	var ro Roster
	for range n {
		ro.names = append(ro.names, OfficialName(r))
		ro.ids = append(ro.ids, strconv.Itoa(1_000_000+r.IntN(9_000_000)))
	}
	return ro
}

// Pick draws one of the roster: its name and licence number.
func (ro Roster) Pick(r *rand.Rand) (name, licence string) {
	i := r.IntN(len(ro.names))
	return ro.names[i], ro.ids[i]
}

// rosters caches rosters by office (read-mostly, filled lazily by one
// model; a model is not shared between goroutines).
type rosters map[string]Roster

func (rs rosters) pick(r *rand.Rand, office string, n int) string {
	ro, ok := rs[office]
	if !ok {
		ro = NewRoster(office, n)
		rs[office] = ro
	}
	name, _ := ro.Pick(r)
	return name
}

// Weighted draws items by relative weight.
type Weighted[T any] struct {
	items []T
	cum   []int
}

// NewWeighted weighs items (the slice is kept, not copied).
func NewWeighted[T any](items []T, weight func(*T) int) Weighted[T] {
	w := Weighted[T]{items: items}
	n := 0
	for i := range items {
		n += weight(&items[i])
		w.cum = append(w.cum, n)
	}
	return w
}

// Pick draws an item.
func (w Weighted[T]) Pick(r *rand.Rand) *T {
	x := r.IntN(w.cum[len(w.cum)-1])
	i := sort.SearchInts(w.cum, x+1)
	return &w.items[i]
}
