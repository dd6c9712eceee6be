package kgdtax

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"

	"sio"
	"sio/synth"
)

// form is a form of tax reporting: its code, name and the budget codes the
// tax it assesses is paid under, with each code's share of the tax.
type form struct {
	code, nameRu string
	kbks         []synth.KBK
	shares       []float64
}

var (
	form100 = form{"100.00", "Декларация по корпоративному подоходному налогу", []synth.KBK{synth.KBKCorporateIncome}, []float64{1}}
	form200 = form{"200.00", "Декларация по индивидуальному подоходному налогу и социальному налогу", []synth.KBK{synth.KBKIncomeAtSource, synth.KBKSocial},
		[]float64{0.51, 0.49}}
	form300 = form{"300.00", "Декларация по налогу на добавленную стоимость", []synth.KBK{synth.KBKVAT}, []float64{1}}
	form910 = form{"910.00", "Упрощенная декларация для субъектов малого бизнеса", []synth.KBK{synth.KBKIncomeNotAtSource, synth.KBKSocial}, []float64{0.5, 0.5}}
	form270 = form{"270.00", "Декларация о доходах и имуществе физического лица", nil, nil}
)

// Reporting periods covered: returns for 2023 (annual, second half-year)
// and the first three quarters of 2024, with their deadlines; invoices for
// the eight quarters of 2023-2024.
type period struct {
	sio.ReportingPeriod
	due sio.Date
}

var (
	year2023     = period{synth.YearPeriod(2023), sio.MustDate("2024-03-31")}
	half2023     = period{synth.HalfYearPeriod(2023, 2), sio.MustDate("2024-02-15")}
	half2024     = period{synth.HalfYearPeriod(2024, 1), sio.MustDate("2024-08-15")}
	income2023   = period{synth.YearPeriod(2023), sio.MustDate("2024-09-15")}
	quarters2024 = []period{
		{synth.QuarterPeriod(2024, 1), sio.MustDate("2024-05-15")},
		{synth.QuarterPeriod(2024, 2), sio.MustDate("2024-08-15")},
		{synth.QuarterPeriod(2024, 3), sio.MustDate("2024-11-15")},
	}
	invoiceQuarters = func() []sio.ReportingPeriod {
		var qs []sio.ReportingPeriod
		for y := 2023; y <= 2024; y++ {
			for q := 1; q <= 4; q++ {
				qs = append(qs, synth.QuarterPeriod(y, q))
			}
		}
		return qs
	}()
)

// Monthly calculation indices (МРП) of 2023 and 2024, in tenge: the vehicle
// tax is so many МРП by engine size.
const mrp2023, mrp2024 = 3450, 3692

func vehicleTaxMRP(cc int) int {
	switch {
	case cc <= 1100:
		return 1
	case cc <= 1500:
		return 2
	case cc <= 2000:
		return 3
	case cc <= 2500:
		return 6
	case cc <= 3000:
		return 9
	case cc <= 4000:
		return 15
	}
	return 117
}

var (
	banks        = []string{"АО «Народный Банк Казахстана»", "АО «Kaspi Bank»", "АО «Банк ЦентрКредит»", "АО «ForteBank»", "АО «Jusan Bank»", "АО «Bank RBK»", "АО «Евразийский Банк»"}
	personBanks  = []string{"АО «Kaspi Bank»", "АО «Kaspi Bank»", "АО «Kaspi Bank»", "АО «Народный Банк Казахстана»", "АО «Банк ЦентрКредит»"}
	vatRate      = 0.12
	ringCapacity = 5000
)

// gen holds the filler's state across batches: counters per stream (every
// record comes from the taxpayers, in population order) and the ring of
// recent companies that buy from later ones.
type gen struct {
	k                       *synth.Keyed
	audits                  *synth.Keyed
	ring                    []sio.Taxpayer
	ringNext                int
	nVAT, nReturns, nAudits int
	nPayments               int64
	out                     Data
	entities                map[string]*sio.LegalEntity
	persons                 map[sio.IIN]*sio.Person
	vehicles                map[string][]*sio.Vehicle
}

// Filler returns the generator of the КГД data, derived from the batch's
// taxpayers:
//
//   - VAT registrations of every VAT payer (voluntary or over the turnover
//     threshold), and ended ones: ~40% of liquidated companies, ~30% of
//     inactive ones (forced), ~8% of other businesses (below the threshold);
//   - electronic invoices: ~70% of active companies and ~30% of
//     entrepreneurs sell to 1-3 earlier companies for 1-5 quarters of
//     2023-2024; ~25% of companies had a tax audit (of 2023 or of the first
//     half of 2024) with a cross audit of each seller's sales to them in
//     the audited period;
//   - tax returns: companies file 100.00 for 2023 and 200.00 (and 300.00 if
//     VAT payers) for the quarters of 2024, entrepreneurs and peasant farms
//     910.00 for the half-years, ~3% of adults 270.00 for 2023; liquidated
//     companies a liquidation return; ~5% are filed late and ~6% amended;
//   - budget payments of the taxes assessed, and the vehicle tax of vehicle
//     owners (persons for 2023, ~90% of them; companies for 2024).
//
// Companies recognised inactive file nothing.
func (s *Store) Filler(seed int64) synth.Filler {
	g := &gen{k: synth.NewKeyed(seed, Name), audits: synth.NewKeyed(seed, Name+".audits")}
	return func(ctx context.Context, b *synth.Batch) error {
		g.out = Data{}
		g.entities = make(map[string]*sio.LegalEntity, len(b.Entities))
		for i := range b.Entities {
			g.entities[string(b.Entities[i].BIN)] = &b.Entities[i]
		}
		g.persons = make(map[sio.IIN]*sio.Person, len(b.Persons))
		for i := range b.Persons {
			g.persons[b.Persons[i].IIN] = &b.Persons[i]
		}
		g.vehicles = map[string][]*sio.Vehicle{}
		for i := range b.Vehicles {
			v := &b.Vehicles[i]
			g.vehicles[v.OwnerID] = append(g.vehicles[v.OwnerID], v)
		}
		for i := range b.Taxpayers {
			g.taxpayer(&b.Taxpayers[i])
		}
		return s.Insert(ctx, g.out)
	}
}

func (g *gen) taxpayer(t *sio.Taxpayer) {
	r := g.k.For(t.ID)
	today := synth.Today()
	switch t.Kind {
	case sio.TaxpayerLegalEntity:
		e := g.entities[t.ID]
		if e == nil {
			return
		}
		vatSince := g.vat(r, t)
		switch {
		case e.Status != "ACTIVE":
			g.liquidationReturn(r, t, e)
		case t.Status == "ACTIVE":
			var sales map[int]int64
			if synth.Chance(r, 0.7) {
				sales = g.invoices(r, t, sio.SubjectLegalEntity, vatSince)
			}
			// Interpretation: an individual entrepreneur files under the IIN
			// (see TaxpayerEntrepreneur), so the BIN of an ИП in ГБД ЮЛ files
			// no returns of its own; a peasant farm files the simplified
			// declaration.
			switch e.LegalForm {
			case "ТОО", "АО":
				g.companyReturns(r, t, vatSince, sales)
			case "КХ":
				g.simplifiedReturns(r, t)
			}
			g.vehicleTax(r, t, synth.KBKVehicleEntity, 2024, mrp2024, sio.MustDate("2024-04-01"), sio.MustDate("2024-07-01"), banks)
			g.remember(*t)
		}
	case sio.TaxpayerEntrepreneur:
		p := g.persons[sio.IIN(t.ID)]
		vatSince := g.vat(r, t)
		if p == nil || !synth.Alive(p) || t.Status != "ACTIVE" {
			return
		}
		if synth.Chance(r, 0.3) {
			g.invoices(r, t, sio.SubjectPerson, vatSince)
		}
		g.simplifiedReturns(r, t)
		g.personVehicleTax(r, t)
	default:
		p := g.persons[sio.IIN(t.ID)]
		if p == nil || !synth.Alive(p) {
			return
		}
		if age := synth.AgeAt(p, today); age >= 25 && age <= 65 && synth.Chance(r, 0.03) {
			g.file(r, t, form270, income2023, synth.LogAmount(r, 1e6, 20e6), 0)
		}
		g.personVehicleTax(r, t)
	}
}

// remember adds an active company to the ring of buyers.
func (g *gen) remember(t sio.Taxpayer) {
	if len(g.ring) < ringCapacity {
		g.ring = append(g.ring, t)
		return
	}
	g.ring[g.ringNext] = t
	g.ringNext = (g.ringNext + 1) % ringCapacity
}

func later(a, b sio.Date) sio.Date {
	if a.After(b.Time) {
		return a
	}
	return b
}

var vatFrom = sio.MustDate("2009-01-01")

// vat draws the taxpayer's VAT registrations and returns the start of the
// current one (nil if it is not a VAT payer now).
func (g *gen) vat(r *rand.Rand, t *sio.Taxpayer) *sio.Date {
	today := synth.Today()
	from := later(t.RegisteredAt, vatFrom)
	at := synth.DateBetween(r, from, synth.AddYears(from, 3))
	if at.After(today.Time) {
		at = synth.DateBetween(r, from, today)
	}
	reason := "Постановка на регистрационный учет по НДС в добровольном порядке"
	if synth.Chance(r, 0.6) {
		reason = "Постановка на регистрационный учет по НДС в обязательном порядке (превышение порога оборота)"
	}
	var ended string
	switch {
	case t.Kind != sio.TaxpayerLegalEntity && t.Status == "DEREGISTERED":
		if !t.VATPayer {
			return nil
		}
		ended = "Снятие с регистрационного учета по НДС в связи со смертью индивидуального предпринимателя"
	case t.VATPayer:
	case t.Kind == sio.TaxpayerLegalEntity && t.Status == "DEREGISTERED" && synth.Chance(r, 0.4):
		ended = "Снятие с регистрационного учета по НДС в связи с ликвидацией"
	case t.Kind == sio.TaxpayerLegalEntity && t.Status == "INACTIVE" && synth.Chance(r, 0.3):
		ended = "Снятие с регистрационного учета по НДС в принудительном порядке (признание бездействующим)"
	case t.Kind != sio.TaxpayerIndividual && t.Status == "ACTIVE" && synth.Chance(r, 0.08):
		ended = "Снятие с регистрационного учета по НДС по заявлению налогоплательщика (оборот ниже порога)"
	default:
		return nil
	}
	// Interpretation: the certificate series is the registering office's
	// code followed by 1; numbers run through the register.
	v := sio.VATRegistration{TaxpayerID: t.ID, CertificateSeries: t.TaxOfficeCode + "1", RegisteredAt: at, ReasonRu: reason,
		TaxOfficeCode: t.TaxOfficeCode, TaxOfficeRu: t.TaxOfficeRu}
	if ended != "" {
		off := synth.AddDays(at, 180)
		if off.After(today.Time) {
			return nil // too recent to have ended: no registration at all
		}
		off = synth.DateBetween(r, off, today)
		v.DeregisteredAt, v.DeregistrationReasonRu = &off, &ended
	}
	g.nVAT++
	v.CertificateNumber = fmt.Sprintf("%07d", g.nVAT)
	g.out.VAT = append(g.out.VAT, v)
	if ended != "" {
		return nil
	}
	return &at
}

// invoices draws the taxpayer's sales to earlier companies and returns its
// invoiced turnover by quarter (index into invoiceQuarters).
func (g *gen) invoices(r *rand.Rand, t *sio.Taxpayer, kind sio.SubjectKind, vatSince *sio.Date) map[int]int64 {
	if len(g.ring) == 0 {
		return nil
	}
	sales := map[int]int64{}
	seen := map[string]bool{t.ID: true}
	for range 1 + r.IntN(3) {
		buyer := g.ring[r.IntN(len(g.ring))]
		if seen[buyer.ID] {
			continue
		}
		seen[buyer.ID] = true
		since := later(t.RegisteredAt, buyer.RegisteredAt)
		first := 0
		for first < len(invoiceQuarters) && invoiceQuarters[first].PeriodTo.Before(since.Time) {
			first++
		}
		if first == len(invoiceQuarters) {
			continue
		}
		start := first + r.IntN(len(invoiceQuarters)-first)
		end := min(start+1+r.IntN(5), len(invoiceQuarters))
		for q := start; q < end; q++ {
			p := invoiceQuarters[q]
			turnover := synth.LogAmount(r, 200e3, 150e6)
			var vat int64
			if vatSince != nil && !vatSince.After(p.PeriodFrom.Time) {
				vat = int64(float64(turnover) * vatRate)
			}
			g.out.Invoices = append(g.out.Invoices, sio.InvoiceTurnover{SellerID: t.ID, SellerKind: kind, BuyerID: buyer.ID,
				BuyerKind: sio.SubjectLegalEntity, ReportingPeriod: p, Invoices: 1 + r.IntN(25), TurnoverTiyn: turnover, VATTiyn: vat})
			sales[q] += turnover
		}
		g.crossAudit(r, &buyer, t, kind, start, end)
	}
	return sales
}

// audit is a tax audit of a buyer: the quarters it covers (indices into
// invoiceQuarters) and when it started.
type audit struct {
	from, to int
	started  sio.Date
}

// auditOf decides, from the buyer alone, whether it was audited: ~25% of
// companies, for 2023 or for the first half of 2024. Every seller of an
// audited buyer is then cross-audited for the transactions in the audited
// period, as audits of VAT offsets do.
func (g *gen) auditOf(buyer string) (audit, bool) {
	r := g.audits.For(buyer)
	if !synth.Chance(r, 0.25) {
		return audit{}, false
	}
	if synth.Chance(r, 0.6) {
		return audit{0, 3, synth.DateBetween(r, sio.MustDate("2024-03-01"), sio.MustDate("2024-11-30"))}, true
	}
	return audit{4, 5, synth.DateBetween(r, sio.MustDate("2024-08-01"), sio.MustDate("2024-12-15"))}, true
}

// crossAudit records the cross audit of the seller's sales to the buyer in
// quarters [start, end), if the buyer's audit covers some of them.
func (g *gen) crossAudit(r *rand.Rand, buyer, seller *sio.Taxpayer, sellerKind sio.SubjectKind, start, end int) {
	a, ok := g.auditOf(buyer.ID)
	from, to := max(start, a.from), min(end-1, a.to)
	if !ok || from > to {
		return
	}
	today := synth.Today()
	requested := synth.AddDays(a.started, 5+r.IntN(35))
	if requested.After(today.Time) {
		return
	}
	var turnover int64
	for _, i := range g.out.Invoices[len(g.out.Invoices)-(end-start):] {
		if !i.PeriodFrom.Before(invoiceQuarters[from].PeriodFrom.Time) && !i.PeriodTo.After(invoiceQuarters[to].PeriodTo.Time) {
			turnover += i.TurnoverTiyn
		}
	}
	p := sio.ReportingPeriod{PeriodFrom: invoiceQuarters[from].PeriodFrom, PeriodTo: invoiceQuarters[to].PeriodTo, PeriodRu: invoiceQuarters[from].PeriodRu}
	if from != to {
		p.PeriodRu += " — " + invoiceQuarters[to].PeriodRu
	}
	g.nAudits++
	c := sio.CrossAudit{Number: fmt.Sprintf("%s-%02d-%06d", buyer.TaxOfficeCode, requested.Year()%100, g.nAudits),
		AuditedID: buyer.ID, AuditedKind: sio.SubjectLegalEntity, CounterpartyID: seller.ID, CounterpartyKind: sellerKind, ReportingPeriod: p,
		InitiatorCode: buyer.TaxOfficeCode, InitiatorRu: buyer.TaxOfficeRu, ExecutorCode: seller.TaxOfficeCode, ExecutorRu: seller.TaxOfficeRu,
		RequestedAt: requested, TurnoverTiyn: turnover, Result: sio.CrossAuditInProgress}
	if done := synth.AddDays(requested, 10+r.IntN(50)); !done.After(today.Time) {
		c.CompletedAt = &done
		switch x := r.Float64(); {
		case x < 0.7:
			c.Result = sio.CrossAuditConfirmed
		case x < 0.87:
			c.Result, c.DiscrepancyTiyn = sio.CrossAuditNotConfirmed, turnover*int64(20+r.IntN(81))/100
		default:
			c.Result, c.DiscrepancyTiyn = sio.CrossAuditAbsent, turnover
		}
	}
	g.out.Audits = append(g.out.Audits, c)
}

// companyReturns files a company's 100.00 for 2023 and its quarterly 200.00
// (and 300.00 while a VAT payer) for 2024, VAT turnover covering its
// invoiced sales.
func (g *gen) companyReturns(r *rand.Rand, t *sio.Taxpayer, vatSince *sio.Date, sales map[int]int64) {
	if !t.RegisteredAt.After(year2023.PeriodTo.Time) {
		income := synth.LogAmount(r, 5e6, 5e9)
		g.file(r, t, form100, year2023, income, income*int64(3+r.IntN(13))/100*20/100)
	}
	for qi, q := range quarters2024 {
		if t.RegisteredAt.After(q.PeriodTo.Time) {
			continue
		}
		payroll := synth.LogAmount(r, 1.5e6, 150e6)
		g.file(r, t, form200, q, payroll, payroll*195/1000)
		if vatSince == nil || vatSince.After(q.PeriodTo.Time) {
			continue
		}
		turnover := sales[4+qi]*int64(110+r.IntN(140))/100 + synth.LogAmount(r, 1e6, 100e6)
		g.file(r, t, form300, q, turnover, int64(float64(turnover)*vatRate)*int64(10+r.IntN(21))/100)
	}
}

// simplifiedReturns files 910.00 for the second half of 2023 and the first
// of 2024 (3% of income).
func (g *gen) simplifiedReturns(r *rand.Rand, t *sio.Taxpayer) {
	for _, h := range []period{half2023, half2024} {
		if t.RegisteredAt.After(h.PeriodTo.Time) {
			continue
		}
		income := synth.LogAmount(r, 500e3, 60e6)
		g.file(r, t, form910, h, income, income*3/100)
	}
}

// liquidationReturn files the liquidation 100.00 of a liquidated company:
// from the start of the year of liquidation to the filing date.
func (g *gen) liquidationReturn(r *rand.Rand, t *sio.Taxpayer, e *sio.LegalEntity) {
	today := synth.Today()
	lo := synth.AddYears(synth.Registered(e), 2)
	if lo.After(today.Time) {
		return
	}
	filed := synth.DateBetween(r, lo, today)
	y := filed.Year()
	p := period{sio.ReportingPeriod{PeriodFrom: synth.YearPeriod(y).PeriodFrom, PeriodTo: filed,
		PeriodRu: "01.01." + strconv.Itoa(y) + " — " + filed.Format("02.01.2006")}, filed}
	income := synth.LogAmount(r, 100e3, 50e6)
	g.add(r, t, form100, p, sio.TaxReturnLiquidation, filed, income, income*int64(r.IntN(6))/100*20/100)
}

// file files a return of form f for period p (late with ~5% chance, the
// first one after registration INITIAL), an amended one with ~6% chance,
// and pays the tax.
func (g *gen) file(r *rand.Rand, t *sio.Taxpayer, f form, p period, income, tax int64) {
	today := synth.Today()
	lo := synth.AddDays(p.PeriodTo, 5)
	if lo.After(p.due.Time) {
		lo = synth.AddDays(p.due, -30)
	}
	filed := synth.DateBetween(r, lo, p.due)
	if synth.Chance(r, 0.05) {
		filed = synth.AddDays(p.due, 1+r.IntN(40))
	}
	if filed.After(today.Time) {
		return
	}
	kind := sio.TaxReturnRegular
	if !t.RegisteredAt.Before(p.PeriodFrom.Time) {
		kind = sio.TaxReturnInitial
	}
	g.add(r, t, f, p, kind, filed, income, tax)
	if synth.Chance(r, 0.06) {
		if again := synth.AddDays(filed, 30+r.IntN(150)); !again.After(today.Time) {
			k := int64(90 + r.IntN(31))
			g.add(r, t, f, p, sio.TaxReturnAdditional, again, income*k/100, tax*k/100)
		}
	}
}

func (g *gen) add(r *rand.Rand, t *sio.Taxpayer, f form, p period, kind sio.TaxReturnKind, filed sio.Date, income, tax int64) {
	g.nReturns++
	g.out.Returns = append(g.out.Returns, sio.TaxReturn{
		RegistrationNumber: fmt.Sprintf("%s%02d%09d", t.TaxOfficeCode, filed.Year()%100, g.nReturns), TaxpayerID: t.ID,
		FormCode: f.code, FormNameRu: f.nameRu, ReportingPeriod: p.ReportingPeriod, Kind: kind, FiledAt: filed,
		TaxOfficeCode: t.TaxOfficeCode, TaxOfficeRu: t.TaxOfficeRu, IncomeTiyn: income, TaxTiyn: tax,
	})
	if tax <= 0 || kind == sio.TaxReturnAdditional {
		return
	}
	paid := synth.AddDays(filed, r.IntN(12))
	if paid.After(synth.Today().Time) {
		paid = synth.Today()
	}
	var rest = tax
	for i, code := range f.kbks {
		amount := int64(float64(tax) * f.shares[i])
		if i == len(f.kbks)-1 {
			amount = rest
		}
		rest -= amount
		g.pay(r, t, code, amount, paid, banks)
	}
}

func (g *gen) pay(r *rand.Rand, t *sio.Taxpayer, code synth.KBK, amount int64, at sio.Date, bankList []string) {
	g.nPayments++
	g.out.Payments = append(g.out.Payments, sio.BudgetPayment{PaymentID: g.nPayments, TaxpayerID: t.ID, KBK: code.Code, KBKNameRu: code.NameRu,
		AmountTiyn: amount, PaidAt: at, TaxOfficeCode: t.TaxOfficeCode, TaxOfficeRu: t.TaxOfficeRu,
		DocumentNumber: strconv.Itoa(1 + r.IntN(999)), BankRu: synth.Pick(r, bankList)})
}

// vehicleTax pays the tax of year on the owner's vehicles registered by its
// end, between lo and hi.
func (g *gen) vehicleTax(r *rand.Rand, t *sio.Taxpayer, code synth.KBK, year, mrp int, lo, hi sio.Date, bankList []string) {
	var units int
	for _, v := range g.vehicles[t.ID] {
		if v.RegistrationDate.Year() <= year {
			units += vehicleTaxMRP(v.EngineCC)
		}
	}
	if units == 0 {
		return
	}
	g.pay(r, t, code, int64(units*mrp)*100, synth.DateBetween(r, lo, hi), bankList)
}

// personVehicleTax pays a person's vehicle tax for 2023 (due 1 October
// 2024); ~10% of owners leave it unpaid.
func (g *gen) personVehicleTax(r *rand.Rand, t *sio.Taxpayer) {
	if len(g.vehicles[t.ID]) > 0 && synth.Chance(r, 0.9) {
		g.vehicleTax(r, t, synth.KBKVehiclePerson, 2023, mrp2023, sio.MustDate("2024-02-01"), sio.MustDate("2024-10-01"), personBanks)
	}
}
