package gateway_test

import (
	"strings"
	"testing"

	"sio"
	"sio/internal/testdb"
)

// БД «Казахтелеком».

// The cases look the line up by number and reach the subscriber's
// contracts from there: KAZAKHTELECOM is refused, while ГБД ФЛ and ГБД ЮЛ
// are allowed, only under sub-bases of "иные задачи", which no seeded
// official's case names, so a case under person(iin:) would find no
// refusal to test.
func init() {
	registerServices(
		serviceCase{
			service: "KAZAKHTELECOM", args: "$phone: String!", path: "fixedLineSubscriptions",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				// The household number with the most contracts, written the
				// way people dial it: 8 (727) 2501234.
				n := one[string](t, fx.g.Telecom.DB(), `SELECT phone_number FROM {subscriptions} WHERE subscriber_kind = 'PERSON'
					GROUP BY phone_number ORDER BY COUNT(*) DESC, MAX(internet_tariff), phone_number LIMIT 1`)
				return map[string]any{"phone": "8 (" + n[2:5] + ") " + n[5:], "e164": n}
			},
			selection: `fixedLineSubscriptions(phoneNumber: $phone) { contractNumber phoneNumber subscriberId subscriberKind subscriberName
				address region { nameRu } contractDate terminatedOn status services internetTariff branch
				subscriberPerson { iin address fixedLineSubscriptions { contractNumber phoneNumber } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				cs := got.([]any)
				n := one[int](t, fx.g.Telecom.DB(), `SELECT COUNT(*) FROM {subscriptions} WHERE phone_number = '`+vars["e164"].(string)+`'`)
				if len(cs) != n {
					t.Fatalf("%d contracts on %s, want %d", len(cs), vars["e164"], n)
				}
				for i, c := range cs {
					if get(c, "phoneNumber") != vars["e164"] || (i > 0 && get(c, "contractDate").(string) > get(cs[i-1], "contractDate").(string)) ||
						get(c, "subscriberPerson.iin") != get(c, "subscriberId") || get(c, "address") != get(cs[0], "address") ||
						get(c, "services.0") != "PHONE" || !strings.HasPrefix(get(c, "branch").(string), "Дирекция телекоммуникаций") {
						t.Fatalf("contracts on the number (latest first, one address) = %v", cs)
					}
					found := false
					for _, own := range get(c, "subscriberPerson.fixedLineSubscriptions").([]any) {
						found = found || get(own, "contractNumber") == get(c, "contractNumber")
					}
					if !found {
						t.Fatalf("the subscriber's contracts lack %v", c)
					}
				}
			},
		},
		serviceCase{
			service: "KAZAKHTELECOM", args: "$phone: String!", path: "fixedLineSubscriptions",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"phone": one[string](t, fx.g.Telecom.DB(),
					`SELECT phone_number FROM {subscriptions} WHERE subscriber_kind = 'LEGAL_ENTITY' ORDER BY contract_number LIMIT 1`)}
			},
			selection: `fixedLineSubscriptions(phoneNumber: $phone) { phoneNumber status subscriberLegalEntity { bin fixedLineSubscriptions { phoneNumber } } }`,
			check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
				if get(got, "0.subscriberLegalEntity.bin") == nil || get(got, "0.subscriberLegalEntity.fixedLineSubscriptions.0.phoneNumber") == nil {
					t.Fatalf("office line = %v", got)
				}
			},
		},
	)
}

func TestFixedLinePhoneNumbers(t *testing.T) {
	fx := newFixture(t, testdb.Dialects[1].Config(t), true) // parsing, not the store, is under test
	inv := fx.allowedAll(t, "KAZAKHTELECOM")
	n := one[string](t, fx.g.Telecom.DB(), `SELECT phone_number FROM {subscriptions} ORDER BY contract_number LIMIT 1`)
	q := `query($b: BasisInput!, $p: String!) { inquiry(basis: $b) { fixedLineSubscriptions(phoneNumber: $p) { phoneNumber } } }`
	b := inv.basis()
	for _, written := range []string{n, n[1:], "8" + n[2:], n[2:], "+7 " + n[2:5] + " " + n[5:8] + "-" + n[8:10] + "-" + n[10:]} {
		r := fx.post(t, inv.IIN, q, map[string]any{"b": b, "p": written})
		if len(r.Errors) > 0 || get(r.Data, "inquiry.fixedLineSubscriptions.0.phoneNumber") != n {
			t.Fatalf("%q: %+v", written, r)
		}
	}
	for _, bad := range []string{"", "12345", "+1 212 555 0100", "+7 727 250 12 34 5", "8-800-ABC"} {
		r := fx.post(t, inv.IIN, q, map[string]any{"b": b, "p": bad})
		e := r.errorAt("inquiry.fixedLineSubscriptions")
		if e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "phoneNumber" {
			t.Fatalf("%q: want BAD_USER_INPUT naming phoneNumber, got %+v", bad, r)
		}
	}
}
