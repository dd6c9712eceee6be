package enotary_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/enotary"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestENotary(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := enotary.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		owner := testdb.IIN(t, "1970-08-08", sio.Male, 5)
		son := testdb.IIN(t, "1996-02-02", sio.Male, 5)
		company := testdb.BIN(t, "2010-10-01", 3)
		vin := "XTA210990Y2765432"
		act := func(no, date string, kind sio.NotarialActKind) sio.NotarialAct {
			return sio.NotarialAct{RegistryNumber: no, ActDate: sio.MustDate(date), Kind: kind, KindRu: "Доверенность", SummaryRu: "Доверенность",
				NotaryName: "Ким С.В.", NotaryLicence: "1234567", RegionKATO: "75"}
		}
		poa := act("21752000101", "2021-03-03", sio.NotarialVehiclePowerOfAttorney)
		poa.ObjectKind, poa.ObjectNumber, poa.ValidUntil = ptr(sio.ObjectVehicle), &vin, ptr(sio.MustDate("2024-03-03"))
		poa2 := act("23752000209", "2023-05-05", sio.NotarialEntityPowerOfAttorney)
		poa2.ObjectKind, poa2.ObjectNumber = ptr(sio.ObjectVehicle), &vin
		testdb.Must(t, s.Insert(ctx, []sio.NotarialAct{poa, poa2, act("22754000050", "2022-01-01", sio.NotarialPowerOfAttorney)}, []sio.NotarialParty{
			{RegistryNumber: "21752000101", Role: sio.NotarialPrincipal, RoleRu: "доверитель", SubjectID: ptr(string(owner)), SubjectKind: ptr(sio.SubjectPerson), NameRu: "Отец"},
			{RegistryNumber: "21752000101", Role: sio.NotarialRepresentative, RoleRu: "поверенный", SubjectID: ptr(string(son)), SubjectKind: ptr(sio.SubjectPerson), NameRu: "Сын"},
			{RegistryNumber: "23752000209", Role: sio.NotarialPrincipal, RoleRu: "доверитель", SubjectID: ptr(string(company)), SubjectKind: ptr(sio.SubjectLegalEntity), NameRu: "ТОО"},
			{RegistryNumber: "22754000050", Role: sio.NotarialPrincipal, RoleRu: "доверитель", SubjectID: ptr(string(owner)), SubjectKind: ptr(sio.SubjectPerson), NameRu: "Отец"},
			{RegistryNumber: "22754000050", Role: sio.NotarialRepresentative, RoleRu: "поверенный", NameRu: "Адвокат"},
		}))

		var byParty map[string][]sio.PartyAct
		testdb.OneStatement(t, "ActsByParty", func(ctx context.Context) (err error) {
			byParty, err = s.ActsByParty(ctx, []string{string(owner), string(son), string(company), "000000000000"})
			return err
		})
		if as := byParty[string(owner)]; len(byParty) != 3 || len(as) != 2 || as[0].RegistryNumber != "22754000050" || as[1].Role != sio.NotarialPrincipal {
			t.Fatalf("acts by party (newest first) = %+v", byParty)
		}
		if as := byParty[string(son)]; len(as) != 1 || as[0].Role != sio.NotarialRepresentative || as[0].RoleRu != "поверенный" {
			t.Fatalf("representative's acts = %+v", as)
		}
		var byObject map[string][]sio.NotarialAct
		testdb.OneStatement(t, "ActsByObject", func(ctx context.Context) (err error) {
			byObject, err = s.ActsByObject(ctx, []string{vin, "20:317:012:345"})
			return err
		})
		if as := byObject[vin]; len(byObject) != 1 || len(as) != 2 || as[0].Kind != sio.NotarialEntityPowerOfAttorney {
			t.Fatalf("acts by object = %+v", byObject)
		}
		var byNumber map[string]*sio.NotarialAct
		testdb.OneStatement(t, "ActsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.ActsByNumber(ctx, []string{"21752000101", "0"})
			return err
		})
		if len(byNumber) != 1 || byNumber["21752000101"].ValidUntil.String() != "2024-03-03" || byNumber["21752000101"].Region().KATO != "75" {
			t.Fatalf("by number = %+v", byNumber)
		}
		var ps map[string][]sio.NotarialParty
		testdb.OneStatement(t, "PartiesByAct", func(ctx context.Context) (err error) {
			ps, err = s.PartiesByAct(ctx, []string{"22754000050"})
			return err
		})
		if p := ps["22754000050"]; len(p) != 2 || p[1].SubjectID != nil || p[1].NameRu != "Адвокат" {
			t.Fatalf("parties = %+v", p)
		}
	})
}

var number = regexp.MustCompile(`^(\d{2})(\d{2})([1-5])\d{6}$`)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	as := justicetest.Deterministic[*enotary.Store, sio.NotarialAct](t, enotary.Open, `SELECT * FROM {acts} ORDER BY registry_number`)
	today := synth.Today()
	kinds := map[sio.NotarialActKind]int{}
	for _, a := range as {
		kinds[a.Kind]++
		m := number.FindStringSubmatch(a.RegistryNumber)
		if m == nil || m[1] != a.ActDate.Format("06") || m[2] != a.RegionKATO || (m[3] == "1") != (a.Kind == sio.NotarialExecutiveInscription) {
			t.Fatalf("registry number: %+v", a)
		}
		if a.ActDate.After(today.Time) || (a.ValidUntil != nil && !a.ValidUntil.After(a.ActDate.Time)) ||
			(a.RevokedAt != nil && (a.RevokedAt.Before(a.ActDate.Time) || a.RevokedAt.After(today.Time))) {
			t.Fatalf("dates: %+v", a)
		}
		if (a.ObjectKind == nil) != (a.ObjectNumber == nil) ||
			(a.Kind == sio.NotarialVehiclePowerOfAttorney && (a.ObjectKind == nil || *a.ObjectKind != sio.ObjectVehicle || !synth.ValidVIN(*a.ObjectNumber))) {
			t.Fatalf("object: %+v", a)
		}
	}
	for _, k := range []sio.NotarialActKind{sio.NotarialVehiclePowerOfAttorney, sio.NotarialExecutiveInscription, sio.NotarialSaleContract,
		sio.NotarialInheritanceCertificate, sio.NotarialChildTravelConsent} {
		if kinds[k] == 0 {
			t.Fatalf("kinds %v", kinds)
		}
	}
	ps := justicetest.Fill[*enotary.Store, sio.NotarialParty](t, enotary.Open, synth.Config{Seed: 3, Persons: 3000},
		`SELECT * FROM {parties} ORDER BY registry_number, role, name_ru`)
	roles := map[string]map[sio.NotarialRole]int{}
	for _, p := range ps {
		if roles[p.RegistryNumber] == nil {
			roles[p.RegistryNumber] = map[sio.NotarialRole]int{}
		}
		roles[p.RegistryNumber][p.Role]++
		if (p.SubjectID == nil) != (p.SubjectKind == nil) || p.NameRu == "" {
			t.Fatalf("party: %+v", p)
		}
	}
	for _, a := range as {
		r := roles[a.RegistryNumber]
		switch a.Kind {
		case sio.NotarialVehiclePowerOfAttorney, sio.NotarialEntityPowerOfAttorney, sio.NotarialPowerOfAttorney:
			if r[sio.NotarialPrincipal] != 1 || r[sio.NotarialRepresentative] != 1 {
				t.Fatalf("power of attorney %s: %v", a.RegistryNumber, r)
			}
		case sio.NotarialInheritanceCertificate:
			if r[sio.NotarialTestator] != 1 || r[sio.NotarialHeir] == 0 {
				t.Fatalf("inheritance %s: %v", a.RegistryNumber, r)
			}
		case sio.NotarialExecutiveInscription:
			if r[sio.NotarialCreditor] != 1 || r[sio.NotarialDebtor] != 1 {
				t.Fatalf("inscription %s: %v", a.RegistryNumber, r)
			}
		}
	}
}
