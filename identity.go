package sio

import (
	"context"
	"time"
)

// Система документирования населения (СДН): identity documents issued to a
// person over time, previous surnames and the registered-address history
// (Форма № 1, service 28), the photos taken for the documents (service 27),
// and the search of ГБД ФЛ by name and birth date.

// IdentityDocumentKind is the kind of an identity document.
type IdentityDocumentKind string

const (
	// DocIDCard is the identity card of a citizen (удостоверение личности).
	DocIDCard IdentityDocumentKind = "ID_CARD"
	// DocPassport is the passport of a citizen of the Republic of Kazakhstan.
	DocPassport IdentityDocumentKind = "PASSPORT"
	// DocResidencePermit is the residence permit of a foreigner (вид на
	// жительство иностранца).
	DocResidencePermit IdentityDocumentKind = "RESIDENCE_PERMIT"
	// DocForeignPassport is a foreigner's national passport (border
	// crossings of foreigners).
	DocForeignPassport IdentityDocumentKind = "FOREIGN_PASSPORT"
	// DocUSSRPassport is a passport of a citizen of the USSR (1974 model),
	// exchanged for Kazakh documents in 1995-2001.
	DocUSSRPassport IdentityDocumentKind = "USSR_PASSPORT"
)

// IdentityDocumentStatus is the state of an identity document.
type IdentityDocumentStatus string

const (
	DocValid    IdentityDocumentStatus = "VALID"
	DocExpired  IdentityDocumentStatus = "EXPIRED"
	DocReplaced IdentityDocumentStatus = "REPLACED"
	DocLost     IdentityDocumentStatus = "LOST"
	// DocInvalidated: annulled on the holder's death.
	DocInvalidated IdentityDocumentStatus = "INVALIDATED"
)

// IdentityDocument is one document of a person's Form No. 1: issued by the
// documenting authority (МВД РК, МЮ РК in 2001-2011), with the name as
// printed on it.
type IdentityDocument struct {
	ID         int64                `db:"id"`
	IIN        IIN                  `db:"iin"`
	Kind       IdentityDocumentKind `db:"kind"`
	KindRu     string               `db:"kind_ru"`
	Number     string               `db:"number"`
	LastName   string               `db:"last_name"`
	FirstName  string               `db:"first_name"`
	MiddleName string               `db:"middle_name"`
	Gender     Gender               `db:"gender"`
	IssueDate  Date                 `db:"issue_date"`
	// ExpiryDate is nil for documents without a term (USSR passports).
	ExpiryDate *Date `db:"expiry_date"`
	// Issuer is the issuing authority as printed: "МВД РК", "МЮ РК", "МВД СССР".
	Issuer        string `db:"issuer"`
	IssueReasonRu string `db:"issue_reason_ru"`
	// RegionKATO is where the document was issued.
	RegionKATO string                 `db:"region_kato"`
	Status     IdentityDocumentStatus `db:"status"`
	// StatusDate is when the document stopped being valid (replaced, lost,
	// expired, annulled); nil while valid.
	StatusDate *Date `db:"status_date"`
}

// Region where the document was issued.
func (d *IdentityDocument) Region() *Region { return regionOrNil(d.RegionKATO) }

// FullName as printed on the document.
func (d *IdentityDocument) FullName() string {
	p := Person{LastName: d.LastName, FirstName: d.FirstName, MiddleName: d.MiddleName}
	return p.FullName()
}

// ValidOn reports whether the document was in force on day.
func (d *IdentityDocument) ValidOn(day Date) bool {
	if day.Before(d.IssueDate.Time) {
		return false
	}
	if d.ExpiryDate != nil && !day.Before(d.ExpiryDate.Time) {
		return false
	}
	return d.StatusDate == nil || day.Before(d.StatusDate.Time)
}

// SurnameChange is a previous surname of a person (перемена фамилии).
type SurnameChange struct {
	IIN              IIN    `db:"iin"`
	PreviousLastName string `db:"previous_last_name"`
	NewLastName      string `db:"new_last_name"`
	ChangedOn        Date   `db:"changed_on"`
	ReasonRu         string `db:"reason_ru"`
}

// AddressRegistration is a registration at a place of residence (прописка).
type AddressRegistration struct {
	IIN            IIN    `db:"iin"`
	Address        string `db:"address"`
	RegionKATO     string `db:"region_kato"`
	RegisteredFrom Date   `db:"registered_from"`
	// RegisteredTo is nil for the current registration.
	RegisteredTo *Date `db:"registered_to"`
	// DeregistrationReasonRu says why the registration ended ("" if current).
	DeregistrationReasonRu string `db:"deregistration_reason_ru"`
}

// Region of the address.
func (a *AddressRegistration) Region() *Region { return regionOrNil(a.RegionKATO) }

// DocumentFile is Форма № 1 of a person: the documents (oldest first); the
// previous surnames and registrations are read by their own lookups.
type DocumentFile struct {
	IIN       IIN
	Documents []IdentityDocument
}

// CurrentDocument is the last document issued (valid or not).
func (f *DocumentFile) CurrentDocument() *IdentityDocument {
	var cur *IdentityDocument
	for i := range f.Documents {
		d := &f.Documents[i]
		if d.Kind != DocPassport && (cur == nil || !d.IssueDate.Before(cur.IssueDate.Time)) {
			cur = d
		}
	}
	return cur
}

// IdentityPhoto is the photo taken for a document: SIO serves a placeholder
// image of it through a short-lived link (URL) issued to the requesting
// official only.
type IdentityPhoto struct {
	// ID is the document the photo was taken for.
	ID             int64  `db:"id"`
	IIN            IIN    `db:"iin"`
	DocumentNumber string `db:"number"`
	LastName       string `db:"last_name"`
	FirstName      string `db:"first_name"`
	MiddleName     string `db:"middle_name"`
	Gender         Gender `db:"gender"`
	TakenOn        Date   `db:"issue_date"`
	// URL of the image and when it stops working (set by the resolver).
	URL          string    `db:"-"`
	URLExpiresAt time.Time `db:"-"`
}

// PopulationDocuments is Система документирования населения.
type PopulationDocuments interface {
	// DocumentsByPerson returns the documents of each person, oldest first.
	DocumentsByPerson(ctx context.Context, iins []IIN) (map[IIN][]IdentityDocument, error)
	// DocumentsByNumber returns the documents found among numbers.
	DocumentsByNumber(ctx context.Context, numbers []string) (map[string]*IdentityDocument, error)
	// SurnamesByPerson returns the surname changes of each person, oldest first.
	SurnamesByPerson(ctx context.Context, iins []IIN) (map[IIN][]SurnameChange, error)
	// AddressesByPerson returns the registrations of each person, oldest first.
	AddressesByPerson(ctx context.Context, iins []IIN) (map[IIN][]AddressRegistration, error)
	// PhotosByPerson returns the photo of each person's latest document.
	PhotosByPerson(ctx context.Context, iins []IIN) (map[IIN]*IdentityPhoto, error)
	// PhotosByID returns the photos found among ids.
	PhotosByID(ctx context.Context, ids []int64) (map[int64]*IdentityPhoto, error)
}

// PhotoLinker issues links to photo images, bound to the official who asked
// and valid for a short time.
type PhotoLinker interface {
	PhotoURL(photo *IdentityPhoto, user IIN) (url string, expires time.Time)
}

// PersonQuery is a search of ГБД ФЛ by name and birth date: whole name parts
// (case-insensitive, Ё = Е), LastName required.
type PersonQuery struct {
	LastName, FirstName, MiddleName string
	BirthDate                       *Date
}

// PersonSearch searches ГБД ФЛ.
type PersonSearch interface {
	// SearchPersons returns at most limit persons matching q, ordered by
	// name, birth date and IIN.
	SearchPersons(ctx context.Context, q PersonQuery, limit int) ([]Person, error)
}
