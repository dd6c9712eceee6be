package authz_test

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"sio/authz"
)

const testSchema = `
directive @service(code: String!) on FIELD_DEFINITION
directive @system on FIELD_DEFINITION
type Query { inquiry: Inquiry @system  unguarded: String }
type Inquiry { person: Person @service(code: "PERSONS") }
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
type inquiryResolver interface{ Person() any }
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
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing problem %q in:\n%v", want, err)
		}
	}
	for _, ok := range []string{"Person.name", "Person.cars", "Inquiry.person", "Query.inquiry"} {
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
