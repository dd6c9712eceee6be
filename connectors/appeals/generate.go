package appeals

import (
	"context"
	"math/rand/v2"
	"strconv"

	"sio"
	"sio/connectors/justice"
	"sio/synth"
)

// topic is what an appeal is about: its kind, the body that handles it,
// the topic (категория) and typical summaries.
type topic struct {
	kind       sio.AppealKind
	body       func(pl justice.Place) string
	categoryRu string
	summaries  []string
	weight     int
}

var (
	police     = func(pl justice.Place) string { return pl.Police() }
	akimat     = func(pl justice.Place) string { return pl.Akimat() }
	prosecutor = func(pl justice.Place) string { return pl.Prosecutor() }
	justiceDep = func(pl justice.Place) string { return pl.JusticeDepartment() }
)

var topics = []topic{
	{sio.AppealCrimeReport, police, "Мошенничество", []string{
		"Сообщение о хищении денежных средств с банковской карты путём обмана по телефону",
		"Сообщение о мошенничестве при покупке товара через интернет-объявление",
		"Сообщение о невозврате денежных средств, переданных в долг под предлогом инвестиций"}, 12},
	{sio.AppealCrimeReport, police, "Кража имущества", []string{
		"Сообщение о краже сотового телефона", "Сообщение о краже имущества из квартиры", "Сообщение о краже аккумулятора из автомобиля"}, 9},
	{sio.AppealCrimeReport, police, "Причинение вреда здоровью, угрозы", []string{
		"Сообщение о причинении телесных повреждений в ходе конфликта", "Сообщение об угрозах убийством со стороны знакомого"}, 5},
	{sio.AppealComplaint, police, "Действия (бездействие) сотрудников полиции", []string{
		"Жалоба на бездействие участкового инспектора полиции по заявлению о шуме соседей",
		"Жалоба на длительное непринятие процессуального решения по заявлению"}, 6},
	{sio.AppealComplaint, justiceDep, "Действия судебного исполнителя", []string{
		"Жалоба на арест банковского счёта, на который поступает заработная плата",
		"Жалоба на бездействие частного судебного исполнителя по взысканию алиментов"}, 6},
	{sio.AppealComplaint, prosecutor, "Нарушение трудовых прав", []string{
		"Жалоба на невыплату заработной платы работодателем", "Жалоба на незаконное увольнение"}, 6},
	{sio.AppealComplaint, akimat, "Жилищно-коммунальное хозяйство", []string{
		"Жалоба на отсутствие горячего водоснабжения в многоквартирном доме",
		"Жалоба на качество работы управляющей компании (ОСИ)"}, 10},
	{sio.AppealStatement, akimat, "Жилищные вопросы", []string{
		"О постановке на учёт нуждающихся в жилище из государственного жилищного фонда",
		"О предоставлении арендного жилья без права выкупа"}, 10},
	{sio.AppealStatement, akimat, "Благоустройство и дороги", []string{
		"О ремонте дороги и освещения во дворе дома", "Об установке детской площадки во дворе"}, 8},
	{sio.AppealStatement, akimat, "Земельные отношения", []string{
		"О предоставлении земельного участка для индивидуального жилищного строительства"}, 5},
	{sio.AppealStatement, akimat, "Социальная защита", []string{
		"Об оказании адресной социальной помощи", "О предоставлении места в детском саду"}, 8},
	{sio.AppealProposal, akimat, "Благоустройство и дороги", []string{
		"Предложение об организации пешеходного перехода у школы"}, 3},
	{sio.AppealRequest, akimat, "Предоставление информации", []string{
		"Запрос о порядке получения государственной услуги", "Запрос о сроках капитального ремонта дома"}, 6},
}

var kindRu = map[sio.AppealKind]string{
	sio.AppealStatement: "Заявление", sio.AppealComplaint: "Жалоба", sio.AppealProposal: "Предложение",
	sio.AppealRequest: "Запрос", sio.AppealCrimeReport: "Сообщение об уголовном правонарушении",
}

var topicTable = justice.NewWeighted(topics, func(t *topic) int { return t.weight })

// The unified register of appeals starts in 2015; e-Otinish takes appeals
// online since 2020.
var (
	registerStart = sio.MustDate("2015-01-01")
	eOtinish      = sio.MustDate("2020-01-01")
)

// Filler returns the generator of Единый учет обращений лиц: about 10% of
// adults filed 1-4 appeals since 2015, a quarter of them reports of
// offences to the police (registered in the book of information, КУИ, and
// then in ЕРДР or not), the rest statements, complaints, proposals and
// requests to akimats, the police, prosecutors and departments of justice.
// Appeals are answered within 15 working days; the latest are still under
// review.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	n := justice.Counters{}
	var out []sio.Appeal
	return func(ctx context.Context, b *synth.Batch) error {
		out = out[:0]
		for i := range b.Persons {
			out = appealsOf(k, n, &b.Persons[i], out)
		}
		return s.Insert(ctx, out)
	}
}

func appealsOf(k *synth.Keyed, n justice.Counters, p *sio.Person, out []sio.Appeal) []sio.Appeal {
	r := k.For(string(p.IIN))
	today := synth.Today()
	if synth.AgeAt(p, today) < 18 || !synth.Chance(r, 0.1) {
		return out
	}
	from := synth.AddYears(p.BirthDate, 18)
	if from.Before(registerStart.Time) {
		from = registerStart
	}
	end := synth.AddDays(today, -1)
	if p.DeathDate != nil {
		end = synth.AddDays(*p.DeathDate, -1)
	}
	if from.After(end.Time) {
		return out
	}
	pl := justice.PlaceOfPerson(r, p)
	for range 1 + r.IntN(4) {
		out = append(out, appeal(r, n, p, pl, synth.DateBetween(r, from, end)))
	}
	return out
}

func appeal(r *rand.Rand, n justice.Counters, p *sio.Person, pl justice.Place, d sio.Date) sio.Appeal {
	today := synth.Today()
	t := topicTable.Pick(r)
	year := strconv.Itoa(d.Year())
	a := sio.Appeal{
		Number: "ЖТ-" + year + "-" + justice.Pad(n.Next(r, "ЖТ"+year, 100_000), 8), PersonIIN: p.IIN, SubmittedAt: d,
		Body: t.body(pl), RegionKATO: pl.KATO(), Kind: t.kind, KindRu: kindRu[t.kind], CategoryRu: t.categoryRu,
		SummaryRu: t.summaries[r.IntN(len(t.summaries))], Deadline: synth.AddDays(d, 21),
	}
	switch {
	case t.kind == sio.AppealCrimeReport:
		a.Channel = []sio.AppealChannel{sio.ChannelPhone, sio.ChannelWritten, sio.ChannelReception}[r.IntN(3)]
		kui := strconv.Itoa(n.Next(r, "КУИ"+a.Body+year, 100))
		a.KUINumber, a.Deadline = &kui, synth.AddDays(d, 1)
	case !d.Before(eOtinish.Time) && synth.Chance(r, 0.6):
		a.Channel = sio.ChannelOnline
	case synth.Chance(r, 0.7):
		a.Channel = sio.ChannelWritten
	default:
		a.Channel = sio.ChannelReception
	}
	answered := synth.AddDays(d, 1+r.IntN(20))
	if t.kind == sio.AppealCrimeReport {
		answered = synth.AddDays(d, r.IntN(2))
	}
	if answered.After(today.Time) || (today.Sub(d.Time).Hours() < 24*21 && synth.Chance(r, 0.7)) {
		a.Status = sio.AppealUnderReview
		return a
	}
	a.AnsweredAt = &answered
	var result string
	switch y := r.IntN(100); {
	case t.kind == sio.AppealCrimeReport && y < 55:
		a.Status, result = sio.AppealRegistered, "Зарегистрировано в ЕРДР, начато досудебное расследование"
	case t.kind == sio.AppealCrimeReport:
		a.Status, result = sio.AppealDeclined, "Признаки уголовного правонарушения не установлены: материал приобщён к номенклатурному делу, заявителю дан ответ"
	case y < 25:
		a.Status, result = sio.AppealSatisfied, "Обращение рассмотрено, требования заявителя удовлетворены"
	case y < 70:
		a.Status, result = sio.AppealExplained, "Обращение рассмотрено, заявителю даны разъяснения"
	case y < 90:
		a.Status, result = sio.AppealRejected, "Обращение рассмотрено, в удовлетворении отказано с разъяснением порядка обжалования"
	default:
		a.Status, result = sio.AppealForwarded, "Направлено по компетенции в "+pl.Prosecutor()
	}
	a.ResultRu = &result
	return a
}
