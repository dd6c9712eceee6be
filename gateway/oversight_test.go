package gateway_test

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
)

// staff are the officials an oversight test acts as.
type staff struct {
	users  map[sio.IIN]sio.User
	duties map[sio.IIN][]string
}

func (fx *fixture) staff(t *testing.T) staff {
	t.Helper()
	ctx := context.Background()
	us, err := fx.g.Accounts.ListUsers(ctx)
	testdb.Must(t, err)
	ds, err := fx.g.Accounts.AllDuties(ctx)
	testdb.Must(t, err)
	s := staff{users: map[sio.IIN]sio.User{}, duties: ds}
	for _, u := range us {
		s.users[u.IIN] = u
	}
	return s
}

func (s staff) active(u sio.User) bool { return !u.Blocked && u.AgreementSignedAt != nil }

// supervisor is the responsible official of the agency.
func (s staff) supervisor(t *testing.T, agency string) sio.User {
	t.Helper()
	for iin, ds := range s.duties {
		if u := s.users[iin]; u.AgencyCode == agency && len(ds) > 0 && ds[0] == authz.DutySupervisor && s.active(u) {
			return u
		}
	}
	t.Fatalf("no responsible official of %s is seeded", agency)
	return sio.User{}
}

// where returns an active official satisfying want, in IIN order.
func (s staff) where(t *testing.T, what string, want func(sio.User) bool) sio.User {
	t.Helper()
	var best *sio.User
	for _, u := range s.users {
		if s.active(u) && want(u) && (best == nil || u.IIN < best.IIN) {
			best = &u
		}
	}
	if best == nil {
		t.Fatalf("no seeded official: %s", what)
	}
	return *best
}

func (s staff) operator(t *testing.T) sio.User {
	return s.where(t, "operator", func(u sio.User) bool {
		return u.RoleCode == authz.RoleSystemAdministrator && u.AgencyCode == authz.AgencyOperator
	})
}

// forbidden checks that the field was refused FORBIDDEN with the reason.
func forbiddenAt(t *testing.T, r gqlResponse, path, reason string) {
	t.Helper()
	e := r.errorAt(path)
	if e == nil || e.Extensions["code"] != sio.EFORBIDDEN || e.Extensions["reason"] != reason || get(r.Data, path) != nil {
		t.Fatalf("%s: want FORBIDDEN %s, got %+v", path, reason, r)
	}
}

func noErrors(t *testing.T, what string, r gqlResponse) {
	t.Helper()
	if len(r.Errors) > 0 || r.Status != 200 {
		t.Fatalf("%s: %d %+v", what, r.Status, r.Errors)
	}
}

// lastRecord is the newest audit record of the user.
func (fx *fixture) lastRecord(t *testing.T, user sio.IIN) audit.Record {
	t.Helper()
	recs, err := fx.g.Audit.Find(context.Background(), audit.Filter{To: time.Now().Add(time.Hour), UserIIN: string(user), Limit: 1})
	testdb.Must(t, err)
	if len(recs) == 0 {
		t.Fatalf("no audit record of %s", user)
	}
	return recs[0]
}

// logRead checks that the user's last request was recorded as a read of
// the log.
func (fx *fixture) logRead(t *testing.T, user sio.IIN, what string) audit.Record {
	t.Helper()
	rec := fx.lastRecord(t, user)
	if rec.Kind != audit.KindLogRead {
		t.Fatalf("%s was recorded as %s, want %s", what, rec.Kind, audit.KindLogRead)
	}
	return rec
}

func astanaToday() string { return time.Now().In(authz.Astana).Format(time.DateOnly) }

func astanaYesterday() string {
	return time.Now().In(authz.Astana).AddDate(0, 0, -1).Format(time.DateOnly)
}

// TestOversight drives the reports through HTTP: an official of MVD looks
// up a colleague and a relative, names another official's case and makes
// an unusual number of requests; the agency's responsible official sees
// each of these flagged, the operator sees the agency's totals, a
// prosecutor obtains what the official obtained under a recorded
// постановление; everyone else is refused, and every read of the log is
// itself recorded as LOG_READ.
func TestOversight(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		fx := newFixture(t, cfg, true)
		st := fx.staff(t)
		const agency = "MVD"
		sup := st.supervisor(t, agency)
		op := st.operator(t)
		pros := st.where(t, "prosecutor", func(u sio.User) bool { return u.RoleCode == authz.RoleProsecutor })

		// The actor: an MVD official who is a person of ГБД ФЛ with a
		// family in ЗАГС, allowed to read PERSONS under the own case.
		var actor official
		var relative sio.FamilyTie
		enf := fx.g.Enforcer()
		for _, o := range fx.inquiries(t) {
			if o.Agency != agency || o.IIN == sup.IIN {
				continue
			}
			if a, err := enf.Check(o.inq, "PERSONS"); err != nil || a != authz.AccessFull {
				continue
			}
			fam, err := fx.g.Civil.FamilyByPerson(ctx, []sio.IIN{o.IIN})
			testdb.Must(t, err)
			for _, tie := range fam[o.IIN] {
				// A relative who is not an official too (else the lookup
				// is also a colleague's).
				if _, official := st.users[tie.Relative]; !official && actor.IIN == "" {
					actor, relative = o.official, tie
				}
			}
			if actor.IIN != "" {
				break
			}
		}
		if actor.IIN == "" {
			t.Fatal("no MVD official of the population with a family may read PERSONS")
		}
		colleague := st.where(t, "another MVD official", func(u sio.User) bool { return u.AgencyCode == agency && u.IIN != actor.IIN && u.IIN != sup.IIN })
		// Two other MVD officials make one request each: the agency's
		// usual volume.
		var quiet []official
		for _, o := range fx.officials(t) {
			if o.Agency == agency && o.IIN != actor.IIN && o.IIN != sup.IIN && (len(quiet) == 0 || quiet[0].IIN != o.IIN) && len(quiet) < 2 {
				quiet = append(quiet, o)
			}
		}
		if len(quiet) < 2 {
			t.Fatal("fewer than two other MVD officials")
		}
		inquiryQ := `query($b: BasisInput!) { inquiry(basis: $b) { basis } }`
		for _, o := range quiet {
			noErrors(t, "quiet official", fx.post(t, o.IIN, inquiryQ, map[string]any{"b": o.basis()}))
		}

		// The actor's requests: a colleague, a relative, another's case,
		// and many more.
		personQ := `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin fullName } } }`
		noErrors(t, "colleague lookup", fx.post(t, actor.IIN, personQ, map[string]any{"b": actor.basis(), "iin": colleague.IIN}))
		r := fx.post(t, actor.IIN, personQ, map[string]any{"b": actor.basis(), "iin": relative.Relative})
		noErrors(t, "relative lookup", r)
		relName, _ := get(r.Data, "inquiry.person.fullName").(string)
		if relName == "" {
			t.Fatalf("the relative %s is not in ГБД ФЛ: %+v", relative.Relative, r)
		}
		// Another official's case, outside the actor's caseload (found
		// through the enforcer, so that the log holds one attempt only).
		var foreign official
		actorUser := st.users[actor.IIN]
		for _, o := range fx.officials(t) {
			if o.Basis != actor.Basis || o.IIN == actor.IIN || o.Case == actor.Case {
				continue
			}
			_, err := enf.Open(ctx, &authz.Principal{User: &actorUser}, authz.BasisRequest{Kind: o.Basis, CaseNumber: o.Case,
				Year: o.Year, Court: o.Court, Justification: "проверка"})
			if se, ok := err.(*sio.Error); ok && se.Reason == authz.ReasonCaseNotInCaseload {
				foreign = o
				break
			}
		}
		if foreign.IIN == "" {
			t.Fatalf("no case of basis %s outside the actor's caseload", actor.Basis)
		}
		r = fx.post(t, actor.IIN, inquiryQ, map[string]any{"b": foreign.basis()})
		if e := r.errorAt("inquiry"); e == nil || e.Extensions["reason"] != authz.ReasonCaseNotInCaseload {
			t.Fatalf("another's case: %+v", r)
		}
		const burst = 24
		for i := 0; i < burst; i++ {
			noErrors(t, "burst", fx.post(t, actor.IIN, inquiryQ, map[string]any{"b": actor.basis()}))
		}
		actorRequests := burst + 3

		period := map[string]any{"from": astanaYesterday(), "to": astanaToday()}
		reportQ := `query($p: PeriodInput!, $a: String) { agencyReport(period: $p, agency: $a) { agency agencyNameRu from to generatedAt
			requests denied activeUsers
			violations { kind userIin userName at seq subject relation subjectAgency count median detailRu }
			users { userIin fullName requests denied violations services }
			entries { seq userIin violations { kind } } } }`

		t.Run("supervisor sees the flags", func(t *testing.T) {
			r := fx.post(t, sup.IIN, reportQ, map[string]any{"p": period})
			noErrors(t, "agencyReport", r)
			rep := get(r.Data, "agencyReport")
			if get(rep, "agency") != agency || !strings.Contains(get(rep, "agencyNameRu").(string), "внутренних дел") ||
				!strings.HasSuffix(get(rep, "generatedAt").(string), "+05:00") {
				t.Fatalf("report header %v", rep)
			}
			if n := int(get(rep, "requests").(float64)); n < actorRequests+2 || int(get(rep, "denied").(float64)) < 1 ||
				int(get(rep, "activeUsers").(float64)) < 3 {
				t.Fatalf("totals %v (the actor made %d requests)", rep, actorRequests)
			}
			found := map[string]map[string]any{}
			for _, v := range get(rep, "violations").([]any) {
				if get(v, "userIin") != string(actor.IIN) {
					t.Fatalf("violation of an official who did nothing wrong: %v", v)
				}
				found[get(v, "kind").(string)] = v.(map[string]any)
			}
			if v := found["OUTSIDE_CASELOAD"]; v == nil || v["subject"] != foreign.Case {
				t.Errorf("OUTSIDE_CASELOAD: %v", v)
			}
			if v := found["COLLEAGUE"]; v == nil || v["subject"] != string(colleague.IIN) || v["subjectAgency"] != agency {
				t.Errorf("COLLEAGUE: %v", v)
			}
			if v := found["RELATIVE"]; v == nil || v["subject"] != string(relative.Relative) || v["relation"] != string(relative.Relation) ||
				!strings.Contains(v["detailRu"].(string), "ЗАГС") {
				t.Errorf("RELATIVE: %v (want %s %s)", v, relative.Relation, relative.Relative)
			}
			if v := found["UNUSUAL_VOLUME"]; v == nil || v["count"].(float64) < burst || v["median"].(float64) > 2 || v["seq"] != "0" ||
				!strings.HasSuffix(v["at"].(string), "T00:00:00+05:00") {
				t.Errorf("UNUSUAL_VOLUME: %v", v)
			}
			if len(found) != 4 {
				t.Fatalf("violations: %v", get(rep, "violations"))
			}
			for _, u := range get(rep, "users").([]any) {
				if get(u, "userIin") == string(actor.IIN) && (int(get(u, "requests").(float64)) != actorRequests ||
					int(get(u, "violations").(float64)) != 4 || int(get(u, "denied").(float64)) != 1) {
					t.Fatalf("actor's line %v; want %d requests, 4 violations, 1 denied", u, actorRequests)
				}
			}
			if rec := fx.logRead(t, sup.IIN, "agencyReport"); len(rec.Denials) != 0 {
				t.Fatalf("report read recorded with denials: %+v", rec)
			}
		})

		t.Run("requests page by page", func(t *testing.T) {
			q := `query($f: LogFilter!, $after: String) { loggedRequests(filter: $f, first: 10, after: $after) { totalCount
				edges { cursor node { seq at kind userIin userName basis caseNumber services subjects denials { reason } violations { kind subject } } }
				pageInfo { hasNextPage endCursor } } }`
			f := map[string]any{"period": period, "userIin": actor.IIN}
			var after any
			seen, kinds := map[string]bool{}, map[string]bool{}
			total := 0
			for page := 0; page < 10; page++ {
				r := fx.post(t, sup.IIN, q, map[string]any{"f": f, "after": after})
				noErrors(t, "loggedRequests", r)
				c := get(r.Data, "loggedRequests")
				total = int(get(c, "totalCount").(float64))
				for _, e := range get(c, "edges").([]any) {
					n := get(e, "node")
					if get(n, "userIin") != string(actor.IIN) || get(n, "kind") != "INQUIRY" || get(n, "userName") == "" ||
						!strings.HasSuffix(get(n, "at").(string), "+05:00") || seen[get(n, "seq").(string)] {
						t.Fatalf("node %v", n)
					}
					seen[get(n, "seq").(string)] = true
					for _, v := range get(n, "violations").([]any) {
						kinds[get(v, "kind").(string)] = true
					}
				}
				if get(c, "pageInfo.hasNextPage") != true {
					break
				}
				after = get(c, "pageInfo.endCursor")
			}
			if total != actorRequests || len(seen) != total {
				t.Fatalf("paged %d of %d requests; want %d", len(seen), total, actorRequests)
			}
			if !kinds["COLLEAGUE"] || !kinds["RELATIVE"] || !kinds["OUTSIDE_CASELOAD"] || kinds["UNUSUAL_VOLUME"] {
				t.Fatalf("per-request violations %v", kinds)
			}
			fx.logRead(t, sup.IIN, "loggedRequests")

			// Filters: refused requests only; a service read.
			r := fx.post(t, sup.IIN, `query($f: LogFilter!) { loggedRequests(filter: $f, first: 50) { totalCount edges { node { caseNumber services denials { reason } } } } }`,
				map[string]any{"f": map[string]any{"period": period, "userIin": actor.IIN, "deniedOnly": true}})
			noErrors(t, "deniedOnly", r)
			if get(r.Data, "loggedRequests.totalCount") != float64(1) || get(r.Data, "loggedRequests.edges.0.node.caseNumber") != foreign.Case ||
				get(r.Data, "loggedRequests.edges.0.node.denials.0.reason") != authz.ReasonCaseNotInCaseload {
				t.Fatalf("deniedOnly: %+v", r.Data)
			}
			r = fx.post(t, sup.IIN, `query($f: LogFilter!) { loggedRequests(filter: $f, first: 50) { totalCount edges { node { services } } } }`,
				map[string]any{"f": map[string]any{"period": period, "userIin": actor.IIN, "service": "PERSONS"}})
			noErrors(t, "service filter", r)
			if get(r.Data, "loggedRequests.totalCount") != float64(2) {
				t.Fatalf("service PERSONS: %+v", r.Data)
			}
			r = fx.post(t, sup.IIN, `query($f: LogFilter!) { loggedRequests(filter: $f) { totalCount } }`,
				map[string]any{"f": map[string]any{"period": period, "service": "NO_SUCH_SERVICE"}})
			if e := r.errorAt("loggedRequests"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "filter.service" {
				t.Fatalf("unknown service: %+v", r)
			}
		})

		t.Run("role checks", func(t *testing.T) {
			// An official without an office; the supervisor asking for
			// another agency; the supervisor asking for the operator's
			// report; a prosecutor's fields for others.
			r := fx.post(t, actor.IIN, reportQ, map[string]any{"p": period})
			forbiddenAt(t, r, "agencyReport", authz.ReasonOfficeRequired)
			rec := fx.logRead(t, actor.IIN, "refused agencyReport")
			if len(rec.Denials) != 1 || rec.Denials[0].Reason != authz.ReasonOfficeRequired {
				t.Fatalf("the refused read is recorded without its denial: %+v", rec)
			}
			forbiddenAt(t, fx.post(t, actor.IIN, `query($f: LogFilter!) { loggedRequests(filter: $f) { totalCount } }`,
				map[string]any{"f": map[string]any{"period": period}}), "loggedRequests", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, actor.IIN, `{ monthlyReport(month: "2025-01") { requests } }`, nil), "monthlyReport", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, actor.IIN, `query($p: PeriodInput!) { operatorReport(period: $p) { total { requests } } }`,
				map[string]any{"p": period}), "operatorReport", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, actor.IIN, `{ officialAccounts { iin } }`, nil), "officialAccounts", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, sup.IIN, reportQ, map[string]any{"p": period, "a": "KNB"}), "agencyReport", authz.ReasonOtherAgency)
			forbiddenAt(t, fx.post(t, sup.IIN, `{ monthlyReport(month: "2025-01", agency: "KNB") { requests } }`, nil), "monthlyReport", authz.ReasonOtherAgency)
			forbiddenAt(t, fx.post(t, sup.IIN, `query($p: PeriodInput!) { operatorReport(period: $p) { total { requests } } }`,
				map[string]any{"p": period}), "operatorReport", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, sup.IIN, `{ prosecutorChecks { id } }`, nil), "prosecutorChecks", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, op.IIN, `mutation($in: ProsecutorCheckInput!) { openProsecutorCheck(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"resolutionNumber": "1", "resolutionDate": astanaToday(), "agency": agency, "period": period}}),
				"openProsecutorCheck", authz.ReasonOfficeRequired)
			// A blocked responsible official reads nothing.
			testdb.Must(t, fx.g.Accounts.SetBlocked(ctx, sup.IIN, true))
			forbiddenAt(t, fx.post(t, sup.IIN, reportQ, map[string]any{"p": period}), "agencyReport", authz.ReasonUserBlocked)
			testdb.Must(t, fx.g.Accounts.SetBlocked(ctx, sup.IIN, false))
			// The operator reads any agency's report, naming it.
			r = fx.post(t, op.IIN, reportQ, map[string]any{"p": period, "a": agency})
			noErrors(t, "operator's agencyReport", r)
			if len(get(r.Data, "agencyReport.violations").([]any)) != 4 {
				t.Fatalf("operator's view of %s: %v", agency, get(r.Data, "agencyReport.violations"))
			}
			r = fx.post(t, op.IIN, reportQ, map[string]any{"p": period})
			if e := r.errorAt("agencyReport"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "agency" {
				t.Fatalf("operator without an agency: %+v", r)
			}
			// A bad period.
			r = fx.post(t, sup.IIN, reportQ, map[string]any{"p": map[string]any{"from": astanaToday(), "to": astanaYesterday()}})
			if e := r.errorAt("agencyReport"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "period" {
				t.Fatalf("reversed period: %+v", r)
			}
		})

		t.Run("operator's report", func(t *testing.T) {
			r := fx.post(t, op.IIN, `query($p: PeriodInput!) { operatorReport(period: $p) { from to generatedAt
				agencies { agency agencyNameRu requests denied users violations byKind { kind count } }
				total { agencyNameRu requests denied violations } csv { name mediaType content } } }`, map[string]any{"p": period})
			noErrors(t, "operatorReport", r)
			rep := get(r.Data, "operatorReport")
			var mvd any
			sum := 0.0
			for _, a := range get(rep, "agencies").([]any) {
				sum += get(a, "requests").(float64)
				if get(a, "agency") == agency {
					mvd = a
				}
			}
			if mvd == nil || get(mvd, "requests").(float64) < float64(actorRequests+2) || get(mvd, "denied").(float64) < 1 ||
				get(mvd, "users").(float64) < 3 || get(mvd, "violations") != float64(4) || len(get(rep, "agencies").([]any)) < 11 {
				t.Fatalf("MVD line %v of %v", mvd, rep)
			}
			for _, k := range get(mvd, "byKind").([]any) {
				if get(k, "count") != float64(1) {
					t.Fatalf("MVD violations by kind %v", get(mvd, "byKind"))
				}
			}
			if get(rep, "total.requests") != sum || get(rep, "total.agencyNameRu") != "Всего" {
				t.Fatalf("total %v, sum of agencies %v", get(rep, "total"), sum)
			}
			rows, err := csv.NewReader(strings.NewReader(get(rep, "csv.content").(string))).ReadAll()
			testdb.Must(t, err)
			if len(rows) != len(get(rep, "agencies").([]any))+2 || rows[0][0] != "Код органа" || rows[len(rows)-1][1] != "Всего" ||
				!strings.HasPrefix(get(rep, "csv.mediaType").(string), "text/csv") {
				t.Fatalf("operator's CSV: %v", rows)
			}
			fx.logRead(t, op.IIN, "operatorReport")
		})

		t.Run("monthly report and its CSV", func(t *testing.T) {
			month := time.Now().In(authz.Astana).Format("2006-01")
			r := fx.post(t, sup.IIN, `query($m: String!) { monthlyReport(month: $m) { from to requests violations { kind }
				csv { name mediaType content } } }`, map[string]any{"m": month})
			noErrors(t, "monthlyReport", r)
			rep := get(r.Data, "monthlyReport")
			if !strings.HasSuffix(get(rep, "from").(string), "-01") || get(rep, "from").(string)[:7] != month {
				t.Fatalf("month %s: %v", month, rep)
			}
			files := get(rep, "csv").([]any)
			if len(files) != 3 {
				t.Fatalf("csv files %v", files)
			}
			reqs, err := csv.NewReader(strings.NewReader(get(files[0], "content").(string))).ReadAll()
			testdb.Must(t, err)
			if !strings.HasSuffix(get(files[0], "name").(string), "-zaprosy.csv") || reqs[0][0] != "Дата и время (Астана)" ||
				len(reqs)-1 != int(get(rep, "requests").(float64)) {
				t.Fatalf("requests CSV: %d rows for %v requests; header %v", len(reqs)-1, get(rep, "requests"), reqs[0])
			}
			actorRows := 0
			for _, row := range reqs[1:] {
				if row[2] == string(actor.IIN) {
					actorRows++
				}
			}
			if actorRows != actorRequests {
				t.Fatalf("the CSV lists %d requests of the actor, want %d", actorRows, actorRequests)
			}
			vs := get(files[2], "content").(string)
			for _, want := range []string{"Запрос о родственнике", "Запрос о сотруднике", "Запрос вне производства", "Необычный объём запросов", string(relative.Relative)} {
				if !strings.Contains(vs, want) {
					t.Fatalf("violations CSV lacks %q:\n%s", want, vs)
				}
			}
			fx.logRead(t, sup.IIN, "monthlyReport")
			r = fx.post(t, sup.IIN, `{ monthlyReport(month: "2025-13") { requests } }`, nil)
			if e := r.errorAt("monthlyReport"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != "month" {
				t.Fatalf("bad month: %+v", r)
			}
		})

		t.Run("prosecutor's check", func(t *testing.T) {
			const resolution = "2-0112-25/318"
			r := fx.post(t, pros.IIN, `mutation($in: ProsecutorCheckInput!) { openProsecutorCheck(input: $in) {
				id resolutionNumber resolutionDate prosecutorIin agency from to openedAt } }`,
				map[string]any{"in": map[string]any{"resolutionNumber": " " + resolution + " ", "resolutionDate": astanaToday(),
					"agency": agency, "period": period}})
			noErrors(t, "openProsecutorCheck", r)
			c := get(r.Data, "openProsecutorCheck")
			id := get(c, "id").(string)
			if get(c, "resolutionNumber") != resolution || get(c, "prosecutorIin") != string(pros.IIN) || get(c, "agency") != agency ||
				get(c, "from") != astanaYesterday() || !strings.HasSuffix(get(c, "openedAt").(string), "+05:00") {
				t.Fatalf("check %v", c)
			}
			// Recorded with the постановление, the agency and the period.
			n := one[int](t, fx.g.Admin.DB(), `SELECT COUNT(*) FROM {prosecutor_checks} WHERE resolution_number = '`+resolution+
				`' AND agency_code = 'MVD' AND prosecutor_iin = '`+string(pros.IIN)+`' AND date_from = '`+astanaYesterday()+`' AND date_to = '`+astanaToday()+`'`)
			if n != 1 {
				t.Fatalf("%d recorded checks", n)
			}
			if rec := fx.lastRecord(t, pros.IIN); rec.Kind != audit.KindMutation || rec.CaseNumber != resolution {
				t.Fatalf("the opening is recorded as %+v", rec)
			}

			q := `query($id: ID!, $u: IIN, $after: String) { prosecutorCheck(id: $id) { resolutionNumber
				requests(userIin: $u, first: 20, after: $after) { totalCount edges { node { request { seq userIin subjects } requestJson resultJson } }
				pageInfo { hasNextPage endCursor } } } }`
			var obtained string
			total := 0
			var after any
			for page := 0; page < 5; page++ {
				r = fx.post(t, pros.IIN, q, map[string]any{"id": id, "u": actor.IIN, "after": after})
				noErrors(t, "check requests", r)
				conn := get(r.Data, "prosecutorCheck.requests")
				for _, e := range get(conn, "edges").([]any) {
					total++
					for _, s := range get(e, "node.request.subjects").([]any) {
						if s == string(relative.Relative) {
							obtained = get(e, "node.resultJson").(string)
							if !strings.Contains(get(e, "node.requestJson").(string), "person(iin") {
								t.Fatalf("request JSON %v", get(e, "node.requestJson"))
							}
						}
					}
				}
				if get(conn, "pageInfo.hasNextPage") != true {
					if int(get(conn, "totalCount").(float64)) != actorRequests {
						t.Fatalf("check lists %v requests of the actor, want %d", get(conn, "totalCount"), actorRequests)
					}
					break
				}
				after = get(conn, "pageInfo.endCursor")
			}
			if total != actorRequests || !strings.Contains(obtained, relName) || !strings.Contains(obtained, string(relative.Relative)) {
				t.Fatalf("obtained information (%d requests): %s; want the relative %s %s", total, obtained, relative.Relative, relName)
			}
			rec := fx.logRead(t, pros.IIN, "check requests")
			if rec.Basis != "PROSECUTOR_CHECK" || rec.CaseNumber != resolution {
				t.Fatalf("the check's read does not name the постановление: %+v", rec)
			}
			// The check is the prosecutor's own.
			r = fx.post(t, pros.IIN, `{ prosecutorChecks { id resolutionNumber } }`, nil)
			if noErrors(t, "prosecutorChecks", r); get(r.Data, "prosecutorChecks.0.id") != id {
				t.Fatalf("checks %v", r.Data)
			}
			other := st.where(t, "another prosecutor", func(u sio.User) bool { return u.RoleCode == authz.RoleProsecutor && u.IIN != pros.IIN })
			forbiddenAt(t, fx.post(t, other.IIN, `query($id: ID!) { prosecutorCheck(id: $id) { id } }`, map[string]any{"id": id}),
				"prosecutorCheck", authz.ReasonNotOwnCheck)
			forbiddenAt(t, fx.post(t, actor.IIN, `query($id: ID!) { prosecutorCheck(id: $id) { id } }`, map[string]any{"id": id}),
				"prosecutorCheck", authz.ReasonOfficeRequired)
			// A постановление is required; the agency must exist.
			for _, tc := range []struct{ field, value, arg string }{{"resolutionNumber", "  ", "input.resolutionNumber"}, {"agency", "NOPE", "input.agency"}} {
				in := map[string]any{"resolutionNumber": resolution, "resolutionDate": astanaToday(), "agency": agency, "period": period}
				in[tc.field] = tc.value
				r = fx.post(t, pros.IIN, `mutation($in: ProsecutorCheckInput!) { openProsecutorCheck(input: $in) { id } }`, map[string]any{"in": in})
				if e := r.errorAt("openProsecutorCheck"); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != tc.arg {
					t.Fatalf("%s %q: %+v", tc.field, tc.value, r)
				}
			}
		})
	})
}
