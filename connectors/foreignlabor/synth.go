package foreignlabor

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// nationality describes the citizens of a country as Kazakh registers
// record them: the country's name, names in passport (Latin) spelling and
// the passport number format.
type nationality struct {
	code, nameRu    string
	surnames, given []string
	passport        func(r *rand.Rand) string
}

func prefixed(prefix string, digits int) func(r *rand.Rand) string {
	return func(r *rand.Rand) string { return prefix + synth.Digits(r, digits) }
}

var nationalities = map[string]*nationality{
	"CN": {"CN", "Китайская Народная Республика", []string{"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "ZHAO", "HUANG", "ZHOU", "WU"},
		[]string{"WEI", "FANG", "JUN", "LEI", "YONG", "JIE", "TAO", "MING", "HUI", "QIANG"}, prefixed("E", 8)},
	"TR": {"TR", "Турецкая Республика", []string{"YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "YILDIZ", "AYDIN", "OZTURK", "ARSLAN", "DOGAN"},
		[]string{"MEHMET", "MUSTAFA", "AHMET", "ALI", "HUSEYIN", "HASAN", "IBRAHIM", "MURAT", "EMRE", "OMER"}, prefixed("U", 8)},
	"UZ": {"UZ", "Республика Узбекистан", []string{"KARIMOV", "RAKHIMOV", "YUSUPOV", "TOSHMATOV", "ABDULLAEV", "NURMATOV", "SAIDOV", "ERGASHEV"},
		[]string{"SARDOR", "JASUR", "BEKZOD", "OTABEK", "DILSHOD", "SHERZOD", "ULUGBEK", "AZIZ"}, prefixed("FA", 7)},
	"IN": {"IN", "Республика Индия", []string{"SHARMA", "SINGH", "KUMAR", "PATEL", "GUPTA", "REDDY", "NAIR", "IYER"},
		[]string{"RAHUL", "AMIT", "VIKRAM", "SURESH", "RAJESH", "ANIL", "SANJAY", "ARJUN"}, prefixed("K", 7)},
	"RU": {"RU", "Российская Федерация", []string{"IVANOV", "SMIRNOV", "KUZNETSOV", "POPOV", "VASILEV", "PETROV", "SOKOLOV", "MIKHAILOV"},
		[]string{"ALEKSANDR", "SERGEI", "DMITRII", "ANDREI", "ALEKSEI", "MAKSIM", "IGOR", "PAVEL"}, prefixed("75", 7)},
	"KG": {"KG", "Кыргызская Республика", []string{"ASANOV", "ABDYKADYROV", "TOKTOGULOV", "SYDYKOV", "OSMONOV", "MAMATOV"},
		[]string{"NURLAN", "AIBEK", "TALANT", "BAKYT", "ERLAN", "KUBANYCH"}, prefixed("AC", 7)},
	"TJ": {"TJ", "Республика Таджикистан", []string{"RAHIMOV", "NAZAROV", "SHARIPOV", "KHOLOV", "DAVLATOV", "SAFAROV"},
		[]string{"FIRDAVS", "SOMON", "MANUCHEHR", "FARRUKH", "ISMOIL", "RUSTAM"}, prefixed("40", 7)},
	"KR": {"KR", "Республика Корея", []string{"KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG"},
		[]string{"MINJUN", "SEOJUN", "JIHO", "HYUNWOO", "DONGHYUN", "SUNGMIN"}, prefixed("M", 8)},
	"GB": {"GB", "Соединенное Королевство Великобритании и Северной Ирландии", []string{"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON"},
		[]string{"JAMES", "OLIVER", "JACK", "HARRY", "THOMAS", "GEORGE"}, prefixed("", 9)},
	"DE": {"DE", "Федеративная Республика Германия", []string{"MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "MEYER"},
		[]string{"THOMAS", "MICHAEL", "ANDREAS", "STEFAN", "MARKUS", "JAN"}, prefixed("C", 8)},
	"US": {"US", "Соединенные Штаты Америки", []string{"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "MILLER", "DAVIS"},
		[]string{"JOHN", "MICHAEL", "DAVID", "ROBERT", "JAMES", "WILLIAM"}, prefixed("5", 8)},
	"IT": {"IT", "Итальянская Республика", []string{"ROSSI", "RUSSO", "FERRARI", "ESPOSITO", "BIANCHI", "ROMANO"},
		[]string{"MARCO", "LUCA", "ANDREA", "FRANCESCO", "ALESSANDRO", "MATTEO"}, prefixed("YA", 7)},
	"PH": {"PH", "Республика Филиппины", []string{"SANTOS", "REYES", "CRUZ", "BAUTISTA", "GARCIA", "MENDOZA"},
		[]string{"JOSE", "MARK", "RODEL", "JERICHO", "RONALDO", "ARNEL"}, func(r *rand.Rand) string { return "P" + synth.Digits(r, 7) + "A" }},
}

// category describes a permit category: who comes, for what positions and
// for how long.
type category struct {
	code      sio.ForeignWorkerCategory
	nameRu    string
	from      []string // citizenships, the first more often
	positions []string
	months    [2]int // validity, min and max
}

var categories = []category{
	{sio.ForeignFirst, "Первая категория — первые руководители и их заместители", []string{"TR", "CN", "RU", "GB", "DE", "US", "KR", "IT"},
		[]string{"Генеральный директор", "Заместитель генерального директора", "Финансовый директор", "Технический директор"}, [2]int{12, 36}},
	{sio.ForeignSecond, "Вторая категория — руководители структурных подразделений", []string{"CN", "TR", "RU", "KR", "IT", "DE", "IN"},
		[]string{"Начальник участка", "Руководитель проекта", "Начальник производственного отдела", "Главный инженер проекта"}, [2]int{12, 36}},
	{sio.ForeignThird, "Третья категория — специалисты", []string{"CN", "TR", "IN", "RU", "PH", "KR", "UZ"},
		[]string{"Инженер-технолог", "Инженер-механик", "Инженер по бурению", "Инженер-программист", "Инженер по технике безопасности", "Геолог"}, [2]int{12, 36}},
	{sio.ForeignFourth, "Четвертая категория — квалифицированные рабочие", []string{"CN", "UZ", "TR", "KG", "TJ", "IN"},
		[]string{"Электрогазосварщик", "Монтажник металлоконструкций", "Электромонтажник", "Бетонщик", "Машинист автокрана", "Арматурщик"}, [2]int{12, 12}},
	{sio.ForeignSeasonal, "Сезонные иностранные работники", []string{"UZ", "KG", "TJ"},
		[]string{"Сезонный рабочий (сбор урожая)", "Рабочий теплицы", "Рабочий по уходу за животными"}, [2]int{6, 12}},
	{sio.ForeignIntracorporate, "Внутрикорпоративный перевод", []string{"CN", "TR", "KR", "GB", "US", "IT"},
		[]string{"Руководитель направления", "Старший инженер", "Менеджер проекта"}, [2]int{12, 36}},
}

// permitsFrom: the register holds the permits issued since 2019.
var permitsFrom = sio.MustDate("2019-01-01")

// Generator derives the permits and their workers from the companies of
// the population: each active ТОО or АО may employ foreigners (every hub
// holding, 35% of other АО and of the partnerships that founded a hub, 6%
// of ТОО), with 1-3 permits since 2019 (3-5
// for a hub), 1-3 workers each (3-12 for a hub); a permit's workers often
// continue on the employer's next one. Permit numbers and worker IDs count
// in population order. Two generators of one seed give the same records,
// which is how Нарушение иностранных рабочих finds the same workers.
type Generator struct {
	k        *synth.Keyed
	nPermits int
	nWorkers int64
}

// NewGenerator returns the generator of seed.
func NewGenerator(seed int64) *Generator { return &Generator{k: synth.NewKeyed(seed, Name)} }

// Batch derives the permits and workers of the batch's companies.
func (g *Generator) Batch(b *synth.Batch) ([]sio.ForeignLaborPermit, []sio.ForeignWorker) {
	hubs := synth.HubsOf(b)
	group := map[sio.BIN]bool{}
	for _, members := range hubs {
		for _, m := range members {
			group[m] = true
		}
	}
	today := synth.Today()
	var permits []sio.ForeignLaborPermit
	var workers []sio.ForeignWorker
	for i := range b.Entities {
		e := &b.Entities[i]
		if e.Status != "ACTIVE" || (e.LegalForm != "ТОО" && e.LegalForm != "АО") {
			continue
		}
		r := g.k.For(string(e.BIN))
		_, hub := hubs[e.BIN]
		switch {
		case hub:
		case (e.LegalForm == "АО" || group[e.BIN]) && synth.Chance(r, 0.35):
		case e.LegalForm == "ТОО" && synth.Chance(r, 0.06):
		default:
			continue
		}
		from := synth.AddDays(e.RegistrationDate, 60)
		if from.Before(permitsFrom.Time) {
			from = permitsFrom
		}
		if !from.Before(synth.AddDays(today, -30).Time) {
			continue
		}
		n, size := 1+r.IntN(3), 3
		if hub {
			n, size = 3+r.IntN(3), 12
		}
		var prev []sio.ForeignWorker
		for j := 0; j < n; j++ {
			issued := synth.DateBetween(r, from, synth.AddDays(today, -1))
			c := &categories[synth.PickWeighted(r, []int{4, 10, 30, 40, 8, 8})]
			g.nPermits++
			p := newPermit(r, c, e, issued, g.nPermits)
			for w := 1 + r.IntN(size); w > 0; w-- {
				var fw sio.ForeignWorker
				if len(prev) > 0 && synth.Chance(r, 0.4) {
					// continues from the employer's previous permit
					fw, prev = prev[0], prev[1:]
				} else {
					fw = Foreigner(r, pickCitizenship(r, c.from), 22, 55)
				}
				g.nWorkers++
				fw.ID, fw.PermitNumber, fw.PositionRu = g.nWorkers, p.PermitNumber, synth.Pick(r, c.positions)
				workers = append(workers, fw)
			}
			p.Quota = max(p.Quota, countOf(workers, p.PermitNumber))
			permits = append(permits, p)
			prev = append(prev[:0:0], workersOf(workers, p.PermitNumber)...)
			from = issued
		}
	}
	return permits, workers
}

func countOf(ws []sio.ForeignWorker, permit string) int { return len(workersOf(ws, permit)) }

// workersOf returns the workers of a permit among ws (the permit's workers
// are the last ones appended).
func workersOf(ws []sio.ForeignWorker, permit string) []sio.ForeignWorker {
	i := len(ws)
	for i > 0 && ws[i-1].PermitNumber == permit {
		i--
	}
	return ws[i:]
}

func pickCitizenship(r *rand.Rand, from []string) string {
	if synth.Chance(r, 0.4) {
		return from[0]
	}
	return synth.Pick(r, from)
}

// newPermit draws the n-th permit: issued by the local executive body of
// the employer's region for the category's term.
func newPermit(r *rand.Rand, c *category, e *sio.LegalEntity, issued sio.Date, n int) sio.ForeignLaborPermit {
	region, _ := sio.RegionByKATO(e.RegionKATO)
	plate, issuer := "00", "ГУ «Управление занятости и социальных программ»"
	if region != nil {
		plate, issuer = region.PlateCode, "ГУ «Управление занятости и социальных программ "+region.GenitiveRu()+"»"
	}
	months := c.months[0] + r.IntN(c.months[1]-c.months[0]+1)
	until := synth.AddDays(sio.Date{Time: issued.AddDate(0, months, 0)}, -1)
	status := sio.PermitValid
	switch {
	case !until.After(synth.Today().Time):
		status = sio.PermitExpired
	case synth.Chance(r, 0.03):
		status = sio.PermitRevoked
	}
	return sio.ForeignLaborPermit{PermitNumber: fmt.Sprintf("ИРС-%s-%02d-%06d", plate, issued.Year()%100, n), EmployerBIN: e.BIN,
		Category: c.code, CategoryRu: c.nameRu, IssuedOn: issued, ValidUntil: until, Quota: 1 + r.IntN(3), Status: status,
		Issuer: issuer, RegionKATO: e.RegionKATO}
}

// Foreigner draws a foreign citizen of the country (ISO alpha-2) aged
// minAge-maxAge at the snapshot, with a passport. The violations connector
// draws the foreigners found working without a permit with it.
func Foreigner(r *rand.Rand, citizenship string, minAge, maxAge int) sio.ForeignWorker {
	n := nationalities[citizenship]
	if n == nil {
		n = nationalities["UZ"]
	}
	today := synth.Today()
	birth := synth.DateBetween(r, synth.AddYears(today, -maxAge), synth.AddYears(today, -minAge))
	// Interpretation: the workers drawn are men (nine in ten foreign
	// workers in the register are), with men's given names.
	return sio.ForeignWorker{LastName: synth.Pick(r, n.surnames), FirstName: synth.Pick(r, n.given), BirthDate: birth, Gender: sio.Male,
		Citizenship: n.code, CitizenshipRu: n.nameRu, PassportNumber: n.passport(r)}
}

// Filler returns the generator of Иностранная рабочая сила (see
// Generator).
func (s *Store) Filler(seed int64) synth.Filler {
	g := NewGenerator(seed)
	return func(ctx context.Context, b *synth.Batch) error {
		permits, workers := g.Batch(b)
		if err := s.InsertPermits(ctx, permits); err != nil {
			return err
		}
		return s.InsertWorkers(ctx, workers)
	}
}
