package gateway_test

import (
	"testing"

	"sio"
	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
)

// Почтовые отправления: under doc 000 only with an electronic court sanction
// named in the basis (§28); doc 002 allows it without one under НСД and the
// prosecutors' "иные задачи".
func init() {
	registerServices(
		serviceCase{
			service: "POSTAL_ITEMS", args: "$iin: IIN!, $bin: BIN!", path: "person.postalItems",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{
					"iin": one[string](t, fx.g.Postal.DB(), `SELECT recipient_id FROM {items} WHERE recipient_kind = 'PERSON' ORDER BY tracking_number LIMIT 1`),
					"bin": one[string](t, fx.g.Postal.DB(), `SELECT recipient_id FROM {items} WHERE recipient_kind = 'LEGAL_ENTITY' ORDER BY tracking_number LIMIT 1`),
				}
			},
			selection: `person(iin: $iin) { iin postalItems { totalCount edges { node { trackingNumber status } } } }
				legalEntity(bin: $bin) { bin postalItems { edges { node { trackingNumber } } } }`,
		},
		serviceCase{
			service: "POSTAL_ITEMS", args: "$n: String!", path: "postalItem",
			vars: func(t *testing.T, fx *fixture) map[string]any {
				return map[string]any{"n": one[string](t, fx.g.Postal.DB(), `SELECT tracking_number FROM {items} ORDER BY tracking_number LIMIT 1`)}
			},
			selection: `postalItem(trackingNumber: $n) { trackingNumber kind status }`,
		},
	)
}

func TestPostalItems(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		inv := fx.allowedAll(t, "POSTAL_ITEMS", "PERSONS", "LEGAL_ENTITIES")
		basis := inv.basis()
		iin := one[string](t, fx.g.Postal.DB(), `SELECT recipient_id FROM {items} WHERE recipient_kind = 'PERSON'
			GROUP BY recipient_id ORDER BY COUNT(*) DESC, recipient_id LIMIT 1`)
		bin := one[string](t, fx.g.Postal.DB(), `SELECT recipient_id FROM {items} WHERE recipient_kind = 'LEGAL_ENTITY' ORDER BY tracking_number LIMIT 1`)
		const node = `trackingNumber kind kindRu originCountry senderId senderKind senderName senderAddress recipientId recipientKind
			recipientName recipientAddress originIndex originOffice destinationIndex destinationOffice acceptedOn deliveredOn weightGrams status`
		q := `query($b: BasisInput!, $iin: IIN!, $bin: BIN!, $after: String) { inquiry(basis: $b) {
			person(iin: $iin) { postalItems(first: 1, after: $after) { totalCount edges { cursor node { ` + node + ` } } pageInfo { hasNextPage endCursor } } }
			legalEntity(bin: $bin) { postalItems { totalCount edges { node { trackingNumber recipientId } } } } } }`

		t.Run("by party, paged, newest first", func(t *testing.T) {
			want := one[int](t, fx.g.Postal.DB(), `SELECT COUNT(*) FROM {items} WHERE sender_id = '`+iin+`' OR recipient_id = '`+iin+`'`)
			var after any
			var seen []string
			last := "9999-12-31"
			for range want + 1 {
				r := fx.post(t, inv.IIN, q, map[string]any{"b": basis, "iin": iin, "bin": bin, "after": after})
				c := get(r.Data, "inquiry.person.postalItems")
				item := get(c, "edges.0.node")
				if len(r.Errors) > 0 || get(c, "totalCount") != float64(want) || item == nil ||
					(get(item, "senderId") != iin && get(item, "recipientId") != iin) || get(item, "acceptedOn").(string) > last {
					t.Fatalf("page %d: %+v", len(seen), r)
				}
				if e := get(r.Data, "inquiry.legalEntity.postalItems.edges.0.node"); get(e, "recipientId") != bin {
					t.Fatalf("entity's items: %v", get(r.Data, "inquiry.legalEntity"))
				}
				last = get(item, "acceptedOn").(string)
				seen = append(seen, get(item, "trackingNumber").(string))
				if get(c, "pageInfo.hasNextPage") != true {
					break
				}
				after = get(c, "pageInfo.endCursor")
			}
			if len(seen) != want || want < 2 {
				t.Fatalf("paged through %d of %d items", len(seen), want)
			}
		})

		t.Run("by tracking number", func(t *testing.T) {
			n := one[string](t, fx.g.Postal.DB(), `SELECT tracking_number FROM {items} ORDER BY tracking_number LIMIT 1`)
			pq := `query($b: BasisInput!, $n: String!) { inquiry(basis: $b) { postalItem(trackingNumber: $n) { ` + node + ` } } }`
			r := fx.post(t, inv.IIN, pq, map[string]any{"b": basis, "n": " " + n[:2] + " " + n[2:] + " "})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.postalItem.trackingNumber") != n || !sio.ValidTrackingNumber(n) {
				t.Fatalf("postalItem(%s): %+v", n, r)
			}
			bad := n[:10] + string('0'+(n[10]-'0'+1)%10) + n[11:]
			for _, v := range []string{bad, "RR12345678KZ", "12345678901KZ"} {
				r = fx.post(t, inv.IIN, pq, map[string]any{"b": basis, "n": v})
				if e := r.errorAt("inquiry.postalItem"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "trackingNumber" {
					t.Fatalf("postalItem(%s): want BAD_USER_INPUT naming trackingNumber, got %+v", v, r)
				}
			}
		})

		t.Run("criminal case with a court sanction", func(t *testing.T) {
			// The same official and case: with the sanction named, the items;
			// without it, COURT_SANCTION_REQUIRED.
			var with official
			for _, o := range fx.inquiries(t) {
				if o.Sanction != "" && o.Basis == "CRIMINAL_CASE" {
					if _, err := fx.g.Enforcer().Check(o.inq, "POSTAL_ITEMS"); err == nil {
						with = o.official
						break
					}
				}
			}
			if with.Sanction == "" {
				t.Fatal("no seeded official holds a valid court sanction on a criminal case")
			}
			q := `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { courtSanction { number } person(iin: $iin) { iin postalItems { totalCount } } } }`
			r := fx.post(t, with.IIN, q, map[string]any{"b": with.basis(), "iin": iin})
			if len(r.Errors) > 0 || get(r.Data, "inquiry.person.postalItems.totalCount").(float64) < 1 ||
				get(r.Data, "inquiry.courtSanction.number") != with.Sanction {
				t.Fatalf("with sanction %s: %+v", with.Sanction, r)
			}
			without := with
			without.Sanction = ""
			r = fx.post(t, with.IIN, q, map[string]any{"b": without.basis(), "iin": iin})
			if e := r.errorAt("inquiry.person.postalItems"); e == nil || e.Extensions["reason"] != authz.ReasonCourtSanctionRequired ||
				get(r.Data, "inquiry.person.iin") != iin {
				t.Fatalf("without the sanction: %+v", r)
			}
		})

		t.Run("refused without a court sanction", func(t *testing.T) {
			refused, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
				_, err := fx.g.Enforcer().Check(inq, "POSTAL_ITEMS")
				e, _ := err.(*sio.Error)
				return e != nil && e.Reason == authz.ReasonCourtSanctionRequired
			})
			if !ok {
				t.Fatal("no seeded official is refused postal items for want of a court sanction")
			}
			r := fx.post(t, refused.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { basis person(iin: $iin) { iin postalItems { totalCount } } } }`,
				map[string]any{"b": refused.basis(), "iin": iin})
			e := r.errorAt("inquiry.person.postalItems")
			if e == nil || e.Extensions["code"] != sio.EFORBIDDEN || e.Extensions["reason"] != authz.ReasonCourtSanctionRequired ||
				get(r.Data, "inquiry.person.iin") != iin {
				t.Fatalf("%s under %s: %+v", refused.Role, refused.Basis, r)
			}
		})
	})
}
