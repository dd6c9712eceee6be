package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
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

var licensesOfHolder = loaders.Define[string, []sio.BusinessLicense]("e_licensing.ofHolder")

// licenseNumberPattern is the number of Е-лицензирование: KZ, two check
// digits, three letters and eight digits.
var licenseNumberPattern = regexp.MustCompile(`^KZ\d{2}[A-Z]{3}\d{8}$`)

func (r *Resolver) licensesOf(ctx context.Context, holder string) ([]sio.BusinessLicense, error) {
	ls, err := licensesOfHolder.Load(ctx, r.LicenseRegistry.LicensesByHolder, holder)
	return ls, r.source(ctx, "e_licensing", err)
}

func (r *personResolver) Licenses(ctx context.Context, obj *sio.Person) ([]sio.BusinessLicense, error) {
	return r.licensesOf(ctx, string(obj.IIN))
}

func (r *legalEntityResolver) Licenses(ctx context.Context, obj *sio.LegalEntity) ([]sio.BusinessLicense, error) {
	return r.licensesOf(ctx, string(obj.BIN))
}

func (r *inquiryResolver) License(ctx context.Context, _ *authz.Inquiry, number string) (*sio.BusinessLicense, error) {
	n, err := parseKey("number", number, 15, licenseNumberPattern, "a licence number such as KZ47LSM00012345")
	if err != nil {
		return nil, err
	}
	m, err := r.LicenseRegistry.LicensesByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "e_licensing", err)
	}
	return m[n], nil
}

type businessLicenseResolver struct{ *Resolver }

func (r *businessLicenseResolver) HolderPerson(ctx context.Context, obj *sio.BusinessLicense) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

func (r *businessLicenseResolver) HolderLegalEntity(ctx context.Context, obj *sio.BusinessLicense) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.HolderID, obj.HolderKind)
}

var monopolyRecordsOf = loaders.Define[sio.BIN, []sio.MonopolyRecord]("monopolists.of")

func (r *legalEntityResolver) MonopolyRecords(ctx context.Context, obj *sio.LegalEntity) ([]sio.MonopolyRecord, error) {
	ms, err := monopolyRecordsOf.Load(ctx, r.MonopolyRegistry.MonopolyRecordsByBIN, obj.BIN)
	return ms, r.source(ctx, "monopolists", err)
}

var inspectionsOf = loaders.Define[string, []sio.StateInspection]("state_inspections.of")

// inspectionNumberPattern: YYMM, the region's KATO and an 8-digit serial.
var inspectionNumberPattern = regexp.MustCompile(`^\d{14}$`)

func (r *legalEntityResolver) Inspections(ctx context.Context, obj *sio.LegalEntity) ([]sio.StateInspection, error) {
	is, err := inspectionsOf.Load(ctx, r.InspectionRegistry.InspectionsBySubject, string(obj.BIN))
	return is, r.source(ctx, "state_inspections", err)
}

func (r *inquiryResolver) Inspection(ctx context.Context, _ *authz.Inquiry, registrationNumber string) (*sio.StateInspection, error) {
	n, err := parseKey("registrationNumber", registrationNumber, 14, inspectionNumberPattern, "14 digits")
	if err != nil {
		return nil, err
	}
	m, err := r.InspectionRegistry.InspectionsByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, "state_inspections", err)
	}
	return m[n], nil
}

type stateInspectionResolver struct{ *Resolver }

func (r *stateInspectionResolver) LegalEntity(ctx context.Context, obj *sio.StateInspection) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

// edgeOf and connectionOf describe the generated Relay types (model.XEdge,
// model.XConnection) of a node type T, so that one paginate serves them all.
type edgeOf[T any] interface {
	~struct {
		Cursor string `json:"cursor"`
		Node   *T     `json:"node"`
	}
}

type connectionOf[E any] interface {
	~struct {
		Edges      []E             `json:"edges"`
		PageInfo   *model.PageInfo `json:"pageInfo"`
		TotalCount int             `json:"totalCount"`
	}
}

// paginate builds the connection C over items (first items after the
// cursor); the edge and node types follow from C.
func paginate[C connectionOf[E], E edgeOf[T], T any](items []T, first *int, after *string) (*C, error) {
	return connect(items, first, after,
		func(c string, n *T) E { return E{Cursor: c, Node: n} },
		func(e []E, p *model.PageInfo, t int) *C { return &C{Edges: e, PageInfo: p, TotalCount: t} })
}
