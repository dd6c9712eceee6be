package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Электронные государственные закупки and the register of unfair
// participants: the fields they add to LegalEntity, Person and Inquiry.

var (
	contractsOfSupplier = loaders.Define[string, []sio.ProcurementContract]("goszakup.contractsOf")
	contractByNumber    = loaders.Define[string, *sio.ProcurementContract]("goszakup.contractByNumber")
	unfairOfSubject     = loaders.Define[string, []sio.UnfairParticipant]("goszakup.unfairOf")
)

// contractNumberPattern: two digits of the year, the region's KATO and a
// seven-digit serial.
var contractNumberPattern = regexp.MustCompile(`^\d{11}$`)

func (r *legalEntityResolver) ProcurementContracts(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.ProcurementContractConnection, error) {
	return loadPage[model.ProcurementContractConnection](ctx, r.Resolver, "goszakup", contractsOfSupplier, r.ProcurementRegistry.ContractsBySupplier, string(obj.BIN), first, after)
}

func (r *legalEntityResolver) UnfairSupplierRecords(ctx context.Context, obj *sio.LegalEntity) ([]sio.UnfairParticipant, error) {
	return load(ctx, r.Resolver, "goszakup", unfairOfSubject, r.ProcurementRegistry.UnfairBySubject, string(obj.BIN))
}

func (r *personResolver) UnfairSupplierRecords(ctx context.Context, obj *sio.Person) ([]sio.UnfairParticipant, error) {
	return load(ctx, r.Resolver, "goszakup", unfairOfSubject, r.ProcurementRegistry.UnfairBySubject, string(obj.IIN))
}

func (r *inquiryResolver) ProcurementContract(ctx context.Context, _ *authz.Inquiry, contractNumber string) (*sio.ProcurementContract, error) {
	n, err := parseKey("contractNumber", contractNumber, 11, contractNumberPattern, "11 digits")
	return byKey(ctx, r.Resolver, "goszakup", n, err, r.ProcurementRegistry.ContractsByNumber)
}

// UnfairSupplierCheck answers the check of a subject: its entries, an empty
// list when it is not in the register.
func (r *inquiryResolver) UnfairSupplierCheck(ctx context.Context, _ *authz.Inquiry, id string) ([]sio.UnfairParticipant, error) {
	key, err := sio.ParseIINOrBIN(id, "id")
	us, err := byKey(ctx, r.Resolver, "goszakup", key, err, r.ProcurementRegistry.UnfairBySubject)
	if err == nil && us == nil {
		us = []sio.UnfairParticipant{}
	}
	return us, err
}

type procurementContractResolver struct{ *Resolver }

func (r *procurementContractResolver) Supplier(ctx context.Context, obj *sio.ProcurementContract) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.SupplierID, obj.SupplierKind)
}

type unfairParticipantResolver struct{ *Resolver }

func (r *unfairParticipantResolver) Person(ctx context.Context, obj *sio.UnfairParticipant) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

func (r *unfairParticipantResolver) LegalEntity(ctx context.Context, obj *sio.UnfairParticipant) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

func (r *unfairParticipantResolver) Supplier(ctx context.Context, obj *sio.UnfairParticipant) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.SupplierBIN)
}

func (r *unfairParticipantResolver) Contract(ctx context.Context, obj *sio.UnfairParticipant) (*sio.ProcurementContract, error) {
	return load(ctx, r.Resolver, "goszakup", contractByNumber, r.ProcurementRegistry.ContractsByNumber, obj.ContractNumber)
}
