package sio

import "context"

// База данных "Участников внешнеэкономической деятельности" (43): the
// customs register of exporters and importers with their declarations on
// goods (декларации на товары).

// TradeRole is how a participant trades across the border.
type TradeRole string

const (
	TradeExporter TradeRole = "EXPORTER"
	TradeImporter TradeRole = "IMPORTER"
	TradeBoth     TradeRole = "EXPORTER_IMPORTER"
)

// TradeDirection is the direction of a declaration's goods.
type TradeDirection string

const (
	TradeExport TradeDirection = "EXPORT"
	TradeImport TradeDirection = "IMPORT"
)

// ForeignTradeParticipant is a participant of foreign economic activity
// registered with the customs authority.
type ForeignTradeParticipant struct {
	BIN          BIN       `db:"bin"`
	Role         TradeRole `db:"role"`
	RegisteredAt Date      `db:"registered_at"`
	// CustomsOfficeRu is the customs office the participant is registered
	// with.
	CustomsOfficeRu string `db:"customs_office_ru"`
	RegionKATO      string `db:"region_kato"`
}

// Region of the customs office.
func (p *ForeignTradeParticipant) Region() *Region { return regionOrNil(p.RegionKATO) }

// GoodsDeclaration is a declaration on goods (ДТ) of a participant: its main
// goods line with the commodity code of ТН ВЭД ЕАЭС, the country and the
// customs value. Amounts are in tiyn.
type GoodsDeclaration struct {
	// Number is "post code/DDMMYY/serial", e.g. "55201/150324/0001234".
	Number       string         `db:"number"`
	DeclarantBIN BIN            `db:"declarant_bin"`
	Direction    TradeDirection `db:"direction"`
	// ProcedureRu is the customs procedure, e.g. "ИМ 40 выпуск для
	// внутреннего потребления".
	ProcedureRu   string `db:"procedure_ru"`
	CustomsPostRu string `db:"customs_post_ru"`
	RegisteredAt  Date   `db:"registered_at"`
	// HSCode is the 10-digit ТН ВЭД ЕАЭС code of the goods.
	HSCode  string  `db:"hs_code"`
	GoodsRu string  `db:"goods_ru"`
	NetKg   float64 `db:"net_kg"`
	// CountryCode (ISO 3166 alpha-2) is the country of origin for imports,
	// of destination for exports.
	CountryCode      string `db:"country_code"`
	CountryRu        string `db:"country_ru"`
	PartnerRu        string `db:"partner_ru"`
	CustomsValueTiyn int64  `db:"customs_value_tiyn"`
	DutiesTiyn       int64  `db:"duties_tiyn"`
}

// CustomsValue is the customs value of the goods.
func (d *GoodsDeclaration) CustomsValue() Money { return Money(d.CustomsValueTiyn) }

// Duties are the customs duties and taxes paid.
func (d *GoodsDeclaration) Duties() Money { return Money(d.DutiesTiyn) }

// ForeignTradeRegistry is Участники внешнеэкономической деятельности.
type ForeignTradeRegistry interface {
	ParticipantsByBIN(ctx context.Context, bins []BIN) (map[BIN]*ForeignTradeParticipant, error)
	DeclarationsByDeclarant(ctx context.Context, bins []BIN) (map[BIN][]GoodsDeclaration, error)
	DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*GoodsDeclaration, error)
}
