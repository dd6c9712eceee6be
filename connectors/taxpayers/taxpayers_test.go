package taxpayers_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/taxpayers"
	"sio/internal/testdb"
	"sio/sqldb"
)

func TestTaxpayersByID(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := taxpayers.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.Close()

		person := testdb.IIN(t, "1979-02-28", sio.Male, 8)
		ip := testdb.IIN(t, "1992-06-15", sio.Female, 19)
		company := testdb.BIN(t, "2014-04-01", 33)
		missing := testdb.BIN(t, "2014-04-01", 900)
		testdb.Must(t, s.Insert(ctx, []sio.Taxpayer{
			{ID: string(person), Kind: sio.TaxpayerIndividual, TaxOfficeCode: "6007", TaxOfficeRu: "УГД по Медеускому району",
				RegisteredAt: sio.MustDate("1998-01-05"), Status: "ACTIVE", VATPayer: false},
			{ID: string(ip), Kind: sio.TaxpayerEntrepreneur, TaxOfficeCode: "6204", TaxOfficeRu: "УГД по району Байқоңыр",
				RegisteredAt: sio.MustDate("2016-09-12"), Status: "INACTIVE", VATPayer: false},
			{ID: string(company), Kind: sio.TaxpayerLegalEntity, TaxOfficeCode: "6007", TaxOfficeRu: "УГД по Медеускому району",
				RegisteredAt: sio.MustDate("2014-04-10"), Status: "ACTIVE", VATPayer: true},
		}))

		var st sqldb.Stats
		got, err := s.TaxpayersByID(sqldb.WithStats(ctx, &st), []string{string(person), string(company), string(ip), string(missing)})
		testdb.Must(t, err)
		if n := st.Statements.Load(); n != 1 {
			t.Fatalf("TaxpayersByID issued %d statements, want 1", n)
		}
		if len(got) != 3 || got[string(missing)] != nil {
			t.Fatalf("taxpayers = %v", got)
		}
		if p := got[string(person)]; p == nil || p.Kind != sio.TaxpayerIndividual || p.VATPayer || p.TaxOfficeRu != "УГД по Медеускому району" ||
			p.RegisteredAt.String() != "1998-01-05" {
			t.Fatalf("person = %+v", p)
		}
		if c := got[string(company)]; c == nil || c.Kind != sio.TaxpayerLegalEntity || !c.VATPayer || c.TaxOfficeCode != "6007" {
			t.Fatalf("company = %+v", c)
		}
		if e := got[string(ip)]; e == nil || e.Status != "INACTIVE" || e.VATPayer || e.TaxOfficeRu != "УГД по району Байқоңыр" {
			t.Fatalf("entrepreneur = %+v", e)
		}
		if n, err := s.Count(ctx); err != nil || n != 3 {
			t.Fatalf("Count = %d, %v", n, err)
		}
		s2, err := taxpayers.Open(ctx, cfg)
		testdb.Must(t, err)
		s2.Close()
	})
}
