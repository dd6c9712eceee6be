package resolvers

import (
	"context"
	"time"

	"sio"
	"sio/authz"
	"sio/graph/model"
)

type queryResolver struct{ *Resolver }

func (r *Resolver) principal(ctx context.Context) (*authz.Principal, error) {
	p := authz.PrincipalFrom(ctx)
	if p == nil || p.User == nil {
		return nil, sio.Errorf(sio.EUNAUTHENTICATED, "authentication required")
	}
	return p, nil
}

func (r *Resolver) role(code string) *model.Role {
	if pr, ok := r.Enforcer.Policy.Role(code); ok {
		return r.roleModel(pr)
	}
	return &model.Role{Code: code}
}

func (r *Resolver) me(p *authz.Principal) *model.Me {
	u := p.User
	m := &model.Me{Iin: u.IIN, FullName: u.FullName, Role: r.role(u.RoleCode), Agency: u.AgencyCode,
		Position: u.Position, AgreementSigned: u.AgreementSignedAt != nil, Blocked: u.Blocked, AuthenticatedVia: p.Via}
	if u.AgreementSignedAt != nil {
		at := u.AgreementSignedAt.Format(time.RFC3339)
		m.AgreementSignedAt = &at
	}
	return m
}

func (r *queryResolver) Me(ctx context.Context) (*model.Me, error) {
	p, err := r.principal(ctx)
	if err != nil {
		return nil, err
	}
	return r.me(p), nil
}

func (r *queryResolver) SandboxUsers(ctx context.Context) ([]model.SandboxUser, error) {
	if !r.Sandbox {
		return nil, &sio.Error{Code: sio.EFORBIDDEN, Reason: "SANDBOX_ONLY", Message: "sandboxUsers is available in sandbox mode only"}
	}
	users, err := r.Users.ListUsers(ctx)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	cases := r.Enforcer.Cases
	p := r.Enforcer.Policy
	out := make([]model.SandboxUser, len(users))
	for i, u := range users {
		su := model.SandboxUser{Iin: u.IIN, FullName: u.FullName, Role: r.role(u.RoleCode), Agency: u.AgencyCode,
			Position: u.Position, Blocked: u.Blocked, AgreementSigned: u.AgreementSignedAt != nil, Bases: []string{}}
		for _, b := range p.Bases {
			if _, ok := p.RoleBasis(u.RoleCode, b.Code); ok && p.Requestable(b.Code) {
				su.Bases = append(su.Bases, b.Code)
			}
		}
		if su.Cases, err = cases.CasesOfUser(ctx, u.IIN); err == nil {
			if su.Instructions, err = cases.InstructionsOfExecutor(ctx, u.IIN); err == nil {
				if su.LegalAssistance, err = cases.LegalAssistanceOfExecutor(ctx, u.IIN); err == nil {
					su.CourtSanctions, err = cases.SanctionsOfUser(ctx, u.IIN)
				}
			}
		}
		if err != nil {
			// The case registries (ЕРДР, АИС СУ, АИС ОИП, ЕАИАС, ORD): the
			// store that failed is named in the logged cause.
			return nil, r.source(ctx, "case registries", err)
		}
		su.Cases, su.Instructions = nonNil(su.Cases), nonNil(su.Instructions)
		su.LegalAssistance, su.CourtSanctions = nonNil(su.LegalAssistance), nonNil(su.CourtSanctions)
		out[i] = su
	}
	return out, nil
}

func (r *queryResolver) Inquiry(ctx context.Context, basis model.BasisInput) (*authz.Inquiry, error) {
	return r.OpenInquiry(ctx, basis)
}
