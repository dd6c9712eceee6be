package resolvers

import (
	"context"

	"sio"
)

type civilActPartyResolver struct{ *Resolver }

func (r *civilActPartyResolver) Person(ctx context.Context, obj *sio.CivilParty) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

type familyTieResolver struct{ *Resolver }

func (r *familyTieResolver) Relative(ctx context.Context, obj *sio.FamilyTie) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.Relative)
}
