package highereducation

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// university is a university of Kazakhstan; medical ones teach the medical
// specialties only, the others all but those.
type university struct {
	nameRu  string
	kato    string
	medical bool
}

var universities = []university{
	{"Казахский национальный университет имени аль-Фараби", "75", false},
	{"Казахский национальный исследовательский технический университет имени К.И. Сатпаева", "75", false},
	{"Казахский национальный педагогический университет имени Абая", "75", false},
	{"Казахстанско-Британский технический университет", "75", false},
	{"Университет КИМЭП", "75", false},
	{"Международный университет информационных технологий", "75", false},
	{"Алматинский университет энергетики и связи имени Гумарбека Даукеева", "75", false},
	{"Казахский национальный аграрный исследовательский университет", "75", false},
	{"Университет Нархоз", "75", false},
	{"Казахский национальный медицинский университет имени С.Д. Асфендиярова", "75", true},
	{"Евразийский национальный университет имени Л.Н. Гумилева", "71", false},
	{"Назарбаев Университет", "71", false},
	{"Казахский агротехнический исследовательский университет имени С. Сейфуллина", "71", false},
	{"Astana IT University", "71", false},
	{"Медицинский университет Астана", "71", true},
	{"Карагандинский университет имени академика Е.А. Букетова", "35", false},
	{"Карагандинский технический университет имени Абылкаса Сагинова", "35", false},
	{"Медицинский университет Караганды", "35", true},
	{"Южно-Казахстанский университет имени М. Ауэзова", "79", false},
	{"Южно-Казахстанская медицинская академия", "79", true},
	{"Международный казахско-турецкий университет имени Ходжи Ахмеда Ясави", "61", false},
	{"Таразский региональный университет имени М.Х. Дулати", "31", false},
	{"Кызылординский университет имени Коркыт Ата", "43", false},
	{"Актюбинский региональный университет имени К. Жубанова", "15", false},
	{"Западно-Казахстанский медицинский университет имени Марата Оспанова", "15", true},
	{"Западно-Казахстанский университет имени М. Утемисова", "27", false},
	{"Западно-Казахстанский аграрно-технический университет имени Жангир хана", "27", false},
	{"Атырауский университет имени Х. Досмухамедова", "23", false},
	{"Атырауский университет нефти и газа имени Сафи Утебаева", "23", false},
	{"Каспийский университет технологий и инжиниринга имени Ш. Есенова", "47", false},
	{"Костанайский региональный университет имени А. Байтурсынова", "39", false},
	{"Северо-Казахстанский университет имени М. Козыбаева", "59", false},
	{"Торайгыров университет", "55", false},
	{"Павлодарский педагогический университет имени Әлкей Марғұлан", "55", false},
	{"Восточно-Казахстанский университет имени С. Аманжолова", "63", false},
	{"Восточно-Казахстанский технический университет имени Д. Серикбаева", "63", false},
	{"Университет имени Шакарима города Семей", "10", false},
	{"Медицинский университет Семей", "10", true},
	{"Кокшетауский университет имени Ш. Уалиханова", "11", false},
	{"Университет имени Сулеймана Демиреля", "19", false},
	{"Жетысуский университет имени Ильяса Жансугурова", "33", false},
	{"Жезказганский университет имени О.А. Байконурова", "62", false},
}

// specialty is a programme with its codes in the three classifiers of
// specialties: of 2004 (enrolments before 2009), of 2009 (5B…, until 2018)
// and of 2018 (6B…, groups of educational programmes, from 2019).
// Interpretation: the 6B codes are the first programme of the group
// (6B04101 for economics in group 6B041), as universities number them.
type specialty struct {
	nameRu                       string
	code2004, code2009, code2018 string
	medical                      bool
}

var specialties = []specialty{
	{"Экономика", "050506", "5B050600", "6B04101", false},
	{"Менеджмент", "050507", "5B050700", "6B04102", false},
	{"Учет и аудит", "050508", "5B050800", "6B04103", false},
	{"Финансы", "050509", "5B050900", "6B04104", false},
	{"Юриспруденция", "050301", "5B030100", "6B04201", false},
	{"Информационные системы", "050703", "5B070300", "6B06101", false},
	{"Вычислительная техника и программное обеспечение", "050704", "5B070400", "6B06102", false},
	{"Нефтегазовое дело", "050708", "5B070800", "6B07203", false},
	{"Электроэнергетика", "050718", "5B071800", "6B07101", false},
	{"Строительство", "050729", "5B072900", "6B07301", false},
	{"Педагогика и психология", "050103", "5B010300", "6B01101", false},
	{"Иностранный язык: два иностранных языка", "050119", "5B011900", "6B01701", false},
	{"Переводческое дело", "050207", "5B020700", "6B02301", false},
	{"Журналистика", "050404", "5B050400", "6B03201", false},
	{"Агрономия", "050801", "5B080100", "6B08101", false},
	{"Общая медицина", "051301", "5B130100", "6B10101", true},
	{"Стоматология", "051302", "5B130200", "6B10102", true},
	{"Сестринское дело", "051103", "5B110100", "6B10103", true},
	{"Фармация", "051108", "5B110300", "6B10104", true},
}

// code is the specialty's code at the level in the classifier in force in
// the year of enrolment (masters: 6M… until 2018, 7M… from 2019).
func (s *specialty) code(level sio.StudyLevel, year int) string {
	switch {
	case year < 2009:
		return s.code2004
	case year < 2019 && level == sio.LevelMaster:
		return "6M" + s.code2009[2:]
	case year < 2019:
		return s.code2009
	case level == sio.LevelMaster:
		return "7M" + s.code2018[2:]
	}
	return s.code2018
}

// enrolFrom: the register holds the studies begun since 1995.
const enrolFrom = 1995

// Filler returns the generator of the register: about 45% of persons enter
// a university at 17-18 (from 1995 on), 60% in their region when it has
// one; five-year specialist programmes until 2003, four-year bachelor's
// (five for medicine) after; 80% full-time, 30% on a state grant; 8% are
// expelled; 12% of graduates go on to a two-year master's. Diplomas are
// numbered ЖБ (specialists and bachelors until 2015), ЖБ-Б (bachelors) and
// ЖБ-М (masters), in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n, diplomas int64
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.HigherEducationRecord
		for i := range b.Persons {
			p := &b.Persons[i]
			r := k.For(string(p.IIN))
			if !synth.Chance(r, 0.45) {
				continue
			}
			year := p.BirthDate.Year() + 17 + r.IntN(2)
			if year < enrolFrom || year > synth.Today().Year()-1 {
				continue
			}
			u := pickUniversity(r, p.RegionKATO)
			sp := pickSpecialty(r, u.medical)
			level := sio.LevelBachelor
			if year < 2004 {
				level = sio.LevelSpecialist
			}
			first := study(r, p, u, sp, level, year, &diplomas)
			n++
			first.ID = n
			out = append(out, first)
			if first.Status == sio.Graduated && first.Level != sio.LevelMaster && synth.Chance(r, 0.12) {
				y := *first.GraduationYear + r.IntN(3)
				if y <= synth.Today().Year()-1 {
					mu := pickUniversity(r, u.kato)
					if mu.medical != sp.medical {
						mu = u
					}
					m := study(r, p, mu, sp, sio.LevelMaster, y, &diplomas)
					n++
					m.ID = n
					out = append(out, m)
				}
			}
		}
		return s.Insert(ctx, out)
	}
}

// pickUniversity draws a university of the region (60%, when it has one),
// or one of Almaty or Astana, or any.
func pickUniversity(r *rand.Rand, kato string) *university {
	var local []int
	for i := range universities {
		if universities[i].kato == kato {
			local = append(local, i)
		}
	}
	switch x := r.IntN(100); {
	case x < 60 && len(local) > 0:
		return &universities[synth.Pick(r, local)]
	case x < 90:
		return &universities[r.IntN(15)] // Almaty and Astana come first
	}
	return &universities[r.IntN(len(universities))]
}

func pickSpecialty(r *rand.Rand, medical bool) *specialty {
	for {
		if s := &specialties[r.IntN(len(specialties))]; s.medical == medical {
			return s
		}
	}
}

// study draws the course of studies begun in September of year; the
// diplomas counter numbers the diplomas.
func study(r *rand.Rand, p *sio.Person, u *university, sp *specialty, level sio.StudyLevel, year int, diplomas *int64) sio.HigherEducationRecord {
	h := sio.HigherEducationRecord{IIN: p.IIN, UniversityRu: u.nameRu, RegionKATO: u.kato, Level: level,
		SpecialtyCode: sp.code(level, year), SpecialtyRu: sp.nameRu, StudyForm: sio.FullTime, Funding: sio.Paid, EnrolledYear: year}
	switch x := r.IntN(100); {
	case x < 15:
		h.StudyForm = sio.PartTime
	case x < 20 && year >= 2008:
		h.StudyForm = sio.Distance
	}
	if synth.Chance(r, 0.3) {
		h.Funding = sio.StateGrant
	}
	years := 4
	switch {
	case level == sio.LevelMaster:
		years = 2
	case level == sio.LevelSpecialist || sp.medical:
		years = 5
	}
	grad := year + years // graduation in June
	today := synth.Today()
	died := 9999
	if p.DeathDate != nil {
		died = p.DeathDate.Year()
	}
	switch x := r.IntN(100); {
	case x < 8 || died <= grad:
		left := min(year+r.IntN(years), today.Year()-1, died)
		if left < year {
			left = year
		}
		h.Status, h.LeftYear = sio.Expelled, &left
	case grad > today.Year()-1 && x < 11:
		h.Status = sio.AcademicLeave
	case grad > today.Year()-1:
		h.Status = sio.Studying
	default:
		h.Status, h.GraduationYear = sio.Graduated, &grad
		*diplomas++
		series := "ЖБ"
		switch {
		case level == sio.LevelMaster:
			series = "ЖБ-М"
		case level == sio.LevelBachelor && grad >= 2016:
			series = "ЖБ-Б"
		}
		number := fmt.Sprintf("%s № %07d", series, *diplomas)
		h.DiplomaNumber = &number
		h.WithHonors = synth.Chance(r, 0.06) || (h.Funding == sio.StateGrant && synth.Chance(r, 0.15))
	}
	return h
}
