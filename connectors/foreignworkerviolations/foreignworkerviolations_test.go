package foreignworkerviolations_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/foreignlabor"
	"sio/connectors/foreignworkerviolations"
	"sio/connectors/internal/fillertest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestViolations(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := foreignworkerviolations.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		firm := testdb.BIN(t, "2011-07-01", 4)
		fine := int64(7_384_000)
		v := func(protocol, passport, on string, f *int64, expelled bool) sio.ForeignWorkerViolation {
			return sio.ForeignWorkerViolation{ProtocolNumber: protocol, LastName: "KARIMOV", FirstName: "JASUR", BirthDate: sio.MustDate("1995-04-04"),
				Citizenship: "UZ", CitizenshipRu: "Республика Узбекистан", PassportNumber: passport, EmployerBIN: &firm, Article: "517-3",
				ArticleRu: "ч. 3 ст. 517 КоАП РК", DescriptionRu: "без разрешения", CommittedOn: sio.MustDate(on), RegionKATO: "79",
				Body: "СМАС г. Шымкента", DecidedOn: sio.MustDate(on), DecisionRu: "Штраф", FineTiyn: f, Expelled: expelled}
		}
		testdb.Must(t, s.Insert(ctx, []sio.ForeignWorkerViolation{
			v("23170000001", "FA1234567", "2023-05-05", nil, false),
			v("24170000002", "FA1234567", "2024-06-06", &fine, true),
			v("24170000003", "FA7654321", "2024-06-06", &fine, true),
		}))
		var byPassport map[string][]sio.ForeignWorkerViolation
		testdb.OneStatement(t, "ViolationsByPassport", func(ctx context.Context) (err error) {
			byPassport, err = s.ViolationsByPassport(ctx, []string{"FA1234567", "NONE"})
			return err
		})
		if vs := byPassport["FA1234567"]; len(byPassport) != 1 || len(vs) != 2 || vs[0].ProtocolNumber != "24170000002" ||
			vs[0].Fine().String() != "73840.00" || vs[1].Fine() != nil || !vs[0].Expelled || vs[0].Region().KATO != "79" {
			t.Fatalf("by passport (latest first) = %+v", byPassport)
		}
		var byEmployer map[sio.BIN][]sio.ForeignWorkerViolation
		testdb.OneStatement(t, "ViolationsByEmployer", func(ctx context.Context) (err error) {
			byEmployer, err = s.ViolationsByEmployer(ctx, []sio.BIN{firm})
			return err
		})
		if vs := byEmployer[firm]; len(vs) != 3 || vs[2].ProtocolNumber != "23170000001" {
			t.Fatalf("by employer = %+v", byEmployer)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, cfg := fillertest.Deterministic(t, 6000, func(cfg synth.Config) []sio.ForeignWorkerViolation {
		return fillertest.Fill(t, cfg, foreignworkerviolations.Open,
			fillertest.Rows[sio.ForeignWorkerViolation](`SELECT * FROM {violations} ORDER BY protocol_number`))
	})
	// The offenders with a permit are the workers of Иностранная рабочая сила.
	g := foreignlabor.NewGenerator(cfg.Seed)
	listed := map[string]sio.ForeignWorker{}
	employerOf := map[string]sio.BIN{}
	entities := map[sio.BIN]bool{}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		ps, ws := g.Batch(b)
		for _, p := range ps {
			employerOf[p.PermitNumber] = p.EmployerBIN
		}
		for _, w := range ws {
			listed[w.PassportNumber] = w
		}
		for _, e := range b.Entities {
			entities[e.BIN] = true
		}
		return nil
	}))
	today := synth.Today()
	articles := map[string]int{}
	for _, v := range a {
		articles[v.Article]++
		if !entities[*v.EmployerBIN] || v.CommittedOn.After(today.Time) || v.DecidedOn.Before(v.CommittedOn.Time) || v.DecidedOn.After(today.Time) {
			t.Fatalf("violation: %+v", v)
		}
		if v.Expelled && v.FineTiyn == nil || (v.FineTiyn == nil) != (v.DecisionRu == "Предупреждение") {
			t.Fatalf("decision: %+v", v)
		}
		if w, ok := listed[v.PassportNumber]; ok && (w.LastName != v.LastName || w.BirthDate != v.BirthDate) {
			t.Fatalf("a listed worker's offence under another name: %+v vs %+v", v, w)
		} else if !ok && v.DescriptionRu != "Осуществление иностранцем трудовой деятельности без разрешения местного исполнительного органа" {
			t.Fatalf("an offender without a permit must be one found working without it: %+v", v)
		}
	}
	if articles["517-1"] == 0 || articles["517-3"] == 0 {
		t.Fatalf("articles = %v", articles)
	}
}
