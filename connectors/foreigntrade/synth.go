package foreigntrade

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"sio"
	"sio/synth"
)

// country is a trading partner country with the foreign companies the
// sample trades with there.
type country struct {
	code, nameRu string
	partners     []string
}

var (
	china   = country{"CN", "Китай", []string{"Shandong Hongli Import & Export Co., Ltd.", "Zhejiang Hengda Trading Co., Ltd.", "Xinjiang Tianshan Commerce Co., Ltd."}}
	russia  = country{"RU", "Россия", []string{"ООО «Сибирская топливная компания»", "ООО «УралТрейд»", "АО «Омскнефтепродукт-Снаб»"}}
	turkey  = country{"TR", "Турция", []string{"Anatolia Dış Ticaret A.Ş.", "Marmara Makine Sanayi A.Ş."}}
	germany = country{"DE", "Германия", []string{"MedTech Handels GmbH", "Rhein Industrietechnik GmbH"}}
	korea   = country{"KR", "Республика Корея", []string{"Daehan Auto Parts Co., Ltd.", "Seoul Medical Supply Co., Ltd."}}
	japan   = country{"JP", "Япония", []string{"Nippon Parts Trading K.K."}}
	italy   = country{"IT", "Италия", []string{"Adriatica Energia S.p.A.", "Tecnoforni Italia S.r.l."}}
	nether  = country{"NL", "Нидерланды", []string{"Rotterdam Crude Trading B.V."}}
	uzbek   = country{"UZ", "Узбекистан", []string{"ООО «Toshkent Don Savdo»", "ООО «Samarqand Un Mahsulotlari»"}}
	afghan  = country{"AF", "Афганистан", []string{"Hairatan Grain Trading Co."}}
	tajik   = country{"TJ", "Таджикистан", []string{"ООО «Душанбе Хлебопродукт»"}}
)

// goods is a commodity a participant of an activity imports or exports: its
// ТН ВЭД ЕАЭС code, the countries it trades with, the net weight of one
// declaration (kg), the price (tenge per kg) and the import duty rate.
type goods struct {
	direction  sio.TradeDirection
	hs, nameRu string
	countries  []country
	lo, hi     float64
	price      float64
	duty       float64
}

// trade: what participants of an activity (ОКЭД) trade, and how many of the
// activity's active companies do.
type trade struct {
	rate  float64
	goods []goods
}

var byActivity = map[string]trade{
	"06100": {1, []goods{{sio.TradeExport, "2709009001", "Нефть сырая", []country{italy, nether, china}, 2e6, 30e6, 240, 0}}},
	"01110": {0.1, []goods{{sio.TradeExport, "1001990000", "Пшеница мягкая 3 класса", []country{uzbek, afghan, tajik, china}, 65e3, 3e6, 105, 0},
		{sio.TradeExport, "1003900000", "Ячмень", []country{china, uzbek}, 65e3, 1.5e6, 90, 0}}},
	"46711": {0.5, []goods{{sio.TradeImport, "2710124110", "Бензин моторный АИ-92", []country{russia}, 60e3, 2e6, 330, 0},
		{sio.TradeImport, "2710194310", "Топливо дизельное", []country{russia}, 60e3, 2e6, 340, 0}}},
	"46900": {0.5, []goods{{sio.TradeImport, "8516500000", "Печи микроволновые", []country{china, turkey}, 2e3, 40e3, 1800, 0.05},
		{sio.TradeImport, "6402999800", "Обувь с верхом из полимерных материалов", []country{china, turkey}, 1e3, 20e3, 2500, 0.1}}},
	"47190": {0.2, []goods{{sio.TradeImport, "3401110009", "Мыло туалетное", []country{turkey, russia}, 1e3, 20e3, 900, 0.05}}},
	"45200": {0.2, []goods{{sio.TradeImport, "8708999709", "Части и принадлежности автомобилей", []country{japan, korea, china}, 200, 20e3, 5000, 0.05}}},
	"86210": {0.15, []goods{{sio.TradeImport, "9018908409", "Инструменты и аппаратура медицинские", []country{germany, korea}, 50, 2e3, 25000, 0}}},
	"41201": {0.15, []goods{{sio.TradeImport, "6907210000", "Плитка керамическая облицовочная", []country{china, turkey}, 10e3, 200e3, 220, 0.08}}},
	"42110": {0.15, []goods{{sio.TradeImport, "8429521000", "Экскаваторы одноковшовые гусеничные", []country{china, korea}, 20e3, 60e3, 6000, 0}}},
	"10711": {0.1, []goods{{sio.TradeImport, "8417201000", "Печи хлебопекарные туннельные", []country{italy, turkey}, 2e3, 15e3, 9000, 0}}},
}

// Procedures of the declarations.
const (
	procImport = "ИМ 40 Выпуск для внутреннего потребления"
	procExport = "ЭК 10 Экспорт"
	vatRate    = 0.12
	// exportDutyOil approximates the export customs duty on crude oil as a
	// share of its value.
	exportDutyOil = 0.05
)

var tradeFrom = sio.MustDate("2021-01-01")

// Filler returns the generator of the register of foreign-trade
// participants: crude-oil producers export (all of them), grain growers
// (~10%) export wheat and barley to Central Asia and China, fuel wholesalers
// (half) import Russian fuel, other traders, car-repair shops, clinics,
// builders and bakeries import goods and equipment; each participant filed
// 2-12 declarations since 2021, declared at the clearance centre of its
// region. Import duties are the duty and 12% VAT; crude-oil exports pay the
// export duty.
func (s *Store) Filler(seed int64) synth.Filler {
	k := synth.NewKeyed(seed, Name)
	var n int
	return func(ctx context.Context, b *synth.Batch) error {
		var ps []sio.ForeignTradeParticipant
		var ds []sio.GoodsDeclaration
		today := synth.Today()
		for i := range b.Entities {
			e := &b.Entities[i]
			tr, ok := byActivity[e.ActivityCode]
			if !ok || !synth.ActiveCompany(e) {
				continue
			}
			r := k.For(string(e.BIN))
			from := synth.AddDays(synth.Registered(e), 30)
			if from.Before(tradeFrom.Time) {
				from = tradeFrom
			}
			if !synth.Chance(r, tr.rate) || !from.Before(today.Time) {
				continue
			}
			post := customsPost(e.RegionKATO)
			p := sio.ForeignTradeParticipant{BIN: e.BIN, RegisteredAt: today, CustomsOfficeRu: post, RegionKATO: e.RegionKATO}
			var exports, imports bool
			for range 2 + r.IntN(11) {
				n++
				d := newDeclaration(r, synth.Pick(r, tr.goods), e, post, from, n)
				exports, imports = exports || d.Direction == sio.TradeExport, imports || d.Direction == sio.TradeImport
				if d.RegisteredAt.Before(p.RegisteredAt.Time) {
					p.RegisteredAt = d.RegisteredAt
				}
				ds = append(ds, d)
			}
			// Registered with customs shortly before the first declaration.
			if reg := synth.AddDays(p.RegisteredAt, -1-r.IntN(30)); !reg.Before(synth.Registered(e).Time) {
				p.RegisteredAt = reg
			}
			switch {
			case exports && imports:
				p.Role = sio.TradeBoth
			case exports:
				p.Role = sio.TradeExporter
			default:
				p.Role = sio.TradeImporter
			}
			ps = append(ps, p)
		}
		return s.Insert(ctx, ps, ds)
	}
}

// customsPost is the customs clearance centre of the region.
func customsPost(kato string) string {
	r, _ := sio.RegionByKATO(kato)
	if r == nil {
		return "Таможенный пост «ЦТО»"
	}
	return "Таможенный пост «ЦТО " + r.CenterRu + "»"
}

// newDeclaration draws a declaration. Interpretation: the register is
// served with the main goods line of each declaration (one commodity code,
// country and value), not with every line of it.
func newDeclaration(r *rand.Rand, g goods, e *sio.LegalEntity, post string, from sio.Date, n int) sio.GoodsDeclaration {
	at := synth.DateBetween(r, from, synth.Today())
	c := synth.Pick(r, g.countries)
	kg := math.Round(math.Exp(math.Log(g.lo) + r.Float64()*(math.Log(g.hi)-math.Log(g.lo))))
	value := int64(kg*g.price*(0.85+0.3*r.Float64())) * 100
	var duties int64
	proc := procExport
	if g.direction == sio.TradeImport {
		proc = procImport
		duties = int64(float64(value) * (g.duty + vatRate*(1+g.duty)))
	} else if g.hs == "2709009001" {
		duties = int64(float64(value) * exportDutyOil)
	}
	return sio.GoodsDeclaration{
		Number:       fmt.Sprintf("%s201/%s/%07d", e.RegionKATO, at.Format("020106"), n),
		DeclarantBIN: e.BIN, Direction: g.direction, ProcedureRu: proc, CustomsPostRu: post, RegisteredAt: at,
		HSCode: g.hs, GoodsRu: g.nameRu, NetKg: kg, CountryCode: c.code, CountryRu: c.nameRu, PartnerRu: synth.Pick(r, c.partners),
		CustomsValueTiyn: value, DutiesTiyn: duties,
	}
}
