package justice

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"sio"
)

// Courts and police units of Kazakhstan by locality: the district (city)
// courts and police units that serve the localities of the population, and
// per region the specialised inter-district courts, the regional court and
// the regional departments.

// local is a locality's court and police unit. match is how the locality
// appears in an address ("г. Кокшетау", "Аршалынский р-н"); for the
// districts of the three cities, whose addresses do not name the district,
// match is empty and a district is drawn.
type local struct {
	match, court, police string
}

// regionCourts holds the courts and departments of one region.
type regionCourts struct {
	kato string
	// dat is the region in the dative, as in "Департамент юстиции по ...".
	dat string
	// court is the regional (appeal) court.
	court  string
	locals []local
	region *sio.Region
}

var courtsSeed = []regionCourts{
	{kato: "71", dat: "г. Астане", court: "Суд г. Астаны", locals: []local{
		{"", "Алматинский районный суд г. Астаны", "УП района Алматы ДП г. Астаны"},
		{"", "Байконурский районный суд г. Астаны", "УП района Байконур ДП г. Астаны"},
		{"", "Есильский районный суд г. Астаны", "УП района Есиль ДП г. Астаны"},
		{"", "Сарыаркинский районный суд г. Астаны", "УП района Сарыарка ДП г. Астаны"},
		{"", "Нуринский районный суд г. Астаны", "УП района Нура ДП г. Астаны"},
	}},
	{kato: "75", dat: "г. Алматы", court: "Алматинский городской суд", locals: []local{
		{"", "Алмалинский районный суд г. Алматы", "УП Алмалинского района ДП г. Алматы"},
		{"", "Ауэзовский районный суд г. Алматы", "УП Ауэзовского района ДП г. Алматы"},
		{"", "Бостандыкский районный суд г. Алматы", "УП Бостандыкского района ДП г. Алматы"},
		{"", "Жетысуский районный суд г. Алматы", "УП Жетысуского района ДП г. Алматы"},
		{"", "Медеуский районный суд г. Алматы", "УП Медеуского района ДП г. Алматы"},
		{"", "Наурызбайский районный суд г. Алматы", "УП Наурызбайского района ДП г. Алматы"},
		{"", "Турксибский районный суд г. Алматы", "УП Турксибского района ДП г. Алматы"},
		{"", "Алатауский районный суд г. Алматы", "УП Алатауского района ДП г. Алматы"},
	}},
	{kato: "79", dat: "г. Шымкенту", court: "Шымкентский городской суд", locals: []local{
		{"", "Абайский районный суд г. Шымкента", "УП Абайского района ДП г. Шымкента"},
		{"", "Аль-Фарабийский районный суд г. Шымкента", "УП Аль-Фарабийского района ДП г. Шымкента"},
		{"", "Енбекшинский районный суд г. Шымкента", "УП Енбекшинского района ДП г. Шымкента"},
		{"", "Каратауский районный суд г. Шымкента", "УП Каратауского района ДП г. Шымкента"},
		{"", "Туранский районный суд г. Шымкента", "УП района Туран ДП г. Шымкента"},
	}},
	{kato: "11", dat: "Акмолинской области", court: "Акмолинский областной суд", locals: []local{
		{"г. Кокшетау", "Кокшетауский городской суд", "УП г. Кокшетау"},
		{"г. Косшы", "Целиноградский районный суд", "ОП Целиноградского района"},
		{"г. Щучинск", "Бурабайский районный суд", "ОП Бурабайского района"},
		{"г. Степногорск", "Степногорский городской суд", "ОП г. Степногорска"},
		{"Аршалынский р-н", "Аршалынский районный суд", "ОП Аршалынского района"},
	}},
	{kato: "15", dat: "Актюбинской области", court: "Актюбинский областной суд", locals: []local{
		{"г. Актобе", "Актюбинский городской суд", "УП г. Актобе"},
		{"г. Хромтау", "Хромтауский районный суд", "ОП Хромтауского района"},
		{"г. Кандыагаш", "Мугалжарский районный суд", "ОП Мугалжарского района"},
		{"Каргалинский р-н", "Каргалинский районный суд", "ОП Каргалинского района"},
	}},
	{kato: "19", dat: "Алматинской области", court: "Алматинский областной суд", locals: []local{
		{"г. Конаев", "Конаевский городской суд", "УП г. Конаева"},
		{"г. Каскелен", "Карасайский районный суд", "ОП Карасайского района"},
		{"г. Есик", "Енбекшиказахский районный суд", "ОП Енбекшиказахского района"},
		{"г. Талгар", "Талгарский районный суд", "ОП Талгарского района"},
		{"Илийский р-н", "Илийский районный суд", "ОП Илийского района"},
	}},
	{kato: "23", dat: "Атырауской области", court: "Атырауский областной суд", locals: []local{
		{"г. Атырау", "Атырауский городской суд", "УП г. Атырау"},
		{"г. Кульсары", "Жылыойский районный суд", "ОП Жылыойского района"},
		{"Макатский р-н", "Макатский районный суд", "ОП Макатского района"},
	}},
	{kato: "27", dat: "Западно-Казахстанской области", court: "Западно-Казахстанский областной суд", locals: []local{
		{"г. Уральск", "Уральский городской суд", "УП г. Уральска"},
		{"г. Аксай", "Бурлинский районный суд", "ОП Бурлинского района"},
		{"Теректинский р-н", "Теректинский районный суд", "ОП Теректинского района"},
	}},
	{kato: "31", dat: "Жамбылской области", court: "Жамбылский областной суд", locals: []local{
		{"г. Тараз", "Таразский городской суд", "УП г. Тараза"},
		{"г. Шу", "Шуский районный суд", "ОП Шуского района"},
		{"г. Каратау", "Таласский районный суд", "ОП Таласского района"},
		{"Байзакский р-н", "Байзакский районный суд", "ОП Байзакского района"},
	}},
	{kato: "35", dat: "Карагандинской области", court: "Карагандинский областной суд", locals: []local{
		{"г. Караганда", "Казыбекбийский районный суд г. Караганды", "УП Казыбекбийского района г. Караганды"},
		{"г. Темиртау", "Темиртауский городской суд", "УП г. Темиртау"},
		{"г. Шахтинск", "Шахтинский городской суд", "ОП г. Шахтинска"},
		{"г. Балхаш", "Балхашский городской суд", "ОП г. Балхаша"},
		{"Бухар-Жырауский р-н", "Бухар-Жырауский районный суд", "ОП Бухар-Жырауского района"},
	}},
	{kato: "39", dat: "Костанайской области", court: "Костанайский областной суд", locals: []local{
		{"г. Костанай", "Костанайский городской суд", "УП г. Костаная"},
		{"г. Рудный", "Рудненский городской суд", "ОП г. Рудного"},
		{"г. Лисаковск", "Лисаковский городской суд", "ОП г. Лисаковска"},
		{"Костанайский р-н", "Костанайский районный суд", "ОП Костанайского района"},
	}},
	{kato: "43", dat: "Кызылординской области", court: "Кызылординский областной суд", locals: []local{
		{"г. Кызылорда", "Кызылординский городской суд", "УП г. Кызылорды"},
		{"г. Аральск", "Аральский районный суд", "ОП Аральского района"},
		{"г. Казалинск", "Казалинский районный суд", "ОП Казалинского района"},
		{"Сырдарьинский р-н", "Сырдарьинский районный суд", "ОП Сырдарьинского района"},
	}},
	{kato: "47", dat: "Мангистауской области", court: "Мангистауский областной суд", locals: []local{
		{"г. Актау", "Актауский городской суд", "УП г. Актау"},
		{"г. Жанаозен", "Жанаозенский городской суд", "УП г. Жанаозена"},
		{"Мунайлинский р-н", "Мунайлинский районный суд", "ОП Мунайлинского района"},
	}},
	{kato: "61", dat: "Туркестанской области", court: "Туркестанский областной суд", locals: []local{
		{"г. Туркестан", "Туркестанский городской суд", "УП г. Туркестана"},
		{"г. Кентау", "Кентауский городской суд", "ОП г. Кентау"},
		{"г. Сарыагаш", "Сарыагашский районный суд", "ОП Сарыагашского района"},
		{"г. Жетысай", "Жетысайский районный суд", "ОП Жетысайского района"},
		{"г. Ленгер", "Толебийский районный суд", "ОП Толебийского района"},
		{"Сайрамский р-н", "Сайрамский районный суд", "ОП Сайрамского района"},
	}},
	{kato: "55", dat: "Павлодарской области", court: "Павлодарский областной суд", locals: []local{
		{"г. Павлодар", "Павлодарский городской суд", "УП г. Павлодара"},
		{"г. Экибастуз", "Экибастузский городской суд", "УП г. Экибастуза"},
		{"г. Аксу", "Аксуский городской суд", "ОП г. Аксу"},
		{"Павлодарский р-н", "Павлодарский районный суд", "ОП Павлодарского района"},
	}},
	{kato: "59", dat: "Северо-Казахстанской области", court: "Северо-Казахстанский областной суд", locals: []local{
		{"г. Петропавловск", "Петропавловский городской суд", "УП г. Петропавловска"},
		{"г. Тайынша", "Тайыншинский районный суд", "ОП Тайыншинского района"},
		{"г. Булаево", "Районный суд района Магжана Жумабаева", "ОП района Магжана Жумабаева"},
		{"Кызылжарский р-н", "Кызылжарский районный суд", "ОП Кызылжарского района"},
	}},
	{kato: "63", dat: "Восточно-Казахстанской области", court: "Восточно-Казахстанский областной суд", locals: []local{
		{"г. Усть-Каменогорск", "Усть-Каменогорский городской суд", "УП г. Усть-Каменогорска"},
		{"г. Риддер", "Риддерский городской суд", "ОП г. Риддера"},
		{"г. Алтай", "Районный суд района Алтай", "ОП района Алтай"},
		{"г. Шемонаиха", "Шемонаихинский районный суд", "ОП Шемонаихинского района"},
		{"Глубоковский р-н", "Глубоковский районный суд", "ОП Глубоковского района"},
	}},
	{kato: "10", dat: "области Абай", court: "Суд области Абай", locals: []local{
		{"г. Семей", "Семейский городской суд", "УП г. Семей"},
		{"г. Курчатов", "Курчатовский городской суд", "ОП г. Курчатова"},
		{"г. Аягоз", "Аягозский районный суд", "ОП Аягозского района"},
		{"Бескарагайский р-н", "Бескарагайский районный суд", "ОП Бескарагайского района"},
	}},
	{kato: "33", dat: "области Жетісу", court: "Суд области Жетісу", locals: []local{
		{"г. Талдыкорган", "Талдыкорганский городской суд", "УП г. Талдыкоргана"},
		{"г. Текели", "Текелийский городской суд", "ОП г. Текели"},
		{"г. Жаркент", "Панфиловский районный суд", "ОП Панфиловского района"},
		{"г. Ушарал", "Алакольский районный суд", "ОП Алакольского района"},
		{"Ескельдинский р-н", "Ескельдинский районный суд", "ОП Ескельдинского района"},
	}},
	{kato: "62", dat: "области Ұлытау", court: "Суд области Ұлытау", locals: []local{
		{"г. Жезказган", "Жезказганский городской суд", "УП г. Жезказгана"},
		{"г. Сатпаев", "Сатпаевский городской суд", "ОП г. Сатпаева"},
		{"г. Каражал", "Каражалский городской суд", "ОП г. Каражала"},
	}},
}

var courtsByKATO = func() map[string]*regionCourts {
	m := map[string]*regionCourts{}
	for i := range courtsSeed {
		rc := &courtsSeed[i]
		r, ok := sio.RegionByKATO(rc.kato)
		if !ok {
			panic("justice: unknown region " + rc.kato)
		}
		rc.region = r
		m[rc.kato] = rc
	}
	return m
}()

// Place is where a subject lives, as the justice bodies see it: the region
// and the local court and police unit serving the address.
type Place struct {
	rc    *regionCourts
	local int
}

// PlaceOf finds the place of an address in a region (KATO). Addresses in
// Astana, Almaty and Shymkent do not name the city district: a district is
// drawn from r. An unknown locality falls back to the regional centre.
func PlaceOf(r *rand.Rand, kato, address string) Place {
	rc, ok := courtsByKATO[kato]
	if !ok {
		rc = courtsByKATO["71"]
	}
	if rc.locals[0].match == "" {
		return Place{rc, r.IntN(len(rc.locals))}
	}
	for i, l := range rc.locals {
		if strings.Contains(address, l.match) {
			return Place{rc, i}
		}
	}
	return Place{rc, 0}
}

// KATO is the region code.
func (p Place) KATO() string { return p.rc.kato }

// Region is the region.
func (p Place) Region() *sio.Region { return p.rc.region }

// city reports whether the region is a city of republican significance.
func (p Place) city() bool { return p.rc.locals[0].match == "" }

// gen is the region in the genitive ("Акмолинской области", "г. Алматы").
func (p Place) gen() string { return p.rc.region.GenitiveRu() }

// Court is a court with its four-digit code in case numbers: the region's
// KATO code and the court's number (10 + the locality for district and
// city courts, 91 criminal, 92 economic, 93 administrative, 99 the
// regional court).
type Court struct{ Name, Code string }

func (p Place) court(name string, n int) Court {
	return Court{Name: name, Code: p.rc.kato + strconv.Itoa(n)}
}

// LocalCourt is the district or city court of the place, with the region
// for the courts of oblasts ("Бурабайский районный суд Акмолинской
// области").
func (p Place) LocalCourt() Court {
	c := p.rc.locals[p.local].court
	if !p.city() && !strings.Contains(c, " г. ") {
		c += " " + p.gen()
	}
	return p.court(c, 10+p.local)
}

// CriminalCourt is the specialised inter-district criminal court of the
// region.
func (p Place) CriminalCourt() Court {
	return p.court("Специализированный межрайонный суд по уголовным делам "+p.gen(), 91)
}

// EconomicCourt is the specialised inter-district economic court.
func (p Place) EconomicCourt() Court {
	return p.court("Специализированный межрайонный экономический суд "+p.gen(), 92)
}

// AdministrativeCourt is the specialised inter-district administrative
// court (it hears the administrative offences punished by arrest or
// expulsion).
func (p Place) AdministrativeCourt() Court {
	return p.court("Специализированный межрайонный административный суд "+p.gen(), 93)
}

// RegionalCourt is the regional court (appeal instance).
func (p Place) RegionalCourt() Court { return p.court(p.rc.court, 99) }

// Police is the local police unit: "УП Алмалинского района ДП г. Алматы",
// "ОП Бурабайского района ДП Акмолинской области".
func (p Place) Police() string {
	pol := p.rc.locals[p.local].police
	if p.city() {
		return pol
	}
	return pol + " ДП " + p.gen()
}

// PoliceDepartment is the regional police department.
func (p Place) PoliceDepartment() string { return "Департамент полиции " + p.gen() }

// JusticeDepartment is the regional department of justice (state bailiffs).
func (p Place) JusticeDepartment() string { return "Департамент юстиции " + p.gen() }

// BailiffChamber is the regional chamber of private bailiffs.
func (p Place) BailiffChamber() string {
	return "Региональная палата частных судебных исполнителей " + p.gen()
}

// Anticorruption is the regional anti-corruption department.
func (p Place) Anticorruption() string {
	return "Департамент Агентства по противодействию коррупции по " + p.rc.dat
}

// EconomicInvestigations is the regional department of economic
// investigations (АФМ).
func (p Place) EconomicInvestigations() string {
	return "Департамент экономических расследований по " + p.rc.dat
}

// Migration is the migration service of the regional police.
func (p Place) Migration() string {
	return "Управление миграционной службы ДП " + p.gen()
}

// Akimat is the local executive body of the region.
func (p Place) Akimat() string { return "Акимат " + p.gen() }

// Prosecutor is the regional prosecutor's office.
func (p Place) Prosecutor() string { return "Прокуратура " + p.gen() }

// RevenueDepartment is the regional state revenue department.
func (p Place) RevenueDepartment() string {
	return "Департамент государственных доходов по " + p.rc.dat
}

// Dative is the region in the dative ("Акмолинской области", "г. Алматы").
func (p Place) Dative() string { return p.rc.dat }

// Locality is the locality part of the address ("г. Кокшетау"), or the
// city.
func (p Place) Locality() string {
	if m := p.rc.locals[p.local].match; m != "" {
		return p.rc.region.NameRu + ", " + m
	}
	return p.rc.region.NameRu
}

// Places lists one place per locality of every region (for tests).
func Places() []Place {
	var out []Place
	for i := range courtsSeed {
		for k := range courtsSeed[i].locals {
			out = append(out, Place{&courtsSeed[i], k})
		}
	}
	return out
}

// PlaceOfPerson is PlaceOf for a person's registered address.
func PlaceOfPerson(r *rand.Rand, p *sio.Person) Place { return PlaceOf(r, p.RegionKATO, p.Address) }
