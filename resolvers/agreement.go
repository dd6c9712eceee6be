package resolvers

import (
	"context"
	"encoding/base64"
	"strings"
	"time"

	"sio"
	"sio/accounts"
	"sio/authz"
	"sio/graph/model"
)

// AgreementStore records signed usage agreements (accounts.Store).
type AgreementStore interface {
	SignAgreement(ctx context.Context, iin sio.IIN, at time.Time, sig accounts.Signature) error
}

type mutationResolver struct{ *Resolver }

// agreementText is the caller's agreement (seed 000 App.6 filled in).
func (r *Resolver) agreementText(u *sio.User) string {
	agency := u.AgencyCode
	for _, a := range r.Enforcer.Policy.Agencies {
		if a.Code == u.AgencyCode {
			agency = a.NameRu
		}
	}
	return authz.AgreementText(u.FullName, u.Position, agency)
}

func (r *queryResolver) Agreement(ctx context.Context) (*model.Agreement, error) {
	p, err := r.principal(ctx)
	if err != nil {
		return nil, err
	}
	text := r.agreementText(p.User)
	return &model.Agreement{TextRu: text, Sha256: authz.AgreementDigest(text), Source: authz.AgreementSource,
		SignedAt: r.me(p).AgreementSignedAt}, nil
}

// SignAgreement records the caller's signature of the usage agreement and
// its date (seed 000 §17). A blocked user may not sign; an agreement signed
// before stays signed at its first date. A caller authenticated by a client
// certificate must sign the text with the certificate's key; the sandbox's
// development user signs without a signature.
func (r *mutationResolver) SignAgreement(ctx context.Context, signature *string) (*model.Me, error) {
	p, err := r.principal(ctx)
	if err != nil {
		return nil, err
	}
	u := *p.User
	if u.Blocked {
		return nil, &sio.Error{Code: sio.EFORBIDDEN, Reason: authz.ReasonUserBlocked, Source: "000 §12, §14, §45", Message: "the user is blocked"}
	}
	if u.AgreementSignedAt != nil {
		return r.me(p), nil
	}
	var sig accounts.Signature
	switch p.Via {
	case authz.ViaMTLS:
		raw := strings.TrimSpace(deref(signature))
		if raw == "" {
			return nil, badInput("signature", "required: the base64 signature of agreement.textRu with your certificate's key")
		}
		b, err := base64.StdEncoding.DecodeString(raw)
		if err != nil {
			return nil, badInput("signature", "not base64")
		}
		if err := p.VerifySignature([]byte(r.agreementText(&u)), b); err != nil {
			return nil, badInput("signature", "does not verify with the key of your certificate over agreement.textRu")
		}
		sig = accounts.Signature{Value: b, Certificate: authz.CertificateID(p.Certificate)}
	case authz.ViaSandboxHeader:
		// The sandbox's development user has no key: the signature is
		// recorded as given, unverified.
		sig.Value = []byte(deref(signature))
	default:
		return nil, sio.Errorf(sio.EUNAUTHENTICATED, "signing needs an authenticated caller")
	}
	now := r.Enforcer.Now
	at := time.Now()
	if now != nil {
		at = now()
	}
	if err := r.Agreements.SignAgreement(ctx, u.IIN, at, sig); err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	at = at.UTC().Truncate(time.Microsecond)
	u.AgreementSignedAt = &at
	return r.me(&authz.Principal{User: &u, Via: p.Via}), nil
}
