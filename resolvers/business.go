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
	return load(ctx, r.Resolver, "stat_register", statisticalUnitOf, r.StatisticalRegister.StatisticalUnitsByBIN, obj.BIN)
}

var businessLicensesOfHolder = loaders.Define[string, []sio.BusinessLicense]("e_licensing.ofHolder")

// businessLicenseNumberPattern is the number of Е-лицензирование: KZ, two check
// digits, three letters and eight digits.
var businessLicenseNumberPattern = regexp.MustCompile(`^KZ\d{2}[A-Z]{3}\d{8}$`)

func (r *personResolver) Licenses(ctx context.Context, obj *sio.Person) ([]sio.BusinessLicense, error) {
	return load(ctx, r.Resolver, "e_licensing", businessLicensesOfHolder, r.BusinessLicenseRegistry.LicensesByHolder, string(obj.IIN))
}

func (r *legalEntityResolver) Licenses(ctx context.Context, obj *sio.LegalEntity) ([]sio.BusinessLicense, error) {
	return load(ctx, r.Resolver, "e_licensing", businessLicensesOfHolder, r.BusinessLicenseRegistry.LicensesByHolder, string(obj.BIN))
}

func (r *inquiryResolver) License(ctx context.Context, _ *authz.Inquiry, number string) (*sio.BusinessLicense, error) {
	n, err := parseKey("number", number, 15, businessLicenseNumberPattern, "a licence number such as KZ47LSM00012345")
	return byKey(ctx, r.Resolver, "e_licensing", n, err, r.BusinessLicenseRegistry.LicensesByNumber)
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
	return load(ctx, r.Resolver, "monopolists", monopolyRecordsOf, r.MonopolyRegistry.MonopolyRecordsByBIN, obj.BIN)
}

var inspectionsOf = loaders.Define[string, []sio.StateInspection]("state_inspections.of")

// inspectionNumberPattern: YYMM, the region's KATO and an 8-digit serial.
var inspectionNumberPattern = regexp.MustCompile(`^\d{14}$`)

func (r *legalEntityResolver) Inspections(ctx context.Context, obj *sio.LegalEntity) ([]sio.StateInspection, error) {
	return load(ctx, r.Resolver, "state_inspections", inspectionsOf, r.StateInspectionRegistry.InspectionsBySubject, string(obj.BIN))
}

func (r *inquiryResolver) Inspection(ctx context.Context, _ *authz.Inquiry, registrationNumber string) (*sio.StateInspection, error) {
	n, err := parseKey("registrationNumber", registrationNumber, 14, inspectionNumberPattern, "14 digits")
	return byKey(ctx, r.Resolver, "state_inspections", n, err, r.StateInspectionRegistry.InspectionsByNumber)
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

// load resolves a nested field through the request's loader def over the
// connector's batch lookup fetch; a failure is reported as store's.
func load[K comparable, V any](ctx context.Context, r *Resolver, store string, def *loaders.Def[K, V], fetch loaders.Fetch[K, V], key K) (V, error) {
	v, err := def.Load(ctx, fetch, key)
	return v, r.source(ctx, store, err)
}

// loadPage is load for a list served as the Relay connection C.
func loadPage[C connectionOf[E], E edgeOf[T], T any, K comparable](ctx context.Context, r *Resolver, store string, def *loaders.Def[K, []T],
	fetch loaders.Fetch[K, []T], key K, first *int, after *string) (*C, error) {
	items, err := def.Load(ctx, fetch, key)
	if err != nil {
		return nil, r.source(ctx, store, err)
	}
	return paginate[C](items, first, after)
}

// byKey looks up the record of an Inquiry key that parseKey (or another
// parser) validated: parseErr is its verdict.
func byKey[V any](ctx context.Context, r *Resolver, store, key string, parseErr error, fetch func(context.Context, []string) (map[string]V, error)) (V, error) {
	var zero V
	if parseErr != nil {
		return zero, parseErr
	}
	m, err := fetch(ctx, []string{key})
	if err != nil {
		return zero, r.source(ctx, store, err)
	}
	return m[key], nil
}

// paginate builds the connection C over items (first items after the
// cursor); the edge and node types follow from C.
func paginate[C connectionOf[E], E edgeOf[T], T any](items []T, first *int, after *string) (*C, error) {
	return connect(items, first, after,
		func(c string, n *T) E { return E{Cursor: c, Node: n} },
		func(e []E, p *model.PageInfo, t int) *C { return &C{Edges: e, PageInfo: p, TotalCount: t} })
}
