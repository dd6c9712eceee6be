package justice_test

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"sio"
	"sio/connectors/justice"
	"sio/synth"
)

// facts runs a model over a population and concatenates the facts of its
// batches; it also returns the persons by IIN.
func facts(t *testing.T, cfg synth.Config) (*justice.Facts, map[sio.IIN]sio.Person) {
	t.Helper()
	m := justice.New(cfg.Seed)
	all := &justice.Facts{}
	persons := map[sio.IIN]sio.Person{}
	err := synth.Generate(cfg, func(b *synth.Batch) error {
		f := m.Batch(b)
		av, fv := reflect.ValueOf(all).Elem(), reflect.ValueOf(f).Elem()
		for i := range av.NumField() {
			av.Field(i).Set(reflect.AppendSlice(av.Field(i), fv.Field(i)))
		}
		for _, p := range b.Persons {
			persons[p.IIN] = p
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all, persons
}

// canonical renders the records of a slice as sorted JSON.
func canonical(t *testing.T, v reflect.Value) []string {
	out := make([]string, v.Len())
	for i := range out {
		b, err := json.Marshal(v.Index(i).Interface())
		if err != nil {
			t.Fatal(err)
		}
		out[i] = string(b)
	}
	sort.Strings(out)
	return out
}

func TestFactsDoNotDependOnBatchCuts(t *testing.T) {
	a, _ := facts(t, synth.Config{Seed: 5, Persons: 4000, BatchPersons: 4000})
	b, _ := facts(t, synth.Config{Seed: 5, Persons: 4000, BatchPersons: 333})
	av, bv := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	for i := range av.NumField() {
		name := av.Type().Field(i).Name
		if av.Field(i).Len() == 0 {
			t.Fatalf("no %s", name)
		}
		// Persons' and companies' records interleave by batch: compare sets.
		x, y := canonical(t, av.Field(i)), canonical(t, bv.Field(i))
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("%s differ between batch cuts", name)
		}
	}
	c, _ := facts(t, synth.Config{Seed: 6, Persons: 4000})
	if reflect.DeepEqual(a.CriminalRecords, c.CriminalRecords) {
		t.Fatal("another seed gave the same criminal records")
	}
}

// The registers agree with each other and with the population.
func TestRegistersAreConsistent(t *testing.T) {
	f, persons := facts(t, synth.Config{Seed: 8, Persons: 5000})
	today := synth.Today()
	records := map[string]*sio.CriminalRecord{}
	for i := range f.CriminalRecords {
		r := &f.CriminalRecords[i]
		if _, dup := records[r.CaseNumber]; dup {
			t.Fatalf("case number %s twice", r.CaseNumber)
		}
		records[r.CaseNumber] = r
		if p, ok := persons[r.PersonIIN]; !ok || synth.AgeAt(&p, r.OffenceDate) < 18 ||
			(p.DeathDate != nil && r.OutcomeDate == nil) {
			t.Fatalf("record of an unknown, minor or dead-and-open person: %+v", r)
		}
	}
	cases := map[string]*sio.CourtCase{}
	for i := range f.CourtCases {
		c := &f.CourtCases[i]
		if _, dup := cases[c.Number]; dup {
			t.Fatalf("court case %s twice", c.Number)
		}
		cases[c.Number] = c
	}
	parties := map[string][]sio.CourtParty{}
	for _, p := range f.CourtParties {
		if cases[p.CaseNumber] == nil {
			t.Fatalf("party of no case: %+v", p)
		}
		parties[p.CaseNumber] = append(parties[p.CaseNumber], p)
	}
	partyOf := func(caseNo string, role sio.CourtPartyRole, id string) bool {
		for _, p := range parties[caseNo] {
			if p.Role == role && p.SubjectID != nil && *p.SubjectID == id {
				return true
			}
		}
		return false
	}
	cards := map[string]bool{}
	for _, c := range f.CourtCards {
		cards[c.CaseNumber] = true
	}
	for _, r := range f.CriminalRecords {
		if r.CourtCaseNumber == nil {
			continue
		}
		c := cases[*r.CourtCaseNumber]
		if c == nil || c.Category != sio.CourtCriminal || !partyOf(c.Number, sio.PartyAccused, string(r.PersonIIN)) {
			t.Fatalf("the court case of %s is not the person's criminal case: %+v", r.CaseNumber, c)
		}
		decided := r.Outcome == sio.OutcomeConvicted || r.Outcome == sio.OutcomeAcquitted || r.Outcome == sio.OutcomeTerminatedByCourt
		if decided != cards[c.Number] || decided != (c.Status == sio.CourtCaseDecided) {
			t.Fatalf("verdict, card and court status disagree: %+v / %+v", r, c)
		}
	}
	for _, s := range f.Fugitives {
		r := records[s.ERDRNumber]
		if r == nil || r.PersonIIN != s.PersonIIN || r.Article != s.Article || s.DeclaredAt.Before(r.RegisteredAt.Time) {
			t.Fatalf("search %+v of no criminal case of the person", s)
		}
		if s.Status == sio.WantedActive && r.Outcome != sio.OutcomeUnderInvestigation {
			t.Fatalf("a wanted suspect's case must be under investigation: %+v", r)
		}
	}
	for _, m := range f.Missing {
		p, ok := persons[m.PersonIIN]
		if !ok || p.DeathDate != nil {
			t.Fatalf("missing person %s is not alive in ГБД ФЛ", m.PersonIIN)
		}
		for _, r := range f.CriminalRecords {
			if r.PersonIIN == m.PersonIIN && r.SentenceKind != nil && *r.SentenceKind == sio.SentenceImprisonment &&
				!m.LastSeenAt.Before(r.OutcomeDate.Time) && (r.ReleaseDate == nil || m.LastSeenAt.Before(r.ReleaseDate.Time)) {
				t.Fatalf("%s went missing from prison: %+v", m.PersonIIN, r)
			}
		}
	}
	for _, e := range f.Expulsions {
		p := persons[e.PersonIIN]
		if p.Citizenship == "KZ" || e.Citizenship != p.Citizenship || cases[e.DecisionNumber] == nil {
			t.Fatalf("expulsion %+v of a citizen or without a court decision", e)
		}
	}
	inscriptions := map[string]justice.Inscription{}
	for _, in := range f.Inscriptions {
		inscriptions[in.RegistryNumber] = in
	}
	offences := map[string]bool{}
	for _, o := range f.Offences {
		offences[o.CaseNumber] = true
	}
	proceedings := map[string]*sio.EnforcementProceeding{}
	for i := range f.Proceedings {
		p := &f.Proceedings[i]
		proceedings[p.Number] = p
		switch p.DocumentKind {
		case sio.DocumentWrit, sio.DocumentCourtOrder:
			c := cases[p.DocumentNumber]
			if c == nil || c.InForceAt == nil || p.OpenedAt.Before(c.InForceAt.Time) {
				t.Fatalf("proceeding %s executes no court decision in force: %+v", p.Number, c)
			}
		case sio.DocumentNotaryInscription:
			if in, ok := inscriptions[p.DocumentNumber]; !ok || string(in.Debtor.IIN) != p.DebtorID || in.AmountTiyn != p.AmountTiyn {
				t.Fatalf("proceeding %s executes no inscription on the debtor", p.Number)
			}
		case sio.DocumentAdminRuling:
			if !offences[p.DocumentNumber] {
				t.Fatalf("proceeding %s executes no administrative ruling", p.Number)
			}
		}
		if p.ClaimKind == sio.ClaimAlimony && (p.CreditorID == nil || persons[sio.IIN(*p.CreditorID)].Gender != sio.Female) {
			t.Fatalf("alimony goes to the mother: %+v", p)
		}
		if p.OpenedAt.After(today.Time) {
			t.Fatalf("proceeding opened after the snapshot: %+v", p)
		}
	}
	exitBans := map[string]bool{}
	for _, r := range f.Restrictions {
		if proceedings[r.ProceedingNumber] == nil {
			t.Fatalf("restriction of no proceeding: %+v", r)
		}
		if r.Kind == sio.RestrictionExitBan {
			exitBans[r.ProceedingNumber] = true
		}
	}
	for _, d := range f.Debtors {
		switch d.Kind {
		case sio.DebtorOfProceeding:
			p := proceedings[d.BasisNumber]
			if p == nil || p.DebtorID != string(d.PersonIIN) || !exitBans[p.Number] {
				t.Fatalf("debtor restriction %+v without the proceeding's exit ban", d)
			}
		case sio.DefendantOfCase:
			if !partyOf(d.BasisNumber, sio.PartyDefendant, string(d.PersonIIN)) {
				t.Fatalf("defendant restriction %+v of no case of the person", d)
			}
		}
	}
}

func TestPlaces(t *testing.T) {
	codes := map[string]string{}
	for _, p := range justice.Places() {
		for _, c := range []justice.Court{p.LocalCourt(), p.CriminalCourt(), p.EconomicCourt(), p.AdministrativeCourt(), p.RegionalCourt()} {
			if prev, ok := codes[c.Code]; ok && prev != c.Name {
				t.Fatalf("court code %s for %q and %q", c.Code, prev, c.Name)
			}
			codes[c.Code] = c.Name
			if len(c.Code) != 4 || c.Code[:2] != p.KATO() || !strings.Contains(strings.ToLower(c.Name), "суд") {
				t.Fatalf("court %+v of %s", c, p.KATO())
			}
		}
		if p.Police() == "" || p.Region() == nil {
			t.Fatalf("place %+v", p)
		}
	}
}

// Streams of one data set share each batch's facts, computed once, and
// equal to a private model's.
func TestStreamsShareFacts(t *testing.T) {
	var batches []*synth.Batch
	if err := synth.Generate(synth.Config{Seed: 9, Persons: 3000, BatchPersons: 500}, func(b *synth.Batch) error {
		batches = append(batches, b)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	m := justice.New(9)
	streams := make([]*justice.Stream, 4)
	for i := range streams {
		streams[i] = justice.NewStream(9)
	}
	for _, b := range batches {
		want := m.Batch(b)
		got := make([]*justice.Facts, len(streams))
		var wg sync.WaitGroup
		for i, s := range streams {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f, err := s.Batch(b)
				if err != nil {
					t.Error(err)
				}
				got[i] = f
			}()
		}
		wg.Wait()
		for _, f := range got {
			if f != got[0] {
				t.Fatal("the streams of one data set computed a batch twice")
			}
		}
		if !reflect.DeepEqual(got[0], want) {
			t.Fatal("shared facts differ from a private model's")
		}
	}
	// A stream that starts later, on the same data set, still gets them.
	late := justice.NewStream(9)
	for _, b := range batches {
		if _, err := late.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
}
