package caseregistry_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sio"
	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/internal/testdb"
	"sio/sqldb"
)

// caseOf is a case of the registry in the shape its registry numbers it.
func caseOf(reg, number, basis, status string) sio.Case {
	c := sio.Case{Registry: reg, Number: number, Basis: basis, Status: status, OpenedAt: sio.MustDate("2024-03-15")}
	switch reg {
	case sio.RegistryERDR, sio.RegistryORD:
		c.Article = "190 ч.2 УК РК"
	case sio.RegistryEAIAS:
		c.Court, c.Year = "Специализированный межрайонный экономический суд г. Алматы", 2024
	}
	return c
}

var basisOf = map[string]string{sio.RegistryERDR: "CRIMINAL_CASE", sio.RegistryAISSU: "SEARCH_CASE",
	sio.RegistryAISOIP: "ENFORCEMENT", sio.RegistryEAIAS: "CIVIL_CASE", sio.RegistryORD: "ORD"}

// Every registry is a store of its own: its own schema or file under its
// own name, its own tables (instructions and international requests in
// ЕРДР only, sanctions in ЕАИАС only), its cases and caseload, one
// statement per lookup; records of another registry are refused.
func TestEachRegistryIsItsOwnStore(t *testing.T) {
	if len(caseregistry.All) != 5 {
		t.Fatalf("%d registries, want ЕРДР, АИС СУ, АИС ОИП, ЕАИАС and the ORD register", len(caseregistry.All))
	}
	for _, reg := range caseregistry.All {
		t.Run(reg.Name, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
				ctx := context.Background()
				s, err := caseregistry.OpenStore(ctx, cfg, reg.Code)
				testdb.Must(t, err)
				defer s.Close()
				if s.DB().Name != reg.Name || caseregistry.StoreName(reg.Code) != reg.Name {
					t.Fatalf("store of %s is named %q, want %q", reg.Code, s.DB().Name, reg.Name)
				}
				if cfg.DataDir != "" {
					if _, err := os.Stat(filepath.Join(cfg.DataDir, reg.Name+".db")); err != nil {
						t.Fatalf("the SQLite file of %s: %v", reg.Code, err)
					}
				}
				// Its own tables, and only its own.
				for table, want := range map[string]bool{"cases": true, "case_assignments": true, "investigative_groups": true,
					"instructions": reg.Instructions, "legal_assistance": reg.LegalAssistance, "court_sanctions": reg.Sanctions} {
					var n int
					err := s.DB().Get(ctx, &n, s.DB().Q(`SELECT COUNT(*) FROM {`+table+`}`))
					if (err == nil) != want {
						t.Errorf("%s: table %s exists = %v, want %v", reg.Code, table, err == nil, want)
					}
				}

				head := testdb.IIN(t, "1987-04-04", sio.Male, 1)
				member := testdb.IIN(t, "1991-12-12", sio.Female, 2)
				idle := testdb.IIN(t, "1999-09-09", sio.Female, 4)
				open := caseOf(reg.Code, "100", basisOf[reg.Code], sio.CaseOpen)
				closed := caseOf(reg.Code, "099", basisOf[reg.Code], sio.CaseClosed)
				testdb.Must(t, s.Load(ctx, caseregistry.Records{
					Cases:       []sio.Case{open, closed},
					Assignments: []caseregistry.Assignment{{Registry: reg.Code, Number: open.Number, IIN: head}, {Registry: reg.Code, Number: closed.Number, IIN: head}},
					Groups: []authz.InvestigativeGroup{{ID: 1, Registry: reg.Code, Number: open.Number, HeadIIN: head,
						FormedAt: sio.MustDate("2024-03-20"), Members: []sio.IIN{head, member}}},
				}))

				var c *sio.Case
				var via string
				testdb.OneStatement(t, "CaseWithCaseload", func(ctx context.Context) (err error) {
					c, via, err = s.CaseWithCaseload(ctx, open.Number, member)
					return err
				})
				if c == nil || *c != open || via != authz.ViaGroup {
					t.Fatalf("case with caseload = %+v, %q; want %+v via GROUP", c, via, open)
				}
				if c, via, err := s.CaseWithCaseload(ctx, open.Number, head); err != nil || c == nil || via != authz.ViaAssigned {
					t.Fatalf("the head's case = %+v, %q, %v; want ASSIGNED", c, via, err)
				}
				if c, via, err := s.CaseWithCaseload(ctx, open.Number, idle); err != nil || c == nil || via != "" {
					t.Fatalf("another official's case = %+v, %q, %v; want the case, not in the caseload", c, via, err)
				}
				if c, via, err := s.CaseWithCaseload(ctx, "101", head); err != nil || c != nil || via != "" {
					t.Fatalf("missing case = %+v, %q, %v", c, via, err)
				}
				testdb.OneStatement(t, "CaseByNumber", func(ctx context.Context) (err error) {
					c, err = s.CaseByNumber(ctx, closed.Number)
					return err
				})
				if c == nil || *c != closed {
					t.Fatalf("case = %+v, want %+v", c, closed)
				}
				var cs []sio.Case
				testdb.OneStatement(t, "CasesOfUser", func(ctx context.Context) (err error) {
					cs, err = s.CasesOfUser(ctx, head)
					return err
				})
				if len(cs) != 2 || cs[0] != closed || cs[1] != open {
					t.Fatalf("head's cases = %+v, want by number", cs)
				}
				if cs, err := s.CasesOfUser(ctx, member); err != nil || len(cs) != 1 || cs[0] != open {
					t.Fatalf("member's cases = %+v, %v", cs, err)
				}
				if n, err := s.Count(ctx); err != nil || n != 2 {
					t.Fatalf("Count = %d, %v", n, err)
				}

				// Records of another registry, or of a kind the registry
				// does not hold, are refused before anything is written.
				other := sio.RegistryERDR
				if reg.Code == other {
					other = sio.RegistryAISSU
				}
				for name, bad := range map[string]caseregistry.Records{
					"case of another registry":       {Cases: []sio.Case{caseOf(other, "200", basisOf[other], sio.CaseOpen)}},
					"assignment of another registry": {Assignments: []caseregistry.Assignment{{Registry: other, Number: open.Number, IIN: idle}}},
					"group of another registry": {Groups: []authz.InvestigativeGroup{{ID: 2, Registry: other, Number: open.Number, HeadIIN: idle,
						FormedAt: sio.MustDate("2024-03-20"), Members: []sio.IIN{idle}}}},
					"assignment to an unknown case": {Assignments: []caseregistry.Assignment{{Registry: reg.Code, Number: "999", IIN: idle}}},
				} {
					if err := s.Load(ctx, bad); err == nil {
						t.Errorf("%s: loaded", name)
					}
				}
				if !reg.Instructions {
					in := authz.Instruction{Registry: reg.Code, CaseNumber: open.Number, Number: "75-00-24/0412", Kind: authz.InstructionInvestigative,
						IssuerIIN: head, ExecutorIIN: idle, IssuedAt: sio.MustDate("2024-07-01"), DueAt: sio.MustDate("2024-08-01"), Status: authz.InstructionOpen}
					if err := s.Load(ctx, caseregistry.Records{Instructions: []authz.Instruction{in}}); err == nil {
						t.Error("an instruction loaded into a registry without instructions")
					}
					if in, err := s.Instruction(ctx, open.Number, "75-00-24/0412"); in != nil || err != nil {
						t.Errorf("instruction of a registry without instructions = %+v, %v; want none", in, err)
					}
				}
				if !reg.LegalAssistance {
					if _, err := s.LegalAssistance(ctx, "2-12-24/0101"); err == nil {
						t.Error("international requests looked up in a registry that does not hold them")
					}
				}
				if !reg.Sanctions {
					if _, err := s.CourtSanction(ctx, "7591-24-00-1с/015"); err == nil {
						t.Error("court sanctions looked up in a registry that does not hold them")
					}
				}
				if n, err := s.Count(ctx); err != nil || n != 2 {
					t.Fatalf("Count after refused loads = %d, %v", n, err)
				}
				// Migrations are recorded: opening again is a no-op.
				s2, err := caseregistry.OpenStore(ctx, cfg, reg.Code)
				testdb.Must(t, err)
				s2.Close()
			})
		})
	}
	if _, err := caseregistry.OpenStore(context.Background(), sqldb.Config{DataDir: t.TempDir()}, "KUI"); err == nil {
		t.Fatal("a store opened for an unknown registry")
	}
}

// The router: calls naming a registry go to its store only (one
// statement), calls spanning registries merge every store's answer in the
// order one store would give, records load into the registry they name.
func TestRegistries(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := caseregistry.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		investigator := testdb.IIN(t, "1987-04-04", sio.Male, 1)
		partner := testdb.IIN(t, "1991-12-12", sio.Female, 2)
		bailiff := testdb.IIN(t, "1975-06-06", sio.Male, 3)
		idle := testdb.IIN(t, "1999-09-09", sio.Female, 4)

		erdr := sio.Case{Registry: "ERDR", Number: "247511031000123", Basis: "CRIMINAL_CASE", Article: "190 ч.2 УК РК",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-03-15")}
		aissu := sio.Case{Registry: "AIS_SU", Number: "237511100000045", Basis: "SEARCH_CASE",
			Status: sio.CaseClosed, OpenedAt: sio.MustDate("2023-01-20")}
		oip := sio.Case{Registry: "AIS_OIP", Number: "247570000012", Basis: "ENFORCEMENT", Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-05-05")}
		eaias := sio.Case{Registry: "EAIAS", Number: "7592-24-00-2/15", Basis: "CIVIL_CASE", Status: sio.CaseOpen,
			OpenedAt: sio.MustDate("2024-02-02"), Court: "Специализированный межрайонный экономический суд г. Алматы", Year: 2024}
		other := sio.Case{Registry: "ERDR", Number: "247511031000200", Basis: "CRIMINAL_CASE", Article: "218 ч.2",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-06-01")}
		// The same number in another registry: a number is unique within
		// its registry only.
		twin := sio.Case{Registry: "ORD", Number: other.Number, Basis: "ORD", Article: "249 ч.3",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-06-02")}
		instr := authz.Instruction{Registry: "ERDR", CaseNumber: other.Number, Number: "75-00-24/0412", Kind: authz.InstructionInvestigative,
			IssuerIIN: bailiff, IssuingBody: "Следственное управление ДП г. Алматы", ExecutorIIN: idle,
			IssuedAt: sio.MustDate("2024-07-01"), DueAt: sio.MustDate("2024-08-01"), Status: authz.InstructionOpen}
		earlier := instr
		earlier.Number, earlier.IssuedAt = "75-00-24/0399", sio.MustDate("2024-06-20")
		mla := authz.LegalAssistance{Number: "87-314-2024/5512", RequestingBody: "Генеральная прокуратура Российской Федерации",
			Country: "Российская Федерация", CoverLetterNumber: "2-12-24/0101", AuthorizedBody: "Генеральная прокуратура Республики Казахстан",
			ExecutorIIN: investigator, Article: "218 ч.3", ReceivedAt: sio.MustDate("2024-09-01"), DueAt: sio.MustDate("2024-12-01"),
			Status: authz.InstructionOpen}
		sanction := authz.CourtSanction{Number: "7591-24-00-1с/015", Registry: "ERDR", CaseNumber: erdr.Number,
			Court: "Специализированный следственный суд г. Алматы", Judge: "Ахметова Гульнара Сериковна", Measure: "Негласный контроль почтовых и иных отправлений",
			GrantedAt: sio.MustDate("2024-04-01"), ValidFrom: sio.MustDate("2024-04-02"), ValidUntil: sio.MustDate("2024-07-02"), Status: authz.SanctionGranted}
		onOther := sanction
		onOther.Number, onOther.CaseNumber, onOther.GrantedAt = "7591-24-00-1с/016", other.Number, sio.MustDate("2024-03-01")
		testdb.Must(t, s.Load(ctx, caseregistry.Records{
			Cases: []sio.Case{erdr, aissu, oip, eaias, other, twin},
			Assignments: []caseregistry.Assignment{
				{Registry: "ERDR", Number: erdr.Number, IIN: investigator},
				{Registry: "AIS_SU", Number: aissu.Number, IIN: investigator},
				{Registry: "EAIAS", Number: eaias.Number, IIN: investigator},
				{Registry: "ORD", Number: twin.Number, IIN: investigator},
				{Registry: "AIS_OIP", Number: oip.Number, IIN: bailiff},
				{Registry: "ERDR", Number: other.Number, IIN: bailiff},
			},
			// The investigator heads the group; the partner holds the case through it only.
			Groups: []authz.InvestigativeGroup{{ID: 1, Registry: "ERDR", Number: erdr.Number, HeadIIN: investigator,
				FormedAt: sio.MustDate("2024-03-20"), Members: []sio.IIN{investigator, partner}}},
			Instructions:    []authz.Instruction{instr, earlier},
			LegalAssistance: []authz.LegalAssistance{mla},
			Sanctions:       []authz.CourtSanction{sanction, onOther},
		}))

		// Each record is in its registry's store, and only there.
		for _, c := range []sio.Case{erdr, aissu, oip, eaias, other, twin} {
			for _, st := range s.Stores() {
				got, err := st.CaseByNumber(ctx, c.Number)
				testdb.Must(t, err)
				mine := st.Registry().Code == c.Registry
				if twinned := c.Number == other.Number && (st.Registry().Code == "ERDR" || st.Registry().Code == "ORD"); twinned {
					mine = true
				}
				if (got != nil) != mine {
					t.Fatalf("case %s of %s found in %s: %v", c.Number, c.Registry, st.Registry().Code, got != nil)
				}
			}
		}
		for code, want := range map[string]int{"ERDR": 2, "AIS_SU": 1, "AIS_OIP": 1, "EAIAS": 1, "ORD": 1} {
			if n, err := s.Store(code).Count(ctx); err != nil || n != want {
				t.Fatalf("%s holds %d cases, %v; want %d", code, n, err, want)
			}
		}
		if n, err := s.Count(ctx); err != nil || n != 6 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		for _, code := range []string{"ERDR", "EAIAS"} {
			var n int
			db := s.Store(code).DB()
			table := map[string]string{"ERDR": "instructions", "EAIAS": "court_sanctions"}[code]
			testdb.Must(t, db.Get(ctx, &n, db.Q(`SELECT COUNT(*) FROM {`+table+`}`)))
			if n != 2 {
				t.Fatalf("%s holds %d %s, want 2", code, n, table)
			}
		}

		// The inquiry's case check: one statement on one registry.
		var c *sio.Case
		var via string
		testdb.OneStatement(t, "CaseWithCaseload", func(ctx context.Context) (err error) {
			c, via, err = s.CaseWithCaseload(ctx, "ERDR", erdr.Number, partner)
			return err
		})
		if c == nil || *c != erdr || via != authz.ViaGroup {
			t.Fatalf("case with caseload = %+v, %q", c, via)
		}
		testdb.OneStatement(t, "CaseByNumber", func(ctx context.Context) (err error) {
			c, err = s.CaseByNumber(ctx, "EAIAS", eaias.Number)
			return err
		})
		if c == nil || *c != eaias {
			t.Fatalf("case = %+v, want %+v", c, eaias)
		}
		if c, err := s.CaseByNumber(ctx, "ERDR", "000000000000000"); c != nil || err != nil {
			t.Fatalf("missing case = %+v, %v", c, err)
		}
		if c, err := s.CaseByNumber(ctx, "AIS_SU", erdr.Number); c != nil || err != nil {
			t.Fatalf("case of another registry = %+v, %v", c, err)
		}
		if c, err := s.CaseByNumber(ctx, "ORD", other.Number); err != nil || c == nil || *c != twin {
			t.Fatalf("the ORD twin = %+v, %v; want %+v", c, err, twin)
		}
		if c, err := s.CaseByNumber(ctx, "ERDR", other.Number); err != nil || c == nil || *c != other {
			t.Fatalf("the ЕРДР twin = %+v, %v; want %+v", c, err, other)
		}

		// An official's cases: every registry, by registry and number.
		var cs []sio.Case
		testdb.OneStatement(t, "Store.CasesOfUser", func(ctx context.Context) (err error) {
			cs, err = s.Store("ERDR").CasesOfUser(ctx, investigator)
			return err
		})
		if len(cs) != 1 || cs[0] != erdr {
			t.Fatalf("investigator's ЕРДР cases = %+v", cs)
		}
		if cs, err := s.CasesOfUser(ctx, investigator); err != nil || len(cs) != 4 || cs[0] != aissu || cs[1] != eaias || cs[2] != erdr || cs[3] != twin {
			t.Fatalf("investigator's cases = %+v, %v", cs, err)
		}
		if cs, err := s.CasesOfUser(ctx, partner); err != nil || len(cs) != 1 || cs[0] != erdr {
			t.Fatalf("partner's cases = %+v, %v", cs, err)
		}
		if cs, err := s.CasesOfUser(ctx, bailiff); err != nil || len(cs) != 2 || cs[0] != oip || cs[1] != other {
			t.Fatalf("bailiff's cases = %+v, %v", cs, err)
		}
		if cs, err := s.CasesOfUser(ctx, idle); err != nil || len(cs) != 0 {
			t.Fatalf("idle official's cases = %+v, %v", cs, err)
		}

		var in bool
		testdb.OneStatement(t, "InCaseload", func(ctx context.Context) (err error) {
			in, err = s.InCaseload(ctx, "ERDR", erdr.Number, partner)
			return err
		})
		if !in {
			t.Fatal("partner's group case is not in the caseload")
		}
		for _, tc := range []struct {
			reg, num string
			iin      sio.IIN
			want     bool
		}{
			{"AIS_OIP", oip.Number, bailiff, true},
			{"AIS_OIP", oip.Number, investigator, false},
			{"AIS_SU", erdr.Number, investigator, false},
			{"ERDR", "000000000000000", investigator, false},
			{"ERDR", erdr.Number, idle, false},
			// The twins: the bailiff holds the ЕРДР one, the investigator the ORD one.
			{"ERDR", other.Number, bailiff, true},
			{"ERDR", other.Number, investigator, false},
			{"ORD", other.Number, investigator, true},
			{"ORD", other.Number, bailiff, false},
		} {
			if got, err := s.InCaseload(ctx, tc.reg, tc.num, tc.iin); err != nil || got != tc.want {
				t.Fatalf("InCaseload(%s, %s, %s) = %v, %v; want %v", tc.reg, tc.num, tc.iin, got, err, tc.want)
			}
		}
		if via, err := s.CaseloadVia(ctx, "ERDR", erdr.Number, investigator); err != nil || via != authz.ViaAssigned {
			t.Fatalf("head of the group holds the case via %q, %v; want ASSIGNED", via, err)
		}
		if via, err := s.CaseloadVia(ctx, "ERDR", other.Number, idle); err != nil || via != "" {
			t.Fatalf("the executor of an instruction holds the case via %q, %v; want none (the instruction is verified apart)", via, err)
		}

		// Instructions: in the registry of their case (ЕРДР).
		var got *authz.Instruction
		testdb.OneStatement(t, "Instruction", func(ctx context.Context) (err error) {
			got, err = s.Instruction(ctx, "ERDR", other.Number, instr.Number)
			return err
		})
		if got == nil || *got != instr {
			t.Fatalf("instruction = %+v, want %+v", got, instr)
		}
		for _, k := range [][3]string{{"ERDR", erdr.Number, instr.Number}, {"ORD", other.Number, instr.Number},
			{"AIS_SU", other.Number, instr.Number}, {"ERDR", other.Number, "75-00-24/0413"}} {
			if in, err := s.Instruction(ctx, k[0], k[1], k[2]); in != nil || err != nil {
				t.Fatalf("instruction %v = %+v, %v; want none", k, in, err)
			}
		}
		if ins, err := s.InstructionsOfExecutor(ctx, idle); err != nil || len(ins) != 2 || ins[0] != earlier || ins[1] != instr {
			t.Fatalf("instructions of executor = %+v, %v; want by date of issue", ins, err)
		}

		// International requests: in ЕРДР, with no case.
		var la *authz.LegalAssistance
		testdb.OneStatement(t, "LegalAssistance", func(ctx context.Context) (err error) {
			la, err = s.LegalAssistance(ctx, mla.CoverLetterNumber)
			return err
		})
		if la == nil || *la != mla {
			t.Fatalf("legal assistance = %+v, want %+v", la, mla)
		}
		if la, err := s.LegalAssistance(ctx, mla.Number); la != nil || err != nil {
			t.Fatalf("request by its foreign number = %+v, %v; want none (looked up by cover letter)", la, err)
		}
		if las, err := s.LegalAssistanceOfExecutor(ctx, investigator); err != nil || len(las) != 1 || las[0] != mla {
			t.Fatalf("requests of executor = %+v, %v", las, err)
		}

		// Court sanctions: in ЕАИАС, naming a case of ЕРДР.
		var gotS *authz.CourtSanction
		testdb.OneStatement(t, "CourtSanction", func(ctx context.Context) (err error) {
			gotS, err = s.CourtSanction(ctx, sanction.Number)
			return err
		})
		if gotS == nil || *gotS != sanction {
			t.Fatalf("sanction = %+v, want %+v", gotS, sanction)
		}
		if cs, err := s.CourtSanction(ctx, "7591-24-00-1с/017"); cs != nil || err != nil {
			t.Fatalf("unknown sanction = %+v, %v", cs, err)
		}
		for _, iin := range []sio.IIN{investigator, partner} {
			// The investigator holds the ORD twin of the case of onOther: not its sanction.
			if ss, err := s.SanctionsOfUser(ctx, iin); err != nil || len(ss) != 1 || ss[0] != sanction {
				t.Fatalf("sanctions of %s = %+v, %v", iin, ss, err)
			}
		}
		if ss, err := s.SanctionsOfUser(ctx, bailiff); err != nil || len(ss) != 1 || ss[0] != onOther {
			t.Fatalf("sanctions of the bailiff = %+v, %v", ss, err)
		}
		if ss, err := s.SanctionsOfUser(ctx, idle); err != nil || len(ss) != 0 {
			t.Fatalf("sanctions of an official with no cases = %+v, %v", ss, err)
		}

		// A sanction must name a registered case, as the foreign key did
		// when sanctions and cases shared a database.
		stray := sanction
		stray.Number, stray.CaseNumber = "7591-24-00-1с/018", "247511031000999"
		if err := s.Load(ctx, caseregistry.Records{Sanctions: []authz.CourtSanction{stray}}); err == nil ||
			!strings.Contains(err.Error(), "not registered") {
			t.Fatalf("a sanction on an unregistered case: %v", err)
		}
		if cs, err := s.CourtSanction(ctx, stray.Number); cs != nil || err != nil {
			t.Fatalf("the refused sanction = %+v, %v", cs, err)
		}
		// A sanction on a case loaded earlier is accepted.
		late := sanction
		late.Number = "7591-24-00-1с/019"
		testdb.Must(t, s.Load(ctx, caseregistry.Records{Sanctions: []authz.CourtSanction{late}}))
		if ss, err := s.SanctionsOfUser(ctx, partner); err != nil || len(ss) != 2 {
			t.Fatalf("sanctions of the partner after a late one = %+v, %v", ss, err)
		}
		// An unknown registry is an error, never "no case".
		if err := s.Load(ctx, caseregistry.Records{Cases: []sio.Case{{Registry: "KUI", Number: "1", Basis: "PRIMARY_CHECK",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-01-01")}}}); err == nil {
			t.Fatal("a case of an unknown registry loaded")
		}
		if c, err := s.CaseByNumber(ctx, "KUI", erdr.Number); c != nil || err == nil {
			t.Fatalf("case of an unknown registry = %+v, %v; want an error", c, err)
		}
		if c, via, err := s.CaseWithCaseload(ctx, "KUI", erdr.Number, investigator); c != nil || via != "" || err == nil {
			t.Fatalf("case with caseload of an unknown registry = %+v, %q, %v; want an error", c, via, err)
		}
	})
}

// A router missing a registry fails the calls that need it (fail closed);
// one missing the store of sanctions or of international requests fails
// those, and refuses a second store of one registry.
func TestRouteWithoutARegistry(t *testing.T) {
	ctx := context.Background()
	cfg := sqldb.Config{DataDir: t.TempDir()}
	erdr, err := caseregistry.OpenStore(ctx, cfg, sio.RegistryERDR)
	testdb.Must(t, err)
	defer erdr.Close()
	aissu, err := caseregistry.OpenStore(ctx, cfg, sio.RegistryAISSU)
	testdb.Must(t, err)
	defer aissu.Close()
	r, err := caseregistry.Route(erdr, aissu)
	testdb.Must(t, err)
	iin := testdb.IIN(t, "1987-04-04", sio.Male, 1)
	if c, err := r.CaseByNumber(ctx, sio.RegistryAISOIP, "247570000012"); c != nil || err == nil {
		t.Fatalf("case of a registry without a store = %+v, %v; want an error", c, err)
	}
	if ok, err := r.InCaseload(ctx, sio.RegistryEAIAS, "7592-24-00-2/15", iin); ok || err == nil {
		t.Fatalf("caseload of a registry without a store = %v, %v; want an error", ok, err)
	}
	if cs, err := r.CourtSanction(ctx, "7591-24-00-1с/015"); cs != nil || err == nil {
		t.Fatalf("sanction without ЕАИАС = %+v, %v; want an error", cs, err)
	}
	if _, err := r.SanctionsOfUser(ctx, iin); err == nil {
		t.Fatal("sanctions of a user without ЕАИАС: no error")
	}
	if cs, err := r.CasesOfUser(ctx, iin); err != nil || len(cs) != 0 {
		t.Fatalf("cases of a user over the stores there are = %+v, %v", cs, err)
	}
	if _, err := caseregistry.Route(erdr, aissu, erdr); err == nil {
		t.Fatal("two stores of one registry routed")
	}
}
