// Package loaders batches nested-field lookups per request with
// vikstrous/dataloadgen: N sibling lookups become one statement per connector
// per level of the query. Loaders are built per request by Middleware, never
// shared between requests (their caches would leak data across callers).
package loaders

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"sio"
)

// Sources are the connectors the loaders read.
type Sources struct {
	Persons    sio.PersonRegistry
	Entities   sio.EntityRegistry
	RealEstate sio.RealEstateRegistry
	Land       sio.LandRegistry
	Vehicles   sio.VehicleRegistry
	Taxpayers  sio.TaxpayerRegistry
	TaxDebts   sio.TaxDebtRegistry
	Civil      sio.CivilRegistry
}

// Loaders of one request.
type Loaders struct {
	Person             *dataloadgen.Loader[sio.IIN, *sio.Person]
	Entity             *dataloadgen.Loader[sio.BIN, *sio.LegalEntity]
	Founders           *dataloadgen.Loader[sio.BIN, []sio.Founder]
	CompanyRoles       *dataloadgen.Loader[string, []sio.CompanyRole]
	RealEstate         *dataloadgen.Loader[string, *sio.RealEstate]
	RealEstateByHolder *dataloadgen.Loader[string, []sio.PropertyRight]
	RealEstateRights   *dataloadgen.Loader[string, []sio.PropertyRight]
	LandPlot           *dataloadgen.Loader[string, *sio.LandPlot]
	LandByHolder       *dataloadgen.Loader[string, []sio.PropertyRight]
	LandRights         *dataloadgen.Loader[string, []sio.PropertyRight]
	VehiclesByOwner    *dataloadgen.Loader[string, []sio.Vehicle]
	Taxpayer           *dataloadgen.Loader[string, *sio.Taxpayer]
	DebtsByTaxpayer    *dataloadgen.Loader[string, []sio.TaxDebt]
	CivilActs          *dataloadgen.Loader[sio.IIN, []sio.CivilAct]
	Family             *dataloadgen.Loader[sio.IIN, []sio.FamilyTie]
}

// DefaultWait is how long a loader collects keys before fetching.
const DefaultWait = 2 * time.Millisecond

// New builds the loaders of one request.
func New(s Sources, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultWait
	}
	o := dataloadgen.WithWait(wait)
	return &Loaders{
		Person:             dataloadgen.NewMappedLoader(s.Persons.PersonsByIIN, o),
		Entity:             dataloadgen.NewMappedLoader(s.Entities.EntitiesByBIN, o),
		Founders:           dataloadgen.NewMappedLoader(s.Entities.FoundersByEntity, o),
		CompanyRoles:       dataloadgen.NewMappedLoader(s.Entities.RolesBySubject, o),
		RealEstate:         dataloadgen.NewMappedLoader(s.RealEstate.PropertiesByNumber, o),
		RealEstateByHolder: dataloadgen.NewMappedLoader(s.RealEstate.RightsByHolder, o),
		RealEstateRights:   dataloadgen.NewMappedLoader(s.RealEstate.RightsByObject, o),
		LandPlot:           dataloadgen.NewMappedLoader(s.Land.PlotsByNumber, o),
		LandByHolder:       dataloadgen.NewMappedLoader(s.Land.RightsByHolder, o),
		LandRights:         dataloadgen.NewMappedLoader(s.Land.RightsByObject, o),
		VehiclesByOwner:    dataloadgen.NewMappedLoader(s.Vehicles.VehiclesByOwner, o),
		Taxpayer:           dataloadgen.NewMappedLoader(s.Taxpayers.TaxpayersByID, o),
		DebtsByTaxpayer:    dataloadgen.NewMappedLoader(s.TaxDebts.DebtsByTaxpayer, o),
		CivilActs:          dataloadgen.NewMappedLoader(s.Civil.ActsByPerson, o),
		Family:             dataloadgen.NewMappedLoader(s.Civil.FamilyByPerson, o),
	}
}

type ctxKey struct{}

// With returns ctx carrying l.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// From returns the request's loaders; it panics if Middleware was not
// installed, which is a wiring bug caught by every end-to-end test.
func From(ctx context.Context) *Loaders {
	l, ok := ctx.Value(ctxKey{}).(*Loaders)
	if !ok {
		panic("loaders: no loaders in context (Middleware not installed)")
	}
	return l
}

// Middleware installs fresh loaders on every request.
func Middleware(s Sources, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), New(s, wait))))
	})
}

// Found converts dataloadgen's not-found into (nil, nil): a missing record
// is a null field, not an error.
func Found[V any](v V, err error) (V, error) {
	if err == dataloadgen.ErrNotFound {
		var zero V
		return zero, nil
	}
	return v, err
}
