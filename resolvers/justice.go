package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The criminal-justice registers: Специальные учеты, Судебные органы,
// Судебные карточки, Требования, Скрывающиеся от следствия/дознания, Без
// вести пропавшие, Контроль процедуры выдворения; their types and the
// fields they add to Person, LegalEntity and Inquiry.

// Store names of the justice connectors, for SOURCE_UNAVAILABLE.
const (
	storeSpecialRecords = "special_records"
	storeCourts         = "courts"
	storeCourtCards     = "court_cards"
	storeDemands        = "demands"
	storeFugitives      = "fugitives"
	storeMissing        = "missing_persons"
	storeDeportation    = "deportation"
)

var (
	criminalRecordsOf = loaders.Define[sio.IIN, []sio.CriminalRecord]("special_records.criminalOf")
	criminalByCase    = loaders.Define[string, *sio.CriminalRecord]("special_records.byCase")
	offencesOf        = loaders.Define[sio.IIN, []sio.AdministrativeOffence]("special_records.offencesOf")
	dactyloscopyOf    = loaders.Define[sio.IIN, *sio.DactyloscopicRecord]("special_records.dactyloscopyOf")
	courtCasesOf      = loaders.Define[string, []sio.PartyCase]("courts.casesOf")
	courtCaseByNumber = loaders.Define[string, *sio.CourtCase]("courts.byNumber")
	courtPartiesOf    = loaders.Define[string, []sio.CourtParty]("courts.partiesOf")
	cardsOfPerson     = loaders.Define[sio.IIN, []sio.CourtCard]("court_cards.ofPerson")
	cardsOfCase       = loaders.Define[string, []sio.CourtCard]("court_cards.ofCase")
	demandsOf         = loaders.Define[sio.IIN, []sio.Demand]("demands.of")
	wantedOf          = loaders.Define[sio.IIN, []sio.FugitiveRecord]("fugitives.of")
	wantedByERDR      = loaders.Define[string, *sio.FugitiveRecord]("fugitives.byERDR")
	missingOf         = loaders.Define[sio.IIN, []sio.MissingPersonRecord]("missing_persons.of")
	expulsionsOf      = loaders.Define[sio.IIN, []sio.Expulsion]("deportation.of")
)

// Natural keys of the justice registers.
var (
	criminalCasePattern = regexp.MustCompile(`^\d{12}(\d{3})?$`)
	erdrPattern         = regexp.MustCompile(`^\d{15}$`)
	courtCasePattern    = regexp.MustCompile(`^\d{4}-\d{2}-00-[123]/\d{1,6}$`)
	searchCasePattern   = regexp.MustCompile(`^\d{13}$`)
	demandPattern       = regexp.MustCompile(`^Т-\d{4}-\d{7}$`)
)

// loadSourced loads key through def (batched per request) and turns a
// connector failure into SOURCE_UNAVAILABLE of store.
func loadSourced[K comparable, V any](ctx context.Context, r *Resolver, def *loaders.Def[K, V], fetch loaders.Fetch[K, V], store string, key K) (V, error) {
	v, err := def.Load(ctx, fetch, key)
	return v, r.source(ctx, store, err)
}

// loadConnection loads the list of key through def and pages it as a
// Relay connection built by edge and conn.
func loadConnection[K comparable, T, E, C any](ctx context.Context, r *Resolver, def *loaders.Def[K, []T], fetch loaders.Fetch[K, []T], store string, key K,
	first *int, after *string, edge func(string, *T) E, conn func([]E, *model.PageInfo, int) *C) (*C, error) {
	items, err := loadSourced(ctx, r, def, fetch, store, key)
	if err != nil {
		return nil, err
	}
	return connect(items, first, after, edge, conn)
}

// lookupParsed validates an Inquiry lookup key and fetches its record
// directly from the connector.
func lookupParsed[V any](ctx context.Context, r *Resolver, fetch func(context.Context, []string) (map[string]V, error), store, arg, value string, maxLen int, pattern *regexp.Regexp, want string) (V, error) {
	var zero V
	key, err := parseKey(arg, value, maxLen, pattern, want)
	if err != nil {
		return zero, err
	}
	m, err := fetch(ctx, []string{key})
	if err != nil {
		return zero, r.source(ctx, store, err)
	}
	return m[key], nil
}

// optionalPerson and optionalEntity resolve a nullable IIN-or-BIN reference.
func optionalPerson(ctx context.Context, r *Resolver, id *string, kind *sio.SubjectKind) (*sio.Person, error) {
	if id == nil || kind == nil {
		return nil, nil
	}
	return subjectPerson(ctx, r, *id, *kind)
}

func optionalEntity(ctx context.Context, r *Resolver, id *string, kind *sio.SubjectKind) (*sio.LegalEntity, error) {
	if id == nil || kind == nil {
		return nil, nil
	}
	return subjectEntity(ctx, r, *id, *kind)
}

// courtCase resolves a court case by number (nil number: no case).
func courtCase(ctx context.Context, r *Resolver, number *string) (*sio.CourtCase, error) {
	if number == nil {
		return nil, nil
	}
	return loadSourced(ctx, r, courtCaseByNumber, r.CourtRegistry.CasesByNumber, storeCourts, *number)
}

// ---- Person and LegalEntity ----------------------------------------------------

func (r *personResolver) CriminalRecords(ctx context.Context, obj *sio.Person) ([]sio.CriminalRecord, error) {
	return loadSourced(ctx, r.Resolver, criminalRecordsOf, r.SpecialRecordRegistry.CriminalRecordsByPerson, storeSpecialRecords, obj.IIN)
}

func (r *personResolver) AdministrativeOffences(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.AdministrativeOffenceConnection, error) {
	return loadConnection(ctx, r.Resolver, offencesOf, r.SpecialRecordRegistry.OffencesByPerson, storeSpecialRecords, obj.IIN, first, after,
		func(c string, n *sio.AdministrativeOffence) model.AdministrativeOffenceEdge {
			return model.AdministrativeOffenceEdge{Cursor: c, Node: n}
		},
		func(e []model.AdministrativeOffenceEdge, p *model.PageInfo, t int) *model.AdministrativeOffenceConnection {
			return &model.AdministrativeOffenceConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *personResolver) Dactyloscopy(ctx context.Context, obj *sio.Person) (*sio.DactyloscopicRecord, error) {
	return loadSourced(ctx, r.Resolver, dactyloscopyOf, r.SpecialRecordRegistry.DactyloscopyByPerson, storeSpecialRecords, obj.IIN)
}

func (r *personResolver) CourtCases(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.CourtCaseConnection, error) {
	return partyCourtCases(ctx, r.Resolver, string(obj.IIN), first, after)
}

func (r *legalEntityResolver) CourtCases(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.CourtCaseConnection, error) {
	return partyCourtCases(ctx, r.Resolver, string(obj.BIN), first, after)
}

func partyCourtCases(ctx context.Context, r *Resolver, id string, first *int, after *string) (*model.CourtCaseConnection, error) {
	return loadConnection(ctx, r, courtCasesOf, r.CourtRegistry.CasesByParty, storeCourts, id, first, after,
		func(c string, n *sio.PartyCase) model.CourtCaseEdge {
			return model.CourtCaseEdge{Cursor: c, Node: &n.CourtCase, Role: n.Role, RoleRu: n.RoleRu}
		},
		func(e []model.CourtCaseEdge, p *model.PageInfo, t int) *model.CourtCaseConnection {
			return &model.CourtCaseConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *personResolver) CourtCards(ctx context.Context, obj *sio.Person) ([]sio.CourtCard, error) {
	return loadSourced(ctx, r.Resolver, cardsOfPerson, r.CourtCardRegistry.CardsByPerson, storeCourtCards, obj.IIN)
}

func (r *personResolver) Demands(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.DemandConnection, error) {
	return loadConnection(ctx, r.Resolver, demandsOf, r.DemandRegistry.DemandsByPerson, storeDemands, obj.IIN, first, after,
		func(c string, n *sio.Demand) model.DemandEdge { return model.DemandEdge{Cursor: c, Node: n} },
		func(e []model.DemandEdge, p *model.PageInfo, t int) *model.DemandConnection {
			return &model.DemandConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *personResolver) Wanted(ctx context.Context, obj *sio.Person) ([]sio.FugitiveRecord, error) {
	return loadSourced(ctx, r.Resolver, wantedOf, r.FugitiveRegistry.FugitivesByPerson, storeFugitives, obj.IIN)
}

func (r *personResolver) MissingReports(ctx context.Context, obj *sio.Person) ([]sio.MissingPersonRecord, error) {
	return loadSourced(ctx, r.Resolver, missingOf, r.MissingPersonRegistry.MissingByPerson, storeMissing, obj.IIN)
}

func (r *personResolver) Expulsions(ctx context.Context, obj *sio.Person) ([]sio.Expulsion, error) {
	return loadSourced(ctx, r.Resolver, expulsionsOf, r.ExpulsionRegistry.ExpulsionsByPerson, storeDeportation, obj.IIN)
}

// ---- Inquiry -------------------------------------------------------------------

func (r *inquiryResolver) CriminalCase(ctx context.Context, _ *authz.Inquiry, number string) (*sio.CriminalRecord, error) {
	return lookupParsed(ctx, r.Resolver, r.SpecialRecordRegistry.CriminalRecordsByCase, storeSpecialRecords, "number", number, 15,
		criminalCasePattern, "a ЕРДР number (15 digits) or a statistical-card number (12 digits)")
}

func (r *inquiryResolver) CourtCase(ctx context.Context, _ *authz.Inquiry, number string) (*sio.CourtCase, error) {
	return lookupParsed(ctx, r.Resolver, r.CourtRegistry.CasesByNumber, storeCourts, "number", number, 20,
		courtCasePattern, "a court case number CCCC-YY-00-K/N, e.g. 7510-23-00-2/2345")
}

func (r *inquiryResolver) CourtCards(ctx context.Context, _ *authz.Inquiry, caseNumber string) ([]sio.CourtCard, error) {
	return lookupParsed(ctx, r.Resolver, r.CourtCardRegistry.CardsByCase, storeCourtCards, "caseNumber", caseNumber, 20,
		courtCasePattern, "a court case number CCCC-YY-00-1/N, e.g. 7510-23-00-1/2345")
}

func (r *inquiryResolver) Fugitive(ctx context.Context, _ *authz.Inquiry, erdrNumber string) (*sio.FugitiveRecord, error) {
	return lookupParsed(ctx, r.Resolver, r.FugitiveRegistry.FugitivesByERDR, storeFugitives, "erdrNumber", erdrNumber, 15,
		erdrPattern, "a ЕРДР number of 15 digits")
}

func (r *inquiryResolver) Demand(ctx context.Context, _ *authz.Inquiry, number string) (*sio.Demand, error) {
	return lookupParsed(ctx, r.Resolver, r.DemandRegistry.DemandsByNumber, storeDemands, "number", number, 14,
		demandPattern, "a demand number Т-YYRR-NNNNNNN")
}

func (r *inquiryResolver) Expulsion(ctx context.Context, _ *authz.Inquiry, decisionNumber string) (*sio.Expulsion, error) {
	return lookupParsed(ctx, r.Resolver, r.ExpulsionRegistry.ExpulsionsByDecision, storeDeportation, "decisionNumber", decisionNumber, 20,
		courtCasePattern, "the court case number of the decision, CCCC-YY-00-K/N")
}

func (r *inquiryResolver) MissingPerson(ctx context.Context, _ *authz.Inquiry, searchCaseNumber string) (*sio.MissingPersonRecord, error) {
	return lookupParsed(ctx, r.Resolver, r.MissingPersonRegistry.MissingByCase, storeMissing, "searchCaseNumber", searchCaseNumber, 13,
		searchCasePattern, "an АИС СУ search case number of 13 digits")
}

// ---- record types ----------------------------------------------------------------

type criminalRecordResolver struct{ *Resolver }

func (r *criminalRecordResolver) Person(ctx context.Context, obj *sio.CriminalRecord) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

func (r *criminalRecordResolver) CourtCase(ctx context.Context, obj *sio.CriminalRecord) (*sio.CourtCase, error) {
	return courtCase(ctx, r.Resolver, obj.CourtCaseNumber)
}

func (r *criminalRecordResolver) Search(ctx context.Context, obj *sio.CriminalRecord) (*sio.FugitiveRecord, error) {
	if obj.ERDRNumber == nil {
		return nil, nil
	}
	return loadSourced(ctx, r.Resolver, wantedByERDR, r.FugitiveRegistry.FugitivesByERDR, storeFugitives, *obj.ERDRNumber)
}

type courtCaseResolver struct{ *Resolver }

func (r *courtCaseResolver) Parties(ctx context.Context, obj *sio.CourtCase) ([]sio.CourtParty, error) {
	return loadSourced(ctx, r.Resolver, courtPartiesOf, r.CourtRegistry.PartiesByCase, storeCourts, obj.Number)
}

func (r *courtCaseResolver) Cards(ctx context.Context, obj *sio.CourtCase) ([]sio.CourtCard, error) {
	return loadSourced(ctx, r.Resolver, cardsOfCase, r.CourtCardRegistry.CardsByCase, storeCourtCards, obj.Number)
}

type courtPartyResolver struct{ *Resolver }

func (r *courtPartyResolver) Person(ctx context.Context, obj *sio.CourtParty) (*sio.Person, error) {
	return optionalPerson(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

func (r *courtPartyResolver) LegalEntity(ctx context.Context, obj *sio.CourtParty) (*sio.LegalEntity, error) {
	return optionalEntity(ctx, r.Resolver, obj.SubjectID, obj.SubjectKind)
}

type courtCardResolver struct{ *Resolver }

func (r *courtCardResolver) Person(ctx context.Context, obj *sio.CourtCard) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

func (r *courtCardResolver) CourtCase(ctx context.Context, obj *sio.CourtCard) (*sio.CourtCase, error) {
	return courtCase(ctx, r.Resolver, &obj.CaseNumber)
}

type fugitiveRecordResolver struct{ *Resolver }

func (r *fugitiveRecordResolver) Person(ctx context.Context, obj *sio.FugitiveRecord) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

func (r *fugitiveRecordResolver) CriminalRecord(ctx context.Context, obj *sio.FugitiveRecord) (*sio.CriminalRecord, error) {
	return loadSourced(ctx, r.Resolver, criminalByCase, r.SpecialRecordRegistry.CriminalRecordsByCase, storeSpecialRecords, obj.ERDRNumber)
}

type missingPersonRecordResolver struct{ *Resolver }

func (r *missingPersonRecordResolver) Person(ctx context.Context, obj *sio.MissingPersonRecord) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

type expulsionResolver struct{ *Resolver }

func (r *expulsionResolver) Person(ctx context.Context, obj *sio.Expulsion) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}

func (r *expulsionResolver) CourtCase(ctx context.Context, obj *sio.Expulsion) (*sio.CourtCase, error) {
	return courtCase(ctx, r.Resolver, &obj.DecisionNumber)
}
