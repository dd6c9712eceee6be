package kgdtax_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/recordstest"
	"sio/connectors/kgdtax"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestTaxAdministration(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := kgdtax.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		buyer, seller := testdb.BIN(t, "2010-02-01", 1), testdb.BIN(t, "2015-09-01", 7)
		ip := testdb.IIN(t, "1984-05-17", sio.Male, 30)
		q1, q2 := synth.QuarterPeriod(2024, 1), synth.QuarterPeriod(2024, 2)
		done := sio.MustDate("2024-10-20")
		reason := "Снятие с регистрационного учета по НДС в связи с ликвидацией"
		off := sio.MustDate("2023-06-01")
		testdb.Must(t, s.Insert(ctx, kgdtax.Data{
			Audits: []sio.CrossAudit{
				{Number: "6008-24-000001", AuditedID: string(buyer), AuditedKind: sio.SubjectLegalEntity, CounterpartyID: string(seller),
					CounterpartyKind: sio.SubjectLegalEntity, ReportingPeriod: q1, InitiatorCode: "6008", InitiatorRu: "УГД по Алатаускому району",
					ExecutorCode: "6201", ExecutorRu: "УГД по району Алматы", RequestedAt: sio.MustDate("2024-09-10"), CompletedAt: &done,
					TurnoverTiyn: 5_000_000_00, DiscrepancyTiyn: 1_000_000_00, Result: sio.CrossAuditNotConfirmed},
				{Number: "6008-24-000002", AuditedID: string(buyer), AuditedKind: sio.SubjectLegalEntity, CounterpartyID: string(ip),
					CounterpartyKind: sio.SubjectPerson, ReportingPeriod: q2, InitiatorCode: "6008", InitiatorRu: "УГД по Алатаускому району",
					ExecutorCode: "6008", ExecutorRu: "УГД по Алатаускому району", RequestedAt: sio.MustDate("2024-11-10"), Result: sio.CrossAuditInProgress},
			},
			VAT: []sio.VATRegistration{
				{TaxpayerID: string(seller), CertificateSeries: "62011", CertificateNumber: "0000001", RegisteredAt: sio.MustDate("2016-01-10"),
					ReasonRu: "Постановка на регистрационный учет по НДС в добровольном порядке", TaxOfficeCode: "6201", TaxOfficeRu: "УГД по району Алматы"},
				{TaxpayerID: string(buyer), CertificateSeries: "60081", CertificateNumber: "0000002", RegisteredAt: sio.MustDate("2011-01-10"),
					ReasonRu: "Постановка на регистрационный учет по НДС в добровольном порядке", DeregisteredAt: &off, DeregistrationReasonRu: &reason,
					TaxOfficeCode: "6008", TaxOfficeRu: "УГД по Алатаускому району"},
			},
			Returns: []sio.TaxReturn{
				{RegistrationNumber: "620124000000001", TaxpayerID: string(seller), FormCode: "300.00", FormNameRu: "Декларация по налогу на добавленную стоимость",
					ReportingPeriod: q1, Kind: sio.TaxReturnRegular, FiledAt: sio.MustDate("2024-05-10"), TaxOfficeCode: "6201", TaxOfficeRu: "УГД по району Алматы",
					IncomeTiyn: 9_000_000_00, TaxTiyn: 200_000_00},
				{RegistrationNumber: "620124000000002", TaxpayerID: string(seller), FormCode: "300.00", FormNameRu: "Декларация по налогу на добавленную стоимость",
					ReportingPeriod: q2, Kind: sio.TaxReturnRegular, FiledAt: sio.MustDate("2024-08-10"), TaxOfficeCode: "6201", TaxOfficeRu: "УГД по району Алматы",
					IncomeTiyn: 8_000_000_00, TaxTiyn: 150_000_00},
			},
			Invoices: []sio.InvoiceTurnover{
				{SellerID: string(seller), SellerKind: sio.SubjectLegalEntity, BuyerID: string(buyer), BuyerKind: sio.SubjectLegalEntity, ReportingPeriod: q1,
					Invoices: 4, TurnoverTiyn: 5_000_000_00, VATTiyn: 600_000_00},
				{SellerID: string(ip), SellerKind: sio.SubjectPerson, BuyerID: string(buyer), BuyerKind: sio.SubjectLegalEntity, ReportingPeriod: q2,
					Invoices: 1, TurnoverTiyn: 300_000_00},
			},
			Payments: []sio.BudgetPayment{
				{PaymentID: 1, TaxpayerID: string(seller), KBK: "105101", KBKNameRu: "Налог на добавленную стоимость", AmountTiyn: 200_000_00,
					PaidAt: sio.MustDate("2024-05-20"), TaxOfficeCode: "6201", TaxOfficeRu: "УГД по району Алматы", DocumentNumber: "17", BankRu: "АО «Kaspi Bank»"},
				{PaymentID: 2, TaxpayerID: string(seller), KBK: "105101", KBKNameRu: "Налог на добавленную стоимость", AmountTiyn: 150_000_00,
					PaidAt: sio.MustDate("2024-08-20"), TaxOfficeCode: "6201", TaxOfficeRu: "УГД по району Алматы", DocumentNumber: "31", BankRu: "АО «Kaspi Bank»"},
			},
		}))

		var audits map[string][]sio.CrossAudit
		testdb.OneStatement(t, "CrossAuditsBySubject", func(ctx context.Context) (err error) {
			audits, err = s.CrossAuditsBySubject(ctx, []string{string(buyer), string(ip), "000000000000"})
			return err
		})
		if as := audits[string(buyer)]; len(audits) != 2 || len(as) != 2 || as[0].Number != "6008-24-000002" || as[1].Discrepancy().String() != "1000000.00" ||
			as[0].CompletedAt != nil || as[1].ExecutorOffice().Code != "6201" {
			t.Fatalf("audits of the audited taxpayer (latest first) = %+v", audits)
		}
		if as := audits[string(ip)]; len(as) != 1 || as[0].CounterpartyKind != sio.SubjectPerson || as[0].PeriodRu != "2 квартал 2024 г." {
			t.Fatalf("audits of the counterparty = %+v", as)
		}
		var audit map[string]*sio.CrossAudit
		testdb.OneStatement(t, "CrossAuditsByNumber", func(ctx context.Context) (err error) {
			audit, err = s.CrossAuditsByNumber(ctx, []string{"6008-24-000001", "x"})
			return err
		})
		if a := audit["6008-24-000001"]; len(audit) != 1 || a.PeriodFrom.String() != "2024-01-01" || a.PeriodTo.String() != "2024-03-31" {
			t.Fatalf("audit by number = %+v", audit)
		}
		var vat map[string][]sio.VATRegistration
		testdb.OneStatement(t, "VATRegistrationsByTaxpayer", func(ctx context.Context) (err error) {
			vat, err = s.VATRegistrationsByTaxpayer(ctx, []string{string(seller), string(buyer), string(ip)})
			return err
		})
		if v := vat[string(buyer)]; len(vat) != 2 || len(v) != 1 || *v[0].DeregistrationReasonRu != reason || vat[string(seller)][0].DeregisteredAt != nil {
			t.Fatalf("VAT registrations = %+v", vat)
		}
		var cert map[string]*sio.VATRegistration
		testdb.OneStatement(t, "VATRegistrationsByCertificate", func(ctx context.Context) (err error) {
			cert, err = s.VATRegistrationsByCertificate(ctx, []string{"62011 0000001", "62011 0000002"})
			return err
		})
		if v := cert["62011 0000001"]; len(cert) != 1 || v.TaxpayerID != string(seller) || v.Certificate() != "62011 0000001" {
			t.Fatalf("by certificate = %+v", cert)
		}
		var returns map[string][]sio.TaxReturn
		testdb.OneStatement(t, "TaxReturnsByTaxpayer", func(ctx context.Context) (err error) {
			returns, err = s.TaxReturnsByTaxpayer(ctx, []string{string(seller), string(buyer)})
			return err
		})
		if rs := returns[string(seller)]; len(returns) != 1 || len(rs) != 2 || rs[0].RegistrationNumber != "620124000000002" || rs[1].Tax().String() != "200000.00" {
			t.Fatalf("returns (latest period first) = %+v", returns)
		}
		var ret map[string]*sio.TaxReturn
		testdb.OneStatement(t, "TaxReturnsByNumber", func(ctx context.Context) (err error) {
			ret, err = s.TaxReturnsByNumber(ctx, []string{"620124000000001"})
			return err
		})
		if r := ret["620124000000001"]; r == nil || r.FormCode != "300.00" || r.TaxOffice().NameRu != "УГД по району Алматы" {
			t.Fatalf("return by number = %+v", ret)
		}
		var invoices map[string][]sio.InvoiceTurnover
		testdb.OneStatement(t, "InvoicesBySubject", func(ctx context.Context) (err error) {
			invoices, err = s.InvoicesBySubject(ctx, []string{string(buyer), string(ip)})
			return err
		})
		if is := invoices[string(buyer)]; len(invoices) != 2 || len(is) != 2 || is[0].SellerID != string(ip) || is[1].Vat().String() != "600000.00" {
			t.Fatalf("invoices of the buyer (latest quarter first) = %+v", invoices)
		}
		if is := invoices[string(ip)]; len(is) != 1 || is[0].BuyerID != string(buyer) {
			t.Fatalf("invoices of the seller = %+v", is)
		}
		var payments map[string][]sio.BudgetPayment
		testdb.OneStatement(t, "PaymentsByTaxpayer", func(ctx context.Context) (err error) {
			payments, err = s.PaymentsByTaxpayer(ctx, []string{string(seller), string(buyer)})
			return err
		})
		if ps := payments[string(seller)]; len(payments) != 1 || len(ps) != 2 || ps[0].PaymentID != 2 || ps[1].Amount().String() != "200000.00" {
			t.Fatalf("payments (latest first) = %+v", payments)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	d := recordstest.Deterministic(t, kgdtax.Open, 4000, func(t *testing.T, s *kgdtax.Store) kgdtax.Data {
		return kgdtax.Data{
			Audits:   recordstest.Rows[sio.CrossAudit](t, s.DB(), "cross_audits", "number"),
			VAT:      recordstest.Rows[sio.VATRegistration](t, s.DB(), "vat_registrations", "certificate_number"),
			Returns:  recordstest.Rows[sio.TaxReturn](t, s.DB(), "tax_returns", "registration_number"),
			Invoices: recordstest.Rows[sio.InvoiceTurnover](t, s.DB(), "invoices", "seller_id, buyer_id, period_from"),
			Payments: recordstest.Rows[sio.BudgetPayment](t, s.DB(), "budget_payments", "payment_id"),
		}
	})
	if len(d.Audits) == 0 || len(d.VAT) == 0 || len(d.Returns) == 0 || len(d.Invoices) == 0 || len(d.Payments) == 0 {
		t.Fatalf("empty table: %d audits, %d VAT, %d returns, %d invoices, %d payments", len(d.Audits), len(d.VAT), len(d.Returns), len(d.Invoices), len(d.Payments))
	}
	taxpayers := map[string]sio.Taxpayer{}
	testdb.Must(t, synth.Generate(synth.Config{Seed: 3, Persons: 4000}, func(b *synth.Batch) error {
		for _, x := range b.Taxpayers {
			taxpayers[x.ID] = x
		}
		return nil
	}))
	today := synth.Today()
	active := map[string]bool{}
	for _, v := range d.VAT {
		tp, ok := taxpayers[v.TaxpayerID]
		if !ok || v.RegisteredAt.Before(tp.RegisteredAt.Time) || v.RegisteredAt.After(today.Time) || v.TaxOfficeCode != tp.TaxOfficeCode {
			t.Fatalf("VAT registration %+v of taxpayer %+v", v, tp)
		}
		if (v.DeregisteredAt == nil) != (v.DeregistrationReasonRu == nil) || (v.DeregisteredAt != nil && !v.DeregisteredAt.After(v.RegisteredAt.Time)) {
			t.Fatalf("deregistration: %+v", v)
		}
		if v.DeregisteredAt == nil {
			active[v.TaxpayerID] = true
		}
	}
	for id, tp := range taxpayers {
		if tp.VATPayer && tp.Status == "ACTIVE" && !active[id] {
			t.Fatalf("VAT payer %s has no current registration", id)
		}
		if active[id] && !tp.VATPayer {
			t.Fatalf("%s is registered for VAT but not a VAT payer", id)
		}
	}
	for _, r := range d.Returns {
		if r.FiledAt.After(today.Time) || r.FiledAt.Before(r.PeriodFrom.Time) || r.PeriodTo.Before(r.PeriodFrom.Time) || len(r.RegistrationNumber) != 15 {
			t.Fatalf("return dates/number: %+v", r)
		}
		if r.IncomeTiyn <= 0 || r.TaxTiyn < 0 || r.TaxTiyn > r.IncomeTiyn {
			t.Fatalf("return amounts: %+v", r)
		}
	}
	pairs := map[[2]string]bool{}
	for _, i := range d.Invoices {
		pairs[[2]string{i.SellerID, i.BuyerID}] = true
		if i.SellerID == i.BuyerID || i.TurnoverTiyn <= 0 || (i.VATTiyn != 0 && i.VATTiyn != int64(float64(i.TurnoverTiyn)*0.12)) || i.PeriodTo.After(today.Time) {
			t.Fatalf("invoice turnover: %+v", i)
		}
	}
	for _, a := range d.Audits {
		if !pairs[[2]string{a.CounterpartyID, a.AuditedID}] || a.RequestedAt.Before(a.PeriodTo.Time) || a.RequestedAt.After(today.Time) {
			t.Fatalf("cross audit %+v without the audited transactions", a)
		}
		if (a.Result == sio.CrossAuditInProgress) != (a.CompletedAt == nil) || (a.Result == sio.CrossAuditConfirmed) != (a.DiscrepancyTiyn == 0 && a.CompletedAt != nil) {
			t.Fatalf("cross audit result: %+v", a)
		}
	}
	for _, p := range d.Payments {
		if p.AmountTiyn <= 0 || p.PaidAt.After(today.Time) || len(p.KBK) != 6 {
			t.Fatalf("payment: %+v", p)
		}
	}
}
