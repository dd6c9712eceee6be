// Package transportkit holds what the transport, road-traffic and
// criminal-records connectors share when they generate their synthetic
// data: rare-event quotas, rings of recent records, places on the roads of
// each region, the names of police units and courts, and ЕРДР numbers.
package transportkit

import (
	"context"
	"fmt"
	"iter"
	"math/bits"
	"math/rand/v2"
	"time"

	"sio"
	"sio/sqldb"
	"sio/synth"
)

// Rare decides a rare attribute along one stream of candidates taken in
// population order (persons, or entities): each candidate qualifies with
// probability p, and the first Min candidates always do, so that even a
// small population shows the attribute. A candidate's outcome depends only
// on its place in the stream, never on batch cuts.
type Rare struct {
	Min  int
	seen int
}

// Draw counts a candidate and reports whether it qualifies. It always
// draws from r, so the caller's sequence does not depend on the quota.
func (q *Rare) Draw(r *rand.Rand, p float64) bool {
	q.seen++
	hit := synth.Chance(r, p)
	return hit || q.seen <= q.Min
}

// Ring keeps the most recent records of a stream (population order) so
// that a record may refer to an earlier one of the same or an earlier
// batch: what it holds at a given record does not depend on batch cuts.
type Ring[T any] struct {
	buf  []T
	next int
}

// NewRing returns an empty ring of capacity n.
func NewRing[T any](n int) *Ring[T] { return &Ring[T]{buf: make([]T, 0, n)} }

// Push adds x, dropping the oldest record when full.
func (g *Ring[T]) Push(x T) {
	if len(g.buf) < cap(g.buf) {
		g.buf = append(g.buf, x)
		return
	}
	g.buf[g.next] = x
	g.next = (g.next + 1) % len(g.buf)
}

// Len is the number of records held.
func (g *Ring[T]) Len() int { return len(g.buf) }

// Pick returns a random record, false when empty.
func (g *Ring[T]) Pick(r *rand.Rand) (T, bool) {
	if len(g.buf) == 0 {
		var zero T
		return zero, false
	}
	return g.buf[r.IntN(len(g.buf))], true
}

// Counters issue serial numbers per key (a year and region, a series): the
// n-th call for a key returns base+n. Keys are visited in population order,
// so the numbers do not depend on batch cuts.
type Counters struct {
	base int
	m    map[string]int
}

// NewCounters returns counters whose first number is base+1.
func NewCounters(base int) *Counters { return &Counters{base: base, m: map[string]int{}} }

// Next returns the next number of key.
func (c *Counters) Next(key string) int {
	c.m[key]++
	return c.base + c.m[key]
}

// ERDRNumber formats a number of the unified register of pre-trial
// investigations as SIO's case registry does: YY (year of registration), RR
// (KATO region), AA (registering body, 00 internal affairs), 031, and a
// 6-digit serial. Connectors take their serials from their own range
// (Counters base) so that they never collide with the officials' cases or
// with each other.
func ERDRNumber(registered sio.Date, kato string, serial int) string {
	return fmt.Sprintf("%02d%s00031%06d", registered.Year()%100, kato, serial%1_000_000)
}

// At is an instant on day d between fromHour and toHour (exclusive), Astana
// time, stored in UTC.
func At(r *rand.Rand, d sio.Date, fromHour, toHour int) time.Time {
	return synth.Clock(d, fromHour+r.IntN(toHour-fromHour), r.IntN(60))
}

// Genitive is the region's name in the genitive case ("Акмолинской
// области"), the region's own code when unknown.
func Genitive(kato string) string {
	if reg, ok := sio.RegionByKATO(kato); ok {
		return reg.GenitiveRu()
	}
	return kato
}

// PoliceDepartment is the regional police department, "Департамент
// полиции г. Алматы".
func PoliceDepartment(kato string) string {
	return "Департамент полиции " + Genitive(kato)
}

// PatrolUnit is the patrol police of the region.
func PatrolUnit(kato string) string {
	return "Батальон патрульной полиции Управления административной полиции ДП " + Genitive(kato)
}

// InvestigationUnit is a unit of the regional police department that
// registers a pre-trial investigation and puts an object on the wanted list.
func InvestigationUnit(r *rand.Rand, kato string) string {
	return synth.Pick(r, []string{"Следственное управление", "Управление криминальной полиции"}) + " ДП " + Genitive(kato)
}

// AdminCourt is the specialised inter-district administrative court of the
// region, which decides deprivations of the right to drive.
func AdminCourt(kato string) string {
	return "Специализированный межрайонный административный суд " + Genitive(kato)
}

// roads of a region: its centre, main streets of the centre and the
// highways through the region.
type roads struct {
	streets  []string
	highways []string
}

// regionRoads by KATO. Interpretation: streets and highways are real ones
// of each region, chosen for plausibility, not for any statistics.
var regionRoads = map[string]roads{
	"71": {[]string{"пр. Республики", "пр. Абая", "пр. Кабанбай батыра", "пр. Туран", "ул. Сыганак", "пр. Мангилик Ел", "ул. Кенесары", "пр. Богенбай батыра"},
		[]string{"трасса Астана — Караганда", "трасса Астана — Щучинск", "трасса Астана — Павлодар"}},
	"75": {[]string{"пр. Абая", "пр. Аль-Фараби", "пр. Достык", "ул. Толе би", "пр. Райымбека", "ул. Байзакова", "пр. Сейфуллина", "ул. Саина"},
		[]string{"трасса Алматы — Бишкек", "трасса Алматы — Капшагай", "Восточная объездная автодорога"}},
	"11": {[]string{"ул. Абая", "ул. Ауельбекова", "ул. Горького", "ул. Сатпаева"},
		[]string{"трасса Астана — Щучинск", "трасса Кокшетау — Петропавловск"}},
	"15": {[]string{"пр. Абилкайыр хана", "пр. Санкибай батыра", "ул. Братьев Жубановых", "пр. Алии Молдагуловой"},
		[]string{"трасса Актобе — Орск", "трасса Самара — Шымкент"}},
	"19": {[]string{"пр. Конаева", "ул. Индустриальная", "ул. Каратал"},
		[]string{"трасса Алматы — Капшагай", "трасса Алматы — Хоргос", "трасса Алматы — Усть-Каменогорск"}},
	"23": {[]string{"пр. Азаттык", "ул. Сатпаева", "пр. Студенческий", "ул. Махамбета"},
		[]string{"трасса Атырау — Уральск", "трасса Атырау — Доссор"}},
	"27": {[]string{"пр. Евразия", "ул. Жангир хана", "пр. Достык-Дружба", "ул. Сырыма Датова"},
		[]string{"трасса Уральск — Самара", "трасса Уральск — Атырау"}},
	"31": {[]string{"пр. Толе би", "ул. Абая", "пр. Жамбыла", "ул. Сулейменова"},
		[]string{"трасса Алматы — Ташкент", "трасса Тараз — Каратау"}},
	"35": {[]string{"пр. Бухар-Жырау", "пр. Нуркена Абдирова", "ул. Ерубаева", "пр. Строителей"},
		[]string{"трасса Караганда — Темиртау", "трасса Астана — Караганда", "трасса Караганда — Балхаш"}},
	"39": {[]string{"пр. Аль-Фараби", "ул. Байтурсынова", "пр. Абая", "ул. Тарана"},
		[]string{"трасса Костанай — Рудный", "трасса Костанай — Троицк"}},
	"43": {[]string{"ул. Айтеке би", "пр. Абая", "ул. Желтоксан", "ул. Коркыт Ата"},
		[]string{"трасса Самара — Шымкент", "трасса Кызылорда — Жанакорган"}},
	"47": {[]string{"пр. Кекилбайулы", "ул. Толе би", "пр. Тауелсиздик", "ул. Жамбыла"},
		[]string{"трасса Актау — Жанаозен", "трасса Актау — Форт-Шевченко", "трасса Актау — Курык"}},
	"61": {[]string{"пр. Тауке хана", "ул. Бекзата Саттарханова", "ул. Есим хана"},
		[]string{"трасса Шымкент — Туркестан", "трасса Самара — Шымкент"}},
	"55": {[]string{"ул. Торайгырова", "ул. Академика Сатпаева", "ул. Ломова", "ул. Кутузова"},
		[]string{"трасса Павлодар — Экибастуз", "трасса Павлодар — Астана", "трасса Павлодар — Омск"}},
	"59": {[]string{"ул. Конституции Казахстана", "ул. Жамбыла", "ул. Абая", "ул. Букетова"},
		[]string{"трасса Петропавловск — Кокшетау", "трасса Петропавловск — Пресновка"}},
	"63": {[]string{"ул. Казахстан", "ул. Протозанова", "пр. Тауелсиздик", "ул. Кабанбай батыра"},
		[]string{"трасса Усть-Каменогорск — Семей", "трасса Усть-Каменогорск — Риддер"}},
	"79": {[]string{"пр. Тауке хана", "пр. Республики", "ул. Байтурсынова", "пр. Кунаева"},
		[]string{"трасса Шымкент — Ташкент", "трасса Самара — Шымкент"}},
	"10": {[]string{"ул. Шакарима", "ул. Ауэзова", "ул. Абая", "ул. Куанышева"},
		[]string{"трасса Семей — Усть-Каменогорск", "трасса Семей — Павлодар"}},
	"33": {[]string{"ул. Тауелсиздик", "ул. Жансугурова", "ул. Кабанбай батыра"},
		[]string{"трасса Алматы — Талдыкорган", "трасса Алматы — Усть-Каменогорск"}},
	"62": {[]string{"пр. Алаша хана", "ул. Сейфуллина", "ул. Желтоксан"},
		[]string{"трасса Жезказган — Караганда", "трасса Жезказган — Кызылорда"}},
}

// Place draws where a road event of the region happened: a street or
// crossing of the regional centre, or a kilometre of a highway (about one
// event in four outside cities of republican significance).
func Place(r *rand.Rand, kato string) string {
	rd, ok := regionRoads[kato]
	if !ok {
		return kato
	}
	city := Center(kato)
	switch x := r.IntN(100); {
	case x < 25 && !IsCity(kato) || x < 8:
		return fmt.Sprintf("%s, %d км", synth.Pick(r, rd.highways), 3+r.IntN(180))
	case x < 60:
		a := synth.Pick(r, rd.streets)
		b := synth.Pick(r, rd.streets)
		if a != b {
			return city + ", пересечение " + a + " и " + b
		}
		fallthrough
	default:
		return fmt.Sprintf("%s, %s, %d", city, synth.Pick(r, rd.streets), 1+r.IntN(220))
	}
}

// Center is the regional centre with its prefix, "г. Караганда".
func Center(kato string) string {
	if reg, ok := sio.RegionByKATO(kato); ok {
		return "г. " + reg.CenterRu
	}
	return kato
}

// Insert bulk-loads records into one of the store's tables, one row of
// values (in the order of columns) per record.
func Insert[T any](ctx context.Context, db *sqldb.DB, table string, columns []string, xs []T, values func(*T) []any) error {
	rows := make([][]any, len(xs))
	for i := range xs {
		rows[i] = values(&xs[i])
	}
	return db.BulkInsert(ctx, table, columns, rows)
}

// Select is "SELECT <columns> FROM {table} WHERE ", the head of a batch
// lookup.
func Select(table string, columns []string) string {
	return `SELECT ` + sqldb.Columns(columns) + ` FROM {` + table + `} WHERE `
}

// Owner is the owner of a record (IIN or BIN) with the fields a generator
// needs from the population.
type Owner struct {
	ID   string
	Kind sio.SubjectKind
	KATO string
	// Since is the first day the owner may register property: the 18th
	// birthday, or the entity's registration.
	Since sio.Date
}

// PersonOwner is a person as an owner.
func PersonOwner(p *sio.Person) Owner {
	return Owner{ID: string(p.IIN), Kind: sio.SubjectPerson, KATO: p.RegionKATO, Since: synth.AddYears(p.BirthDate, 18)}
}

// EntityOwner is a legal entity as an owner.
func EntityOwner(e *sio.LegalEntity) Owner {
	return Owner{ID: string(e.BIN), Kind: sio.SubjectLegalEntity, KATO: e.RegionKATO, Since: e.RegistrationDate}
}

// Registered draws the day a unit built in year built is registered to an
// owner: not before the owner may register it, the start of the register
// (from) or the year after it was built, and before today.
func Registered(r *rand.Rand, o Owner, built int, from sio.Date) sio.Date {
	lo := sio.MustDate(fmt.Sprintf("%04d-03-01", built))
	for _, d := range []sio.Date{o.Since, from} {
		if d.After(lo.Time) {
			lo = d
		}
	}
	hi := synth.AddDays(synth.Today(), -1)
	if lo.After(hi.Time) {
		lo = hi
	}
	return synth.DateBetween(r, lo, hi)
}

// Perm is a bijection of [0, m), x → (a·x + b) mod m with a coprime to m: it
// scatters a counter into identifiers that look random and never repeat.
type Perm struct{ a, b, m uint64 }

// NewPerm draws a permutation of [0, m) from the connector's stream.
func NewPerm(k *synth.Keyed, name string, m uint64) Perm {
	r := k.For("perm:" + name)
	a := m/3 + 1 + r.Uint64N(m/3+1)
	for gcd(a, m) != 1 {
		a++
	}
	return Perm{a: a, b: r.Uint64N(m), m: m}
}

// At is the image of n.
func (p Perm) At(n uint64) uint64 {
	return (mulMod(p.a, n%p.m, p.m) + p.b) % p.m
}

// mulMod is a·b mod m without overflow (a, b < m).
func mulMod(a, b, m uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, rem := bits.Div64(hi, lo, m)
	return rem
}

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// StruckOff decides, with probability p, that an entry registered on day
// was struck off the register since, and when: the status and the date
// (nil while registered).
func StruckOff(r *rand.Rand, registered sio.Date, p float64) (sio.RegistrationStatus, *sio.Date) {
	if !synth.Chance(r, p) {
		return sio.Registered, nil
	}
	d := synth.DateBetween(r, registered, synth.AddDays(synth.Today(), -1))
	return sio.Deregistered, &d
}

// Weighted draws an index of weights (non-negative, not all zero) with
// probability proportional to its weight.
func Weighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// Living yields the living persons of the batch aged lo to hi (full years)
// at the snapshot, in population order.
func Living(b *synth.Batch, lo, hi int) iter.Seq[*sio.Person] {
	today := synth.Today()
	return func(yield func(*sio.Person) bool) {
		for i := range b.Persons {
			p := &b.Persons[i]
			if !synth.Alive(p) {
				continue
			}
			if age := synth.AgeAt(p, today); age < lo || age > hi {
				continue
			}
			if !yield(p) {
				return
			}
		}
	}
}
