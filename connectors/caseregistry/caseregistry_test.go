package caseregistry_test

import (
	"context"
	"testing"

	"sio"
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
		testdb.Must(t, s.Insert(ctx, []sio.Case{erdr, aissu, oip, eaias}))
		testdb.Must(t, s.Assign(ctx, []caseregistry.Assignment{
			{Registry: "ERDR", Number: erdr.Number, IIN: investigator},
			{Registry: "ERDR", Number: erdr.Number, IIN: partner}, // investigative group
			{Registry: "AIS_SU", Number: aissu.Number, IIN: investigator},
			{Registry: "EAIAS", Number: eaias.Number, IIN: investigator},
			{Registry: "AIS_OIP", Number: oip.Number, IIN: bailiff},
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

		if n, err := s.Count(ctx); err != nil || n != 4 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := caseregistry.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
