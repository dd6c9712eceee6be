package gateway_test

import (
	"strings"
	"testing"

	"sio"
	"sio/authz"
)

// Поиск адресов и контактных телефонов (62).

const (
	phoneFields   = `phone kind operatorRu sourceRu since until ownerId ownerKind`
	addressFields = `address kind region { nameRu } sourceRu since until ownerId ownerKind`
)

func init() {
	registerServices(
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$iin: IIN!", path: "person.phones",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A member of a home with a line of Казахтелеком.
				return map[string]any{"iin": one[string](t, fx.g.Contacts.DB(),
					`SELECT owner_id FROM {phones} WHERE kind = 'HOME' ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin phones { ` + phoneFields + ` person { iin } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				home := false
				for _, p := range got.([]any) {
					home = home || get(p, "kind") == "HOME"
					if get(p, "person.iin") != vars["iin"] || !strings.HasPrefix(get(p, "phone").(string), "+77") {
						t.Fatalf("phone = %v", p)
					}
				}
				if !home {
					t.Fatalf("no home line: %v", got)
				}
			},
		},
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$iin: IIN!", path: "person.contactAddresses",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"iin": one[string](t, fx.g.Contacts.DB(),
					`SELECT owner_id FROM {addresses} WHERE kind = 'ACTUAL' AND owner_kind = 'PERSON' ORDER BY id LIMIT 1`)}
			},
			selection: `person(iin: $iin) { iin address contactAddresses { ` + addressFields + ` person { iin } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				as := got.([]any)
				if len(as) < 2 || get(as[0], "kind") != "REGISTERED" {
					t.Fatalf("addresses = %v", got)
				}
			},
		},
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$bin: BIN!", path: "legalEntity.phones",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Contacts.DB(),
					`SELECT owner_id FROM {phones} WHERE owner_kind = 'LEGAL_ENTITY' ORDER BY id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin phones { ` + phoneFields + ` legalEntity { bin } } }`,
		},
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$bin: BIN!", path: "legalEntity.contactAddresses",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"bin": one[string](t, fx.g.Contacts.DB(),
					`SELECT owner_id FROM {addresses} WHERE kind = 'ACTUAL' AND owner_kind = 'LEGAL_ENTITY' ORDER BY id LIMIT 1`)}
			},
			selection: `legalEntity(bin: $bin) { bin address contactAddresses { ` + addressFields + ` legalEntity { bin address } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				as := got.([]any)
				if len(as) != 2 || get(as[0], "kind") != "LEGAL" || get(as[0], "address") != get(as[0], "legalEntity.address") || get(as[1], "kind") != "ACTUAL" {
					t.Fatalf("entity addresses = %v", got)
				}
			},
		},
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$phone: String!", path: "phoneHolders",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A company number its director uses, asked with spaces and
				// the trunk prefix 8.
				n := one[string](t, fx.g.Contacts.DB(), `SELECT phone FROM {phones} WHERE kind = 'WORK' AND owner_kind = 'PERSON' ORDER BY id LIMIT 1`)
				return map[string]any{"phone": "8 " + n[2:5] + " " + n[5:8] + "-" + n[8:]}
			},
			selection: `phoneHolders(phone: $phone) { ` + phoneFields + ` person { iin } legalEntity { bin directorIin } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				var director, company any
				for _, h := range got.([]any) {
					if get(h, "ownerKind") == "PERSON" {
						director = get(h, "person.iin")
					} else {
						company = get(h, "legalEntity.directorIin")
					}
				}
				if director == nil || director != company {
					t.Fatalf("holders of a company number = %v", got)
				}
				checkContactInputs(t, fx)
			},
		},
		serviceCase{
			service: "ADDRESS_PHONE_SEARCH", args: "$address: String!", path: "searchAddresses",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// A home of several persons, asked from the street on in
				// upper case without dots.
				a := one[string](t, fx.g.Contacts.DB(), `SELECT address FROM {addresses} WHERE kind = 'REGISTERED'
					GROUP BY address HAVING COUNT(*) > 2 ORDER BY address LIMIT 1`)
				parts := strings.Split(a, ", ")
				for i, p := range parts {
					if strings.HasPrefix(p, "ул.") || strings.HasPrefix(p, "пр.") || strings.HasPrefix(p, "мкр.") {
						a = strings.Join(parts[i:], ", ")
						break
					}
				}
				return map[string]any{"address": strings.ToUpper(strings.ReplaceAll(a, ".", ""))}
			},
			selection: `searchAddresses(address: $address) { totalCount truncated edges { node { ` + addressFields + ` person { iin address } } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				edges := get(got, "edges").([]any)
				if len(edges) < 3 {
					t.Fatalf("search %v = %v", vars, got)
				}
				for _, e := range edges {
					if a := get(e, "node.address").(string); !strings.Contains(strings.ToUpper(strings.ReplaceAll(a, ".", "")), vars["address"].(string)) {
						t.Fatalf("%q does not match %q", a, vars["address"])
					}
				}
			},
		},
	)
}

// checkContactInputs sends malformed numbers and addresses: BAD_USER_INPUT
// naming the argument.
func checkContactInputs(t *testing.T, fx *fixture) {
	t.Helper()
	o, _ := fx.byOfficial(t, "ADDRESS_PHONE_SEARCH", func(a authz.Access, err error) bool { return err == nil && a == authz.AccessFull })
	b := map[string]any{"kind": o.Basis, "caseNumber": o.Case, "justification": "проверка"}
	for _, c := range []struct{ arg, query string }{
		{"phone", `phoneHolders(phone: "123") { phone }`},
		{"phone", `phoneHolders(phone: "+1 202 555 0100") { phone }`},
		{"address", `searchAddresses(address: "д. 1") { totalCount }`},
		{"first", `searchAddresses(address: "ул. Абая", first: -1) { totalCount }`},
	} {
		r := fx.post(t, o.IIN, `query($b: BasisInput!) { inquiry(basis: $b) { `+c.query+` } }`, map[string]any{"b": b})
		path := "inquiry." + c.query[:strings.Index(c.query, "(")]
		if e := r.errorAt(path); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != c.arg {
			t.Fatalf("%s: want BAD_USER_INPUT on %s, got %+v", c.query, c.arg, r)
		}
	}
}
