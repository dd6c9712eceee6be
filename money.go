package sio

// mrp is the monthly calculation index (месячный расчетный показатель) in
// tenge fixed by the republican budget law of each year, as in force on 1
// January (the mid-year revisions of 2020 and 2022 are not modelled).
var mrp = map[int]int64{
	2015: 1982, 2016: 2121, 2017: 2269, 2018: 2405, 2019: 2525, 2020: 2651,
	2021: 2917, 2022: 3063, 2023: 3450, 2024: 3692, 2025: 3932,
}

// MRP is the monthly calculation index of the year, the unit of fines and
// of many benefits: the 2025 value after 2025, and before 2015 extrapolated
// back at 4% a year.
func MRP(year int) Money {
	var tenge int64
	switch {
	case year < 2015:
		tenge = mrp[2015] * int64(100-4*(2015-year)) / 100
	case year > 2025:
		tenge = mrp[2025]
	default:
		tenge = mrp[year]
	}
	return Money(tenge * 100)
}
