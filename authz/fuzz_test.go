package authz_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"sio"
	"sio/authz"
	"sio/internal/testdb"
)

// FuzzBasisInput opens inquiries with arbitrary bases for an investigator
// over a real case registry (SQLite): every answer is an inquiry on a
// registered case of the caller, or a BAD_USER_INPUT naming a basis field,
// or a FORBIDDEN with a reason; never a panic or an untyped error.
func FuzzBasisInput(f *testing.F) {
	fx := newEnforcer(f, testdb.Dialects[1].Config(f))
	f.Add("CRIMINAL_CASE", fx.crime.Number, "", "", "проверка", 0, "", "", "", "")
	f.Add("CRIMINAL_CASE", " "+fx.crime.Number+"\t", "", fx.valid.Number, "контроль", 0, "", "", "", "")
	f.Add("ORD", "", "", "", "", 0, "", "", "", "")
	f.Add("ADMIN_CASE_COURT", "1", "суд", "", "x", 2024, "", "", "", "")
	f.Add("CRIMINAL_CASE", fx.fraud.Number, "", "", "x", 0, "INVESTIGATIVE", "12/34", "", "")
	f.Add("PRIMARY_CHECK", "", "", "", "x", 0, "INTERNATIONAL", "1", "Interpol", "2")
	f.Add("OTHER_TASKS", "' OR 1=1 --", "'; DROP TABLE cases; --", "\x00", strings.Repeat("я", 2001), -1, "?", "\u202e", "", "")
	f.Fuzz(func(t *testing.T, kind, caseNumber, court, sanction, justification string, year int, instrKind, instrNumber, body, cover string) {
		req := authz.BasisRequest{Kind: kind, CaseNumber: caseNumber, Court: court, CourtSanction: sanction,
			Justification: justification, Year: year}
		if instrKind != "" || instrNumber != "" || body != "" || cover != "" {
			req.Instruction = &authz.InstructionRequest{Kind: instrKind, Number: instrNumber, RequestingBody: body, CoverLetterNumber: cover}
		}
		inq, err := fx.e.Open(context.Background(), &authz.Principal{User: fx.investigator, Via: authz.ViaSandboxHeader}, req)
		if err != nil {
			var e *sio.Error
			switch {
			case !errors.As(err, &e) || inq != nil:
				t.Fatalf("%+v: %#v (inquiry %v)", req, err, inq)
			case e.Code == sio.EBADINPUT && strings.HasPrefix(e.Argument, "basis.") && utf8.ValidString(e.Message):
			case e.Code == sio.EFORBIDDEN && e.Reason != "":
			default:
				t.Fatalf("%+v: %#v", req, e)
			}
			return
		}
		if inq.User != fx.investigator || inq.Basis != strings.TrimSpace(kind) {
			t.Fatalf("%+v: inquiry %+v", req, inq)
		}
		if c := inq.Case; c != nil && c.Number != fx.crime.Number && c.Number != fx.fraud.Number {
			t.Fatalf("%+v: opened on %+v", req, c)
		}
		if utf8.RuneCountInString(inq.Justification) > 2000 {
			t.Fatalf("%+v: justification of %d characters", req, utf8.RuneCountInString(inq.Justification))
		}
	})
}
