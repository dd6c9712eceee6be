package synth

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"sio"
)

// Generator helpers shared by the business and tax-administration
// connectors: amounts, reporting periods, the batch's taxpayers and the
// names of regional bodies.

// LogAmount draws an amount in tiyn between lo and hi tenge, log-uniformly
// (many small amounts, few large ones, as turnovers and payments are).
func LogAmount(r *rand.Rand, lo, hi float64) int64 {
	return int64(math.Exp(math.Log(lo)+r.Float64()*(math.Log(hi)-math.Log(lo)))) * 100
}

// ActiveCompany reports whether the entity is an active ТОО or АО (the
// commercial companies, as opposed to ИП and peasant farms).
func ActiveCompany(e *sio.LegalEntity) bool {
	return e.Status == "ACTIVE" && (e.LegalForm == formTOO || e.LegalForm == formAO)
}

// Registered is the entity's registration date, never after Today (an
// entity founded by a very young entity can be dated later).
func Registered(e *sio.LegalEntity) sio.Date {
	if e.RegistrationDate.After(today.time()) {
		return Today()
	}
	return e.RegistrationDate
}

// TaxpayersByID indexes the batch's taxpayers by IIN or BIN.
func TaxpayersByID(b *Batch) map[string]*sio.Taxpayer {
	m := make(map[string]*sio.Taxpayer, len(b.Taxpayers))
	for i := range b.Taxpayers {
		m[b.Taxpayers[i].ID] = &b.Taxpayers[i]
	}
	return m
}

// LocalityOf is the locality part of an address of the population ("г.
// Алматы", "Алматинская обл., Илийский р-н, пос. Отеген батыр"): what comes
// before the street.
func LocalityOf(address string) string {
	parts := strings.Split(address, ", ")
	for i, p := range parts {
		if strings.HasPrefix(p, "ул. ") || strings.HasPrefix(p, "пр. ") || strings.HasPrefix(p, "мкр. ") || strings.HasPrefix(p, "д. ") {
			return strings.Join(parts[:i], ", ")
		}
	}
	return address
}

// DativeRu is the region's name after "по", as in "Департамент
// государственных доходов по г. Астане" or "... по Алматинской области".
func DativeRu(kato string) string {
	r, ok := sio.RegionByKATO(kato)
	if !ok {
		return ""
	}
	switch r.NameRu {
	case "г. Астана":
		return "г. Астане"
	case "г. Шымкент":
		return "г. Шымкенту"
	}
	return r.GenitiveRu()
}

// GenitiveRu is the region's name in the genitive ("Алматинской области",
// "г. Астаны"); empty for an unknown code.
func GenitiveRu(kato string) string {
	r, ok := sio.RegionByKATO(kato)
	if !ok {
		return ""
	}
	return r.GenitiveRu()
}

// YearPeriod is a calendar year, "2024 г.".
func YearPeriod(y int) sio.ReportingPeriod {
	return sio.ReportingPeriod{PeriodFrom: dateOf(y, 1, 1), PeriodTo: dateOf(y, 12, 31), PeriodRu: strconv.Itoa(y) + " г."}
}

// HalfYearPeriod is the h-th (1, 2) half of year y, "2 полугодие 2024 г.".
func HalfYearPeriod(y, h int) sio.ReportingPeriod {
	return sio.ReportingPeriod{PeriodFrom: dateOf(y, 6*h-5, 1), PeriodTo: AddDays(dateOf(y, 6*h+1, 1), -1),
		PeriodRu: strconv.Itoa(h) + " полугодие " + strconv.Itoa(y) + " г."}
}

// QuarterPeriod is the q-th (1-4) quarter of year y, "3 квартал 2024 г.".
func QuarterPeriod(y, q int) sio.ReportingPeriod {
	return sio.ReportingPeriod{PeriodFrom: dateOf(y, 3*q-2, 1), PeriodTo: AddDays(dateOf(y, 3*q+1, 1), -1),
		PeriodRu: strconv.Itoa(q) + " квартал " + strconv.Itoa(y) + " г."}
}

func dateOf(y, m, d int) sio.Date { return mkDay(y, m, d).date() }

var monthsRu = []string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}

// MonthPeriod is month m (1-12) of year y, "март 2024 г.".
func MonthPeriod(y, m int) sio.ReportingPeriod {
	return sio.ReportingPeriod{PeriodFrom: dateOf(y, m, 1), PeriodTo: AddDays(dateOf(y, m+1, 1), -1),
		PeriodRu: monthsRu[m-1] + " " + strconv.Itoa(y) + " г."}
}

// KBK is a budget classification code (КБК) with its name.
type KBK struct{ Code, NameRu string }

func exported(k kbk) KBK { return KBK{k.code, k.nameRu} }

// Budget classification codes of the taxes the КГД data record returns and
// payments under: those of the generator's tax arrears, and income tax not
// withheld at source.
var (
	KBKCorporateIncome   = exported(kbkCIT)
	KBKIncomeAtSource    = exported(kbkPIT)
	KBKIncomeNotAtSource = KBK{"101202", "Индивидуальный подоходный налог с доходов, не облагаемых у источника выплаты"}
	KBKSocial            = exported(kbkSocial)
	KBKVAT               = exported(kbkVAT)
	KBKVehicleEntity     = exported(kbkVehicleLE)
	KBKVehiclePerson     = exported(kbkVehicleFL)
)
