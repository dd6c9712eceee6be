package justice

import (
	"sort"
	"strconv"

	"sio"
	"sio/synth"
)

// Criminal liability: the criminal records of the special records, the
// searches of suspects who hid from the investigation, the criminal cases
// of the courts with their statistical cards, expulsion as an additional
// punishment of foreigners and the enforcement of unpaid criminal fines.
//
// About 12% of men and 2.5% of women who reached 18 have been prosecuted at
// least once since 1995, a quarter of them more than once (not while in
// prison). A case runs: registration (ЕРДР since 2015, a statistical card
// before), sometimes a search for the suspect (15%), the end of the pre-trial investigation (terminated, e.g.
// on reconciliation, or sent to court), the verdict (95% convictions),
// the sentence served and the conviction expunged (ст. 79 УК РК). A case
// whose next step falls after the snapshot date is still at that step.

// penal institutions of the penitentiary system (учреждения УИС).
var institutions = []string{
	"учреждение ЛА-155/14", "учреждение ЛА-155/8", "учреждение ЕЦ-166/18", "учреждение ЕЦ-166/20",
	"учреждение АК-159/5", "учреждение АК-159/21", "учреждение УК-161/2", "учреждение УК-161/5",
	"учреждение ОВ-156/17", "учреждение ЖД-158/2", "учреждение АП-162/4", "учреждение КА-168/1",
}

func (m *Model) crimes(f *Facts, s *subject) {
	p, r := s.p, s.r
	if s.age < 18 {
		return
	}
	prob := 0.025
	if s.male {
		prob = 0.12
	}
	if !synth.Chance(r, prob) {
		return
	}
	n := 1
	if synth.Chance(r, 0.25) {
		n++
		if synth.Chance(r, 0.3) {
			n++
		}
	}
	from := maxDate(years(p.BirthDate, 18), sio.MustDate("1995-01-01"))
	to := minDate(s.end(), years(p.BirthDate, 70))
	if p.DeathDate != nil {
		// A deceased person's cases ended well before the death.
		to = minDate(to, years(*p.DeathDate, -3))
	}
	if !from.Before(to.Time) {
		return
	}
	dates := make([]sio.Date, n)
	for i := range dates {
		dates[i] = offenceDate(s, from, to)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j].Time) })
	free := from
	prior := false
	for _, d := range dates {
		if d.Before(free.Time) {
			d = days(free, 30+r.IntN(400))
		}
		if d.After(to.Time) {
			break
		}
		done, imprisoned := m.crime(f, s, d, prior)
		if done.After(to.Time) {
			// an open case: nothing later is recorded
			break
		}
		prior = prior || imprisoned
		free = done
	}
}

// offenceAges are the ages at which offences are committed (from, weight):
// offending peaks in the twenties and fades after forty.
var offenceAges = []struct{ from, to, cum int }{
	{18, 25, 30}, {25, 35, 65}, {35, 45, 85}, {45, 60, 97}, {60, 70, 100},
}

// offenceDate draws the date of an offence of the person within [from, to]
// by the age of offending; when three draws miss the window (the person was
// too old or too young in it), any date of the window.
func offenceDate(s *subject, from, to sio.Date) sio.Date {
	for range 3 {
		x := s.r.IntN(100)
		for _, a := range offenceAges {
			if x < a.cum {
				lo, hi := years(s.p.BirthDate, a.from), years(s.p.BirthDate, a.to)
				d := between(s.r, lo, hi)
				if !d.Before(from.Time) && !d.After(to.Time) {
					return d
				}
				break
			}
		}
	}
	return between(s.r, from, to)
}

// crime derives one criminal case of the person committed on d: its
// record, search, court case and card. It returns when the person is free
// of it (after the snapshot date while the case is open) and whether it
// ended in imprisonment.
func (m *Model) crime(f *Facts, s *subject, d sio.Date, prior bool) (sio.Date, bool) {
	r, p := s.r, s.p
	today := synth.Today()
	tbl := &table1997
	if !d.Before(newCode.Time) {
		tbl = &table2014
	}
	a := tbl.pick(r, s.male)
	pl := s.Place()
	body := pl.Police()
	switch a.agency {
	case agencyAnticorruption:
		body = pl.Anticorruption()
	case agencyEconomic:
		body = pl.EconomicInvestigations()
	}
	reg := minDate(days(d, r.IntN(8)), today)
	rec := sio.CriminalRecord{PersonIIN: p.IIN, CodeRu: tbl.code, Article: a.code, ArticleRu: a.nameRu, Gravity: a.gravity,
		OffenceDate: d, RegisteredAt: reg, RegisteredBy: body, RegionKATO: pl.KATO(), ConvictionStatus: sio.ConvictionNone}
	if !reg.Before(newCode.Time) {
		rec.CaseNumber = m.erdrNumber(r, reg, pl.KATO(), a.agency)
		rec.ERDRNumber = ptr(rec.CaseNumber)
	} else {
		rec.CaseNumber = m.cardNumber(r, reg, pl.KATO(), a.agency)
	}

	// Pre-trial investigation, with a search if the suspect hid.
	end := days(reg, 30+r.IntN(210))
	var search *sio.FugitiveRecord
	if rec.ERDRNumber != nil && synth.Chance(r, 0.15) {
		search = m.search(s, &rec, a)
		if search.EndedAt != nil {
			end = maxDate(end, days(*search.EndedAt, 10+r.IntN(60)))
		} else {
			end = days(today, 1) // still hiding: the investigation is suspended
		}
	}
	if dead := s.p.DeathDate; dead != nil && !days(end, 3).Before(dead.Time) {
		rec.Outcome, rec.OutcomeRu = sio.OutcomeTerminatedPretrial, "Уголовное дело прекращено в связи со смертью подозреваемого"
		rec.OutcomeDate = dead
		return m.record(f, s, rec, search), false
	}
	if end.After(today.Time) {
		rec.Outcome, rec.OutcomeRu = sio.OutcomeUnderInvestigation, "Досудебное расследование"
		if search != nil && search.Status == sio.WantedActive {
			rec.OutcomeRu = "Досудебное расследование приостановлено: подозреваемый объявлен в розыск (п.2 ч.1 ст.45 УПК РК)"
		}
		return m.record(f, s, rec, search), false
	}
	termP := 0.3
	switch a.gravity {
	case sio.GravityGrave:
		termP = 0.08
	case sio.GravityEspeciallyGrave:
		termP = 0.02
	}
	if synth.Chance(r, termP) {
		rec.Outcome = sio.OutcomeTerminatedPretrial
		rec.OutcomeRu = "Уголовное дело прекращено в связи с примирением сторон (ст. 68 УК РК)"
		if tbl == &table1997 {
			rec.OutcomeRu = "Уголовное дело прекращено в связи с примирением с потерпевшим (ст. 67 УК РК 1997)"
		}
		if a.gravity == sio.GravityGrave || a.gravity == sio.GravityEspeciallyGrave || synth.Chance(r, 0.2) {
			rec.OutcomeRu = "Уголовное дело прекращено за отсутствием состава уголовного правонарушения"
		}
		rec.OutcomeDate = ptr(end)
		return m.record(f, s, rec, search), false
	}

	// The court.
	court := pl.LocalCourt()
	if pl.city() && (a.gravity == sio.GravityGrave || a.gravity == sio.GravityEspeciallyGrave) {
		court = pl.CriminalCourt()
	}
	received := days(end, 3+r.IntN(8))
	verdict := days(received, 15+r.IntN(70))
	if dead := s.p.DeathDate; dead != nil && !verdict.Before(dead.Time) {
		// the trial ended before the death of the defendant
		received, verdict = days(end, 1), days(end, 2)
	}
	caseNo := m.courtCaseNumber(r, court, received, sio.CourtCriminal)
	judge := m.rosters.pick(r, court.Name, 6)
	rec.CourtName, rec.CourtCaseNumber = &court.Name, &caseNo
	cc := sio.CourtCase{Number: caseNo, CourtName: court.Name, RegionKATO: pl.KATO(), Category: sio.CourtCriminal,
		SubjectRu: "ст. " + a.code + " " + tbl.code + " — " + a.nameRu, JudgeName: judge, ReceivedAt: received, Status: sio.CourtCasePending}
	f.CourtParties = append(f.CourtParties, personParty(caseNo, sio.PartyAccused, "подсудимый", p))
	if verdict.After(today.Time) {
		rec.Outcome, rec.OutcomeRu = sio.OutcomeInCourt, "Уголовное дело направлено в суд"
		f.CourtCases = append(f.CourtCases, cc)
		return m.record(f, s, rec, search), false
	}
	inForce := days(verdict, 15)
	cc.Status, cc.DecidedAt = sio.CourtCaseDecided, &verdict
	if !inForce.After(today.Time) {
		cc.InForceAt = &inForce
	}
	rec.OutcomeDate = &verdict
	card := sio.CourtCard{CardNumber: "6-" + caseNo, FormRu: "Форма 6 — статистическая карточка на подсудимого",
		CaseNumber: caseNo, CourtName: court.Name, RegionKATO: pl.KATO(), JudgeName: judge, PersonIIN: p.IIN, ERDRNumber: rec.ERDRNumber,
		CodeRu: tbl.code, Article: a.code, ArticleRu: a.nameRu, VerdictDate: verdict, InForceAt: inForce}
	free := verdict
	imprisoned := false
	switch x := r.Float64(); {
	case x < 0.015:
		rec.Outcome, rec.OutcomeRu = sio.OutcomeAcquitted, "Оправдательный приговор"
		card.Verdict = sio.VerdictAcquittal
		cc.ResultRu = ptr("Оправдательный приговор: оправдан за отсутствием в деянии состава уголовного правонарушения")
	case x < 0.05:
		rec.Outcome, rec.OutcomeRu = sio.OutcomeTerminatedByCourt, "Уголовное дело прекращено судом в связи с примирением сторон"
		card.Verdict = sio.VerdictTermination
		cc.ResultRu = ptr("Постановление о прекращении уголовного дела в связи с примирением сторон")
	default:
		rec.Outcome, rec.OutcomeRu = sio.OutcomeConvicted, "Обвинительный приговор"
		card.Verdict = sio.VerdictConviction
		free, imprisoned = m.sentence(f, s, &rec, a, tbl, verdict, inForce, prior)
		cc.ResultRu = ptr("Обвинительный приговор: " + *rec.SentenceRu)
		card.PunishmentRu, card.AdditionalRu, card.TermMonths, card.FineTiyn = rec.SentenceRu, rec.AdditionalRu, rec.TermMonths, rec.FineTiyn
	}
	f.CourtCases = append(f.CourtCases, cc)
	f.CourtCards = append(f.CourtCards, card)
	m.record(f, s, rec, search)
	return free, imprisoned
}

// record stores the criminal record and its search; it returns when the
// person is free of the case (after the snapshot date while it is open).
func (m *Model) record(f *Facts, s *subject, rec sio.CriminalRecord, search *sio.FugitiveRecord) sio.Date {
	if search != nil {
		f.Fugitives = append(f.Fugitives, *search)
		hidingTo := synth.Today()
		if search.EndedAt != nil {
			hidingTo = *search.EndedAt
		}
		s.busy = append(s.busy, [2]sio.Date{search.DeclaredAt, hidingTo})
	}
	f.CriminalRecords = append(f.CriminalRecords, rec)
	if rec.OutcomeDate != nil {
		return *rec.OutcomeDate
	}
	return synth.AddDays(synth.Today(), 1)
}

var levels = []struct {
	level  sio.SearchLevel
	nameRu string
	cum    int
}{
	{sio.SearchLocal, "Местный розыск", 55},
	{sio.SearchRepublican, "Республиканский розыск", 85},
	{sio.SearchInterstate, "Межгосударственный розыск (государства — участники СНГ)", 96},
	{sio.SearchInternational, "Международный розыск (Интерпол)", 100},
}

// search declares the suspect of rec wanted, shortly after the case was
// registered.
func (m *Model) search(s *subject, rec *sio.CriminalRecord, a *article) *sio.FugitiveRecord {
	r := s.r
	today := synth.Today()
	declared := minDate(days(rec.RegisteredAt, 10+r.IntN(80)), days(today, -1))
	x := r.IntN(100)
	if s.p.Citizenship != "KZ" {
		x = 60 + r.IntN(40) // foreigners usually flee home
	}
	lv := levels[0]
	for _, l := range levels {
		if x < l.cum {
			lv = l
			break
		}
	}
	fr := sio.FugitiveRecord{
		SearchCaseNumber: m.aisSUNumber(r, declared, rec.RegionKATO, agencyPolice, "2"),
		PersonIIN:        s.p.IIN, ERDRNumber: *rec.ERDRNumber, Article: a.code, ArticleRu: a.nameRu,
		Initiator: rec.RegisteredBy, RegionKATO: rec.RegionKATO, DeclaredAt: declared, Level: lv.level, LevelRu: lv.nameRu,
		MeasureRu: "Мера пресечения не избиралась", Status: sio.WantedActive,
	}
	if a.gravity == sio.GravityGrave || a.gravity == sio.GravityEspeciallyGrave || lv.level == sio.SearchInternational {
		fr.MeasureRu = "Содержание под стражей (санкционировано следственным судьёй заочно)"
	}
	// Most are found within months, some hide for years.
	hide := 10 + r.IntN(200)
	if synth.Chance(r, 0.3) {
		hide = 365 + r.IntN(5*365)
	}
	ended := days(declared, hide)
	if dead := s.p.DeathDate; dead != nil && !ended.Before(dead.Time) {
		fr.Status, fr.EndedAt, fr.EndedRu = sio.WantedCancelled, dead, ptr("Розыск прекращён в связи со смертью разыскиваемого")
		return &fr
	}
	if ended.After(today.Time) {
		return &fr
	}
	pl := s.Place()
	if synth.Chance(r, 0.15) {
		fr.Status, fr.EndedAt, fr.EndedRu = sio.WantedCancelled, &ended, ptr("Розыск прекращён: явка с повинной")
	} else {
		fr.Status, fr.EndedAt, fr.EndedRu = sio.WantedDetained, &ended, ptr("Задержан сотрудниками "+pl.Police())
	}
	return &fr
}

// sentence draws the punishment of a conviction, its execution and the
// expunging of the conviction; it returns when the person is free of it.
func (m *Model) sentence(f *Facts, s *subject, rec *sio.CriminalRecord, a *article, tbl *articleTable, verdict, inForce sio.Date, prior bool) (sio.Date, bool) {
	r, p := s.r, s.p
	today := synth.Today()
	old := tbl == &table1997
	kinds := map[sio.OffenceGravity][]struct {
		k sio.SentenceKind
		w int
	}{
		sio.GravityMisdemeanour:    {{sio.SentenceFine, 55}, {sio.SentenceCommunityService, 30}, {sio.SentenceCorrectionalWork, 15}},
		sio.GravityMinor:           {{sio.SentenceFine, 35}, {sio.SentenceRestrictionOfFreedom, 30}, {sio.SentenceSuspended, 15}, {sio.SentenceCorrectionalWork, 5}, {sio.SentenceCommunityService, 5}, {sio.SentenceImprisonment, 10}},
		sio.GravityMedium:          {{sio.SentenceFine, 15}, {sio.SentenceRestrictionOfFreedom, 30}, {sio.SentenceSuspended, 20}, {sio.SentenceImprisonment, 35}},
		sio.GravityGrave:           {{sio.SentenceImprisonment, 70}, {sio.SentenceSuspended, 15}, {sio.SentenceRestrictionOfFreedom, 15}},
		sio.GravityEspeciallyGrave: {{sio.SentenceImprisonment, 100}},
	}[a.gravity]
	x := r.IntN(100)
	kind := kinds[len(kinds)-1].k
	for _, k := range kinds {
		if x < k.w {
			kind = k.k
			break
		}
		x -= k.w
	}
	if prior && kind != sio.SentenceImprisonment && a.gravity != sio.GravityMisdemeanour && synth.Chance(r, 0.6) {
		kind = sio.SentenceImprisonment // a repeat offender
	}
	if old && kind == sio.SentenceRestrictionOfFreedom && synth.Chance(r, 0.5) {
		kind = sio.SentenceSuspended
	}
	rec.SentenceKind = &kind
	term := func(lo, hi int) int {
		lo, hi = max(lo, 6), max(hi, 6)
		return lo + 6*r.IntN((hi-lo)/6+1)
	}
	var text string
	end := inForce
	serving := false
	imprisoned := false
	switch kind {
	case sio.SentenceImprisonment:
		t := term(a.minM, a.maxM)
		rec.TermMonths = &t
		regime := map[sio.OffenceGravity][2]string{
			sio.GravityMinor:           {"учреждении минимальной безопасности", "колонии-поселении"},
			sio.GravityMedium:          {"учреждении минимальной безопасности", "колонии-поселении"},
			sio.GravityGrave:           {"учреждении средней безопасности", "колонии общего режима"},
			sio.GravityEspeciallyGrave: {"учреждении максимальной безопасности", "колонии строгого режима"},
		}[a.gravity]
		if prior {
			regime = [2]string{"учреждении средней безопасности", "колонии строгого режима"}
		}
		where := regime[0]
		if old {
			where = regime[1]
		}
		text = "лишение свободы сроком на " + duration(t) + " с отбыванием наказания в " + where
		inst := institutions[r.IntN(len(institutions))]
		rec.Institution = &inst
		release := months(verdict, t)
		ground := "освобождён по отбытии срока наказания"
		if synth.Chance(r, 0.35) {
			release = months(verdict, t*2/3+r.IntN(t/4+1))
			ground = "освобождён условно-досрочно (ст. 72 УК РК)"
			if old {
				ground = "освобождён условно-досрочно (ст. 70 УК РК 1997)"
			}
		}
		imprisoned = true
		s.busy = append(s.busy, [2]sio.Date{verdict, minDate(release, today)})
		if release.After(today.Time) {
			serving = true
		} else {
			rec.ReleaseDate, rec.ReleaseRu = &release, &ground
		}
		end = release
		exp := 3
		switch a.gravity {
		case sio.GravityGrave:
			exp = 6
		case sio.GravityEspeciallyGrave:
			exp = 8
		}
		rec.ExpungedAt = ptr(years(release, exp))
	case sio.SentenceSuspended:
		t := term(a.minM, min(a.maxM, 60))
		probation := 12 * (1 + r.IntN(4))
		rec.TermMonths = &t
		text = "лишение свободы сроком на " + duration(t) + " условно с испытательным сроком " + duration(probation) + " (ст. 63 УК РК)"
		end = months(inForce, probation)
		serving = end.After(today.Time)
		rec.ExpungedAt = ptr(end)
	case sio.SentenceRestrictionOfFreedom:
		t := term(6, min(max(a.maxM, 12), 60))
		rec.TermMonths = &t
		text = "ограничение свободы сроком на " + duration(t) + " с установлением пробационного контроля"
		end = months(inForce, t)
		serving = end.After(today.Time)
		rec.ExpungedAt = ptr(years(end, 1))
	case sio.SentenceCorrectionalWork:
		t := 6 * (1 + r.IntN(4))
		rec.TermMonths = &t
		text = "исправительные работы сроком на " + duration(t) + " с удержанием 10% из заработной платы в доход государства"
		end = months(inForce, t)
		serving = end.After(today.Time)
		rec.ExpungedAt = ptr(years(end, 1))
	case sio.SentenceCommunityService:
		h := 40 * (2 + r.IntN(14))
		text = "привлечение к общественным работам сроком " + strconv.Itoa(h) + " часов"
		end = days(inForce, 60+r.IntN(120))
		serving = end.After(today.Time)
		rec.ExpungedAt = ptr(years(end, 1))
	case sio.SentenceFine:
		n := 50 + 10*r.IntN(300)
		if a.gravity == sio.GravityMisdemeanour {
			n = 20 + 10*r.IntN(18)
		}
		fine := mrpTiyn(n, verdict.Year())
		rec.FineTiyn = &fine
		text = "штраф в размере " + strconv.Itoa(n) + " МРП (" + sio.Money(fine).String() + " тенге)"
		end = days(inForce, 20+r.IntN(150))
		if synth.Chance(r, 0.25) {
			// not paid: the court's writ goes to a state bailiff
			m.finePenalty(f, s, rec, fine, inForce)
		}
		serving = end.After(today.Time)
		rec.ExpungedAt = ptr(years(end, 1))
	}
	if dead := p.DeathDate; dead != nil && end.After(dead.Time) {
		// The sentence ended with the death of the convict.
		end, serving = *dead, false
		if kind == sio.SentenceImprisonment {
			rec.ReleaseDate, rec.ReleaseRu = dead, ptr("снят с учёта в связи со смертью осуждённого")
		}
		rec.ExpungedAt = dead
	}
	rec.SentenceRu = &text
	var extra []string
	if a.traffic {
		extra = append(extra, "лишение права управления транспортным средством сроком на "+duration(12*(1+r.IntN(5))))
	}
	if a.agency == agencyAnticorruption {
		extra = append(extra, "пожизненное лишение права занимать должности на государственной службе")
	}
	if p.Citizenship != "KZ" && a.gravity != sio.GravityMisdemeanour && synth.Chance(r, 0.6) {
		extra = append(extra, "выдворение за пределы Республики Казахстан")
		m.expelConvict(f, s, rec, end)
	}
	if len(extra) > 0 {
		add := extra[0]
		for _, e := range extra[1:] {
			add += "; " + e
		}
		rec.AdditionalRu = &add
	}
	switch {
	case serving:
		rec.ConvictionStatus = sio.ConvictionServing
		rec.ExpungedAt = nil
	case rec.ExpungedAt != nil && !rec.ExpungedAt.After(today.Time):
		rec.ConvictionStatus = sio.ConvictionExpunged
	default:
		rec.ConvictionStatus = sio.ConvictionActive
	}
	if rec.ConvictionStatus != sio.ConvictionExpunged {
		rec.ExpungedAt = nil
	}
	return end, imprisoned
}

// duration writes a term in months as years and months in Russian: "2 года
// 6 месяцев".
func duration(months int) string {
	y, mo := months/12, months%12
	var out string
	if y > 0 {
		out = strconv.Itoa(y) + " " + plural(y, "год", "года", "лет")
	}
	if mo > 0 {
		if out != "" {
			out += " "
		}
		out += strconv.Itoa(mo) + " " + plural(mo, "месяц", "месяца", "месяцев")
	}
	return out
}

func plural(n int, one, few, many string) string {
	switch {
	case n%10 == 1 && n%100 != 11:
		return one
	case n%10 >= 2 && n%10 <= 4 && (n%100 < 10 || n%100 >= 20):
		return few
	}
	return many
}

func personParty(caseNo string, role sio.CourtPartyRole, roleRu string, p *sio.Person) sio.CourtParty {
	id, kind := subjectID(string(p.IIN), sio.SubjectPerson)
	return sio.CourtParty{CaseNumber: caseNo, Role: role, RoleRu: roleRu, SubjectID: id, SubjectKind: kind, NameRu: fullName(p)}
}

// finePenalty sends an unpaid criminal fine to enforcement.
func (m *Model) finePenalty(f *Facts, s *subject, rec *sio.CriminalRecord, fine int64, inForce sio.Date) {
	m.enforce(f, s.r, claim{
		debtor: s, place: s.Place(), kind: sio.ClaimCriminalFine, claimRu: "Штраф по приговору суда (ст. " + rec.Article + " " + rec.CodeRu + ")",
		creditorName: "Государство (доход республиканского бюджета)", amount: fine, doc: sio.DocumentWrit,
		docNumber: *rec.CourtCaseNumber, docIssuer: *rec.CourtName, docDate: days(inForce, 10+s.r.IntN(30)), state: true,
	})
}
