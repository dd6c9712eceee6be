package foreigntrade_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/foreigntrade"
	"sio/connectors/internal/recordstest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestForeignTrade(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := foreigntrade.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		oil, fuel := testdb.BIN(t, "2004-07-01", 1), testdb.BIN(t, "2016-01-01", 3)
		decl := func(number string, bin sio.BIN, dir sio.TradeDirection, at string) sio.GoodsDeclaration {
			return sio.GoodsDeclaration{Number: number, DeclarantBIN: bin, Direction: dir, ProcedureRu: "ЭК 10 Экспорт", CustomsPostRu: "Таможенный пост «ЦТО Атырау»",
				RegisteredAt: sio.MustDate(at), HSCode: "2709009001", GoodsRu: "Нефть сырая", NetKg: 5_000_000, CountryCode: "IT", CountryRu: "Италия",
				PartnerRu: "Adriatica Energia S.p.A.", CustomsValueTiyn: 1_200_000_000_00, DutiesTiyn: 60_000_000_00}
		}
		testdb.Must(t, s.Insert(ctx, []sio.ForeignTradeParticipant{
			{BIN: oil, Role: sio.TradeExporter, RegisteredAt: sio.MustDate("2021-02-01"), CustomsOfficeRu: "Таможенный пост «ЦТО Атырау»", RegionKATO: "23"},
			{BIN: fuel, Role: sio.TradeImporter, RegisteredAt: sio.MustDate("2022-05-01"), CustomsOfficeRu: "Таможенный пост «ЦТО Костанай»", RegionKATO: "39"},
		}, []sio.GoodsDeclaration{
			decl("23201/150321/0000001", oil, sio.TradeExport, "2021-03-15"),
			decl("23201/100624/0000002", oil, sio.TradeExport, "2024-06-10"),
			decl("39201/020522/0000003", fuel, sio.TradeImport, "2022-05-02"),
		}))
		var participants map[sio.BIN]*sio.ForeignTradeParticipant
		testdb.OneStatement(t, "ParticipantsByBIN", func(ctx context.Context) (err error) {
			participants, err = s.ParticipantsByBIN(ctx, []sio.BIN{oil, fuel, "000000000000"})
			return err
		})
		if p := participants[oil]; len(participants) != 2 || p.Role != sio.TradeExporter || p.Region().NameRu != "Атырауская область" {
			t.Fatalf("participants = %+v", participants)
		}
		var byDeclarant map[sio.BIN][]sio.GoodsDeclaration
		testdb.OneStatement(t, "DeclarationsByDeclarant", func(ctx context.Context) (err error) {
			byDeclarant, err = s.DeclarationsByDeclarant(ctx, []sio.BIN{oil, fuel})
			return err
		})
		if ds := byDeclarant[oil]; len(ds) != 2 || ds[0].Number != "23201/100624/0000002" || ds[0].CustomsValue().String() != "1200000000.00" {
			t.Fatalf("declarations (latest first) = %+v", byDeclarant)
		}
		var byNumber map[string]*sio.GoodsDeclaration
		testdb.OneStatement(t, "DeclarationsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.DeclarationsByNumber(ctx, []string{"39201/020522/0000003", "1/1/1"})
			return err
		})
		if d := byNumber["39201/020522/0000003"]; len(byNumber) != 1 || d.DeclarantBIN != fuel {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var (
	numberPattern = regexp.MustCompile(`^\d{5}/\d{6}/\d{7}$`)
	hsPattern     = regexp.MustCompile(`^\d{10}$`)
)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	type data struct {
		Participants []sio.ForeignTradeParticipant
		Declarations []sio.GoodsDeclaration
	}
	d := recordstest.Deterministic(t, foreigntrade.Open, 4000, func(t *testing.T, s *foreigntrade.Store) data {
		return data{recordstest.Rows[sio.ForeignTradeParticipant](t, s.DB(), "participants", "bin"),
			recordstest.Rows[sio.GoodsDeclaration](t, s.DB(), "declarations", "number")}
	})
	today := synth.Today()
	byBIN := map[sio.BIN]sio.ForeignTradeParticipant{}
	for _, p := range d.Participants {
		byBIN[p.BIN] = p
	}
	for _, x := range d.Declarations {
		p, ok := byBIN[x.DeclarantBIN]
		if !ok || x.RegisteredAt.Before(p.RegisteredAt.Time) || x.RegisteredAt.After(today.Time) {
			t.Fatalf("declaration %+v before its participant's registration %+v", x, p)
		}
		if !numberPattern.MatchString(x.Number) || x.Number[6:12] != x.RegisteredAt.Format("020106") || !hsPattern.MatchString(x.HSCode) {
			t.Fatalf("number/code: %+v", x)
		}
		if x.NetKg <= 0 || x.CustomsValueTiyn <= 0 || (x.Direction == sio.TradeImport) != (x.DutiesTiyn > 0) && x.HSCode != "2709009001" {
			t.Fatalf("amounts: %+v", x)
		}
		if (p.Role == sio.TradeExporter && x.Direction != sio.TradeExport) || (p.Role == sio.TradeImporter && x.Direction != sio.TradeImport) {
			t.Fatalf("role %s with a %s declaration", p.Role, x.Direction)
		}
	}
	if len(d.Declarations) == 0 {
		t.Fatal("no declarations")
	}
}
