package border

import "sio"

// Checkpoints of the state border with their regions, and the regions
// whose residents use them. Interpretation: the codes are the border
// service's internal numbering of this synthetic register; names, kinds,
// regions and neighbouring countries are those of the real checkpoints.
type checkpoint struct {
	sio.BorderCheckpoint
	country string   // neighbouring country (road, rail)
	near    []string // KATO of the regions whose residents use it
}

func cp(code, name string, kind sio.CheckpointKind, kato, country string, near ...string) checkpoint {
	return checkpoint{BorderCheckpoint: sio.BorderCheckpoint{Code: code, NameRu: name, Kind: kind, RegionKATO: kato}, country: country, near: near}
}

// airport is an international airport: its checkpoint, IATA code and city.
type airport struct {
	checkpoint
	city string
	// hub airports have flights to every destination; the others to
	// Russia, Turkey and the UAE.
	hub bool
}

var airports = []airport{
	{cp("A01", "Международный аэропорт Алматы", sio.CheckpointAirport, "75", "", "75", "19", "33", "31"), "Алматы", true},
	{cp("A02", "Международный аэропорт Астана им. Нурсултана Назарбаева", sio.CheckpointAirport, "71", "", "71", "11", "35", "62", "55", "59", "39"), "Астана", true},
	{cp("A03", "Международный аэропорт Шымкент", sio.CheckpointAirport, "79", "", "79", "61", "43"), "Шымкент", false},
	{cp("A04", "Международный аэропорт Актау", sio.CheckpointAirport, "47", "", "47"), "Актау", false},
	{cp("A05", "Международный аэропорт Атырау", sio.CheckpointAirport, "23", "", "23"), "Атырау", false},
	{cp("A06", "Международный аэропорт Актобе", sio.CheckpointAirport, "15", "", "15", "27"), "Актобе", false},
	{cp("A07", "Международный аэропорт Караганда", sio.CheckpointAirport, "35", "", "35", "62"), "Караганда", false},
	{cp("A08", "Международный аэропорт Усть-Каменогорск", sio.CheckpointAirport, "63", "", "63", "10"), "Усть-Каменогорск", false},
	{cp("A09", "Международный аэропорт Туркестан", sio.CheckpointAirport, "61", "", "61"), "Туркестан", false},
}

// Road and rail checkpoints by neighbouring country.
var landCheckpoints = []checkpoint{
	// China
	cp("R01", "Нұр Жолы (Хоргос)", sio.CheckpointRoad, "33", "CN", "33", "19", "75"),
	cp("R02", "Қалжат", sio.CheckpointRoad, "19", "CN", "19", "75"),
	cp("R03", "Бақты", sio.CheckpointRoad, "10", "CN", "10"),
	cp("R04", "Майқапшағай", sio.CheckpointRoad, "63", "CN", "63"),
	cp("T01", "Достық (ж/д)", sio.CheckpointRail, "33", "CN", "33", "10", "63"),
	cp("T02", "Алтынкөл (ж/д)", sio.CheckpointRail, "33", "CN", "33", "19", "75"),
	// Kyrgyzstan
	cp("R05", "Қордай", sio.CheckpointRoad, "31", "KG", "31", "75", "19"),
	cp("R06", "Қарасу", sio.CheckpointRoad, "31", "KG", "31"),
	cp("R07", "Кеген", sio.CheckpointRoad, "19", "KG", "19", "75"),
	cp("T03", "Луговая (ж/д)", sio.CheckpointRail, "31", "KG", "31"),
	// Uzbekistan
	cp("R08", "Жібек жолы", sio.CheckpointRoad, "61", "UZ", "61", "79"),
	cp("R09", "Қазығұрт", sio.CheckpointRoad, "61", "UZ", "61", "79"),
	cp("R10", "Атамекен", sio.CheckpointRoad, "61", "UZ", "61", "79"),
	// Interpretation: Қазыбек бек is taken as a road checkpoint of
	// Туркестанская область on the Uzbek border.
	cp("R11", "Қазыбек бек", sio.CheckpointRoad, "61", "UZ", "61", "79", "43"),
	cp("R12", "Тәжен", sio.CheckpointRoad, "47", "UZ", "47"),
	cp("T04", "Сарыағаш (ж/д)", sio.CheckpointRail, "61", "UZ", "61", "79", "43"),
	// Russia
	cp("R13", "Жайсан", sio.CheckpointRoad, "15", "RU", "15", "43"),
	cp("R14", "Сырым", sio.CheckpointRoad, "27", "RU", "27"),
	cp("R15", "Таскала", sio.CheckpointRoad, "27", "RU", "27"),
	cp("R16", "Қайрақ", sio.CheckpointRoad, "39", "RU", "39", "11"),
	cp("R17", "Шарбақты", sio.CheckpointRoad, "55", "RU", "55"),
	cp("R18", "Құрманғазы", sio.CheckpointRoad, "23", "RU", "23", "47"),
	cp("R19", "Ауыл", sio.CheckpointRoad, "10", "RU", "10", "63"),
	cp("T05", "Петропавл (ж/д)", sio.CheckpointRail, "59", "RU", "59", "11", "71", "35", "62"),
	cp("T06", "Тобыл (ж/д)", sio.CheckpointRail, "39", "RU", "39"),
}

// destination is a country with the cities flown to from Kazakhstan and
// the airlines flying there.
type destination struct {
	country  string
	cities   []string
	airlines []airline
}

type airline struct{ code, nameRu string }

var (
	airAstana  = airline{"KC", "АО «Эйр Астана»"}
	flyArystan = airline{"FS", "FlyArystan"}
	scat       = airline{"DV", "АО «Авиакомпания «SCAT»"}
	turkish    = airline{"TK", "Turkish Airlines"}
	pegasus    = airline{"PC", "Pegasus Airlines"}
	aeroflot   = airline{"SU", "ПАО «Аэрофлот»"}
	flydubai   = airline{"FZ", "flydubai"}
	uzbekistan = airline{"HY", "Uzbekistan Airways"}
	chinaSouth = airline{"CZ", "China Southern Airlines"}
	asiana     = airline{"OZ", "Asiana Airlines"}
	lufthansa  = airline{"LH", "Lufthansa"}
	belavia    = airline{"B2", "Белавиа"}
)

// destinations by weight of the outbound tourism and business flows.
var destinations = []struct {
	destination
	weight int
}{
	{destination{"TR", []string{"Стамбул", "Анталья"}, []airline{airAstana, flyArystan, turkish, pegasus}}, 26},
	{destination{"AE", []string{"Дубай", "Абу-Даби", "Шарджа"}, []airline{airAstana, flydubai, flyArystan}}, 15},
	{destination{"RU", []string{"Москва", "Санкт-Петербург", "Новосибирск", "Казань", "Екатеринбург"}, []airline{airAstana, aeroflot, scat, flyArystan}}, 15},
	{destination{"UZ", []string{"Ташкент", "Самарканд"}, []airline{uzbekistan, airAstana, scat}}, 6},
	{destination{"KG", []string{"Бишкек", "Ош"}, []airline{airAstana, flyArystan}}, 4},
	{destination{"CN", []string{"Урумчи", "Пекин", "Гуанчжоу"}, []airline{airAstana, chinaSouth}}, 6},
	{destination{"TH", []string{"Бангкок", "Пхукет"}, []airline{airAstana, scat}}, 8},
	{destination{"EG", []string{"Шарм-эш-Шейх", "Хургада"}, []airline{airAstana, scat}}, 5},
	{destination{"GE", []string{"Тбилиси", "Батуми"}, []airline{airAstana, flyArystan}}, 5},
	{destination{"KR", []string{"Сеул"}, []airline{airAstana, asiana}}, 3},
	{destination{"DE", []string{"Франкфурт-на-Майне"}, []airline{airAstana, lufthansa}}, 3},
	{destination{"BY", []string{"Минск"}, []airline{belavia}}, 2},
	{destination{"AZ", []string{"Баку"}, []airline{airAstana}}, 2},
}

// eaeu are the other countries of the Eurasian Economic Union: a citizen
// may enter them with the identity card, and there is no customs border
// with them.
var eaeu = map[string]bool{"RU": true, "KG": true, "BY": true, "AM": true}

// InEAEU reports whether country (ISO 3166 alpha-2) is another member of
// the Eurasian Economic Union.
func InEAEU(country string) bool { return eaeu[country] }

// train is an international passenger train through a rail checkpoint.
type train struct {
	checkpoint string
	number     string
	routeRu    string
	carrierRu  string
}

var trains = []train{
	{"T01", "№ 013Х", "Астана — Урумчи", "АО «Пассажирские перевозки»"},
	{"T02", "№ 053Х", "Алматы-2 — Урумчи", "АО «Пассажирские перевозки»"},
	{"T03", "№ 011Т", "Алматы-2 — Бишкек-2", "АО «Пассажирские перевозки»"},
	{"T04", "№ 009Ц", "Алматы-2 — Ташкент", "АО «Пассажирские перевозки»"},
	{"T05", "№ 083Ц", "Астана — Москва", "АО «Пассажирские перевозки»"},
	{"T06", "№ 071Ц", "Костанай — Москва", "АО «Пассажирские перевозки»"},
}

// Foreign visitors: citizenships by weight, and the names in Latin
// letters as their passports print them.
type nationality struct {
	country string
	weight  int
	// gendered surnames take -A in the feminine (IVANOV/IVANOVA).
	gendered       bool
	surnames       []string
	male, female   []string
	passportPrefix string // letters before the number
}

var visitorNationalities = []nationality{
	{"RU", 30, true, []string{"IVANOV", "SMIRNOV", "KUZNETSOV", "POPOV", "SOKOLOV", "LEBEDEV", "KOZLOV", "NOVIKOV", "MOROZOV", "VOLKOV"},
		[]string{"ALEKSANDR", "SERGEI", "DMITRII", "ANDREI", "ALEKSEI", "MAKSIM", "IGOR"},
		[]string{"ELENA", "OLGA", "TATIANA", "NATALIA", "IRINA", "ANNA", "SVETLANA"}, ""},
	{"UZ", 24, true, []string{"KARIMOV", "YUSUPOV", "RAKHIMOV", "AKHMEDOV", "USMANOV", "ABDULLAEV", "TURSUNOV"},
		[]string{"SHERZOD", "JAVOHIR", "BOBUR", "ULUGBEK", "DILSHOD", "AZIZ", "SARDOR"},
		[]string{"DILNOZA", "GULNORA", "MAFTUNA", "NIGORA", "SHAHNOZA", "MADINA"}, "FA"},
	{"KG", 14, true, []string{"ASANOV", "TOKTOGULOV", "MAMATOV", "OMURBEKOV", "SYDYKOV", "ZHUMABAEV"},
		[]string{"AZAMAT", "BAKYT", "TALANT", "NURBEK", "ULAN", "EMIL"},
		[]string{"AIGUL", "GULZAT", "AIDA", "NAZIRA", "CHOLPON", "ASEL"}, "AC"},
	{"CN", 12, false, []string{"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "ZHAO", "HUANG"},
		[]string{"WEI", "JUN", "LEI", "QIANG", "HAO", "MING"},
		[]string{"FANG", "NA", "XIUYING", "JING", "LI", "YAN"}, "E"},
	{"TR", 6, false, []string{"YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "YILDIZ"},
		[]string{"MEHMET", "MUSTAFA", "AHMET", "EMRE", "MURAT", "HASAN"},
		[]string{"AYSE", "FATMA", "ZEYNEP", "ELIF", "EMINE"}, "U"},
	{"TJ", 4, true, []string{"RAHIMOV", "SAIDOV", "NAZAROV", "SHARIPOV", "DAVLATOV"},
		[]string{"FIRDAVS", "SOHIB", "RUSTAM", "BEHRUZ", "FARRUH"},
		[]string{"ZARINA", "MADINA", "FARANGIS", "SITORA"}, "40"},
	{"DE", 3, false, []string{"MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "BECKER"},
		[]string{"THOMAS", "MICHAEL", "ANDREAS", "STEFAN", "MARKUS"},
		[]string{"ANNA", "JULIA", "SABINE", "KATRIN", "ANDREA"}, "C"},
	{"KR", 3, false, []string{"KIM", "LEE", "PARK", "CHOI", "JUNG"},
		[]string{"MINSU", "JIHOON", "SEOJUN", "HYUNWOO"},
		[]string{"JIYEON", "SOYEON", "MINJI", "EUNJI"}, "M"},
	{"US", 2, false, []string{"SMITH", "JOHNSON", "BROWN", "MILLER", "DAVIS"},
		[]string{"JOHN", "MICHAEL", "DAVID", "JAMES"},
		[]string{"MARY", "JENNIFER", "SARAH", "EMILY"}, ""},
	{"IN", 2, false, []string{"SHARMA", "SINGH", "KUMAR", "PATEL", "GUPTA"},
		[]string{"RAHUL", "AMIT", "VIKRAM", "ARJUN"},
		[]string{"PRIYA", "ANJALI", "NEHA", "POOJA"}, "N"},
}

// nationalityOf returns the visitor data of a citizenship (Russian for an
// unlisted one).
func nationalityOf(country string) *nationality {
	for i := range visitorNationalities {
		if visitorNationalities[i].country == country {
			return &visitorNationalities[i]
		}
	}
	return &visitorNationalities[0]
}

// Purposes of visits (миграционная карточка).
const (
	purposePrivate  = "Частный"
	purposeBusiness = "Деловой"
	purposeWork     = "Трудовая деятельность"
	purposeTourism  = "Туризм"
	purposeResident = "Постоянное проживание"
)

// busRoutes are the international bus routes through each road checkpoint.
var busRoutes = map[string][]string{
	"R01": {"Алматы — Урумчи", "Жаркент — Кульджа"},
	"R02": {"Алматы — Кульджа"},
	"R03": {"Семей — Чугучак"},
	"R04": {"Зайсан — Джимунай"},
	"R05": {"Алматы — Бишкек"},
	"R06": {"Тараз — Бишкек"},
	"R07": {"Алматы — Каракол"},
	"R08": {"Шымкент — Ташкент"},
	"R09": {"Казыгурт — Ташкент"},
	"R10": {"Сарыагаш — Ташкент"},
	"R11": {"Туркестан — Ташкент"},
	"R12": {"Бейнеу — Нукус"},
	"R13": {"Актобе — Оренбург"},
	"R14": {"Уральск — Самара"},
	"R15": {"Уральск — Саратов"},
	"R16": {"Костанай — Челябинск"},
	"R17": {"Павлодар — Барнаул"},
	"R18": {"Атырау — Астрахань"},
	"R19": {"Семей — Барнаул"},
}
