package gateway_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
)

// The register of restrictions: the restrictions seen on their objects and
// the write services (mutations under inquiryAction).

// restrictionTypes describes each write service: its type, the object
// field where its restrictions show, the object's lookup and the
// mutations.
var restrictionTypes = []struct {
	service, typ string
	// arg names the object's key in the lookup and the ban; argType is its
	// GraphQL type.
	arg, argType string
	// objectQuery selects the key of an object of the register.
	objectQuery string
	// object is the object's lookup under Inquiry, field its restrictions.
	object, field string
	ban, lift     string
	// missing is a well-formed key of no object ("" = made by the test).
	missing string
}{
	{"BAN_REAL_ESTATE", "REAL_ESTATE_BAN", "cadastralNumber", "String!", `SELECT cadastral_number FROM {properties} ORDER BY cadastral_number LIMIT 1`,
		"realEstate", "restrictions", "banRealEstate", "liftRealEstateBan", "01:999:999:999:9"},
	{"LAND_ENCUMBRANCE", "LAND_ENCUMBRANCE", "cadastralNumber", "String!", `SELECT cadastral_number FROM {plots} ORDER BY cadastral_number LIMIT 1`,
		"landPlot", "encumbrances", "encumberLandPlot", "liftLandEncumbrance", "01:999:999:999"},
	{"BAN_LEGAL_ENTITY", "LEGAL_ENTITY_BAN", "bin", "BIN!", `SELECT bin FROM {legal_entities} ORDER BY bin LIMIT 1`,
		"legalEntity", "restrictions", "banLegalEntity", "liftLegalEntityBan", ""},
	{"BAN_PERSON_PARTICIPATION", "PERSON_PARTICIPATION_BAN", "iin", "IIN!", `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`,
		"person", "participationBans", "banPersonParticipation", "liftPersonParticipationBan", ""},
}

const restrictionFields = `id type measureRu objectId status authorityRu basis caseRegistry caseNumber reason imposedAt liftedAt
	history { action at officialIin officialRole officialAgency basis caseRegistry caseNumber reason recordedVia }`

// restrictedObjectDB is the store holding the register of a restriction type's objects.
func (fx *fixture) restrictedObjectDB(typ string) *sqldb.DB {
	switch typ {
	case "REAL_ESTATE_BAN":
		return fx.g.RealEstate.DB()
	case "LAND_ENCUMBRANCE":
		return fx.g.Land.DB()
	case "LEGAL_ENTITY_BAN":
		return fx.g.Entities.DB()
	}
	return fx.g.Persons.DB()
}

func init() {
	for _, rt := range restrictionTypes {
		registerServices(
			// The restrictions from the source systems, seen on their object.
			serviceCase{
				service: rt.service, args: "$key: " + rt.argType, path: rt.object + "." + rt.field,
				vars: func(t *testing.T, fx *fixture) map[string]any {
					return map[string]any{"key": one[string](t, fx.g.Bans.DB(),
						`SELECT object_id FROM {restrictions} WHERE type = '`+rt.typ+`' AND status = 'LIFTED' ORDER BY id LIMIT 1`)}
				},
				selection: rt.object + `(` + rt.arg + `: $key) { ` + rt.field + ` { ` + restrictionFields + ` } }`,
				check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
					for _, r := range got.([]any) {
						if get(r, "objectId") != vars["key"] || get(r, "type") != rt.typ || get(r, "history.0.action") != "IMPOSE" {
							t.Fatalf("restriction = %v", r)
						}
						if get(r, "status") == "LIFTED" && (get(r, "liftedAt") == nil || get(r, "history.1.action") != "LIFT") {
							t.Fatalf("lifted restriction without its lift = %v", r)
						}
					}
				},
			},
			// Imposing one through SIO.
			serviceCase{
				service: rt.service, mutation: true, args: "$key: " + rt.argType, path: rt.ban,
				vars: func(t *testing.T, fx *fixture) map[string]any {
					return map[string]any{"key": one[string](t, fx.restrictedObjectDB(rt.typ), rt.objectQuery)}
				},
				selection: rt.ban + `(` + rt.arg + `: $key, reason: "Обеспечение исполнения", clientKey: "svc-` + rt.ban + `") { ` + restrictionFields + ` }`,
				check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
					if get(got, "objectId") != vars["key"] || get(got, "status") != "ACTIVE" || get(got, "history.0.officialIin") == nil ||
						get(got, "history.0.recordedVia") != sio.RecordedViaSIO {
						t.Fatalf("imposed = %v", got)
					}
				},
			},
			// Lifting one from the source systems through SIO.
			serviceCase{
				service: rt.service, mutation: true, args: "$id: ID!", path: rt.lift,
				vars: func(t *testing.T, fx *fixture) map[string]any {
					return map[string]any{"id": one[string](t, fx.g.Bans.DB(),
						`SELECT id FROM {restrictions} WHERE type = '`+rt.typ+`' AND status = 'ACTIVE' AND id NOT LIKE '%-S%' ORDER BY id LIMIT 1`)}
				},
				selection: rt.lift + `(id: $id, reason: "Задолженность погашена", clientKey: "svc-` + rt.lift + `") { ` + restrictionFields + ` }`,
				check: func(t *testing.T, fx *fixture, vars map[string]any, got any) {
					if get(got, "id") != vars["id"] || get(got, "status") != "LIFTED" || get(got, "history.1.action") != "LIFT" ||
						get(got, "history.1.recordedVia") != sio.RecordedViaSIO {
						t.Fatalf("lifted = %v", got)
					}
				},
			},
		)
	}
}

// TestRestrictionChanges imposes and lifts a restriction of every type
// through HTTP, on both stores: an allowed role and basis imposes, replays
// and lifts; a reused key with another request, a forbidden basis, a
// missing object and bad input write nothing; the object shows the
// restriction and its history afterwards.
func TestRestrictionChanges(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		// LAND_ENCUMBRANCE serves enforcement only: a bailiff (or prosecutor)
		// under enforcement proceedings may do everything.
		inv := fx.allowedAll(t, "BAN_REAL_ESTATE", "LAND_ENCUMBRANCE", "BAN_LEGAL_ENTITY", "BAN_PERSON_PARTICIPATION",
			"PERSONS", "LEGAL_ENTITIES", "REAL_ESTATE", "LAND_PLOTS")
		basis := inv.basis()
		count := func() int { return one[int](t, fx.g.Bans.DB(), `SELECT COUNT(*) FROM {restriction_changes}`) }

		for _, rt := range restrictionTypes {
			t.Run(rt.service, func(t *testing.T) {
				key := one[string](t, fx.restrictedObjectDB(rt.typ), rt.objectQuery)
				ban := `mutation($b: BasisInput!, $key: ` + rt.argType + `, $reason: String!, $ck: String!) { inquiryAction(basis: $b) {
					basis ` + rt.ban + `(` + rt.arg + `: $key, reason: $reason, clientKey: $ck) { ` + restrictionFields + ` } } }`
				lift := `mutation($b: BasisInput!, $id: ID!, $reason: String!, $ck: String!) { inquiryAction(basis: $b) {
					` + rt.lift + `(id: $id, reason: $reason, clientKey: $ck) { ` + restrictionFields + ` } } }`
				read := `query($b: BasisInput!, $key: ` + rt.argType + `) { inquiry(basis: $b) { ` + rt.object + `(` + rt.arg + `: $key) { ` +
					rt.field + ` { ` + restrictionFields + ` } } } }`
				banPath, liftPath := "inquiryAction."+rt.ban, "inquiryAction."+rt.lift
				ck := "e2e-" + rt.ban + "-0001"
				vars := map[string]any{"b": basis, "key": key, "reason": "Обеспечение исполнения исполнительного документа", "ck": ck}

				start := time.Now().UTC().Add(-time.Second)
				r := fx.post(t, inv.IIN, ban, vars)
				imposed := get(r.Data, banPath)
				id, _ := get(imposed, "id").(string)
				if len(r.Errors) > 0 || id == "" || get(imposed, "status") != "ACTIVE" || get(imposed, "objectId") != key || get(imposed, "type") != rt.typ {
					t.Fatalf("impose: %+v", r)
				}
				at, err := time.Parse(time.RFC3339Nano, get(imposed, "history.0.at").(string))
				testdb.Must(t, err)
				if h := get(imposed, "history.0"); get(h, "officialIin") != string(inv.IIN) || get(h, "officialRole") != inv.Role ||
					get(h, "officialAgency") != inv.Agency || get(h, "basis") != inv.Basis || get(h, "caseNumber") != inv.Case ||
					get(h, "reason") != vars["reason"] || get(h, "action") != "IMPOSE" || at.Before(start) || at.After(time.Now()) || at.Location() != time.UTC {
					t.Fatalf("the change does not record who, when, basis, case and reason: %v", h)
				}
				changes := count()

				// The same key and request: the same record, no new change.
				r = fx.post(t, inv.IIN, ban, vars)
				if len(r.Errors) > 0 || get(r.Data, banPath+".id") != id || count() != changes {
					t.Fatalf("replay: %+v (%d changes, was %d)", r, count(), changes)
				}
				// The same key, another request: refused, nothing written.
				vars["reason"] = "Другое основание"
				r = fx.post(t, inv.IIN, ban, vars)
				if e := r.errorAt(banPath); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "clientKey" ||
					get(r.Data, banPath) != nil || count() != changes {
					t.Fatalf("conflicting replay: %+v", r)
				}

				// A basis the policy refuses: FORBIDDEN, nothing written.
				refused, ok := fx.byOfficial(t, rt.service, func(_ authz.Access, err error) bool { return err != nil })
				if !ok {
					t.Fatalf("no official is refused %s", rt.service)
				}
				r = fx.post(t, refused.IIN, ban, map[string]any{"b": refused.basis(),
					"key": key, "reason": "Попытка без полномочий", "ck": "e2e-forbidden-0001"})
				if e := r.errorAt(banPath); e == nil || e.Extensions["code"] != sio.EFORBIDDEN || get(r.Data, banPath) != nil ||
					get(r.Data, "inquiryAction.basis") != refused.Basis || count() != changes {
					t.Fatalf("forbidden basis: %+v", r)
				}

				// Visible on the object.
				r = fx.post(t, inv.IIN, read, map[string]any{"b": basis, "key": key})
				objPath := "inquiry." + rt.object + "." + rt.field
				if len(r.Errors) > 0 || !hasRestriction(get(r.Data, objPath), id, "ACTIVE", 1) {
					t.Fatalf("not visible on the object: %+v", r)
				}

				// Lift it: a recorded change of its own, idempotent too.
				lv := map[string]any{"b": basis, "id": id, "reason": "Задолженность погашена", "ck": "e2e-" + rt.lift + "-0001"}
				r = fx.post(t, inv.IIN, lift, lv)
				lifted := get(r.Data, liftPath)
				if len(r.Errors) > 0 || get(lifted, "status") != "LIFTED" || get(lifted, "liftedAt") == nil || get(lifted, "history.1.action") != "LIFT" ||
					get(lifted, "history.1.officialIin") != string(inv.IIN) || get(lifted, "history.1.reason") != "Задолженность погашена" ||
					count() != changes+1 {
					t.Fatalf("lift: %+v", r)
				}
				r = fx.post(t, inv.IIN, lift, lv)
				if len(r.Errors) > 0 || get(r.Data, liftPath+".status") != "LIFTED" || count() != changes+1 {
					t.Fatalf("lift replay: %+v", r)
				}
				lv["ck"] = "e2e-" + rt.lift + "-0002"
				r = fx.post(t, inv.IIN, lift, lv)
				if e := r.errorAt(liftPath); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "id" || count() != changes+1 {
					t.Fatalf("lifting twice: %+v", r)
				}
				r = fx.post(t, inv.IIN, read, map[string]any{"b": basis, "key": key})
				if len(r.Errors) > 0 || !hasRestriction(get(r.Data, objPath), id, "LIFTED", 2) {
					t.Fatalf("the lift is not visible on the object: %+v", r)
				}

				// Missing objects and bad input: nothing written.
				missing := rt.missing
				switch rt.arg {
				case "bin":
					missing = string(testdb.BIN(t, "1999-01-01", 90000))
				case "iin":
					missing = string(testdb.IIN(t, "1930-06-15", sio.Male, 8000))
				}
				for _, tc := range []struct {
					vars       map[string]any
					query      string
					path, code string
					arg        string
				}{
					{map[string]any{"key": missing, "reason": "Обеспечение", "ck": "e2e-missing-0001"}, ban, banPath, sio.ENOTFOUND, rt.arg},
					{map[string]any{"key": key, "reason": "Обеспечение", "ck": "short"}, ban, banPath, sio.EBADINPUT, "clientKey"},
					{map[string]any{"key": key, "reason": "  ", "ck": "e2e-empty-reason"}, ban, banPath, sio.EBADINPUT, "reason"},
					{map[string]any{"id": "RE-S9999999", "reason": "Снятие", "ck": "e2e-missing-0002"}, lift, liftPath, sio.ENOTFOUND, "id"},
					{map[string]any{"id": "not an id", "reason": "Снятие", "ck": "e2e-bad-id-0001"}, lift, liftPath, sio.EBADINPUT, "id"},
				} {
					tc.vars["b"] = basis
					r = fx.post(t, inv.IIN, tc.query, tc.vars)
					// (the argument is in the extensions of bad input, in the message of both)
					if e := r.errorAt(tc.path); e == nil || e.Extensions["code"] != tc.code || !strings.HasPrefix(e.Message, tc.arg+": ") ||
						(tc.code == sio.EBADINPUT && e.Extensions["argument"] != tc.arg) || count() != changes+1 {
						t.Fatalf("%v: want %s naming %s, got %+v", tc.vars, tc.code, tc.arg, r)
					}
				}
			})
		}

		t.Run("mutations only over POST", func(t *testing.T) {
			q := `mutation { inquiryAction(basis: {kind: "` + inv.Basis + `", caseNumber: "` + inv.Case + `"}) { basis } }`
			req, _ := http.NewRequest(http.MethodGet, fx.srv.URL+"/graphql?query="+url.QueryEscape(q), nil)
			req.Header.Set("X-Dev-User", string(inv.IIN))
			resp, err := http.DefaultClient.Do(req)
			testdb.Must(t, err)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				t.Fatal("a mutation was accepted over GET")
			}
		})
	})
}

// hasRestriction reports whether the list holds restriction id with status
// and n changes.
func hasRestriction(list any, id, status string, n int) bool {
	rs, _ := list.([]any)
	for _, r := range rs {
		if get(r, "id") == id {
			h, _ := get(r, "history").([]any)
			return get(r, "status") == status && len(h) == n
		}
	}
	return false
}
