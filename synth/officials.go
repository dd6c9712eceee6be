package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sio"
	"sio/authz"
)

// RoleSpec describes a role of the access policy for GenerateOfficials: its
// agency and the legal bases it may request.
type RoleSpec struct {
	Code, NameRu, Agency string
	Bases                []BasisSpec
}

// BasisSpec is a basis a role may request and the registry of its cases.
type BasisSpec struct {
	Code, Registry string
}

// CaseAssignment puts a case into an official's caseload.
type CaseAssignment struct {
	Registry, Number string
	IIN              sio.IIN
}

// Officials are SIO's users with their cases, caseloads and the other
// records a basis can name: investigative groups, instructions,
// international requests and court sanctions.
type Officials struct {
	Users           []sio.User
	Cases           []sio.Case
	Assignments     []CaseAssignment
	Groups          []authz.InvestigativeGroup
	Instructions    []authz.Instruction
	LegalAssistance []authz.LegalAssistance
	Sanctions       []authz.CourtSanction
	// Supervisors are the responsible officials of the agencies (duty
	// authz.DutySupervisor): one per agency.
	Supervisors []sio.IIN
}

// Recruits collects, while the population is generated, the adults of the
// population GenerateOfficials makes officials of: living citizens of the
// Republic born 1965-1998 who are married in ЗАГС, so that a spouse (and
// mostly children and parents) of theirs is on record. Add every batch, in
// order; the first maxRecruits such persons of the stream are kept, so the
// choice depends on Seed and Persons only, not on where batches are cut
// (a family never spans two batches).
type Recruits struct {
	people []sio.Person
}

const maxRecruits = 256

// Add takes the recruits of a batch.
func (r *Recruits) Add(b *Batch) {
	if len(r.people) >= maxRecruits {
		return
	}
	married := map[sio.IIN]bool{}
	for _, a := range b.Acts {
		if a.Kind != sio.ActMarriage {
			continue
		}
		for _, p := range a.Parties {
			if p.Role == sio.RoleSpouse {
				married[p.IIN] = true
			}
		}
	}
	lo, hi := mkDay(1965, 1, 1), mkDay(1998, 12, 31)
	for _, p := range b.Persons {
		_, known := regionIdx[p.RegionKATO]
		if d := dayOf(p.BirthDate); p.DeathDate == nil && p.Citizenship == "KZ" && d >= lo && d <= hi &&
			married[p.IIN] && known {
			r.people = append(r.people, p)
			if len(r.people) >= maxRecruits {
				return
			}
		}
	}
}

// SnapshotClock returns the sandbox's clock: the date of the synthetic
// snapshot (Today), at the time of day of now in Astana, so that the
// validity of synthetic instructions and sanctions does not run out.
func SnapshotClock(now func() time.Time) func() time.Time {
	return func() time.Time {
		t := now().In(authz.Astana)
		d := today.time()
		return time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), authz.Astana)
	}
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
//   - the regional users are persons of the population while recruits
//     (see Recruits; nil gives none) outside Astana last: their IIN and
//     name, a unit in their region; they have families in ЗАГС, so that
//     lookups of an official's relatives can be detected;
//   - the other users' IINs are born 1965-1998 with serials 9000-9999, a
//     range Generate never issues (its serials stop at 8999), so they never
//     collide with persons of any Config;
//   - the Astana user of the first role of each agency is the agency's
//     responsible official (Supervisors);
//   - AgreementSignedAt is a date derived from the seed for every user but
//     the regional user of the last role (unsigned); the regional user of
//     the second-to-last role (of the only role, if there is one) is
//     blocked;
//   - every user has one OPEN case per basis of the role in the basis'
//     registry; the Astana user's criminal cases carry an economic article
//     (the first one "245 ч.1"), the regional user's a general one (the
//     first one "188 ч.2");
//   - the first role's Astana user also has a CLOSED case; one case of the
//     first role's first basis is assigned only to a user of another role;
//     one case has an investigative group (§21): assigned to the Astana user
//     of one role, whose group also holds the Astana user of another role
//     sharing the basis (CRIMINAL_CASE if possible);
//   - with two roles that hold CRIMINAL_CASE (investigators preferred as
//     issuers): investigative instructions (§22) from the first role's
//     Astana user to the second role's Astana user on new cases of the
//     issuer, one open, one executed, one overdue, and a prosecutor's
//     instruction when a PROSECUTOR role exists; two international requests
//     for legal assistance executed by the issuer (one open, one executed);
//     electronic court sanctions of ЕАИАС (§28) on the issuer's criminal
//     case (one valid, one expired, one revoked) and one valid sanction on
//     the executor's criminal case.
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
//
// Instructions carry the outgoing number of the issuing unit
// ("RR-AA-YY/NNNN"), international requests the foreign body's number and
// the cover letter of the Prosecutor General's Office ("2-12-YY/NNNN"),
// sanctions the ЕАИАС number of the investigative court's material
// ("RR91-YY-00-1с/NNN").
func GenerateOfficials(cfg Config, roles []RoleSpec, recruits *Recruits) Officials {
	s1, s2 := seedPair(cfg.Seed, 2)
	o := &officialsGen{r: rand.New(rand.NewPCG(s1, s2)), iins: map[sio.IIN]bool{}, serial: map[string]int{}}
	if recruits != nil {
		o.recruits = recruits.people
	}
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
	recruits   []sio.Person
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
			if j == 1 {
				if p := o.recruit(astana); p != nil {
					ri := regionIdx[p.RegionKATO]
					users[i][j] = official{user: o.recruitUser(role, agency, ri, p), region: ri, role: i}
					continue
				}
			}
			ri := astana
			if j == 1 {
				for ri == astana {
					ri = pickCum(o.r, regionCum)
				}
			}
			users[i][j] = official{user: o.user(role, agency, ri), region: ri, role: i}
		}
	}
	supervised := map[string]bool{}
	for i := range users {
		if u := users[i][0].user; !supervised[u.AgencyCode] {
			supervised[u.AgencyCode] = true
			o.out.Supervisors = append(o.out.Supervisors, u.IIN)
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
		head := &users[a][0]
		c := o.newCase(basis, head, true, sio.CaseOpen, 2024)
		o.assign(c, head.user.IIN)
		o.group(c, head.user.IIN, users[b][0].user.IIN)
	}
	o.instructions(roles, users)
	return o.out
}

// groupPair finds two roles sharing a basis (preferring CRIMINAL_CASE) for
// an investigative-group case.
func groupPair(roles []RoleSpec) (int, int, BasisSpec, bool) {
	for _, want := range []string{criminalCase, ""} {
		for a := range roles {
			for b := a + 1; b < len(roles); b++ {
				for _, x := range roles[a].Bases {
					if want != "" && x.Code != want {
						continue
					}
					for _, y := range roles[b].Bases {
						if x.Code == y.Code {
							return a, b, x, true
						}
					}
				}
			}
		}
	}
	return 0, 0, BasisSpec{}, false
}

const criminalCase = "CRIMINAL_CASE"

// criminalRoles are the roles holding CRIMINAL_CASE, investigators first.
func criminalRoles(roles []RoleSpec) (out []int, basis BasisSpec) {
	for pass := 0; pass < 2; pass++ {
		for i, r := range roles {
			if strings.HasPrefix(r.Code, "INVESTIGATOR") != (pass == 0) {
				continue
			}
			for _, b := range r.Bases {
				if b.Code == criminalCase {
					out, basis = append(out, i), b
				}
			}
		}
	}
	return out, basis
}

// instructions makes the records of §22 and §28 (see GenerateOfficials).
func (o *officialsGen) instructions(roles []RoleSpec, users [][2]official) {
	crim, basis := criminalRoles(roles)
	// The executor is a body of criminal prosecution: not a court, not a
	// prosecutor (who issues instructions of its own).
	ex := -1
	for _, i := range crim[min(1, len(crim)):] {
		if c := roles[i].Code; c != "PROSECUTOR" && c != "JUDGE" && ex < 0 {
			ex = i
		}
	}
	if len(crim) < 2 || ex < 0 {
		return
	}
	issuer, executor := &users[crim[0]][0], &users[ex][0]
	for _, st := range []struct {
		status  string
		dueDays int
	}{{authz.InstructionOpen, 25}, {authz.InstructionExecuted, -30}, {authz.InstructionOpen, -3}} {
		c := o.newCase(basis, issuer, true, sio.CaseOpen, 2024)
		o.assign(c, issuer.user.IIN)
		o.instruction(c, authz.InstructionInvestigative, issuer, executor, st.status, st.dueDays)
	}
	for i, r := range roles {
		if r.Code != "PROSECUTOR" {
			continue
		}
		for _, b := range r.Bases {
			if b.Code == criminalCase {
				pr := &users[i][0]
				c := o.newCase(basis, pr, true, sio.CaseOpen, 2023)
				o.assign(c, pr.user.IIN)
				o.instruction(c, authz.InstructionProsecutor, pr, executor, authz.InstructionOpen, 14)
			}
		}
	}
	for _, status := range []string{authz.InstructionOpen, authz.InstructionExecuted} {
		o.legalAssistance(issuer, status)
	}
	own := o.firstCase(issuer.user.IIN, criminalCase)
	for _, st := range []struct {
		status      string
		from, until int // days from Today
	}{{authz.SanctionGranted, -12, 78}, {authz.SanctionGranted, -140, -50}, {authz.SanctionRevoked, -30, 60}} {
		o.sanction(own, st.status, st.from, st.until)
	}
	o.sanction(o.firstCase(executor.user.IIN, criminalCase), authz.SanctionGranted, -5, 85)
}

// firstCase is the user's first open case of the basis.
func (o *officialsGen) firstCase(iin sio.IIN, basis string) *sio.Case {
	for _, a := range o.out.Assignments {
		if a.IIN != iin {
			continue
		}
		for i := range o.out.Cases {
			c := &o.out.Cases[i]
			if c.Registry == a.Registry && c.Number == a.Number && c.Basis == basis && c.Status == sio.CaseOpen {
				return c
			}
		}
	}
	return nil
}

func (o *officialsGen) assign(c *sio.Case, iin sio.IIN) {
	o.out.Assignments = append(o.out.Assignments, CaseAssignment{Registry: c.Registry, Number: c.Number, IIN: iin})
}

// group forms an investigative group on the case, headed by the first
// member.
func (o *officialsGen) group(c *sio.Case, members ...sio.IIN) {
	formed := minDay(dayOf(c.OpenedAt)+day(1+o.r.IntN(15)), today)
	o.out.Groups = append(o.out.Groups, authz.InvestigativeGroup{ID: int64(len(o.out.Groups) + 1), Registry: c.Registry,
		Number: c.Number, HeadIIN: members[0], FormedAt: formed.date(), Members: members})
}

// outgoing is an outgoing number of a unit: "RR-AA-YY/NNNN".
func (o *officialsGen) outgoing(u *official, d day) string {
	aa, ok := agencyCodes[u.user.AgencyCode]
	if !ok {
		aa = "11"
	}
	yy := pad(d.year()%100, 2)
	return regions[u.region].kato + "-" + aa + "-" + yy + "/" + pad(o.serialFor("out"+regions[u.region].kato+aa+yy, 4), 4)
}

func (o *officialsGen) instruction(c *sio.Case, kind string, from, to *official, status string, dueDays int) {
	due := today + day(dueDays)
	issued := minDay(due-day(30+o.r.IntN(30)), today-1)
	issued = max(issued, dayOf(c.OpenedAt))
	o.out.Instructions = append(o.out.Instructions, authz.Instruction{Registry: c.Registry, CaseNumber: c.Number,
		Number: o.outgoing(from, issued), Kind: kind, IssuerIIN: from.user.IIN, IssuingBody: from.user.Position,
		ExecutorIIN: to.user.IIN, IssuedAt: issued.date(), DueAt: due.date(), Status: status})
}

// requestingBodies are foreign bodies sending requests for legal assistance
// in criminal matters, with their country and a sample of their numbering.
var requestingBodies = []struct{ body, country, prefix string }{
	{"Генеральная прокуратура Российской Федерации", "Российская Федерация", "87-"},
	{"Генеральная прокуратура Кыргызской Республики", "Кыргызская Республика", "11-"},
	{"Генеральная прокуратура Республики Узбекистан", "Республика Узбекистан", "15/"},
	{"Генеральная прокуратура Республики Беларусь", "Республика Беларусь", "16-"},
	{"Федеральное министерство юстиции Федеративной Республики Германия", "Федеративная Республика Германия", "RHI-"},
}

// legalAssistance registers a foreign request accepted by the Prosecutor
// General's Office (the authorized body) and passed to the user.
func (o *officialsGen) legalAssistance(u *official, status string) {
	rb := requestingBodies[o.r.IntN(len(requestingBodies))]
	received := today - day(20+o.r.IntN(120))
	due := received + day(90)
	if status == authz.InstructionOpen {
		due = max(due, today+day(30))
	}
	yy := pad(received.year()%100, 2)
	o.out.LegalAssistance = append(o.out.LegalAssistance, authz.LegalAssistance{
		Number:         rb.prefix + itoa(100+o.r.IntN(800)) + "-" + strconv.Itoa(received.year()) + "/" + itoa(1000+o.r.IntN(9000)),
		RequestingBody: rb.body, Country: rb.country,
		CoverLetterNumber: "2-12-" + yy + "/" + pad(o.serialFor("mla"+yy, 4), 4),
		AuthorizedBody:    "Генеральная прокуратура Республики Казахстан",
		ExecutorIIN:       u.user.IIN, Article: o.article(u.user.AgencyCode, true),
		ReceivedAt: received.date(), DueAt: due.date(), Status: status,
	})
}

// investigativeCourts grant the sanctions: the specialized investigative
// court of the region's centre (Астана, Алматы, Шымкент) or of the oblast
// centre.
func investigativeCourt(ri int) string {
	return "Специализированный следственный суд " + regions[ri].gen
}

// sanction registers an electronic court sanction of ЕАИАС on the case.
func (o *officialsGen) sanction(c *sio.Case, status string, from, until int) {
	if c == nil {
		return
	}
	ri := regionIdx[c.Number[2:4]]
	valid := today + day(from)
	granted := max(valid-day(1+o.r.IntN(3)), dayOf(c.OpenedAt))
	judge := o.judgeName(ri)
	yy := pad(granted.year()%100, 2)
	code := regions[ri].kato + "91"
	o.out.Sanctions = append(o.out.Sanctions, authz.CourtSanction{
		Number:   code + "-" + yy + "-00-1с/" + pad(o.serialFor("sanction"+code+yy, 3), 3),
		Registry: c.Registry, CaseNumber: c.Number, Court: investigativeCourt(ri), Judge: judge,
		Measure:   "Негласный контроль почтовых и иных отправлений (УПК РК ст. 231)",
		GrantedAt: granted.date(), ValidFrom: valid.date(), ValidUntil: (today + day(until)).date(), Status: status,
	})
}

// judgeName is the investigating judge's full name.
func (o *officialsGen) judgeName(ri int) string {
	return o.fullName(ri, o.r.IntN(100) < 60, 0)
}

// fullName draws a name of the region's population: surname, given name
// and patronymic, in the Kazakh style (-ұлы/-қызы) at kazakhRate percent
// where the ethnos uses it.
func (o *officialsGen) fullName(ri int, male bool, kazakhRate int) string {
	eth := &ethnoses[ethnos(pickCum(o.r, regionEthCum[ri]))]
	last, first := pick(o.r, eth.surnames), ""
	if male {
		first = pick(o.r, eth.male).name
	} else {
		first = pick(o.r, eth.female)
		if eth.gendered {
			last = feminine(last)
		}
	}
	kz := eth.kazakhPat && o.r.IntN(100) < kazakhRate
	return last + " " + first + " " + patronymic(pick(o.r, eth.male), male, kz)
}

func dayOf(d sio.Date) day { return day(d.Unix() / 86400) }

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
	name := o.fullName(ri, male, 20)
	return sio.User{
		IIN: iin, FullName: name, RoleCode: role.Code, AgencyCode: agency,
		Position: position(role.Code, agency, ri), AgreementSignedAt: o.signed(),
	}
}

// recruit takes the next recruit living outside Astana, nil when none is
// left.
func (o *officialsGen) recruit(astana int) *sio.Person {
	for len(o.recruits) > 0 {
		p := &o.recruits[0]
		o.recruits = o.recruits[1:]
		if regionIdx[p.RegionKATO] != astana && !o.iins[p.IIN] {
			return p
		}
	}
	return nil
}

// recruitUser makes an official of a person of the population, in a unit
// of the person's region.
func (o *officialsGen) recruitUser(role RoleSpec, agency string, ri int, p *sio.Person) sio.User {
	o.iins[p.IIN] = true
	return sio.User{IIN: p.IIN, FullName: strings.TrimSpace(p.LastName + " " + p.FirstName + " " + p.MiddleName),
		RoleCode: role.Code, AgencyCode: agency, Position: position(role.Code, agency, ri), AgreementSignedAt: o.signed()}
}

// signed is when an official signed the usage agreement: a working day
// time after the signing campaign began.
func (o *officialsGen) signed() *time.Time {
	t := (o.signedBase + day(o.r.IntN(90))).time().Add(time.Duration(9*60+o.r.IntN(8*60)) * time.Minute)
	return &t
}

// newCase registers a case of a basis opened by the user's unit.
func (o *officialsGen) newCase(basis BasisSpec, u *official, economic bool, status string, fromYear int) *sio.Case {
	reg := basis.Registry
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
	c := sio.Case{Registry: reg, Basis: basis.Code, Status: status, OpenedAt: opened.date()}
	switch reg {
	case authz.RegistryERDR:
		c.Number = yy + rr + aa + "031" + pad(o.serialFor(reg+yy+rr+aa, 6), 6)
	case authz.RegistryAISSU:
		k := "1"
		if basis.Code == "SEARCH_CASE" {
			k = "2"
		}
		c.Number = yy + rr + aa + k + pad(o.serialFor(reg+yy+rr+aa+k, 6), 6)
	case authz.RegistryEAIAS:
		k, court := "3", "Специализированный межрайонный административный суд "
		if basis.Code == "CIVIL_CASE" {
			k, court = "2", "Специализированный межрайонный экономический суд "
		}
		code := rr + "9" + k
		c.Number = code + "-" + yy + "-00-" + k + "/" + itoa(o.serialFor(reg+code+yy, 4))
		c.Court = court + regions[u.region].gen
		c.Year = opened.year()
	case authz.RegistryAISOIP:
		c.Number = yy + rr + "7" + pad(o.serialFor(reg+yy+rr, 7), 7)
	default: // authz.RegistryORD
		c.Number = yy + rr + aa + "9" + pad(o.serialFor(reg+yy+rr+aa, 6), 6)
	}
	// Criminal cases, reports of crimes, operational cases and tasks carry
	// the criminal-code qualification of the act.
	if reg == authz.RegistryERDR || reg == authz.RegistryORD {
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
