package resolvers

import (
	"context"
	"regexp"
	"strings"
	"unicode"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Поиск адресов и контактных телефонов: ContactPhone, ContactAddress and the
// fields they add to Person, LegalEntity and Inquiry.

const contactsStore = "contacts"

var (
	phonesOf    = loaders.Define[string, []sio.ContactPhone]("contacts.phonesOf")
	addressesOf = loaders.Define[string, []sio.ContactAddress]("contacts.addressesOf")
)

func (r *personResolver) Phones(ctx context.Context, obj *sio.Person) ([]sio.ContactPhone, error) {
	return loadFrom(ctx, r.Resolver, contactsStore, phonesOf, r.ContactRegistry.PhonesByOwner, string(obj.IIN))
}

func (r *personResolver) ContactAddresses(ctx context.Context, obj *sio.Person) ([]sio.ContactAddress, error) {
	return loadFrom(ctx, r.Resolver, contactsStore, addressesOf, r.ContactRegistry.AddressesByOwner, string(obj.IIN))
}

func (r *legalEntityResolver) Phones(ctx context.Context, obj *sio.LegalEntity) ([]sio.ContactPhone, error) {
	return loadFrom(ctx, r.Resolver, contactsStore, phonesOf, r.ContactRegistry.PhonesByOwner, string(obj.BIN))
}

func (r *legalEntityResolver) ContactAddresses(ctx context.Context, obj *sio.LegalEntity) ([]sio.ContactAddress, error) {
	return loadFrom(ctx, r.Resolver, contactsStore, addressesOf, r.ContactRegistry.AddressesByOwner, string(obj.BIN))
}

// phonePattern: a Kazakh number with or without the country code (+7, 7 or
// the trunk prefix 8), once spaces, hyphens and brackets are dropped.
var phonePattern = regexp.MustCompile(`^(\+7|8|7)?(7\d{9})$`)

// parsePhone normalizes a phone number to E.164, "+77011234567".
func parsePhone(s string) (string, error) {
	n := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '(' || r == ')' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	m := phonePattern.FindStringSubmatch(n)
	if m == nil {
		return "", badInput("phone", "expected a Kazakh phone number, e.g. +7 701 123 45 67")
	}
	return "+7" + m[2], nil
}

func (r *inquiryResolver) PhoneHolders(ctx context.Context, _ *authz.Inquiry, phone string) ([]sio.ContactPhone, error) {
	n, err := parsePhone(phone)
	if err != nil {
		return nil, err
	}
	return lookupOne(ctx, r.Resolver, contactsStore, r.ContactRegistry.PhonesByNumber, n)
}

// MaxAddressResults bounds an address search.
const MaxAddressResults = 200

func (r *inquiryResolver) SearchAddresses(ctx context.Context, _ *authz.Inquiry, address string, first *int, after *string) (*model.ContactAddressConnection, error) {
	a := strings.TrimSpace(address)
	letters := 0
	for _, c := range a {
		if unicode.IsLetter(c) {
			letters++
		}
	}
	if len([]rune(a)) > 200 || letters < 4 {
		return nil, badInput("address", "give the address from the locality or the street on, e.g. «ул. Абая, д. 10» (at least 4 letters, at most 200 characters)")
	}
	as, err := r.ContactRegistry.SearchAddresses(ctx, a, MaxAddressResults+1)
	if err != nil {
		return nil, r.source(ctx, contactsStore, err)
	}
	as, truncated := capped(as, MaxAddressResults)
	return connect(as, first, after,
		func(c string, n *sio.ContactAddress) model.ContactAddressEdge {
			return model.ContactAddressEdge{Cursor: c, Node: n}
		},
		func(e []model.ContactAddressEdge, p *model.PageInfo, t int) *model.ContactAddressConnection {
			return &model.ContactAddressConnection{Edges: e, PageInfo: p, TotalCount: t, Truncated: truncated}
		})
}

type contactPhoneResolver struct{ *Resolver }

func (r *contactPhoneResolver) Person(ctx context.Context, obj *sio.ContactPhone) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *contactPhoneResolver) LegalEntity(ctx context.Context, obj *sio.ContactPhone) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

type contactAddressResolver struct{ *Resolver }

func (r *contactAddressResolver) Person(ctx context.Context, obj *sio.ContactAddress) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *contactAddressResolver) LegalEntity(ctx context.Context, obj *sio.ContactAddress) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}
