package gateway_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/audit"
	"sio/authz"
	"sio/internal/testdb"
	"sio/sqldb"
)

// astanaTime formats an instant as the clients send it: Astana wall time
// without an offset.
func astanaTime(t time.Time) string { return t.In(authz.Astana).Format("2006-01-02T15:04") }

func parseAstana(t *testing.T, s any) time.Time {
	t.Helper()
	str, _ := s.(string)
	v, err := time.Parse(time.RFC3339, str)
	if err != nil || !strings.HasSuffix(str, "+05:00") {
		t.Fatalf("%v is not an Astana time: %v", s, err)
	}
	return v
}

// mutated checks that the user's last request was recorded as a mutation.
func (fx *fixture) mutated(t *testing.T, user sio.IIN, what string) {
	t.Helper()
	if rec := fx.lastRecord(t, user); rec.Kind != audit.KindMutation {
		t.Fatalf("%s was recorded as %s", what, rec.Kind)
	}
}

const applicationFields = `id kind applicantIin userIin fullName agency position requestedRole reason submittedAt deadline
	status decidedAt deciderIin grantedRole refusalReason slaBreached`

// TestAdministration drives the operator's administration through HTTP:
// applications (registration, role change, block and unblock) decided
// within the day or late, direct blocks, responsible officials, the
// emergency journal and the maintenance notices, each with its role checks.
func TestAdministration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		fx := newFixture(t, cfg, true)
		st := fx.staff(t)
		const agency = "MVD"
		sup := st.supervisor(t, agency)
		op := st.operator(t)
		var workers []official
		for _, o := range fx.officials(t) {
			if o.Agency == agency && o.IIN != sup.IIN && (len(workers) == 0 || workers[len(workers)-1].IIN != o.IIN) {
				workers = append(workers, o)
			}
		}
		if len(workers) < 3 {
			t.Fatalf("%d MVD officials with cases", len(workers))
		}
		mover, leaver, deputy := workers[0], workers[1], workers[2]
		outsider := st.where(t, "a KNB official", func(u sio.User) bool { return u.AgencyCode == "KNB" })

		submit := func(user sio.IIN, in map[string]any) gqlResponse {
			return fx.post(t, user, `mutation($in: ApplicationInput!) { submitApplication(input: $in) { `+applicationFields+` } }`,
				map[string]any{"in": in})
		}
		approve := func(user sio.IIN, id any, role any) gqlResponse {
			return fx.post(t, user, `mutation($id: ID!, $role: String) { approveApplication(id: $id, role: $role) { `+applicationFields+` } }`,
				map[string]any{"id": id, "role": role})
		}
		badArg := func(r gqlResponse, path, arg string) {
			t.Helper()
			if e := r.errorAt(path); e == nil || e.Extensions["code"] != sio.EBADINPUT || e.Extensions["argument"] != arg {
				t.Fatalf("%s: want BAD_USER_INPUT naming %s, got %+v", path, arg, r)
			}
		}
		newcomer := testdb.IIN(t, "1996-03-14", sio.Female, 4321)
		if _, ok := st.users[newcomer]; ok {
			t.Fatal("the newcomer's IIN is registered")
		}
		inquiryQ := `query($b: BasisInput!) { inquiry(basis: $b) { basis } }`

		t.Run("registration", func(t *testing.T) {
			in := map[string]any{"kind": "REGISTRATION", "userIin": newcomer, "fullName": "Жумабекова  Алия Сериковна",
				"position": "Участковый инспектор полиции УМПС ДП г. Астаны", "requestedRole": "DISTRICT_INSPECTOR",
				"reason": "приказ ДП г. Астаны от 10.01.2025 № 15 л/с о назначении"}
			forbiddenAt(t, submit(mover.IIN, in), "submitApplication", authz.ReasonOfficeRequired)
			wrong := map[string]any{}
			for k, v := range in {
				wrong[k] = v
			}
			wrong["requestedRole"] = "JUDGE"
			badArg(submit(sup.IIN, wrong), "submitApplication", "input.requestedRole")
			wrong["requestedRole"], wrong["userIin"] = "DISTRICT_INSPECTOR", mover.IIN
			badArg(submit(sup.IIN, wrong), "submitApplication", "input.userIin")

			r := submit(sup.IIN, in)
			noErrors(t, "submit", r)
			a := get(r.Data, "submitApplication")
			submitted, deadline := parseAstana(t, get(a, "submittedAt")), parseAstana(t, get(a, "deadline"))
			if get(a, "status") != "PENDING" || get(a, "agency") != agency || get(a, "applicantIin") != string(sup.IIN) ||
				get(a, "fullName") != "Жумабекова Алия Сериковна" || deadline.Sub(submitted) != 24*time.Hour ||
				get(a, "slaBreached") != false || get(a, "decidedAt") != nil || time.Since(submitted) > time.Minute {
				t.Fatalf("application %v", a)
			}
			fx.mutated(t, sup.IIN, "submitApplication")
			forbiddenAt(t, approve(sup.IIN, get(a, "id"), nil), "approveApplication", authz.ReasonOfficeRequired)
			badArg(approve(op.IIN, get(a, "id"), "JUDGE"), "approveApplication", "role")

			r = approve(op.IIN, get(a, "id"), "LOCAL_POLICE_OFFICER")
			noErrors(t, "approve", r)
			a = get(r.Data, "approveApplication")
			if get(a, "status") != "APPROVED" || get(a, "grantedRole") != "LOCAL_POLICE_OFFICER" || get(a, "deciderIin") != string(op.IIN) ||
				get(a, "slaBreached") != false || parseAstana(t, get(a, "decidedAt")).Before(submitted) {
				t.Fatalf("approved %v", a)
			}
			fx.mutated(t, op.IIN, "approveApplication")
			badArg(approve(op.IIN, get(a, "id"), nil), "approveApplication", "id")
			// The newcomer is registered with the role granted, the
			// agreement still to sign.
			r = fx.post(t, newcomer, `{ me { iin role { code } agency position agreementSigned blocked duties } }`, nil)
			if noErrors(t, "newcomer's me", r); get(r.Data, "me.role.code") != "LOCAL_POLICE_OFFICER" || get(r.Data, "me.agency") != agency ||
				get(r.Data, "me.agreementSigned") != false || len(get(r.Data, "me.duties").([]any)) != 0 {
				t.Fatalf("newcomer %v", r.Data)
			}
		})

		t.Run("role change on transfer", func(t *testing.T) {
			in := map[string]any{"kind": "ROLE_CHANGE", "position": "Старший оперуполномоченный УКП ДП г. Астаны",
				"requestedRole": "CRIMINAL_POLICE_OFFICER", "reason": "приказ о переводе от 20.01.2025 № 44 л/с"}
			in["userIin"] = leaver.IIN
			badArg(submit(mover.IIN, in), "submitApplication", "input.userIin")
			delete(in, "userIin")
			r := submit(mover.IIN, in)
			noErrors(t, "role change", r)
			id := get(r.Data, "submitApplication.id")
			if get(r.Data, "submitApplication.userIin") != string(mover.IIN) || get(r.Data, "submitApplication.status") != "PENDING" {
				t.Fatalf("role change %v", r.Data)
			}
			badArg(fx.post(t, op.IIN, `mutation($id: ID!) { refuseApplication(id: $id, reason: " ") { id } }`, map[string]any{"id": id}),
				"refuseApplication", "reason")
			r = fx.post(t, op.IIN, `mutation($id: ID!) { refuseApplication(id: $id, reason: "не приложен приказ о переводе") { status refusalReason deciderIin } }`,
				map[string]any{"id": id})
			if noErrors(t, "refuse", r); get(r.Data, "refuseApplication.status") != "REFUSED" ||
				get(r.Data, "refuseApplication.refusalReason") != "не приложен приказ о переводе" {
				t.Fatalf("refused %v", r.Data)
			}
			fx.mutated(t, op.IIN, "refuseApplication")
			r = submit(mover.IIN, in)
			noErrors(t, "role change again", r)
			noErrors(t, "approve role change", approve(op.IIN, get(r.Data, "submitApplication.id"), nil))
			r = fx.post(t, mover.IIN, `{ me { role { code } position } }`, nil)
			if get(r.Data, "me.role.code") != "CRIMINAL_POLICE_OFFICER" || get(r.Data, "me.position") != in["position"] {
				t.Fatalf("after the transfer: %v", r.Data)
			}
		})

		t.Run("block on dismissal and unblock", func(t *testing.T) {
			noErrors(t, "before", fx.post(t, leaver.IIN, inquiryQ, map[string]any{"b": leaver.basis()}))
			forbiddenAt(t, submit(sup.IIN, map[string]any{"kind": "BLOCK", "userIin": outsider.IIN, "reason": "увольнение"}),
				"submitApplication", authz.ReasonOtherAgency)
			r := submit(sup.IIN, map[string]any{"kind": "BLOCK", "userIin": leaver.IIN, "reason": "приказ об увольнении от 01.02.2025 № 70 л/с"})
			noErrors(t, "block", r)
			a := get(r.Data, "submitApplication")
			// Executed on receipt.
			if get(a, "status") != "APPROVED" || get(a, "decidedAt") == nil || get(a, "slaBreached") != false || get(a, "fullName") == "" {
				t.Fatalf("block application %v", a)
			}
			forbiddenAt(t, fx.post(t, leaver.IIN, inquiryQ, map[string]any{"b": leaver.basis()}), "inquiry", authz.ReasonUserBlocked)
			r = submit(sup.IIN, map[string]any{"kind": "UNBLOCK", "userIin": leaver.IIN, "reason": "восстановлен в должности"})
			noErrors(t, "unblock", r)
			if get(r.Data, "submitApplication.status") != "PENDING" {
				t.Fatalf("unblock application %v", r.Data)
			}
			forbiddenAt(t, fx.post(t, leaver.IIN, inquiryQ, map[string]any{"b": leaver.basis()}), "inquiry", authz.ReasonUserBlocked)
			noErrors(t, "approve unblock", approve(op.IIN, get(r.Data, "submitApplication.id"), nil))
			noErrors(t, "after", fx.post(t, leaver.IIN, inquiryQ, map[string]any{"b": leaver.basis()}))

			// The operator blocks and unblocks directly (seed 000 §45).
			blockQ := `mutation($iin: IIN!, $r: String!) { blockUser(iin: $iin, reason: $r) { iin blocked } }`
			forbiddenAt(t, fx.post(t, sup.IIN, blockQ, map[string]any{"iin": leaver.IIN, "r": "нарушение"}), "blockUser", authz.ReasonOfficeRequired)
			badArg(fx.post(t, op.IIN, blockQ, map[string]any{"iin": op.IIN, "r": "проверка"}), "blockUser", "iin")
			r = fx.post(t, op.IIN, blockQ, map[string]any{"iin": leaver.IIN, "r": "запросы о родственниках"})
			if noErrors(t, "blockUser", r); get(r.Data, "blockUser.blocked") != true {
				t.Fatalf("blockUser %v", r.Data)
			}
			fx.mutated(t, op.IIN, "blockUser")
			forbiddenAt(t, fx.post(t, leaver.IIN, inquiryQ, map[string]any{"b": leaver.basis()}), "inquiry", authz.ReasonUserBlocked)
			r = fx.post(t, op.IIN, `mutation($iin: IIN!) { unblockUser(iin: $iin, reason: "проверка завершена") { blocked } }`, map[string]any{"iin": leaver.IIN})
			if noErrors(t, "unblockUser", r); get(r.Data, "unblockUser.blocked") != false {
				t.Fatalf("unblockUser %v", r.Data)
			}
			r = fx.post(t, op.IIN, blockQ, map[string]any{"iin": testdb.IIN(t, "1980-01-01", sio.Male, 4444), "r": "x"})
			if e := r.errorAt("blockUser"); e == nil || e.Extensions["code"] != sio.ENOTFOUND {
				t.Fatalf("block of an unregistered IIN: %+v", r)
			}
		})

		t.Run("responsible officials", func(t *testing.T) {
			q := `mutation($iin: IIN!, $on: Boolean!) { setSupervisor(iin: $iin, supervisor: $on) { iin duties } }`
			period := map[string]any{"from": astanaToday(), "to": astanaToday()}
			reportQ := `query($p: PeriodInput!) { agencyReport(period: $p) { agency } }`
			forbiddenAt(t, fx.post(t, deputy.IIN, reportQ, map[string]any{"p": period}), "agencyReport", authz.ReasonOfficeRequired)
			forbiddenAt(t, fx.post(t, sup.IIN, q, map[string]any{"iin": deputy.IIN, "on": true}), "setSupervisor", authz.ReasonOfficeRequired)
			r := fx.post(t, op.IIN, q, map[string]any{"iin": deputy.IIN, "on": true})
			if noErrors(t, "setSupervisor", r); get(r.Data, "setSupervisor.duties.0") != authz.DutySupervisor {
				t.Fatalf("setSupervisor %v", r.Data)
			}
			r = fx.post(t, deputy.IIN, `{ me { duties } }`, nil)
			if get(r.Data, "me.duties.0") != authz.DutySupervisor {
				t.Fatalf("me.duties %v", r.Data)
			}
			r = fx.post(t, deputy.IIN, reportQ, map[string]any{"p": period})
			if noErrors(t, "deputy's report", r); get(r.Data, "agencyReport.agency") != agency {
				t.Fatalf("report %v", r.Data)
			}
			fx.logRead(t, deputy.IIN, "agencyReport")
			noErrors(t, "withdraw", fx.post(t, op.IIN, q, map[string]any{"iin": deputy.IIN, "on": false}))
			forbiddenAt(t, fx.post(t, deputy.IIN, reportQ, map[string]any{"p": period}), "agencyReport", authz.ReasonOfficeRequired)
			// The accounts of the agency, as its responsible official sees
			// them.
			r = fx.post(t, sup.IIN, `{ officialAccounts { iin agency duties blocked } }`, nil)
			noErrors(t, "officialAccounts", r)
			seen := false
			for _, a := range get(r.Data, "officialAccounts").([]any) {
				if get(a, "agency") != agency {
					t.Fatalf("another agency's account %v", a)
				}
				seen = seen || get(a, "iin") == string(sup.IIN) && get(a, "duties.0") == authz.DutySupervisor
			}
			if !seen {
				t.Fatal("the responsible official is not listed with the duty")
			}
			forbiddenAt(t, fx.post(t, sup.IIN, `{ officialAccounts(agency: "KNB") { iin } }`, nil), "officialAccounts", authz.ReasonOtherAgency)
		})

		t.Run("SLA breach", func(t *testing.T) {
			late := testdb.IIN(t, "1995-07-07", sio.Male, 4322)
			r := submit(sup.IIN, map[string]any{"kind": "REGISTRATION", "userIin": late, "fullName": "Сейітов Арман Болатұлы",
				"position": "Инспектор УАП ДП г. Астаны", "requestedRole": "ADMIN_POLICE_OFFICER", "reason": "приказ о назначении № 81 л/с"})
			noErrors(t, "submit", r)
			id := get(r.Data, "submitApplication.id").(string)
			// Received 25 hours ago and not decided.
			n, err := strconv.Atoi(id)
			testdb.Must(t, err)
			db := fx.g.Admin.DB()
			_, err = db.Exec(t.Context(), db.Q(`UPDATE {applications} SET submitted_at_us = submitted_at_us - ? WHERE id = ?`),
				int64(25*time.Hour/time.Microsecond), n)
			testdb.Must(t, err)
			listQ := `query($s: ApplicationStatus, $b: Boolean) { applications(status: $s, slaBreachedOnly: $b) { id kind status slaBreached deadline } }`
			r = fx.post(t, op.IIN, listQ, map[string]any{"b": true})
			noErrors(t, "breached", r)
			list := get(r.Data, "applications").([]any)
			if len(list) != 1 || get(list[0], "id") != id || get(list[0], "status") != "PENDING" || get(list[0], "slaBreached") != true ||
				!parseAstana(t, get(list[0], "deadline")).Before(time.Now()) {
				t.Fatalf("breached applications %v", list)
			}
			// Decided late, it stays a breach.
			r = approve(op.IIN, id, nil)
			if noErrors(t, "late approval", r); get(r.Data, "approveApplication.slaBreached") != true {
				t.Fatalf("late approval %v", r.Data)
			}
			r = fx.post(t, op.IIN, listQ, map[string]any{"s": "APPROVED"})
			noErrors(t, "approved", r)
			breaches := 0
			for _, a := range get(r.Data, "applications").([]any) {
				if get(a, "status") != "APPROVED" {
					t.Fatalf("status filter: %v", a)
				}
				if get(a, "slaBreached") == true {
					breaches++
				}
			}
			if breaches != 1 || len(get(r.Data, "applications").([]any)) < 4 {
				t.Fatalf("approved applications %v", r.Data)
			}
		})

		t.Run("who sees which applications", func(t *testing.T) {
			count := func(user sio.IIN) (int, map[string]bool) {
				r := fx.post(t, user, `{ applications { userIin applicantIin agency } }`, nil)
				noErrors(t, "applications", r)
				agencies := map[string]bool{}
				for _, a := range get(r.Data, "applications").([]any) {
					agencies[get(a, "agency").(string)] = true
					if user == mover.IIN && get(a, "userIin") != string(mover.IIN) && get(a, "applicantIin") != string(mover.IIN) {
						t.Fatalf("an official sees another's application %v", a)
					}
				}
				return len(get(r.Data, "applications").([]any)), agencies
			}
			all, _ := count(op.IIN)
			mine, _ := count(sup.IIN)
			own, _ := count(mover.IIN)
			none, _ := count(outsider.IIN)
			if all < 6 || mine != all || own != 2 || none != 0 {
				t.Fatalf("operator %d, responsible official %d, transferred official %d, outsider %d", all, mine, own, none)
			}
		})

		t.Run("emergency journal", func(t *testing.T) {
			now := time.Now()
			recordQ := `mutation($in: EmergencyInput!) { recordEmergency(input: $in) { id category actions maxMinutes responsible cause measures
				startedAt endedAt recordedBy recordedAt delayMinutes delayOverHour overMaxTime } }`
			power := map[string]any{"category": "POWER", "actions": "Переключение на резервный ввод, запуск ДГУ", "maxMinutes": 90,
				"responsible": "Ахметов А.А., главный специалист отдела эксплуатации", "cause": "Отключение внешнего электроснабжения ЦОД",
				"measures": "Электроснабжение восстановлено от ДГУ", "startedAt": astanaTime(now.Add(-3 * time.Hour)), "endedAt": astanaTime(now.Add(-time.Hour))}
			forbiddenAt(t, fx.post(t, sup.IIN, recordQ, map[string]any{"in": power}), "recordEmergency", authz.ReasonOfficeRequired)
			bad := map[string]any{}
			for k, v := range power {
				bad[k] = v
			}
			bad["endedAt"] = astanaTime(now.Add(-4 * time.Hour))
			badArg(fx.post(t, op.IIN, recordQ, map[string]any{"in": bad}), "recordEmergency", "input.endedAt")
			r := fx.post(t, op.IIN, recordQ, map[string]any{"in": power})
			noErrors(t, "recordEmergency", r)
			e := get(r.Data, "recordEmergency")
			if get(e, "delayMinutes") != float64(120) || get(e, "delayOverHour") != true || get(e, "overMaxTime") != true ||
				get(e, "recordedBy") != string(op.IIN) || !strings.HasPrefix(get(e, "startedAt").(string), power["startedAt"].(string)+":00+05:00") {
				t.Fatalf("power failure %v", e)
			}
			fx.mutated(t, op.IIN, "recordEmergency")
			ac := map[string]any{"category": "AIR_CONDITIONING", "actions": "Включение резервного кондиционера", "maxMinutes": 60,
				"responsible": "Ахметов А.А.", "cause": "Отказ прецизионного кондиционера", "startedAt": astanaTime(now.Add(-20 * time.Minute))}
			r = fx.post(t, op.IIN, recordQ, map[string]any{"in": ac})
			noErrors(t, "open emergency", r)
			e = get(r.Data, "recordEmergency")
			if get(e, "endedAt") != nil || get(e, "delayOverHour") != false || get(e, "overMaxTime") != false || get(e, "delayMinutes").(float64) < 19 {
				t.Fatalf("open emergency %v", e)
			}
			r = fx.post(t, op.IIN, `mutation($id: ID!, $end: AstanaTime!) { closeEmergency(id: $id, endedAt: $end, measures: "кондиционер отремонтирован") {
				endedAt measures delayOverHour } }`, map[string]any{"id": get(e, "id"), "end": astanaTime(now)})
			if noErrors(t, "closeEmergency", r); get(r.Data, "closeEmergency.endedAt") == nil || get(r.Data, "closeEmergency.measures") != "кондиционер отремонтирован" {
				t.Fatalf("closed %v", r.Data)
			}
			journalQ := `query($p: PeriodInput!) { emergencyJournal(period: $p) { category startedAt delayOverHour } }`
			p := map[string]any{"from": astanaYesterday(), "to": astanaToday()}
			forbiddenAt(t, fx.post(t, sup.IIN, journalQ, map[string]any{"p": p}), "emergencyJournal", authz.ReasonOfficeRequired)
			r = fx.post(t, op.IIN, journalQ, map[string]any{"p": p})
			noErrors(t, "emergencyJournal", r)
			j := get(r.Data, "emergencyJournal").([]any)
			if len(j) != 2 || get(j[0], "category") != "POWER" || get(j[0], "delayOverHour") != true || get(j[1], "delayOverHour") != false {
				t.Fatalf("journal %v", j)
			}
		})

		t.Run("maintenance notices", func(t *testing.T) {
			now := time.Now()
			q := `mutation($in: MaintenanceInput!) { publishMaintenance(input: $in) { id title startsAt endsAt publishedBy } }`
			in := map[string]any{"title": "Плановое обновление СИО ПСО", "description": "Обновление программного обеспечения; сервисы недоступны",
				"startsAt": astanaTime(now.Add(24 * time.Hour)), "endsAt": astanaTime(now.Add(26 * time.Hour))}
			forbiddenAt(t, fx.post(t, sup.IIN, q, map[string]any{"in": in}), "publishMaintenance", authz.ReasonOfficeRequired)
			past := map[string]any{"title": "Завершённые работы", "startsAt": astanaTime(now.Add(-50 * time.Hour)), "endsAt": astanaTime(now.Add(-48 * time.Hour))}
			noErrors(t, "past works", fx.post(t, op.IIN, q, map[string]any{"in": past}))
			bad := map[string]any{"title": "x", "startsAt": in["endsAt"], "endsAt": in["startsAt"]}
			badArg(fx.post(t, op.IIN, q, map[string]any{"in": bad}), "publishMaintenance", "input.endsAt")
			r := fx.post(t, op.IIN, q, map[string]any{"in": in})
			noErrors(t, "publish", r)
			fx.mutated(t, op.IIN, "publishMaintenance")
			// Any user reads the notices of works not yet over.
			r = fx.post(t, outsider.IIN, `{ maintenanceNotices { title description startsAt endsAt } }`, nil)
			noErrors(t, "maintenanceNotices", r)
			ns := get(r.Data, "maintenanceNotices").([]any)
			if len(ns) != 1 || get(ns[0], "title") != in["title"] || !strings.HasSuffix(get(ns[0], "startsAt").(string), "+05:00") {
				t.Fatalf("notices %v", ns)
			}
		})
	})
}
