package labormarket

import (
	"context"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// registerFrom: the electronic labour exchange holds registrations since
// 2016.
var registerFrom = sio.MustDate("2016-01-01")

var (
	professions = []string{"Водитель автомобиля", "Продавец-консультант", "Бухгалтер", "Повар", "Электромонтер", "Электрогазосварщик",
		"Разнорабочий", "Охранник", "Учитель начальных классов", "Медицинская сестра", "Оператор ПК", "Менеджер по продажам",
		"Кассир", "Слесарь-сантехник", "Швея", "Тракторист-машинист", "Экономист", "Юрист", "Уборщик производственных помещений",
		"Каменщик", "Воспитатель детского сада", "Программист"}
	educations = []string{"высшее", "техническое и профессиональное", "техническое и профессиональное", "общее среднее",
		"общее среднее", "основное среднее"}
	courses = []string{"Краткосрочное профессиональное обучение по профессии «Электрогазосварщик»",
		"Краткосрочное профессиональное обучение по профессии «Повар»", "Курсы «Основы предпринимательства» (Бастау Бизнес)",
		"Краткосрочное профессиональное обучение по профессии «Водитель категории С»", "Курсы «1С: Бухгалтерия»",
		"Краткосрочное профессиональное обучение по профессии «Парикмахер»", "Курсы цифровой грамотности"}
	trainers = []string{"Учебный центр «Кәсіп»", "Учебный центр «Профи»", "Высший колледж «Болашак»", "Учебный центр НПП РК «Атамекен»",
		"Политехнический колледж"}
	publicWorks = []string{"Благоустройство и озеленение территории населенного пункта", "Помощь в уходе за одинокими престарелыми",
		"Техническая работа с документами", "Участие в проведении переписи и опросов населения", "Сезонная уборка улиц"}
	otherReasons = []string{"Самостоятельное трудоустройство", "Неявка без уважительных причин более 30 календарных дней",
		"Личное заявление", "Переезд на постоянное место жительства в другую местность", "Назначение пенсионных выплат по возрасту"}
)

// Filler returns the generator of Рынок труда: about 4% of persons aged
// 16-62 registered since 2016 (a tenth of them twice), 60% as unemployed,
// with 0-3 referrals: to a vacancy of a company of the population (a
// third of them hired), to training, to public works at the akimat, or,
// under 29, to a youth practice. Persons are taken in population order
// (synth.Staffing), so IDs are too.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var staff synth.Staffing
	var nReg, nRef int64
	return func(ctx context.Context, b *synth.Batch) error {
		var regs []sio.JobSeekerRegistration
		var refs []sio.LaborReferral
		err := staff.Feed(b, func(p *sio.Person, h *synth.Hiring) error {
			r := k.For(string(p.IIN))
			if !synth.Chance(r, 0.04) {
				return nil
			}
			n := 1
			if synth.Chance(r, 0.1) {
				n = 2
			}
			from := synth.AddYears(p.BirthDate, 16)
			if from.Before(registerFrom.Time) {
				from = registerFrom
			}
			for ; n > 0; n-- {
				reg, ok := register(r, p, from)
				if !ok {
					return nil
				}
				nReg++
				reg.ID = nReg
				for _, ref := range referrals(r, p, &reg, h) {
					nRef++
					ref.ID = nRef
					refs = append(refs, ref)
				}
				regs = append(regs, reg)
				if reg.DeregisteredOn == nil {
					return nil
				}
				from = synth.AddDays(*reg.DeregisteredOn, 90)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := s.InsertRegistrations(ctx, regs); err != nil {
			return err
		}
		return s.InsertReferrals(ctx, refs)
	}
}

// register draws a registration from the date from on, before retirement
// and death.
func register(r *rand.Rand, p *sio.Person, from sio.Date) (sio.JobSeekerRegistration, bool) {
	to := synth.AddDays(synth.Today(), -1)
	// The last day before the 62nd birthday (retirement).
	if retire := synth.AddDays(synth.AddYears(p.BirthDate, 62), -1); retire.Before(to.Time) {
		to = retire
	}
	if p.DeathDate != nil && p.DeathDate.Before(to.Time) {
		to = synth.AddDays(*p.DeathDate, -30)
	}
	if !from.Before(to.Time) {
		return sio.JobSeekerRegistration{}, false
	}
	on := synth.DateBetween(r, from, to)
	centre := "КГУ «Центр трудовой мобильности»"
	if region, ok := sio.RegionByKATO(p.RegionKATO); ok {
		centre += " акимата " + region.GenitiveRu()
	}
	reg := sio.JobSeekerRegistration{IIN: p.IIN, Status: sio.JobSeeker, RegisteredOn: on, Centre: centre, RegionKATO: p.RegionKATO,
		ProfessionRu: synth.Pick(r, professions), EducationRu: synth.Pick(r, educations)}
	if synth.Chance(r, 0.6) {
		reg.Status = sio.Unemployed
	}
	// Deregistered within 1-11 months unless the registration is recent
	// (or the person died).
	off := synth.AddDays(on, 30+r.IntN(300))
	if p.DeathDate != nil && p.DeathDate.Before(off.Time) {
		off = *p.DeathDate
	}
	if off.Before(synth.Today().Time) && (p.DeathDate != nil || !synth.Chance(r, 0.1)) {
		reason := synth.Pick(r, otherReasons)
		if p.DeathDate != nil && off.Equal(p.DeathDate.Time) {
			reason = "Смерть"
		}
		reg.DeregisteredOn, reg.DeregistrationReasonRu = &off, &reason
	}
	return reg, true
}

// referrals draws the registration's referrals, spaced 10-60 days, before
// the registration ends; a hire ends it.
func referrals(r *rand.Rand, p *sio.Person, reg *sio.JobSeekerRegistration, h *synth.Hiring) []sio.LaborReferral {
	today := synth.Today()
	end := today
	if reg.DeregisteredOn != nil {
		end = *reg.DeregisteredOn
	}
	var out []sio.LaborReferral
	on := reg.RegisteredOn
	for i := r.IntN(4); i > 0; i-- {
		on = synth.AddDays(on, 10+r.IntN(50))
		if !on.Before(end.Time) {
			break
		}
		ref := sio.LaborReferral{RegistrationID: reg.ID, IIN: p.IIN, ReferredOn: on}
		recent := synth.AddDays(on, 30).After(today.Time)
		young := synth.AgeAt(p, on) < 29
		switch x := r.IntN(100); {
		case x < 55 || (x >= 90 && !young):
			c, ok := h.Employer(r, p.RegionKATO, 0.9)
			if !ok || !c.Registered.Before(on.Time) {
				continue
			}
			bin := c.BIN
			ref.Kind, ref.EmployerBIN, ref.OrganisationRu, ref.PositionRu = sio.ReferralVacancy, &bin, c.NameRu, reg.ProfessionRu
			switch y := r.IntN(100); {
			case recent:
				ref.Outcome = sio.OutcomePending
			case y < 35:
				ref.Outcome = sio.OutcomeHired
			case y < 70:
				ref.Outcome = sio.OutcomeRejected
			default:
				ref.Outcome = sio.OutcomeDeclined
			}
		case x < 75:
			ref.Kind, ref.OrganisationRu, ref.PositionRu = sio.ReferralTraining, "ТОО «"+synth.Pick(r, trainers)+"»", synth.Pick(r, courses)
			ref.Outcome = sio.OutcomeCompleted
		case x < 90:
			akimat := "ГУ «Аппарат акима»"
			if region, ok := sio.RegionByKATO(p.RegionKATO); ok {
				akimat = "ГУ «Аппарат акима города " + region.CenterRu + "»"
			}
			ref.Kind, ref.OrganisationRu, ref.PositionRu = sio.ReferralPublicWorks, akimat, synth.Pick(r, publicWorks)
			ref.Outcome = sio.OutcomeCompleted
		default:
			c, ok := h.Employer(r, p.RegionKATO, 0.9)
			if !ok || !c.Registered.Before(on.Time) {
				continue
			}
			bin := c.BIN
			ref.Kind, ref.EmployerBIN, ref.OrganisationRu, ref.PositionRu = sio.ReferralYouthPractice, &bin, c.NameRu, "Стажер ("+reg.ProfessionRu+")"
			ref.Outcome = sio.OutcomeCompleted
		}
		if ref.Outcome == sio.OutcomeCompleted && recent {
			ref.Outcome = sio.OutcomePending
		}
		out = append(out, ref)
		if ref.Outcome == sio.OutcomeHired {
			// hired: the registration ends a few days later
			off := synth.AddDays(on, 3+r.IntN(10))
			if off.After(end.Time) {
				off = end
			}
			reason := "Трудоустройство по направлению центра трудовой мобильности"
			reg.DeregisteredOn, reg.DeregistrationReasonRu = &off, &reason
			break
		}
	}
	return out
}
