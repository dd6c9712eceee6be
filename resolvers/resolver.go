// Package resolvers holds the hand-written GraphQL resolvers, one file per
// type. They are thin: root fields call connectors, nested fields call the
// per-request loaders; access control lives in the @service directive
// (authz), never here.
package resolvers

import (
	"context"
	"errors"
	"log/slog"

	"sio"
	"sio/authz"
	"sio/graph"
)

// Resolver is the root resolver; its fields are the connectors and services
// the resolvers depend on (interfaces, never database handles).
type Resolver struct {
	PersonRegistry     sio.PersonRegistry
	EntityRegistry     sio.EntityRegistry
	RealEstateRegistry sio.RealEstateRegistry
	LandRegistry       sio.LandRegistry
	VehicleRegistry    sio.VehicleRegistry
	TaxpayerRegistry   sio.TaxpayerRegistry
	TaxDebtRegistry    sio.TaxDebtRegistry
	CivilRegistry      sio.CivilRegistry
	WeaponRegistry     sio.WeaponRegistry
	Users              sio.UserDirectory
	Cases              sio.CaseRegistry
	Enforcer           *authz.Enforcer
	// Sandbox enables sandbox-only fields (sandboxUsers).
	Sandbox bool
	Logger  *slog.Logger

	// Система документирования населения, its photo links, and the search
	// of ГБД ФЛ by name.
	PopulationDocuments sio.PopulationDocuments
	PhotoLinks          sio.PhotoLinker
	PersonSearch        sio.PersonSearch
	// Пересечение государственной границы (citizens and foreigners).
	BorderRegistry sio.BorderCrossings
	// Сведения по пассажирским таможенным декларациям.
	PassengerDeclarations sio.PassengerDeclarations
	// Поиск адресов и контактных телефонов.
	ContactRegistry sio.ContactRegistry
}

var _ graph.ResolverRoot = (*Resolver)(nil)

// source turns a connector failure into SOURCE_UNAVAILABLE, logging the
// cause (never personal data) server-side.
func (r *Resolver) source(ctx context.Context, store string, err error) error {
	if err == nil {
		return nil
	}
	var e *sio.Error
	if errors.As(err, &e) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return sio.Errorf(sio.ESOURCEUNAVAILABLE, "state database %s did not answer in time", store)
	}
	if r.Logger != nil {
		r.Logger.ErrorContext(ctx, "connector failed", "store", store, "err", err.Error())
	}
	return sio.Errorf(sio.ESOURCEUNAVAILABLE, "state database %s is unavailable", store)
}

func (r *Resolver) CivilActParty() graph.CivilActPartyResolver { return &civilActPartyResolver{r} }
func (r *Resolver) CompanyRole() graph.CompanyRoleResolver     { return &companyRoleResolver{r} }
func (r *Resolver) FamilyTie() graph.FamilyTieResolver         { return &familyTieResolver{r} }
func (r *Resolver) Founder() graph.FounderResolver             { return &founderResolver{r} }
func (r *Resolver) Inquiry() graph.InquiryResolver             { return &inquiryResolver{r} }
func (r *Resolver) LandPlot() graph.LandPlotResolver           { return &landPlotResolver{r} }
func (r *Resolver) LandRight() graph.LandRightResolver         { return &landRightResolver{r} }
func (r *Resolver) LegalEntity() graph.LegalEntityResolver     { return &legalEntityResolver{r} }
func (r *Resolver) Person() graph.PersonResolver               { return &personResolver{r} }
func (r *Resolver) Query() graph.QueryResolver                 { return &queryResolver{r} }
func (r *Resolver) RealEstate() graph.RealEstateResolver       { return &realEstateResolver{r} }
func (r *Resolver) RealEstateRight() graph.RealEstateRightResolver {
	return &realEstateRightResolver{r}
}
func (r *Resolver) Taxpayer() graph.TaxpayerResolver { return &taxpayerResolver{r} }
func (r *Resolver) Vehicle() graph.VehicleResolver   { return &vehicleResolver{r} }
func (r *Resolver) Weapon() graph.WeaponResolver     { return &weaponResolver{r} }

func (r *Resolver) DocumentFile() graph.DocumentFileResolver { return &documentFileResolver{r} }
func (r *Resolver) IdentityDocument() graph.IdentityDocumentResolver {
	return &identityDocumentResolver{r}
}
func (r *Resolver) BorderCrossing() graph.BorderCrossingResolver { return &borderCrossingResolver{r} }
func (r *Resolver) ForeignTraveller() graph.ForeignTravellerResolver {
	return &foreignTravellerResolver{r}
}
func (r *Resolver) PassengerDeclaration() graph.PassengerDeclarationResolver {
	return &passengerDeclarationResolver{r}
}
func (r *Resolver) ContactPhone() graph.ContactPhoneResolver     { return &contactPhoneResolver{r} }
func (r *Resolver) ContactAddress() graph.ContactAddressResolver { return &contactAddressResolver{r} }
