package gateway_test

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"sio/authz"
	"sio/gateway"
	"sio/graph"
)

// Every directive of the schema is implemented, every resolver field is
// guarded (the start-up check passes on the real schema), and every guarded
// service is a policy service.
func TestSchemaIsGuarded(t *testing.T) {
	g, err := gateway.Open(context.Background(), gateway.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	cfg := g.Schema()
	dv := reflect.ValueOf(cfg.Directives)
	for i := 0; i < dv.NumField(); i++ {
		if dv.Field(i).IsNil() {
			t.Errorf("directive %s is not implemented", dv.Type().Field(i).Name)
		}
	}
	es := graph.NewExecutableSchema(cfg)
	for name, d := range es.Schema().Directives {
		if d.Position != nil && d.Position.Src != nil && strings.HasPrefix(d.Position.Src.Name, "schema/") {
			if _, ok := dv.Type().FieldByName(strings.ToUpper(name[:1]) + name[1:]); !ok {
				t.Errorf("directive @%s has no implementation slot", name)
			}
		}
	}
	if err := authz.CheckSchema(es.Schema(), cfg.Resolvers, g.Policy); err != nil {
		t.Fatal(err)
	}
	fields := authz.ServiceFields(es.Schema())
	var codes []string
	for c := range fields {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, want := range []string{"CIVIL_REGISTRY", "LAND_PLOTS", "LEGAL_ENTITIES", "PERSONS", "REAL_ESTATE", "TAXPAYERS", "TAX_DEBTS", "VEHICLES"} {
		if len(fields[want]) == 0 {
			t.Errorf("no field guarded by %s (guarded: %v)", want, codes)
		}
	}
	if _, err := g.Handler(); err != nil {
		t.Fatal(err)
	}
}
