package resolvers

import (
	"context"

	"sio/audit"
	"sio/authz"
	"sio/graph/model"
)

// BasisRequest converts the GraphQL basis of an inquiry into the request
// the enforcer verifies. Every field that opens a basis (Query.inquiry,
// mutations under a basis) goes through it and OpenInquiry.
func BasisRequest(in model.BasisInput) authz.BasisRequest {
	req := authz.BasisRequest{Kind: in.Kind, CaseNumber: deref(in.CaseNumber), Court: deref(in.Court),
		CourtSanction: deref(in.CourtSanction), Justification: deref(in.Justification)}
	if in.Year != nil {
		req.Year = *in.Year
	}
	if i := in.Instruction; i != nil {
		req.Instruction = &authz.InstructionRequest{Kind: string(i.Kind), Number: deref(i.Number),
			RequestingBody: deref(i.RequestingBody), CoverLetterNumber: deref(i.CoverLetterNumber)}
	}
	return req
}

// OpenInquiry opens an inquiry for the caller under the basis.
func (r *Resolver) OpenInquiry(ctx context.Context, in model.BasisInput) (*authz.Inquiry, error) {
	req := BasisRequest(in)
	// The record names the basis claimed, granted or not.
	audit.TrailFrom(ctx).Basis(req.Kind, req.CaseNumber, req.Justification)
	return r.Enforcer.Open(ctx, authz.PrincipalFrom(ctx), req)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

// nonNil makes a nil slice empty: a non-null GraphQL list.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
