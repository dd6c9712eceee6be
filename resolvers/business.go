package resolvers

import (
	"context"

	"sio"
	"sio/loaders"
)

// Business registers: the statistical register (ЕУСС), Е-лицензирование,
// Сведения о монополистах and Учет проверок ГО, and the fields they add to
// LegalEntity, Person and Inquiry.

var statisticalUnitOf = loaders.Define[sio.BIN, *sio.StatisticalUnit]("stat_register.unitOf")

func (r *legalEntityResolver) StatisticalUnit(ctx context.Context, obj *sio.LegalEntity) (*sio.StatisticalUnit, error) {
	u, err := statisticalUnitOf.Load(ctx, r.StatisticalRegister.StatisticalUnitsByBIN, obj.BIN)
	return u, r.source(ctx, "stat_register", err)
}
