package sio_test

import (
	"errors"
	"testing"

	"sio"
)

// identifierSeeds start the identifier fuzzers: valid numbers, near misses
// and hostile strings.
var identifierSeeds = []string{
	"850314400109", "850314400005", "850314400108", "110540123456", "1105401234567",
	"", "0", "85031440010x", "８５０３１４４０００５", "850314400109\x00", "' OR 1=1 --",
	"000000000000", "999999999999", "991340000009",
}

func checkRefusal(t *testing.T, s string, err error) {
	var e *sio.Error
	if !errors.As(err, &e) || e.Code != sio.EBADINPUT || e.Argument != "arg" || e.Message == "" {
		t.Fatalf("%q: refusal %#v, want BAD_USER_INPUT naming the argument", s, err)
	}
}

func isNumber12(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := range 12 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	d, ok := sio.CheckDigit([]byte(s[:11]))
	return ok && d == s[11]
}

// FuzzParseIIN: any string is either a valid IIN (12 digits, right check
// digit, a real birth date that MakeIIN encodes back to the same number)
// or a BAD_USER_INPUT naming the argument; never a panic.
func FuzzParseIIN(f *testing.F) {
	for _, s := range identifierSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iin, err := sio.ParseIIN(s, "arg")
		if err != nil {
			checkRefusal(t, s, err)
			return
		}
		if string(iin) != s || !isNumber12(s) {
			t.Fatalf("%q accepted as %q", s, iin)
		}
		b := iin.BirthDate()
		if b.IsZero() || (iin.Gender() != sio.Male && iin.Gender() != sio.Female) {
			t.Fatalf("%q: birth %v gender %q", s, b, iin.Gender())
		}
		serial := int(s[7]-'0')*1000 + int(s[8]-'0')*100 + int(s[9]-'0')*10 + int(s[10]-'0')
		if again, ok := sio.MakeIIN(b, iin.Gender(), serial); !ok || again != iin {
			t.Fatalf("%q decodes to %v %s %d, which encodes to %q", s, b, iin.Gender(), serial, again)
		}
	})
}

// FuzzParseBIN: any string is either a valid BIN (12 digits, right check
// digit, a month and an entity type) or a BAD_USER_INPUT; ParseIINOrBIN
// agrees with both.
func FuzzParseBIN(f *testing.F) {
	for _, s := range identifierSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		bin, err := sio.ParseBIN(s, "arg")
		if err != nil {
			checkRefusal(t, s, err)
		} else if string(bin) != s || !isNumber12(s) || s[2:4] < "01" || s[2:4] > "12" || s[4] < '4' || s[4] > '6' {
			t.Fatalf("%q accepted as %q", s, bin)
		}
		_, ierr := sio.ParseIIN(s, "arg")
		either, eerr := sio.ParseIINOrBIN(s, "arg")
		switch {
		case ierr == nil || err == nil:
			if eerr != nil || either != s {
				t.Fatalf("%q: IIN %v, BIN %v, either %q %v", s, ierr, err, either, eerr)
			}
		default:
			checkRefusal(t, s, eerr)
		}
	})
}
