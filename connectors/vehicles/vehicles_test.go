package vehicles_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/vehicles"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestVehicles(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := vehicles.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		owner := testdb.IIN(t, "1988-10-10", sio.Female, 31)
		company := testdb.BIN(t, "2011-01-01", 12)
		nobody := testdb.IIN(t, "1950-05-05", sio.Male, 3)
		const vin1, vin2, vin3 = "JTDBR32E720123456", "XTA210990Y1234567", "WDB9066331S765432"

		testdb.Must(t, s.Insert(ctx, []sio.Vehicle{
			{VIN: vin2, Plate: "123ABC02", Make: "ВАЗ", Model: "21099", Year: 2000, Color: "Белый", BodyType: "Седан",
				EngineCC: 1499, CertificateNo: "AA00012345", RegistrationDate: sio.MustDate("2015-03-01"), OwnerID: string(owner), OwnerKind: sio.SubjectPerson},
			{VIN: vin1, Plate: "777KZ01", Make: "Toyota", Model: "Camry", Year: 2002, Color: "Қара", BodyType: "Седан",
				EngineCC: 2400, CertificateNo: "AB00054321", RegistrationDate: sio.MustDate("2010-07-15"), OwnerID: string(owner), OwnerKind: sio.SubjectPerson},
			{VIN: vin3, Plate: "001AAA17", Make: "Mercedes-Benz", Model: "Sprinter", Year: 2018, Color: "Серебристый", BodyType: "Фургон",
				EngineCC: 2143, RegistrationDate: sio.MustDate("2018-12-24"), OwnerID: string(company), OwnerKind: sio.SubjectLegalEntity},
		}))

		var byVIN map[string]*sio.Vehicle
		testdb.OneStatement(t, "VehiclesByVIN", func(ctx context.Context) (err error) {
			byVIN, err = s.VehiclesByVIN(ctx, []string{vin1, vin3, "00000000000000000"})
			return err
		})
		if len(byVIN) != 2 || byVIN[vin2] != nil {
			t.Fatalf("by vin = %v", byVIN)
		}
		if v := byVIN[vin1]; v == nil || v.Plate != "777KZ01" || v.Make != "Toyota" || v.Year != 2002 || v.Color != "Қара" ||
			v.EngineCC != 2400 || v.CertificateNo != "AB00054321" || v.RegistrationDate.String() != "2010-07-15" ||
			v.OwnerID != string(owner) || v.OwnerKind != sio.SubjectPerson {
			t.Fatalf("vehicle 1 = %+v", v)
		}
		if v := byVIN[vin3]; v == nil || v.OwnerKind != sio.SubjectLegalEntity || v.CertificateNo != "" {
			t.Fatalf("vehicle 3 = %+v", v)
		}

		var byPlate map[string]*sio.Vehicle
		testdb.OneStatement(t, "VehiclesByPlate", func(ctx context.Context) (err error) {
			byPlate, err = s.VehiclesByPlate(ctx, []string{"123ABC02", "001AAA17", "999ZZZ99"})
			return err
		})
		if len(byPlate) != 2 || byPlate["123ABC02"] == nil || byPlate["123ABC02"].VIN != vin2 || byPlate["001AAA17"].VIN != vin3 {
			t.Fatalf("by plate = %v", byPlate)
		}

		var byOwner map[string][]sio.Vehicle
		testdb.OneStatement(t, "VehiclesByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.VehiclesByOwner(ctx, []string{string(owner), string(company), string(nobody)})
			return err
		})
		if len(byOwner) != 2 || len(byOwner[string(owner)]) != 2 || len(byOwner[string(company)]) != 1 {
			t.Fatalf("by owner = %v", byOwner)
		}
		// Oldest registration first.
		if vs := byOwner[string(owner)]; vs[0].VIN != vin1 || vs[1].VIN != vin2 {
			t.Fatalf("owner's vehicles out of order: %s, %s", vs[0].VIN, vs[1].VIN)
		}

		// The plate is unique.
		dup := []sio.Vehicle{{VIN: "ZZZ00000000000001", Plate: "123ABC02", Make: "ГАЗ", Model: "3110", Year: 1999,
			RegistrationDate: sio.MustDate("2020-01-01"), OwnerID: string(nobody), OwnerKind: sio.SubjectPerson}}
		if err := s.Insert(ctx, dup); err == nil {
			t.Fatal("a second vehicle with the same plate was accepted")
		}

		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := vehicles.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
