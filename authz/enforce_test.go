package authz_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/internal/testdb"
	"sio/sqldb"
)

// enforcerFixture is an enforcer over a case registry holding one criminal
// case with court sanctions in every state, on a fixed clock.
type enforcerFixture struct {
	e             *authz.Enforcer
	investigator  *sio.User
	prosecutor    *sio.User
	crime, fraud  sio.Case
	valid, early  authz.CourtSanction
	expired, gone authz.CourtSanction
	foreign       authz.CourtSanction
}

func newEnforcer(t testing.TB, cfg sqldb.Config) *enforcerFixture {
	t.Helper()
	ctx := context.Background()
	store, err := caseregistry.Open(ctx, cfg)
	testdb.Must(t, err)
	t.Cleanup(func() { store.Close() })
	signed := time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC)
	f := &enforcerFixture{
		investigator: &sio.User{IIN: testdb.IIN(t, "1985-05-05", sio.Male, 9001), RoleCode: "INVESTIGATOR_INTERNAL_AFFAIRS",
			AgencyCode: "MVD", AgreementSignedAt: &signed},
		prosecutor: &sio.User{IIN: testdb.IIN(t, "1979-07-07", sio.Female, 9002), RoleCode: "PROSECUTOR",
			AgencyCode: "PROSECUTOR_OFFICE", AgreementSignedAt: &signed},
		crime: sio.Case{Registry: "ERDR", Number: "247100031000101", Basis: "CRIMINAL_CASE", Article: "218 ч.2",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-03-01")},
		fraud: sio.Case{Registry: "ERDR", Number: "247100031000102", Basis: "CRIMINAL_CASE", Article: "190 ч.2",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-03-02")},
	}
	sanction := func(n, caseNumber, status, from, until string) authz.CourtSanction {
		return authz.CourtSanction{Number: n, Registry: "ERDR", CaseNumber: caseNumber, Court: "Специализированный следственный суд г. Астаны",
			Judge: "Нурланова Айгерим Маратовна", Measure: "Негласный контроль почтовых и иных отправлений", GrantedAt: sio.MustDate("2024-03-10"),
			ValidFrom: sio.MustDate(from), ValidUntil: sio.MustDate(until), Status: status}
	}
	f.valid = sanction("7191-24-00-1с/001", f.crime.Number, authz.SanctionGranted, "2024-03-11", "2024-06-11")
	f.early = sanction("7191-24-00-1с/002", f.crime.Number, authz.SanctionGranted, "2024-05-01", "2024-08-01")
	f.expired = sanction("7191-24-00-1с/003", f.crime.Number, authz.SanctionGranted, "2024-03-11", "2024-04-01")
	f.gone = sanction("7191-24-00-1с/004", f.crime.Number, authz.SanctionRevoked, "2024-03-11", "2024-06-11")
	f.foreign = sanction("7191-24-00-1с/005", f.fraud.Number, authz.SanctionGranted, "2024-03-11", "2024-06-11")
	testdb.Must(t, store.Load(ctx, caseregistry.Records{
		Cases: []sio.Case{f.crime, f.fraud},
		Assignments: []caseregistry.Assignment{{Registry: "ERDR", Number: f.crime.Number, IIN: f.investigator.IIN},
			{Registry: "ERDR", Number: f.fraud.Number, IIN: f.investigator.IIN}, {Registry: "ERDR", Number: f.crime.Number, IIN: f.prosecutor.IIN}},
		Sanctions: []authz.CourtSanction{f.valid, f.early, f.expired, f.gone, f.foreign},
	}))
	// 2024-04-15 at 23:30 UTC is already 2024-04-16 in Astana (seed 000 §29).
	now := time.Date(2024, 4, 15, 23, 30, 0, 0, time.UTC)
	f.e = &authz.Enforcer{Policy: load(t), Cases: store, Now: func() time.Time { return now }}
	return f
}

func (f *enforcerFixture) open(t *testing.T, u *sio.User, req authz.BasisRequest) *authz.Inquiry {
	t.Helper()
	inq, err := f.e.Open(context.Background(), &authz.Principal{User: u, Via: authz.ViaSandboxHeader}, req)
	if err != nil {
		t.Fatalf("Open(%+v): %v", req, err)
	}
	return inq
}

func reason(err error) string {
	if e, ok := err.(*sio.Error); ok {
		return e.Reason
	}
	return ""
}

// TestCheckCourtSanction: COURT_SANCTION services (postal items under a
// criminal case, seed 000 App.2 row 66, §28) need a sanction of ЕАИАС
// registered on the inquiry's case, granted and in force today.
func TestCheckCourtSanction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		f := newEnforcer(t, cfg)
		base := authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "контроль почтовых отправлений"}
		cases := []struct {
			name, sanction, want string
		}{
			{"valid", f.valid.Number, ""},
			{"none named", "", "names no court sanction"},
			{"not registered", "7191-24-00-1с/999", "not registered"},
			{"of another case", f.foreign.Number, "another case"},
			{"not yet in force", f.early.Number, "valid from 2024-05-01"},
			{"expired", f.expired.Number, "expired on 2024-04-01"},
			{"revoked", f.gone.Number, "revoked"},
		}
		for _, c := range cases {
			req := base
			req.CourtSanction = c.sanction
			inq := f.open(t, f.investigator, req)
			access, err := f.e.Check(inq, "POSTAL_ITEMS")
			if c.want == "" {
				if err != nil || access != authz.AccessFull || inq.CourtSanction == nil || inq.CourtSanction.Number != f.valid.Number {
					t.Errorf("%s: %v, %v, %+v", c.name, access, err, inq.CourtSanction)
				}
				continue
			}
			e, _ := err.(*sio.Error)
			if e == nil || e.Code != sio.EFORBIDDEN || e.Reason != authz.ReasonCourtSanctionRequired || !strings.Contains(e.Message, c.want) ||
				!strings.Contains(e.Source, "000/App2/row66/col1") || !strings.Contains(e.Source, "§28") {
				t.Errorf("%s: %v; want COURT_SANCTION_REQUIRED mentioning %q", c.name, err, c.want)
			}
			// The rest of the inquiry stands.
			if _, err := f.e.Check(inq, "PERSONS"); err != nil {
				t.Errorf("%s: persons refused: %v", c.name, err)
			}
		}
		// A sanction is of no use where the matrix has no rule: the
		// prosecutor's иные задачи read postal items with FULL access.
		d := f.e.Policy.Decide("PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "POSTAL_ITEMS")
		if !d.Allowed || d.Access != authz.AccessFull {
			t.Errorf("prosecutor's иные задачи: %+v", d)
		}
		// A sanction that expires: valid on the clock's Astana date only.
		late := *f.e
		late.Now = func() time.Time { return time.Date(2024, 6, 11, 19, 30, 0, 0, time.UTC) } // 2024-06-12 in Astana
		inq := f.open(t, f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "x",
			CourtSanction: f.valid.Number})
		if _, err := late.Check(inq, "POSTAL_ITEMS"); reason(err) != authz.ReasonCourtSanctionRequired {
			t.Errorf("the day after the sanction's end in Astana: %v", err)
		}
	})
}

// TestCheckQualifiers applies every qualifier of the matrices with the
// inquiry's user and case.
func TestCheckQualifiers(t *testing.T) {
	f := newEnforcer(t, testdb.Dialects[1].Config(t))
	crime := f.open(t, f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "x"})
	fraud := f.open(t, f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.fraud.Number, Justification: "x"})
	checkMVD := f.open(t, f.investigator, authz.BasisRequest{Kind: "PRIMARY_CHECK", Justification: "x"})
	checkPr := f.open(t, f.prosecutor, authz.BasisRequest{Kind: "PRIMARY_CHECK", Justification: "x"})
	cases := []struct {
		name    string
		inq     *authz.Inquiry
		service string
		access  authz.Access
		reason  string
	}{
		{"FULL", crime, "PENSION_CONTRIBUTIONS", authz.AccessFull, ""},
		{"TRUNCATED", checkPr, "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"ARTICLES_ONLY covered (218 ч.2)", crime, "VAT_PAYERS", authz.AccessFull, ""},
		{"ARTICLES_ONLY not covered (190 ч.2)", fraud, "VAT_PAYERS", "", authz.ReasonArticleNotCovered},
		{"ARTICLES_ONLY without a case", checkMVD, "TAX_REPORTING", "", authz.ReasonServiceNotAllowedForBasis},
		{"MVD_ONLY for MVD", checkMVD, "WEAPONS", authz.AccessFull, ""},
		{"MVD_ONLY for the prosecutor's office", checkPr, "WEAPONS", "", authz.ReasonAgencyOnly},
		{"no rule", checkPr, "REAL_ESTATE", "", authz.ReasonServiceNotAllowedForBasis},
		{"no inquiry", nil, "PERSONS", "", authz.ReasonNoInquiry},
	}
	for _, c := range cases {
		access, err := f.e.Check(c.inq, c.service)
		if access != c.access || reason(err) != c.reason || (err != nil && sio.ErrorCode(err) != sio.EFORBIDDEN) {
			t.Errorf("%s: Check(%s) = %q, %v; want %q %s", c.name, c.service, access, err, c.access, c.reason)
		}
	}
	// An international request has no case: its article is the registry's.
	la := &authz.Inquiry{Basis: "CRIMINAL_CASE", User: f.investigator, LegalAssistance: &authz.LegalAssistance{Article: "216 ч.1"}}
	if _, err := f.e.Check(la, "TAX_CROSS_AUDITS"); err != nil {
		t.Errorf("international request on 216 ч.1: %v", err)
	}
	la.LegalAssistance.Article = "190 ч.3"
	if _, err := f.e.Check(la, "TAX_CROSS_AUDITS"); reason(err) != authz.ReasonArticleNotCovered {
		t.Errorf("international request on 190 ч.3: %v", err)
	}
	// ОРД without a case: the КГД services have no article to check.
	op := &sio.User{IIN: f.investigator.IIN, RoleCode: "OPERATIVE_INTERNAL_AFFAIRS", AgencyCode: "MVD", AgreementSignedAt: f.investigator.AgreementSignedAt}
	ord := f.open(t, op, authz.BasisRequest{Kind: "ORD"})
	if _, err := f.e.Check(ord, "VAT_PAYERS"); reason(err) != authz.ReasonArticleNotCovered {
		t.Errorf("ORD without a case: %v", err)
	}
}

// TestOpenForm checks the form of requests without the registries: what a
// basis needs, and what it does not take.
func TestOpenForm(t *testing.T) {
	f := newEnforcer(t, testdb.Dialects[1].Config(t))
	judge := &sio.User{IIN: f.prosecutor.IIN, RoleCode: "JUDGE", AgencyCode: "COURT", AgreementSignedAt: f.prosecutor.AgreementSignedAt}
	cases := []struct {
		user *sio.User
		req  authz.BasisRequest
		arg  string
	}{
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number}, "basis.justification"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", Justification: "x"}, "basis.caseNumber"},
		{f.investigator, authz.BasisRequest{Kind: " ", Justification: "x"}, "basis.kind"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: strings.Repeat("1", 65), Justification: "x"}, "basis.caseNumber"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "x", Court: "суд"}, "basis.court"},
		{judge, authz.BasisRequest{Kind: "CIVIL_CASE", CaseNumber: "7192-24-00-2/15", Year: 2024, Justification: "x"}, "basis.court"},
		{judge, authz.BasisRequest{Kind: "CIVIL_CASE", CaseNumber: "7192-24-00-2/15", Year: 1890, Court: "суд", Justification: "x"}, "basis.year"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "x",
			Instruction: &authz.InstructionRequest{Kind: "ORAL", Number: "1"}}, "basis.instruction.kind"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", Justification: "x",
			Instruction: &authz.InstructionRequest{Kind: "INTERNATIONAL", Number: "1", CoverLetterNumber: "2"}}, "basis.instruction.requestingBody"},
		{f.investigator, authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "x",
			Instruction: &authz.InstructionRequest{Kind: "INVESTIGATIVE", Number: "1", CoverLetterNumber: "2"}}, "basis.instruction.requestingBody"},
		{f.investigator, authz.BasisRequest{Kind: "PRIMARY_CHECK", Justification: "x", CourtSanction: f.valid.Number}, "basis.courtSanction"},
	}
	for _, c := range cases {
		_, err := f.e.Open(context.Background(), &authz.Principal{User: c.user}, c.req)
		e, _ := err.(*sio.Error)
		if e == nil || e.Code != sio.EBADINPUT || e.Argument != c.arg || !strings.HasPrefix(e.Message, c.arg+": ") {
			t.Errorf("Open(%+v) = %v; want BAD_USER_INPUT naming %s", c.req, err, c.arg)
		}
	}
	if _, err := f.e.Open(context.Background(), nil, authz.BasisRequest{Kind: "ORD"}); sio.ErrorCode(err) != sio.EUNAUTHENTICATED {
		t.Errorf("Open without a principal = %v", err)
	}
	// Names and numbers are trimmed; the opened time is the clock's.
	inq := f.open(t, f.investigator, authz.BasisRequest{Kind: " CRIMINAL_CASE ", CaseNumber: " " + f.crime.Number + " ", Justification: "  два   слова "})
	if inq.Case.Number != f.crime.Number || inq.Justification != "два слова" || inq.Via != authz.ViaAssigned || !inq.OpenedAt.Equal(f.e.Now()) {
		t.Errorf("inquiry = %+v", inq)
	}
}

// BenchmarkServiceDirective is the @service directive's own cost per
// guarded field (the policy check, the access level in the context, the
// service and subjects for the audit trail), around a resolver that does
// nothing: multiplied by the guarded fields of a request, it bounds what
// access control adds to it (bench/NOTES.md).
func BenchmarkServiceDirective(b *testing.B) {
	f := newEnforcer(b, sqldb.Config{DataDir: b.TempDir()})
	inq, err := f.e.Open(context.Background(), &authz.Principal{User: f.investigator, Via: authz.ViaSandboxHeader},
		authz.BasisRequest{Kind: "CRIMINAL_CASE", CaseNumber: f.crime.Number, Justification: "проверка"})
	if err != nil {
		b.Fatal(err)
	}
	ctx := audit.WithTrail(context.Background(), audit.NewTrail())
	ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Query", Result: inq})
	// A field three levels below the inquiry, as in a list of persons.
	for _, name := range []string{"persons", "vehicles"} {
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Person", Field: graphql.CollectedField{Field: &ast.Field{Name: name}},
			Args: map[string]any{"first": 20}})
	}
	i := 0
	idx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
	ctx = graphql.WithFieldContext(idx, &graphql.FieldContext{Object: "Person", IsResolver: true,
		Field: graphql.CollectedField{Field: &ast.Field{Name: "vehicles"}}, Args: map[string]any{"first": 20}})
	next := func(context.Context) (any, error) { return true, nil }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.e.ServiceDirective(ctx, nil, next, "VEHICLES", nil); err != nil {
			b.Fatal(err)
		}
	}
}
