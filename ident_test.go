package sio_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sio"
)

// Vectors worked by hand (weights 1..11, then 3..11,1,2; mod 11):
//
//	85031440010: 8+10+0+12+5+24+28+0+0+10+0 = 97, 97 mod 11 = 9            -> 850314400109
//	85031440000: first pass 87 mod 11 = 10; second pass 137 mod 11 = 5     -> 850314400005
//	85031440008: first pass 175 mod 11 = 10; second pass 153 mod 11 = 10   -> never issued
func TestCheckDigitVectors(t *testing.T) {
	for _, tc := range []struct {
		first11 string
		digit   byte
		ok      bool
	}{
		{"85031440010", '9', true},
		{"85031440000", '5', true},
		{"85031440008", 0, false},
	} {
		d, ok := sio.CheckDigit([]byte(tc.first11))
		if ok != tc.ok || d != tc.digit {
			t.Errorf("CheckDigit(%s) = %q,%v; want %q,%v", tc.first11, d, ok, tc.digit, tc.ok)
		}
	}
}

func TestParseIIN(t *testing.T) {
	if iin, err := sio.ParseIIN("850314400109", "iin"); err != nil || iin.Gender() != sio.Female || iin.BirthDate().Format(time.DateOnly) != "1985-03-14" {
		t.Fatalf("valid IIN: %v %v", iin, err)
	}
	if _, err := sio.ParseIIN("850314400005", "iin"); err != nil {
		t.Fatalf("second-pass IIN rejected: %v", err)
	}
	for _, tc := range []struct{ in, want string }{
		{"85031440010", "exactly 12 digits"},
		{"8503144001090", "exactly 12 digits"},
		{"85031440010x", "digits only"},
		{"850314400108", "check digit"},
		{"850314400080", "check digit"}, // unissuable serial: no digit is right
		{"851314400101", "not a calendar date"},
		{"850314700108", "century/gender digit"},
	} {
		_, err := sio.ParseIIN(tc.in, "iin")
		var e *sio.Error
		if !errors.As(err, &e) || e.Code != sio.EBADINPUT || e.Argument != "iin" || !strings.Contains(e.Message, tc.want) || !strings.HasPrefix(e.Message, "iin:") {
			t.Errorf("ParseIIN(%q) = %v; want BAD_USER_INPUT naming iin containing %q", tc.in, err, tc.want)
		}
	}
}

func TestMakeIINRoundTrip(t *testing.T) {
	n := 0
	for serial := 0; serial < 300; serial++ {
		for _, g := range []sio.Gender{sio.Male, sio.Female} {
			for _, birth := range []time.Time{time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1972, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2010, 7, 1, 0, 0, 0, 0, time.UTC)} {
				iin, ok := sio.MakeIIN(birth, g, serial)
				if !ok {
					continue
				}
				n++
				p, err := sio.ParseIIN(string(iin), "iin")
				if err != nil || !p.BirthDate().Equal(birth) || p.Gender() != g {
					t.Fatalf("MakeIIN(%v,%s,%d) = %s: parse %v, birth %v gender %s", birth, g, serial, iin, err, p.BirthDate(), p.Gender())
				}
			}
		}
	}
	if n < 1700 {
		t.Fatalf("only %d of 1800 serials issuable; expected ~99%%", n)
	}
}

func TestParseBIN(t *testing.T) {
	bin, ok := sio.MakeBIN(time.Date(2011, 5, 1, 0, 0, 0, 0, time.UTC), sio.BINResident, sio.BINHeadOffice, 12345)
	for s := 12346; !ok; s++ {
		bin, ok = sio.MakeBIN(time.Date(2011, 5, 1, 0, 0, 0, 0, time.UTC), sio.BINResident, sio.BINHeadOffice, s)
	}
	if !strings.HasPrefix(string(bin), "110540") {
		t.Fatalf("BIN layout: %s", bin)
	}
	if _, err := sio.ParseBIN(string(bin), "bin"); err != nil {
		t.Fatal(err)
	}
	bad := []byte(bin)
	bad[11] = '0' + (bad[11]-'0'+1)%10
	for _, in := range []string{string(bad), "11054", "1105401234ab"} {
		if _, err := sio.ParseBIN(in, "bin"); sio.ErrorCode(err) != sio.EBADINPUT {
			t.Errorf("ParseBIN(%q) = %v; want BAD_USER_INPUT", in, err)
		}
	}
	if id, err := sio.ParseIINOrBIN(string(bin), "id"); err != nil || id != string(bin) {
		t.Fatalf("ParseIINOrBIN(BIN) = %v %v", id, err)
	}
	if id, err := sio.ParseIINOrBIN("850314400109", "id"); err != nil || id != "850314400109" {
		t.Fatalf("ParseIINOrBIN(IIN) = %v %v", id, err)
	}
}

func TestMoney(t *testing.T) {
	for in, want := range map[sio.Money]string{0: "0.00", 5: "0.05", 1523050: "15230.50", -199: "-1.99"} {
		if got := in.String(); got != want {
			t.Errorf("Money(%d) = %s, want %s", in, got, want)
		}
	}
}

func TestOperationLabel(t *testing.T) {
	for name, want := range map[string]string{
		"PersonCard":            "PersonCard",
		"":                      "anonymous",
		"person_870412300123":   "anonymous",
		"Q123":                  "Q123",
		"drop table; --":        "anonymous",
		strings.Repeat("a", 65): "anonymous",
		"Лицо":                  "anonymous",
	} {
		if got := sio.OperationLabel(name); got != want {
			t.Errorf("OperationLabel(%q) = %q, want %q", name, got, want)
		}
	}
}
