package resolvers

import (
	"context"

	"sio"
	"sio/authz"
	"sio/graph/model"
)

type queryResolver struct{ *Resolver }

func (r *queryResolver) principal(ctx context.Context) (*authz.Principal, error) {
	p := authz.PrincipalFrom(ctx)
	if p == nil || p.User == nil {
		return nil, sio.Errorf(sio.EUNAUTHENTICATED, "authentication required")
	}
	return p, nil
}

func (r *queryResolver) role(code string) *model.Role {
	role := &model.Role{Code: code}
	if pr, ok := r.Enforcer.Policy.Role(code); ok {
		role.NameRu = pr.NameRu
	}
	return role
}

func (r *queryResolver) Me(ctx context.Context) (*model.Me, error) {
	p, err := r.principal(ctx)
	if err != nil {
		return nil, err
	}
	u := p.User
	return &model.Me{Iin: u.IIN, FullName: u.FullName, Role: r.role(u.RoleCode), Agency: u.AgencyCode,
		Position: u.Position, AgreementSigned: u.AgreementSignedAt != nil, Blocked: u.Blocked}, nil
}

func (r *queryResolver) SandboxUsers(ctx context.Context) ([]model.SandboxUser, error) {
	if !r.Sandbox {
		return nil, &sio.Error{Code: sio.EFORBIDDEN, Reason: "SANDBOX_ONLY", Message: "sandboxUsers is available in sandbox mode only"}
	}
	users, err := r.Users.ListUsers(ctx)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	out := make([]model.SandboxUser, len(users))
	for i, u := range users {
		cases, err := r.Cases.CasesOfUser(ctx, u.IIN)
		if err != nil {
			return nil, r.source(ctx, "case_registry", err)
		}
		out[i] = model.SandboxUser{Iin: u.IIN, FullName: u.FullName, Role: r.role(u.RoleCode), Agency: u.AgencyCode,
			Blocked: u.Blocked, AgreementSigned: u.AgreementSignedAt != nil, Cases: cases}
	}
	return out, nil
}

func (r *queryResolver) Inquiry(ctx context.Context, basis model.BasisInput) (*authz.Inquiry, error) {
	req := authz.BasisRequest{Kind: basis.Kind}
	if basis.CaseNumber != nil {
		req.CaseNumber = *basis.CaseNumber
	}
	if basis.Year != nil {
		req.Year = *basis.Year
	}
	if basis.Court != nil {
		req.Court = *basis.Court
	}
	if basis.Justification != nil {
		req.Justification = *basis.Justification
	}
	return r.Enforcer.Open(ctx, authz.PrincipalFrom(ctx), req)
}
