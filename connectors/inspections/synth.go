package inspections

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"sio"
	"sio/synth"
)

// inspector is a state body that inspects businesses: its name for a region,
// what it checks, the violations it finds and the article of the Code of
// Administrative Offences (КоАП) it draws protocols under ("" when it only
// issues prescriptions). Tax audits are scheduled or unscheduled only:
// preventive control with a visit is not a form of tax control.
type inspector struct {
	body       func(kato string) string
	matters    []string
	violations []string
	article    string
	taxAudit   bool
}

func genitive(prefix string) func(string) string {
	return func(kato string) string { return prefix + " " + synth.GenitiveRu(kato) }
}

func dative(prefix string) func(string) string {
	return func(kato string) string { return prefix + " по " + synth.DativeRu(kato) }
}

var (
	fire = inspector{genitive("Департамент по чрезвычайным ситуациям"), []string{"Соблюдение требований пожарной безопасности"}, []string{
		"Отсутствие автоматической пожарной сигнализации", "Не проведена перезарядка огнетушителей", "Загромождение путей эвакуации",
		"Отсутствие плана эвакуации людей при пожаре", "Неисправность системы оповещения о пожаре"}, "410", false}
	sanitary = inspector{genitive("Департамент санитарно-эпидемиологического контроля"), []string{"Соблюдение санитарно-эпидемиологических требований"}, []string{
		"Отсутствие медицинских книжек у персонала", "Нарушение условий хранения пищевой продукции", "Отсутствие производственного контроля",
		"Несоблюдение режима дезинфекции"}, "425", false}
	labour = inspector{genitive("Управление государственной инспекции труда"), []string{"Соблюдение трудового законодательства"}, []string{
		"Несвоевременная выплата заработной платы", "Отсутствие трудовых договоров с работниками", "Не проведен инструктаж по безопасности и охране труда",
		"Нарушение режима рабочего времени"}, "87", false}
	ecology = inspector{dative("Департамент экологии"), []string{"Соблюдение экологического законодательства"}, []string{
		"Эмиссии в окружающую среду без экологического разрешения", "Нарушение правил обращения с отходами", "Превышение нормативов допустимых выбросов"}, "", false}
	tax = inspector{dative("Департамент государственных доходов"), []string{"Комплексная налоговая проверка",
		"Тематическая проверка по вопросу подтверждения достоверности сумм НДС, предъявленных к возврату"}, []string{
		"Занижение налогооблагаемого дохода", "Неправомерное отнесение НДС в зачет", "Несвоевременное представление налоговой отчетности"}, "", true}
	transport = inspector{dative("Инспекция транспортного контроля"), []string{"Соблюдение законодательства об автомобильном транспорте"}, []string{
		"Превышение допустимых весовых параметров", "Отсутствие предрейсового медицинского осмотра водителей", "Отсутствие тахографа"}, "", false}
	veterinary = inspector{dative("Территориальная инспекция Комитета ветеринарного контроля и надзора МСХ РК"), []string{
		"Соблюдение законодательства в области ветеринарии"}, []string{"Отсутствие идентификации сельскохозяйственных животных",
		"Не проведены ветеринарные обработки"}, "", false}
	building = inspector{func(kato string) string {
		return "ГУ «Управление государственного архитектурно-строительного контроля " + synth.GenitiveRu(kato) + "»"
	}, []string{"Соблюдение требований архитектурной, градостроительной и строительной деятельности"}, []string{
		"Производство работ без технического надзора", "Отступление от утвержденного проекта"}, "", false}
	industrial = inspector{dative("Департамент Комитета промышленной безопасности МЧС РК"), []string{
		"Соблюдение требований промышленной безопасности на опасных производственных объектах"}, []string{
		"Отсутствие декларации промышленной безопасности", "Не проведено техническое освидетельствование оборудования"}, "", false}

	// general bodies inspect any business; byActivity adds the bodies that
	// supervise an activity (ОКЭД).
	general    = []inspector{fire, labour, tax}
	byActivity = map[string][]inspector{
		"56101": {sanitary}, "10711": {sanitary}, "47190": {sanitary}, "86210": {sanitary}, "85410": {sanitary},
		"06100": {ecology, industrial}, "35111": {ecology, industrial}, "41201": {building, ecology}, "42110": {building, ecology},
		"49410": {transport}, "01410": {veterinary}, "01450": {veterinary},
	}
)

// The moratorium on inspections of small and medium business (2020-2023)
// left only unscheduled inspections and preventive control for them.
var moratoriumFrom, moratoriumTo = sio.MustDate("2020-01-01"), sio.MustDate("2023-12-31")

// Filler returns the generator of Учет проверок ГО: ~35% of active
// businesses had 1-3 inspections since 2018 by the general bodies (fire
// safety, labour, tax) or those of their activity; during the 2020-2023
// moratorium small businesses (all but АО) had no scheduled ones. ~55% of
// inspections found violations, with a prescription and, where the body
// draws them, a protocol under its article of КоАП.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int
	return func(ctx context.Context, b *synth.Batch) error {
		var out []sio.StateInspection
		today := synth.Today()
		for i := range b.Entities {
			e := &b.Entities[i]
			if e.Status != "ACTIVE" {
				continue
			}
			r := k.For(string(e.BIN))
			from := synth.Registered(e)
			if lo := sio.MustDate("2018-01-01"); from.Before(lo.Time) {
				from = lo
			}
			if !synth.Chance(r, 0.35) || !from.Before(today.Time) {
				continue
			}
			bodies := append(byActivity[e.ActivityCode][:len(byActivity[e.ActivityCode]):len(byActivity[e.ActivityCode])], general...)
			for range 1 + r.IntN(3) {
				n++
				out = append(out, newInspection(r, synth.Pick(r, bodies), e, from, n))
			}
		}
		return s.Insert(ctx, out)
	}
}

func newInspection(r *rand.Rand, in inspector, e *sio.LegalEntity, from sio.Date, n int) sio.StateInspection {
	today := synth.Today()
	start := synth.DateBetween(r, from, synth.AddDays(today, -1))
	end := synth.AddDays(start, 1+r.IntN(25))
	if end.After(today.Time) {
		end = today
	}
	kind := sio.StateInspectionScheduled
	switch x := r.Float64(); {
	case x < 0.35:
		kind = sio.StateInspectionUnscheduled
	case x < 0.55 && !in.taxAudit:
		kind = sio.StateInspectionPreventive
	}
	if kind == sio.StateInspectionScheduled && e.LegalForm != "АО" && !start.Before(moratoriumFrom.Time) && !start.After(moratoriumTo.Time) {
		kind = sio.StateInspectionUnscheduled
	}
	i := sio.StateInspection{
		RegistrationNumber: fmt.Sprintf("%02d%02d%s%08d", start.Year()%100, int(start.Month()), e.RegionKATO, n),
		SubjectID:          string(e.BIN), SubjectKind: sio.SubjectLegalEntity, InspectorRu: in.body(e.RegionKATO), Kind: kind,
		SubjectMatterRu: synth.Pick(r, in.matters), StartDate: start, EndDate: end, Result: sio.StateInspectionClean, RegionKATO: e.RegionKATO,
	}
	if synth.Chance(r, 0.55) {
		found := pickDistinct(r, in.violations, 1+r.IntN(len(in.violations)))
		text := strings.Join(found, "; ")
		measures := "Предписание об устранении выявленных нарушений"
		if in.article != "" && synth.Chance(r, 0.5) {
			measures += "; протокол об административном правонарушении по ст. " + in.article + " КоАП РК"
		}
		i.Result, i.Violations, i.ViolationsRu, i.MeasuresRu = sio.StateInspectionViolations, len(found), &text, &measures
	}
	return i
}

// pickDistinct draws n distinct elements of xs in their order.
func pickDistinct(r *rand.Rand, xs []string, n int) []string {
	idx := r.Perm(len(xs))[:n]
	var out []string
	for i, x := range xs {
		for _, j := range idx {
			if i == j {
				out = append(out, x)
			}
		}
	}
	return out
}
