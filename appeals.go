package sio

import "context"

// AppealKind is the kind of an appeal (обращение) to a state body.
type AppealKind string

const (
	AppealStatement   AppealKind = "STATEMENT"    // заявление
	AppealComplaint   AppealKind = "COMPLAINT"    // жалоба
	AppealProposal    AppealKind = "PROPOSAL"     // предложение
	AppealRequest     AppealKind = "REQUEST"      // запрос
	AppealCrimeReport AppealKind = "CRIME_REPORT" // сообщение об уголовном правонарушении (КУИ)
)

// AppealChannel is how an appeal was submitted.
type AppealChannel string

const (
	ChannelOnline    AppealChannel = "ONLINE" // e-Otinish / eGov
	ChannelWritten   AppealChannel = "WRITTEN"
	ChannelReception AppealChannel = "RECEPTION" // личный приём
	ChannelPhone     AppealChannel = "PHONE"     // 102 / call centre
)

// AppealStatus is the state of an appeal.
type AppealStatus string

const (
	AppealUnderReview AppealStatus = "UNDER_REVIEW"
	AppealSatisfied   AppealStatus = "SATISFIED"
	AppealRejected    AppealStatus = "REJECTED"
	AppealExplained   AppealStatus = "EXPLAINED"
	AppealForwarded   AppealStatus = "FORWARDED"
	AppealRegistered  AppealStatus = "REGISTERED_ERDR" // crime report registered in ЕРДР
	AppealDeclined    AppealStatus = "DECLINED"        // crime report: no grounds (не подлежит регистрации в ЕРДР)
)

// Appeal is a record of База данных "Единый учет обращений лиц": an
// appeal, complaint or report of an offence registered by a state body.
// Numbers read ЖТ-YYYY-NNNNNNNN (ЖТ: an individual's appeal).
type Appeal struct {
	Number      string        `db:"number"`
	PersonIIN   IIN           `db:"person_iin"`
	SubmittedAt Date          `db:"submitted_at"`
	Body        string        `db:"body"`
	RegionKATO  string        `db:"region_kato"`
	Channel     AppealChannel `db:"channel"`
	Kind        AppealKind    `db:"kind"`
	KindRu      string        `db:"kind_ru"`
	CategoryRu  string        `db:"category_ru"`
	SummaryRu   string        `db:"summary_ru"`
	// KUINumber is the entry of a crime report in the book of information
	// (КУИ) of the police unit.
	KUINumber  *string      `db:"kui_number"`
	Deadline   Date         `db:"deadline"`
	Status     AppealStatus `db:"status"`
	AnsweredAt *Date        `db:"answered_at"`
	ResultRu   *string      `db:"result_ru"`
}

// Region of the body.
func (a *Appeal) Region() *Region { return regionOrNil(a.RegionKATO) }

// AppealRegistry is База данных "Единый учет обращений лиц".
type AppealRegistry interface {
	AppealsByPerson(ctx context.Context, iins []IIN) (map[IIN][]Appeal, error)
	AppealsByNumber(ctx context.Context, numbers []string) (map[string]*Appeal, error)
}
