package gateway_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/authz"
	"sio/synth"
)

// Система документирования населения (Форма № 1, photos) and the search of
// ГБД ФЛ by name.

func init() {
	registerServices(
		serviceCase{
			service: "ID_DOCUMENT_FORM1", args: "$iin: IIN!", path: "person.documentFile",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A wife who took her husband's surname and moved out of her
				// parents' home.
				return map[string]any{"iin": one[string](t, fx.g.PopDocs.DB(), `SELECT s.iin FROM {surname_changes} s
					WHERE EXISTS (SELECT 1 FROM {registrations} r WHERE r.iin = s.iin AND r.registered_to IS NOT NULL)
					ORDER BY s.iin LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin lastName documentNumber documentFile { iin
				documents { id kind kindRu number lastName fullName issueDate expiryDate issuer issueReasonRu status statusDate region { nameRu }
					person { iin } photo { documentNumber url } }
				currentDocument { number status }
				previousSurnames { previousLastName newLastName changedOn reasonRu }
				addresses { address region { kato } registeredFrom registeredTo deregistrationReasonRu } }
				documentPhoto { documentNumber url } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				// ГБД ФЛ's document is the file's current one.
				if want := one[string](t, fx.g.Persons.DB(), `SELECT document_number FROM {persons} WHERE iin = '`+vars["iin"].(string)+`'`); get(got, "currentDocument.number") != want {
					t.Fatalf("current document %v, ГБД ФЛ %s", get(got, "currentDocument"), want)
				}
				docs := get(got, "documents").([]any)
				surnames := get(got, "previousSurnames").([]any)
				addresses := get(got, "addresses").([]any)
				if len(docs) < 2 || len(surnames) == 0 || len(addresses) < 2 || get(addresses[len(addresses)-1], "registeredTo") != nil {
					t.Fatalf("document file = %v", got)
				}
				if first := docs[0]; get(first, "lastName") != get(surnames[0], "previousLastName") && get(first, "kind") != "USSR_PASSPORT" {
					t.Fatalf("the first document does not bear the maiden name: %v", got)
				}
				if get(docs[len(docs)-1], "photo.url") == nil {
					t.Fatalf("no photo link on the latest document: %v", docs)
				}
			},
		},
		serviceCase{
			service: "ID_DOCUMENT_FORM1", args: "$number: String!", path: "identityDocument",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// Typed as on the document, with a space and a lower-case
				// Cyrillic "н" for the Latin N.
				n := one[string](t, fx.g.PopDocs.DB(), `SELECT number FROM {documents} WHERE kind = 'PASSPORT' ORDER BY id LIMIT 1`)
				return map[string]any{"number": "н" + n[1:5] + " " + n[5:]}
			},
			selection: `identityDocument(number: $number) { number kind status person { iin documentNumber } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "kind") != "PASSPORT" || !strings.HasPrefix(get(got, "number").(string), "N") || get(got, "person.iin") == nil {
					t.Fatalf("document = %v", got)
				}
			},
		},
		serviceCase{
			// The photo of a document found by number. (Person.documentPhoto
			// is read in the Форма 1 case: where the policy refuses photos
			// it refuses Форма 1 too, but not ГБД ФЛ, and no seeded official
			// works under those bases.)
			service: "ID_DOCUMENT_PHOTO", args: "$number: String!", path: "identityDocument.photo",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"number": one[string](t, fx.g.Persons.DB(), `SELECT document_number FROM {persons} WHERE document_number <> '' ORDER BY iin LIMIT 1`)}
			},
			selection: `identityDocument(number: $number) { number photo { documentNumber takenOn url urlExpiresAt } }`,
			check:     checkPhotoLink,
		},
		serviceCase{
			service: "PERSONS", args: "$last: String!, $first: String, $birth: Date", path: "searchPersons",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A name with a Kazakh letter, asked in mixed case.
				var p struct {
					LastName  string `db:"last_name"`
					FirstName string `db:"first_name"`
					BirthDate sio.Date
				}
				db := fx.g.Persons.DB()
				if err := db.Get(t.Context(), &p, db.Q(`SELECT last_name, first_name, birth_date AS birthdate FROM {persons}
					WHERE last_name LIKE '%ә%' OR last_name LIKE '%Ә%' OR last_name LIKE '%ұ%' ORDER BY iin LIMIT 1`)); err != nil {
					t.Fatal(err)
				}
				return map[string]any{"last": mixCase(p.LastName), "first": strings.ToLower(p.FirstName), "birth": p.BirthDate.String()}
			},
			selection: `searchPersons(lastName: $last, firstName: $first, birthDate: $birth) { totalCount truncated pageInfo { hasNextPage }
				edges { cursor node { iin lastName firstName birthDate } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				n := get(got, "edges.0.node")
				if get(got, "totalCount").(float64) < 1 || get(got, "truncated") != false ||
					!strings.EqualFold(get(n, "lastName").(string), vars["last"].(string)) || get(n, "birthDate") != vars["birth"] {
					t.Fatalf("search %v = %v", vars, got)
				}
				checkSearchInputs(t, fx, vars)
			},
		},
	)
}

// checkSearchInputs pages through a search and sends malformed criteria:
// each is BAD_USER_INPUT naming its argument.
func checkSearchInputs(t *testing.T, fx *fixture, vars map[string]any) {
	t.Helper()
	o, _ := fx.byOfficial(t, "PERSONS", func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	b := map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка"}
	q := `query($b: BasisInput!, $last: String!, $first: String, $middle: String, $birth: Date, $n: Int, $after: String) {
		inquiry(basis: $b) { searchPersons(lastName: $last, firstName: $first, middleName: $middle, birthDate: $birth, first: $n, after: $after) {
			totalCount pageInfo { hasNextPage endCursor } edges { node { iin } } } } }`
	// Paging: one person per page, by the cursor.
	all := fx.post(t, o.IIN, q, map[string]any{"b": b, "last": vars["last"], "birth": vars["birth"]})
	total := int(get(all.Data, "inquiry.searchPersons.totalCount").(float64))
	var after any
	for i := 0; i < total; i++ {
		r := fx.post(t, o.IIN, q, map[string]any{"b": b, "last": vars["last"], "birth": vars["birth"], "n": 1, "after": after})
		if len(r.Errors) > 0 || get(r.Data, "inquiry.searchPersons.edges.0.node.iin") != get(all.Data, fmt.Sprintf("inquiry.searchPersons.edges.%d.node.iin", i)) ||
			get(r.Data, "inquiry.searchPersons.pageInfo.hasNextPage") != (i < total-1) {
			t.Fatalf("page %d: %+v", i, r)
		}
		after = get(r.Data, "inquiry.searchPersons.pageInfo.endCursor")
	}
	for _, c := range []struct {
		arg  string
		vars map[string]any
	}{
		{"firstName", map[string]any{"last": vars["last"]}},
		{"lastName", map[string]any{"last": "И", "first": "Иван"}},
		{"lastName", map[string]any{"last": "Ivanov", "first": "Иван"}},
		{"lastName", map[string]any{"last": "Иванов%", "first": "Иван"}},
		{"firstName", map[string]any{"last": "Иванов", "first": "Иван1"}},
		{"middleName", map[string]any{"last": "Иванов", "middle": "Петрович", "birth": "1980-01-01"}},
		{"birthDate", map[string]any{"last": "Иванов", "birth": "2999-01-01"}},
		// Tomorrow in Astana: in the future.
		{"birthDate", map[string]any{"last": "Иванов", "birth": synth.AddDays(authz.AstanaDate(time.Now()), 1).String()}},
		{"first", map[string]any{"last": "Иванов", "first": "Иван", "n": 1000}},
		{"after", map[string]any{"last": "Иванов", "first": "Иван", "after": "курсор"}},
	} {
		c.vars["b"] = b
		r := fx.post(t, o.IIN, q, c.vars)
		e := r.errorAt("inquiry.searchPersons")
		if e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != c.arg {
			t.Fatalf("%v: want BAD_USER_INPUT on %s, got %+v", c.vars, c.arg, r)
		}
	}
	// Today in Astana is a birth date, whatever the hour in UTC (from 19:00
	// UTC Astana is a day ahead).
	if r := fx.post(t, o.IIN, q, map[string]any{"b": b, "last": "Иванов", "birth": authz.AstanaDate(time.Now()).String()}); len(r.Errors) > 0 {
		t.Fatalf("born today: %+v", r)
	}
	r := fx.post(t, o.IIN, `query($b: BasisInput!) { inquiry(basis: $b) { identityDocument(number: "12-34") { number } } }`, map[string]any{"b": b})
	if e := r.errorAt("inquiry.identityDocument"); e == nil || e.Extensions["argument"] != "number" {
		t.Fatalf("malformed document number: %+v", r)
	}
}

// mixCase alternates upper and lower case letters: "ӘбІлОвА".
func mixCase(s string) string {
	rs := []rune(s)
	for i := range rs {
		if i%2 == 0 {
			rs[i] = []rune(strings.ToUpper(string(rs[i])))[0]
		} else {
			rs[i] = []rune(strings.ToLower(string(rs[i])))[0]
		}
	}
	return string(rs)
}

// checkPhotoLink follows the photo link through HTTP: the official who read
// the field gets the image; another official, a tampered link and an
// unauthenticated caller get a JSON error.
func checkPhotoLink(t *testing.T, fx *fixture, vars map[string]any, got any) {
	t.Helper()
	url, _ := get(got, "url").(string)
	if !strings.HasPrefix(url, "/photos/") || get(got, "documentNumber") != vars["number"] || get(got, "urlExpiresAt") == nil {
		t.Fatalf("photo = %v", got)
	}
	reader, ok := fx.byOfficial(t, "ID_DOCUMENT_PHOTO", func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	if !ok {
		t.Fatal("no official reads photos")
	}
	status, body, ctype := fx.getURL(t, reader.IIN, url)
	if status != http.StatusOK || ctype != "image/svg+xml" || !strings.Contains(body, "<svg") || !strings.Contains(body, get(got, "documentNumber").(string)) {
		t.Fatalf("photo image: %d %s %.200s", status, ctype, body)
	}
	var other sio.IIN
	for _, o := range fx.officials(t) {
		if o.IIN != reader.IIN {
			other = o.IIN
			break
		}
	}
	tampered := url[:len(url)-3] + "AAA"
	if url[len(url)-3:] == "AAA" {
		tampered = url[:len(url)-3] + "BBB"
	}
	for _, c := range []struct {
		name   string
		user   sio.IIN
		url    string
		status int
		code   string
	}{
		{"another official", other, url, http.StatusForbidden, sio.EFORBIDDEN},
		{"tampered signature", reader.IIN, tampered, http.StatusForbidden, sio.EFORBIDDEN},
		{"another photo", reader.IIN, strings.Replace(url, "/photos/", "/photos/1", 1), http.StatusForbidden, sio.EFORBIDDEN},
		{"no token", reader.IIN, url[:strings.Index(url, "?")], http.StatusForbidden, sio.EFORBIDDEN},
		{"not a photo", reader.IIN, "/photos/abc", http.StatusNotFound, sio.ENOTFOUND},
		{"unauthenticated", "", url, http.StatusUnauthorized, sio.EUNAUTHENTICATED},
	} {
		status, body, _ := fx.getURL(t, c.user, c.url)
		var e struct {
			Errors []gqlError `json:"errors"`
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil || status != c.status || len(e.Errors) != 1 || e.Errors[0].Extensions["code"] != c.code {
			t.Fatalf("%s: %d %s", c.name, status, body)
		}
	}
}

// getURL GETs a path of the API as user (none if empty).
func (fx *fixture) getURL(t *testing.T, user sio.IIN, path string) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, fx.srv.URL+path, nil)
	if user != "" {
		req.Header.Set("X-Dev-User", string(user))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Content-Type")
}
