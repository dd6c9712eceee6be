package resolvers

import (
	"context"
	"strings"
	"sync"

	"sio/authz"
	"sio/graph"
	"sio/graph/model"
)

type policyResolver struct{ *Resolver }

// policyViews holds each compiled policy as GraphQL values, built once: a
// policy and the schema do not change while the server runs.
var policyViews sync.Map // *authz.Policy -> *model.Policy

func (r *queryResolver) Policy(ctx context.Context) (*model.Policy, error) {
	if v, ok := policyViews.Load(r.Enforcer.Policy); ok {
		return v.(*model.Policy), nil
	}
	v, _ := policyViews.LoadOrStore(r.Enforcer.Policy, r.policyModel())
	return v.(*model.Policy), nil
}

func sources(ss []authz.Source) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.String()
	}
	return strings.Join(out, ", ")
}

func (r *Resolver) roleModel(role authz.Role) *model.Role {
	return &model.Role{Code: role.Code, NameRu: norm(role.NameRu), Source: sources(role.Sources)}
}

// norm collapses whitespace: the seeds' own text, whitespace normalized.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

func (r *Resolver) policyModel() *model.Policy {
	p := r.Enforcer.Policy
	fields := authz.ServiceFields(graph.NewExecutableSchema(graph.Config{}).Schema())
	out := &model.Policy{}
	for _, role := range p.Roles {
		out.Roles = append(out.Roles, *r.roleModel(role))
	}
	for _, b := range p.Bases {
		rule, _ := p.Request(b.Code)
		pb := model.PolicyBasis{Code: b.Code, NameRu: norm(b.NameRu), Source: b.Source.String(), Parent: ptr(b.Parent),
			Requestable: p.Requestable(b.Code), Registry: rule.Registry, CaseNumber: rule.Case, Justification: rule.Justification,
			CourtData: rule.CourtData, RequestSource: rule.Ref, Instructions: []model.InstructionKind{}}
		for _, k := range rule.Instructions {
			pb.Instructions = append(pb.Instructions, model.InstructionKind(k))
		}
		out.Bases = append(out.Bases, pb)
	}
	for _, s := range p.Services {
		f := fields[s.Code]
		if f == nil {
			f = []string{}
		}
		out.Services = append(out.Services, model.PolicyService{Code: s.Code, Number: s.Number, NameRu: norm(s.NameRu), Fields: f})
	}
	for _, rb := range p.RoleBases {
		out.RoleBases = append(out.RoleBases, model.PolicyRoleBasis{Role: rb.Role, Basis: rb.Basis, Qualifier: ptr(rb.Qualifier),
			Source: rb.Source.String()})
	}
	for _, sr := range p.ServiceRules {
		out.ServiceRules = append(out.ServiceRules, model.PolicyServiceRule{Basis: sr.Basis, Service: sr.Service,
			Access: model.PolicyAccess(sr.Access), Source: sr.Source.String()})
	}
	return out
}

func (r *policyResolver) Decide(ctx context.Context, _ *model.Policy, role, basis, service string) (*model.PolicyDecision, error) {
	d := r.Enforcer.Policy.Decide(role, basis, service)
	out := &model.PolicyDecision{Allowed: d.Allowed, Reason: ptr(d.Reason), Source: ptr(d.Source.String())}
	if d.Allowed {
		a := model.PolicyAccess(d.Access)
		out.Access = &a
	}
	return out, nil
}
