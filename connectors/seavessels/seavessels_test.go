package seavessels_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/seavessels"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestSeaVessels(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := seavessels.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		company := testdb.BIN(t, "2004-02-01", 11)
		other := testdb.BIN(t, "2015-09-01", 2)
		testdb.Must(t, s.Insert(ctx, []sio.SeaVessel{
			{IMONumber: "9123453", Name: "Бекет Ата", TypeRu: "нефтеналивной танкер", Flag: "KZ", PortOfRegistry: "Актау", CallSign: "UNAB12",
				MMSI: "436000012", GrossTonnage: 5200, Deadweight: 8100, LengthM: 132.5, BuildYear: 2008,
				Builder: "Hyundai Mipo Dockyard (Республика Корея)", OwnerBIN: company, RegistryNumber: "АКТ-0001", RegisteredAt: sio.MustDate("2008-11-03"), Status: sio.Registered},
			{IMONumber: "8712348", Name: "Каспий-2", TypeRu: "буксир", Flag: "KZ", PortOfRegistry: "Баутино", CallSign: "UNAB13",
				MMSI: "436000013", GrossTonnage: 310, Deadweight: 150, LengthM: 31, BuildYear: 1987,
				Builder: "Damen Shipyards (Нидерланды)", OwnerBIN: company, RegistryNumber: "БАУ-0001", RegisteredAt: sio.MustDate("2005-04-15"), Status: sio.Registered},
		}))
		var byOwner map[sio.BIN][]sio.SeaVessel
		testdb.OneStatement(t, "SeaVesselsByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.SeaVesselsByOwner(ctx, []sio.BIN{company, other})
			return err
		})
		if vs := byOwner[company]; len(byOwner) != 1 || len(vs) != 2 || vs[0].IMONumber != "8712348" || vs[1].GrossTonnage != 5200 || vs[1].LengthM != 132.5 {
			t.Fatalf("company's ships (oldest registration first) = %+v", byOwner)
		}
		var byIMO map[string]*sio.SeaVessel
		testdb.OneStatement(t, "SeaVesselsByIMO", func(ctx context.Context) (err error) {
			byIMO, err = s.SeaVesselsByIMO(ctx, []string{"9123453", "9999999"})
			return err
		})
		if v := byIMO["9123453"]; len(byIMO) != 1 || v == nil || v.Name != "Бекет Ата" || v.OwnerBIN != company {
			t.Fatalf("by IMO = %+v", byIMO)
		}
	})
}

func TestIMOCheckDigit(t *testing.T) {
	// IMO 9074729: 9·7+0·6+7·5+4·4+7·3+2·2 = 139, check 9.
	if !sio.ValidIMO("9074729") || sio.ValidIMO("9074728") || sio.ValidIMO("907472") {
		t.Fatal("IMO 9074729 must be the only valid one")
	}
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	vs := kittest.Deterministic[sio.SeaVessel](t, seavessels.Open, `SELECT * FROM {sea_vessels} ORDER BY imo_number`)
	for _, v := range vs {
		if !sio.ValidIMO(v.IMONumber) || (v.BuildYear < 1990) != (v.IMONumber[0] == '8') {
			t.Fatalf("IMO %s of a ship built %d", v.IMONumber, v.BuildYear)
		}
		if v.MMSI[:3] != "436" || v.CallSign[:2] != "UN" || v.Flag != "KZ" {
			t.Fatalf("identifiers: %+v", v)
		}
		if v.PortOfRegistry != "Актау" && v.PortOfRegistry != "Баутино" && v.PortOfRegistry != "Курык" {
			t.Fatalf("port %q", v.PortOfRegistry)
		}
		if v.RegisteredAt.After(synth.Today().Time) || v.GrossTonnage <= 0 || v.Deadweight <= 0 {
			t.Fatalf("registration or tonnage: %+v", v)
		}
	}
}
