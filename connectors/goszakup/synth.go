package goszakup

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// Customers: state bodies of a region, by index. Interpretation: state
// bodies are not in the population (ГБД ЮЛ holds only the sample's
// companies), so the register carries their BIN and name as the portal shows
// them, and no customer field links to ГБД ЮЛ.
var bodies = []string{
	"ГУ «Управление образования %s»",
	"ГУ «Управление здравоохранения %s»",
	"ГУ «Управление пассажирского транспорта и автомобильных дорог %s»",
	"ГУ «Управление строительства %s»",
	"ГУ «Управление энергетики и жилищно-коммунального хозяйства %s»",
	"ГУ «Аппарат акима %s»",
	"ГУ «Департамент полиции %s»",
}

const (
	education = iota
	health
	roadsBody
	constructionBody
	utilities
	akimat
	police
)

// customerBIN is the BIN of body b of the region with index ri:
// registered in month b+1 of 1999 with serials from 90,000 on, a range the
// population's registration counters (a few hundred a month) never reach.
func customerBIN(ri, b int) sio.BIN {
	reg := sio.MustDate(fmt.Sprintf("1999-%02d-01", b+1)).Time
	for s := 90_000 + ri; ; s += 100 {
		if bin, ok := sio.MakeBIN(reg, sio.BINResident, sio.BINHeadOffice, s); ok {
			return bin
		}
	}
}

// lot is what a supplier of an activity sells to the state: the item, its
// kind, the bodies that buy it and the range of a contract in tenge.
type lot struct {
	kind      sio.ProcurementItem
	item      string
	customers []int
	lo, hi    float64
}

var lotsByActivity = map[string][]lot{
	"41201": {{sio.ProcurementWorks, "Капитальный ремонт здания общеобразовательной школы", []int{education}, 40e6, 900e6},
		{sio.ProcurementWorks, "Текущий ремонт административного здания", []int{akimat, police, health}, 3e6, 60e6},
		{sio.ProcurementWorks, "Строительство многоквартирного жилого дома (кредитное жилье)", []int{constructionBody}, 300e6, 3e9}},
	"42110": {{sio.ProcurementWorks, "Средний ремонт автомобильной дороги областного значения", []int{roadsBody}, 80e6, 2e9},
		{sio.ProcurementWorks, "Текущий ремонт внутриквартальных дорог", []int{roadsBody, akimat}, 10e6, 200e6}},
	"46900": {{sio.ProcurementGoods, "Бумага офисная формата А4", []int{education, health, akimat, police}, 150e3, 4e6},
		{sio.ProcurementGoods, "Моющие и чистящие средства", []int{education, health}, 100e3, 3e6},
		{sio.ProcurementGoods, "Компьютеры персональные настольные", []int{education, akimat, police}, 2e6, 40e6}},
	"47190": {{sio.ProcurementGoods, "Канцелярские товары", []int{education, akimat}, 50e3, 2e6},
		{sio.ProcurementGoods, "Мебель офисная", []int{education, health, akimat}, 500e3, 15e6}},
	"46711": {{sio.ProcurementGoods, "Бензин марки АИ-92", []int{police, akimat, health}, 2e6, 80e6},
		{sio.ProcurementGoods, "Дизельное топливо (летнее, зимнее)", []int{roadsBody, utilities}, 3e6, 120e6}},
	"62010": {{sio.ProcurementServices, "Сопровождение и техническая поддержка информационной системы", []int{akimat, health, police}, 3e6, 90e6}},
	"70220": {{sio.ProcurementServices, "Консультационные услуги по разработке программы развития территории", []int{akimat}, 2e6, 30e6}},
	"86210": {{sio.ProcurementServices, "Услуги по проведению обязательных медицинских осмотров", []int{police, education}, 500e3, 12e6}},
	"56101": {{sio.ProcurementServices, "Услуги по организации горячего питания обучающихся", []int{education}, 5e6, 180e6}},
	"10711": {{sio.ProcurementGoods, "Хлеб пшеничный из муки высшего сорта", []int{education, health}, 300e3, 8e6}},
	"45200": {{sio.ProcurementServices, "Техническое обслуживание и ремонт служебного автотранспорта", []int{police, akimat, health}, 500e3, 20e6}},
	"49410": {{sio.ProcurementServices, "Услуги по перевозке грузов автомобильным транспортом", []int{utilities, roadsBody}, 1e6, 25e6}},
	"85410": {{sio.ProcurementServices, "Услуги по повышению квалификации работников", []int{education, health, akimat}, 400e3, 10e6}},
	"01410": {{sio.ProcurementGoods, "Молоко питьевое пастеризованное", []int{education, health}, 400e3, 15e6}},
	"01450": {{sio.ProcurementGoods, "Мясо баранины охлажденное", []int{education, health}, 500e3, 20e6}},
}

// method codes in lot numbers.
var methodCode = map[sio.ProcurementMethod]string{
	sio.ProcurementOpenTender: "ОК", sio.ProcurementPriceOffers: "ЗЦП", sio.ProcurementAuction: "АУК",
	sio.ProcurementSingleSource: "ОИ", sio.ProcurementEShop: "ИМ",
}

// The portal's data start in 2019 here.
var portalFrom = sio.MustDate("2019-01-01")

// A court enters a breaching supplier in the register for 24 months.
const (
	supplierRate = 0.4
	breachRate   = 0.15
	unfairTerm   = 24
)

// Filler returns the generator of Электронные государственные закупки:
// ~40% of active companies and entrepreneurs in activities the state buys
// from (construction, road works, office supplies, fuel, IT, catering, food,
// medical, transport ...) won 1-6 contracts since 2019 from state bodies of
// their region, by the method their item and amount call for. ~15% of
// suppliers breached one completed contract: the customer terminated it and
// a court entered the supplier, its director and its founders in the
// register of unfair participants for 24 months.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var nContracts int
	var nRecords int64
	return func(ctx context.Context, b *synth.Batch) error {
		var cs []sio.ProcurementContract
		var us []sio.UnfairParticipant
		founders := map[sio.BIN][]sio.Founder{}
		for _, f := range b.Founders {
			founders[f.EntityBIN] = append(founders[f.EntityBIN], f)
		}
		today := synth.Today()
		for i := range b.Entities {
			e := &b.Entities[i]
			lots, ok := lotsByActivity[e.ActivityCode]
			if !ok || e.Status != "ACTIVE" || e.LegalForm == "КХ" {
				continue
			}
			r := k.For(string(e.BIN))
			from := synth.AddDays(synth.Registered(e), 60)
			if from.Before(portalFrom.Time) {
				from = portalFrom
			}
			if !synth.Chance(r, supplierRate) || !from.Before(today.Time) {
				continue
			}
			first := len(cs)
			for range 1 + r.IntN(6) {
				nContracts++
				cs = append(cs, newContract(r, synth.Pick(r, lots), e, from, nContracts))
			}
			if !synth.Chance(r, breachRate) {
				continue
			}
			// The latest contract due long enough ago for a court to rule.
			var breached *sio.ProcurementContract
			for j := first; j < len(cs); j++ {
				if c := &cs[j]; synth.AddDays(c.DueAt, 160).Before(today.Time) && (breached == nil || c.DueAt.After(breached.DueAt.Time)) {
					breached = c
				}
			}
			if breached == nil {
				continue
			}
			breached.Status = sio.ProcurementTerminated
			for _, u := range unfairEntries(r, e, breached, founders[e.BIN]) {
				nRecords++
				u.RecordID = nRecords
				us = append(us, u)
			}
		}
		return s.Insert(ctx, cs, us)
	}
}

func regionIndex(kato string) int {
	for i := range sio.Regions {
		if sio.Regions[i].KATO == kato {
			return i
		}
	}
	return 0
}

func newContract(r *rand.Rand, l lot, e *sio.LegalEntity, from sio.Date, n int) sio.ProcurementContract {
	today := synth.Today()
	body := synth.Pick(r, l.customers)
	amount := synth.LogAmount(r, l.lo, l.hi)
	method := sio.ProcurementPriceOffers
	switch {
	case synth.Chance(r, 0.08):
		method = sio.ProcurementSingleSource
	case l.kind == sio.ProcurementGoods && amount < 3_000_000_00:
		if synth.Chance(r, 0.4) {
			method = sio.ProcurementEShop
		}
	case l.kind == sio.ProcurementGoods:
		method = sio.ProcurementAuction
		if synth.Chance(r, 0.5) {
			method = sio.ProcurementOpenTender
		}
	case amount >= 14_000_000_00:
		method = sio.ProcurementOpenTender
	}
	// The winning bid undercuts the planned sum (not in a single-source
	// purchase, negotiated at the planned price).
	planned := amount
	if method != sio.ProcurementSingleSource {
		planned = amount * 100 / int64(75+r.IntN(25))
	}
	announced := synth.DateBetween(r, from, synth.AddDays(today, -20))
	signed := synth.AddDays(announced, 12+r.IntN(25))
	if signed.After(today.Time) {
		signed = today
	}
	months := 1 + r.IntN(4)
	if l.kind == sio.ProcurementWorks {
		months = 3 + r.IntN(10)
	}
	due := sio.Date{Time: signed.AddDate(0, months, 0)}
	status := sio.ProcurementInProgress
	if !due.After(today.Time) {
		status = sio.ProcurementExecuted
		if synth.Chance(r, 0.04) { // terminated by agreement of the parties
			status = sio.ProcurementTerminated
		}
	}
	ri := regionIndex(e.RegionKATO)
	ann := 10_000_000 + n
	return sio.ProcurementContract{
		ContractNumber:     fmt.Sprintf("%02d%s%07d", signed.Year()%100, e.RegionKATO, n),
		AnnouncementNumber: fmt.Sprintf("%08d-1", ann),
		LotNumber:          fmt.Sprintf("%08d-%s1", ann+20_000_000, methodCode[method]),
		Method:             method, ItemKind: l.kind, ItemRu: l.item,
		CustomerBIN: customerBIN(ri, body), CustomerNameRu: fmt.Sprintf(bodies[body], synth.GenitiveRu(e.RegionKATO)),
		SupplierID: string(e.BIN), SupplierKind: sio.SubjectLegalEntity, PlannedTiyn: planned, AmountTiyn: amount,
		AnnouncedAt: announced, SignedAt: signed, DueAt: due, Status: status, RegionKATO: e.RegionKATO,
	}
}

// unfairEntries enters the supplier of a breached contract, its director and
// its founders in the register, on the court decision on the customer's
// claim. Interpretation: every founder is entered (the law names the
// supplier's founders without a threshold), so a partnership with many
// participants has many entries.
func unfairEntries(r *rand.Rand, e *sio.LegalEntity, c *sio.ProcurementContract, founders []sio.Founder) []sio.UnfairParticipant {
	today := synth.Today()
	decided := synth.AddDays(c.DueAt, 60+r.IntN(90))
	included := synth.AddDays(decided, 5+r.IntN(10))
	if included.After(today.Time) {
		included = today
	}
	expires := synth.AddYears(included, unfairTerm/12)
	court := fmt.Sprintf("Решение Специализированного межрайонного экономического суда %s от %s по делу № %s92-%02d-00-2/%d",
		synth.GenitiveRu(e.RegionKATO), decided.Format("02.01.2006"), e.RegionKATO, decided.Year()%100, 100+r.IntN(4900))
	entry := func(id string, kind sio.SubjectKind, role sio.UnfairRole) sio.UnfairParticipant {
		return sio.UnfairParticipant{SubjectID: id, SubjectKind: kind, Role: role, SupplierBIN: e.BIN, ContractNumber: c.ContractNumber,
			CustomerNameRu: c.CustomerNameRu, CourtDecisionRu: court, DecisionDate: decided, IncludedAt: included, ExpiresAt: expires,
			TermMonths: unfairTerm, InRegister: expires.After(today.Time)}
	}
	out := []sio.UnfairParticipant{entry(string(e.BIN), sio.SubjectLegalEntity, sio.UnfairSupplier)}
	if e.DirectorIIN != nil {
		out = append(out, entry(string(*e.DirectorIIN), sio.SubjectPerson, sio.UnfairHead))
	}
	for _, f := range founders {
		if f.FounderKind == sio.SubjectPerson && e.DirectorIIN != nil && f.FounderID == string(*e.DirectorIIN) {
			continue // already entered as the head
		}
		out = append(out, entry(f.FounderID, f.FounderKind, sio.UnfairFounder))
	}
	return out
}
