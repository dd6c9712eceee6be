package resolvers

import (
	"context"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Почтовые отправления: the PostalItem type and the fields it adds to
// Person, LegalEntity and Inquiry.

var postalItemsOfParty = loaders.Define[string, []sio.PostalItem]("kazpost.itemsOfParty")

// s10Pattern is the shape of an S10 tracking number; the check digit is
// verified separately.
var s10Pattern = regexp.MustCompile(`^[A-Z]{2}\d{9}[A-Z]{2}$`)

func (r *personResolver) PostalItems(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.PostalItemConnection, error) {
	return loadPostalItems(ctx, r.Resolver, string(obj.IIN), first, after)
}

func (r *legalEntityResolver) PostalItems(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.PostalItemConnection, error) {
	return loadPostalItems(ctx, r.Resolver, string(obj.BIN), first, after)
}

func loadPostalItems(ctx context.Context, r *Resolver, party string, first *int, after *string) (*model.PostalItemConnection, error) {
	items, err := postalItemsOfParty.Load(ctx, r.PostalRegistry.ItemsByParty, party)
	if err != nil {
		return nil, r.source(ctx, "kazpost", err)
	}
	return connect(items, first, after,
		func(c string, n *sio.PostalItem) model.PostalItemEdge {
			return model.PostalItemEdge{Cursor: c, Node: n}
		},
		func(e []model.PostalItemEdge, p *model.PageInfo, t int) *model.PostalItemConnection {
			return &model.PostalItemConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *inquiryResolver) PostalItem(ctx context.Context, _ *authz.Inquiry, trackingNumber string) (*sio.PostalItem, error) {
	// Written as printed on the label, often with spaces: RR 123 456 785 KZ.
	n, err := parseKey("trackingNumber", strings.ReplaceAll(trackingNumber, " ", ""), 13, s10Pattern, "an S10 number such as RR123456785KZ")
	if err != nil {
		return nil, err
	}
	if !sio.ValidTrackingNumber(n) {
		return nil, badInput("trackingNumber", "the S10 check digit (11th character) is wrong")
	}
	m, err := r.PostalRegistry.ItemsByTracking(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "kazpost", err)
	}
	return m[n], nil
}
