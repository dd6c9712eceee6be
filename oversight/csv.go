package oversight

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"sio/authz"
)

// File is a document of a report: UTF-8 text.
type File struct {
	Name, MediaType, Content string
}

const csvType = "text/csv; charset=utf-8"

// Headers and labels are Russian: the documents go to the officials of
// the agencies and the prosecutor's office.
var violationRu = map[ViolationKind]string{
	ViolationOutsideCaseload: "Запрос вне производства",
	ViolationUnusualVolume:   "Необычный объём запросов",
	ViolationColleague:       "Запрос о сотруднике",
	ViolationRelative:        "Запрос о родственнике",
}

// astanaText formats an instant in Astana time for documents.
func astanaText(t time.Time) string { return t.In(authz.Astana).Format("02.01.2006 15:04:05") }

func table(header []string, rows [][]string) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(header)
	w.WriteAll(rows)
	return buf.String()
}

// CSV renders the report as three tables (RFC 4180, comma-separated):
// the requests, the users' summary and the violations.
func (r *AgencyReport) CSV() []File {
	base := "otchet-" + strings.ToLower(r.Agency) + "-" + r.From.String() + "-" + r.To.String()
	var reqs [][]string
	for _, e := range r.Entries {
		var denials, flags []string
		for _, d := range e.Denials {
			denials = append(denials, d.Path+": "+d.Reason)
		}
		for _, v := range e.Violations {
			flags = append(flags, violationRu[v.Kind])
		}
		reqs = append(reqs, []string{astanaText(e.At), strconv.FormatInt(e.Seq, 10), e.UserIIN, e.UserName, e.Role,
			e.Basis, e.CaseNumber, e.Justification, strings.Join(e.Services, " "), strings.Join(e.Subjects, " "),
			strings.Join(denials, "; "), strings.Join(flags, "; ")})
	}
	var users [][]string
	for _, u := range r.Users {
		blocked := "нет"
		if u.Blocked {
			blocked = "да"
		}
		users = append(users, []string{u.UserIIN, u.FullName, u.RoleCode, u.Position, blocked, strconv.Itoa(u.Requests),
			strconv.Itoa(u.Denied), strconv.Itoa(u.Violations), strings.Join(u.Services, " ")})
	}
	var vs [][]string
	for _, v := range r.Violations {
		seq := ""
		if v.Seq != 0 {
			seq = strconv.FormatInt(v.Seq, 10)
		}
		vs = append(vs, []string{astanaText(v.At), violationRu[v.Kind], v.UserIIN, v.UserName, seq, v.Subject, v.DetailRu})
	}
	return []File{
		{Name: base + "-zaprosy.csv", MediaType: csvType, Content: table([]string{"Дата и время (Астана)", "№ записи журнала",
			"ИИН пользователя", "ФИО пользователя", "Роль", "Основание", "Номер дела", "Обоснование", "Сервисы", "Субъекты запроса",
			"Отказы", "Признаки нарушений"}, reqs)},
		{Name: base + "-polzovateli.csv", MediaType: csvType, Content: table([]string{"ИИН", "ФИО", "Роль", "Должность",
			"Заблокирован", "Запросов", "Отказов", "Нарушений", "Сервисы"}, users)},
		{Name: base + "-narusheniya.csv", MediaType: csvType, Content: table([]string{"Дата и время (Астана)", "Вид нарушения",
			"ИИН пользователя", "ФИО пользователя", "№ записи журнала", "Субъект", "Пояснение"}, vs)},
	}
}

// CSV renders the operator's report: a line per agency and the total.
func (r *OperatorReport) CSV() File {
	header := []string{"Код органа", "Орган", "Запросов", "Отказов", "Пользователей", "Нарушений"}
	for _, k := range ViolationKinds {
		header = append(header, violationRu[k])
	}
	line := func(a AgencyTotals) []string {
		row := []string{a.Agency, a.AgencyNameRu, strconv.Itoa(a.Requests), strconv.Itoa(a.Denied), strconv.Itoa(a.Users),
			strconv.Itoa(a.Violations)}
		for _, k := range a.ByKind {
			row = append(row, strconv.Itoa(k.Count))
		}
		return row
	}
	var rows [][]string
	for _, a := range r.Agencies {
		rows = append(rows, line(a))
	}
	rows = append(rows, line(r.Total))
	return File{Name: "otchet-operatora-" + r.From.String() + "-" + r.To.String() + ".csv", MediaType: csvType,
		Content: table(header, rows)}
}
