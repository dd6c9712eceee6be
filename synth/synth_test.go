package synth_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"math"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"sio"
	"sio/synth"
)

func generate(t testing.TB, cfg synth.Config) []*synth.Batch {
	t.Helper()
	var out []*synth.Batch
	if err := synth.Generate(cfg, func(b *synth.Batch) error { out = append(out, b); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func hashOf(t testing.TB, cfg synth.Config) string {
	t.Helper()
	h := sha256.New()
	enc := json.NewEncoder(h)
	if err := synth.Generate(cfg, func(b *synth.Batch) error { return enc.Encode(b) }); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

var (
	cadastralRe = regexp.MustCompile(`^\d{2}:\d{3}:\d{3}:\d{3}(:\d{1,4}(/\d{1,4})?)?$`)
	plotRe      = regexp.MustCompile(`^\d{2}:\d{3}:\d{3}:\d{3}$`)
	personPlate = regexp.MustCompile(`^\d{3}[A-Z]{3}\d{2}$`)
	entityPlate = regexp.MustCompile(`^\d{3}[A-Z]{2}\d{2}$`)
	docRe       = regexp.MustCompile(`^\d{9}$`)
	snapshot    = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
)

const kazakhLetters = "ӘәҚқҢңӨөҰұҮүҺһІі"

// vinCheck is an independent implementation of the ISO 3779 check digit.
func vinCheck(vin string) (byte, bool) {
	const values = "0123456789" + "12345678.12345.7.923456789" // digits, then A-Z (. = illegal)
	w := []int{8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2}
	if len(vin) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := vin[i]
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = values[c-'0']
		case c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Q':
			v = values[10+c-'A']
		default:
			return 0, false
		}
		sum += int(v-'0') * w[i]
	}
	if sum%11 == 10 {
		return 'X', true
	}
	return byte('0' + sum%11), true
}

func TestVINCheckDigit(t *testing.T) {
	for _, v := range []string{"1M8GDM9AXKP042788", "11111111111111111", "JHMCM56557C404453"} {
		if !synth.ValidVIN(v) {
			t.Errorf("%s: want valid", v)
		}
		if d, _ := vinCheck(v); d != v[8] {
			t.Errorf("%s: test implementation disagrees", v)
		}
	}
	for _, v := range []string{"1M8GDM9A1KP042788", "1M8GDM9AXKP04278", "1M8GDM9AXKP04278O"} {
		if synth.ValidVIN(v) {
			t.Errorf("%s: want invalid", v)
		}
	}
}

// world accumulates the records emitted so far for reference checks.
type world struct {
	persons   map[sio.IIN]*sio.Person
	entities  map[sio.BIN]*sio.LegalEntity
	props     map[string]*sio.RealEstate
	plots     map[string]*sio.LandPlot
	taxpayers map[string]*sio.Taxpayer
}

func (w *world) subject(id string, kind sio.SubjectKind) (region string, ok bool) {
	switch kind {
	case sio.SubjectPerson:
		p, ok := w.persons[sio.IIN(id)]
		if ok {
			return p.RegionKATO, true
		}
	case sio.SubjectLegalEntity:
		e, ok := w.entities[sio.BIN(id)]
		if ok {
			return e.RegionKATO, true
		}
	}
	return "", false
}

func adultAt(p *sio.Person) bool {
	end := snapshot
	if p.DeathDate != nil {
		end = p.DeathDate.Time
	}
	return !p.BirthDate.AddDate(18, 0, 0).After(end)
}

func fold(s string) string {
	return strings.NewReplacer("Ә", "А", "Қ", "К", "Ң", "Н", "Ғ", "Г", "Ө", "О", "Ұ", "У", "Ү", "У", "Һ", "Х", "І", "И", "Ё", "Е",
		"ә", "а", "қ", "к", "ң", "н", "ғ", "г", "ө", "о", "ұ", "у", "ү", "у", "һ", "х", "і", "и", "ё", "е").Replace(s)
}

func prefix2(s string) string {
	r := []rune(fold(s))
	return string(r[:min(2, len(r))])
}

func TestGenerateInvariants(t *testing.T) {
	const persons, per = 8000, 1500
	seed := int64(42) // SIO_SYNTH_SEED overrides, to check other data sets
	if s := os.Getenv("SIO_SYNTH_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	batches := generate(t, synth.Config{Seed: seed, Persons: persons, BatchPersons: per})
	if len(batches) < 4 {
		t.Fatalf("%d batches of about %d persons for %d persons", len(batches), per, persons)
	}
	w := &world{persons: map[sio.IIN]*sio.Person{}, entities: map[sio.BIN]*sio.LegalEntity{}, props: map[string]*sio.RealEstate{},
		plots: map[string]*sio.LandPlot{}, taxpayers: map[string]*sio.Taxpayer{}}
	var (
		nPersons, adults, livingAdults, minors, old, dead, kazakhNamed, foreigners int
		personVehicles, entityVehicles, debtors                                    int
		nationalities                                                              = map[string]int{}
		vins, plates                                                               = map[string]bool{}, map[string]bool{}
		rightIDs, actIDs, debtIDs                                                  = map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
		shares                                                                     = map[sio.BIN]float64{}
		founderSeen                                                                = map[string]bool{}
		founderCount                                                               = map[sio.BIN]int{}
		entityFounders                                                             = map[sio.BIN][]string{}
		objectShare                                                                = map[string]float64{}
		deathActs                                                                  = map[sio.IIN]int{}
		debtorSet                                                                  = map[string]bool{}
		kinds                                                                      = map[string]int{}
		sawH                                                                       bool
	)
	counts := map[string]int{}
	husbands := map[sio.IIN][]string{} // surnames of a person's spouses
	var surnameChecks [][2]*sio.Person // (child, father)
	for bi, b := range batches {
		// whole families: at least per persons (but the last), at most one family more
		if len(b.Persons) == 0 || len(b.Persons) >= per+200 || (bi < len(batches)-1 && len(b.Persons) < per) {
			t.Fatalf("batch %d has %d persons", bi, len(b.Persons))
		}
		// Persons.
		for i := range b.Persons {
			p := &b.Persons[i]
			nPersons++
			iin, err := sio.ParseIIN(string(p.IIN), "iin")
			if err != nil {
				t.Fatalf("person %s: %v", p.IIN, err)
			}
			if w.persons[p.IIN] != nil {
				t.Fatalf("duplicate IIN %s", p.IIN)
			}
			w.persons[p.IIN] = p
			if !iin.BirthDate().Equal(p.BirthDate.Time) || iin.Gender() != p.Gender {
				t.Fatalf("%s: birth %s gender %s do not match the IIN", p.IIN, p.BirthDate, p.Gender)
			}
			if y := p.BirthDate.Year(); y < 1940 || y > 2024 {
				t.Fatalf("%s: born %d", p.IIN, y)
			}
			if s := string(p.IIN[7:11]); s >= "9000" {
				t.Fatalf("%s: serial %s is reserved for officials", p.IIN, s)
			}
			if p.LastName == "" || p.FirstName == "" || p.MiddleName == "" || p.Nationality == "" || p.BirthPlace == "" || p.Address == "" {
				t.Fatalf("incomplete person %+v", p)
			}
			if _, ok := sio.RegionByKATO(p.RegionKATO); !ok {
				t.Fatalf("%s: region %q", p.IIN, p.RegionKATO)
			}
			if p.DocumentNumber != "" && !docRe.MatchString(p.DocumentNumber) {
				t.Fatalf("%s: document %q", p.IIN, p.DocumentNumber)
			}
			if p.DeathDate != nil {
				dead++
				if !p.DeathDate.After(p.BirthDate.Time) || p.DeathDate.After(snapshot) {
					t.Fatalf("%s: died %s", p.IIN, p.DeathDate)
				}
			}
			if adultAt(p) {
				adults++
				if p.DeathDate == nil {
					livingAdults++
				}
			}
			if p.BirthDate.AddDate(18, 0, 0).After(snapshot) {
				minors++
			}
			if p.BirthDate.Year() < 1960 {
				old++
			}
			if strings.ContainsAny(p.LastName+p.FirstName+p.MiddleName, kazakhLetters) {
				kazakhNamed++
			}
			sawH = sawH || strings.ContainsAny(p.FirstName+p.LastName+p.MiddleName, "Һһ")
			if p.Citizenship != "KZ" {
				foreigners++
			}
			nationalities[p.Nationality]++
		}
		// Entities and founders.
		for i := range b.Entities {
			e := &b.Entities[i]
			if _, err := sio.ParseBIN(string(e.BIN), "bin"); err != nil {
				t.Fatalf("entity %s: %v", e.BIN, err)
			}
			if _, err := sio.ParseIINOrBIN(string(e.BIN), "id"); err != nil {
				t.Fatalf("entity %s: %v", e.BIN, err)
			}
			if w.entities[e.BIN] != nil {
				t.Fatalf("duplicate BIN %s", e.BIN)
			}
			w.entities[e.BIN] = e
			if !strings.HasPrefix(e.NameRu, e.LegalForm+" ") || e.NameKz == "" || e.ActivityCode == "" || e.ActivityRu == "" || e.Address == "" {
				t.Fatalf("entity %+v", e)
			}
			if e.Status != "ACTIVE" && e.Status != "LIQUIDATED" {
				t.Fatalf("entity status %s", e.Status)
			}
			if !e.RegistrationDate.Before(snapshot) {
				t.Fatalf("entity %s registered %s, not before the snapshot", e.BIN, e.RegistrationDate)
			}
			counts["form "+e.LegalForm]++
			counts["status "+e.Status]++
			if e.DirectorIIN == nil {
				counts["no director"]++
			} else if w.persons[*e.DirectorIIN] == nil {
				t.Fatalf("entity %s: director %s not generated", e.BIN, *e.DirectorIIN)
			}
		}
		for _, f := range b.Founders {
			if w.entities[f.EntityBIN] == nil {
				t.Fatalf("founder of unknown entity %s", f.EntityBIN)
			}
			if _, ok := w.subject(f.FounderID, f.FounderKind); !ok {
				t.Fatalf("founder %s (%s) of %s not generated", f.FounderID, f.FounderKind, f.EntityBIN)
			}
			k := string(f.EntityBIN) + "/" + f.FounderID
			if founderSeen[k] {
				t.Fatalf("founder %s twice", k)
			}
			founderSeen[k] = true
			shares[f.EntityBIN] += f.SharePercent
			founderCount[f.EntityBIN]++
			if f.FounderKind == sio.SubjectLegalEntity {
				counts["entity founders"]++
				entityFounders[f.EntityBIN] = append(entityFounders[f.EntityBIN], f.FounderID)
			}
			if f.Since.Before(w.entities[f.EntityBIN].RegistrationDate.Time) {
				t.Fatalf("founder %s since %s before registration", k, f.Since)
			}
		}
		// Real estate.
		for i := range b.Properties {
			o := &b.Properties[i]
			if !cadastralRe.MatchString(o.CadastralNumber) || plotRe.MatchString(o.CadastralNumber) {
				t.Fatalf("property number %q", o.CadastralNumber)
			}
			if w.props[o.CadastralNumber] != nil {
				t.Fatalf("duplicate property %s", o.CadastralNumber)
			}
			w.props[o.CadastralNumber] = o
			kinds[o.Kind]++
			if o.AreaSqm <= 0 || o.YearBuilt < 1940 || o.YearBuilt > 2024 || o.Address == "" {
				t.Fatalf("property %+v", o)
			}
			if (o.Kind == "APARTMENT") != strings.Contains(o.CadastralNumber, "/") {
				t.Fatalf("%s: kind %s", o.CadastralNumber, o.Kind)
			}
		}
		for _, r := range b.PropertyRights {
			if w.props[r.ObjectNumber] == nil {
				t.Fatalf("right to unknown property %s", r.ObjectNumber)
			}
			if _, ok := w.subject(r.HolderID, r.HolderKind); !ok {
				t.Fatalf("property holder %s not generated", r.HolderID)
			}
			if rightIDs[r.RecordID] || r.RecordID <= 0 {
				t.Fatalf("property right id %d", r.RecordID)
			}
			rightIDs[r.RecordID] = true
			if r.RightType != "OWNERSHIP" && r.RightType != "JOINT_OWNERSHIP" {
				t.Fatalf("right type %s", r.RightType)
			}
			counts[r.RightType]++
			if r.HolderKind == sio.SubjectLegalEntity {
				counts["company property"]++
			}
			objectShare[r.ObjectNumber] += float64(r.ShareNumerator) / float64(r.ShareDenominator)
			if r.Since.After(snapshot) || r.Since.Before(w.props[r.ObjectNumber].RegisteredAt.Time) {
				t.Fatalf("right %d since %s", r.RecordID, r.Since)
			}
			if p := w.persons[sio.IIN(r.HolderID)]; p != nil && r.Since.Before(p.BirthDate.Time) {
				t.Fatalf("right %d before the holder's birth", r.RecordID)
			}
		}
		// Land.
		for i := range b.Plots {
			p := &b.Plots[i]
			if !plotRe.MatchString(p.CadastralNumber) || w.plots[p.CadastralNumber] != nil || p.AreaHa <= 0 || p.Category == "" || p.Purpose == "" {
				t.Fatalf("plot %+v", p)
			}
			w.plots[p.CadastralNumber] = p
		}
		for _, r := range b.PlotRights {
			if w.plots[r.ObjectNumber] == nil {
				t.Fatalf("right to unknown plot %s", r.ObjectNumber)
			}
			if _, ok := w.subject(r.HolderID, r.HolderKind); !ok {
				t.Fatalf("plot holder %s not generated", r.HolderID)
			}
			if rightIDs[r.RecordID] {
				t.Fatalf("plot right id %d reused", r.RecordID)
			}
			rightIDs[r.RecordID] = true
			if r.RightType != "PRIVATE_OWNERSHIP" && r.RightType != "TEMPORARY_LAND_USE" {
				t.Fatalf("plot right type %s", r.RightType)
			}
			counts[r.RightType]++
			objectShare[r.ObjectNumber] += float64(r.ShareNumerator) / float64(r.ShareDenominator)
		}
		// Vehicles.
		for _, v := range b.Vehicles {
			if d, ok := vinCheck(v.VIN); !ok || d != v.VIN[8] || !synth.ValidVIN(v.VIN) {
				t.Fatalf("VIN %s: bad check digit", v.VIN)
			}
			if vins[v.VIN] || plates[v.Plate] {
				t.Fatalf("duplicate VIN %s or plate %s", v.VIN, v.Plate)
			}
			vins[v.VIN], plates[v.Plate] = true, true
			region, ok := w.subject(v.OwnerID, v.OwnerKind)
			if !ok {
				t.Fatalf("vehicle owner %s not generated", v.OwnerID)
			}
			r, _ := sio.RegionByKATO(region)
			if !strings.HasSuffix(v.Plate, r.PlateCode) {
				t.Fatalf("plate %s of an owner in %s (%s)", v.Plate, r.NameRu, r.PlateCode)
			}
			re := personPlate
			if v.OwnerKind == sio.SubjectPerson {
				personVehicles++
			} else {
				re = entityPlate
				entityVehicles++
			}
			if !re.MatchString(v.Plate) {
				t.Fatalf("plate %q", v.Plate)
			}
			if v.Make == "" || v.Model == "" || v.Color == "" || v.BodyType == "" || v.EngineCC <= 0 || v.CertificateNo == "" ||
				v.Year < 1980 || v.Year > 2024 || v.RegistrationDate.After(snapshot) || v.RegistrationDate.Year() < v.Year {
				t.Fatalf("vehicle %+v", v)
			}
		}
		// Taxpayers and debts.
		for i := range b.Taxpayers {
			tp := &b.Taxpayers[i]
			if w.taxpayers[tp.ID] != nil {
				t.Fatalf("duplicate taxpayer %s", tp.ID)
			}
			w.taxpayers[tp.ID] = tp
			switch tp.Kind {
			case sio.TaxpayerLegalEntity:
				if w.entities[sio.BIN(tp.ID)] == nil {
					t.Fatalf("taxpayer %s: entity not generated", tp.ID)
				}
			case sio.TaxpayerIndividual, sio.TaxpayerEntrepreneur:
				p := w.persons[sio.IIN(tp.ID)]
				if p == nil || !adultAt(p) {
					t.Fatalf("taxpayer %s: no adult person", tp.ID)
				}
			default:
				t.Fatalf("taxpayer kind %s", tp.Kind)
			}
			counts["taxpayer "+string(tp.Kind)]++
			if len(tp.TaxOfficeCode) != 4 || !strings.HasPrefix(tp.TaxOfficeRu, "УГД по ") || tp.RegisteredAt.After(snapshot) {
				t.Fatalf("taxpayer %+v", tp)
			}
			if tp.VATPayer {
				counts["vat"]++
			}
		}
		for _, d := range b.Debts {
			if w.taxpayers[d.TaxpayerID] == nil {
				t.Fatalf("debt of unknown taxpayer %s", d.TaxpayerID)
			}
			if debtIDs[d.RecordID] || len(d.KBK) != 6 || d.KBKNameRu == "" || d.PrincipalTiyn <= 0 || d.PenaltyTiyn < 0 || d.FineTiyn < 0 {
				t.Fatalf("debt %+v", d)
			}
			debtIDs[d.RecordID] = true
			if !debtorSet[d.TaxpayerID] {
				debtorSet[d.TaxpayerID] = true
				debtors++
			}
		}
		// Civil acts.
		for _, a := range b.Acts {
			if actIDs[a.ID] || a.Number == "" || !strings.HasPrefix(a.RegistryOffice, "Отдел ЗАГС ") || a.Date.After(snapshot) {
				t.Fatalf("act %+v", a)
			}
			actIDs[a.ID] = true
			counts["act "+string(a.Kind)]++
			roles := map[sio.CivilActRole][]*sio.Person{}
			for _, p := range a.Parties {
				q := w.persons[p.IIN]
				if q == nil || p.ActID != a.ID {
					t.Fatalf("act %d: party %s not generated", a.ID, p.IIN)
				}
				roles[p.Role] = append(roles[p.Role], q)
			}
			switch a.Kind {
			case sio.ActMarriage, sio.ActDivorce:
				s := roles[sio.RoleSpouse]
				if len(a.Parties) != 2 || len(s) != 2 || s[0].Gender == s[1].Gender {
					t.Fatalf("act %d %s: spouses %v", a.ID, a.Kind, a.Parties)
				}
				husbands[s[0].IIN] = append(husbands[s[0].IIN], s[1].LastName)
				husbands[s[1].IIN] = append(husbands[s[1].IIN], s[0].LastName)
				for _, p := range s {
					if p.BirthDate.AddDate(18, 0, 0).After(a.Date.Time) {
						t.Fatalf("act %d: %s married under 18", a.ID, p.IIN)
					}
				}
			case sio.ActBirth:
				c, m, f := roles[sio.RoleChild], roles[sio.RoleMother], roles[sio.RoleFather]
				if len(a.Parties) != 3 || len(c) != 1 || len(m) != 1 || len(f) != 1 || m[0].Gender != sio.Female || f[0].Gender != sio.Male {
					t.Fatalf("birth act %d: %v", a.ID, a.Parties)
				}
				ch := c[0]
				for _, p := range []*sio.Person{m[0], f[0]} {
					if p.BirthDate.AddDate(16, 0, 0).After(ch.BirthDate.Time) {
						t.Fatalf("birth act %d: parent %s (%s) not 16 years older than %s (%s)", a.ID, p.IIN, p.BirthDate, ch.IIN, ch.BirthDate)
					}
					if p.DeathDate != nil && p.DeathDate.Before(ch.BirthDate.Time) {
						t.Fatalf("birth act %d: parent died before the birth", a.ID)
					}
				}
				if a.Date.Before(ch.BirthDate.Time) {
					t.Fatalf("birth act %d before the birth", a.ID)
				}
				surnameChecks = append(surnameChecks, [2]*sio.Person{ch, f[0]})
				if prefix2(ch.MiddleName) != prefix2(f[0].FirstName) {
					t.Fatalf("birth act %d: patronymic %s from father %s", a.ID, ch.MiddleName, f[0].FirstName)
				}
			case sio.ActDeath:
				d := roles[sio.RoleDeceased]
				if len(a.Parties) != 1 || len(d) != 1 || d[0].DeathDate == nil || a.Date.Before(d[0].DeathDate.Time) {
					t.Fatalf("death act %d: %v", a.ID, a.Parties)
				}
				deathActs[d[0].IIN]++
			default:
				t.Fatalf("act kind %s", a.Kind)
			}
		}
	}

	// A child bears the father's surname (feminine for a daughter), unless a
	// daughter took her husband's at marriage.
	for _, cf := range surnameChecks {
		ch, fl := cf[0], cf[1].LastName
		ok := ch.LastName == fl || ch.LastName == fl+"а"
		for _, h := range husbands[ch.IIN] {
			ok = ok || (ch.Gender == sio.Female && (ch.LastName == h || ch.LastName == h+"а"))
		}
		if !ok {
			t.Fatalf("child %s %s, father %s", ch.IIN, ch.LastName, fl)
		}
	}
	if nPersons != persons {
		t.Fatalf("%d persons, want %d", nPersons, persons)
	}
	for bin, s := range shares {
		if math.Abs(s-100) > 0.001 {
			t.Fatalf("shares of %s sum to %v", bin, s)
		}
	}
	for bin := range w.entities {
		if founderCount[bin] == 0 || w.taxpayers[string(bin)] == nil {
			t.Fatalf("entity %s without founders or taxpayer record", bin)
		}
	}
	for num, s := range objectShare {
		if math.Abs(s-1) > 1e-9 {
			t.Fatalf("shares of %s sum to %v", num, s)
		}
	}
	for iin, p := range w.persons {
		if adultAt(p) != (w.taxpayers[string(iin)] != nil) {
			t.Fatalf("person %s: adult %v, taxpayer %v", iin, adultAt(p), w.taxpayers[string(iin)] != nil)
		}
		if (p.DeathDate != nil) != (deathActs[iin] == 1) {
			t.Fatalf("person %s: death %v, %d death acts", iin, p.DeathDate, deathActs[iin])
		}
	}
	// The hub: ~50 legal-entity founders with ~50 founders each.
	hub := false
	for bin, fs := range entityFounders {
		if len(fs) < 45 || founderCount[bin] != len(fs) {
			continue
		}
		hub = true
		for _, f := range fs {
			if n := founderCount[sio.BIN(f)]; n < 40 {
				t.Fatalf("hub %s: founder %s has %d founders", bin, f, n)
			}
		}
	}
	if !hub {
		t.Fatal("no hub company with ~50 entity founders")
	}

	ratio := func(name string, got, lo, hi float64) {
		t.Helper()
		t.Logf("%-34s %.3f", name, got)
		if got < lo || got > hi {
			t.Errorf("%s = %.3f, want %.3f..%.3f", name, got, lo, hi)
		}
	}
	n := float64(nPersons)
	ratio("entities per person", float64(len(w.entities))/n, 0.045, 0.065)
	ratio("person vehicles per living adult", float64(personVehicles)/float64(livingAdults), 0.18, 0.32)
	ratio("company vehicles per entity", float64(entityVehicles)/float64(len(w.entities)), 0.3, 2)
	ratio("debtors per taxpayer", float64(debtors)/float64(len(w.taxpayers)), 0.03, 0.07)
	ratio("taxpayers per person", float64(len(w.taxpayers))/n, 0.6, 0.85)
	ratio("minors", float64(minors)/n, 0.2, 0.4)
	ratio("born before 1960", float64(old)/n, 0.03, 0.2)
	ratio("deceased", float64(dead)/n, 0.02, 0.12)
	ratio("persons with Kazakh letters", float64(kazakhNamed)/n, 0.4, 0.9)
	ratio("foreign citizens", float64(foreigners)/n, 0.001, 0.02)
	ratio("казах", float64(nationalities["казах"])/n, 0.5, 0.85)
	ratio("русский", float64(nationalities["русский"])/n, 0.05, 0.3)
	ratio("properties per person", float64(len(w.props))/n, 0.2, 0.6)
	ratio("plots per person", float64(len(w.plots))/n, 0.05, 0.4)
	ratio("civil acts per person", float64(len(actIDs))/n, 0.6, 1.6)
	for _, k := range []string{"form ТОО", "form АО", "form ИП", "form КХ", "status LIQUIDATED", "no director", "entity founders",
		"OWNERSHIP", "JOINT_OWNERSHIP", "company property", "PRIVATE_OWNERSHIP", "TEMPORARY_LAND_USE", "vat",
		"taxpayer ENTREPRENEUR", "act MARRIAGE", "act DIVORCE", "act BIRTH", "act DEATH"} {
		if counts[k] == 0 {
			t.Errorf("no %s", k)
		}
	}
	for _, k := range []string{"APARTMENT", "HOUSE", "NON_RESIDENTIAL", "GARAGE"} {
		if kinds[k] == 0 {
			t.Errorf("no %s property", k)
		}
	}
	if len(nationalities) < 6 || foreigners == 0 || !sawH {
		t.Errorf("nationalities %v, %d foreigners, Һ seen %v", nationalities, foreigners, sawH)
	}
	t.Logf("persons %d, entities %d, properties %d, plots %d, vehicles %d, taxpayers %d, debts %d, acts %d",
		nPersons, len(w.entities), len(w.props), len(w.plots), len(vins), len(w.taxpayers), len(debtIDs), len(actIDs))
}

// contentHash hashes each kind of record as one stream, so that it does
// not depend on how the records are cut into batches.
func contentHash(t testing.TB, cfg synth.Config) string {
	t.Helper()
	n := reflect.TypeFor[synth.Batch]().NumField()
	hs := make([]hash.Hash, n)
	encs := make([]*json.Encoder, n)
	for i := range hs {
		hs[i] = sha256.New()
		encs[i] = json.NewEncoder(hs[i])
	}
	err := synth.Generate(cfg, func(b *synth.Batch) error {
		v := reflect.ValueOf(b).Elem()
		for i := 0; i < n; i++ {
			f := v.Field(i)
			for k := 0; k < f.Len(); k++ {
				if err := encs[i].Encode(f.Index(k).Interface()); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all := sha256.New()
	for _, h := range hs {
		all.Write(h.Sum(nil))
	}
	return fmt.Sprintf("%x", all.Sum(nil))
}

func TestDeterminism(t *testing.T) {
	cfg := synth.Config{Seed: 7, Persons: 3000, BatchPersons: 700}
	a, b := hashOf(t, cfg), hashOf(t, cfg)
	if a != b {
		t.Fatal("same config, different data")
	}
	c := contentHash(t, cfg)
	for _, per := range []int{250, 3000, 0} {
		if d := contentHash(t, synth.Config{Seed: 7, Persons: 3000, BatchPersons: per}); d != c {
			t.Fatalf("BatchPersons %d changes the data", per)
		}
	}
	cfg.Seed = 8
	if d := hashOf(t, cfg); d == a {
		t.Fatal("different seed, same data")
	}
}

func TestDefaultsAndEmitError(t *testing.T) {
	n, batches := 0, 0
	if err := synth.Generate(synth.Config{Seed: 1}, func(b *synth.Batch) error { n += len(b.Persons); batches++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 10_000 || batches != 1 {
		t.Fatalf("default config: %d persons in %d batches", n, batches)
	}
	stop := errors.New("stop")
	calls := 0
	err := synth.Generate(synth.Config{Seed: 1, Persons: 1000, BatchPersons: 100}, func(*synth.Batch) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 2 {
		t.Fatalf("emit error: %v after %d calls", err, calls)
	}
	// tiny data sets still work
	for _, p := range []int{1, 2, 3, 17} {
		if got := len(generate(t, synth.Config{Seed: int64(p), Persons: p})[0].Persons); got != p {
			t.Fatalf("%d persons: got %d", p, got)
		}
	}
}

func testRoles() []synth.RoleSpec {
	b := func(codes ...string) []synth.BasisSpec {
		reg := map[string]string{"CRIMINAL_CASE": "ERDR", "NSD": "ERDR", "SEARCH_MEASURES": "ERDR", "PRIMARY_CHECK": "ERDR",
			"ADMIN_CASE_KPSISU": "AIS_SU", "SEARCH_CASE": "AIS_SU", "ADMIN_CASE_COURT": "EAIAS", "CIVIL_CASE": "EAIAS",
			"ENFORCEMENT": "AIS_OIP", "ORD": "ORD", "OTHER_TASKS_PROSECUTOR": "ORD", "OTHER_TASKS_MVD": "ORD", "OTHER_TASKS_MVD_IBD": "ORD"}
		var out []synth.BasisSpec
		for _, c := range codes {
			out = append(out, synth.BasisSpec{Code: c, Registry: reg[c]})
		}
		return out
	}
	return []synth.RoleSpec{
		{Code: "PROSECUTOR", NameRu: "Прокурор", Agency: "PROSECUTOR_OFFICE", Bases: b("CRIMINAL_CASE", "ADMIN_CASE_KPSISU", "CIVIL_CASE",
			"ENFORCEMENT", "NSD", "ORD", "OTHER_TASKS_PROSECUTOR", "PRIMARY_CHECK", "SEARCH_MEASURES")},
		{Code: "JUDGE", NameRu: "Судья", Agency: "COURT", Bases: b("ADMIN_CASE_COURT", "CIVIL_CASE", "CRIMINAL_CASE")},
		{Code: "INVESTIGATOR_INTERNAL_AFFAIRS", NameRu: "Следователь МВД", Agency: "MVD", Bases: b("ADMIN_CASE_KPSISU", "CRIMINAL_CASE", "PRIMARY_CHECK")},
		{Code: "ANTICORRUPTION_OFFICER", NameRu: "Офицер Антикоррупционной службы", Bases: b("CRIMINAL_CASE", "SEARCH_CASE")},
		{Code: "BAILIFF", NameRu: "Судебный исполнитель", Agency: "ENFORCEMENT_SERVICE", Bases: b("ENFORCEMENT", "PRIMARY_CHECK")},
		{Code: "OPERATIVE_INTERNAL_AFFAIRS", NameRu: "Оперативные сотрудники ОВД", Agency: "MVD", Bases: b("ORD", "OTHER_TASKS_MVD", "OTHER_TASKS_MVD_IBD")},
	}
}

var (
	erdrRe  = regexp.MustCompile(`^\d{2}\d{4}031\d{6}$`)
	aisSuRe = regexp.MustCompile(`^\d{13}$`)
	eaiasRe = regexp.MustCompile(`^\d{4}-\d{2}-00-[23]/\d+$`)
	oipRe   = regexp.MustCompile(`^\d{12}$`)
	ordRe   = regexp.MustCompile(`^\d{13}$`)
)

func TestOfficials(t *testing.T) {
	cfg := synth.Config{Seed: 7, Persons: 3000}
	roles := testRoles()
	batches := generate(t, cfg)
	recruits := &synth.Recruits{}
	for _, b := range batches {
		recruits.Add(b)
	}
	off := synth.GenerateOfficials(cfg, roles, recruits)
	// Deterministic, also when the population is cut into other batches.
	again := &synth.Recruits{}
	for _, b := range generate(t, synth.Config{Seed: 7, Persons: 3000, BatchPersons: 700}) {
		again.Add(b)
	}
	if other := synth.GenerateOfficials(cfg, roles, again); !reflect.DeepEqual(off, other) {
		t.Fatal("officials are not deterministic")
	}
	if other := synth.GenerateOfficials(synth.Config{Seed: 8, Persons: 3000}, roles, nil); reflect.DeepEqual(off.Users, other.Users) {
		t.Fatal("officials do not depend on the seed")
	}
	persons := map[sio.IIN]sio.Person{}
	spouses := map[sio.IIN]bool{}
	for _, b := range batches {
		for _, p := range b.Persons {
			persons[p.IIN] = p
		}
		for _, a := range b.Acts {
			for _, p := range a.Parties {
				if a.Kind == sio.ActMarriage && p.Role == sio.RoleSpouse {
					spouses[p.IIN] = true
				}
			}
		}
	}
	if len(off.Users) != 2*len(roles) {
		t.Fatalf("%d users for %d roles", len(off.Users), len(roles))
	}
	users := map[sio.IIN]*sio.User{}
	byRole := map[string][]*sio.User{}
	blocked, unsigned, recruited := 0, 0, 0
	for i := range off.Users {
		u := &off.Users[i]
		iin, err := sio.ParseIIN(string(u.IIN), "iin")
		if err != nil || users[u.IIN] != nil {
			t.Fatalf("user IIN %s: %v (duplicate)", u.IIN, err)
		}
		if p, ok := persons[u.IIN]; ok {
			// A person of the population: alive, married, a citizen, with
			// the person's name and a unit outside Astana.
			recruited++
			if u.FullName != p.LastName+" "+p.FirstName+" "+p.MiddleName || p.DeathDate != nil || !spouses[u.IIN] ||
				p.Citizenship != "KZ" || p.RegionKATO == "71" || strings.Contains(u.Position, "Астан") {
				t.Fatalf("recruited user %+v from person %+v", u, p)
			}
		} else if s := string(u.IIN[7:11]); s < "9000" {
			t.Fatalf("user %s: serial %s outside the officials' range and not a person", u.IIN, s)
		}
		if y := iin.BirthDate().Year(); y < 1965 || y > 1998 {
			t.Fatalf("user %s born %d", u.IIN, y)
		}
		users[u.IIN] = u
		byRole[u.RoleCode] = append(byRole[u.RoleCode], u)
		if len(strings.Fields(u.FullName)) < 2 || u.AgencyCode == "" || u.Position == "" {
			t.Fatalf("user %+v", u)
		}
		if u.Blocked {
			blocked++
		}
		if u.AgreementSignedAt == nil {
			unsigned++
		} else if u.AgreementSignedAt.IsZero() || !u.AgreementSignedAt.Before(snapshot) {
			t.Fatalf("user %s signed %v", u.IIN, u.AgreementSignedAt)
		}
	}
	if recruited != len(roles) {
		t.Fatalf("%d users are persons of the population; want every regional user (%d)", recruited, len(roles))
	}
	// One responsible official per agency: its first role's Astana user.
	agencies := map[string]bool{}
	for _, u := range off.Users {
		agencies[u.AgencyCode] = true
	}
	supervised := map[string]bool{}
	for _, iin := range off.Supervisors {
		u := users[iin]
		if u == nil || supervised[u.AgencyCode] || !strings.Contains(u.Position, "Астан") || u.Blocked {
			t.Fatalf("supervisor %s: %+v", iin, u)
		}
		supervised[u.AgencyCode] = true
	}
	if !reflect.DeepEqual(supervised, agencies) {
		t.Fatalf("supervisors of %v; want one of each of %v", supervised, agencies)
	}
	if blocked != 1 || unsigned != 1 {
		t.Fatalf("%d blocked, %d unsigned users; want 1 and 1", blocked, unsigned)
	}
	if a := byRole["ANTICORRUPTION_OFFICER"]; a[0].AgencyCode != "ANTICORRUPTION" {
		t.Fatalf("inferred agency %s", a[0].AgencyCode)
	}
	cases := map[string]*sio.Case{}
	for i := range off.Cases {
		c := &off.Cases[i]
		k := c.Registry + "/" + c.Number
		if cases[k] != nil {
			t.Fatalf("duplicate case %s", k)
		}
		cases[k] = c
		yy := fmt.Sprintf("%02d", c.OpenedAt.Year()%100)
		var re *regexp.Regexp
		want := ""
		switch c.Basis {
		case "CRIMINAL_CASE", "NSD", "SEARCH_MEASURES", "PRIMARY_CHECK":
			want, re = "ERDR", erdrRe
			if !strings.HasPrefix(c.Number, yy) || c.Article == "" {
				t.Fatalf("ERDR case %+v", c)
			}
		case "ORD", "OTHER_TASKS_PROSECUTOR", "OTHER_TASKS_MVD", "OTHER_TASKS_MVD_IBD":
			want, re = "ORD", ordRe
			if !strings.HasPrefix(c.Number, yy) || c.Article == "" {
				t.Fatalf("ORD case %+v", c)
			}
		case "ADMIN_CASE_KPSISU", "SEARCH_CASE":
			want, re = "AIS_SU", aisSuRe
		case "ADMIN_CASE_COURT", "CIVIL_CASE":
			want, re = "EAIAS", eaiasRe
			if c.Court == "" || !strings.Contains(c.Court, "суд") || c.Year != c.OpenedAt.Year() {
				t.Fatalf("court case %+v", c)
			}
		case "ENFORCEMENT":
			want, re = "AIS_OIP", oipRe
		default:
			t.Fatalf("case %+v of a basis no role has", c)
		}
		if c.Registry != want || !re.MatchString(c.Number) {
			t.Fatalf("case %+v: want registry %s and its number format", c, want)
		}
		if c.OpenedAt.After(snapshot) || (c.Status != sio.CaseOpen && c.Status != sio.CaseClosed) {
			t.Fatalf("case %+v", c)
		}
	}
	if cases["ERDR/999999999999999"] != nil {
		t.Fatal("the e2e tests' unknown case number is used")
	}
	caseload := map[sio.IIN][]*sio.Case{}
	assignees := map[string][]*sio.User{}
	for _, a := range off.Assignments {
		c, u := cases[a.Registry+"/"+a.Number], users[a.IIN]
		if c == nil || u == nil {
			t.Fatalf("assignment %+v to an unknown case or user", a)
		}
		caseload[a.IIN] = append(caseload[a.IIN], c)
		assignees[a.Registry+"/"+a.Number] = append(assignees[a.Registry+"/"+a.Number], u)
	}
	for k := range cases {
		if len(assignees[k]) == 0 {
			t.Fatalf("case %s in no caseload", k)
		}
	}
	for _, role := range roles {
		us := byRole[role.Code]
		if len(us) != 2 || strings.Contains(us[0].Position, "Астан") == strings.Contains(us[1].Position, "Астан") {
			t.Fatalf("role %s: users %+v, want one in Astana and one elsewhere", role.Code, us)
		}
		for _, u := range us {
			for _, b := range role.Bases {
				ok := false
				for _, c := range caseload[u.IIN] {
					ok = ok || (c.Basis == b.Code && c.Status == sio.CaseOpen)
				}
				if !ok {
					t.Fatalf("user %s (%s) has no open %s case", u.IIN, role.Code, b)
				}
			}
		}
	}
	// First role: a closed case, and a case of its basis only a colleague of another role holds.
	first := roles[0]
	closed, colleague, group, econ, general := false, false, false, false, false
	for k, as := range assignees {
		c := cases[k]
		if c.Status == sio.CaseClosed && as[0].RoleCode == first.Code {
			closed = true
		}
		if c.Basis == first.Bases[0].Code && c.Status == sio.CaseOpen {
			other := true
			for _, u := range as {
				other = other && u.RoleCode != first.Code
			}
			colleague = colleague || other
		}
		econ = econ || strings.HasPrefix(c.Article, "245")
		general = general || strings.HasPrefix(c.Article, "188")
	}
	// An investigative group: its head holds the case, the other member
	// only through the group.
	for _, g := range off.Groups {
		c := cases[g.Registry+"/"+g.Number]
		if c == nil || len(g.Members) < 2 || g.Members[0] != g.HeadIIN || g.FormedAt.Before(c.OpenedAt.Time) || g.FormedAt.After(snapshot) {
			t.Fatalf("group %+v", g)
		}
		held := map[sio.IIN]bool{}
		for _, u := range assignees[g.Registry+"/"+g.Number] {
			held[u.IIN] = true
		}
		group = held[g.HeadIIN] && !held[g.Members[1]] && users[g.Members[1]] != nil && users[g.Members[1]].RoleCode != users[g.HeadIIN].RoleCode
	}
	if !closed || !colleague || !group || !econ || !general {
		t.Fatalf("closed %v, colleague-only %v, group %v, article 245 %v, article 188 %v", closed, colleague, group, econ, general)
	}
	for _, u := range off.Users {
		if (u.Blocked || u.AgreementSignedAt == nil) && len(caseload[u.IIN]) == 0 {
			t.Fatalf("designated user %s has no cases to try", u.IIN)
		}
	}
}

func TestMillion(t *testing.T) {
	if testing.Short() || os.Getenv("SIO_SYNTH_1M") != "1" {
		t.Skip("set SIO_SYNTH_1M=1 to generate 1,000,000 persons")
	}
	start := time.Now()
	iins := make(map[sio.IIN]struct{}, 1_000_000)
	var persons, entities, vehicles, acts int
	err := synth.Generate(synth.Config{Seed: 1, Persons: 1_000_000}, func(b *synth.Batch) error {
		for _, p := range b.Persons {
			if _, dup := iins[p.IIN]; dup {
				return fmt.Errorf("duplicate IIN %s", p.IIN)
			}
			iins[p.IIN] = struct{}{}
		}
		persons += len(b.Persons)
		entities += len(b.Entities)
		vehicles += len(b.Vehicles)
		acts += len(b.Acts)
		return nil
	})
	if err != nil || persons != 1_000_000 {
		t.Fatalf("%v, %d persons", err, persons)
	}
	t.Logf("1,000,000 persons in %v: %d entities, %d vehicles, %d acts", time.Since(start), entities, vehicles, acts)
}

func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		n := 0
		if err := synth.Generate(synth.Config{Seed: 1, Persons: 100_000}, func(bt *synth.Batch) error { n += len(bt.Persons); return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(100_000, "persons/op")
}
