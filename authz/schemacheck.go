package authz

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// ResolverFields lists "Type.field" for every field that has a resolver
// function, read by reflection from a gqlgen ResolverRoot: each method of
// the root (named after a GraphQL type) returns that type's resolver
// interface, whose methods are the Go-cased field names.
func ResolverFields(root any) map[string]bool {
	out := map[string]bool{}
	rt := reflect.TypeOf(root)
	for i := 0; i < rt.NumMethod(); i++ {
		m := rt.Method(i)
		if m.Type.NumOut() != 1 || m.Type.Out(0).Kind() != reflect.Interface {
			continue
		}
		it := m.Type.Out(0)
		for j := 0; j < it.NumMethod(); j++ {
			out[m.Name+"."+strings.ToLower(it.Method(j).Name)] = true
		}
	}
	return out
}

// CheckSchema enforces, at start-up, the rules that make access control
// fail closed:
//   - every field with a resolver, and every field of Query, Mutation and
//     Inquiry, carries @service or @system;
//   - every @service names a service of the policy;
//   - every @service field is nullable, so a denial nulls that field only;
//   - every @service argument or input field (a filter by a service's data)
//     names a service of the policy and is nullable (optional).
func CheckSchema(schema *ast.Schema, root any, p *Policy) error {
	resolved := ResolverFields(root)
	var problems []string
	// guarded checks a @service on a field, argument or input field: a
	// service of the policy, on a nullable type.
	guarded := func(coord, what string, d ast.DirectiveList, t *ast.Type) {
		svc := d.ForName("service")
		if svc == nil {
			return
		}
		for _, code := range serviceCodes(svc) {
			if _, ok := p.Service(code); !ok {
				problems = append(problems, fmt.Sprintf("%s: @service(code: %q) is not a service of the policy", coord, code))
			}
		}
		if t.NonNull {
			problems = append(problems, coord+": a @service "+what+" must be nullable")
		}
	}
	for _, def := range schema.Types {
		if def.Kind == ast.InputObject {
			for _, f := range def.Fields {
				guarded(def.Name+"."+f.Name, "argument or input field", f.Directives, f.Type)
			}
		}
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		rootType := def.Name == "Query" || def.Name == "Mutation" || def.Name == "Inquiry"
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			coord := def.Name + "." + f.Name
			for _, a := range f.Arguments {
				guarded(coord+"("+a.Name+":)", "argument or input field", a.Directives, a.Type)
			}
			svc, sys := f.Directives.ForName("service"), f.Directives.ForName("system")
			if (rootType || resolved[def.Name+"."+strings.ToLower(f.Name)]) && svc == nil && sys == nil {
				problems = append(problems, coord+": resolver field without @service or @system")
			}
			guarded(coord, "field", f.Directives, f.Type)
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return fmt.Errorf("authz: schema check failed:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// ServiceFields maps each service code to the schema coordinates
// ("Type.field") it guards, sorted.
func ServiceFields(schema *ast.Schema) map[string][]string {
	out := map[string][]string{}
	for _, def := range schema.Types {
		if def.Kind != ast.Object {
			continue
		}
		for _, f := range def.Fields {
			if svc := f.Directives.ForName("service"); svc != nil {
				seen := map[string]bool{}
				for _, code := range serviceCodes(svc) {
					if !seen[code] {
						seen[code] = true
						out[code] = append(out[code], def.Name+"."+f.Name)
					}
				}
			}
		}
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

// serviceCodes lists the services a @service directive names: its code and
// its depthCodes ("" for a missing code, so that it fails the check).
func serviceCodes(d *ast.Directive) []string {
	code := ""
	if a := d.Arguments.ForName("code"); a != nil && a.Value != nil {
		code = a.Value.Raw
	}
	out := []string{code}
	if a := d.Arguments.ForName("depthCodes"); a != nil && a.Value != nil {
		for _, c := range a.Value.Children {
			out = append(out, c.Value.Raw)
		}
	}
	return out
}
