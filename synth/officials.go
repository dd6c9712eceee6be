package synth

import (
	"math/rand/v2"
	"strings"
	"time"

	"sio"
)

// RoleSpec describes a role of the access policy for GenerateOfficials: its
// agency and the legal bases it may use.
type RoleSpec struct {
	Code, NameRu, Agency string
	Bases                []string
}

// CaseAssignment puts a case into an official's caseload.
type CaseAssignment struct {
	Registry, Number string
	IIN              sio.IIN
}

// Officials are SIO's users with their cases and caseloads.
type Officials struct {
	Users       []sio.User
	Cases       []sio.Case
	Assignments []CaseAssignment
}

// Case registries.
const (
	RegistryERDR   = "ERDR"    // ЕРДР: единый реестр досудебных расследований
	RegistryAISSU  = "AIS_SU"  // АИС СУ: специальные учёты (административные и розыскные дела)
	RegistryEAIAS  = "EAIAS"   // ЕАИАС судов
	RegistryAISOIP = "AIS_OIP" // АИС ОИП: исполнительные производства
	RegistryORD    = "ORD"     // учёт дел оперативного учёта
)

// RegistryOf names the registry where cases of a basis are registered; a
// basis code starting with ORD or OTHER_TASKS (the sub-bases of "иные
// задачи") goes to the operational accounting registry.
func RegistryOf(basis string) string {
	switch basis {
	case "CRIMINAL_CASE", "NSD", "SEARCH_MEASURES", "PRIMARY_CHECK":
		return RegistryERDR
	case "ADMIN_CASE_KPSISU", "SEARCH_CASE":
		return RegistryAISSU
	case "ADMIN_CASE_COURT", "CIVIL_CASE":
		return RegistryEAIAS
	case "ENFORCEMENT":
		return RegistryAISOIP
	}
	if strings.HasPrefix(basis, "ORD") || strings.HasPrefix(basis, "OTHER_TASKS") {
		return RegistryORD
	}
	return RegistryERDR
}

// agencyCodes are the 2-digit codes of the registering body used in case
// numbers (AA below).
var agencyCodes = map[string]string{
	"MVD": "00", "PROSECUTOR_OFFICE": "01", "KNB": "02", "ANTICORRUPTION": "03", "AFM": "04", "MOD": "05",
	"EMERGENCY": "06", "SGO": "07", "COURT": "08", "ENFORCEMENT_SERVICE": "09", "KPSISU": "10",
}

// Criminal Code of the Republic of Kazakhstan (2014) articles of cases:
// economic ones (in the list of doc 000 App.3 / doc 002 App.8) and general
// ones.
var (
	economicArticles = []string{"245 ч.1", "218 ч.2", "216 ч.2", "214 ч.2", "217 ч.1", "244", "249 ч.1"}
	generalArticles  = []string{"188 ч.2", "190 ч.2", "191 ч.2", "297 ч.1", "106 ч.1", "192 ч.2", "189 ч.3"}
	agencyArticles   = map[string][]string{
		"ANTICORRUPTION": {"366 ч.2", "367 ч.1", "189 ч.3", "361 ч.1"},
		"KNB":            {"255 ч.1", "258 ч.1", "286 ч.1", "184 ч.1"},
		"MOD":            {"439 ч.1", "442 ч.1", "188 ч.2"},
		"SGO":            {"380 ч.1", "188 ч.1"},
	}
)

// GenerateOfficials makes SIO's users deterministically from cfg.Seed:
//
//   - every role gets 2 users: one in Astana, one in another region, with the
//     role's agency (RoleSpec.Agency, else inferred from the code), a
//     position of that agency's local unit and a full name;
//   - user IINs are born 1965-1998 with serials 9000-9999, a range Generate
//     never issues (its serials stop at 8999), so they never collide with
//     persons of any Config;
//   - AgreementSignedAt is a date derived from the seed for every user but
//     the regional user of the last role (unsigned); the regional user of
//     the second-to-last role (of the only role, if there is one) is
//     blocked;
//   - every user has one OPEN case per basis of the role; the Astana user's
//     criminal cases carry an economic article (the first one "245 ч.1"),
//     the regional user's a general one (the first one "188 ч.2");
//   - the first role's Astana user also has a CLOSED case; one case of the
//     first role's first basis is assigned only to a user of another role;
//     one case (an investigative group) is assigned to the Astana users of
//     two roles sharing a basis (CRIMINAL_CASE if possible).
//
// Case numbers (YY: year opened, RR: KATO region of the user, AA: agency
// code 00 МВД, 01 прокуратура, 02 КНБ, 03 АПК, 04 АФМ, 05 МО, 06 ЧС, 07 СГО,
// 08 суд, 09 исполнительное производство, 10 КПСиСУ):
//
//	ERDR    YY RR AA 031 NNNNNN  15 digits, e.g. 241500031000123
//	AIS_SU  YY RR AA K NNNNNN    13 digits, K = 1 administrative, 2 search case
//	EAIAS   RR9K-YY-00-K/NNNN    court code RR9K (K = 3 administrative, 2 civil)
//	AIS_OIP YY RR 7 NNNNNNN      12 digits
//	ORD     YY RR AA 9 NNNNNN    13 digits
func GenerateOfficials(cfg Config, roles []RoleSpec) Officials {
	s1, s2 := seedPair(cfg.Seed, 2)
	o := &officialsGen{r: rand.New(rand.NewPCG(s1, s2)), iins: map[sio.IIN]bool{}, serial: map[string]int{}}
	o.signedBase = mkDay(2024, 1, 10) + day(o.r.IntN(150))
	return o.run(roles)
}

type official struct {
	user   sio.User
	region int
	role   int
}

type officialsGen struct {
	r          *rand.Rand
	iins       map[sio.IIN]bool
	next       int
	serial     map[string]int
	econN      int
	genN       int
	signedBase day
	out        Officials
}

func (o *officialsGen) run(roles []RoleSpec) Officials {
	astana := regionIdx["71"]
	users := make([][2]official, len(roles))
	for i, role := range roles {
		agency := role.Agency
		if agency == "" {
			agency = inferAgency(role.Code)
		}
		for j := 0; j < 2; j++ {
			ri := astana
			if j == 1 {
				for ri == astana {
					ri = pickCum(o.r, regionCum)
				}
			}
			users[i][j] = official{user: o.user(role, agency, ri), region: ri, role: i}
		}
	}
	if n := len(roles); n > 0 {
		users[n-1][1].user.AgreementSignedAt = nil
		users[max(n-2, 0)][1].user.Blocked = true
	}
	for i, role := range roles {
		for j := 0; j < 2; j++ {
			u := &users[i][j]
			o.out.Users = append(o.out.Users, u.user)
			for _, b := range role.Bases {
				c := o.newCase(b, u, j == 0, sio.CaseOpen, 2023)
				o.assign(c, u.user.IIN)
			}
		}
	}
	if len(roles) > 0 && len(roles[0].Bases) > 0 {
		first := &users[0][0]
		b := roles[0].Bases[0]
		closed := o.newCase(b, first, true, sio.CaseClosed, 2021)
		o.assign(closed, first.user.IIN)
		colleague := &users[0][1]
		if len(roles) > 1 {
			colleague = &users[1][0]
		}
		c := o.newCase(b, first, false, sio.CaseOpen, 2023)
		o.assign(c, colleague.user.IIN)
	}
	if a, b, basis, ok := groupPair(roles); ok {
		c := o.newCase(basis, &users[a][0], true, sio.CaseOpen, 2024)
		o.assign(c, users[a][0].user.IIN)
		o.assign(c, users[b][0].user.IIN)
	} else if len(roles) > 0 && len(roles[0].Bases) > 0 {
		c := o.newCase(roles[0].Bases[0], &users[0][0], true, sio.CaseOpen, 2024)
		o.assign(c, users[0][0].user.IIN)
		o.assign(c, users[0][1].user.IIN)
	}
	return o.out
}

// groupPair finds two roles sharing a basis (preferring CRIMINAL_CASE) for
// an investigative-group case.
func groupPair(roles []RoleSpec) (int, int, string, bool) {
	for _, want := range []string{"CRIMINAL_CASE", ""} {
		for a := range roles {
			for b := a + 1; b < len(roles); b++ {
				for _, x := range roles[a].Bases {
					if want != "" && x != want {
						continue
					}
					for _, y := range roles[b].Bases {
						if x == y {
							return a, b, x, true
						}
					}
				}
			}
		}
	}
	return 0, 0, "", false
}

func (o *officialsGen) assign(c *sio.Case, iin sio.IIN) {
	o.out.Assignments = append(o.out.Assignments, CaseAssignment{Registry: c.Registry, Number: c.Number, IIN: iin})
}

func (o *officialsGen) user(role RoleSpec, agency string, ri int) sio.User {
	male := o.r.IntN(100) < 72
	birth := mkDay(1965, 1, 1) + day(o.r.IntN(int(mkDay(1998, 12, 31)-mkDay(1965, 1, 1))))
	g := sio.Female
	if male {
		g = sio.Male
	}
	var iin sio.IIN
	for {
		serial := officialSerialMin + o.next%(10000-officialSerialMin)
		o.next++
		if o.next%(10000-officialSerialMin) == 0 {
			birth++ // the serial range is used up on this date
		}
		if x, ok := sio.MakeIIN(birth.time(), g, serial); ok && !o.iins[x] {
			iin = x
			break
		}
	}
	o.iins[iin] = true
	e := ethnos(pickCum(o.r, regionEthCum[ri]))
	eth := &ethnoses[e]
	last := pick(o.r, eth.surnames)
	first := ""
	if male {
		first = pick(o.r, eth.male).name
	} else {
		first = pick(o.r, eth.female)
		if eth.gendered {
			last = feminine(last)
		}
	}
	kz := eth.kazakhPat && o.r.IntN(100) < 20
	middle := patronymic(pick(o.r, eth.male), male, kz)
	signed := (o.signedBase + day(o.r.IntN(90))).time().Add(time.Duration(9*60+o.r.IntN(8*60)) * time.Minute)
	return sio.User{
		IIN: iin, FullName: last + " " + first + " " + middle, RoleCode: role.Code, AgencyCode: agency,
		Position: position(role.Code, agency, ri), AgreementSignedAt: &signed,
	}
}

// newCase registers a case of a basis opened by the user's unit.
func (o *officialsGen) newCase(basis string, u *official, economic bool, status string, fromYear int) *sio.Case {
	reg := RegistryOf(basis)
	opened := mkDay(fromYear, 1, 10) + day(o.r.IntN(700))
	if status == sio.CaseOpen {
		opened = minDay(opened, today-20)
	}
	yy := pad(opened.year()%100, 2)
	rr := regions[u.region].kato
	aa, ok := agencyCodes[u.user.AgencyCode]
	if !ok {
		aa = "11"
	}
	c := sio.Case{Registry: reg, Basis: basis, Status: status, OpenedAt: opened.date()}
	switch reg {
	case RegistryERDR:
		c.Number = yy + rr + aa + "031" + pad(o.serialFor(reg+yy+rr+aa, 6), 6)
	case RegistryAISSU:
		k := "1"
		if basis == "SEARCH_CASE" {
			k = "2"
		}
		c.Number = yy + rr + aa + k + pad(o.serialFor(reg+yy+rr+aa+k, 6), 6)
	case RegistryEAIAS:
		k, court := "3", "Специализированный межрайонный административный суд "
		if basis == "CIVIL_CASE" {
			k, court = "2", "Специализированный межрайонный экономический суд "
		}
		code := rr + "9" + k
		c.Number = code + "-" + yy + "-00-" + k + "/" + itoa(o.serialFor(reg+code+yy, 4))
		c.Court = court + regions[u.region].gen
		c.Year = opened.year()
	case RegistryAISOIP:
		c.Number = yy + rr + "7" + pad(o.serialFor(reg+yy+rr, 7), 7)
	case RegistryORD:
		c.Number = yy + rr + aa + "9" + pad(o.serialFor(reg+yy+rr+aa, 6), 6)
	}
	if reg == RegistryERDR || (reg == RegistryORD && !strings.HasPrefix(basis, "OTHER_TASKS")) {
		c.Article = o.article(u.user.AgencyCode, economic)
	}
	o.out.Cases = append(o.out.Cases, c)
	return &o.out.Cases[len(o.out.Cases)-1]
}

// serialFor returns the next serial of a numbering series (random start and
// gaps, as other units register cases in between).
func (o *officialsGen) serialFor(series string, digits int) int {
	n, ok := o.serial[series]
	if !ok {
		n = 1 + o.r.IntN(300)
		if digits >= 6 {
			n = 100 + o.r.IntN(900)
		}
	}
	n += 1 + o.r.IntN(40)
	o.serial[series] = n
	return n
}

func (o *officialsGen) article(agency string, economic bool) string {
	if economic {
		a := economicArticles[o.econN%len(economicArticles)]
		o.econN++
		return a
	}
	list := generalArticles
	if l, ok := agencyArticles[agency]; ok && o.genN > 0 {
		list = l
	}
	a := list[o.genN%len(list)]
	o.genN++
	return a
}

func inferAgency(role string) string {
	switch {
	case strings.Contains(role, "NATIONAL_SECURITY"):
		return "KNB"
	case strings.Contains(role, "ANTICORRUPTION"):
		return "ANTICORRUPTION"
	case strings.Contains(role, "FINANCIAL") || strings.HasPrefix(role, "AFM"):
		return "AFM"
	case strings.Contains(role, "PROSECUTOR"):
		return "PROSECUTOR_OFFICE"
	case strings.Contains(role, "JUDGE"):
		return "COURT"
	case strings.Contains(role, "BAILIFF"):
		return "ENFORCEMENT_SERVICE"
	case strings.Contains(role, "MILITARY"):
		return "MOD"
	case strings.Contains(role, "EMERGENCY"):
		return "EMERGENCY"
	case strings.Contains(role, "STATE_GUARD"):
		return "SGO"
	case strings.Contains(role, "SYSTEM_ADMIN"):
		return "KPSISU"
	}
	return "MVD"
}

// roleTitles are position titles (followed by the unit in the genitive).
var roleTitles = map[string]string{
	"PROSECUTOR":                          "Прокурор отдела по надзору за законностью досудебного расследования",
	"SYSTEM_ADMINISTRATOR":                "Главный специалист отдела информационных систем",
	"JUDGE":                               "Судья",
	"INVESTIGATOR_INTERNAL_AFFAIRS":       "Старший следователь следственного управления",
	"INVESTIGATOR_NATIONAL_SECURITY":      "Следователь следственного отдела",
	"INVESTIGATOR_ANTICORRUPTION":         "Старший следователь следственного управления",
	"INVESTIGATOR_FINANCIAL_MONITORING":   "Следователь следственного управления",
	"INQUIRER_INTERNAL_AFFAIRS":           "Старший дознаватель отдела дознания",
	"INQUIRER_NATIONAL_SECURITY":          "Дознаватель отдела дознания",
	"ANTICORRUPTION_OFFICER":              "Старший офицер управления по расследованию коррупционных преступлений",
	"FINANCIAL_MONITORING_OFFICER":        "Офицер управления финансового мониторинга",
	"MILITARY_POLICE_OFFICER":             "Старший офицер отдела дознания",
	"PENITENTIARY_OFFICER":                "Старший инспектор оперативного отдела",
	"EMERGENCY_SITUATIONS_OFFICER":        "Главный специалист отдела государственного контроля",
	"BAILIFF":                             "Государственный судебный исполнитель",
	"INQUIRER_STATE_GUARD":                "Дознаватель",
	"ADMIN_POLICE_OFFICER":                "Старший инспектор управления административной полиции",
	"CRIMINAL_POLICE_OFFICER":             "Старший оперуполномоченный управления криминальной полиции",
	"DISTRICT_INSPECTOR":                  "Участковый инспектор полиции управления местной полицейской службы",
	"JUVENILE_POLICE_OFFICER":             "Инспектор ювенальной полиции управления местной полицейской службы",
	"ANTI_DRUG_OFFICER":                   "Оперуполномоченный управления по противодействию наркопреступности",
	"ECONOMIC_CRIME_OFFICER":              "Старший оперуполномоченный управления по борьбе с экономическими преступлениями",
	"OPERATIVE_INTERNAL_AFFAIRS":          "Оперуполномоченный управления криминальной полиции",
	"ORGANIZED_CRIME_OFFICER":             "Старший оперуполномоченный управления по противодействию организованной преступности",
	"HR_OFFICER":                          "Старший инспектор управления кадровой работы",
	"ANTICORRUPTION_OPERATIVE":            "Старший оперуполномоченный оперативного управления",
	"AFM_ECONOMIC_INVESTIGATIONS_OFFICER": "Оперуполномоченный управления экономических расследований",
	"CIVIL_PROTECTION_OFFICER":            "Инспектор управления гражданской защиты",
	"MIGRATION_POLICE_OFFICER":            "Старший инспектор управления миграционной службы",
	"PROBATION_OFFICER":                   "Инспектор службы пробации",
	"INFO_ANALYTICS_OFFICER":              "Аналитик информационно-аналитического центра",
	"OPERATIONAL_PLANNING_OFFICER":        "Старший инспектор отдела оперативного планирования",
	"LICENSING_OFFICER":                   "Инспектор отдела лицензионно-разрешительной работы",
	"LOCAL_POLICE_OFFICER":                "Старший инспектор управления местной полицейской службы",
}

// position is the user's post: the role's title and the local unit of the
// agency in the user's region.
func position(role, agency string, ri int) string {
	title, ok := roleTitles[role]
	if !ok {
		title = "Старший специалист"
	}
	r := &regions[ri]
	var unit string
	switch agency {
	case "MVD":
		unit = "Департамента полиции " + r.gen
		if role == "PENITENTIARY_OFFICER" {
			unit = "Департамента уголовно-исполнительной системы по " + r.dat
		}
	case "KNB":
		unit = "Департамента Комитета национальной безопасности по " + r.dat
	case "ANTICORRUPTION":
		unit = "Департамента Агентства по противодействию коррупции по " + r.dat
	case "AFM":
		unit = "Департамента экономических расследований по " + r.dat
	case "PROSECUTOR_OFFICE":
		unit = "прокуратуры " + r.gen
	case "KPSISU":
		unit = "Управления Комитета по правовой статистике и специальным учетам по " + r.dat
	case "COURT":
		unit = "Специализированного межрайонного административного суда " + r.gen
	case "MOD":
		unit = "Управления военной полиции по " + r.dat
	case "EMERGENCY":
		unit = "Департамента по чрезвычайным ситуациям " + r.gen
	case "ENFORCEMENT_SERVICE":
		unit = "Департамента юстиции " + r.gen
	case "SGO":
		unit = "Управления Службы государственной охраны по " + r.dat
	default:
		unit = "по " + r.dat
	}
	return title + " " + unit
}
