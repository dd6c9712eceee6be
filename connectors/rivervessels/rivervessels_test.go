package rivervessels_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/internal/transportkit/kittest"
	"sio/connectors/rivervessels"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestRiverVessels(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := rivervessels.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		person := testdb.IIN(t, "1968-07-21", sio.Male, 5)
		company := testdb.BIN(t, "2011-03-01", 9)
		gone := sio.MustDate("2021-09-01")
		testdb.Must(t, s.Insert(ctx, []sio.RiverVessel{
			{RegistrationNumber: "KZ 0012 16", Category: sio.VesselSmall, HullTypeRu: "моторная лодка", Make: "Казанка", Model: "5М4",
				HullNumber: "8812345", BuildYear: 1988, LengthM: 4.6, EngineMake: "Yamaha", EngineNumber: "40-1234567", EnginePowerHP: 40,
				Passengers: 4, OwnerID: string(person), OwnerKind: sio.SubjectPerson, RegisteredBy: "Инспекция транспортного контроля по Восточно-Казахстанской области Комитета транспорта",
				RegisteredAt: sio.MustDate("2010-05-12"), HomeWaterRu: "Бухтарминское водохранилище", RegionKATO: "63", Status: sio.Deregistered, DeregisteredAt: &gone},
			{RegistrationNumber: "KZ 0013 16", Category: sio.VesselSmall, HullTypeRu: "гидроцикл", Make: "Yamaha", Model: "FX Cruiser HO",
				HullNumber: "1954321", BuildYear: 2019, LengthM: 3.6, EngineMake: "Yamaha", EngineNumber: "180-7654321", EnginePowerHP: 180,
				Passengers: 3, OwnerID: string(person), OwnerKind: sio.SubjectPerson, RegisteredBy: "Инспекция транспортного контроля по Восточно-Казахстанской области Комитета транспорта",
				RegisteredAt: sio.MustDate("2019-06-01"), HomeWaterRu: "река Иртыш", RegionKATO: "63", Status: sio.Registered},
			{RegistrationNumber: "KZ 7001 14", Category: sio.VesselRiver, HullTypeRu: "несамоходная баржа", Make: "Павлодарский судостроительно-судоремонтный завод",
				Model: "проект Р-83", HullNumber: "7800001", BuildYear: 1978, LengthM: 61, Passengers: 0, OwnerID: string(company),
				OwnerKind: sio.SubjectLegalEntity, RegisteredBy: "Инспекция транспортного контроля по Павлодарской области Комитета транспорта",
				RegisteredAt: sio.MustDate("2012-01-20"), HomeWaterRu: "река Иртыш", RegionKATO: "55", Status: sio.Registered},
		}))

		var byOwner map[string][]sio.RiverVessel
		testdb.OneStatement(t, "RiverVesselsByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.RiverVesselsByOwner(ctx, []string{string(person), string(company), "000000000000"})
			return err
		})
		if vs := byOwner[string(person)]; len(vs) != 2 || vs[0].RegistrationNumber != "KZ 0012 16" || vs[0].DeregisteredAt == nil ||
			vs[1].EnginePowerHP != 180 || vs[1].Region().NameRu != "Восточно-Казахстанская область" {
			t.Fatalf("person's vessels (oldest registration first) = %+v", vs)
		}
		if vs := byOwner[string(company)]; len(vs) != 1 || vs[0].Category != sio.VesselRiver || vs[0].EngineMake != "" || vs[0].LengthM != 61 {
			t.Fatalf("company's vessels = %+v", vs)
		}
		if _, ok := byOwner["000000000000"]; ok || len(byOwner) != 2 {
			t.Fatalf("owners without vessels must be absent: %v", byOwner)
		}
		var byNumber map[string]*sio.RiverVessel
		testdb.OneStatement(t, "RiverVesselsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.RiverVesselsByNumber(ctx, []string{"KZ 7001 14", "KZ 9999 01"})
			return err
		})
		if v := byNumber["KZ 7001 14"]; len(byNumber) != 1 || v == nil || v.OwnerID != string(company) {
			t.Fatalf("by number = %+v", byNumber)
		}
	})
}

var numberPattern = regexp.MustCompile(`^KZ \d{4} \d{2}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	vs := kittest.Deterministic[sio.RiverVessel](t, rivervessels.Open, `SELECT * FROM {river_vessels} ORDER BY registration_number`)
	today := synth.Today()
	owners := map[sio.SubjectKind]int{}
	for _, v := range vs {
		owners[v.OwnerKind]++
		reg, ok := sio.RegionByKATO(v.RegionKATO)
		if !ok || !numberPattern.MatchString(v.RegistrationNumber) || v.RegistrationNumber[8:] != reg.PlateCode {
			t.Fatalf("number %q of a vessel of region %s", v.RegistrationNumber, v.RegionKATO)
		}
		if v.RegisteredAt.After(today.Time) || v.BuildYear > v.RegisteredAt.Year() || v.HomeWaterRu == "" {
			t.Fatalf("registration: %+v", v)
		}
		if (v.EngineMake == "") != (v.EnginePowerHP == 0) || v.Category == sio.VesselRiver && v.OwnerKind != sio.SubjectLegalEntity {
			t.Fatalf("engine or category: %+v", v)
		}
		if (v.Status == sio.Deregistered) != (v.DeregisteredAt != nil) {
			t.Fatalf("status: %+v", v)
		}
	}
	if owners[sio.SubjectPerson] == 0 || owners[sio.SubjectLegalEntity] == 0 {
		t.Fatalf("owners = %v", owners)
	}
}
