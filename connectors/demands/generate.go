package demands

import (
	"context"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/connectors/justice"
	"sio/synth"
)

var formRu = map[sio.DemandForm]string{
	sio.DemandConvictions:    "Форма 1 — о судимости и уголовном преследовании",
	sio.DemandWanted:         "Форма 2 — о нахождении в розыске",
	sio.DemandDactyloscopy:   "Форма 3 — по дактилоскопическому учёту (установление личности)",
	sio.DemandAdministrative: "Форма 4 — об административных правонарушениях",
}

// The electronic demands of the special records start in 2014.
var demandsStart = sio.MustDate("2014-01-01")

// Filler returns the generator of Требования: every criminal case brings
// the investigator's demands on the suspect (convictions, wanted status,
// fingerprints), every detention of a wanted person a check on the day,
// every administrative offence a check for earlier ones; about 6% of
// adults were checked for another purpose (civil service, a weapons
// licence, a certificate through eGov, a job in a school) and most foreign
// residents when applying for residence. The answers read the special
// records as of the demand's date.
func (s *Store) Filler(seed int64) synth.Filler {
	g := &gen{k: synth.NewKeyed(seed, Name), model: justice.NewStream(seed), n: justice.Counters{}}
	return func(ctx context.Context, b *synth.Batch) error {
		g.out = g.out[:0]
		if err := g.batch(b); err != nil {
			return err
		}
		return s.Insert(ctx, g.out)
	}
}

type gen struct {
	k     *synth.Keyed
	model *justice.Stream
	n     justice.Counters
	out   []sio.Demand
}

// records are a person's special records.
type records struct {
	crimes   []*sio.CriminalRecord
	searches []*sio.FugitiveRecord
	offences []*sio.AdministrativeOffence
	dactylo  *sio.DactyloscopicRecord
}

func (g *gen) batch(b *synth.Batch) error {
	f, err := g.model.Batch(b)
	if err != nil {
		return err
	}
	recs := map[sio.IIN]*records{}
	of := func(iin sio.IIN) *records {
		r := recs[iin]
		if r == nil {
			r = &records{}
			recs[iin] = r
		}
		return r
	}
	for i := range f.CriminalRecords {
		c := &f.CriminalRecords[i]
		of(c.PersonIIN).crimes = append(of(c.PersonIIN).crimes, c)
	}
	for i := range f.Fugitives {
		x := &f.Fugitives[i]
		of(x.PersonIIN).searches = append(of(x.PersonIIN).searches, x)
	}
	for i := range f.Offences {
		o := &f.Offences[i]
		of(o.PersonIIN).offences = append(of(o.PersonIIN).offences, o)
	}
	for i := range f.Dactyloscopy {
		d := &f.Dactyloscopy[i]
		of(d.PersonIIN).dactylo = d
	}
	empty := &records{}
	for i := range b.Persons {
		p := &b.Persons[i]
		rs := recs[p.IIN]
		if rs == nil {
			rs = empty
		}
		g.person(p, rs)
	}
	return nil
}

// purpose is a reason to check a person outside a criminal case.
type purpose struct {
	textRu    string
	initiator func(pl justice.Place) string
	forms     []sio.DemandForm
	weight    int
}

var purposes = []purpose{
	{"Проверка кандидата на занятие должности государственной службы", func(pl justice.Place) string { return "Кадровая служба, " + pl.Akimat() },
		[]sio.DemandForm{sio.DemandConvictions, sio.DemandAdministrative}, 25},
	{"Выдача разрешения на приобретение, хранение и ношение оружия", func(pl justice.Place) string {
		return "Отдел лицензионно-разрешительной работы, " + pl.PoliceDepartment()
	}, []sio.DemandForm{sio.DemandConvictions, sio.DemandAdministrative}, 10},
	{"Выдача справки о наличии либо отсутствии судимости по заявлению гражданина (портал «электронного правительства»)",
		func(justice.Place) string {
			return "НАО «Государственная корпорация «Правительство для граждан»"
		},
		[]sio.DemandForm{sio.DemandConvictions}, 45},
	{"Трудоустройство в организацию образования (работа с несовершеннолетними)",
		func(pl justice.Place) string { return "Управление образования, " + pl.Akimat() }, []sio.DemandForm{sio.DemandConvictions}, 15},
	{"Проверка лица, доставленного в орган внутренних дел", func(pl justice.Place) string { return pl.Police() },
		[]sio.DemandForm{sio.DemandWanted, sio.DemandDactyloscopy}, 5},
}

var purposeTable = justice.NewWeighted(purposes, func(p *purpose) int { return p.weight })

func (g *gen) person(p *sio.Person, rs *records) {
	r := g.k.For(string(p.IIN))
	today := synth.Today()
	yesterday := synth.AddDays(today, -1)
	pl := justice.PlaceOfPerson(r, p)
	end := yesterday
	if p.DeathDate != nil {
		end = synth.AddDays(*p.DeathDate, -1)
	}
	for _, c := range rs.crimes {
		if c.RegisteredAt.Before(demandsStart.Time) {
			continue
		}
		d := synth.AddDays(c.RegisteredAt, 1+r.IntN(20))
		if d.After(end.Time) {
			continue
		}
		why := "Уголовное дело (ЕРДР) № " + c.CaseNumber + ", ст. " + c.Article + " " + c.CodeRu
		for _, f := range []sio.DemandForm{sio.DemandConvictions, sio.DemandWanted, sio.DemandDactyloscopy} {
			g.demand(r, p, rs, pl, f, d, c.RegisteredBy, why)
		}
	}
	for _, x := range rs.searches {
		// The police check a detained suspect against the records on the
		// day of detention; an active search surfaces at a border check.
		switch {
		case x.Status == sio.WantedDetained:
			for _, f := range []sio.DemandForm{sio.DemandWanted, sio.DemandDactyloscopy} {
				g.demand(r, p, rs, pl, f, *x.EndedAt, pl.Police(), "Проверка задержанного лица")
			}
		case x.Status == sio.WantedActive && synth.Chance(r, 0.4):
			g.demand(r, p, rs, pl, sio.DemandWanted, synth.DateBetween(r, x.DeclaredAt, end),
				"Пограничная служба Комитета национальной безопасности", "Проверка при пересечении государственной границы")
		}
	}
	for _, o := range rs.offences {
		// Recording an offence, the police look for earlier ones (a repeat
		// offence within a year is qualified more severely).
		g.demand(r, p, rs, pl, sio.DemandAdministrative, o.CommittedAt, o.RecordedBy, "Административное дело № "+o.CaseNumber+", ст. "+o.Article+" КоАП РК")
	}
	if synth.AgeAt(p, today) < 18 {
		return
	}
	from := synth.AddYears(p.BirthDate, 18)
	if from.Before(demandsStart.Time) {
		from = demandsStart
	}
	if from.After(end.Time) {
		return
	}
	if p.Citizenship != "KZ" && synth.Chance(r, 0.8) {
		d := synth.DateBetween(r, from, end)
		for _, f := range []sio.DemandForm{sio.DemandConvictions, sio.DemandWanted, sio.DemandDactyloscopy} {
			g.demand(r, p, rs, pl, f, d, pl.Migration(), "Оформление вида на жительство иностранцу")
		}
	}
	if !synth.Chance(r, 0.06) {
		return
	}
	for range 1 + r.IntN(2) {
		pu := purposeTable.Pick(r)
		d := synth.DateBetween(r, from, end)
		for _, f := range pu.forms {
			g.demand(r, p, rs, pl, f, d, pu.initiator(pl), pu.textRu)
		}
	}
}

func (g *gen) demand(r *rand.Rand, p *sio.Person, rs *records, pl justice.Place, form sio.DemandForm, d sio.Date, initiator, why string) {
	answered := synth.AddDays(d, r.IntN(3))
	if answered.After(synth.AddDays(synth.Today(), -1).Time) {
		answered = d
	}
	found, answer := answer(rs, form, d)
	head := "Т-" + d.Format("06") + pl.KATO() + "-"
	no := head + justice.Pad(g.n.Next(r, head, 10000), 7)
	g.out = append(g.out, sio.Demand{Number: no, PersonIIN: p.IIN, Form: form, FormRu: formRu[form], RequestedAt: d,
		Initiator: initiator, PurposeRu: why, AnsweredAt: answered, Found: found, AnswerRu: answer})
}

// answer reads the records as of d.
func answer(rs *records, form sio.DemandForm, d sio.Date) (bool, string) {
	date := func(x sio.Date) string { return x.Format("02.01.2006") }
	var lines []string
	switch form {
	case sio.DemandConvictions:
		for _, c := range rs.crimes {
			if c.RegisteredAt.After(d.Time) {
				continue
			}
			switch {
			case c.Outcome == sio.OutcomeConvicted && c.OutcomeDate != nil && !c.OutcomeDate.After(d.Time):
				s := "Осуждён(а) " + date(*c.OutcomeDate) + " " + *c.CourtName + " по ст. " + c.Article + " " + c.CodeRu + " к наказанию: " + *c.SentenceRu
				if c.ExpungedAt != nil && !c.ExpungedAt.After(d.Time) {
					s += "; судимость погашена " + date(*c.ExpungedAt)
				}
				lines = append(lines, s)
			case c.OutcomeDate == nil || c.OutcomeDate.After(d.Time):
				lines = append(lines, "Привлекается к уголовной ответственности: уголовное дело № "+c.CaseNumber+" по ст. "+c.Article+" "+c.CodeRu+
					", зарегистрировано "+date(c.RegisteredAt)+" ("+c.RegisteredBy+")")
			default:
				lines = append(lines, "Привлекался(ась) к уголовной ответственности по ст. "+c.Article+" "+c.CodeRu+" (уголовное дело № "+c.CaseNumber+"): "+c.OutcomeRu)
			}
		}
		if len(lines) == 0 {
			return false, "Сведениями о судимости и уголовном преследовании не располагает"
		}
	case sio.DemandWanted:
		for _, s := range rs.searches {
			if !s.DeclaredAt.After(d.Time) && (s.EndedAt == nil || !s.EndedAt.Before(d.Time)) {
				lines = append(lines, "Значится в розыске с "+date(s.DeclaredAt)+" как скрывшийся от органа уголовного преследования: розыскное дело № "+
					s.SearchCaseNumber+", ЕРДР № "+s.ERDRNumber+", инициатор — "+s.Initiator+", "+strings.ToLower(s.LevelRu))
			}
		}
		if len(lines) == 0 {
			return false, "В розыске не значится"
		}
	case sio.DemandDactyloscopy:
		if x := rs.dactylo; x != nil && !x.RegisteredAt.After(d.Time) {
			return true, "Состоит на дактилоскопическом учёте с " + date(x.RegisteredAt) + ", дактилокарта № " + x.CardNumber + " (" + x.RegisteredBy + ")"
		}
		return false, "На дактилоскопическом учёте не состоит"
	case sio.DemandAdministrative:
		yearBefore := synth.AddYears(d, -1)
		for _, o := range rs.offences {
			if o.DecidedAt.Before(d.Time) && o.DecidedAt.After(yearBefore.Time) {
				lines = append(lines, date(o.CommittedAt)+" — ст. "+o.Article+" КоАП РК («"+o.ArticleRu+"»): "+o.PenaltyRu)
			}
		}
		if len(lines) == 0 {
			return false, "Сведений о привлечении к административной ответственности за последние 12 месяцев не имеется"
		}
	}
	return true, strings.Join(lines, "; ")
}
