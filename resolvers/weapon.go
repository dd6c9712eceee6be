package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// Зарегистрированное оружие: the Weapon type and the fields it adds to
// Person, LegalEntity and Inquiry.

var weaponsOfOwner = loaders.Define[string, []sio.Weapon]("weapons.ofOwner")

// serialPattern admits weapon serial numbers as engraved: Latin or Cyrillic
// letters and digits, optionally separated by hyphens.
var serialPattern = regexp.MustCompile(`^[0-9A-ZА-ЯЁ]+(-[0-9A-ZА-ЯЁ]+)*$`)

func (r *personResolver) Weapons(ctx context.Context, obj *sio.Person) ([]sio.Weapon, error) {
	ws, err := weaponsOfOwner.Load(ctx, r.WeaponRegistry.WeaponsByOwner, string(obj.IIN))
	return ws, r.source(ctx, "weapons", err)
}

func (r *legalEntityResolver) Weapons(ctx context.Context, obj *sio.LegalEntity) ([]sio.Weapon, error) {
	ws, err := weaponsOfOwner.Load(ctx, r.WeaponRegistry.WeaponsByOwner, string(obj.BIN))
	return ws, r.source(ctx, "weapons", err)
}

func (r *inquiryResolver) Weapon(ctx context.Context, _ *authz.Inquiry, serialNumber string) (*sio.Weapon, error) {
	serial, err := parseKey("serialNumber", serialNumber, 32, serialPattern, "letters and digits as engraved, e.g. ИЖ0712345")
	if err != nil {
		return nil, err
	}
	m, err := r.WeaponRegistry.WeaponsBySerial(ctx, []string{serial})
	if err != nil {
		return nil, r.source(ctx, "weapons", err)
	}
	return m[serial], nil
}

type weaponResolver struct{ *Resolver }

func (r *weaponResolver) OwnerPerson(ctx context.Context, obj *sio.Weapon) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *weaponResolver) OwnerLegalEntity(ctx context.Context, obj *sio.Weapon) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}
