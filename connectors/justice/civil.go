package justice

import (
	"math"
	"math/rand/v2"
	"strconv"

	"sio"
	"sio/synth"
)

// Civil cases and their enforcement: divorces of parents decided by a
// court, alimony, defaulted bank loans and utility bills of persons, and
// the commercial, tax and utility debts of companies; each debt is
// recovered by an enforcement proceeding (АИС ОИП) that executes a court's
// writ or order, or a notary's executive inscription, with the measures the
// bailiff imposed (exit bans feed "Сведения о должниках и ответчиках").

// courtDivorceSince: divorces of parents of minors go through a court
// (Кодекс о браке и семье, ст. 19); the court database holds them since
// 2005.
var courtDivorceSince = sio.MustDate("2005-01-01")

// divorces turns the divorces of a husband with minor children into court
// cases; in about two cases out of three the mother also sued for alimony,
// and about half of those awards went to a bailiff.
func (m *Model) divorces(f *Facts, s *subject) {
	r, p := s.r, s.p
	today := synth.Today()
	for _, d := range s.x.divorces[p.IIN] {
		wife := s.x.names[d.wife]
		var kids []sio.Date
		for _, c := range d.children {
			b := sio.DateOf(c.BirthDate())
			if b.Before(d.date.Time) && years(b, 18).After(d.date.Time) {
				kids = append(kids, b)
			}
		}
		if wife == nil || len(kids) == 0 || d.date.Before(courtDivorceSince.Time) {
			continue
		}
		pl := s.Place()
		court := pl.LocalCourt()
		decided := days(d.date, -31-r.IntN(30))
		received := days(decided, -30-r.IntN(60))
		plaintiff, defendant := wife, p
		if synth.Chance(r, 0.3) {
			plaintiff, defendant = p, wife
		}
		m.civilCase(f, r, court, pl, received, decided, judgment, "О расторжении брака", "Иск удовлетворён: брак расторгнут", nil,
			personParty("", sio.PartyPlaintiff, "истец", plaintiff), personParty("", sio.PartyDefendant, "ответчик", defendant))
		if !synth.Chance(r, 0.65) {
			continue
		}
		share := []string{"1/4", "1/3", "1/2"}[min(len(kids), 3)-1]
		aDecided := minDate(days(decided, r.IntN(90)), days(today, -1))
		aReceived := days(aDecided, -20-r.IntN(40))
		result := "Иск удовлетворён: взыскать алименты на содержание несовершеннолетних детей в размере " + share +
			" части всех видов заработка ежемесячно до их совершеннолетия"
		no, ok := m.civilCase(f, r, court, pl, aReceived, aDecided, judgment, "О взыскании алиментов на содержание несовершеннолетних детей", result, nil,
			personParty("", sio.PartyPlaintiff, "истец", wife), personParty("", sio.PartyDefendant, "ответчик", p))
		if !ok || !synth.Chance(r, 0.55) {
			continue
		}
		youngest := kids[0]
		for _, k := range kids {
			youngest = maxDate(youngest, k)
		}
		adult := years(youngest, 18)
		c := claim{debtor: s, place: pl, kind: sio.ClaimAlimony,
			claimRu:      "Алименты на содержание несовершеннолетних детей (" + strconv.Itoa(len(kids)) + ") в размере " + share + " части всех видов заработка ежемесячно",
			creditorName: fullName(wife), doc: sio.DocumentWrit, docNumber: no, docIssuer: court.Name,
			docDate: days(aDecided, 30+r.IntN(20)), exitBan: 0.8, status: sio.ProceedingActive, fixed: true}
		c.creditorID, c.creditorKind = subjectID(string(wife.IIN), sio.SubjectPerson)
		// Arrears: months of unpaid alimony at a typical wage share.
		if synth.Chance(r, 0.6) {
			c.amount = int64(2+r.IntN(30)) * int64(25_000+r.IntN(45_000)) * 100
			c.recovered = c.amount * int64(r.IntN(60)) / 100
		}
		if !adult.After(today.Time) && synth.Chance(r, 0.7) {
			c.status, c.closed, c.recovered = sio.ProceedingCompleted, &adult, c.amount
		}
		if c.amount == c.recovered {
			c.exitBan = 0
		}
		m.enforce(f, r, c)
	}
}

// Days from a decision to its entry into force: a month for a judgment
// (the appeal period), ten days for a court order (the debtor's time to
// object).
const (
	judgment   = 30
	courtOrder = 10
)

// civilCase records a civil case between two parties; a case whose
// decision falls after the snapshot date is pending. It returns the case
// number and whether the decision is in force (after inForce days).
func (m *Model) civilCase(f *Facts, r *rand.Rand, court Court, pl Place, received, decided sio.Date, inForceDays int, subject, result string, claimTiyn *int64, plaintiff, defendant sio.CourtParty) (string, bool) {
	today := synth.Today()
	no := m.courtCaseNumber(r, court, received, sio.CourtCivil)
	cc := sio.CourtCase{Number: no, CourtName: court.Name, RegionKATO: pl.KATO(), Category: sio.CourtCivil, SubjectRu: subject,
		JudgeName: m.rosters.pick(r, court.Name, 6), ReceivedAt: received, Status: sio.CourtCasePending, ClaimTiyn: claimTiyn}
	inForce := days(decided, inForceDays)
	if !decided.After(today.Time) {
		cc.Status, cc.DecidedAt, cc.ResultRu = sio.CourtCaseDecided, &decided, &result
		if !inForce.After(today.Time) {
			cc.InForceAt = &inForce
		}
	}
	f.CourtCases = append(f.CourtCases, cc)
	plaintiff.CaseNumber, defendant.CaseNumber = no, no
	f.CourtParties = append(f.CourtParties, plaintiff, defendant)
	return no, cc.InForceAt != nil
}

// bank is a creditor outside the population, with a relative weight.
type bank struct {
	name string
	w    int
	mfo  bool
}

var banks = NewWeighted([]bank{
	{"АО «Kaspi Bank»", 30, false}, {"АО «Народный сберегательный банк Казахстана»", 20, false},
	{"АО «Банк ЦентрКредит»", 10, false}, {"АО «ForteBank»", 8, false}, {"АО «Евразийский банк»", 8, false},
	{"АО «Home Credit Bank»", 12, false}, {"АО «Bereke Bank»", 5, false}, {"АО «Нурбанк»", 2, false},
	{"ТОО «Микрофинансовая организация «KMF (КМФ)»", 8, true}, {"ТОО «МФО «Шинхан Финанс»", 3, true},
}, func(b *bank) int { return b.w })

// utility is the settlement centre of utilities of the place.
func utility(pl Place) string {
	switch pl.KATO() {
	case "75":
		return "ТОО «АлматыЭнергоСбыт»"
	case "71":
		return "ТОО «Астана-ЕРЦ»"
	}
	return "ТОО «Единый расчётный центр г. " + pl.Region().CenterRu + "»"
}

// loans draws the defaulted bank loans (6% of living adults, a fifth of
// them twice) and unpaid utility bills (2%) recovered from a person.
func (m *Model) loans(f *Facts, s *subject) {
	r, p := s.r, s.p
	if p.DeathDate != nil {
		return
	}
	if s.age < 21 || s.age > 75 {
		return
	}
	if synth.Chance(r, 0.06) {
		n := 1
		if synth.Chance(r, 0.2) {
			n = 2
		}
		for range n {
			m.loan(f, s)
		}
	}
	if synth.Chance(r, 0.02) {
		m.utilityDebt(f, s)
	}
}

func (m *Model) loan(f *Facts, s *subject) {
	r, p := s.r, s.p
	today := synth.Today()
	bank := banks.Pick(r)
	from := maxDate(sio.MustDate("2010-01-01"), years(p.BirthDate, 21))
	to := days(today, -200)
	if !from.Before(to.Time) {
		return
	}
	issued := between(r, from, to)
	deflt := minDate(days(issued, 90+r.IntN(800)), days(today, -60))
	tenge := 150_000 + r.IntN(1_500_000)
	switch {
	case bank.mfo:
		tenge = 30_000 + r.IntN(400_000)
	case synth.Chance(r, 0.1):
		tenge = 2_000_000 + r.IntN(6_000_000)
	}
	amount := int64(tenge) * 100
	pl := s.Place()
	c := claim{debtor: s, place: pl, kind: sio.ClaimCredit, claimRu: "Задолженность по договору банковского займа",
		creditorName: bank.name, amount: amount, exitBan: 0.65}
	bankParty := sio.CourtParty{NameRu: bank.name}
	switch y := r.Float64(); {
	case y < 0.55:
		// The bank asks a notary for an executive inscription.
		date := days(deflt, 30+r.IntN(90))
		if date.After(days(today, -1).Time) {
			return
		}
		name, lic := NotaryRoster(pl.KATO()).Pick(r)
		no := NotarialNumber(date, pl.KATO(), NotaryStream, m.next(r, "enis"+yy(date)+pl.KATO(), 1000))
		f.Inscriptions = append(f.Inscriptions, Inscription{RegistryNumber: no, Date: date, RegionKATO: pl.KATO(),
			NotaryName: name, NotaryLicence: lic, Debtor: p, CreditorName: bank.name, AmountTiyn: amount})
		c.doc, c.docNumber, c.docIssuer, c.docDate = sio.DocumentNotaryInscription, no, "Нотариус "+name, date
	case y < 0.8:
		court := pl.LocalCourt()
		received := days(deflt, 30+r.IntN(120))
		decided := days(received, 5+r.IntN(10))
		if received.After(days(today, -1).Time) {
			return
		}
		bankParty.Role, bankParty.RoleRu = sio.PartyPlaintiff, "взыскатель"
		no, ok := m.civilCase(f, r, court, pl, received, decided, courtOrder, "О вынесении судебного приказа о взыскании задолженности по договору банковского займа",
			"Судебный приказ: взыскать "+sio.Money(amount).String()+" тенге", &amount, bankParty, personParty("", sio.PartyDefendant, "должник", p))
		if !ok {
			return
		}
		c.doc, c.docNumber, c.docIssuer, c.docDate = sio.DocumentCourtOrder, no, court.Name, days(decided, 10+r.IntN(20))
	default:
		court := pl.LocalCourt()
		received := days(deflt, 60+r.IntN(240))
		decided := days(received, 30+r.IntN(90))
		if received.After(days(today, -1).Time) {
			return
		}
		bankParty.Role, bankParty.RoleRu = sio.PartyPlaintiff, "истец"
		no, ok := m.civilCase(f, r, court, pl, received, decided, judgment, "О взыскании задолженности по договору банковского займа",
			"Иск удовлетворён: взыскать "+sio.Money(amount).String()+" тенге", &amount, bankParty, personParty("", sio.PartyDefendant, "ответчик", p))
		if synth.Chance(r, 0.3) {
			// The court restricted the defendant's exit as security of the claim.
			from := minDate(days(received, 3+r.IntN(20)), days(today, -1))
			d := sio.DebtorRestriction{ID: m.seq("debtor"), PersonIIN: p.IIN, Kind: sio.DefendantOfCase, BasisNumber: no,
				AmountTiyn: amount, ClaimantName: bank.name, ImposedBy: court.Name, RestrictedFrom: from}
			if !decided.After(today.Time) {
				d.LiftedAt, d.LiftedRu = &decided, ptr("Отменено: вынесено решение по делу, взыскание передано на исполнение")
			}
			f.Debtors = append(f.Debtors, d)
		}
		if !ok {
			return
		}
		c.doc, c.docNumber, c.docIssuer, c.docDate = sio.DocumentWrit, no, court.Name, days(decided, 30+r.IntN(30))
	}
	m.enforce(f, r, c)
}

func (m *Model) utilityDebt(f *Facts, s *subject) {
	r, p := s.r, s.p
	today := synth.Today()
	pl := s.Place()
	court := pl.LocalCourt()
	received := between(r, maxDate(sio.MustDate("2015-01-01"), years(p.BirthDate, 21)), days(today, -30))
	decided := days(received, 5+r.IntN(10))
	amount := int64(20_000+r.IntN(380_000)) * 100
	creditor := utility(pl)
	no, ok := m.civilCase(f, r, court, pl, received, decided, courtOrder, "О вынесении судебного приказа о взыскании задолженности за коммунальные услуги",
		"Судебный приказ: взыскать "+sio.Money(amount).String()+" тенге", &amount,
		sio.CourtParty{Role: sio.PartyPlaintiff, RoleRu: "взыскатель", NameRu: creditor}, personParty("", sio.PartyDefendant, "должник", p))
	if !ok {
		return
	}
	m.enforce(f, r, claim{debtor: s, place: pl, kind: sio.ClaimUtilities, claimRu: "Задолженность за коммунальные услуги",
		creditorName: creditor, amount: amount, doc: sio.DocumentCourtOrder, docNumber: no, docIssuer: court.Name,
		docDate: days(decided, 10+r.IntN(20)), exitBan: 0.3})
}

// company draws the debts of a legal entity recovered by bailiffs: about 12%
// of companies, 1-3 debts each, to another company of the population (a
// supplier among the last 64 companies registered before it), to the tax
// authority or to a utility; disputes go to the specialised economic court.
func (m *Model) company(f *Facts, x *batchIndex, e *sio.LegalEntity) {
	r := m.k.For(string(e.BIN))
	defer m.remember(e)
	if !synth.Chance(r, 0.12) {
		return
	}
	pl := PlaceOf(r, e.RegionKATO, e.Address)
	for range 1 + r.IntN(3) {
		m.companyDebt(f, x, r, e, pl)
	}
}

func (m *Model) remember(e *sio.LegalEntity) {
	ref := companyRef{bin: e.BIN, name: e.LegalForm + " " + e.NameRu}
	if len(m.ring) < ringSize {
		m.ring = append(m.ring, ref)
		return
	}
	m.ring[m.ringN] = ref
	m.ringN = (m.ringN + 1) % ringSize
}

var suppliers = []string{"АО «Казахтелеком»", "АО «QazaqGaz»", "ТОО «Алматинские электрические станции»", "АО «KEGOC»", "ТОО «Теплотранзит»"}

func (m *Model) companyDebt(f *Facts, x *batchIndex, r *rand.Rand, e *sio.LegalEntity, pl Place) {
	today := synth.Today()
	from := maxDate(days(e.RegistrationDate, 90), sio.MustDate("2012-01-01"))
	to := days(today, -60)
	if !from.Before(to.Time) {
		return
	}
	d := between(r, from, to)
	court := pl.EconomicCourt()
	c := claim{company: e, x: x, place: pl}
	creditor := sio.CourtParty{Role: sio.PartyPlaintiff, RoleRu: "истец"}
	var subject string
	switch y := r.IntN(100); {
	case y < 60:
		c.kind, c.claimRu = sio.ClaimContract, "Задолженность по договору поставки"
		subject = "О взыскании задолженности по договору поставки"
		c.amount = int64(math.Pow(10, 5.7+2*r.Float64())) * 100
		if len(m.ring) > 0 && synth.Chance(r, 0.7) {
			ref := m.ring[r.IntN(len(m.ring))]
			c.creditorID, c.creditorKind = subjectID(string(ref.bin), sio.SubjectLegalEntity)
			c.creditorName = ref.name
		} else {
			c.creditorName = suppliers[r.IntN(len(suppliers))]
			c.claimRu, subject = "Задолженность по договору оказания услуг", "О взыскании задолженности по договору оказания услуг"
		}
	case y < 85:
		c.kind, c.claimRu, c.state = sio.ClaimTaxes, "Налоговая задолженность", true
		subject = "О взыскании налоговой задолженности"
		c.creditorName = "РГУ «" + pl.RevenueDepartment() + "»"
		c.amount = int64(math.Pow(10, 5.3+1.8*r.Float64())) * 100
	default:
		c.kind, c.claimRu = sio.ClaimUtilities, "Задолженность за коммунальные услуги"
		subject = "О взыскании задолженности за коммунальные услуги"
		c.creditorName = utility(pl)
		c.amount = int64(100_000+r.IntN(2_900_000)) * 100
	}
	creditor.SubjectID, creditor.SubjectKind, creditor.NameRu = c.creditorID, c.creditorKind, c.creditorName
	received := days(d, 30+r.IntN(90))
	decided := days(received, 20+r.IntN(70))
	if received.After(days(today, -1).Time) {
		return
	}
	no, ok := m.civilCase(f, r, court, pl, received, decided, judgment, subject,
		"Иск удовлетворён: взыскать "+sio.Money(c.amount).String()+" тенге", &c.amount, creditor, companyParty(e))
	if !ok {
		return
	}
	c.doc, c.docNumber, c.docIssuer, c.docDate = sio.DocumentWrit, no, court.Name, days(decided, 30+r.IntN(30))
	m.enforce(f, r, c)
}

func companyParty(e *sio.LegalEntity) sio.CourtParty {
	id, kind := subjectID(string(e.BIN), sio.SubjectLegalEntity)
	return sio.CourtParty{Role: sio.PartyDefendant, RoleRu: "ответчик", SubjectID: id, SubjectKind: kind, NameRu: e.LegalForm + " " + e.NameRu}
}

// claim is a debt to recover: the debtor (a person's subject or a
// company), the creditor, the executive document and, for proceedings
// whose course the caller knows (alimony), the outcome.
type claim struct {
	debtor       *subject
	company      *sio.LegalEntity
	x            *batchIndex
	place        Place
	kind         sio.ClaimKind
	claimRu      string
	creditorID   *string
	creditorKind *sio.SubjectKind
	creditorName string
	amount       int64
	doc          sio.ExecutiveDocumentKind
	docNumber    string
	docIssuer    string
	docDate      sio.Date
	state        bool    // a state bailiff (fines and taxes); private otherwise
	exitBan      float64 // chance of an exit ban on a person
	fixed        bool    // status, closed and recovered are given
	status       sio.ProceedingStatus
	closed       *sio.Date
	recovered    int64
}

var restrictionRu = map[sio.RestrictionKind]string{
	sio.RestrictionExitBan:         "Временное ограничение на выезд должника из Республики Казахстан",
	sio.RestrictionAccountArrest:   "Арест на деньги, находящиеся на банковских счетах должника",
	sio.RestrictionVehicleArrest:   "Арест транспортного средства (запрет на регистрационные действия)",
	sio.RestrictionPropertyArrest:  "Арест недвижимого имущества (запрет на отчуждение)",
	sio.RestrictionRegistrationBan: "Запрет на регистрационные действия с долями участия и имуществом юридического лица",
}

// enforce opens the enforcement proceeding of a claim with its measures;
// a proceeding that would open after the snapshot date (or the debtor's
// death) is not recorded.
func (m *Model) enforce(f *Facts, r *rand.Rand, c claim) {
	today := synth.Today()
	end := days(today, -1)
	var dead *sio.Date
	if c.debtor != nil {
		dead = c.debtor.p.DeathDate
		if dead != nil {
			end = minDate(end, *dead)
		}
	}
	opened := days(c.docDate, 10+r.IntN(80))
	if opened.After(end.Time) {
		return
	}
	pl := c.place
	p := sio.EnforcementProceeding{OpenedAt: opened, RegionKATO: pl.KATO(), CreditorID: c.creditorID, CreditorKind: c.creditorKind,
		CreditorName: c.creditorName, ClaimKind: c.kind, ClaimRu: c.claimRu, AmountTiyn: c.amount, DocumentKind: c.doc,
		DocumentNumber: c.docNumber, DocumentIssuer: c.docIssuer, DocumentDate: c.docDate}
	var x *batchIndex
	if c.debtor != nil {
		p.DebtorID, p.DebtorKind, p.DebtorName = string(c.debtor.p.IIN), sio.SubjectPerson, fullName(c.debtor.p)
		p.Number = m.proceedingNumber(r, opened, pl.KATO(), oipPersons)
		x = c.debtor.x
	} else {
		p.DebtorID, p.DebtorKind, p.DebtorName = string(c.company.BIN), sio.SubjectLegalEntity, c.company.LegalForm+" "+c.company.NameRu
		p.Number = m.proceedingNumber(r, opened, pl.KATO(), oipCompanies)
		x = c.x
	}
	if c.state {
		p.OfficerKind, p.OfficeRu = sio.BailiffState, pl.JusticeDepartment()
		p.OfficerName = "ГСИ " + m.rosters.pick(r, p.OfficeRu, 20)
	} else {
		p.OfficerKind, p.OfficeRu = sio.BailiffPrivate, pl.BailiffChamber()
		p.OfficerName = "ЧСИ " + m.rosters.pick(r, p.OfficeRu, 30)
	}
	if c.fixed {
		p.Status, p.ClosedAt, p.RecoveredTiyn = c.status, c.closed, c.recovered
	} else {
		p.Status = sio.ProceedingActive
		closed := between(r, days(opened, 30), end)
		if closed.Before(end.Time) {
			switch y := r.IntN(100); {
			case y < 30:
				p.Status, p.RecoveredTiyn = sio.ProceedingCompleted, c.amount
			case y < 45:
				p.Status, p.RecoveredTiyn = sio.ProceedingReturned, c.amount*int64(r.IntN(20))/100
			case y < 55:
				p.Status, p.RecoveredTiyn = sio.ProceedingTerminated, c.amount*int64(r.IntN(30))/100
			}
		}
		if p.Status == sio.ProceedingActive {
			p.RecoveredTiyn = c.amount * int64(r.IntN(60)) / 100
		} else {
			p.ClosedAt = &closed
		}
	}
	if dead != nil && p.Status == sio.ProceedingActive {
		// The debtor died: the proceeding ends (or waits for the heirs).
		p.Status, p.ClosedAt = sio.ProceedingTerminated, dead
	}
	f.Proceedings = append(f.Proceedings, p)

	lifted := p.ClosedAt
	impose := func(kind sio.RestrictionKind, object *string) sio.Date {
		last := end
		if lifted != nil {
			last = *lifted
		}
		at := minDate(days(opened, 3+r.IntN(120)), last)
		f.Restrictions = append(f.Restrictions, sio.EnforcementRestriction{ProceedingNumber: p.Number, Kind: kind,
			KindRu: restrictionRu[kind], ObjectNumber: object, ImposedAt: at, LiftedAt: lifted})
		return at
	}
	if c.debtor != nil && synth.Chance(r, c.exitBan) {
		at := impose(sio.RestrictionExitBan, nil)
		d := sio.DebtorRestriction{ID: m.seq("debtor"), PersonIIN: c.debtor.p.IIN, Kind: sio.DebtorOfProceeding, BasisNumber: p.Number,
			AmountTiyn: p.AmountTiyn - p.RecoveredTiyn, ClaimantName: p.CreditorName, ImposedBy: p.OfficerName + " (" + p.OfficeRu + ")",
			RestrictedFrom: at, LiftedAt: lifted}
		if lifted != nil {
			d.LiftedRu = ptr(map[sio.ProceedingStatus]string{
				sio.ProceedingCompleted:  "Отменено: требования исполнительного документа исполнены",
				sio.ProceedingReturned:   "Отменено: исполнительный документ возвращён взыскателю",
				sio.ProceedingTerminated: "Отменено: исполнительное производство прекращено",
			}[p.Status])
			d.AmountTiyn = p.AmountTiyn
		}
		f.Debtors = append(f.Debtors, d)
	}
	if synth.Chance(r, 0.8) {
		impose(sio.RestrictionAccountArrest, nil)
	}
	if x == nil {
		return
	}
	vins, estate := x.owned(p.DebtorID)
	if len(vins) > 0 && synth.Chance(r, 0.5) {
		impose(sio.RestrictionVehicleArrest, ptr(vins[r.IntN(len(vins))]))
	}
	if len(estate) > 0 && synth.Chance(r, 0.3) {
		impose(sio.RestrictionPropertyArrest, ptr(estate[r.IntN(len(estate))]))
	}
	if c.company != nil && synth.Chance(r, 0.4) {
		impose(sio.RestrictionRegistrationBan, nil)
	}
}

// seq is the next value of a plain counter (record IDs).
func (m *Model) seq(name string) int64 {
	m.serials[name]++
	return int64(m.serials[name])
}
