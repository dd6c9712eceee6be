package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// КГД tax administration: cross audits, VAT payers, СОНО, counterparties
// and budget receipts on Taxpayer, LegalEntity and Person (by IIN or BIN),
// and lookups by document number on Inquiry.

var (
	crossAuditsOf    = loaders.Define[string, []sio.CrossAudit]("kgd_tax.crossAuditsOf")
	vatOf            = loaders.Define[string, []sio.VATRegistration]("kgd_tax.vatOf")
	taxReturnsOf     = loaders.Define[string, []sio.TaxReturn]("kgd_tax.returnsOf")
	invoicesOf       = loaders.Define[string, []sio.InvoiceTurnover]("kgd_tax.invoicesOf")
	budgetPaymentsOf = loaders.Define[string, []sio.BudgetPayment]("kgd_tax.paymentsOf")
)

var (
	crossAuditNumberPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{6}$`)
	certificateSeries       = regexp.MustCompile(`^\d{5}$`)
	certificateNumber       = regexp.MustCompile(`^\d{7}$`)
	taxReturnNumberPattern  = regexp.MustCompile(`^\d{15}$`)
)

// The five lists by taxpayer (IIN or BIN), shared by Taxpayer, LegalEntity
// and Person.

func (r *Resolver) crossAuditsOf(ctx context.Context, id string) ([]sio.CrossAudit, error) {
	return load(ctx, r, "kgd_tax", crossAuditsOf, r.TaxAdministration.CrossAuditsBySubject, id)
}

func (r *Resolver) vatOf(ctx context.Context, id string) ([]sio.VATRegistration, error) {
	return load(ctx, r, "kgd_tax", vatOf, r.TaxAdministration.VATRegistrationsByTaxpayer, id)
}

func (r *Resolver) taxReturnsOf(ctx context.Context, id string, first *int, after *string) (*model.TaxReturnConnection, error) {
	return loadPage[model.TaxReturnConnection](ctx, r, "kgd_tax", taxReturnsOf, r.TaxAdministration.TaxReturnsByTaxpayer, id, first, after)
}

func (r *Resolver) counterpartiesOf(ctx context.Context, id string, first *int, after *string) (*model.InvoiceTurnoverConnection, error) {
	return loadPage[model.InvoiceTurnoverConnection](ctx, r, "kgd_tax", invoicesOf, r.TaxAdministration.InvoicesBySubject, id, first, after)
}

func (r *Resolver) budgetPaymentsOf(ctx context.Context, id string, first *int, after *string) (*model.BudgetPaymentConnection, error) {
	return loadPage[model.BudgetPaymentConnection](ctx, r, "kgd_tax", budgetPaymentsOf, r.TaxAdministration.PaymentsByTaxpayer, id, first, after)
}

func (r *taxpayerResolver) CrossAudits(ctx context.Context, obj *sio.Taxpayer) ([]sio.CrossAudit, error) {
	return r.crossAuditsOf(ctx, obj.ID)
}

func (r *taxpayerResolver) VatRegistrations(ctx context.Context, obj *sio.Taxpayer) ([]sio.VATRegistration, error) {
	return r.vatOf(ctx, obj.ID)
}

func (r *taxpayerResolver) TaxReturns(ctx context.Context, obj *sio.Taxpayer, first *int, after *string) (*model.TaxReturnConnection, error) {
	return r.taxReturnsOf(ctx, obj.ID, first, after)
}

func (r *taxpayerResolver) Counterparties(ctx context.Context, obj *sio.Taxpayer, first *int, after *string) (*model.InvoiceTurnoverConnection, error) {
	return r.counterpartiesOf(ctx, obj.ID, first, after)
}

func (r *taxpayerResolver) BudgetPayments(ctx context.Context, obj *sio.Taxpayer, first *int, after *string) (*model.BudgetPaymentConnection, error) {
	return r.budgetPaymentsOf(ctx, obj.ID, first, after)
}

func (r *legalEntityResolver) CrossAudits(ctx context.Context, obj *sio.LegalEntity) ([]sio.CrossAudit, error) {
	return r.crossAuditsOf(ctx, string(obj.BIN))
}

func (r *legalEntityResolver) VatRegistrations(ctx context.Context, obj *sio.LegalEntity) ([]sio.VATRegistration, error) {
	return r.vatOf(ctx, string(obj.BIN))
}

func (r *legalEntityResolver) TaxReturns(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.TaxReturnConnection, error) {
	return r.taxReturnsOf(ctx, string(obj.BIN), first, after)
}

func (r *legalEntityResolver) Counterparties(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.InvoiceTurnoverConnection, error) {
	return r.counterpartiesOf(ctx, string(obj.BIN), first, after)
}

func (r *legalEntityResolver) BudgetPayments(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.BudgetPaymentConnection, error) {
	return r.budgetPaymentsOf(ctx, string(obj.BIN), first, after)
}

func (r *personResolver) CrossAudits(ctx context.Context, obj *sio.Person) ([]sio.CrossAudit, error) {
	return r.crossAuditsOf(ctx, string(obj.IIN))
}

func (r *personResolver) VatRegistrations(ctx context.Context, obj *sio.Person) ([]sio.VATRegistration, error) {
	return r.vatOf(ctx, string(obj.IIN))
}

func (r *personResolver) TaxReturns(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.TaxReturnConnection, error) {
	return r.taxReturnsOf(ctx, string(obj.IIN), first, after)
}

func (r *personResolver) Counterparties(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.InvoiceTurnoverConnection, error) {
	return r.counterpartiesOf(ctx, string(obj.IIN), first, after)
}

func (r *personResolver) BudgetPayments(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.BudgetPaymentConnection, error) {
	return r.budgetPaymentsOf(ctx, string(obj.IIN), first, after)
}

func (r *inquiryResolver) CrossAudit(ctx context.Context, _ *authz.Inquiry, number string) (*sio.CrossAudit, error) {
	n, err := parseKey("number", number, 14, crossAuditNumberPattern, "office code, year and serial, e.g. 6008-24-000123")
	return byKey(ctx, r.Resolver, "kgd_tax", n, err, r.TaxAdministration.CrossAuditsByNumber)
}

func (r *inquiryResolver) VatCertificate(ctx context.Context, _ *authz.Inquiry, series string, number string) (*sio.VATRegistration, error) {
	s, err := parseKey("series", series, 5, certificateSeries, "5 digits")
	if err != nil {
		return nil, err
	}
	n, err := parseKey("number", number, 7, certificateNumber, "7 digits")
	if err != nil {
		return nil, err
	}
	return byKey(ctx, r.Resolver, "kgd_tax", s+" "+n, nil, r.TaxAdministration.VATRegistrationsByCertificate)
}

func (r *inquiryResolver) TaxReturn(ctx context.Context, _ *authz.Inquiry, registrationNumber string) (*sio.TaxReturn, error) {
	n, err := parseKey("registrationNumber", registrationNumber, 15, taxReturnNumberPattern, "15 digits")
	return byKey(ctx, r.Resolver, "kgd_tax", n, err, r.TaxAdministration.TaxReturnsByNumber)
}

type crossAuditResolver struct{ *Resolver }

func (r *crossAuditResolver) Audited(ctx context.Context, obj *sio.CrossAudit) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.AuditedID, obj.AuditedKind)
}

func (r *crossAuditResolver) CounterpartyLegalEntity(ctx context.Context, obj *sio.CrossAudit) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.CounterpartyID, obj.CounterpartyKind)
}

func (r *crossAuditResolver) CounterpartyPerson(ctx context.Context, obj *sio.CrossAudit) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.CounterpartyID, obj.CounterpartyKind)
}

type invoiceTurnoverResolver struct{ *Resolver }

func (r *invoiceTurnoverResolver) Seller(ctx context.Context, obj *sio.InvoiceTurnover) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.SellerID, obj.SellerKind)
}

func (r *invoiceTurnoverResolver) SellerPerson(ctx context.Context, obj *sio.InvoiceTurnover) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.SellerID, obj.SellerKind)
}

func (r *invoiceTurnoverResolver) Buyer(ctx context.Context, obj *sio.InvoiceTurnover) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.BuyerID, obj.BuyerKind)
}
