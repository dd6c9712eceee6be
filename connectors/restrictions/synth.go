package restrictions

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// Rates of the generator. Debtors in enforcement proceedings are common in
// Kazakhstan (bank loans, alimony, taxes, fines: several hundred thousand
// in the register of debtors); arrests in criminal cases are rare.
const (
	personDebtorRate   = 0.07
	companyDebtorRate  = 0.08
	personAccusedRate  = 0.006
	companyAccusedRate = 0.01
	// banOnProperty: a debtor's (accused's) object that is banned; the rest
	// is exempt or not yet found by the bailiff.
	banOnProperty = 0.7
	// participationBan, companyBan: debtors whom the bailiff also bars
	// from legal entities / whose company's registration is frozen.
	participationBan = 0.6
	companyBan       = 0.6
	// Share of restrictions lifted since (debt repaid, case closed).
	liftedEnforcement = 0.4
	liftedCriminal    = 0.2
)

var (
	debtReasons = []string{
		"взыскание задолженности по договору банковского займа",
		"взыскание алиментов на содержание несовершеннолетних детей",
		"взыскание налоговой задолженности",
		"взыскание задолженности за коммунальные услуги",
		"взыскание штрафа по постановлению по делу об административном правонарушении",
		"взыскание задолженности по договору микрокредита",
	}
	companyDebtReasons = []string{
		"взыскание налоговой задолженности",
		"взыскание задолженности по договору поставки",
		"взыскание задолженности по заработной плате",
		"взыскание задолженности по договору банковского займа",
	}
	enforcementLifts = []string{
		"Исполнительный документ исполнен: задолженность погашена в полном объёме",
		"Исполнительное производство прекращено",
		"Запрет снят по определению суда",
	}
	criminalLifts = []string{
		"Арест отменён: уголовное дело прекращено",
		"Арест отменён: имущество не подлежит конфискации по вступившему в силу приговору",
	}
)

// Sources of the restrictions that come from the source systems.
const (
	viaOIP  = "АИС ОИП"
	viaERDR = "ЕРДР"
)

// proceeding is the case under which restrictions on one subject's
// objects in one region are imposed: enforcement proceedings (АИС ОИП) or
// a criminal case (ЕРДР), with the authority and the reason.
type proceeding struct {
	basis, registry, number string
	opened                  sio.Date
	authority, role, agency string
	reason, via             string
	lifted                  float64
}

// gen derives the restrictions of a batch. Whether a subject is a debtor
// or accused is a function of its identifier alone, so that the rights to
// its objects, which may come in later batches (a flat let to tenants),
// agree whatever the batch cuts. Interpretation: a proceeding is
// registered in the region of the object (its number carries the region),
// so a debtor with property in two regions has two; the source systems do
// not pass the officer's IIN on, so their changes carry the role and
// agency only.
type gen struct {
	k *synth.Keyed
	// counters per stream (property rights, plot rights, entities,
	// persons), each in population order: the IDs of one type.
	n map[sio.RestrictionType]int
}

// Filler returns the generator of the register of restrictions: bans of
// bailiffs on the real estate and plots of debtors, on their companies and
// on their participation in companies, and arrests of investigators on the
// property and companies of the accused; some lifted since.
func (s *Store) Filler(seed int64) synth.Filler {
	g := &gen{k: synth.NewKeyed(seed, Name), n: map[sio.RestrictionType]int{}}
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.Restriction
		region := map[string]string{}
		for _, p := range b.Properties {
			region[p.CadastralNumber] = p.RegionKATO
		}
		for _, p := range b.Plots {
			region[p.CadastralNumber] = p.RegionKATO
		}
		for _, right := range b.PropertyRights {
			for _, pr := range g.proceedings(right.HolderID, right.HolderKind, region[right.ObjectNumber]) {
				if right.Since.After(synth.AddDays(synth.Today(), -30).Time) {
					continue
				}
				r := g.k.For(pr.number + "/" + right.ObjectNumber)
				if synth.Chance(r, banOnProperty) {
					out = append(out, g.restriction(r, sio.RestrictionRealEstateBan, right.ObjectNumber, pr, right.Since))
				}
			}
		}
		for _, right := range b.PlotRights {
			for _, pr := range g.proceedings(right.HolderID, right.HolderKind, region[right.ObjectNumber]) {
				// Encumbrances of plots are imposed in enforcement only
				// (service 65 serves no other basis).
				if pr.basis != "ENFORCEMENT" || right.Since.After(synth.AddDays(synth.Today(), -30).Time) {
					continue
				}
				r := g.k.For(pr.number + "/" + right.ObjectNumber)
				if synth.Chance(r, banOnProperty) {
					out = append(out, g.restriction(r, sio.RestrictionLandEncumbrance, right.ObjectNumber, pr, right.Since))
				}
			}
		}
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.Status != "ACTIVE" {
				continue
			}
			for _, pr := range g.proceedings(string(e.BIN), sio.SubjectLegalEntity, e.RegionKATO) {
				r := g.k.For(pr.number + "/" + string(e.BIN))
				if synth.Chance(r, companyBan) {
					out = append(out, g.restriction(r, sio.RestrictionLegalEntityBan, string(e.BIN), pr, e.RegistrationDate))
				}
			}
		}
		for i := range b.Persons {
			p := &b.Persons[i]
			if !synth.Alive(p) {
				continue
			}
			for _, pr := range g.proceedings(string(p.IIN), sio.SubjectPerson, p.RegionKATO) {
				r := g.k.For(pr.number + "/" + string(p.IIN))
				if pr.basis == "ENFORCEMENT" && synth.Chance(r, participationBan) {
					out = append(out, g.restriction(r, sio.RestrictionParticipationBan, string(p.IIN), pr, pr.opened))
				}
			}
		}
		return s.Insert(ctx, out)
	}
}

// proceedings returns the enforcement proceedings and criminal cases
// against a subject (IIN or BIN) registered in a region: none for most.
// The case number carries the region; the rest depends on the subject only.
func (g *gen) proceedings(id string, kind sio.SubjectKind, kato string) []proceeding {
	reg, ok := sio.RegionByKATO(kato)
	if !ok {
		return nil
	}
	today := synth.Today()
	r := g.k.For(id + "/cases")
	debtor, accused := personDebtorRate, personAccusedRate
	reasons := debtReasons
	if kind == sio.SubjectLegalEntity {
		debtor, accused, reasons = companyDebtorRate, companyAccusedRate, companyDebtReasons
	}
	isDebtor, isAccused := synth.Chance(r, debtor), synth.Chance(r, accused)
	var out []proceeding
	from := sio.MustDate("2016-01-01")
	if kind == sio.SubjectPerson {
		from = synth.Later(from, synth.AddYears(sio.DateOf(sio.IIN(id).BirthDate()), 18))
	}
	if from.After(synth.AddDays(today, -60).Time) {
		return nil
	}
	if isDebtor {
		opened := synth.DateBetween(r, from, synth.AddDays(today, -60))
		pr := proceeding{basis: "ENFORCEMENT", registry: sio.RegistryAISOIP, opened: opened,
			number: fmt.Sprintf("%02d%s7%07d", opened.Year()%100, kato, r.IntN(10_000_000)),
			role:   "BAILIFF", agency: "ENFORCEMENT_SERVICE", via: viaOIP, lifted: liftedEnforcement,
			reason: "Обеспечение исполнения исполнительного документа: " + synth.Pick(r, reasons)}
		if synth.Chance(r, 0.7) {
			pr.authority = "Частный судебный исполнитель исполнительного округа " + reg.GenitiveRu()
		} else {
			pr.authority = "Департамент юстиции " + reg.GenitiveRu() + " (государственный судебный исполнитель)"
		}
		out = append(out, pr)
	}
	if isAccused {
		opened := synth.DateBetween(r, from, synth.AddDays(today, -60))
		pr := proceeding{basis: "CRIMINAL_CASE", registry: sio.RegistryERDR, opened: opened,
			role: "INVESTIGATOR_INTERNAL_AFFAIRS", agency: "MVD", via: viaERDR, lifted: liftedCriminal,
			authority: "Следственное управление Департамента полиции " + reg.GenitiveRu(),
			reason:    "Обеспечение гражданского иска и возможной конфискации имущества по уголовному делу"}
		aa := "00"
		if kind == sio.SubjectLegalEntity {
			// economic crimes of companies are investigated by the АФМ
			aa, pr.role, pr.agency = "04", "INVESTIGATOR_FINANCIAL_MONITORING", "AFM"
			pr.authority = "Департамент экономических расследований " + reg.GenitiveRu() + " (АФМ)"
		}
		pr.number = fmt.Sprintf("%02d%s%s031%06d", opened.Year()%100, kato, aa, r.IntN(1_000_000))
		out = append(out, pr)
	}
	return out
}

// restriction draws a restriction of typ on an object under a proceeding,
// imposed after both the proceeding and notBefore (the right or
// registration), with its history: the imposition and perhaps the lift.
func (g *gen) restriction(r *rand.Rand, typ sio.RestrictionType, object string, pr proceeding, notBefore sio.Date) sio.Restriction {
	today := synth.Today()
	g.n[typ]++
	day := synth.DateBetween(r, synth.Earlier(synth.Later(pr.opened, notBefore), synth.AddDays(today, -1)), synth.AddDays(today, -1))
	at := synth.Clock(day, 9+r.IntN(9), r.IntN(60))
	rs := sio.Restriction{ID: fmt.Sprintf("%s-%08d", prefixes[typ], g.n[typ]), Type: typ, MeasureRu: sio.RestrictionMeasureRu(typ, pr.basis),
		ObjectID: object, Status: sio.RestrictionActive, AuthorityRu: pr.authority, Basis: pr.basis, CaseRegistry: pr.registry,
		CaseNumber: pr.number, Reason: pr.reason, ImposedAt: at}
	change := sio.RestrictionChange{RestrictionID: rs.ID, Seq: 1, Action: sio.RestrictionImpose, At: at, OfficialRole: pr.role,
		OfficialAgency: pr.agency, Basis: pr.basis, CaseRegistry: pr.registry, CaseNumber: pr.number, Reason: pr.reason, RecordedVia: pr.via}
	rs.History = []sio.RestrictionChange{change}
	if liftFrom := synth.AddDays(day, 30); synth.Chance(r, pr.lifted) && liftFrom.Before(today.Time) {
		reasons := enforcementLifts
		if pr.basis == "CRIMINAL_CASE" {
			reasons = criminalLifts
		}
		lifted := synth.Clock(synth.DateBetween(r, liftFrom, synth.AddDays(today, -1)), 9+r.IntN(9), r.IntN(60))
		rs.Status, rs.LiftedAt = sio.RestrictionLifted, &lifted
		change.Seq, change.Action, change.At, change.Reason = 2, sio.RestrictionLift, lifted, synth.Pick(r, reasons)
		rs.History = append(rs.History, change)
	}
	return rs
}
