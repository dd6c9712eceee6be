package sio

import (
	"fmt"
	"time"
)

// IIN is an individual identification number (ЖСН/ИИН): 12 digits, YYMMDD of
// birth, a century-and-gender digit, a 4-digit serial and a check digit.
type IIN string

// BIN is a business identification number (БСН/БИН): 12 digits, YYMM of
// registration, an entity-type digit, an attribute digit, a 5-digit serial
// and a check digit.
type BIN string

// Gender as encoded in the 7th IIN digit.
type Gender string

const (
	Male   Gender = "MALE"
	Female Gender = "FEMALE"
)

var (
	weights1 = [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	weights2 = [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}
)

// CheckDigit computes the 12th digit of an IIN/BIN from its first 11 digits
// with the official two-pass algorithm: weights 1..11 mod 11; if that gives
// 10, weights 3..11,1,2 mod 11; if that gives 10 again the number is never
// issued and ok is false.
func CheckDigit(first11 []byte) (digit byte, ok bool) {
	if len(first11) < 11 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 11; i++ {
		sum += int(first11[i]-'0') * weights1[i]
	}
	c := sum % 11
	if c == 10 {
		sum = 0
		for i := 0; i < 11; i++ {
			sum += int(first11[i]-'0') * weights2[i]
		}
		c = sum % 11
		if c == 10 {
			return 0, false
		}
	}
	return byte('0' + c), true
}

// checkDigits validates length, digits and check digit of a 12-digit number.
// arg names the argument for the error message.
func checkDigits(s, kind, arg string) *Error {
	if len(s) != 12 {
		return &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: %s must be exactly 12 digits, got %d characters", arg, kind, len([]rune(s)))}
	}
	for i := 0; i < 12; i++ {
		if s[i] < '0' || s[i] > '9' {
			return &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: %s must contain digits only", arg, kind)}
		}
	}
	d, ok := CheckDigit([]byte(s[:11]))
	if !ok || d != s[11] {
		return &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: %s check digit is wrong", arg, kind)}
	}
	return nil
}

// ParseIIN validates s as an IIN; arg names the GraphQL argument in errors.
func ParseIIN(s, arg string) (IIN, error) {
	if err := checkDigits(s, "IIN", arg); err != nil {
		return "", err
	}
	if _, _, err := IIN(s).decode(); err != nil {
		return "", &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: IIN %s", arg, err)}
	}
	return IIN(s), nil
}

// ParseBIN validates s as a BIN; arg names the GraphQL argument in errors.
func ParseBIN(s, arg string) (BIN, error) {
	if err := checkDigits(s, "BIN", arg); err != nil {
		return "", err
	}
	if m := (s[2]-'0')*10 + (s[3] - '0'); m < 1 || m > 12 {
		return "", &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: BIN registration month %02d is invalid", arg, m)}
	}
	if t := s[4]; t < '4' || t > '6' {
		return "", &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: BIN entity type digit %c is invalid (4, 5 or 6)", arg, t)}
	}
	return BIN(s), nil
}

// ParseIINOrBIN accepts either identifier (the 5th digit of a BIN is 4-6, the
// 3rd-4th digits of an IIN are a month, so the IIN reading is tried first).
func ParseIINOrBIN(s, arg string) (string, error) {
	if iin, err := ParseIIN(s, arg); err == nil {
		return string(iin), nil
	}
	if bin, err := ParseBIN(s, arg); err == nil {
		return string(bin), nil
	}
	if err := checkDigits(s, "IIN/BIN", arg); err != nil {
		return "", err
	}
	return "", &Error{Code: EBADINPUT, Argument: arg, Message: fmt.Sprintf("%s: not a valid IIN or BIN", arg)}
}

// decode returns the birth date and gender encoded in the IIN.
func (n IIN) decode() (time.Time, Gender, error) {
	s := string(n)
	var century int
	var g Gender
	switch s[6] {
	case '1', '2':
		century = 1800
	case '3', '4':
		century = 1900
	case '5', '6':
		century = 2000
	default:
		return time.Time{}, "", fmt.Errorf("century/gender digit %c is invalid (1-6)", s[6])
	}
	if (s[6]-'0')%2 == 1 {
		g = Male
	} else {
		g = Female
	}
	y := century + int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[2]-'0')*10 + int(s[3]-'0')
	d := int(s[4]-'0')*10 + int(s[5]-'0')
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return time.Time{}, "", fmt.Errorf("birth date %s is not a calendar date", s[0:6])
	}
	return t, g, nil
}

// BirthDate returns the birth date encoded in a valid IIN.
func (n IIN) BirthDate() time.Time { t, _, _ := n.decode(); return t }

// Gender returns the gender encoded in a valid IIN.
func (n IIN) Gender() Gender { _, g, _ := n.decode(); return g }

// MakeIIN builds a valid IIN for a birth date, gender and serial (0..9999).
// ok is false when that serial yields an unissuable check digit; callers try
// the next serial.
func MakeIIN(birth time.Time, g Gender, serial int) (IIN, bool) {
	c := byte('3')
	switch {
	case birth.Year() >= 2000:
		c = '5'
	case birth.Year() < 1900:
		c = '1'
	}
	if g == Female {
		c++
	}
	b := []byte(fmt.Sprintf("%02d%02d%02d%c%04d", birth.Year()%100, int(birth.Month()), birth.Day(), c, serial%10000))
	d, ok := CheckDigit(b)
	if !ok {
		return "", false
	}
	return IIN(append(b, d)), true
}

// Entity type digit (5th) and attribute digit (6th) of a BIN.
const (
	BINResident       = '4'
	BINNonResident    = '5'
	BINIndividualEnt  = '6'
	BINHeadOffice     = '0'
	BINBranch         = '1'
	BINRepresentative = '2'
	BINPeasantFarm    = '3'
)

// MakeBIN builds a valid BIN for a registration date, type and attribute
// digits and a serial (0..99999); ok is false for an unissuable check digit.
func MakeBIN(reg time.Time, entityType, attribute byte, serial int) (BIN, bool) {
	b := []byte(fmt.Sprintf("%02d%02d%c%c%05d", reg.Year()%100, int(reg.Month()), entityType, attribute, serial%100000))
	d, ok := CheckDigit(b)
	if !ok {
		return "", false
	}
	return BIN(append(b, d)), true
}
