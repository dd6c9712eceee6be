package gateway_test

import (
	"testing"
	"time"

	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/gateway"
	"sio/internal/testdb"
	"sio/sqldb"
)

// TestEndToEndCaseRegistriesApart puts ЕРДР and ЕАИАС each on a PostgreSQL
// database of its own (--store-dsn erdr=..., eaias=...), the other stores on
// a third: the stores live where their DSN says and nowhere else, the seed
// splits the records among them, and through HTTP an inquiry on a case of
// each registry opens with one statement on that registry's store only,
// reads a person, and a court sanction (ЕАИАС) on a criminal case (ЕРДР)
// attaches across the two databases.
func TestEndToEndCaseRegistriesApart(t *testing.T) {
	main, erdrDSN, eaiasDSN := testdb.NewPostgres(t), testdb.NewPostgres(t), testdb.NewPostgres(t)
	fx := newFixtureWith(t, gateway.Config{PostgresDSN: main, Sandbox: true,
		StoreDSN: map[string]string{caseregistry.NameERDR: erdrDSN, caseregistry.NameEAIAS: eaiasDSN}})
	g := fx.g

	// Each store is in the database its DSN names, in its own schema.
	database := func(st interface{ DB() *sqldb.DB }) string {
		return one[string](t, st.DB(), `SELECT current_database()`)
	}
	home := database(g.Persons)
	if database(g.ERDR) == home || database(g.EAIAS) == home || database(g.ERDR) == database(g.EAIAS) {
		t.Fatalf("ЕРДР in %s, ЕАИАС in %s, the rest in %s: want three databases", database(g.ERDR), database(g.EAIAS), home)
	}
	for _, st := range []*caseregistry.Store{g.AISSU, g.AISOIP, g.ORDRegister} {
		if database(st) != home {
			t.Fatalf("%s is in %s, want the default database %s", st.Registry().Name, database(st), home)
		}
	}
	schemas := func(st interface{ DB() *sqldb.DB }) int {
		return one[int](t, st.DB(), `SELECT COUNT(*) FROM pg_namespace WHERE nspname IN ('erdr', 'eaias', 'ais_su', 'ais_oip', 'ord_register', 'gbd_fl')`)
	}
	if n := schemas(g.Persons); n != 4 {
		t.Fatalf("the default database holds %d of the schemas gbd_fl, ais_su, ais_oip, ord_register (and not erdr, eaias): want 4", n)
	}
	if schemas(g.ERDR) != 1 || schemas(g.EAIAS) != 1 {
		t.Fatal("the databases of ЕРДР and ЕАИАС hold other stores' schemas")
	}
	// The seed split the records: each registry's cases in its store, the
	// instructions and international requests in ЕРДР, the sanctions in
	// ЕАИАС.
	for _, st := range g.Cases.Stores() {
		if n := one[int](t, st.DB(), `SELECT COUNT(*) FROM {cases}`); n == 0 {
			t.Fatalf("the seed left %s without cases", st.Registry().Code)
		}
	}
	if one[int](t, g.ERDR.DB(), `SELECT COUNT(*) FROM {instructions}`) == 0 || one[int](t, g.ERDR.DB(), `SELECT COUNT(*) FROM {legal_assistance}`) == 0 ||
		one[int](t, g.EAIAS.DB(), `SELECT COUNT(*) FROM {court_sanctions}`) == 0 {
		t.Fatal("the seed left ЕРДР without instructions or international requests, or ЕАИАС without sanctions")
	}

	// An inquiry on a case of each registry, one statement on its store.
	person := one[string](t, g.Persons.DB(), `SELECT iin FROM {persons} ORDER BY iin LIMIT 1`)
	const q = `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { via case { number } courtSanction { number caseNumber }
		person(iin: $iin) { iin } } }`
	done := map[string]bool{}
	sanctioned := false
	for _, o := range fx.officials(t) {
		rule, _ := g.Policy.Request(o.Basis)
		if !g.Policy.Decide(o.Role, o.Basis, "PERSONS").Allowed || (done[rule.Registry] && (o.Sanction == "" || sanctioned)) {
			continue
		}
		before := statementsByStore(t, fx)
		r := fx.post(t, o.IIN, q, map[string]any{"b": o.basis(), "iin": person})
		after := statementsByStore(t, fx)
		if len(r.Errors) > 0 || get(r.Data, "inquiry.case.number") != o.Case || get(r.Data, "inquiry.person.iin") != person {
			t.Fatalf("%s under %s, case %s of %s: %s", o.Role, o.Basis, o.Case, rule.Registry, r.Raw)
		}
		for _, reg := range caseregistry.All {
			want := 0.0
			if reg.Code == rule.Registry {
				want = 1
			}
			if o.Sanction != "" && reg.Sanctions {
				want++
			}
			if got := after[reg.Name] - before[reg.Name]; got != want {
				t.Fatalf("an inquiry on a case of %s (sanction %q) took %v statements on %s, want %v", rule.Registry, o.Sanction, got, reg.Name, want)
			}
		}
		if o.Sanction != "" {
			if rule.Registry != authz.RegistryERDR || get(r.Data, "inquiry.courtSanction.number") != o.Sanction ||
				get(r.Data, "inquiry.courtSanction.caseNumber") != o.Case {
				t.Fatalf("sanction %s on %s case %s: %s", o.Sanction, rule.Registry, o.Case, r.Raw)
			}
			sanctioned = true
		}
		done[rule.Registry] = true
	}
	for _, reg := range []string{authz.RegistryERDR, authz.RegistryAISSU, authz.RegistryAISOIP, authz.RegistryEAIAS, authz.RegistryORD} {
		if !done[reg] {
			t.Errorf("no seeded official opened an inquiry on a case of %s", reg)
		}
	}
	if !sanctioned {
		t.Error("no seeded official named a court sanction")
	}

	// An instruction of ЕРДР still brings its case to its executor.
	for _, u := range fx.seeded(t).users {
		ins, err := g.Cases.InstructionsOfExecutor(testdb.Ctx(), u.IIN)
		testdb.Must(t, err)
		for _, in := range ins {
			if in.Kind != authz.InstructionInvestigative || in.Status != authz.InstructionOpen || in.DueAt.Before(synthToday()) ||
				u.Blocked || u.AgreementSignedAt == nil {
				continue
			}
			inq := fx.opened(t, u.IIN, map[string]any{"kind": "CRIMINAL_CASE", "caseNumber": in.CaseNumber, "justification": "исполнение поручения",
				"instruction": map[string]any{"kind": in.Kind, "number": in.Number}})
			if inq["via"] != authz.ViaInstruction || get(inq, "case.number") != in.CaseNumber {
				t.Fatalf("instruction %s: %v", in.Number, inq)
			}
			return
		}
	}
	t.Fatal("no open investigative instruction in the seed")
}

// TestCaseRegistryStoreNames: every registry is a store the flags can name,
// and a DSN or a timeout for a store that does not exist (such as the
// case_registry of before the split) is refused.
func TestCaseRegistryStoreNames(t *testing.T) {
	names := map[string]bool{}
	for _, n := range gateway.StoreNames() {
		names[n] = true
	}
	for _, reg := range caseregistry.All {
		if !names[reg.Name] {
			t.Errorf("store %s of %s is not in gateway.StoreNames", reg.Name, reg.Code)
		}
	}
	if names["case_registry"] {
		t.Error("the shared case_registry store is still listed")
	}
	ctx := testdb.Ctx()
	for _, cfg := range []gateway.Config{
		{DataDir: t.TempDir(), StoreDSN: map[string]string{"case_registry": "host=127.0.0.1 dbname=x"}},
		{DataDir: t.TempDir(), StoreTimeouts: map[string]time.Duration{"case_registry": time.Second}},
	} {
		if g, err := gateway.Open(ctx, cfg); err == nil {
			g.Close()
			t.Errorf("a gateway opened with settings for an unknown store: %+v", cfg)
		}
	}
	if got := gateway.StoreConfig(gateway.Config{StoreDSN: map[string]string{caseregistry.NameEAIAS: "dbname=courts"},
		StoreTimeouts: map[string]time.Duration{caseregistry.NameEAIAS: 15 * time.Second}}, caseregistry.NameEAIAS); got.PostgresDSN != "dbname=courts" ||
		got.Timeout != 15*time.Second || got.Name != caseregistry.NameEAIAS {
		t.Errorf("ЕАИАС store config %+v", got)
	}
}
