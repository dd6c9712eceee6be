package justice

import (
	"math/rand/v2"

	"sio"
)

// Criminal Code articles of the cases in the special records: the 2014
// Code (in force since 1 January 2015) and the 1997 Code before it.

// Agency codes of ЕРДР numbers (as in the officials' cases, see
// synth.GenerateOfficials): 00 police, 03 anti-corruption, 04 economic
// investigations.
const (
	agencyPolice         = "00"
	agencyAnticorruption = "03"
	agencyEconomic       = "04"
)

// article is an article (part) of the Criminal Code with what the
// generator needs: the category, the range of imprisonment in months, the
// investigating agency, and how often men and women are prosecuted under it
// (relative weights).
type article struct {
	code, nameRu   string
	gravity        sio.OffenceGravity
	minM, maxM     int
	agency         string
	wMale, wFemale int
	traffic        bool
}

const (
	code2014 = "УК РК 2014"
	code1997 = "УК РК 1997"
)

var articles2014 = []article{
	{"188 ч.1", "Кража", sio.GravityMinor, 6, 36, agencyPolice, 140, 120, false},
	{"188 ч.2", "Кража, совершенная группой лиц по предварительному сговору или с незаконным проникновением в жилище", sio.GravityMedium, 12, 60, agencyPolice, 120, 40, false},
	{"190 ч.1", "Мошенничество", sio.GravityMinor, 6, 36, agencyPolice, 50, 90, false},
	{"190 ч.2", "Мошенничество, совершенное группой лиц или путём обмана в сфере компьютерной информации", sio.GravityMedium, 12, 60, agencyPolice, 30, 40, false},
	{"191 ч.1", "Грабёж", sio.GravityMedium, 12, 48, agencyPolice, 40, 6, false},
	{"192 ч.1", "Разбой", sio.GravityGrave, 36, 84, agencyPolice, 12, 1, false},
	{"106 ч.1", "Умышленное причинение тяжкого вреда здоровью", sio.GravityGrave, 36, 96, agencyPolice, 18, 3, false},
	{"107 ч.1", "Умышленное причинение средней тяжести вреда здоровью", sio.GravityMinor, 6, 24, agencyPolice, 22, 5, false},
	{"99 ч.1", "Убийство", sio.GravityEspeciallyGrave, 96, 180, agencyPolice, 4, 1, false},
	{"293 ч.1", "Хулиганство", sio.GravityMisdemeanour, 0, 0, agencyPolice, 30, 3, false},
	{"296 ч.2", "Незаконные приобретение, перевозка или хранение без цели сбыта наркотических средств в крупном размере", sio.GravityMedium, 12, 60, agencyPolice, 35, 8, false},
	{"297 ч.1", "Незаконные изготовление, переработка, приобретение, хранение, перевозка в целях сбыта, пересылка либо сбыт наркотических средств", sio.GravityGrave, 36, 84, agencyPolice, 12, 4, false},
	{"345 ч.2", "Нарушение правил дорожного движения, повлекшее по неосторожности смерть человека", sio.GravityMedium, 12, 60, agencyPolice, 14, 2, true},
	{"346 ч.1", "Управление транспортным средством лицом, находящимся в состоянии опьянения, лишённым права управления", sio.GravityMisdemeanour, 0, 0, agencyPolice, 20, 1, true},
	{"139 ч.1", "Неисполнение обязанностей по содержанию несовершеннолетних", sio.GravityMisdemeanour, 0, 0, agencyPolice, 10, 1, false},
	{"200 ч.1", "Неправомерное завладение автомобилем или иным транспортным средством без цели хищения", sio.GravityMedium, 12, 60, agencyPolice, 10, 1, false},
	{"202 ч.1", "Умышленные уничтожение или повреждение чужого имущества", sio.GravityMisdemeanour, 0, 0, agencyPolice, 8, 2, false},
	{"287 ч.1", "Незаконные приобретение, передача, сбыт, хранение, перевозка или ношение оружия", sio.GravityMedium, 12, 60, agencyPolice, 7, 0, false},
	{"380 ч.1", "Применение насилия в отношении представителя власти", sio.GravityMedium, 12, 60, agencyPolice, 5, 1, false},
	{"189 ч.2", "Присвоение или растрата вверенного чужого имущества", sio.GravityMedium, 12, 60, agencyPolice, 10, 25, false},
	{"245 ч.1", "Уклонение от уплаты налога и (или) других обязательных платежей в бюджет с организаций", sio.GravityMinor, 6, 24, agencyEconomic, 3, 1, false},
	{"366 ч.1", "Получение взятки", sio.GravityMedium, 24, 60, agencyAnticorruption, 3, 1, false},
	{"367 ч.1", "Дача взятки", sio.GravityMedium, 12, 60, agencyAnticorruption, 4, 1, false},
	{"120 ч.1", "Изнасилование", sio.GravityGrave, 36, 72, agencyPolice, 2, 0, false},
}

var articles1997 = []article{
	{"175 ч.1", "Кража", sio.GravityMinor, 6, 36, agencyPolice, 140, 120, false},
	{"175 ч.2", "Кража, совершенная группой лиц по предварительному сговору или с незаконным проникновением в жилище", sio.GravityMedium, 12, 60, agencyPolice, 120, 40, false},
	{"177 ч.1", "Мошенничество", sio.GravityMinor, 6, 36, agencyPolice, 50, 90, false},
	{"178 ч.1", "Грабёж", sio.GravityMedium, 12, 48, agencyPolice, 40, 6, false},
	{"179 ч.1", "Разбой", sio.GravityGrave, 36, 84, agencyPolice, 12, 1, false},
	{"103 ч.1", "Умышленное причинение тяжкого вреда здоровью", sio.GravityGrave, 24, 96, agencyPolice, 18, 3, false},
	{"96 ч.1", "Убийство", sio.GravityEspeciallyGrave, 72, 180, agencyPolice, 4, 1, false},
	{"257 ч.1", "Хулиганство", sio.GravityMinor, 6, 24, agencyPolice, 30, 3, false},
	{"259 ч.1", "Незаконное обращение с наркотическими средствами без цели сбыта", sio.GravityMinor, 6, 36, agencyPolice, 35, 8, false},
	{"296 ч.2", "Нарушение правил дорожного движения, повлекшее по неосторожности смерть человека", sio.GravityMedium, 12, 60, agencyPolice, 14, 2, true},
	{"185 ч.1", "Неправомерное завладение автомобилем без цели хищения", sio.GravityMedium, 12, 60, agencyPolice, 10, 1, false},
	{"176 ч.2", "Присвоение или растрата вверенного чужого имущества", sio.GravityMedium, 12, 60, agencyPolice, 10, 25, false},
	{"221 ч.1", "Уклонение от уплаты налогов с организаций", sio.GravityMinor, 6, 24, agencyEconomic, 3, 1, false},
	{"311 ч.1", "Получение взятки", sio.GravityMedium, 24, 60, agencyAnticorruption, 3, 1, false},
	{"312 ч.1", "Дача взятки", sio.GravityMedium, 12, 60, agencyAnticorruption, 4, 1, false},
}

// articleTable is a code's articles weighted for men and for women.
type articleTable struct {
	code         string
	male, female Weighted[article]
}

func newArticleTable(code string, arts []article) articleTable {
	return articleTable{code: code,
		male:   NewWeighted(arts, func(a *article) int { return a.wMale }),
		female: NewWeighted(arts, func(a *article) int { return a.wFemale })}
}

var (
	table2014 = newArticleTable(code2014, articles2014)
	table1997 = newArticleTable(code1997, articles1997)
	// newCode is when the 2014 Criminal Code came into force, with ЕРДР.
	newCode = sio.MustDate("2015-01-01")
)

// pick draws an article for a man or a woman.
func (t *articleTable) pick(r *rand.Rand, male bool) *article {
	if male {
		return t.male.Pick(r)
	}
	return t.female.Pick(r)
}

// offence is an article of the Code of administrative offences (КоАП РК
// 2014) recorded in the special records, with its usual penalties.
type offence struct {
	article, nameRu string
	weight          int
	warning, arrest bool // may be punished by a warning / by arrest (court)
	fineMRP         [2]int
}

var offences = []offence{
	{"73 ч.1", "Противоправные действия в сфере семейно-бытовых отношений", 30, true, true, [2]int{5, 10}},
	{"434 ч.1", "Мелкое хулиганство", 30, false, true, [2]int{20, 20}},
	{"440 ч.1", "Распитие алкогольных напитков или появление в состоянии опьянения в общественных местах", 35, true, false, [2]int{5, 10}},
	{"667 ч.1", "Неповиновение законному распоряжению или требованию сотрудника органов внутренних дел", 8, false, true, [2]int{20, 30}},
	{"669 ч.1", "Неисполнение судебного акта, непредставление информации о доходах должником по исполнительному документу", 6, false, false, [2]int{10, 20}},
}

// migrationOffence is the offence of foreigners against the migration law;
// a court may order expulsion.
var migrationOffence = offence{"517 ч.1", "Нарушение иностранцем или лицом без гражданства законодательства Республики Казахстан в области миграции населения", 0, false, false, [2]int{10, 15}}

var offenceTable = NewWeighted(offences, func(o *offence) int { return o.weight })

// mrp is the monthly calculation index (МРП) in tenge by year, the unit of
// fines.
var mrp = map[int]int64{
	1995: 350, 1996: 390, 1997: 440, 1998: 600, 1999: 700, 2000: 725, 2001: 775, 2002: 823, 2003: 872,
	2004: 919, 2005: 971, 2006: 1030, 2007: 1092, 2008: 1168, 2009: 1273, 2010: 1413, 2011: 1512,
	2012: 1618, 2013: 1731, 2014: 1852, 2015: 1982, 2016: 2121, 2017: 2269, 2018: 2405, 2019: 2525,
	2020: 2778, 2021: 2917, 2022: 3063, 2023: 3450, 2024: 3692, 2025: 3932,
}

// mrpTiyn is n МРП of year y in tiyn.
func mrpTiyn(n int, y int) int64 {
	v, ok := mrp[y]
	if !ok {
		v = mrp[1995]
	}
	return int64(n) * v * 100
}
