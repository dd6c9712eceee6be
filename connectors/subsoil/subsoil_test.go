package subsoil_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/recordstest"
	"sio/connectors/subsoil"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestSubsoilContracts(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := subsoil.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		oil, holding, builder := testdb.BIN(t, "2003-03-01", 1), testdb.BIN(t, "2010-10-01", 4), testdb.BIN(t, "2015-05-01", 9)
		contract := func(reg sio.SubsoilRegister, number string, bin sio.BIN, share float64, field, signed string) sio.SubsoilContract {
			return sio.SubsoilContract{Number: number, Register: reg, UserBIN: bin, SharePercent: share, OperatorRu: "ТОО «Тенгизшевройл»", FieldRu: field,
				MineralsRu: "Нефть", RegionKATO: "23", AreaSqKm: 12.5, SignedAt: sio.MustDate(signed), ExpiresAt: synth.AddYears(sio.MustDate(signed), 25),
				Stage: sio.SubsoilProduction, AuthorityRu: "Министерство энергетики РК", Status: sio.SubsoilActive}
		}
		testdb.Must(t, s.Insert(ctx, []sio.SubsoilContract{
			contract(sio.SubsoilHydrocarbons, "ТШО-1993", oil, 0.5, "Тенгиз", "1993-04-06"),
			contract(sio.SubsoilHydrocarbons, "ТШО-1993", holding, 0.25, "Тенгиз", "1993-04-06"),
			contract(sio.SubsoilHydrocarbons, "1001-УВС", oil, 100, "Ботахан", "2012-06-01"),
			contract(sio.SubsoilSolidMinerals, "1001-ОПИ", builder, 100, "Месторождение песчано-гравийной смеси «Акжар»", "2019-02-01"),
		}))
		var byUser map[sio.BIN][]sio.SubsoilContract
		testdb.OneStatement(t, "ContractsByUser", func(ctx context.Context) (err error) {
			byUser, err = s.ContractsByUser(ctx, sio.SubsoilHydrocarbons, []sio.BIN{oil, holding, builder})
			return err
		})
		if cs := byUser[oil]; len(byUser) != 2 || len(cs) != 2 || cs[0].Number != "ТШО-1993" || cs[1].FieldRu != "Ботахан" || cs[0].Region().NameRu != "Атырауская область" {
			t.Fatalf("hydrocarbon contracts by user (oldest first) = %+v", byUser)
		}
		var byNumber map[string][]sio.SubsoilContract
		testdb.OneStatement(t, "ContractsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.ContractsByNumber(ctx, sio.SubsoilHydrocarbons, []string{"ТШО-1993", "1001-ОПИ"})
			return err
		})
		if users := byNumber["ТШО-1993"]; len(byNumber) != 1 || len(users) != 2 || users[0].UserBIN != oil || users[1].SharePercent != 0.25 {
			t.Fatalf("users of a joint contract (largest share first) = %+v", byNumber)
		}
		testdb.OneStatement(t, "ContractsByNumber (solid)", func(ctx context.Context) (err error) {
			byNumber, err = s.ContractsByNumber(ctx, sio.SubsoilSolidMinerals, []string{"1001-ОПИ", "ТШО-1993"})
			return err
		})
		if users := byNumber["1001-ОПИ"]; len(byNumber) != 1 || len(users) != 1 || users[0].Register != sio.SubsoilSolidMinerals || users[0].UserBIN != builder {
			t.Fatalf("solid-mineral licence = %+v", byNumber)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	type data struct{ Hydrocarbons, Solid []sio.SubsoilContract }
	d := recordstest.Deterministic(t, subsoil.Open, 8000, func(t *testing.T, s *subsoil.Store) data {
		return data{recordstest.Rows[sio.SubsoilContract](t, s.DB(), "hydrocarbon_contracts", "number, user_bin"),
			recordstest.Rows[sio.SubsoilContract](t, s.DB(), "solid_mineral_contracts", "number, user_bin")}
	})
	if len(d.Hydrocarbons) == 0 || len(d.Solid) == 0 {
		t.Fatalf("%d hydrocarbon, %d solid-mineral contracts", len(d.Hydrocarbons), len(d.Solid))
	}
	today := synth.Today()
	for reg, cs := range map[sio.SubsoilRegister][]sio.SubsoilContract{sio.SubsoilHydrocarbons: d.Hydrocarbons, sio.SubsoilSolidMinerals: d.Solid} {
		for _, c := range cs {
			if c.Register != reg || c.SignedAt.After(today.Time) || !c.ExpiresAt.After(c.SignedAt.Time) || c.Region() == nil {
				t.Fatalf("register/dates/region: %+v", c)
			}
			if c.SharePercent <= 0 || c.SharePercent > 100 || c.AreaSqKm <= 0 || c.FieldRu == "" || c.AuthorityRu == "" {
				t.Fatalf("share/area: %+v", c)
			}
			if c.Status == sio.SubsoilActive && !c.ExpiresAt.After(today.Time) {
				t.Fatalf("active after expiry: %+v", c)
			}
		}
	}
}
