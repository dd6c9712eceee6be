package synth

// Economic activities (ОКЭД) with the name suffixes of companies doing them.
type activity struct {
	code, nameRu string
	words        []string // second word of a company name ("Құрылыс", "Строй")
	weight       int
	farm         bool // suits a peasant farm (КХ)
}

var activities = []activity{
	{"41201", "Строительство жилых зданий", []string{"Құрылыс", "Строй", "СтройИнвест", "Құрылыс Сервис"}, 10, false},
	{"42110", "Строительство автомобильных дорог и автомагистралей", []string{"Жол Құрылыс", "ДорСтрой", "Автобан"}, 3, false},
	{"46900", "Неспециализированная оптовая торговля", []string{"Трейд", "Сауда", "Торг", "Импэкс"}, 14, false},
	{"47190", "Прочая розничная торговля в неспециализированных магазинах", []string{"Маркет", "Дүкен", "Торговый дом"}, 10, false},
	{"49410", "Деятельность автомобильного грузового транспорта", []string{"Логистик", "Транс", "Көлік", "Карго"}, 7, false},
	{"01110", "Выращивание зерновых и зернобобовых культур, включая семеноводство", []string{"Агро", "Астық", "Егін"}, 6, true},
	{"01410", "Разведение молочного крупного рогатого скота", []string{"Агро", "Сүт", "Мал"}, 4, true},
	{"01450", "Разведение овец и коз", []string{"Мал", "Отар", "Агро"}, 3, true},
	{"68201", "Аренда и управление собственной или арендуемой недвижимостью", []string{"Недвижимость", "Үй", "Эстейт"}, 6, false},
	{"62010", "Разработка программного обеспечения", []string{"Софт", "IT Сервис", "Технолоджи", "Цифр"}, 4, false},
	{"56101", "Деятельность ресторанов", []string{"Дастархан", "Той", "Кафе"}, 5, false},
	{"70220", "Консультирование по вопросам коммерческой деятельности и управления", []string{"Консалтинг", "Кеңес", "Партнёрс"}, 5, false},
	{"86210", "Общая врачебная практика", []string{"Медикал", "Шипагер", "Мед"}, 3, false},
	{"45200", "Техническое обслуживание и ремонт автотранспортных средств", []string{"Авто", "Автосервис", "Мотор"}, 5, false},
	{"10711", "Производство хлеба; производство свежих мучных кондитерских изделий", []string{"Нан", "Хлеб", "Наубайхана"}, 3, false},
	{"06100", "Добыча сырой нефти", []string{"Мұнай", "Ойл", "Петролеум"}, 1, false},
	{"35111", "Производство электроэнергии тепловыми электростанциями", []string{"Энерго", "Қуат"}, 1, false},
	{"46711", "Оптовая торговля нефтепродуктами", []string{"Ойл Трейд", "Жанармай", "Петро"}, 3, false},
	{"52101", "Складирование и хранение зерна", []string{"Элеватор", "Астық Қоймасы"}, 2, false},
	{"85410", "Дополнительное образование для детей и взрослых", []string{"Білім", "Академия", "Оқу Орталығы"}, 2, false},
}

const holdingOKED, holdingActivity = "64200", "Деятельность холдинговых компаний"

var activityCum []int

func init() {
	c := 0
	for _, a := range activities {
		c += a.weight
		activityCum = append(activityCum, c)
	}
}

// First words of company names.
var brandWords = []string{
	"Алтын", "Ақ Жол", "Береке", "Сұңқар", "Асыл", "Нұр", "Жұлдыз", "Қазақ", "Дала", "Тау",
	"Самұрық", "Арман", "Кең Дала", "Ұлы Дала", "Астана", "Алатау", "Жетісу", "Сарыарқа", "Бірлік", "Мерей",
	"Шапағат", "Табыс", "Даму", "Болашақ", "Евразия", "Гранит", "Восток", "Альфа", "Меридиан", "Стандарт",
	"Прогресс", "Импульс", "Вектор", "Техно", "Көкжиек", "Атамекен", "Жібек Жолы", "Ордабасы", "Тұлпар", "Бәйтерек Плюс",
}

var holdingWords = []string{"Ұлы Дала Холдинг", "Сарыарқа Инвест Холдинг", "Қазақ Агро Холдинг", "Жетісу Капитал", "Атамекен Групп", "Кең Дала Холдинг"}

// Legal forms: Russian prefix, Kazakh suffix.
const (
	formTOO = "ТОО"
	formAO  = "АО"
	formIP  = "ИП"
	formKH  = "КХ"
)

var formKz = map[string]string{formTOO: "ЖШС", formAO: "АҚ", formIP: "ЖК", formKH: "ШҚ"}

// Vehicles.
type vehicleModel struct {
	make, model string
	wmi, vds    string // WMI (3) and the model part of the VDS (3)
	from, to    int    // production years
	body        string
	cc          []int
	weight      int
	company     bool // commercial vehicle, registered mostly to companies
}

var vehicleModels = []vehicleModel{
	{"Toyota", "Camry", "JTN", "BE4", 1995, 2024, "седан", []int{2400, 2500, 3500}, 12, false},
	{"Toyota", "Land Cruiser 200", "JTM", "HV0", 2008, 2021, "внедорожник", []int{4500, 4600}, 3, false},
	{"Toyota", "Land Cruiser Prado", "JTE", "BH3", 2003, 2024, "внедорожник", []int{2700, 4000}, 4, false},
	{"Toyota", "RAV4", "JTM", "RF3", 2000, 2024, "кроссовер", []int{2000, 2500}, 4, false},
	{"Toyota", "Corolla", "JTD", "BR3", 1995, 2024, "седан", []int{1600, 1800}, 5, false},
	{"Lexus", "RX 350", "JTJ", "BK1", 1998, 2024, "кроссовер", []int{3500}, 3, false},
	{"Lexus", "LX 570", "JTJ", "HY7", 2008, 2021, "внедорожник", []int{5700}, 1, false},
	{"Lada", "2107", "XTA", "210", 1982, 2012, "седан", []int{1500, 1600}, 6, false},
	{"Lada", "Priora", "XTA", "217", 2007, 2018, "седан", []int{1600}, 4, false},
	{"Lada", "Granta", "XTA", "219", 2011, 2024, "седан", []int{1600}, 7, false},
	{"Lada", "Niva", "XTA", "212", 1980, 2024, "внедорожник", []int{1700}, 4, false},
	{"Hyundai", "Accent", "KMH", "CM4", 2000, 2019, "седан", []int{1400, 1600}, 7, false},
	{"Hyundai", "Elantra", "KMH", "DH4", 2000, 2024, "седан", []int{1600, 2000}, 3, false},
	{"Hyundai", "Tucson", "KMH", "J81", 2004, 2024, "кроссовер", []int{2000, 2400}, 3, false},
	{"Hyundai", "Sonata", "KMH", "E34", 1998, 2024, "седан", []int{2000, 2500}, 2, false},
	{"Kia", "Rio", "Z94", "C25", 2011, 2024, "седан", []int{1400, 1600}, 5, false},
	{"Kia", "Sportage", "XWE", "PH8", 2010, 2024, "кроссовер", []int{2000, 2400}, 3, false},
	{"Kia", "K5", "XWE", "G41", 2020, 2024, "седан", []int{2000, 2500}, 2, false},
	{"Chevrolet", "Cobalt", "XWB", "JF6", 2012, 2024, "седан", []int{1500}, 6, false},
	{"Chevrolet", "Nexia", "XWB", "JA6", 2016, 2023, "седан", []int{1500}, 4, false},
	{"Daewoo", "Nexia", "XWB", "3L3", 1995, 2016, "седан", []int{1500, 1600}, 5, false},
	{"Daewoo", "Matiz", "XWB", "4A1", 1998, 2015, "хэтчбек", []int{800}, 3, false},
	{"Volkswagen", "Polo", "XW8", "ZZZ", 2010, 2020, "седан", []int{1600}, 4, false},
	{"Volkswagen", "Passat", "WVW", "ZZZ", 1988, 2015, "седан", []int{1800, 2000}, 4, false},
	{"Volkswagen", "Golf", "WVW", "ZZZ", 1985, 2010, "хэтчбек", []int{1400, 1600}, 3, false},
	{"Audi", "80", "WAU", "ZZZ", 1986, 1995, "седан", []int{1800, 2000}, 3, false},
	{"Audi", "100", "WAU", "ZZZ", 1983, 1994, "седан", []int{2300}, 2, false},
	{"Mercedes-Benz", "E 200", "WDD", "212", 1995, 2024, "седан", []int{2000}, 2, false},
	{"Mercedes-Benz", "S 500", "WDD", "222", 1998, 2024, "седан", []int{4700}, 1, false},
	{"BMW", "520i", "WBA", "JA1", 1995, 2024, "седан", []int{2000}, 2, false},
	{"Nissan", "X-Trail", "JN1", "TAN", 2001, 2024, "кроссовер", []int{2000, 2500}, 2, false},
	{"Nissan", "Almera", "Z8N", "BAA", 2012, 2018, "седан", []int{1600}, 2, false},
	{"Mitsubishi", "Pajero", "JMB", "LV4", 1991, 2021, "внедорожник", []int{3000, 3500}, 2, false},
	{"Mitsubishi", "Outlander", "JMB", "XT3", 2003, 2024, "кроссовер", []int{2000, 2400}, 2, false},
	{"Honda", "CR-V", "JHL", "RE4", 1997, 2024, "кроссовер", []int{2000, 2400}, 2, false},
	{"Honda", "Odyssey", "JHM", "RA1", 1995, 2010, "минивэн", []int{2300}, 1, false},
	{"Mazda", "6", "JMZ", "GJ1", 2002, 2024, "седан", []int{2000, 2500}, 2, false},
	{"Opel", "Astra", "W0L", "0TG", 1992, 2012, "хэтчбек", []int{1400, 1600}, 3, false},
	{"Opel", "Vectra", "W0L", "0JB", 1989, 2008, "седан", []int{1800, 2000}, 2, false},
	{"Renault", "Logan", "X7L", "LSR", 2005, 2020, "седан", []int{1400, 1600}, 3, false},
	{"Renault", "Duster", "X7L", "HSR", 2012, 2024, "кроссовер", []int{1600, 2000}, 2, false},
	{"Skoda", "Octavia", "TMB", "AG7", 2000, 2024, "лифтбек", []int{1400, 1600, 1800}, 2, false},
	{"JAC", "S3", "LJ1", "2EA", 2017, 2024, "кроссовер", []int{1600}, 2, false},
	{"Haval", "Jolion", "LGW", "EFA", 2021, 2024, "кроссовер", []int{1500}, 2, false},
	{"Chery", "Tiggo 7 Pro", "LVV", "DB1", 2020, 2024, "кроссовер", []int{1500}, 2, false},
	{"Subaru", "Forester", "JF1", "SJ5", 2000, 2024, "кроссовер", []int{2000, 2500}, 1, false},
	{"Ford", "Focus", "WF0", "5XX", 1999, 2015, "хэтчбек", []int{1600}, 2, false},
	{"ГАЗ", "Газель Next", "X96", "A21", 2013, 2024, "фургон", []int{2700}, 4, true},
	{"ГАЗ", "3307", "XTH", "330", 1990, 2010, "грузовой бортовой", []int{4250}, 2, true},
	{"КамАЗ", "65115", "XTC", "651", 2000, 2024, "самосвал", []int{6700, 11760}, 2, true},
	{"MAN", "TGS 33.440", "WMA", "06W", 2008, 2024, "седельный тягач", []int{10500}, 1, true},
	{"Toyota", "Hilux", "MR0", "BA3", 2005, 2024, "пикап", []int{2400, 2800}, 2, true},
	{"УАЗ", "Патриот", "XTT", "316", 2005, 2024, "внедорожник", []int{2700}, 2, true},
	{"Mercedes-Benz", "Sprinter", "WDB", "906", 2000, 2024, "микроавтобус", []int{2100}, 2, true},
	{"Ford", "Transit", "WF0", "XXT", 2000, 2024, "фургон", []int{2200}, 2, true},
	{"Lada", "Largus", "XTA", "RS0", 2012, 2024, "универсал", []int{1600}, 2, true},
}

var colors = []string{"белый", "чёрный", "серебристый", "серый", "синий", "красный", "бежевый", "коричневый", "зелёный", "вишнёвый", "золотистый"}
var colorCum = cumulative([]int{25, 15, 20, 15, 6, 4, 3, 3, 2, 3, 2})

var personModelCum, companyModelCum []int

func init() {
	pw := make([]int, len(vehicleModels))
	cw := make([]int, len(vehicleModels))
	for i, v := range vehicleModels {
		if v.company {
			cw[i] = v.weight * 4
		} else {
			pw[i] = v.weight
			cw[i] = v.weight
		}
	}
	personModelCum, companyModelCum = cumulative(pw), cumulative(cw)
}

func cumulative(w []int) []int {
	out := make([]int, len(w))
	c := 0
	for i, x := range w {
		c += x
		out[i] = c
	}
	return out
}

// Budget classification codes (КБК) of tax arrears.
type kbk struct{ code, nameRu string }

var (
	kbkCIT        = kbk{"101101", "Корпоративный подоходный налог с юридических лиц"}
	kbkPIT        = kbk{"101201", "Индивидуальный подоходный налог с доходов, облагаемых у источника выплаты"}
	kbkSocial     = kbk{"103101", "Социальный налог"}
	kbkPropertyLE = kbk{"104101", "Налог на имущество юридических лиц и индивидуальных предпринимателей"}
	kbkPropertyFL = kbk{"104102", "Налог на имущество физических лиц"}
	kbkLand       = kbk{"104301", "Земельный налог"}
	kbkVehicleLE  = kbk{"104401", "Налог на транспортные средства с юридических лиц"}
	kbkVehicleFL  = kbk{"104402", "Налог на транспортные средства с физических лиц"}
	kbkVAT        = kbk{"105101", "Налог на добавленную стоимость на произведенные товары, выполненные работы и оказанные услуги на территории Республики Казахстан"}

	kbkIndividual   = []kbk{kbkPropertyFL, kbkVehicleFL, kbkLand}
	kbkEntrepreneur = []kbk{kbkPIT, kbkSocial, kbkPropertyLE, kbkVehicleFL, kbkLand}
	kbkEntity       = []kbk{kbkCIT, kbkPIT, kbkSocial, kbkPropertyLE, kbkLand, kbkVehicleLE}
)

// Land.
const (
	landSettlements  = "Земли населенных пунктов"
	landAgricultural = "Земли сельскохозяйственного назначения"
	landIndustrial   = "Земли промышленности, транспорта, связи, для нужд космической деятельности, обороны, национальной безопасности и иного несельскохозяйственного назначения"

	purposeIZhS     = "для индивидуального жилищного строительства"
	purposeLPKh     = "для ведения личного подсобного хозяйства"
	purposeFarm     = "для ведения крестьянского или фермерского хозяйства"
	purposeGarden   = "для ведения садоводства"
	purposeIndustry = "для размещения и обслуживания производственной базы"
	purposeCommerce = "для размещения и обслуживания объекта торговли"
)

// Real-estate kinds and right types.
const (
	kindApartment      = "APARTMENT"
	kindHouse          = "HOUSE"
	kindNonResidential = "NON_RESIDENTIAL"
	kindGarage         = "GARAGE"

	rightOwnership      = "OWNERSHIP"
	rightJointOwnership = "JOINT_OWNERSHIP"
	rightPrivateLand    = "PRIVATE_OWNERSHIP"
	rightTempLandUse    = "TEMPORARY_LAND_USE"
)
