package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

type vehicleResolver struct{ *Resolver }

var vehiclesOfOwner = loaders.Define[string, []sio.Vehicle]("vehicles.ofOwner")

func (r *vehicleResolver) OwnerPerson(ctx context.Context, obj *sio.Vehicle) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *vehicleResolver) OwnerLegalEntity(ctx context.Context, obj *sio.Vehicle) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}
