package resolvers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The register of restrictions: the fields it adds to RealEstate, LandPlot,
// LegalEntity and Person, and the write services under
// Mutation.inquiryAction.

// restrictionsOf batches the lookups of each type of restriction.
var restrictionsOf = map[sio.RestrictionType]*loaders.Def[string, []sio.Restriction]{
	sio.RestrictionRealEstateBan:    loaders.Define[string, []sio.Restriction]("restrictions.realEstate"),
	sio.RestrictionLandEncumbrance:  loaders.Define[string, []sio.Restriction]("restrictions.landPlot"),
	sio.RestrictionLegalEntityBan:   loaders.Define[string, []sio.Restriction]("restrictions.legalEntity"),
	sio.RestrictionParticipationBan: loaders.Define[string, []sio.Restriction]("restrictions.participation"),
}

var (
	restrictionIDPattern = regexp.MustCompile(`^(RE|LP|LE|PP)-S?\d{7,8}$`)
	clientKeyPattern     = regexp.MustCompile(`^[A-Za-z0-9._:-]{8,64}$`)
)

// Bounds of a change's reason (runes).
const (
	minReason = 3
	maxReason = 1000
)

func (r *Resolver) restrictions(ctx context.Context, typ sio.RestrictionType, object string) ([]sio.Restriction, error) {
	rs, err := restrictionsOf[typ].Load(ctx, func(ctx context.Context, objects []string) (map[string][]sio.Restriction, error) {
		return r.Restrictions.RestrictionsOf(ctx, typ, objects)
	}, object)
	return rs, r.source(ctx, "restrictions", err)
}

func (r *realEstateResolver) Restrictions(ctx context.Context, obj *sio.RealEstate) ([]sio.Restriction, error) {
	return r.restrictions(ctx, sio.RestrictionRealEstateBan, obj.CadastralNumber)
}

func (r *landPlotResolver) Encumbrances(ctx context.Context, obj *sio.LandPlot) ([]sio.Restriction, error) {
	return r.restrictions(ctx, sio.RestrictionLandEncumbrance, obj.CadastralNumber)
}

func (r *legalEntityResolver) Restrictions(ctx context.Context, obj *sio.LegalEntity) ([]sio.Restriction, error) {
	return r.restrictions(ctx, sio.RestrictionLegalEntityBan, string(obj.BIN))
}

func (r *personResolver) ParticipationBans(ctx context.Context, obj *sio.Person) ([]sio.Restriction, error) {
	return r.restrictions(ctx, sio.RestrictionParticipationBan, string(obj.IIN))
}

// InquiryAction opens the basis exactly as Query.inquiry does.
func (r *mutationResolver) InquiryAction(ctx context.Context, basis model.BasisInput) (*authz.Inquiry, error) {
	return (&queryResolver{r.Resolver}).Inquiry(ctx, basis)
}

type inquiryActionResolver struct{ *Resolver }

func (r *inquiryActionResolver) BanRealEstate(ctx context.Context, obj *authz.Inquiry, cadastralNumber, reason, clientKey string) (*sio.Restriction, error) {
	return imposeOnCadastral(ctx, r, obj, sio.RestrictionRealEstateBan, cadastralNumber, reason, clientKey,
		r.RealEstateRegistry.PropertiesByNumber, "Регистр недвижимости", "real_estate")
}

func (r *inquiryActionResolver) LiftRealEstateBan(ctx context.Context, obj *authz.Inquiry, id, reason, clientKey string) (*sio.Restriction, error) {
	return r.lift(ctx, obj, sio.RestrictionRealEstateBan, id, reason, clientKey)
}

func (r *inquiryActionResolver) BanLegalEntity(ctx context.Context, obj *authz.Inquiry, bin sio.BIN, reason, clientKey string) (*sio.Restriction, error) {
	return r.impose(ctx, obj, sio.RestrictionLegalEntityBan, string(bin), reason, clientKey, func(ctx context.Context) error {
		return mustExist(ctx, r.Resolver, r.EntityRegistry.EntitiesByBIN, bin, "bin", "ГБД ЮЛ", "gbd_ul")
	})
}

func (r *inquiryActionResolver) LiftLegalEntityBan(ctx context.Context, obj *authz.Inquiry, id, reason, clientKey string) (*sio.Restriction, error) {
	return r.lift(ctx, obj, sio.RestrictionLegalEntityBan, id, reason, clientKey)
}

func (r *inquiryActionResolver) BanPersonParticipation(ctx context.Context, obj *authz.Inquiry, iin sio.IIN, reason, clientKey string) (*sio.Restriction, error) {
	return r.impose(ctx, obj, sio.RestrictionParticipationBan, string(iin), reason, clientKey, func(ctx context.Context) error {
		return mustExist(ctx, r.Resolver, r.PersonRegistry.PersonsByIIN, iin, "iin", "ГБД ФЛ", "gbd_fl")
	})
}

func (r *inquiryActionResolver) LiftPersonParticipationBan(ctx context.Context, obj *authz.Inquiry, id, reason, clientKey string) (*sio.Restriction, error) {
	return r.lift(ctx, obj, sio.RestrictionParticipationBan, id, reason, clientKey)
}

func (r *inquiryActionResolver) EncumberLandPlot(ctx context.Context, obj *authz.Inquiry, cadastralNumber, reason, clientKey string) (*sio.Restriction, error) {
	return imposeOnCadastral(ctx, r, obj, sio.RestrictionLandEncumbrance, cadastralNumber, reason, clientKey,
		r.LandRegistry.PlotsByNumber, "Земельный участок", "land_cadastre")
}

func (r *inquiryActionResolver) LiftLandEncumbrance(ctx context.Context, obj *authz.Inquiry, id, reason, clientKey string) (*sio.Restriction, error) {
	return r.lift(ctx, obj, sio.RestrictionLandEncumbrance, id, reason, clientKey)
}

// imposeOnCadastral imposes a restriction on an object of a cadastral
// register (real estate, land plots), found by fetch.
func imposeOnCadastral[V any](ctx context.Context, r *inquiryActionResolver, inq *authz.Inquiry, typ sio.RestrictionType, cadastralNumber, reason, clientKey string,
	fetch func(context.Context, []string) (map[string]V, error), register, store string) (*sio.Restriction, error) {
	n, err := parseCadastral(cadastralNumber)
	if err != nil {
		return nil, err
	}
	return r.impose(ctx, inq, typ, n, reason, clientKey, func(ctx context.Context) error {
		return mustExist(ctx, r.Resolver, fetch, n, "cadastralNumber", register, store)
	})
}

// mustExist looks key up in its register: NOT_FOUND naming arg if the
// register does not hold it.
func mustExist[K comparable, V any](ctx context.Context, r *Resolver, fetch func(context.Context, []K) (map[K]V, error), key K, arg, register, store string) error {
	m, err := fetch(ctx, []K{key})
	if err != nil {
		return r.source(ctx, store, err)
	}
	if _, ok := m[key]; !ok {
		return &sio.Error{Code: sio.ENOTFOUND, Argument: arg, Message: fmt.Sprintf("%s: %v is not registered in %s", arg, key, register)}
	}
	return nil
}

// impose validates the request, checks that the object exists and records
// the restriction.
func (r *inquiryActionResolver) impose(ctx context.Context, inq *authz.Inquiry, typ sio.RestrictionType, object, reason, clientKey string,
	exists func(context.Context) error) (*sio.Restriction, error) {
	c, err := r.changeRequest(inq, reason, clientKey)
	if err != nil {
		return nil, err
	}
	if err := exists(ctx); err != nil {
		return nil, err
	}
	rs, err := r.Restrictions.Impose(ctx, sio.ImposeRequest{Type: typ, ObjectID: object,
		AuthorityRu: r.agencyName(inq.User.AgencyCode), ChangeRequest: c})
	return rs, r.source(ctx, "restrictions", err)
}

// lift validates the request and lifts the restriction.
func (r *inquiryActionResolver) lift(ctx context.Context, inq *authz.Inquiry, typ sio.RestrictionType, id, reason, clientKey string) (*sio.Restriction, error) {
	rid, err := parseKey("id", id, 12, restrictionIDPattern, "a restriction ID such as RE-00001234 or RE-S0000012")
	if err != nil {
		return nil, err
	}
	c, err := r.changeRequest(inq, reason, clientKey)
	if err != nil {
		return nil, err
	}
	rs, err := r.Restrictions.Lift(ctx, sio.LiftRequest{Type: typ, ID: rid, ChangeRequest: c})
	return rs, r.source(ctx, "restrictions", err)
}

// changeRequest is who (the inquiry's verified official), when (now, UTC),
// under which basis and case, why and with which idempotency key.
func (r *inquiryActionResolver) changeRequest(inq *authz.Inquiry, reason, clientKey string) (sio.ChangeRequest, error) {
	reason = strings.TrimSpace(reason)
	if n := utf8.RuneCountInString(reason); n < minReason || n > maxReason {
		return sio.ChangeRequest{}, badInput("reason", "give the grounds of the change (%d to %d characters)", minReason, maxReason)
	}
	if !clientKeyPattern.MatchString(clientKey) {
		return sio.ChangeRequest{}, badInput("clientKey", "expected 8 to 64 characters of letters, digits, '.', '_', ':' and '-', e.g. a UUID")
	}
	c := sio.ChangeRequest{Official: *inq.User, At: time.Now().UTC(), Basis: inq.Basis, Reason: reason, ClientKey: clientKey}
	if inq.Case != nil {
		c.CaseRegistry, c.CaseNumber = inq.Case.Registry, inq.Case.Number
	}
	return c, nil
}

// agencyName is the policy's name of an agency, or its code.
// Interpretation: the authority of a restriction imposed through SIO is the
// official's agency (the unit is not in the account).
func (r *Resolver) agencyName(code string) string {
	for _, a := range r.Enforcer.Policy.Agencies {
		if a.Code == code {
			return a.NameRu
		}
	}
	return code
}
