package health

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/synth"
)

// diagnosis is an ICD-10 code with its Russian name, the doctor (or
// hospital department) that treats it, and who gets it.
type diagnosis struct {
	code, nameRu, specialty string
	minAge, maxAge          int
	sex                     sio.Gender // "" for both
	weight                  int
}

// Outpatient diagnoses; the specialty "ВОП" becomes the district
// paediatrician for children.
var outpatient = []diagnosis{
	{"J06.9", "Острая инфекция верхних дыхательных путей неуточненная", "ВОП", 0, 120, "", 30},
	{"J20.9", "Острый бронхит неуточненный", "ВОП", 0, 120, "", 10},
	{"J03.9", "Острый тонзиллит неуточненный", "Оториноларинголог", 2, 60, "", 6},
	{"H66.9", "Средний отит неуточненный", "Оториноларинголог", 0, 14, "", 4},
	{"M54.5", "Боль внизу спины", "Невропатолог", 25, 120, "", 8},
	{"G43.9", "Мигрень неуточненная", "Невропатолог", 16, 60, sio.Female, 3},
	{"K29.7", "Гастрит неуточненный", "Гастроэнтеролог", 15, 120, "", 6},
	{"I10", "Эссенциальная [первичная] гипертензия", "Кардиолог", 40, 120, "", 8},
	{"E11.9", "Инсулиннезависимый сахарный диабет без осложнений", "Эндокринолог", 45, 120, "", 3},
	{"Z00.0", "Общий медицинский осмотр", "ВОП", 0, 120, "", 12},
	{"H52.1", "Миопия", "Офтальмолог", 7, 50, "", 4},
	{"L20.9", "Атопический дерматит неуточненный", "Дерматовенеролог", 0, 40, "", 3},
	{"S93.4", "Растяжение и перенапряжение связочного аппарата голеностопного сустава", "Травматолог-ортопед", 10, 60, "", 3},
	{"N30.0", "Острый цистит", "Уролог", 16, 80, sio.Female, 3},
	{"Z34.0", "Наблюдение за течением нормальной первой беременности", "Акушер-гинеколог", 18, 40, sio.Female, 4},
	{"Z27.1", "Необходимость иммунизации против дифтерии, коклюша и столбняка [АКДС]", "ВОП", 0, 6, "", 6},
	{"K02.1", "Кариес дентина", "Стоматолог", 3, 120, "", 6},
	{"U07.1", "COVID-19, вирус идентифицирован", "ВОП", 0, 120, "", 2},
}

// Chronic diseases taken on dispensary observation, with the chance by age
// band (from minAge on).
var chronic = []struct {
	diagnosis
	chance float64
}{
	{diagnosis{"I10", "Эссенциальная [первичная] гипертензия", "Кардиолог", 40, 120, "", 0}, 0.22},
	{diagnosis{"E11.9", "Инсулиннезависимый сахарный диабет без осложнений", "Эндокринолог", 45, 120, "", 0}, 0.08},
	{diagnosis{"I25.1", "Атеросклеротическая болезнь сердца", "Кардиолог", 55, 120, "", 0}, 0.1},
	{diagnosis{"J44.9", "Хроническая обструктивная легочная болезнь неуточненная", "Пульмонолог", 50, 120, sio.Male, 0}, 0.05},
	{diagnosis{"J45.9", "Астма неуточненная", "Пульмонолог", 5, 120, "", 0}, 0.02},
	{diagnosis{"K25.7", "Хроническая язва желудка без кровотечения или прободения", "Гастроэнтеролог", 25, 120, "", 0}, 0.02},
	{diagnosis{"N18.3", "Хроническая болезнь почки, стадия 3", "Нефролог", 55, 120, "", 0}, 0.02},
	{diagnosis{"G40.9", "Эпилепсия неуточненная", "Невропатолог", 3, 120, "", 0}, 0.006},
}

// Planned hospital treatment: the specialty is the hospital department.
var planned = []diagnosis{
	{"I20.8", "Другие формы стенокардии", "Кардиологическое отделение", 45, 120, "", 5},
	{"K80.1", "Камни желчного пузыря с другим холециститом", "Хирургическое отделение", 25, 120, "", 5},
	{"K40.9", "Односторонняя или неуточненная паховая грыжа без непроходимости или гангрены", "Хирургическое отделение", 18, 120, sio.Male, 3},
	{"D25.9", "Лейомиома матки неуточненная", "Гинекологическое отделение", 30, 55, sio.Female, 3},
	{"N20.0", "Камни почки", "Урологическое отделение", 20, 120, "", 3},
	{"M17.1", "Другой первичный гонартроз", "Травматологическое отделение", 50, 120, "", 3},
	{"M51.1", "Поражения межпозвоночных дисков поясничного и других отделов с радикулопатией", "Неврологическое отделение", 30, 120, "", 4},
	{"H25.9", "Старческая катаракта неуточненная", "Офтальмологическое отделение", 60, 120, "", 3},
}

// Emergency hospital treatment.
var emergency = []diagnosis{
	{"J18.9", "Пневмония неуточненная", "Пульмонологическое отделение", 0, 120, "", 8},
	{"K35.8", "Острый аппендицит, другой и неуточненный", "Хирургическое отделение", 5, 60, "", 4},
	{"I21.9", "Острый инфаркт миокарда неуточненный", "Кардиологическое отделение", 45, 120, "", 3},
	{"I63.9", "Инфаркт мозга неуточненный", "Инсультный центр", 55, 120, "", 3},
	{"S72.0", "Перелом шейки бедра", "Травматологическое отделение", 65, 120, "", 2},
	{"S06.0", "Сотрясение головного мозга", "Нейрохирургическое отделение", 3, 120, "", 3},
}

var birth = diagnosis{"O80.0", "Роды одноплодные, самопроизвольные в затылочном предлежании", "Родильное отделение", 0, 120, "", 0}

// Periods the systems hold: visits of the last two years, referrals and
// stays of the last three, dispensary registrations since 2010.
var (
	visitsFrom     = sio.MustDate("2023-01-01")
	hospitalFrom   = sio.MustDate("2022-01-01")
	dispensaryFrom = sio.MustDate("2010-01-01")
)

func fits(d *diagnosis, p *sio.Person, age int) bool {
	return age >= d.minAge && age <= d.maxAge && (d.sex == "" || d.sex == p.Gender)
}

func pickDiagnosis(r *rand.Rand, ds []diagnosis, p *sio.Person, age int) *diagnosis {
	w := make([]int, len(ds))
	sum := 0
	for i := range ds {
		if fits(&ds[i], p, age) {
			w[i] = max(ds[i].weight, 1)
			sum += w[i]
		}
	}
	if sum == 0 {
		return nil
	}
	return &ds[synth.PickWeighted(r, w)]
}

// polyclinic is the person's attached polyclinic (a city one, numbered).
func polyclinic(r *rand.Rand, kato string) string {
	region, _ := sio.RegionByKATO(kato)
	if region == nil {
		return "ГКП на ПХВ «Городская поликлиника №1»"
	}
	if strings.HasPrefix(region.NameRu, "г. ") {
		return fmt.Sprintf("ГКП на ПХВ «Городская поликлиника №%d» Управления общественного здравоохранения %s", 1+r.IntN(30), region.GenitiveRu())
	}
	return fmt.Sprintf("ГКП на ПХВ «Городская поликлиника №%d г. %s» Управления здравоохранения %s", 1+r.IntN(6), region.CenterRu, region.GenitiveRu())
}

// hospital names the hospital of the region that has the department.
func hospital(r *rand.Rand, kato, department string, child bool) string {
	region, _ := sio.RegionByKATO(kato)
	where := ""
	if region != nil {
		where = " " + region.GenitiveRu()
	}
	switch {
	case department == birth.specialty:
		return "ГКП на ПХВ «Перинатальный центр»" + where
	case child:
		return "ГКП на ПХВ «Детская многопрофильная больница»" + where
	case department == "Кардиологическое отделение" && synth.Chance(r, 0.5):
		return "ГКП на ПХВ «Кардиологический центр»" + where
	case region != nil && strings.HasPrefix(region.NameRu, "г. "):
		return fmt.Sprintf("ГКП на ПХВ «Городская клиническая больница №%d»%s", 1+r.IntN(7), where)
	}
	return "ГКП на ПХВ «Многопрофильная областная больница»" + where
}

// Filler returns the generator of the health records: 55% of persons
// visited their polyclinic in the last two years (1-4 times, plus the
// follow-up of their chronic diseases); chronic patients are on dispensary
// observation (hypertension in 22% from 40, diabetes 8% from 45, …); 5%
// had a planned referral to hospital in the last three years (80% then
// treated), 3% an emergency stay; mothers gave birth in a perinatal centre;
// 40% of those who died since 2022 died in hospital. IDs and referral
// numbers count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var g gen
	return func(ctx context.Context, b *synth.Batch) error {
		births := map[sio.IIN][]sio.Date{}
		for _, a := range b.Acts {
			if a.Kind != sio.ActBirth || a.Date.Before(hospitalFrom.Time) {
				continue
			}
			for _, p := range a.Parties {
				if p.Role == sio.RoleMother {
					births[p.IIN] = append(births[p.IIN], a.Date)
				}
			}
		}
		g.out = &Records{}
		for i := range b.Persons {
			p := &b.Persons[i]
			g.person(k.For(string(p.IIN)), p, births[p.IIN])
		}
		return s.Insert(ctx, g.out)
	}
}

// gen holds the counters of the health records across batches.
type gen struct {
	visits, dispensary, referrals, stays int64
	out                                  *Records
}

func (g *gen) person(r *rand.Rand, p *sio.Person, births []sio.Date) {
	today := synth.Today()
	end := synth.AddDays(today, -1)
	if p.DeathDate != nil {
		end = *p.DeathDate
	}
	clinic := polyclinic(r, p.RegionKATO)
	var observed []*diagnosis
	for i := range chronic {
		c := &chronic[i]
		if age := synth.AgeAt(p, end); !fits(&c.diagnosis, p, age) || !synth.Chance(r, c.chance) {
			continue
		}
		observed = append(observed, &c.diagnosis)
		g.register(r, p, clinic, &c.diagnosis, end)
	}
	if end.After(visitsFrom.Time) && synth.Chance(r, 0.55) {
		for n := 1 + synth.PickWeighted(r, []int{40, 30, 20, 10}); n > 0; n-- {
			on := synth.DateBetween(r, laterOf(visitsFrom, p.BirthDate), end)
			if d := pickDiagnosis(r, outpatient, p, synth.AgeAt(p, on)); d != nil {
				g.visit(r, p, clinic, d, on)
			}
		}
	}
	for _, d := range observed {
		// follow-up visits of a chronic disease
		for n := r.IntN(3); n > 0 && end.After(visitsFrom.Time); n-- {
			g.visit(r, p, clinic, d, synth.DateBetween(r, visitsFrom, end))
		}
	}
	from := laterOf(hospitalFrom, p.BirthDate)
	if !from.Before(end.Time) {
		return
	}
	if synth.Chance(r, 0.05) {
		on := synth.DateBetween(r, from, end)
		if d := pickDiagnosis(r, planned, p, synth.AgeAt(p, on)); d != nil {
			g.refer(r, p, clinic, d, on, end)
		}
	}
	if synth.Chance(r, 0.03) {
		on := synth.DateBetween(r, from, end)
		if d := pickDiagnosis(r, emergency, p, synth.AgeAt(p, on)); d != nil {
			g.stay(r, p, d, "", sio.HospitalizationEmergency, on, nil, end)
		}
	}
	for _, b := range births {
		g.stay(r, p, &birth, "", sio.HospitalizationEmergency, synth.AddDays(b, -r.IntN(2)), nil, end)
	}
	if p.DeathDate != nil && !p.DeathDate.Before(from.Time) && synth.Chance(r, 0.4) {
		// died in hospital
		on := laterOf(from, synth.AddDays(*p.DeathDate, -1-r.IntN(14)))
		if d := pickDiagnosis(r, emergency, p, synth.AgeAt(p, on)); d != nil {
			g.stay(r, p, d, "", sio.HospitalizationEmergency, on, nil, end)
		}
	}
}

func laterOf(a, b sio.Date) sio.Date {
	if a.After(b.Time) {
		return a
	}
	return b
}

func (g *gen) visit(r *rand.Rand, p *sio.Person, clinic string, d *diagnosis, on sio.Date) {
	specialty := d.specialty
	if specialty == "ВОП" {
		specialty = "Врач общей практики"
		if synth.AgeAt(p, on) < 15 {
			specialty = "Педиатр участковый"
		}
	}
	kind := sio.VisitPrimary
	switch {
	case d.code == "Z00.0" || d.code == "Z27.1" || d.code == "Z34.0":
		kind = sio.VisitPreventive
	case synth.Chance(r, 0.35):
		kind = sio.VisitRepeat
	}
	g.visits++
	g.out.Visits = append(g.out.Visits, sio.OutpatientVisit{ID: g.visits, IIN: p.IIN, VisitedOn: on, Facility: clinic,
		RegionKATO: p.RegionKATO, DoctorSpecialty: specialty, ICD10: d.code, DiagnosisRu: d.nameRu, Kind: kind})
}

// register puts a chronic disease on dispensary observation from its
// onset (not before 2010) until death or a move.
func (g *gen) register(r *rand.Rand, p *sio.Person, clinic string, d *diagnosis, end sio.Date) {
	from := laterOf(dispensaryFrom, synth.AddYears(p.BirthDate, d.minAge))
	if !from.Before(end.Time) {
		return
	}
	rec := sio.DispensaryRegistration{IIN: p.IIN, Facility: clinic, RegionKATO: p.RegionKATO, ICD10: d.code, DiagnosisRu: d.nameRu,
		Group: "Д-III", DoctorSpecialty: d.specialty, RegisteredOn: synth.DateBetween(r, from, end)}
	switch {
	case p.DeathDate != nil:
		reason := "Смерть"
		rec.DeregisteredOn, rec.DeregistrationReasonRu = p.DeathDate, &reason
	case synth.Chance(r, 0.05) && rec.RegisteredOn.Before(synth.AddDays(end, -60).Time):
		off := synth.DateBetween(r, synth.AddDays(rec.RegisteredOn, 30), end)
		reason := "Выбытие (смена места жительства)"
		rec.DeregisteredOn, rec.DeregistrationReasonRu = &off, &reason
	}
	g.dispensary++
	rec.ID = g.dispensary
	g.out.Dispensary = append(g.out.Dispensary, rec)
}

// refer refers the person to planned treatment: hospitalized 1-8 weeks
// later, or cancelled, or still waiting.
func (g *gen) refer(r *rand.Rand, p *sio.Person, clinic string, d *diagnosis, on, end sio.Date) {
	g.referrals++
	child := synth.AgeAt(p, on) < 18
	ref := sio.HospitalReferral{ReferralNumber: fmt.Sprintf("%d-%s-%07d", on.Year(), p.RegionKATO, g.referrals), IIN: p.IIN,
		ReferredOn: on, FromFacility: clinic, Hospital: hospital(r, p.RegionKATO, d.specialty, child), RegionKATO: p.RegionKATO,
		ProfileRu: d.specialty, ICD10: d.code, DiagnosisRu: d.nameRu, PlannedOn: synth.AddDays(on, 7+r.IntN(50)),
		Status: sio.ReferralHospitalized}
	switch {
	case ref.PlannedOn.After(end.Time):
		ref.Status = sio.ReferralWaiting
		if p.DeathDate != nil {
			ref.Status = sio.ReferralCancelled
		}
	case synth.Chance(r, 0.12):
		ref.Status = sio.ReferralCancelled
	}
	g.out.Referrals = append(g.out.Referrals, ref)
	if ref.Status == sio.ReferralHospitalized {
		number := ref.ReferralNumber
		g.stay(r, p, d, ref.Hospital, sio.HospitalizationPlanned, ref.PlannedOn, &number, end)
	}
}

// stay admits the person on the day: 3-14 days in hospital (a delivery
// 2-4), or until death, or still there.
func (g *gen) stay(r *rand.Rand, p *sio.Person, d *diagnosis, hosp string, admission sio.HospitalizationKind, on sio.Date, referral *string, end sio.Date) {
	if on.After(end.Time) {
		return
	}
	if hosp == "" {
		hosp = hospital(r, p.RegionKATO, d.specialty, synth.AgeAt(p, on) < 18)
	}
	g.stays++
	st := sio.InpatientStay{ID: g.stays, IIN: p.IIN, Hospital: hosp,
		RegionKATO: p.RegionKATO, DepartmentRu: d.specialty, Admission: admission, AdmittedOn: on, ICD10: d.code,
		DiagnosisRu: d.nameRu, ReferralNumber: referral}
	out := synth.AddDays(on, 3+r.IntN(12))
	if d == &birth {
		out = synth.AddDays(on, 2+r.IntN(3)) // a normal delivery
	}
	outcome := synth.Pick(r, []sio.StayOutcome{sio.OutcomeRecovered, sio.OutcomeImproved, sio.OutcomeImproved, sio.OutcomeImproved,
		sio.OutcomeUnchanged, sio.OutcomeTransferred})
	switch {
	case p.DeathDate != nil && !out.Before(p.DeathDate.Time):
		out, outcome = *p.DeathDate, sio.OutcomeDied
	case out.After(synth.Today().Time):
		// still in hospital
		g.out.Stays = append(g.out.Stays, st)
		return
	}
	st.DischargedOn, st.Outcome = &out, &outcome
	g.out.Stays = append(g.out.Stays, st)
}
