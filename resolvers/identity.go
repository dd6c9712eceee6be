package resolvers

import (
	"context"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Система документирования населения: Форма № 1 (DocumentFile,
// IdentityDocument), the document photos, and the search of ГБД ФЛ by name.

var (
	documentsOf            = loaders.Define[sio.IIN, []sio.IdentityDocument]("population_docs.documentsOf")
	surnamesOf             = loaders.Define[sio.IIN, []sio.SurnameChange]("population_docs.surnamesOf")
	addressRegistrationsOf = loaders.Define[sio.IIN, []sio.AddressRegistration]("population_docs.addressRegistrationsOf")
	photoOfPerson          = loaders.Define[sio.IIN, *sio.IdentityPhoto]("population_docs.photoOfPerson")
	photoByID              = loaders.Define[int64, *sio.IdentityPhoto]("population_docs.photoByID")
)

const popDocsStore = "population_docs"

// Helpers of the resolvers of this file and of border crossings, customs
// declarations and contacts.

// loadFrom loads key through def, a failure of the connector being
// SOURCE_UNAVAILABLE of store.
func loadFrom[K comparable, V any](ctx context.Context, r *Resolver, store string, def *loaders.Def[K, V], fetch loaders.Fetch[K, V], key K) (V, error) {
	v, err := def.Load(ctx, fetch, key)
	return v, r.source(ctx, store, err)
}

// lookupOne reads one key of a connector's batch lookup (Inquiry fields).
func lookupOne[K comparable, V any](ctx context.Context, r *Resolver, store string, fetch loaders.Fetch[K, V], key K) (V, error) {
	m, err := fetch(ctx, []K{key})
	if err != nil {
		var zero V
		return zero, r.source(ctx, store, err)
	}
	return m[key], nil
}

// capped cuts the result of a bounded search, fetched with one row more
// than max: the rows, and whether more matched.
func capped[T any](items []T, max int) ([]T, bool) {
	if len(items) > max {
		return items[:max], true
	}
	return items, false
}

func (r *personResolver) DocumentFile(ctx context.Context, obj *sio.Person) (*sio.DocumentFile, error) {
	docs, err := loadFrom(ctx, r.Resolver, popDocsStore, documentsOf, r.PopulationDocuments.DocumentsByPerson, obj.IIN)
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	return &sio.DocumentFile{IIN: obj.IIN, Documents: docs}, nil
}

func (r *personResolver) DocumentPhoto(ctx context.Context, obj *sio.Person) (*sio.IdentityPhoto, error) {
	ph, err := loadFrom(ctx, r.Resolver, popDocsStore, photoOfPerson, r.PopulationDocuments.PhotosByPerson, obj.IIN)
	if err != nil {
		return nil, err
	}
	return r.linkPhoto(ctx, ph)
}

// linkPhoto returns a copy of the photo with a link to its image issued to
// the official of the inquiry. It runs only once the field's @service check
// has passed: the link is the result of an allowed read, bound to the
// reader.
func (r *Resolver) linkPhoto(ctx context.Context, ph *sio.IdentityPhoto) (*sio.IdentityPhoto, error) {
	if ph == nil {
		return nil, nil
	}
	inq := authz.InquiryFrom(ctx)
	if inq == nil || inq.User == nil {
		return nil, sio.Errorf(sio.EFORBIDDEN, "photo links are issued under an inquiry only")
	}
	c := *ph
	c.URL, c.URLExpiresAt = r.PhotoLinks.PhotoURL(&c, inq.User.IIN)
	return &c, nil
}

type documentFileResolver struct{ *Resolver }

func (r *documentFileResolver) PreviousSurnames(ctx context.Context, obj *sio.DocumentFile) ([]sio.SurnameChange, error) {
	return loadFrom(ctx, r.Resolver, popDocsStore, surnamesOf, r.PopulationDocuments.SurnamesByPerson, obj.IIN)
}

func (r *documentFileResolver) Addresses(ctx context.Context, obj *sio.DocumentFile) ([]sio.AddressRegistration, error) {
	return loadFrom(ctx, r.Resolver, popDocsStore, addressRegistrationsOf, r.PopulationDocuments.AddressesByPerson, obj.IIN)
}

type identityDocumentResolver struct{ *Resolver }

func (r *identityDocumentResolver) Person(ctx context.Context, obj *sio.IdentityDocument) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}

func (r *identityDocumentResolver) Photo(ctx context.Context, obj *sio.IdentityDocument) (*sio.IdentityPhoto, error) {
	ph, err := loadFrom(ctx, r.Resolver, popDocsStore, photoByID, r.PopulationDocuments.PhotosByID, obj.ID)
	if err != nil {
		return nil, err
	}
	return r.linkPhoto(ctx, ph)
}

var (
	cardNumberPattern     = regexp.MustCompile(`^\d{9}$`)
	passportNumberPattern = regexp.MustCompile(`^N\d{8}$`)
	ussrNumberPattern     = regexp.MustCompile(`^([IVX]{1,4})-([А-Я]{2})(\d{6})$`)
)

// parseDocumentNumber normalizes a document number as written on the
// document: spaces and "№" dropped, a Cyrillic "Н" of a passport read as
// the Latin N, a USSR passport spelled "IV-ЖА 123456".
func parseDocumentNumber(s string) (string, error) {
	n := strings.ToUpper(strings.NewReplacer(" ", "", "№", "").Replace(strings.TrimSpace(s)))
	if strings.HasPrefix(n, "Н") {
		n = "N" + strings.TrimPrefix(n, "Н")
	}
	switch {
	case len(n) <= 32 && (cardNumberPattern.MatchString(n) || passportNumberPattern.MatchString(n)):
		return n, nil
	case len(n) <= 32 && ussrNumberPattern.MatchString(n):
		m := ussrNumberPattern.FindStringSubmatch(n)
		return m[1] + "-" + m[2] + " " + m[3], nil
	}
	return "", badInput("number", "expected an identity card or residence permit number (9 digits), a passport number (N and 8 digits) or a USSR passport number (IV-ЖА 123456)")
}

func (r *inquiryResolver) IdentityDocument(ctx context.Context, _ *authz.Inquiry, number string) (*sio.IdentityDocument, error) {
	n, err := parseDocumentNumber(number)
	if err != nil {
		return nil, err
	}
	return lookupOne(ctx, r.Resolver, popDocsStore, r.PopulationDocuments.DocumentsByNumber, n)
}

// MaxSearchResults bounds a search: beyond it the analyst must narrow the
// criteria rather than page through the population.
const MaxSearchResults = 200

// namePattern admits a name part: Cyrillic words (Kazakh letters included)
// joined by single hyphens or spaces.
var namePattern = regexp.MustCompile(`^\p{Cyrillic}+([- ]\p{Cyrillic}+)*$`)

// parseName normalizes an optional name part (nil or blank = not given).
func parseName(arg string, v *string) (string, error) {
	if v == nil {
		return "", nil
	}
	s := strings.Join(strings.Fields(*v), " ")
	if s == "" {
		return "", nil
	}
	if len([]rune(s)) > 64 || !namePattern.MatchString(s) {
		return "", badInput(arg, "expected a name in Cyrillic letters (hyphens and spaces between words), at most 64 characters")
	}
	return s, nil
}

func (r *inquiryResolver) SearchPersons(ctx context.Context, _ *authz.Inquiry, lastName string, firstName, middleName *string, birthDate *sio.Date, first *int, after *string) (*model.PersonSearchConnection, error) {
	var q sio.PersonQuery
	var err error
	if q.LastName, err = parseName("lastName", &lastName); err != nil {
		return nil, err
	}
	if len([]rune(q.LastName)) < 2 {
		return nil, badInput("lastName", "required, at least 2 letters")
	}
	if q.FirstName, err = parseName("firstName", firstName); err != nil {
		return nil, err
	}
	if q.MiddleName, err = parseName("middleName", middleName); err != nil {
		return nil, err
	}
	if q.MiddleName != "" && q.FirstName == "" {
		return nil, badInput("middleName", "give firstName too: name parts are matched from the last name on")
	}
	if birthDate != nil {
		if birthDate.After(authz.AstanaDate(r.now()).Time) || birthDate.Year() < 1900 {
			return nil, badInput("birthDate", "must be a date between 1900 and today")
		}
		q.BirthDate = birthDate
	}
	if q.FirstName == "" && q.BirthDate == nil {
		return nil, badInput("firstName", "give firstName or birthDate with lastName: a last name alone matches too many persons")
	}
	ps, err := r.PersonSearch.SearchPersons(ctx, q, MaxSearchResults+1)
	if err != nil {
		return nil, r.source(ctx, "gbd_fl", err)
	}
	ps, truncated := capped(ps, MaxSearchResults)
	return connect(ps, first, after,
		func(c string, n *sio.Person) model.PersonSearchEdge {
			return model.PersonSearchEdge{Cursor: c, Node: n}
		},
		func(e []model.PersonSearchEdge, p *model.PageInfo, t int) *model.PersonSearchConnection {
			return &model.PersonSearchConnection{Edges: e, PageInfo: p, TotalCount: t, Truncated: truncated}
		})
}
