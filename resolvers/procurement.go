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
	cs, err := contractsOfSupplier.Load(ctx, r.ProcurementRegistry.ContractsBySupplier, string(obj.BIN))
	if err != nil {
		return nil, r.source(ctx, "goszakup", err)
	}
	return paginate[model.ProcurementContractConnection](cs, first, after)
}

func (r *Resolver) unfairRecordsOf(ctx context.Context, id string) ([]sio.UnfairParticipant, error) {
	us, err := unfairOfSubject.Load(ctx, r.ProcurementRegistry.UnfairBySubject, id)
	return us, r.source(ctx, "goszakup", err)
}

func (r *legalEntityResolver) UnfairSupplierRecords(ctx context.Context, obj *sio.LegalEntity) ([]sio.UnfairParticipant, error) {
	return r.unfairRecordsOf(ctx, string(obj.BIN))
}

func (r *personResolver) UnfairSupplierRecords(ctx context.Context, obj *sio.Person) ([]sio.UnfairParticipant, error) {
	return r.unfairRecordsOf(ctx, string(obj.IIN))
}

func (r *inquiryResolver) ProcurementContract(ctx context.Context, _ *authz.Inquiry, contractNumber string) (*sio.ProcurementContract, error) {
	n, err := parseKey("contractNumber", contractNumber, 11, contractNumberPattern, "11 digits")
	if err != nil {
		return nil, err
	}
	m, err := r.ProcurementRegistry.ContractsByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "goszakup", err)
	}
	return m[n], nil
}

func (r *inquiryResolver) UnfairSupplierCheck(ctx context.Context, _ *authz.Inquiry, id string) ([]sio.UnfairParticipant, error) {
	key, err := sio.ParseIINOrBIN(id, "id")
	if err != nil {
		return nil, err
	}
	m, err := r.ProcurementRegistry.UnfairBySubject(ctx, []string{key})
	if err != nil {
		return nil, r.source(ctx, "goszakup", err)
	}
	if m[key] == nil {
		return []sio.UnfairParticipant{}, nil
	}
	return m[key], nil
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
	c, err := contractByNumber.Load(ctx, r.ProcurementRegistry.ContractsByNumber, obj.ContractNumber)
	return c, r.source(ctx, "goszakup", err)
}
