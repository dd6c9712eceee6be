package sio

import "context"

// КГД declarations on excisable goods of seed 000 Appendix 2 (68-72): the
// production and turnover of ethyl alcohol and wine material, of alcohol
// products, the turnover of alcohol products, and petroleum products (form
// versions 2 and 3).

// ExciseKind names the declaration (and the service it belongs to).
type ExciseKind string

const (
	ExciseEthylAlcohol      ExciseKind = "ETHYL_ALCOHOL"
	ExciseAlcoholProduction ExciseKind = "ALCOHOL_PRODUCTION"
	ExciseAlcoholTurnover   ExciseKind = "ALCOHOL_TURNOVER"
	ExcisePetroleumVersion2 ExciseKind = "PETROLEUM_V2"
	ExcisePetroleumVersion3 ExciseKind = "PETROLEUM_V3"
)

// ExciseKinds lists the kinds in service order (68-72).
var ExciseKinds = []ExciseKind{ExciseEthylAlcohol, ExciseAlcoholProduction, ExciseAlcoholTurnover, ExcisePetroleumVersion2, ExcisePetroleumVersion3}

// ExciseDeclaration is a declaration filed with the tax office for a period
// and one warehouse or production site, with a line per product.
type ExciseDeclaration struct {
	Number       string     `db:"number"`
	Kind         ExciseKind `db:"kind"`
	DeclarantBIN BIN        `db:"declarant_bin"`
	FormRu       string     `db:"form_ru"`
	ReportingPeriod
	FiledAt       Date   `db:"filed_at"`
	TaxOfficeCode string `db:"tax_office_code"`
	TaxOfficeRu   string `db:"tax_office_ru"`
	// WarehouseRu is the address of the warehouse or production site.
	WarehouseRu string `db:"warehouse_ru"`
	// LicenseNumber is the declarant's licence for the activity, where one
	// is required.
	LicenseNumber *string      `db:"license_number"`
	Lines         []ExciseLine `db:"-"`
}

// TaxOffice the declaration was filed with.
func (d *ExciseDeclaration) TaxOffice() *TaxOffice {
	return &TaxOffice{Code: d.TaxOfficeCode, NameRu: d.TaxOfficeRu}
}

// ExciseLine is one product of a declaration: the balance at the start of
// the period, what was produced and received, what was shipped, and the
// balance at its end (Closing = Opening + Produced + Received - Shipped), in
// Unit (дал for alcohol, т for petroleum products).
type ExciseLine struct {
	LineNo      int     `db:"line_no"`
	ProductCode string  `db:"product_code"`
	ProductRu   string  `db:"product_ru"`
	Unit        string  `db:"unit"`
	Opening     float64 `db:"opening"`
	Produced    float64 `db:"produced"`
	Received    float64 `db:"received"`
	Shipped     float64 `db:"shipped"`
	Closing     float64 `db:"closing"`
	// CounterpartyBIN is the main supplier or buyer of the line (form
	// versions that record it).
	CounterpartyBIN *BIN `db:"counterparty_bin"`
}

// ExciseRegistry holds the КГД declarations, one table per kind.
type ExciseRegistry interface {
	DeclarationsByDeclarant(ctx context.Context, kind ExciseKind, bins []BIN) (map[BIN][]ExciseDeclaration, error)
	DeclarationsByNumber(ctx context.Context, kind ExciseKind, numbers []string) (map[string]*ExciseDeclaration, error)
}
