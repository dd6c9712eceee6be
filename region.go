package sio

import "strings"

// Region is a first-level administrative unit of Kazakhstan.
type Region struct {
	// KATO is the region's code in the classifier of administrative-territorial
	// objects (first two digits of the 9-digit code).
	KATO string
	// PlateCode is the region code on vehicle registration plates.
	PlateCode string
	NameRu    string
	NameKz    string
	// Center is the administrative centre (used for addresses).
	CenterRu string
}

// Regions lists the 17 regions and 3 cities of republican significance.
var Regions = []Region{
	{"71", "01", "г. Астана", "Астана қ.", "Астана"},
	{"75", "02", "г. Алматы", "Алматы қ.", "Алматы"},
	{"11", "03", "Акмолинская область", "Ақмола облысы", "Кокшетау"},
	{"15", "04", "Актюбинская область", "Ақтөбе облысы", "Актобе"},
	{"19", "05", "Алматинская область", "Алматы облысы", "Конаев"},
	{"23", "06", "Атырауская область", "Атырау облысы", "Атырау"},
	{"27", "07", "Западно-Казахстанская область", "Батыс Қазақстан облысы", "Уральск"},
	{"31", "08", "Жамбылская область", "Жамбыл облысы", "Тараз"},
	{"35", "09", "Карагандинская область", "Қарағанды облысы", "Караганда"},
	{"39", "10", "Костанайская область", "Қостанай облысы", "Костанай"},
	{"43", "11", "Кызылординская область", "Қызылорда облысы", "Кызылорда"},
	{"47", "12", "Мангистауская область", "Маңғыстау облысы", "Актау"},
	{"61", "13", "Туркестанская область", "Түркістан облысы", "Туркестан"},
	{"55", "14", "Павлодарская область", "Павлодар облысы", "Павлодар"},
	{"59", "15", "Северо-Казахстанская область", "Солтүстік Қазақстан облысы", "Петропавловск"},
	{"63", "16", "Восточно-Казахстанская область", "Шығыс Қазақстан облысы", "Усть-Каменогорск"},
	{"79", "17", "г. Шымкент", "Шымкент қ.", "Шымкент"},
	{"10", "18", "область Абай", "Абай облысы", "Семей"},
	{"33", "19", "область Жетісу", "Жетісу облысы", "Талдыкорган"},
	{"62", "20", "область Ұлытау", "Ұлытау облысы", "Жезказган"},
}

var regionByKATO = func() map[string]*Region {
	m := make(map[string]*Region, len(Regions))
	for i := range Regions {
		m[Regions[i].KATO] = &Regions[i]
	}
	return m
}()

// RegionByKATO returns the region with the given 2-digit KATO code.
func RegionByKATO(code string) (*Region, bool) {
	r, ok := regionByKATO[code]
	return r, ok
}

// GenitiveRu is the region's Russian name in the genitive case, as in
// "Департамент полиции Акмолинской области" or "... г. Шымкента".
func (r *Region) GenitiveRu() string {
	switch {
	case strings.HasSuffix(r.NameRu, "ская область"):
		return strings.TrimSuffix(r.NameRu, "ская область") + "ской области"
	case strings.HasPrefix(r.NameRu, "область "):
		return "области " + strings.TrimPrefix(r.NameRu, "область ")
	case r.NameRu == "г. Астана":
		return "г. Астаны"
	case r.NameRu == "г. Шымкент":
		return "г. Шымкента"
	}
	return r.NameRu
}
