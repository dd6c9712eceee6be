package sio

import "context"

// PostalItemKind is the class of a postal item (the first letter of its
// S10 service indicator: R registered letter, C parcel, E EMS, L/U small
// packet).
type PostalItemKind string

const (
	PostalRegisteredLetter PostalItemKind = "REGISTERED_LETTER"
	PostalParcel           PostalItemKind = "PARCEL"
	PostalEMS              PostalItemKind = "EMS"
	PostalSmallPacket      PostalItemKind = "SMALL_PACKET"
)

// PostalItemStatus is where a postal item stands.
type PostalItemStatus string

const (
	PostalInTransit      PostalItemStatus = "IN_TRANSIT"
	PostalAwaitingPickup PostalItemStatus = "AWAITING_PICKUP"
	PostalDelivered      PostalItemStatus = "DELIVERED"
	PostalReturned       PostalItemStatus = "RETURNED"
)

// PostalItem is a record of Почтовые отправления (АО «Казпочта»): a tracked
// item with its S10 tracking number, the sender and the recipient (persons
// and companies of the registers when known, otherwise senders abroad or
// state bodies by name), the offices of acceptance and delivery, the
// weight and the state of delivery.
type PostalItem struct {
	// TrackingNumber is the UPU S10 identifier, e.g. RR123456785KZ.
	TrackingNumber string         `db:"tracking_number"`
	Kind           PostalItemKind `db:"kind"`
	// KindRu is the item class as Казпочта names it («Заказное письмо»).
	KindRu string `db:"kind_ru"`
	// SenderID is the sender's IIN or BIN, nil when the sender is not in
	// the registers (a shop abroad, a state body).
	SenderID         *string      `db:"sender_id"`
	SenderKind       *SubjectKind `db:"sender_kind"`
	SenderName       string       `db:"sender_name"`
	SenderAddress    string       `db:"sender_address"`
	RecipientID      *string      `db:"recipient_id"`
	RecipientKind    *SubjectKind `db:"recipient_kind"`
	RecipientName    string       `db:"recipient_name"`
	RecipientAddress string       `db:"recipient_address"`
	// OriginIndex is the postcode of the office of acceptance, or the code
	// of the foreign office of exchange for items from abroad.
	OriginIndex       string           `db:"origin_index"`
	OriginOffice      string           `db:"origin_office"`
	DestinationIndex  string           `db:"destination_index"`
	DestinationOffice string           `db:"destination_office"`
	AcceptedOn        Date             `db:"accepted_on"`
	DeliveredOn       *Date            `db:"delivered_on"`
	WeightGrams       int              `db:"weight_grams"`
	Status            PostalItemStatus `db:"status"`
}

// OriginCountry is the ISO 3166 alpha-2 country of the posting
// administration (the last two letters of the tracking number).
func (p *PostalItem) OriginCountry() string {
	if len(p.TrackingNumber) != 13 {
		return ""
	}
	return p.TrackingNumber[11:]
}

// PostalRegistry is Почтовые отправления.
type PostalRegistry interface {
	// ItemsByParty returns the items each subject (IIN or BIN) sent or
	// received, the newest first.
	ItemsByParty(ctx context.Context, ids []string) (map[string][]PostalItem, error)
	// ItemsByTracking returns the items found among tracking numbers.
	ItemsByTracking(ctx context.Context, numbers []string) (map[string]*PostalItem, error)
}

// s10Weights are the UPU S10 weights of the eight serial digits.
var s10Weights = [8]int{8, 6, 4, 2, 3, 5, 9, 7}

// S10CheckDigit computes the check digit of an 8-digit S10 serial: the
// weighted sum (8 6 4 2 3 5 9 7) is taken mod 11 and subtracted from 11;
// 10 becomes 0 and 11 becomes 5. ok is false unless serial is 8 digits.
func S10CheckDigit(serial string) (digit byte, ok bool) {
	if len(serial) != 8 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		c := serial[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * s10Weights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return '0', true
	case 11:
		return '5', true
	default:
		return byte('0' + c), true
	}
}

// ValidTrackingNumber reports whether s is an S10 identifier: two letters
// (service indicator), eight digits, the check digit and a two-letter
// country code, in upper case.
func ValidTrackingNumber(s string) bool {
	if len(s) != 13 {
		return false
	}
	for _, i := range []int{0, 1, 11, 12} {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	d, ok := S10CheckDigit(s[2:10])
	return ok && s[10] == d
}
