package sio

import "context"

// Tax-administration data of the state revenue committee (КГД) of seed 000
// Appendix 2: cross audits (37), VAT payers (38), tax returns of СОНО (39),
// counterparties from electronic invoices (40) and budget receipts (51).
// Amounts are in tiyn.

// ReportingPeriod is a tax or reporting period: its first and last day and its label
// as printed on forms ("3 квартал 2024 г.").
type ReportingPeriod struct {
	PeriodFrom Date   `db:"period_from"`
	PeriodTo   Date   `db:"period_to"`
	PeriodRu   string `db:"period_ru"`
}

// CrossAuditResult is the outcome of a cross audit.
type CrossAuditResult string

const (
	CrossAuditConfirmed    CrossAuditResult = "CONFIRMED"
	CrossAuditNotConfirmed CrossAuditResult = "NOT_CONFIRMED"
	// CrossAuditAbsent: the counterparty was not found at its address.
	CrossAuditAbsent     CrossAuditResult = "COUNTERPARTY_ABSENT"
	CrossAuditInProgress CrossAuditResult = "IN_PROGRESS"
)

// CrossAudit is a record of Сведения о встречных проверках: during an audit
// of a taxpayer, the initiating tax office asks the counterparty's office to
// confirm their transactions over a period.
type CrossAudit struct {
	Number           string      `db:"number"`
	AuditedID        string      `db:"audited_id"`
	AuditedKind      SubjectKind `db:"audited_kind"`
	CounterpartyID   string      `db:"counterparty_id"`
	CounterpartyKind SubjectKind `db:"counterparty_kind"`
	ReportingPeriod
	InitiatorCode string `db:"initiator_code"`
	InitiatorRu   string `db:"initiator_ru"`
	ExecutorCode  string `db:"executor_code"`
	ExecutorRu    string `db:"executor_ru"`
	RequestedAt   Date   `db:"requested_at"`
	CompletedAt   *Date  `db:"completed_at"`
	TurnoverTiyn  int64  `db:"turnover_tiyn"`
	// DiscrepancyTiyn is the turnover the counterparty did not confirm.
	DiscrepancyTiyn int64            `db:"discrepancy_tiyn"`
	Result          CrossAuditResult `db:"result"`
}

// InitiatorOffice is the tax office that ordered the cross audit.
func (a *CrossAudit) InitiatorOffice() *TaxOffice {
	return &TaxOffice{Code: a.InitiatorCode, NameRu: a.InitiatorRu}
}

// ExecutorOffice is the counterparty's tax office that carried it out.
func (a *CrossAudit) ExecutorOffice() *TaxOffice {
	return &TaxOffice{Code: a.ExecutorCode, NameRu: a.ExecutorRu}
}

// Turnover is the turnover under audit.
func (a *CrossAudit) Turnover() Money { return Money(a.TurnoverTiyn) }

// Discrepancy is the turnover not confirmed.
func (a *CrossAudit) Discrepancy() Money { return Money(a.DiscrepancyTiyn) }

// VATRegistration is a record of Сведения о плательщиках НДС: a registration
// for VAT with its certificate, and its end.
type VATRegistration struct {
	TaxpayerID string `db:"taxpayer_id"`
	// CertificateSeries is the 5-digit series (the tax office code and a
	// digit), CertificateNumber the 7-digit number.
	CertificateSeries string `db:"certificate_series"`
	CertificateNumber string `db:"certificate_number"`
	RegisteredAt      Date   `db:"registered_at"`
	ReasonRu          string `db:"reason_ru"`
	DeregisteredAt    *Date  `db:"deregistered_at"`
	// DeregistrationReasonRu is set with DeregisteredAt.
	DeregistrationReasonRu *string `db:"deregistration_reason_ru"`
	TaxOfficeCode          string  `db:"tax_office_code"`
	TaxOfficeRu            string  `db:"tax_office_ru"`
}

// TaxOffice that registered the payer.
func (v *VATRegistration) TaxOffice() *TaxOffice {
	return &TaxOffice{Code: v.TaxOfficeCode, NameRu: v.TaxOfficeRu}
}

// Certificate is "series number" as printed, the key of VAT lookups.
func (v *VATRegistration) Certificate() string {
	return v.CertificateSeries + " " + v.CertificateNumber
}

// TaxReturnKind is the kind of a tax return (вид декларации).
type TaxReturnKind string

const (
	TaxReturnInitial     TaxReturnKind = "INITIAL"
	TaxReturnRegular     TaxReturnKind = "REGULAR"
	TaxReturnAdditional  TaxReturnKind = "ADDITIONAL"
	TaxReturnLiquidation TaxReturnKind = "LIQUIDATION"
)

// TaxReturn is a record of Сведения о налоговой отчетности (СОНО): a tax
// return (форма налоговой отчетности) filed by a taxpayer.
type TaxReturn struct {
	RegistrationNumber string `db:"registration_number"`
	TaxpayerID         string `db:"taxpayer_id"`
	// FormCode is the form of tax reporting, e.g. "300.00".
	FormCode   string `db:"form_code"`
	FormNameRu string `db:"form_name_ru"`
	ReportingPeriod
	Kind          TaxReturnKind `db:"kind"`
	FiledAt       Date          `db:"filed_at"`
	TaxOfficeCode string        `db:"tax_office_code"`
	TaxOfficeRu   string        `db:"tax_office_ru"`
	// IncomeTiyn is the income or turnover declared, TaxTiyn the tax
	// assessed.
	IncomeTiyn int64 `db:"income_tiyn"`
	TaxTiyn    int64 `db:"tax_tiyn"`
}

// TaxOffice the return was filed with.
func (t *TaxReturn) TaxOffice() *TaxOffice {
	return &TaxOffice{Code: t.TaxOfficeCode, NameRu: t.TaxOfficeRu}
}

// Income is the income or turnover declared.
func (t *TaxReturn) Income() Money { return Money(t.IncomeTiyn) }

// Tax is the tax assessed.
func (t *TaxReturn) Tax() Money { return Money(t.TaxTiyn) }

// InvoiceTurnover is a record of Сведения по контрагентам: the electronic
// invoices (ЭСФ) a seller issued to a buyer in a quarter, summed.
type InvoiceTurnover struct {
	SellerID   string      `db:"seller_id"`
	SellerKind SubjectKind `db:"seller_kind"`
	BuyerID    string      `db:"buyer_id"`
	BuyerKind  SubjectKind `db:"buyer_kind"`
	ReportingPeriod
	Invoices int `db:"invoices"`
	// TurnoverTiyn excludes VAT.
	TurnoverTiyn int64 `db:"turnover_tiyn"`
	VATTiyn      int64 `db:"vat_tiyn"`
}

// Turnover is the invoiced turnover without VAT.
func (i *InvoiceTurnover) Turnover() Money { return Money(i.TurnoverTiyn) }

// Vat is the VAT invoiced.
func (i *InvoiceTurnover) Vat() Money { return Money(i.VATTiyn) }

// BudgetPayment is a record of Сведения о поступлениях в бюджет: a payment
// of a taxpayer to the budget under a budget classification code (КБК).
type BudgetPayment struct {
	PaymentID      int64  `db:"payment_id"`
	TaxpayerID     string `db:"taxpayer_id"`
	KBK            string `db:"kbk"`
	KBKNameRu      string `db:"kbk_name_ru"`
	AmountTiyn     int64  `db:"amount_tiyn"`
	PaidAt         Date   `db:"paid_at"`
	TaxOfficeCode  string `db:"tax_office_code"`
	TaxOfficeRu    string `db:"tax_office_ru"`
	DocumentNumber string `db:"document_number"`
	BankRu         string `db:"bank_ru"`
}

// Amount paid.
func (p *BudgetPayment) Amount() Money { return Money(p.AmountTiyn) }

// TaxOffice the payment was credited to.
func (p *BudgetPayment) TaxOffice() *TaxOffice {
	return &TaxOffice{Code: p.TaxOfficeCode, NameRu: p.TaxOfficeRu}
}

// TaxAdministration is the КГД tax-administration data: cross audits, VAT
// payers, СОНО, ЭСФ counterparties and budget receipts. Lookups by subject
// take IINs or BINs.
type TaxAdministration interface {
	// CrossAuditsBySubject returns the cross audits where each subject is
	// the audited taxpayer or the counterparty.
	CrossAuditsBySubject(ctx context.Context, ids []string) (map[string][]CrossAudit, error)
	CrossAuditsByNumber(ctx context.Context, numbers []string) (map[string]*CrossAudit, error)
	VATRegistrationsByTaxpayer(ctx context.Context, ids []string) (map[string][]VATRegistration, error)
	// VATRegistrationsByCertificate takes "series number" keys.
	VATRegistrationsByCertificate(ctx context.Context, certs []string) (map[string]*VATRegistration, error)
	TaxReturnsByTaxpayer(ctx context.Context, ids []string) (map[string][]TaxReturn, error)
	TaxReturnsByNumber(ctx context.Context, numbers []string) (map[string]*TaxReturn, error)
	// InvoicesBySubject returns the invoice turnover where each subject is
	// the seller or the buyer.
	InvoicesBySubject(ctx context.Context, ids []string) (map[string][]InvoiceTurnover, error)
	PaymentsByTaxpayer(ctx context.Context, ids []string) (map[string][]BudgetPayment, error)
}
