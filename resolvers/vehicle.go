package resolvers

import (
	"context"

	"sio"
)

type vehicleResolver struct{ *Resolver }

func (r *vehicleResolver) OwnerPerson(ctx context.Context, obj *sio.Vehicle) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *vehicleResolver) OwnerLegalEntity(ctx context.Context, obj *sio.Vehicle) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}
