package authz_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"sio"
	"sio/authz"
)

const testSchema = `
directive @service(code: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
directive @system on FIELD_DEFINITION
type Query { inquiry: Inquiry @system  unguarded: String }
type Inquiry {
  person: Person @service(code: "PERSONS")
  persons(filter: PersonFilter, armed: Boolean @service(code: "WEAPONS"), strictArg: Boolean! @service(code: "WEAPONS"),
    bogusArg: Int @service(code: "NO_SUCH_FILTER")): [Person] @service(code: "PERSONS")
}
input PersonFilter {
  name: String
  hasWeapon: Boolean @service(code: "WEAPONS")
  car: String! @service(code: "VEHICLES")
}
type Person {
  name: String
  cars: [String] @service(code: "VEHICLES")
  secret: String
  strict: String! @service(code: "VEHICLES")
  bogus: String @service(code: "NO_SUCH_SERVICE")
}
`

// Resolver interfaces shaped like gqlgen's: the root's methods are named
// after types and return interfaces whose methods are the resolver fields.
type personResolver interface {
	Cars() []string
	Secret() string
	Strict() string
	Bogus() string
}
type inquiryResolver interface {
	Person() any
	Persons() any
}
type queryResolver interface {
	Inquiry() any
	Unguarded() string
}
type root struct{}

func (root) Person() personResolver   { return nil }
func (root) Inquiry() inquiryResolver { return nil }
func (root) Query() queryResolver     { return nil }

func TestCheckSchemaFailsClosed(t *testing.T) {
	p, err := authz.Load()
	if err != nil {
		t.Fatal(err)
	}
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "t.graphqls", Input: testSchema})
	err = authz.CheckSchema(schema, root{}, p)
	if err == nil {
		t.Fatal("CheckSchema accepted a schema with unguarded resolver fields")
	}
	for _, want := range []string{
		"Query.unguarded: resolver field without @service or @system",
		"Person.secret: resolver field without @service or @system",
		"Person.strict: a @service field must be nullable",
		`Person.bogus: @service(code: "NO_SUCH_SERVICE") is not a service of the policy`,
		"Inquiry.persons(strictArg:): a @service argument or input field must be nullable",
		`Inquiry.persons(bogusArg:): @service(code: "NO_SUCH_FILTER") is not a service of the policy`,
		"PersonFilter.car: a @service argument or input field must be nullable",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing problem %q in:\n%v", want, err)
		}
	}
	for _, ok := range []string{"Person.name", "Person.cars", "Inquiry.person", "Query.inquiry", "Inquiry.persons(armed:)",
		"PersonFilter.hasWeapon", "PersonFilter.name", "Inquiry.persons:"} {
		if strings.Contains(err.Error(), ok+":") {
			t.Errorf("%s reported but is fine:\n%v", ok, err)
		}
	}
	fields := authz.ServiceFields(schema)
	if got := strings.Join(fields["VEHICLES"], ","); got != "Person.cars,Person.strict" {
		t.Errorf("ServiceFields[VEHICLES] = %s", got)
	}
}

func TestFieldGuardRefusesUnannotatedResolver(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "t.graphqls", Input: testSchema})
	person := schema.Types["Person"]
	called := false
	next := func(ctx context.Context) (any, error) { called = true; return "data", nil }
	run := func(field string, resolver bool) (any, error) {
		called = false
		fc := &graphql.FieldContext{Object: "Person", IsResolver: resolver,
			Field: graphql.CollectedField{Field: &ast.Field{Name: field, Definition: person.Fields.ForName(field)}}}
		return authz.FieldGuard(graphql.WithFieldContext(context.Background(), fc), next)
	}
	if v, err := run("secret", true); err == nil || v != nil || called || !strings.Contains(err.Error(), "FORBIDDEN") {
		t.Fatalf("unannotated resolver field: v=%v err=%v called=%v", v, err, called)
	}
	if v, err := run("cars", true); err != nil || v != "data" {
		t.Fatalf("annotated resolver field refused: %v", err)
	}
	if v, err := run("name", false); err != nil || v != "data" {
		t.Fatalf("plain field of a loaded record refused: %v", err)
	}
}

// TestServiceDirectiveOnFilters: a filter by a service's data is checked
// like reading the service, when it is given.
func TestServiceDirectiveOnFilters(t *testing.T) {
	p, err := authz.Load()
	if err != nil {
		t.Fatal(err)
	}
	e := &authz.Enforcer{Policy: p}
	signed := time.Now()
	inq := func(role, agency string) context.Context {
		in := &authz.Inquiry{Basis: "PRIMARY_CHECK", User: &sio.User{RoleCode: role, AgencyCode: agency, AgreementSignedAt: &signed}}
		ctx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{Result: in})
		return graphql.WithFieldContext(ctx, &graphql.FieldContext{})
	}
	args := map[string]any{"armed": true}
	value := func(v any) graphql.Resolver { return func(context.Context) (any, error) { return v, nil } }
	var none *bool
	cases := []struct {
		name   string
		ctx    context.Context
		v      any
		reason string
	}{
		// WEAPONS under a primary check is MVD_ONLY (seed 000 App.2 row 6).
		{"MVD filters by weapons", inq("INVESTIGATOR_INTERNAL_AFFAIRS", "MVD"), true, ""},
		{"the prosecutor's office may not", inq("PROSECUTOR", "PROSECUTOR_OFFICE"), true, authz.ReasonAgencyOnly},
		{"a filter not given is not checked", inq("PROSECUTOR", "PROSECUTOR_OFFICE"), nil, ""},
		{"a nil pointer is not given", inq("PROSECUTOR", "PROSECUTOR_OFFICE"), none, ""},
		{"a service without a rule", inq("PROSECUTOR", "PROSECUTOR_OFFICE"), "X", authz.ReasonServiceNotAllowedForBasis},
		{"outside an inquiry", context.Background(), true, authz.ReasonNoInquiry},
	}
	for _, c := range cases {
		code := "WEAPONS"
		if c.name == "a service without a rule" {
			code = "REAL_ESTATE"
		}
		v, err := e.ServiceDirective(c.ctx, args, value(c.v), code, nil)
		if c.reason == "" {
			if err != nil || v != c.v {
				t.Errorf("%s: %v, %v", c.name, v, err)
			}
			continue
		}
		if se, ok := err.(*sio.Error); !ok || se.Reason != c.reason || v != nil {
			t.Errorf("%s: %v, %v; want %s", c.name, v, err, c.reason)
		}
	}
}
