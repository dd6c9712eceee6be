package conservices

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"sio"
	"sio/synth"
)

// service is a public service of the register of state services rendered
// at ЦОН, with its maximal term in days and who asks for it.
type service struct {
	nameRu         string
	days, weight   int
	minAge, maxAge int
	women          bool
}

var services = []service{
	{"Выдача удостоверения личности гражданина Республики Казахстан", 10, 14, 16, 120, false},
	{"Выдача паспорта гражданина Республики Казахстан", 10, 8, 16, 120, false},
	{"Регистрация по месту жительства населения Республики Казахстан", 1, 12, 16, 120, false},
	{"Снятие с регистрации по месту жительства населения Республики Казахстан", 1, 4, 16, 120, false},
	{"Регистрация, перерегистрация автомототранспортных средств и прицепов к ним", 1, 10, 18, 85, false},
	{"Выдача, замена водительских удостоверений", 1, 8, 18, 80, false},
	{"Государственная регистрация прав (обременений) на недвижимое имущество", 3, 8, 18, 120, false},
	{"Выдача справки о зарегистрированных правах (обременениях) на недвижимое имущество и его технических характеристиках", 1, 5, 18, 120, false},
	{"Выдача справки о наличии либо отсутствии сведений о судимости", 3, 6, 16, 120, false},
	{"Государственная регистрация рождения ребенка, в том числе внесение изменений, дополнений и исправлений в записи актов гражданского состояния", 1, 4, 18, 50, false},
	{"Государственная регистрация заключения брака (супружества), в том числе внесение изменений, дополнений и исправлений в записи актов гражданского состояния", 1, 2, 18, 60, false},
	{"Назначение пенсионных выплат по возрасту", 10, 3, 60, 120, false},
	{"Назначение государственного социального пособия по инвалидности и по случаю потери кормильца", 10, 2, 18, 63, false},
	{"Назначение единовременного государственного пособия в связи с рождением ребенка и пособия по уходу за ребенком по достижении им возраста полутора лет", 8, 3, 18, 45, true},
	{"Выдача идентификационного документа на земельный участок", 5, 3, 18, 120, false},
	{"Постановка на учет граждан, нуждающихся в жилище из государственного жилищного фонда", 10, 2, 18, 70, false},
	{"Оформление документов на выезд за пределы Республики Казахстан на постоянное место жительства", 10, 1, 18, 120, false},
}

var refusals = []string{"Представление неполного пакета документов, предусмотренного стандартом государственной услуги",
	"Недостоверность документов, представленных для получения государственной услуги",
	"Наличие ограничений (запрета) на совершение регистрационных действий",
	"Несоответствие услугополучателя требованиям, установленным для оказания государственной услуги"}

// cityDistricts are the districts of the cities of republican significance
// with a ЦОН each.
var cityDistricts = map[string][]string{
	"75": {"Алмалинского", "Ауэзовского", "Бостандыкского", "Жетысуского", "Медеуского", "Наурызбайского", "Турксибского", "Алатауского"},
	"71": {"Алматинского", "Есильского", "Сарыаркинского", "Байконурского", "Нура"},
	"79": {"Абайского", "Аль-Фарабийского", "Енбекшинского", "Каратауского", "Туранского"},
}

// recordsFrom: the register holds the requests of the last three years.
var recordsFrom = sio.MustDate("2022-01-01")

// Filler returns the generator of the ЦОН records: about 40% of persons
// aged 16 and over asked for 1-4 services since 2022 (the services fit
// the person's age and sex), mostly in their own region, 93% rendered
// within the service's term, 5% refused, the last days' ones in progress.
// Request numbers count in population order.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int
	weights := make([]int, len(services))
	return func(ctx context.Context, b *synth.Batch) error {
		today := synth.Today()
		var out []sio.PublicServiceRequest
		for i := range b.Persons {
			p := &b.Persons[i]
			r := k.For(string(p.IIN))
			if !synth.Chance(r, 0.4) {
				continue
			}
			lo := synth.AddYears(p.BirthDate, 16)
			if lo.Before(recordsFrom.Time) {
				lo = recordsFrom
			}
			hi := synth.AddDays(today, -1)
			if p.DeathDate != nil {
				hi = synth.AddDays(*p.DeathDate, -1)
			}
			if !lo.Before(hi.Time) {
				continue
			}
			dates := make([]sio.Date, 1+r.IntN(4))
			for j := range dates {
				dates[j] = synth.DateBetween(r, lo, hi)
			}
			sort.Slice(dates, func(a, b int) bool { return dates[a].Before(dates[b].Time) })
			for _, d := range dates {
				age := synth.AgeAt(p, d)
				for j, sv := range services {
					weights[j] = 0
					if age >= sv.minAge && age <= sv.maxAge && (!sv.women || p.Gender == sio.Female) {
						weights[j] = sv.weight
					}
				}
				sv := services[synth.PickWeighted(r, weights)]
				n++
				out = append(out, request(r, p, sv, d, n))
			}
		}
		return s.Insert(ctx, out)
	}
}

// request draws the n-th request: the branch, the time of day and the
// result.
func request(r *rand.Rand, p *sio.Person, sv service, d sio.Date, n int) sio.PublicServiceRequest {
	today := synth.Today()
	kato := p.RegionKATO
	if synth.Chance(r, 0.1) {
		kato = synth.Pick(r, sio.Regions).KATO
	}
	region, _ := sio.RegionByKATO(kato)
	branch := "Отдел «ЦОН г. " + region.CenterRu + "»"
	if ds := cityDistricts[kato]; ds != nil {
		branch = "Отдел «ЦОН " + synth.Pick(r, ds) + " района»"
	} else if synth.Chance(r, 0.4) {
		branch = fmt.Sprintf("Отдел «ЦОН №%d г. %s»", 2+r.IntN(3), region.CenterRu)
	}
	branch += " филиала НАО «Государственная корпорация «Правительство для граждан» по " + region.DativeRu()
	q := sio.PublicServiceRequest{RequestNumber: fmt.Sprintf("002%s%07d", region.PlateCode, n), IIN: p.IIN, ServiceRu: sv.nameRu,
		Branch: branch, RegionKATO: kato, SubmittedOn: d, SubmittedTime: fmt.Sprintf("%02d:%02d", 9+r.IntN(10), r.IntN(60)),
		Result: sio.ServiceRendered}
	done := synth.AddDays(d, r.IntN(sv.days+1))
	switch x := r.IntN(100); {
	case done.After(today.Time) || (p.DeathDate != nil && done.After(p.DeathDate.Time)):
		q.Result = sio.ServiceInProgress
		return q
	case x < 5:
		q.Result = sio.ServiceRefused
		reason := synth.Pick(r, refusals)
		q.RefusalReasonRu = &reason
	}
	q.CompletedOn = &done
	return q
}
