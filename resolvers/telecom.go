package resolvers

import (
	"context"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// БД «Казахтелеком»: the FixedLineSubscription type and the fields it adds
// to Person, LegalEntity and Inquiry.

var fixedLinesOfSubscriber = loaders.Define[string, []sio.FixedLineSubscription]("kazakhtelecom.ofSubscriber")

// kzPhonePattern is a Kazakh number in E.164: +7, then 7 (the country's
// area and mobile codes all start with 7) and nine digits.
var kzPhonePattern = regexp.MustCompile(`^\+77\d{9}$`)

// parseKazakhPhone normalises a phone number written as +7 727 250 12 34,
// 8 (727) 250-12-34, 87272501234, 77272501234 or 7272501234 to E.164.
func parseKazakhPhone(arg, value string) (string, error) {
	v := strings.NewReplacer(" ", "", "-", "", "(", "", ")", "", "\u00a0", "").Replace(strings.TrimSpace(value))
	switch {
	case len(v) == 11 && v[0] == '8':
		v = "+7" + v[1:]
	case len(v) == 11 && v[0] == '7':
		v = "+" + v
	case len(v) == 10:
		v = "+7" + v
	}
	if !kzPhonePattern.MatchString(v) {
		return "", badInput(arg, "expected a Kazakh phone number such as +7 727 250 12 34")
	}
	return v, nil
}

func (r *personResolver) FixedLineSubscriptions(ctx context.Context, obj *sio.Person) ([]sio.FixedLineSubscription, error) {
	cs, err := fixedLinesOfSubscriber.Load(ctx, r.FixedLineRegistry.SubscriptionsBySubscriber, string(obj.IIN))
	return cs, r.source(ctx, "kazakhtelecom", err)
}

func (r *legalEntityResolver) FixedLineSubscriptions(ctx context.Context, obj *sio.LegalEntity) ([]sio.FixedLineSubscription, error) {
	cs, err := fixedLinesOfSubscriber.Load(ctx, r.FixedLineRegistry.SubscriptionsBySubscriber, string(obj.BIN))
	return cs, r.source(ctx, "kazakhtelecom", err)
}

func (r *inquiryResolver) FixedLineSubscriptions(ctx context.Context, _ *authz.Inquiry, phoneNumber string) ([]sio.FixedLineSubscription, error) {
	phone, err := parseKazakhPhone("phoneNumber", phoneNumber)
	if err != nil {
		return nil, err
	}
	m, err := r.FixedLineRegistry.SubscriptionsByPhone(ctx, []string{phone})
	if err != nil {
		return nil, r.source(ctx, "kazakhtelecom", err)
	}
	return m[phone], nil
}

type fixedLineSubscriptionResolver struct{ *Resolver }

func (r *fixedLineSubscriptionResolver) SubscriberPerson(ctx context.Context, obj *sio.FixedLineSubscription) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.SubscriberID, obj.SubscriberKind)
}

func (r *fixedLineSubscriptionResolver) SubscriberLegalEntity(ctx context.Context, obj *sio.FixedLineSubscription) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.SubscriberID, obj.SubscriberKind)
}
