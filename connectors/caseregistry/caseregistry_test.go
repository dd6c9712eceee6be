package caseregistry_test

import (
	"context"
	"testing"

	"sio"
	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestCaseRegistry(t *testing.T) {
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
		aissu := sio.Case{Registry: "AIS_SU", Number: "237511100000045", Basis: "OPERATIONAL_CASE",
			Status: sio.CaseClosed, OpenedAt: sio.MustDate("2023-01-20")}
		oip := sio.Case{Registry: "AIS_OIP", Number: "247570000012", Basis: "ENFORCEMENT", Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-05-05")}
		eaias := sio.Case{Registry: "EAIAS", Number: "7592-24-00-2/15", Basis: "CIVIL_CASE", Status: sio.CaseOpen,
			OpenedAt: sio.MustDate("2024-02-02"), Court: "Специализированный межрайонный экономический суд г. Алматы", Year: 2024}
		other := sio.Case{Registry: "ERDR", Number: "247511031000200", Basis: "CRIMINAL_CASE", Article: "218 ч.2",
			Status: sio.CaseOpen, OpenedAt: sio.MustDate("2024-06-01")}
		instr := authz.Instruction{Registry: "ERDR", CaseNumber: other.Number, Number: "75-00-24/0412", Kind: authz.InstructionInvestigative,
			IssuerIIN: bailiff, IssuingBody: "Следственное управление ДП г. Алматы", ExecutorIIN: idle,
			IssuedAt: sio.MustDate("2024-07-01"), DueAt: sio.MustDate("2024-08-01"), Status: authz.InstructionOpen}
		mla := authz.LegalAssistance{Number: "87-314-2024/5512", RequestingBody: "Генеральная прокуратура Российской Федерации",
			Country: "Российская Федерация", CoverLetterNumber: "2-12-24/0101", AuthorizedBody: "Генеральная прокуратура Республики Казахстан",
			ExecutorIIN: investigator, Article: "218 ч.3", ReceivedAt: sio.MustDate("2024-09-01"), DueAt: sio.MustDate("2024-12-01"),
			Status: authz.InstructionOpen}
		sanction := authz.CourtSanction{Number: "7591-24-00-1с/015", Registry: "ERDR", CaseNumber: erdr.Number,
			Court: "Специализированный следственный суд г. Алматы", Judge: "Ахметова Гульнара Сериковна", Measure: "Негласный контроль почтовых и иных отправлений",
			GrantedAt: sio.MustDate("2024-04-01"), ValidFrom: sio.MustDate("2024-04-02"), ValidUntil: sio.MustDate("2024-07-02"), Status: authz.SanctionGranted}
		testdb.Must(t, s.Load(ctx, caseregistry.Records{
			Cases: []sio.Case{erdr, aissu, oip, eaias, other},
			Assignments: []caseregistry.Assignment{
				{Registry: "ERDR", Number: erdr.Number, IIN: investigator},
				{Registry: "AIS_SU", Number: aissu.Number, IIN: investigator},
				{Registry: "EAIAS", Number: eaias.Number, IIN: investigator},
				{Registry: "AIS_OIP", Number: oip.Number, IIN: bailiff},
				{Registry: "ERDR", Number: other.Number, IIN: bailiff},
			},
			// The investigator heads the group; the partner holds the case through it only.
			Groups: []authz.InvestigativeGroup{{ID: 1, Registry: "ERDR", Number: erdr.Number, HeadIIN: investigator,
				FormedAt: sio.MustDate("2024-03-20"), Members: []sio.IIN{investigator, partner}}},
			Instructions:    []authz.Instruction{instr},
			LegalAssistance: []authz.LegalAssistance{mla},
			Sanctions:       []authz.CourtSanction{sanction},
		}))

		var c *sio.Case
		testdb.OneStatement(t, "CaseByNumber", func(ctx context.Context) (err error) {
			c, err = s.CaseByNumber(ctx, "EAIAS", eaias.Number)
			return err
		})
		if c == nil || *c != eaias {
			t.Fatalf("case = %+v, want %+v", c, eaias)
		}
		if c, err := s.CaseByNumber(ctx, "ERDR", erdr.Number); err != nil || c == nil || *c != erdr {
			t.Fatalf("ERDR case = %+v, %v", c, err)
		}
		if c, err := s.CaseByNumber(ctx, "ERDR", "000000000000000"); c != nil || err != nil {
			t.Fatalf("missing case = %+v, %v", c, err)
		}
		// The number is unique within its registry only.
		if c, err := s.CaseByNumber(ctx, "AIS_SU", erdr.Number); c != nil || err != nil {
			t.Fatalf("case of another registry = %+v, %v", c, err)
		}

		var cs []sio.Case
		testdb.OneStatement(t, "CasesOfUser", func(ctx context.Context) (err error) {
			cs, err = s.CasesOfUser(ctx, investigator)
			return err
		})
		if len(cs) != 3 || cs[0] != aissu || cs[1] != eaias || cs[2] != erdr {
			t.Fatalf("investigator's cases = %+v", cs)
		}
		if cs, err := s.CasesOfUser(ctx, partner); err != nil || len(cs) != 1 || cs[0] != erdr {
			t.Fatalf("partner's cases = %+v, %v", cs, err)
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
		} {
			if got, err := s.InCaseload(ctx, tc.reg, tc.num, tc.iin); err != nil || got != tc.want {
				t.Fatalf("InCaseload(%s, %s, %s) = %v, %v; want %v", tc.reg, tc.num, tc.iin, got, err, tc.want)
			}
		}

		// Only registered cases can be assigned.
		if err := s.Assign(ctx, []caseregistry.Assignment{{Registry: "ERDR", Number: "999", IIN: idle}}); err == nil {
			t.Fatal("an unknown case was assigned")
		}

		var via string
		testdb.OneStatement(t, "CaseloadVia", func(ctx context.Context) (err error) {
			via, err = s.CaseloadVia(ctx, "ERDR", erdr.Number, investigator)
			return err
		})
		if via != authz.ViaAssigned {
			t.Fatalf("head of the group holds the case via %q, want ASSIGNED", via)
		}
		if via, err := s.CaseloadVia(ctx, "ERDR", erdr.Number, partner); err != nil || via != authz.ViaGroup {
			t.Fatalf("partner holds the case via %q, %v; want GROUP", via, err)
		}
		if via, err := s.CaseloadVia(ctx, "ERDR", other.Number, idle); err != nil || via != "" {
			t.Fatalf("the executor of an instruction holds the case via %q, %v; want none (the instruction is verified apart)", via, err)
		}

		var got *authz.Instruction
		testdb.OneStatement(t, "Instruction", func(ctx context.Context) (err error) {
			got, err = s.Instruction(ctx, "ERDR", other.Number, instr.Number)
			return err
		})
		if got == nil || *got != instr {
			t.Fatalf("instruction = %+v, want %+v", got, instr)
		}
		for _, k := range [][3]string{{"ERDR", erdr.Number, instr.Number}, {"AIS_SU", other.Number, instr.Number}, {"ERDR", other.Number, "75-00-24/0413"}} {
			if in, err := s.Instruction(ctx, k[0], k[1], k[2]); in != nil || err != nil {
				t.Fatalf("instruction %v = %+v, %v; want none", k, in, err)
			}
		}
		if ins, err := s.InstructionsOfExecutor(ctx, idle); err != nil || len(ins) != 1 || ins[0] != instr {
			t.Fatalf("instructions of executor = %+v, %v", ins, err)
		}

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

		var gotS *authz.CourtSanction
		testdb.OneStatement(t, "CourtSanction", func(ctx context.Context) (err error) {
			gotS, err = s.CourtSanction(ctx, sanction.Number)
			return err
		})
		if gotS == nil || *gotS != sanction {
			t.Fatalf("sanction = %+v, want %+v", gotS, sanction)
		}
		if cs, err := s.CourtSanction(ctx, "7591-24-00-1с/016"); cs != nil || err != nil {
			t.Fatalf("unknown sanction = %+v, %v", cs, err)
		}
		for _, iin := range []sio.IIN{investigator, partner} {
			if ss, err := s.SanctionsOfUser(ctx, iin); err != nil || len(ss) != 1 || ss[0] != sanction {
				t.Fatalf("sanctions of %s = %+v, %v", iin, ss, err)
			}
		}
		if ss, err := s.SanctionsOfUser(ctx, bailiff); err != nil || len(ss) != 0 {
			t.Fatalf("sanctions of the bailiff = %+v, %v", ss, err)
		}

		if n, err := s.Count(ctx); err != nil || n != 5 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := caseregistry.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
