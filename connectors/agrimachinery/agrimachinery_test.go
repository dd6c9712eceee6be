package agrimachinery_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/agrimachinery"
	"sio/connectors/internal/transportkit/kittest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestAgriculturalMachinery(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := agrimachinery.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		farm := testdb.BINOf(t, "2006-04-01", sio.BINIndividualEnt, sio.BINPeasantFarm, 4)
		farmer := testdb.IIN(t, "1961-11-30", sio.Male, 77)
		by := "ГУ «Управление сельского хозяйства Костанайской области»"
		testdb.Must(t, s.Insert(ctx, []sio.AgriculturalMachine{
			{Plate: "0001AA10", KindRu: "трактор колёсный", Make: "Кировец", Model: "К-744Р2", SerialNumber: "12345678", EngineNumber: "87654321",
				BuildYear: 2012, EnginePowerHP: 350, OwnerID: string(farm), OwnerKind: sio.SubjectLegalEntity, CertificateNumber: "ТЮ 0000001",
				RegisteredBy: by, RegisteredAt: sio.MustDate("2012-08-10"), RegionKATO: "39", Status: sio.Registered},
			{Plate: "0002AA10", KindRu: "комбайн зерноуборочный", Make: "CLAAS", Model: "Tucano 450", SerialNumber: "C4514012345", EngineNumber: "11112222",
				BuildYear: 2014, EnginePowerHP: 299, OwnerID: string(farm), OwnerKind: sio.SubjectLegalEntity, CertificateNumber: "ТЮ 0000002",
				RegisteredBy: by, RegisteredAt: sio.MustDate("2014-07-01"), RegionKATO: "39", Status: sio.Registered},
			{Plate: "0003AA10", KindRu: "трактор колёсный", Make: "Беларус", Model: "МТЗ-82.1", SerialNumber: "98000111", EngineNumber: "33334444",
				BuildYear: 1998, EnginePowerHP: 81, OwnerID: string(farmer), OwnerKind: sio.SubjectPerson, CertificateNumber: "ТП 0000001",
				RegisteredBy: by, RegisteredAt: sio.MustDate("2001-03-15"), RegionKATO: "39", Status: sio.Registered},
		}))
		var byOwner map[string][]sio.AgriculturalMachine
		testdb.OneStatement(t, "MachinesByOwner", func(ctx context.Context) (err error) {
			byOwner, err = s.MachinesByOwner(ctx, []string{string(farm), string(farmer), "000000000000"})
			return err
		})
		if ms := byOwner[string(farm)]; len(ms) != 2 || ms[0].Model != "К-744Р2" || ms[1].KindRu != "комбайн зерноуборочный" || ms[1].Region().NameRu != "Костанайская область" {
			t.Fatalf("farm's machines (oldest registration first) = %+v", ms)
		}
		if ms := byOwner[string(farmer)]; len(ms) != 1 || ms[0].OwnerKind != sio.SubjectPerson || len(byOwner) != 2 {
			t.Fatalf("machines by owner = %+v", byOwner)
		}
		var byPlate map[string]*sio.AgriculturalMachine
		testdb.OneStatement(t, "MachinesByPlate", func(ctx context.Context) (err error) {
			byPlate, err = s.MachinesByPlate(ctx, []string{"0003AA10", "9999ZZ20"})
			return err
		})
		if m := byPlate["0003AA10"]; len(byPlate) != 1 || m == nil || m.OwnerID != string(farmer) {
			t.Fatalf("by plate = %+v", byPlate)
		}
	})
}

var platePattern = regexp.MustCompile(`^\d{4}[A-HJ-NP-Z]{2}\d{2}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ms := kittest.Deterministic[sio.AgriculturalMachine](t, agrimachinery.Open, `SELECT * FROM {machines} ORDER BY plate`)
	owners := map[sio.SubjectKind]int{}
	kinds := map[string]int{}
	for _, m := range ms {
		owners[m.OwnerKind]++
		kinds[m.KindRu]++
		reg, ok := sio.RegionByKATO(m.RegionKATO)
		if !ok || !platePattern.MatchString(m.Plate) || m.Plate[6:] != reg.PlateCode {
			t.Fatalf("plate %q of a machine of region %s", m.Plate, m.RegionKATO)
		}
		if m.RegisteredAt.After(synth.Today().Time) || m.BuildYear > m.RegisteredAt.Year() || m.EnginePowerHP <= 0 {
			t.Fatalf("registration: %+v", m)
		}
		if (m.Status == sio.Deregistered) != (m.DeregisteredAt != nil) {
			t.Fatalf("status: %+v", m)
		}
	}
	if owners[sio.SubjectPerson] == 0 || owners[sio.SubjectLegalEntity] == 0 || kinds["комбайн зерноуборочный"] == 0 {
		t.Fatalf("owners %v, kinds %v", owners, kinds)
	}
}
