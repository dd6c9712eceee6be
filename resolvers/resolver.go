// Package resolvers holds the hand-written GraphQL resolvers, one file per
// type. They are thin: root fields call connectors, nested fields call the
// per-request loaders; access control lives in the @service directive
// (authz), never here.
package resolvers

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"sio"
	"sio/authz"
	"sio/graph"
	"sio/links"
	"sio/oversight"
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
	FixedLineRegistry  sio.FixedLineRegistry
	PostalRegistry     sio.PostalRegistry
	Restrictions       sio.RestrictionRegister
	Users              sio.UserDirectory
	Agreements         AgreementStore
	Cases              sio.CaseRegistry
	Enforcer           *authz.Enforcer
	LinkEngine         *links.Engine
	// The transport, road-traffic and criminal-records databases.
	RollingStockRegistry        sio.RollingStockRegistry
	RiverVesselRegistry         sio.RiverVesselRegistry
	SeaVesselRegistry           sio.SeaVesselRegistry
	AgriculturalMachineRegistry sio.AgriculturalMachineRegistry
	RailwayTicketRegistry       sio.RailwayTicketRegistry
	DriverLicenseRegistry       sio.DriverLicenseRegistry
	TrafficViolationRegistry    sio.TrafficViolationRegistry
	RoadAccidentRegistry        sio.RoadAccidentRegistry
	TechnicalInspectionRegistry sio.TechnicalInspectionRegistry
	VehicleCustomsRegistry      sio.VehicleCustomsRegistry
	CriminalVehicleRegistry     sio.CriminalVehicleRegistry
	CriminalWeaponRegistry      sio.CriminalWeaponRegistry
	PensionRegistry             sio.PensionRegistry
	DisabilityRegistry          sio.DisabilityRegistry
	SocialAssistanceRegistry    sio.SocialAssistanceRegistry
	LaborMarketRegistry         sio.LaborMarketRegistry
	PublicServiceCenter         sio.PublicServiceCenter
	CivilServiceRegister        sio.CivilServiceRegister
	ForeignLaborRegistry        sio.ForeignLaborRegistry
	ViolationRegistry           sio.ForeignWorkerViolationRegistry
	HigherEducationRegistry     sio.HigherEducationRegistry
	HealthRecords               sio.HealthRecords
	SpecialRecordRegistry       sio.SpecialRecordRegistry
	CourtRegistry               sio.CourtRegistry
	CourtCardRegistry           sio.CourtCardRegistry
	DemandRegistry              sio.DemandRegistry
	FugitiveRegistry            sio.FugitiveRegistry
	MissingPersonRegistry       sio.MissingPersonRegistry
	ExpulsionRegistry           sio.ExpulsionRegistry
	EnforcementRegistry         sio.EnforcementRegistry
	DebtorRegistry              sio.DebtorRegistry
	NotaryRegistry              sio.NotaryRegistry
	AppealRegistry              sio.AppealRegistry
	// Sandbox enables sandbox-only fields (sandboxUsers).
	Sandbox bool
	Logger  *slog.Logger

	// Business and tax-administration registers.
	StatisticalRegister     sio.StatisticalRegister
	BusinessLicenseRegistry sio.BusinessLicenseRegistry
	MonopolyRegistry        sio.MonopolyRegistry
	StateInspectionRegistry sio.StateInspectionRegistry
	ProcurementRegistry     sio.ProcurementRegistry
	ForeignTradeRegistry    sio.ForeignTradeRegistry
	SubsoilRegistry         sio.SubsoilRegistry
	TaxAdministration       sio.TaxAdministration
	ExciseRegistry          sio.ExciseRegistry
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

	// Oversight and administration (SIO's own stores): the accounts, the
	// administrative journal, the reports over the Log-journal and the
	// real clock they run on (nil: time.Now).
	Accounts  AccountAdmin
	Admin     sio.AdminJournal
	Oversight *oversight.Detector
	Clock     func() time.Time
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

func (r *Resolver) Appeal() graph.AppealResolver               { return &appealResolver{r} }
func (r *Resolver) CivilActParty() graph.CivilActPartyResolver { return &civilActPartyResolver{r} }
func (r *Resolver) CompanyRole() graph.CompanyRoleResolver     { return &companyRoleResolver{r} }
func (r *Resolver) FamilyTie() graph.FamilyTieResolver         { return &familyTieResolver{r} }
func (r *Resolver) Founder() graph.FounderResolver             { return &founderResolver{r} }
func (r *Resolver) Inquiry() graph.InquiryResolver             { return &inquiryResolver{r} }
func (r *Resolver) LandPlot() graph.LandPlotResolver           { return &landPlotResolver{r} }
func (r *Resolver) LandRight() graph.LandRightResolver         { return &landRightResolver{r} }
func (r *Resolver) LegalEntity() graph.LegalEntityResolver     { return &legalEntityResolver{r} }
func (r *Resolver) LinkGraph() graph.LinkGraphResolver         { return &linkGraphResolver{r} }
func (r *Resolver) Mutation() graph.MutationResolver           { return &mutationResolver{r} }
func (r *Resolver) Person() graph.PersonResolver               { return &personResolver{r} }
func (r *Resolver) Policy() graph.PolicyResolver               { return &policyResolver{r} }
func (r *Resolver) Query() graph.QueryResolver                 { return &queryResolver{r} }
func (r *Resolver) RealEstate() graph.RealEstateResolver       { return &realEstateResolver{r} }
func (r *Resolver) RealEstateRight() graph.RealEstateRightResolver {
	return &realEstateRightResolver{r}
}
func (r *Resolver) Taxpayer() graph.TaxpayerResolver { return &taxpayerResolver{r} }
func (r *Resolver) Vehicle() graph.VehicleResolver   { return &vehicleResolver{r} }
func (r *Resolver) Weapon() graph.WeaponResolver     { return &weaponResolver{r} }

func (r *Resolver) FixedLineSubscription() graph.FixedLineSubscriptionResolver {
	return &fixedLineSubscriptionResolver{r}
}
func (r *Resolver) InquiryAction() graph.InquiryActionResolver { return &inquiryActionResolver{r} }
func (r *Resolver) AccidentParticipant() graph.AccidentParticipantResolver {
	return &accidentParticipantResolver{r}
}
func (r *Resolver) AgriculturalMachine() graph.AgriculturalMachineResolver {
	return &agriculturalMachineResolver{r}
}
func (r *Resolver) CriminalVehicleRecord() graph.CriminalVehicleRecordResolver {
	return &criminalVehicleRecordResolver{r}
}
func (r *Resolver) CriminalWeaponRecord() graph.CriminalWeaponRecordResolver {
	return &criminalWeaponRecordResolver{r}
}
func (r *Resolver) DriverLicense() graph.DriverLicenseResolver { return &driverLicenseResolver{r} }
func (r *Resolver) RailwayTicket() graph.RailwayTicketResolver { return &railwayTicketResolver{r} }
func (r *Resolver) RiverVessel() graph.RiverVesselResolver     { return &riverVesselResolver{r} }
func (r *Resolver) RollingStock() graph.RollingStockResolver   { return &rollingStockResolver{r} }
func (r *Resolver) SeaVessel() graph.SeaVesselResolver         { return &seaVesselResolver{r} }
func (r *Resolver) TrafficViolation() graph.TrafficViolationResolver {
	return &trafficViolationResolver{r}
}
func (r *Resolver) VehicleCustomsDeclaration() graph.VehicleCustomsDeclarationResolver {
	return &vehicleCustomsDeclarationResolver{r}
}

// Social, labour, civil-service, education and health databases.

func (r *Resolver) Benefit() graph.BenefitResolver { return &benefitResolver{r} }
func (r *Resolver) CivilServiceRecord() graph.CivilServiceRecordResolver {
	return &civilServiceRecordResolver{r}
}
func (r *Resolver) Employment() graph.EmploymentResolver { return &employmentResolver{r} }
func (r *Resolver) ForeignLaborPermit() graph.ForeignLaborPermitResolver {
	return &foreignLaborPermitResolver{r}
}
func (r *Resolver) ForeignWorker() graph.ForeignWorkerResolver { return &foreignWorkerResolver{r} }
func (r *Resolver) ForeignWorkerViolation() graph.ForeignWorkerViolationResolver {
	return &foreignWorkerViolationResolver{r}
}
func (r *Resolver) HigherEducationRecord() graph.HigherEducationRecordResolver {
	return &higherEducationRecordResolver{r}
}
func (r *Resolver) InpatientStay() graph.InpatientStayResolver { return &inpatientStayResolver{r} }
func (r *Resolver) JobSeekerRegistration() graph.JobSeekerRegistrationResolver {
	return &jobSeekerRegistrationResolver{r}
}
func (r *Resolver) LaborReferral() graph.LaborReferralResolver { return &laborReferralResolver{r} }
func (r *Resolver) PensionContribution() graph.PensionContributionResolver {
	return &pensionContributionResolver{r}
}
func (r *Resolver) PensionStatement() graph.PensionStatementResolver {
	return &pensionStatementResolver{r}
}

// Types of the business and tax-administration registers.

func (r *Resolver) BusinessLicense() graph.BusinessLicenseResolver {
	return &businessLicenseResolver{r}
}
func (r *Resolver) CrossAudit() graph.CrossAuditResolver { return &crossAuditResolver{r} }
func (r *Resolver) ExciseDeclaration() graph.ExciseDeclarationResolver {
	return &exciseDeclarationResolver{r}
}
func (r *Resolver) ExciseLine() graph.ExciseLineResolver { return &exciseLineResolver{r} }
func (r *Resolver) ForeignTradeParticipant() graph.ForeignTradeParticipantResolver {
	return &foreignTradeParticipantResolver{r}
}
func (r *Resolver) GoodsDeclaration() graph.GoodsDeclarationResolver {
	return &goodsDeclarationResolver{r}
}
func (r *Resolver) InvoiceTurnover() graph.InvoiceTurnoverResolver {
	return &invoiceTurnoverResolver{r}
}
func (r *Resolver) ProcurementContract() graph.ProcurementContractResolver {
	return &procurementContractResolver{r}
}
func (r *Resolver) StateInspection() graph.StateInspectionResolver {
	return &stateInspectionResolver{r}
}
func (r *Resolver) SubsoilContract() graph.SubsoilContractResolver {
	return &subsoilContractResolver{r}
}
func (r *Resolver) UnfairParticipant() graph.UnfairParticipantResolver {
	return &unfairParticipantResolver{r}
}

// The justice registers.
func (r *Resolver) CourtCard() graph.CourtCardResolver           { return &courtCardResolver{r} }
func (r *Resolver) CourtCase() graph.CourtCaseResolver           { return &courtCaseResolver{r} }
func (r *Resolver) CourtParty() graph.CourtPartyResolver         { return &courtPartyResolver{r} }
func (r *Resolver) CriminalRecord() graph.CriminalRecordResolver { return &criminalRecordResolver{r} }
func (r *Resolver) DebtorRestriction() graph.DebtorRestrictionResolver {
	return &debtorRestrictionResolver{r}
}
func (r *Resolver) EnforcementProceeding() graph.EnforcementProceedingResolver {
	return &enforcementProceedingResolver{r}
}
func (r *Resolver) Expulsion() graph.ExpulsionResolver           { return &expulsionResolver{r} }
func (r *Resolver) FugitiveRecord() graph.FugitiveRecordResolver { return &fugitiveRecordResolver{r} }
func (r *Resolver) MissingPersonRecord() graph.MissingPersonRecordResolver {
	return &missingPersonRecordResolver{r}
}
func (r *Resolver) NotarialAct() graph.NotarialActResolver     { return &notarialActResolver{r} }
func (r *Resolver) NotarialParty() graph.NotarialPartyResolver { return &notarialPartyResolver{r} }
func (r *Resolver) DocumentFile() graph.DocumentFileResolver   { return &documentFileResolver{r} }
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

// Oversight and administration.
func (r *Resolver) AgencyReport() graph.AgencyReportResolver { return &agencyReportResolver{r} }
func (r *Resolver) Application() graph.ApplicationResolver   { return &applicationResolver{r} }
func (r *Resolver) EmergencyEntry() graph.EmergencyEntryResolver {
	return &emergencyEntryResolver{r}
}
func (r *Resolver) Me() graph.MeResolver { return &meResolver{r} }
func (r *Resolver) OperatorReport() graph.OperatorReportResolver {
	return &operatorReportResolver{r}
}
func (r *Resolver) ProsecutorCheck() graph.ProsecutorCheckResolver {
	return &prosecutorCheckResolver{r}
}
