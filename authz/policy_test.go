package authz_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"sio/authz"
)

// The specification: the two legal texts the policy was read from.
const (
	seed000 = "000_9ecb04ea7cce65ff.txt"
	seed002 = "002_e75458535a8b9cbf.txt"
)

func load(t testing.TB) *authz.Policy {
	t.Helper()
	p, err := authz.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

func readSeed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", name))
	if err != nil {
		t.Skipf("seed text not available: %v", err)
	}
	return string(b)
}

// norm collapses whitespace runs to one space.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// squash drops all whitespace: doc 002 was extracted from a PDF and has words
// broken by spaces and line ends ("противодействи ю", "с л у ж б ы").
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

var digits = regexp.MustCompile(`[0-9]`)

// ---------------------------------------------------------------- totals

func TestTotals(t *testing.T) {
	p := load(t)

	var roles000, roles002 int
	for _, r := range p.Roles {
		for _, s := range r.Sources {
			switch {
			case s.Doc == "000" && s.Appendix == "1":
				roles000++
			case s.Doc == "002" && s.Appendix == "12":
				roles002++
			}
		}
	}
	if roles000 != 25 || roles002 != 14 {
		t.Errorf("roles: %d from doc 000 App.1, %d from doc 002 App.12; want 25 and 14", roles000, roles002)
	}
	if len(p.Roles) != 34 { // 25 + 14 - 5 merged
		t.Errorf("roles: %d entries, want 34 (5 merged)", len(p.Roles))
	}

	if len(p.Services) != 79 {
		t.Errorf("services: %d, want 79", len(p.Services))
	}
	for n := 1; n <= 79; n++ {
		if _, ok := p.ServiceByNumber(n); !ok {
			t.Errorf("service number %d missing", n)
		}
	}
	var n002 []int
	for _, s := range p.Services {
		if s.Number002 > 0 {
			n002 = append(n002, s.Number002)
		}
	}
	slices.Sort(n002)
	for i, n := range n002 {
		if n != i+1 {
			t.Fatalf("number002 not 1..76 without gaps: %v", n002)
		}
	}
	if len(n002) != 76 {
		t.Errorf("services of doc 002: %d, want 76", len(n002))
	}

	var top000, top002, children []string
	for _, b := range p.Bases {
		switch {
		case b.Parent != "":
			children = append(children, b.Code)
		case b.Source.Doc == "000":
			top000 = append(top000, b.Code)
		default:
			top002 = append(top002, b.Code)
		}
	}
	want000 := []string{"CRIMINAL_CASE", "ADMIN_CASE_COURT", "ADMIN_CASE_KPSISU", "CIVIL_CASE", "PRIMARY_CHECK", "ENFORCEMENT", "SEARCH_CASE"}
	want002 := []string{"ORD", "NSD", "SEARCH_MEASURES", "OTHER_TASKS"}
	if !slices.Equal(top000, want000) || !slices.Equal(top002, want002) {
		t.Errorf("top-level bases: %v + %v, want %v + %v", top000, top002, want000, want002)
	}
	if len(children) != 9 {
		t.Errorf("sub-bases: %v, want 9 (App.4: 5, App.5: 2, App.6: 1, App.7: 1)", children)
	}

	// Article lists: 75 numbered rows in doc 000 App.3 and in doc 002 App.8.
	sizes := map[string]int{}
	for _, l := range p.Articles {
		sizes[l.Doc] = len(l.Items)
	}
	if sizes["000"] != 75 || sizes["002"] != 75 {
		t.Errorf("article lists: %v, want 75 items each", sizes)
	}

	// Cells: counted from the tables.
	count := map[string]int{}
	for _, rb := range p.RoleBases {
		count["rb/"+rb.Source.Doc]++
	}
	for _, r := range p.ServiceRules {
		count["sr/"+r.Source.Doc+"/"+r.Source.Appendix]++
	}
	want := map[string]int{
		"rb/000": 67, "rb/002": 30,
		"sr/000/2": 374,
		"sr/002/1": 71, "sr/002/2": 72, "sr/002/3": 71, "sr/002/4": 112,
		"sr/002/5": 74, "sr/002/6": 32, "sr/002/7": 72,
	}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("%s: %d cells, want %d", k, count[k], v)
		}
	}
}

// ---------------------------------------------------------------- sample cells

func TestSampleCells(t *testing.T) {
	p := load(t)
	const deny = authz.Access("")
	cases := []struct {
		role, basis, service string
		want                 authz.Access // deny = not allowed
		reason               string
	}{
		// doc 000 App.2
		{"PROSECUTOR", "PRIMARY_CHECK", "WEAPONS", authz.AccessMVDOnly, ""},
		{"JUDGE", "CIVIL_CASE", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"JUDGE", "ADMIN_CASE_COURT", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"PROSECUTOR", "PRIMARY_CHECK", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "PENSION_CONTRIBUTIONS", authz.AccessFull, ""},
		{"BAILIFF", "ENFORCEMENT", "PENSION_CONTRIBUTIONS", authz.AccessFull, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "TAX_CROSS_AUDITS", authz.AccessArticlesOnly, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "PETROLEUM_DECLARATIONS_V3", authz.AccessArticlesOnly, ""},
		{"JUDGE", "CIVIL_CASE", "VAT_PAYERS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"INVESTIGATOR_INTERNAL_AFFAIRS", "CRIMINAL_CASE", "POSTAL_ITEMS", authz.AccessCourtSanction, ""},
		{"JUDGE", "CIVIL_CASE", "POSTAL_ITEMS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "CRIMINAL_CASE", "BAN_PERSON_PARTICIPATION", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"BAILIFF", "ENFORCEMENT", "BAN_PERSON_PARTICIPATION", authz.AccessFull, ""},
		{"BAILIFF", "ENFORCEMENT", "LAND_ENCUMBRANCE", authz.AccessFull, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "BAN_REAL_ESTATE", authz.AccessFull, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "LAND_ENCUMBRANCE", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"JUDGE", "CIVIL_CASE", "CRIMINAL_VEHICLES", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"CRIMINAL_POLICE_OFFICER", "SEARCH_CASE", "CRIMINAL_WEAPONS", authz.AccessFull, ""},
		{"JUDGE", "ADMIN_CASE_COURT", "CIVIL_SERVANT_REQUEST", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"HR_OFFICER", "PRIMARY_CHECK", "CIVIL_SERVANT_REQUEST", authz.AccessFull, ""},
		{"CRIMINAL_POLICE_OFFICER", "SEARCH_CASE", "SUBSOIL_CONTRACTS_HYDROCARBONS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"BAILIFF", "ENFORCEMENT", "E_PROCUREMENT", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"BAILIFF", "ENFORCEMENT", "ADDRESS_PHONE_SEARCH", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"BAILIFF", "PRIMARY_CHECK", "ADDRESS_PHONE_SEARCH", authz.AccessFull, ""},
		{"PROSECUTOR", "ADMIN_CASE_KPSISU", "STUDENTS_GRADUATES", authz.AccessFull, ""},
		{"JUDGE", "ADMIN_CASE_COURT", "STUDENTS_GRADUATES", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "CRIMINAL_CASE", "OUTPATIENT_VISITS", authz.AccessFull, ""},
		{"CRIMINAL_POLICE_OFFICER", "SEARCH_CASE", "DISPENSARY_REGISTRATION", authz.AccessFull, ""},
		{"PROSECUTOR", "CRIMINAL_CASE", "LINKS_LEVEL2", authz.AccessFull, ""},
		{"PROSECUTOR", "PRIMARY_CHECK", "LINKS_LEVEL1", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "PRIMARY_CHECK", "REAL_ESTATE", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "PRIMARY_CHECK", "KAZAKHTELECOM", authz.AccessFull, ""},
		// doc 002 App.1-3 (ОРД, НСД, розыскные мероприятия)
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"PROSECUTOR", "NSD", "PENSION_CONTRIBUTIONS", authz.AccessFull, ""},
		{"CRIMINAL_POLICE_OFFICER", "SEARCH_MEASURES", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "POSTAL_ITEMS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "NSD", "POSTAL_ITEMS", authz.AccessFull, ""},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "VAT_PAYERS", authz.AccessArticlesOnly, ""},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "BAN_REAL_ESTATE", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "DISPENSARY_REGISTRATION", authz.AccessFull, ""},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "OUTPATIENT_VISITS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"OPERATIVE_INTERNAL_AFFAIRS", "ORD", "LINKS_LEVEL2", authz.AccessFull, ""},
		// doc 002 App.4-7 (иные задачи)
		{"AFM_ECONOMIC_INVESTIGATIONS_OFFICER", "OTHER_TASKS_AFM", "PUBLIC_SERVICE_CENTER_SERVICES", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"AFM_ECONOMIC_INVESTIGATIONS_OFFICER", "OTHER_TASKS_AFM", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"AFM_ECONOMIC_INVESTIGATIONS_OFFICER", "OTHER_TASKS_AFM", "MISSING_PERSONS", authz.AccessFull, ""},
		{"PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "POSTAL_ITEMS", authz.AccessFull, ""},
		{"PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "TAX_REPORTING", authz.AccessArticlesOnly, ""},
		{"PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "PENSION_CONTRIBUTIONS", authz.AccessFull, ""},
		{"PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "LAND_ENCUMBRANCE", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"OPERATIVE_INTERNAL_AFFAIRS", "OTHER_TASKS_MVD", "PENSION_CONTRIBUTIONS", authz.AccessTruncated, ""},
		{"OPERATIVE_INTERNAL_AFFAIRS", "OTHER_TASKS_MVD", "TAX_CROSS_AUDITS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"MIGRATION_POLICE_OFFICER", "OTHER_TASKS_MVD_MIGRATION_IS", "FOREIGN_LABOR", authz.AccessFull, ""},
		{"ANTICORRUPTION_OPERATIVE", "OTHER_TASKS_ANTICORRUPTION", "ROAD_ACCIDENTS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"ANTICORRUPTION_OPERATIVE", "OTHER_TASKS_ANTICORRUPTION_EAITS", "PERSONS", authz.AccessFull, ""},
		{"ANTICORRUPTION_OPERATIVE", "OTHER_TASKS_ANTICORRUPTION_EAITS", "WEAPONS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		{"ANTICORRUPTION_OPERATIVE", "OTHER_TASKS_ANTICORRUPTION", "VAT_PAYERS", authz.AccessArticlesOnly, ""},
		// umbrella basis: no rules of its own
		{"PROSECUTOR", "OTHER_TASKS", "PERSONS", deny, "SERVICE_NOT_ALLOWED_FOR_BASIS"},
		// roles x bases
		{"JUDGE", "PRIMARY_CHECK", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"PROSECUTOR", "ADMIN_CASE_COURT", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"SYSTEM_ADMINISTRATOR", "CRIMINAL_CASE", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"CRIMINAL_POLICE_OFFICER", "ADMIN_CASE_KPSISU", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"EMERGENCY_SITUATIONS_OFFICER", "ADMIN_CASE_KPSISU", "PERSONS", authz.AccessFull, ""},
		{"HR_OFFICER", "ORD", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"MIGRATION_POLICE_OFFICER", "NSD", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"MIGRATION_POLICE_OFFICER", "ORD", "PERSONS", authz.AccessFull, ""},
		{"PROSECUTOR", "OTHER_TASKS_MVD", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"ANTICORRUPTION_OFFICER", "OTHER_TASKS_ANTICORRUPTION", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"HR_OFFICER", "OTHER_TASKS_AFM", "PERSONS", deny, "ROLE_NOT_ALLOWED_FOR_BASIS"},
		{"CRIMINAL_POLICE_OFFICER", "OTHER_TASKS_MVD_IBD", "PERSONS", authz.AccessFull, ""},
		// unknown codes fail closed
		{"NOBODY", "CRIMINAL_CASE", "PERSONS", deny, "UNKNOWN_ROLE"},
		{"PROSECUTOR", "NOTHING", "PERSONS", deny, "UNKNOWN_BASIS"},
		{"PROSECUTOR", "CRIMINAL_CASE", "NOWHERE", deny, "UNKNOWN_SERVICE"},
		{"", "", "", deny, "UNKNOWN_ROLE"},
	}
	for _, c := range cases {
		d := p.Decide(c.role, c.basis, c.service)
		if d.Allowed != (c.want != deny) || d.Access != c.want || d.Reason != c.reason {
			t.Errorf("Decide(%s, %s, %s) = %+v, want access %q reason %q", c.role, c.basis, c.service, d, c.want, c.reason)
		}
		if d.Allowed && d.Source.Doc == "" {
			t.Errorf("Decide(%s, %s, %s): allowed without a source", c.role, c.basis, c.service)
		}
	}

	d := p.Decide("ANTICORRUPTION_OFFICER", "SEARCH_CASE", "PERSONS")
	if !d.Allowed || d.RoleQualifier != authz.QualifierAccountingRegistrationDiscipline {
		t.Errorf("ANTICORRUPTION_OFFICER x SEARCH_CASE: %+v, want qualifier %s", d, authz.QualifierAccountingRegistrationDiscipline)
	}
	if d := p.Decide("MILITARY_POLICE_OFFICER", "SEARCH_CASE", "PERSONS"); !d.Allowed || d.RoleQualifier != "" {
		t.Errorf("MILITARY_POLICE_OFFICER x SEARCH_CASE: %+v, want allowed without qualifier", d)
	}
	if got := p.Decide("PROSECUTOR", "CRIMINAL_CASE", "PENSION_CONTRIBUTIONS").Source.String(); got != "000/App2/row11/col1" {
		t.Errorf("source = %q, want 000/App2/row11/col1", got)
	}

	rb, ok := p.RoleBasis("PROSECUTOR", "OTHER_TASKS_PROSECUTOR")
	if !ok || rb.Basis != "OTHER_TASKS" || rb.Source.String() != "002/App12/row1/col4" {
		t.Errorf("RoleBasis(PROSECUTOR, OTHER_TASKS_PROSECUTOR) = %+v, %v; want the inherited OTHER_TASKS entry", rb, ok)
	}
	if _, ok := p.RoleBasis("PROSECUTOR", "OTHER_TASKS_AFM"); ok {
		t.Error("RoleBasis(PROSECUTOR, OTHER_TASKS_AFM): another agency's sub-basis must not be inherited")
	}
}

func TestSourceString(t *testing.T) {
	cases := []struct {
		s    authz.Source
		want string
	}{
		{authz.Source{}, ""},
		{authz.Source{Doc: "000", Appendix: "2", Row: "11"}, "000/App2/row11"},
		{authz.Source{Doc: "000", Appendix: "2", Row: "11", Col: "2"}, "000/App2/row11/col2"},
		{authz.Source{Doc: "002", Appendix: "4", Row: "3", Col: "5", Interpreted: true, Note: "x"}, "002/App4/row3/col5 (interpreted)"},
		{authz.Source{Doc: "002", Appendix: "1", Row: "note"}, "002/App1/note"},
	}
	for _, c := range cases {
		if got := c.s.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestArticleCovered(t *testing.T) {
	p := load(t)
	cases := []struct {
		basis, article string
		want           bool
	}{
		{"CRIMINAL_CASE", "214 ч.1", true},
		{"CRIMINAL_CASE", "214 часть 2", true},
		{"CRIMINAL_CASE", "Статья 218 часть 3", true},
		{"CRIMINAL_CASE", "ст. 245 ч. 3 п. 1", true},
		{"CRIMINAL_CASE", "214 ч.3", false},         // 214 has parts 1-2 in the list
		{"CRIMINAL_CASE", "214", false},             // part unknown: fail closed
		{"CRIMINAL_CASE", "220", true},              // whole-article item
		{"CRIMINAL_CASE", "220 ч.2", true},          // any part of a whole-article item
		{"CRIMINAL_CASE", "240 ч.1", false},         // only in the unnumbered duplicate table
		{"CRIMINAL_CASE", "190 ч.2", false},         // fraud: not an economic-crimes item
		{"CRIMINAL_CASE", "220.1", false},           // a distinct article
		{"CRIMINAL_CASE", "190 ч.2, 218 ч.1", true}, // any qualification
		{"CRIMINAL_CASE", "", false},
		{"CRIMINAL_CASE", "garbage", false},
		{"ORD", "249 ч.3", true}, // doc 002 App.8
		{"NSD", "246", true},
		{"OTHER_TASKS_PROSECUTOR", "229 ч.2", true},
		{"OTHER_TASKS_ANTICORRUPTION", "217 ч.3", true},
		{"NOTHING", "214 ч.1", false},
	}
	for _, c := range cases {
		if got := p.ArticleCovered(c.basis, c.article); got != c.want {
			t.Errorf("ArticleCovered(%s, %q) = %v, want %v", c.basis, c.article, got, c.want)
		}
	}
}

// ---------------------------------------------------------------- against the seed texts

// TestNamesOccurInSeeds checks that every Russian name of the policy is the
// text of the legal documents.
func TestNamesOccurInSeeds(t *testing.T) {
	p := load(t)
	t000 := norm(readSeed(t, seed000))
	raw002 := readSeed(t, seed002)
	t002 := squash(raw002)
	t002nd := digits.ReplaceAllString(t002, "")
	in002 := func(s string) bool {
		return strings.Contains(t002, squash(s)) || strings.Contains(t002nd, digits.ReplaceAllString(squash(s), ""))
	}

	for _, s := range p.Services {
		if !strings.Contains(t000, norm(s.NameRu)) {
			t.Errorf("service %s: nameRu %q not in doc 000", s.Code, s.NameRu)
		}
		if s.NameRu002 != "" && !strings.Contains(t002, squash(s.NameRu002)) {
			t.Errorf("service %s: nameRu002 %q not in doc 002", s.Code, s.NameRu002)
		}
	}
	for _, r := range p.Roles {
		names := append([]string{r.NameRu}, r.AliasesRu...)
		for i, s := range r.Sources {
			if i >= len(names) {
				t.Errorf("role %s: source %v has no name", r.Code, s)
				continue
			}
			ok := s.Doc == "000" && strings.Contains(t000, norm(names[i])) || s.Doc == "002" && in002(names[i])
			if !ok {
				t.Errorf("role %s: name %q not in doc %s", r.Code, names[i], s.Doc)
			}
		}
	}
	for _, b := range p.Bases {
		ok := b.Source.Doc == "000" && strings.Contains(t000, norm(b.NameRu)) || b.Source.Doc == "002" && in002(b.NameRu)
		if !ok {
			t.Errorf("basis %s: nameRu %q not in doc %s", b.Code, b.NameRu, b.Source.Doc)
		}
	}
	artRe := regexp.MustCompile(`^(\d+)(?: ч\.(\d+))?$`)
	for _, l := range p.Articles {
		for _, it := range l.Items {
			m := artRe.FindStringSubmatch(it)
			if m == nil {
				t.Errorf("articles %s: item %q", l.Code, it)
				continue
			}
			var ok bool
			if l.Doc == "000" {
				want := "Статья " + m[1]
				if m[2] != "" {
					want += " часть " + m[2]
				}
				ok = strings.Contains(t000, want+" ")
			} else {
				want := "Статья" + m[1]
				if m[2] != "" {
					want = "часть" + m[2] + want
				}
				ok = strings.Contains(t002, want)
			}
			if !ok {
				t.Errorf("articles %s: item %q not in doc %s", l.Code, it, l.Doc)
			}
		}
	}
	// Doc 002 App.8 has 75 numbered rows.
	i := strings.Index(raw002, "Приложение 8")
	j := strings.Index(raw002, "Приложение 9")
	rows := regexp.MustCompile(`(?m)^\s*\d+\s+(?:часть\s+\d\s*)?Статья\s*\d+`).FindAllString(raw002[i:j], -1)
	if len(rows) != 75 {
		t.Errorf("doc 002 App.8: %d numbered rows in the text, want 75", len(rows))
	}
}

// table000 parses a table of doc 000: an HTML table flattened one cell per
// line, each cell introduced by a line holding a single tab, rows separated by
// an empty line. It returns the rows whose first cell is "N.".
func table000(t *testing.T, text, from, to string) [][]string {
	t.Helper()
	i := strings.Index(text, from)
	j := strings.Index(text[i:], to)
	if i < 0 || j < 0 {
		t.Fatalf("doc 000: table %q not found", from)
	}
	lines := strings.Split(text[i:i+j], "\n")
	var rows [][]string
	var row []string
	for k := 0; k < len(lines); k++ {
		l := lines[k]
		switch {
		case strings.TrimSpace(l) == "" && strings.Contains(l, "\t"):
			k++
			var cell []string
			for ; k < len(lines); k++ {
				if len(cell) > 0 && (lines[k] == "" || strings.TrimSpace(lines[k]) == "" && strings.Contains(lines[k], "\t")) {
					break
				}
				cell = append(cell, lines[k])
			}
			k--
			row = append(row, norm(strings.Join(cell, " ")))
		case l == "":
			if len(row) > 0 {
				rows = append(rows, row)
			}
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	var out [][]string
	for _, r := range rows {
		if len(r) > 1 && strings.HasSuffix(r[0], ".") {
			if _, err := strconv.Atoi(strings.TrimSuffix(r[0], ".")); err == nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// TestDoc000Tables re-reads App.1 and App.2 of doc 000 and checks every cell
// against the policy, both ways.
func TestDoc000Tables(t *testing.T) {
	p := load(t)
	text := readSeed(t, seed000)

	basisOfCol := map[string]string{}
	for _, b := range p.Bases {
		if b.Source.Doc == "000" {
			basisOfCol[b.Source.Col] = b.Code
		}
	}
	roleOfRow := map[string]authz.Role{}
	for _, r := range p.Roles {
		for _, s := range r.Sources {
			if s.Doc == "000" {
				roleOfRow[s.Row] = r
			}
		}
	}

	app1 := table000(t, text, "Перечень распределения ролей СИО ПСО по основаниям", "Приложение 2")
	if len(app1) != 25 {
		t.Fatalf("doc 000 App.1: %d rows, want 25", len(app1))
	}
	want := map[string]string{} // role|basis -> qualifier
	for _, row := range app1 {
		n := strings.TrimSuffix(row[0], ".")
		r, ok := roleOfRow[n]
		if !ok {
			t.Errorf("App.1 row %s: no role", n)
			continue
		}
		if r.NameRu != row[1] {
			t.Errorf("App.1 row %s: nameRu %q, text %q", n, r.NameRu, row[1])
		}
		for c, cell := range row[2:] {
			switch cell {
			case "":
			case "+":
				want[r.Code+"|"+basisOfCol[strconv.Itoa(c+1)]] = ""
			case "+ (учетно-регистрационная дисциплина)":
				want[r.Code+"|"+basisOfCol[strconv.Itoa(c+1)]] = authz.QualifierAccountingRegistrationDiscipline
			default:
				t.Errorf("App.1 row %s col %d: unexpected cell %q", n, c+1, cell)
			}
		}
	}
	got := map[string]string{}
	for _, rb := range p.RoleBases {
		if rb.Source.Doc == "000" {
			got[rb.Role+"|"+rb.Basis] = rb.Qualifier
			if b := basisOfCol[rb.Source.Col]; b != rb.Basis {
				t.Errorf("roleBases %s x %s: source column %s is %s", rb.Role, rb.Basis, rb.Source.Col, b)
			}
		}
	}
	diff(t, "doc 000 App.1 (role|basis -> qualifier)", got, want)

	app2 := table000(t, text, "Права доступа к сервисам", "Усеченный сервис ГЦВП")
	if len(app2) != 79 {
		t.Fatalf("doc 000 App.2: %d rows, want 79", len(app2))
	}
	wantR := map[string]authz.Access{}
	for _, row := range app2 {
		n, _ := strconv.Atoi(strings.TrimSuffix(row[0], "."))
		s, ok := p.ServiceByNumber(n)
		if !ok {
			t.Errorf("App.2 row %d: no service", n)
			continue
		}
		if s.NameRu != strings.TrimRight(row[1], "*") {
			t.Errorf("App.2 row %d: nameRu %q, text %q", n, s.NameRu, row[1])
		}
		for c, cell := range row[2:] {
			var a authz.Access
			switch cell {
			case "":
				continue
			case "+":
				a = authz.AccessFull
				if strings.HasSuffix(row[1], "***") {
					a = authz.AccessCourtSanction
				}
			case "+усеченный":
				a = authz.AccessTruncated
			case "только МВД":
				a = authz.AccessMVDOnly
			case "только по определенным статьям":
				a = authz.AccessArticlesOnly
			default:
				t.Errorf("App.2 row %d col %d: unexpected cell %q", n, c+1, cell)
			}
			wantR[basisOfCol[strconv.Itoa(c+1)]+"|"+s.Code] = a
		}
	}
	gotR := map[string]authz.Access{}
	for _, r := range p.ServiceRules {
		if r.Source.Doc == "000" {
			gotR[r.Basis+"|"+r.Service] = r.Access
			s, _ := p.Service(r.Service)
			if r.Source.Row != strconv.Itoa(s.Number) || basisOfCol[r.Source.Col] != r.Basis {
				t.Errorf("serviceRules %s x %s: source %s does not point at its cell", r.Basis, r.Service, r.Source)
			}
		}
	}
	diff(t, "doc 000 App.2 (basis|service -> access)", gotR, wantR)
}

// diff reports the keys where the policy and the text disagree.
func diff[V comparable](t *testing.T, what string, policy, text map[string]V) {
	t.Helper()
	keys := map[string]bool{}
	for k := range policy {
		keys[k] = true
	}
	for k := range text {
		keys[k] = true
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		p, inP := policy[k]
		x, inX := text[k]
		if inP != inX || p != x {
			t.Errorf("%s: %s: policy %v (present %v), text %v (present %v)", what, k, p, inP, x, inX)
		}
	}
}

var (
	rowMark002  = regexp.MustCompile(`^\s*(\d{1,2})\.(?:\s|$)`)
	colNums002  = regexp.MustCompile(`^\s*1( \d)*\s*$`)
	roleMark002 = regexp.MustCompile(`^\s*(\d{1,2})(?:\s|$)`)
	token002    = regexp.MustCompile(`\+\s*усеченный|\+|только по определенным статьям`)
)

// rows002 splits an appendix of doc 002 (a PDF flattened to text, empty cells
// lost) at its row numbers 1, 2, 3 … and returns the cell values of each row.
func rows002(t *testing.T, text, appendix string, mark *regexp.Regexp) map[int][]string {
	t.Helper()
	i := strings.Index(text, "\nПриложение "+appendix+"\n")
	if i < 0 {
		t.Fatalf("doc 002: Приложение %s not found", appendix)
	}
	body := text[i+1:]
	if j := strings.Index(body, "Примечание:"); j >= 0 && appendix != "12" {
		body = body[:j]
	}
	if j := strings.Index(body[10:], "\nПриложение "); j >= 0 {
		body = body[:j+10]
	}
	out := map[int][]string{}
	next, cur := 1, 0
	var seg []string
	flush := func() {
		if cur > 0 {
			out[cur] = token002.FindAllString(strings.Join(seg, " "), -1)
			for k, v := range out[cur] {
				out[cur][k] = squash(v)
			}
		}
	}
	started := false
	for _, l := range strings.Split(body, "\n") {
		if !started {
			// the header ends with the line of column numbers ("1", "1 2", "1 2 3 4 5")
			if appendix == "12" && strings.TrimSpace(l) == "мероприятия иные задачи" ||
				appendix != "12" && colNums002.MatchString(l) {
				started = true
			}
			continue
		}
		if m := mark.FindStringSubmatch(l); m != nil && m[1] == strconv.Itoa(next) {
			flush()
			cur, next, seg = next, next+1, nil
			l = l[len(m[0]):]
		}
		seg = append(seg, l)
	}
	flush()
	return out
}

// TestDoc002Tables re-reads doc 002 App.1-7 and App.12. Single-column
// appendices are checked cell by cell; for App.4, App.5 and App.12, whose
// empty cells were lost, the number of values per row must equal the number
// of entries read from it, and every such entry that is not a full row must
// be marked interpreted.
func TestDoc002Tables(t *testing.T) {
	p := load(t)
	text := readSeed(t, seed002)

	rulesAt := map[string][]authz.ServiceRule{} // appendix|row
	for _, r := range p.ServiceRules {
		if r.Source.Doc == "002" {
			k := r.Source.Appendix + "|" + r.Source.Row
			rulesAt[k] = append(rulesAt[k], r)
		}
	}
	access := map[string]authz.Access{
		"+": authz.AccessFull, "+усеченный": authz.AccessTruncated, "толькопоопределеннымстатьям": authz.AccessArticlesOnly,
	}
	single := map[string]string{"1": "ORD", "2": "NSD", "3": "SEARCH_MEASURES", "6": "OTHER_TASKS_AFM", "7": "OTHER_TASKS_PROSECUTOR"}
	width := map[string]int{"4": 5, "5": 2}
	for _, app := range []string{"1", "2", "3", "4", "5", "6", "7"} {
		rows := rows002(t, text, app, rowMark002)
		if len(rows) != 76 {
			t.Errorf("doc 002 App.%s: %d rows, want 76", app, len(rows))
		}
		for n, toks := range rows {
			got := rulesAt[app+"|"+strconv.Itoa(n)]
			if len(got) != len(toks) {
				t.Errorf("doc 002 App.%s row %d: %d values in the text, %d rules", app, n, len(toks), len(got))
				continue
			}
			for k, r := range got {
				svc, _ := p.Service(r.Service)
				if svc.Number002 != n {
					t.Errorf("doc 002 App.%s row %d: rule names %s (number002 %d)", app, n, r.Service, svc.Number002)
				}
				if b, ok := single[app]; ok {
					if r.Basis != b || r.Access != access[toks[k]] {
						t.Errorf("doc 002 App.%s row %d: rule %s/%s, text %q", app, n, r.Basis, r.Access, toks[k])
					}
				} else if len(toks) < width[app] && !r.Source.Interpreted {
					t.Errorf("doc 002 App.%s row %d: %d values for %d columns but %s is not marked interpreted", app, n, len(toks), width[app], r.Basis)
				}
			}
		}
	}

	rbAt := map[string]int{}
	for _, rb := range p.RoleBases {
		if rb.Source.Doc == "002" {
			rbAt[rb.Source.Row]++
		}
	}
	rows := rows002(t, text, "12", roleMark002)
	if len(rows) != 14 {
		t.Errorf("doc 002 App.12: %d rows, want 14", len(rows))
	}
	for n, toks := range rows {
		if rbAt[strconv.Itoa(n)] != len(toks) {
			t.Errorf("doc 002 App.12 row %d: %d values in the text, %d roleBases", n, len(toks), rbAt[strconv.Itoa(n)])
		}
	}
	for _, rb := range p.RoleBases {
		if rb.Source.Doc == "002" && len(rows[atoi(rb.Source.Row)]) < 4 && !rb.Source.Interpreted {
			t.Errorf("roleBases %s x %s: row with fewer values than columns not marked interpreted", rb.Role, rb.Basis)
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// ---------------------------------------------------------------- Decide vs naive

// naive recomputes a decision from the raw lists by linear search.
func naive(p *authz.Policy, role, basis, service string) authz.Decision {
	var r *authz.Role
	for i := range p.Roles {
		if p.Roles[i].Code == role {
			r = &p.Roles[i]
		}
	}
	if r == nil {
		return authz.Decision{Reason: "UNKNOWN_ROLE"}
	}
	var b *authz.Basis
	for i := range p.Bases {
		if p.Bases[i].Code == basis {
			b = &p.Bases[i]
		}
	}
	if b == nil {
		return authz.Decision{Reason: "UNKNOWN_BASIS"}
	}
	if _, ok := p.Service(service); !ok {
		return authz.Decision{Reason: "UNKNOWN_SERVICE"}
	}
	find := func(basis string) *authz.RoleBase {
		for i := range p.RoleBases {
			if p.RoleBases[i].Role == role && p.RoleBases[i].Basis == basis {
				return &p.RoleBases[i]
			}
		}
		return nil
	}
	rb := find(basis)
	if rb == nil && b.Parent != "" && b.InheritRoles {
		shared := false
		for _, a := range r.Agencies {
			shared = shared || slices.Contains(b.Agencies, a)
		}
		if shared {
			rb = find(b.Parent)
		}
	}
	if rb == nil {
		// The empty cell: the role's row and the basis' column of the
		// roles table, or the sub-basis' own appendix when the role holds
		// its parent.
		if b.Parent != "" && find(b.Parent) != nil {
			return authz.Decision{Reason: "ROLE_NOT_ALLOWED_FOR_BASIS", Source: authz.Source{Doc: b.Source.Doc, Appendix: b.Source.Appendix}}
		}
		src := authz.Source{Doc: b.Source.Doc, Appendix: map[string]string{"000": "1", "002": "12"}[b.Source.Doc]}
		for _, s := range r.Sources {
			if s.Doc == b.Source.Doc {
				src.Row = s.Row
			}
		}
		col := basis
		if b.Parent != "" {
			col = b.Parent
		}
		for _, x := range p.RoleBases {
			if x.Basis == col {
				src.Col = x.Source.Col
			}
		}
		return authz.Decision{Reason: "ROLE_NOT_ALLOWED_FOR_BASIS", Source: src}
	}
	for _, sr := range p.ServiceRules {
		if sr.Basis == basis && sr.Service == service {
			return authz.Decision{Allowed: true, Access: sr.Access, RoleQualifier: rb.Qualifier, Source: sr.Source}
		}
	}
	s, _ := p.Service(service)
	row := s.Number
	if b.Source.Doc == "002" {
		row = s.Number002
	}
	src := authz.Source{Doc: b.Source.Doc, Appendix: b.Source.Appendix, Col: b.Source.Col}
	if row > 0 {
		src.Row = strconv.Itoa(row)
	}
	return authz.Decision{Reason: "SERVICE_NOT_ALLOWED_FOR_BASIS", Source: src}
}

func TestDecideMatchesNaive(t *testing.T) {
	p := load(t)
	roles := []string{"UNKNOWN", ""}
	for _, r := range p.Roles {
		roles = append(roles, r.Code)
	}
	bases := []string{"UNKNOWN"}
	for _, b := range p.Bases {
		bases = append(bases, b.Code)
	}
	services := []string{"UNKNOWN"}
	for _, s := range p.Services {
		services = append(services, s.Code)
	}
	var allowed, total int
	for _, role := range roles {
		t.Run("role="+role, func(t *testing.T) {
			for _, basis := range bases {
				for _, service := range services {
					got, want := p.Decide(role, basis, service), naive(p, role, basis, service)
					total++
					if got.Allowed {
						allowed++
					}
					if got != want {
						t.Errorf("Decide(%s, %s, %s) = %+v, naive %+v", role, basis, service, got, want)
					}
				}
			}
		})
	}
	if allowed == 0 || allowed == total {
		t.Errorf("%d of %d decisions allowed", allowed, total)
	}
}

func TestDecideDoesNotAllocate(t *testing.T) {
	p := load(t)
	if n := testing.AllocsPerRun(1000, func() {
		_ = p.Decide("PROSECUTOR", "CRIMINAL_CASE", "PENSION_CONTRIBUTIONS")
		_ = p.Decide("PROSECUTOR", "OTHER_TASKS_PROSECUTOR", "PERSONS")
		_ = p.Decide("NOBODY", "CRIMINAL_CASE", "PERSONS")
	}); n != 0 {
		t.Errorf("Decide allocates %v times per run", n)
	}
}

// ---------------------------------------------------------------- validation

const minimal = `
agencies: [{code: MVD, nameRu: 'МВД'}]
roles:
  - {code: R, nameRu: 'роль', agencies: [MVD], sources: [{doc: "000", appendix: "1", row: "1"}]}
bases:
  - {code: B, nameRu: 'основание', source: {doc: "000", appendix: "2", col: "1"}, request: {registry: ERDR, case: REQUIRED, justification: REQUIRED, ref: '000 §21'}}
  - {code: P, nameRu: 'родитель', source: {doc: "002", appendix: "12", col: "4"}, request: {registry: ORD, case: OPTIONAL, justification: OPTIONAL, ref: '002 §20'}}
  - {code: C, nameRu: 'дочернее', parent: P, agencies: [MVD], inheritRoles: true, source: {doc: "002", appendix: "4", col: "1"}}
services:
  - {number: 1, code: S, nameRu: 'сервис', footnotes: [F], source: {doc: "000", appendix: "2", row: "1"}}
footnotes:
  - {code: F, access: TRUNCATED, textRu: 'сноска', marks: [{mark: '*', source: {doc: "000", appendix: "2", row: "note"}}]}
roleBases:
  - {role: R, basis: B, source: {doc: "000", appendix: "1", row: "1", col: "1"}}
  - {role: R, basis: P, source: {doc: "002", appendix: "12", row: "1", col: "4"}}
serviceRules:
  - {basis: B, service: S, access: ARTICLES_ONLY, source: {doc: "000", appendix: "2", row: "1", col: "1"}}
  - {basis: C, service: S, access: FULL, source: {doc: "002", appendix: "4", row: "1", col: "1"}}
articles:
  - {code: L, doc: "000", nameRu: 'статьи', items: ["214 ч.1", "220"], source: {doc: "000", appendix: "3"}}
`

func TestParseValidation(t *testing.T) {
	p, err := authz.Parse([]byte(minimal))
	if err != nil {
		t.Fatalf("minimal policy: %v", err)
	}
	if d := p.Decide("R", "C", "S"); !d.Allowed || d.Access != authz.AccessFull {
		t.Errorf("minimal policy: inherited sub-basis: %+v", d)
	}

	cases := []struct{ name, from, to, want string }{
		{"unknown role in roleBases", "role: R, basis: B", "role: X, basis: B", `unknown role "X"`},
		{"unknown basis in roleBases", "role: R, basis: B", "role: R, basis: X", `unknown basis "X"`},
		{"unknown basis in serviceRules", "basis: B, service: S", "basis: X, service: S", `unknown basis "X"`},
		{"unknown service in serviceRules", "basis: B, service: S", "basis: B, service: X", `unknown service "X"`},
		{"bad access", "access: FULL", "access: PARTIAL", `bad access "PARTIAL"`},
		{"bad footnote access", "access: TRUNCATED", "access: SOME", `bad access "SOME"`},
		{"empty access", "access: FULL, ", "", `bad access ""`},
		{"duplicate role", "\nbases:", "\n  - {code: R, nameRu: 'x', sources: [{doc: \"000\", appendix: \"1\"}]}\nbases:", "duplicate code"},
		{"duplicate service number", "\nfootnotes:", "\n  - {number: 1, code: S2, nameRu: 'x', source: {doc: \"000\", appendix: \"2\"}}\nfootnotes:", "duplicate number 1"},
		{"duplicate rule", "\narticles:", "\n  - {basis: B, service: S, access: FULL, source: {doc: \"000\", appendix: \"2\"}}\narticles:", "duplicate entry"},
		{"unknown parent", "parent: P", "parent: Q", `unknown parent "Q"`},
		{"unknown agency", "agencies: [MVD], sources", "agencies: [KGB], sources", `unknown agency "KGB"`},
		{"unknown footnote", "footnotes: [F]", "footnotes: [G]", `unknown footnote "G"`},
		{"bad code", "code: S,", "code: s-1,", "UPPER_SNAKE"},
		{"bad source doc", `{doc: "000", appendix: "3"}`, `{doc: "001", appendix: "3"}`, `source doc "001"`},
		{"interpreted without note", `row: "1", col: "1"}}`, `row: "1", col: "1", interpreted: true}}`, "needs a note"},
		{"bad article", `"214 ч.1"`, `"214 part 1"`, "malformed item"},
		{"unknown field", "nameRu: 'сервис'", "nameRu: 'сервис', colour: red", "unknown field"},
		{"not yaml", "roles:", "roles: [", ""},
		{"unknown registry", "registry: ERDR", "registry: EGOV", `unknown registry "EGOV"`},
		{"no request rule", ", request: {registry: ERDR, case: REQUIRED, justification: REQUIRED, ref: '000 §21'}", "", "no request rule"},
		{"bad case level", "case: REQUIRED", "case: SOMETIMES", "case must be REQUIRED or OPTIONAL"},
		{"bad justification level", "justification: REQUIRED", "justification: NEVER", "justification must be"},
		{"court data outside EAIAS", "case: REQUIRED, justification", "case: REQUIRED, courtData: true, justification", "EAIAS only"},
		{"unknown instruction kind", "case: REQUIRED, justification", "case: REQUIRED, instructions: [ORAL], justification", `unknown instruction kind "ORAL"`},
		{"request without ref", ", ref: '000 §21'", "", "no ref"},
		{"sub-basis with a request rule", "inheritRoles: true, source", "inheritRoles: true, request: {registry: ORD, case: OPTIONAL, justification: OPTIONAL, ref: 'x'}, source", "parent's request rule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := strings.Replace(minimal, c.from, c.to, 1)
			if doc == minimal {
				t.Fatalf("mutation %q not applied", c.from)
			}
			_, err := authz.Parse([]byte(doc))
			if err == nil {
				t.Fatalf("Parse accepted the policy")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}

	noList := strings.Replace(minimal, `  - {code: L, doc: "000", nameRu: 'статьи', items: ["214 ч.1", "220"], source: {doc: "000", appendix: "3"}}`, "", 1)
	if _, err := authz.Parse([]byte(noList)); err == nil || !strings.Contains(err.Error(), "no article list") {
		t.Errorf("ARTICLES_ONLY without an article list: %v", err)
	}
}

func TestEmbeddedPolicyMutations(t *testing.T) {
	data, err := os.ReadFile("policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := authz.Parse(data); err != nil {
		t.Fatalf("policy.yaml: %v", err)
	}
	for _, m := range [][2]string{
		{"access: FULL", "access: FUL"},
		{"service: PERSONS,", "service: PERSON,"},
		{"role: PROSECUTOR,", "role: PROSECUTER,"},
		{"code: LINKS_LEVEL2", "code: LINKS_LEVEL1"},
	} {
		if _, err := authz.Parse([]byte(strings.Replace(string(data), m[0], m[1], 1))); err == nil {
			t.Errorf("policy.yaml with %q -> %q accepted", m[0], m[1])
		}
	}
}

// ---------------------------------------------------------------- benchmark

func BenchmarkDecide(b *testing.B) {
	p := load(b)
	var triples [][3]string
	for _, r := range p.Roles {
		for _, bs := range p.Bases {
			for _, s := range p.Services[:8] {
				triples = append(triples, [3]string{r.Code, bs.Code, s.Code})
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	var allowed int
	for i := 0; i < b.N; i++ {
		x := triples[i%len(triples)]
		if p.Decide(x[0], x[1], x[2]).Allowed {
			allowed++
		}
	}
	_ = allowed
}

// ---------------------------------------------------------------- article lists and agreement, against the texts

// TestArticleListsMatchSeeds re-reads the numbered rows of doc 000 App.3 and
// doc 002 App.8 and compares them, in order, with the lists.
func TestArticleListsMatchSeeds(t *testing.T) {
	p := load(t)
	lists := map[string][]string{}
	for _, l := range p.Articles {
		lists[l.Doc] = l.Items
	}
	item := func(article, part string) string {
		if part == "" {
			return article
		}
		return article + " ч." + part
	}

	t000 := readSeed(t, seed000)
	i := strings.Index(t000, "Приложение 3 к Правилам")
	j := strings.Index(t000[i:], "Приложение 4")
	// Numbered rows: a cell with the row number, then "Статья N[ часть M]".
	re000 := regexp.MustCompile(`\t\n(\d+)\n\t\nСтатья (\d+)(?: часть (\d+))?\s*\n`)
	var got000 []string
	for k, m := range re000.FindAllStringSubmatch(t000[i:i+j], -1) {
		if m[1] != strconv.Itoa(k+1) {
			t.Fatalf("doc 000 App.3: row %s found as the %d-th", m[1], k+1)
		}
		got000 = append(got000, item(m[2], m[3]))
	}
	if !slices.Equal(got000, lists["000"]) {
		t.Errorf("doc 000 App.3 rows:\n  text   %v\n  policy %v", got000, lists["000"])
	}

	t002 := readSeed(t, seed002)
	i = strings.Index(t002, "\nПриложение 8\n")
	j = strings.Index(t002, "\nПриложение 9\n")
	re002 := regexp.MustCompile(`(?m)^\s*(\d+)\s+(?:часть\s*(\d+))?\s*Статья\s*(\d+)`)
	var got002 []string
	for k, m := range re002.FindAllStringSubmatch(t002[i:j], -1) {
		if m[1] != strconv.Itoa(k+1) {
			t.Fatalf("doc 002 App.8: row %s found as the %d-th", m[1], k+1)
		}
		got002 = append(got002, item(m[3], m[2]))
	}
	if !slices.Equal(got002, lists["002"]) {
		t.Errorf("doc 002 App.8 rows:\n  text   %v\n  policy %v", got002, lists["002"])
	}
}

// TestAgreementFormIsTheSeeds: the agreement signed is doc 000 App.6.
func TestAgreementFormIsTheSeeds(t *testing.T) {
	form := authz.AgreementForm()
	if !strings.Contains(norm(readSeed(t, seed000)), norm(form)) {
		t.Fatal("the agreement form is not the text of doc 000 App.6")
	}
	for _, want := range []string{"СОГЛАШЕНИЕ", "1. Предмет соглашения", "5. Положение о конфиденциальности", "подписывается средствами ЭЦП НУЦ"} {
		if !strings.Contains(form, want) {
			t.Errorf("the form lacks %q", want)
		}
	}
	text := authz.AgreementText("Иванов Иван Иванович", "Следователь СУ ДП г. Астаны", "Министерство внутренних дел")
	if !strings.Contains(text, "Пользователь, в лице Иванов Иван Иванович, Следователь СУ ДП г. Астаны, являющийся сотрудником Министерство внутренних дел ознакомлен") ||
		strings.Count(text, "_") != strings.Count(form, "_")-strings.Count("________________________________________", "_")-strings.Count("_____________________", "_") {
		t.Errorf("the filled agreement: %s", text[:400])
	}
	if authz.AgreementDigest(text) == authz.AgreementDigest(form) || len(authz.AgreementDigest(text)) != 64 {
		t.Error("digest")
	}
}

// TestRequestRules: every requestable basis has the request rule the seeds
// give its kind.
func TestRequestRules(t *testing.T) {
	p := load(t)
	want := map[string]string{ // registry/case/justification/courtData/instructions
		"CRIMINAL_CASE":     "ERDR/REQUIRED/REQUIRED/false/[INVESTIGATIVE PROSECUTOR INTERNATIONAL]",
		"ADMIN_CASE_COURT":  "EAIAS/REQUIRED/REQUIRED/true/[]",
		"ADMIN_CASE_KPSISU": "AIS_SU/REQUIRED/REQUIRED/false/[]",
		"CIVIL_CASE":        "EAIAS/REQUIRED/REQUIRED/true/[]",
		"PRIMARY_CHECK":     "ERDR/OPTIONAL/REQUIRED/false/[]",
		"ENFORCEMENT":       "AIS_OIP/REQUIRED/REQUIRED/false/[]",
		"SEARCH_CASE":       "AIS_SU/REQUIRED/REQUIRED/false/[]",
		"ORD":               "ORD/OPTIONAL/OPTIONAL/false/[]",
		"NSD":               "ERDR/REQUIRED/REQUIRED/false/[INVESTIGATIVE]",
		"SEARCH_MEASURES":   "ERDR/REQUIRED/REQUIRED/false/[INVESTIGATIVE]",
		"OTHER_TASKS":       "ORD/OPTIONAL/REQUIRED/false/[]",
	}
	for _, b := range p.Bases {
		r, ok := p.Request(b.Code)
		key := b.Code
		if b.Parent != "" {
			key = b.Parent
		}
		got := fmt.Sprintf("%s/%s/%s/%v/%v", r.Registry, r.Case, r.Justification, r.CourtData, r.Instructions)
		if r.Instructions == nil {
			got = strings.TrimSuffix(got, "[]") + "[]"
		}
		if !ok || got != want[key] {
			t.Errorf("%s: request rule %s, want %s", b.Code, got, want[key])
		}
		if p.Requestable(b.Code) == (b.Code == "OTHER_TASKS") {
			t.Errorf("%s: requestable %v", b.Code, p.Requestable(b.Code))
		}
	}
}
