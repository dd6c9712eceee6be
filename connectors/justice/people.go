package justice

import (
	"strconv"

	"sio"
	"sio/synth"
)

// Administrative offences of note, dactyloscopic registration, expulsions
// of foreign citizens and missing persons.

// ЕРАП, the electronic register of administrative proceedings, starts in
// 2015: older administrative offences are not in the special records.
var erapStart = sio.MustDate("2015-01-01")

// offences draws the administrative offences of note of an adult: about 6%
// of men and 1.2% of women since 2015, 1-3 each; a third of the foreign
// citizens broke the migration law, and the court expelled about half of
// them.
func (m *Model) offences(f *Facts, s *subject) {
	p, r := s.p, s.r
	if s.age < 18 {
		return
	}
	from := maxDate(erapStart, years(p.BirthDate, 18))
	to := s.end()
	if !from.Before(to.Time) {
		return
	}
	if p.Citizenship != "KZ" && (!m.expelled || synth.Chance(r, 0.35)) {
		m.offence(f, s, &migrationOffence, between(r, from, to))
	}
	prob := 0.012
	if s.male {
		prob = 0.06
	}
	if !synth.Chance(r, prob) {
		return
	}
	for range 1 + r.IntN(3) {
		m.offence(f, s, offenceTable.Pick(r), between(r, from, to))
	}
}

func (m *Model) offence(f *Facts, s *subject, o *offence, d sio.Date) {
	r := s.r
	pl := s.Place()
	recorder := pl.Police()
	if o == &migrationOffence {
		recorder = pl.Migration()
	}
	o2 := sio.AdministrativeOffence{
		CaseNumber: m.aisSUNumber(r, d, pl.KATO(), agencyPolice, "1"), PersonIIN: s.p.IIN, CodeRu: "КоАП РК 2014",
		Article: o.article, ArticleRu: o.nameRu, CommittedAt: d, RegionKATO: pl.KATO(), RecordedBy: recorder,
		DecidedAt: minDate(days(d, 1+r.IntN(14)), s.end()), DecidedBy: recorder,
	}
	expel := o == &migrationOffence && (!m.expelled || synth.Chance(r, 0.55))
	switch {
	case o.warning && synth.Chance(r, 0.4):
		o2.Penalty, o2.PenaltyRu, o2.ExecutionRu = sio.PenaltyWarning, "предупреждение", "Исполнено"
	case o.arrest && synth.Chance(r, 0.35):
		n := 3 + r.IntN(13)
		o2.Penalty, o2.ArrestDays = sio.PenaltyArrest, &n
		o2.PenaltyRu = "административный арест сроком на " + strconv.Itoa(n) + " " + plural(n, "сутки", "суток", "суток")
		o2.ExecutionRu = "Арест отбыт в специальном приёмнике " + pl.PoliceDepartment()
	default:
		n := o.fineMRP[0] + r.IntN(o.fineMRP[1]-o.fineMRP[0]+1)
		fine := mrpTiyn(n, o2.DecidedAt.Year())
		o2.Penalty, o2.FineTiyn = sio.PenaltyFine, &fine
		o2.PenaltyRu = "штраф в размере " + strconv.Itoa(n) + " МРП (" + sio.Money(fine).String() + " тенге)"
		if synth.Chance(r, 0.72) {
			o2.ExecutionRu = "Штраф оплачен"
		} else {
			o2.ExecutionRu = "Штраф не оплачен в срок: постановление направлено на принудительное исполнение"
			m.enforce(f, r, claim{debtor: s, place: pl, kind: sio.ClaimAdministrativeFine,
				claimRu: "Административный штраф (ст. " + o.article + " КоАП РК)", creditorName: "Государство (доход местного бюджета)",
				amount: fine, doc: sio.DocumentAdminRuling, docNumber: o2.CaseNumber, docIssuer: o2.DecidedBy,
				docDate: days(o2.DecidedAt, 40+r.IntN(30)), state: true})
		}
	}
	if expel {
		o2.PenaltyRu += " с административным выдворением за пределы Республики Казахстан"
		o2.Expulsion = true
	}
	if o2.Penalty == sio.PenaltyArrest || expel {
		// Arrest and expulsion are for a court to decide.
		court := pl.AdministrativeCourt()
		o2.DecidedBy = court.Name
		no := m.courtCaseNumber(r, court, o2.DecidedAt, sio.CourtAdministrative)
		decided := o2.DecidedAt
		received := days(decided, -1-r.IntN(3))
		cc := sio.CourtCase{Number: no, CourtName: court.Name, RegionKATO: pl.KATO(), Category: sio.CourtAdministrative,
			SubjectRu: "ст. " + o.article + " КоАП РК — " + o.nameRu, JudgeName: m.rosters.pick(r, court.Name, 6),
			ReceivedAt: received, Status: sio.CourtCaseDecided, DecidedAt: &decided, ResultRu: ptr("Постановление: " + o2.PenaltyRu)}
		if inForce := days(decided, 10); !inForce.After(synth.Today().Time) {
			cc.InForceAt = &inForce
		}
		f.CourtCases = append(f.CourtCases, cc)
		f.CourtParties = append(f.CourtParties, personParty(no, sio.PartyOffender, "лицо, привлекаемое к административной ответственности", s.p))
		if expel {
			m.expel(f, s, sio.Expulsion{DecisionNumber: no, Ground: sio.ExpulsionAdministrative,
				GroundRu: "Административное выдворение (ст. " + o.article + " КоАП РК)", DecidedBy: court.Name,
				RegionKATO: pl.KATO(), DecisionDate: decided, Deadline: days(decided, 10)}, 5)
		}
	}
	f.Offences = append(f.Offences, o2)
}

// expelConvict orders the expulsion of a convicted foreigner, executed when
// the main punishment ends.
func (m *Model) expelConvict(f *Facts, s *subject, rec *sio.CriminalRecord, end sio.Date) {
	m.expel(f, s, sio.Expulsion{DecisionNumber: *rec.CourtCaseNumber, Ground: sio.ExpulsionCriminal,
		GroundRu:  "Выдворение за пределы Республики Казахстан как дополнительное наказание (ст. 51 УК РК)",
		DecidedBy: *rec.CourtName, RegionKATO: rec.RegionKATO, DecisionDate: *rec.OutcomeDate, Deadline: end}, 10)
}

// checkpoints of departure by the citizenship of the expelled.
var checkpoints = map[string][]string{
	"UZ": {"МАПП «Жибек жолы» (Туркестанская область)", "МАПП «Казыгурт» (Туркестанская область)", "Международный аэропорт Шымкент"},
	"KG": {"МАПП «Қордай» (Жамбылская область)", "МАПП «Ақ жол» (Жамбылская область)", "Международный аэропорт Алматы"},
	"RU": {"МАПП «Жайсан» (Актюбинская область)", "МАПП «Кайрак» (Северо-Казахстанская область)", "Международный аэропорт Нурсултан Назарбаев"},
	"CN": {"МАПП «Нур жолы» (область Жетісу)", "МАПП «Бахты» (область Абай)", "Международный аэропорт Алматы"},
}

// expel records an expulsion and its execution. Interpretation: after an
// administrative expulsion a foreigner may not enter for five years (Закон
// «О миграции населения»); after expulsion by a sentence the ban is taken
// as ten years.
func (m *Model) expel(f *Facts, s *subject, e sio.Expulsion, banYears int) {
	m.expelled = true
	r := s.r
	today := synth.Today()
	e.PersonIIN, e.Citizenship, e.Status = s.p.IIN, s.p.Citizenship, sio.ExpulsionPending
	if e.Deadline.After(today.Time) || synth.Chance(r, 0.08) {
		f.Expulsions = append(f.Expulsions, e)
		return
	}
	left := days(e.Deadline, -r.IntN(8))
	if left.Before(e.DecisionDate.Time) {
		left = e.DecisionDate
	}
	cps, ok := checkpoints[s.p.Citizenship]
	if !ok {
		cps = checkpoints["RU"]
	}
	cp := cps[r.IntN(len(cps))]
	e.Status = sio.ExpulsionSelfDeparted
	if synth.Chance(r, 0.55) {
		e.Status = sio.ExpulsionExecuted
	}
	e.ExecutedAt, e.Checkpoint, e.EntryBanUntil = &left, &cp, ptr(years(left, banYears))
	f.Expulsions = append(f.Expulsions, e)
}

// dactyloscopy registers the fingerprints of everyone prosecuted (at the
// first registration of a case) and of foreign citizens applying for a
// residence permit (mandatory since 2018).
func (m *Model) dactyloscopy(f *Facts, s *subject) {
	r, p := s.r, s.p
	var rec *sio.CriminalRecord
	for i := len(f.CriminalRecords) - 1; i >= 0 && f.CriminalRecords[i].PersonIIN == p.IIN; i-- {
		rec = &f.CriminalRecords[i]
	}
	switch {
	case rec != nil:
		pl := s.Place()
		d := minDate(days(rec.RegisteredAt, 1+r.IntN(10)), s.end())
		f.Dactyloscopy = append(f.Dactyloscopy, sio.DactyloscopicRecord{PersonIIN: p.IIN,
			CardNumber: m.dactyloCard(s, d), RegisteredAt: d,
			RegisteredBy: "Оперативно-криминалистический отдел " + pl.Police(), Reason: sio.DactyloscopyCriminal,
			ReasonRu: "Подозреваемый (обвиняемый) в совершении уголовного правонарушения, ЕРДР/КУ № " + rec.CaseNumber})
	case p.Citizenship != "KZ" && s.age >= 16 && synth.Chance(r, 0.85):
		from := maxDate(sio.MustDate("2018-01-01"), years(p.BirthDate, 16))
		if !from.Before(s.end().Time) {
			return
		}
		pl := s.Place()
		d := between(r, from, s.end())
		f.Dactyloscopy = append(f.Dactyloscopy, sio.DactyloscopicRecord{PersonIIN: p.IIN,
			CardNumber: m.dactyloCard(s, d), RegisteredAt: d, RegisteredBy: pl.Migration(), Reason: sio.DactyloscopyForeigner,
			ReasonRu: "Обязательная дактилоскопическая регистрация иностранца при оформлении вида на жительство"})
	}
}

// dactyloCard numbers a dactyloscopic card: ДК-RR-YY-NNNNNN.
func (m *Model) dactyloCard(s *subject, d sio.Date) string {
	kato := s.Place().KATO()
	return "ДК-" + kato + "-" + yy(d) + "-" + Pad(m.next(s.r, "dk"+kato+yy(d), 1000), 6)
}

// missing draws the missing-person reports of a living person: about 3% of
// children aged 10-17 (runaways), 0.6% of men and 0.3% of women, 1.2% of
// the elderly (70+) were once reported missing within the last 15 years;
// almost all were found. A person in prison or hiding from the
// investigation is not reported missing.
func (m *Model) missing(f *Facts, s *subject) {
	p, r := s.p, s.r
	if p.DeathDate != nil {
		return
	}
	today := synth.Today()
	age := s.age
	var prob float64
	switch {
	case age >= 10 && age < 18:
		prob = 0.03
	case age >= 18 && age < 70 && s.male:
		prob = 0.006
	case age >= 18 && age < 70:
		prob = 0.003
	case age >= 70:
		prob = 0.012
	}
	if prob == 0 || !synth.Chance(r, prob) {
		return
	}
	from := maxDate(years(p.BirthDate, 10), years(today, -15))
	if age >= 70 {
		from = maxDate(years(p.BirthDate, 68), from)
	}
	seen := between(r, from, days(today, -1))
	if !s.free(seen) {
		return
	}
	pl := s.Place()
	ageThen := synth.AgeAt(p, seen)
	group := adultMissing
	switch {
	case ageThen < 18:
		group = childMissing
	case ageThen >= 68:
		group = elderMissing
	}
	reported := minDate(days(seen, r.IntN(3)), days(today, -1))
	place := p.Address
	if synth.Chance(r, 0.5) {
		place = pl.Locality() + ", " + group.places[r.IntN(len(group.places))]
	}
	rec := sio.MissingPersonRecord{
		SearchCaseNumber: m.aisSUNumber(r, reported, pl.KATO(), agencyPolice, "2"), PersonIIN: p.IIN,
		LastSeenAt: seen, LastSeenPlace: place, CircumstancesRu: group.circumstances[r.IntN(len(group.circumstances))],
		ReportedAt: reported, ApplicantRu: group.applicants[r.IntN(len(group.applicants))], Initiator: pl.Police(),
		RegionKATO: pl.KATO(), DescriptionRu: description(s, ageThen), Status: sio.MissingSearching,
	}
	recent := today.Sub(reported.Time).Hours() < 24*45
	if (recent && synth.Chance(r, 0.5)) || synth.Chance(r, 0.03) {
		f.Missing = append(f.Missing, rec)
		return
	}
	after := r.IntN(4)
	switch x := r.Float64(); {
	case x < 0.1:
		after = 31 + r.IntN(330)
	case x < 0.4:
		after = 4 + r.IntN(27)
	}
	found := minDate(days(reported, after), days(today, -1))
	rec.Status, rec.FoundAt = sio.MissingFound, &found
	rec.FoundRu = ptr(group.found[r.IntN(len(group.found))])
	f.Missing = append(f.Missing, rec)
}

type missingGroup struct {
	circumstances, applicants, places, found []string
}

var (
	childMissing = missingGroup{
		circumstances: []string{"Ушёл из дома после ссоры с родителями и не вернулся", "Не вернулся из школы",
			"Ушёл гулять с друзьями и не вернулся к назначенному времени", "Самовольно ушёл из дома, телефон выключен"},
		applicants: []string{"мать", "отец", "бабушка", "классный руководитель"},
		places:     []string{"территория школы", "двор дома по месту жительства", "торгово-развлекательный центр", "городской парк"},
		found: []string{"Вернулся домой самостоятельно", "Обнаружен сотрудниками ювенальной полиции у знакомых",
			"Обнаружен у родственников", "Обнаружен в компьютерном клубе"},
	}
	adultMissing = missingGroup{
		circumstances: []string{"Ушёл на работу и не вернулся", "Выехал на рыбалку и не вернулся", "Уехал на заработки, связь прекратилась",
			"Вышел из дома в неизвестном направлении, телефон недоступен"},
		applicants: []string{"супруга", "супруг", "мать", "брат", "сестра"},
		places:     []string{"автовокзал", "железнодорожный вокзал", "место работы", "рынок"},
		found: []string{"Вернулся домой самостоятельно", "Обнаружен живым у знакомых", "Установлено местонахождение в другом регионе, связь с родственниками восстановлена",
			"Обнаружен в медицинской организации"},
	}
	elderMissing = missingGroup{
		circumstances: []string{"Страдает потерей памяти, вышел из дома и не вернулся", "Ушёл в магазин и не вернулся",
			"Вышел на прогулку и заблудился"},
		applicants: []string{"сын", "дочь", "внук", "супруга"},
		places:     []string{"двор дома по месту жительства", "продуктовый магазин", "остановка общественного транспорта"},
		found:      []string{"Обнаружен сотрудниками полиции и возвращён родственникам", "Обнаружен в больнице (доставлен бригадой скорой помощи)", "Обнаружен волонтёрами поискового отряда"},
	}
)

// description writes what the police circulate about a missing person.
func description(s *subject, age int) string {
	r := s.r
	h := 152 + r.IntN(21)
	if s.male {
		h = 165 + r.IntN(24)
	}
	if age < 16 {
		h -= 5 * (16 - age)
	}
	build := []string{"худощавое", "среднее", "плотное", "полное"}[r.IntN(4)]
	hair := []string{"тёмные", "русые", "светлые", "чёрные"}[r.IntN(4)]
	if age >= 60 {
		hair = "седые"
	}
	eyes := []string{"карие", "серые", "голубые", "зелёные"}[r.IntN(4)]
	top := []string{"чёрная куртка", "тёмно-синий пуховик", "серая толстовка", "бежевое пальто", "спортивный костюм"}[r.IntN(5)]
	bottom := []string{"синие джинсы", "чёрные брюки", "спортивные штаны"}[r.IntN(3)]
	out := "Рост около " + strconv.Itoa(h) + " см, телосложение " + build + ", волосы " + hair + ", глаза " + eyes +
		". Был(а) одет(а): " + top + ", " + bottom + "."
	if synth.Chance(r, 0.2) {
		out += " Особые приметы: " + []string{"шрам на левой руке", "татуировка на правом предплечье", "родимое пятно на шее"}[r.IntN(3)] + "."
	}
	return out
}
