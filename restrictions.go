package sio

import (
	"context"
	"time"
)

// RestrictionType is what a restriction of the register of restrictions
// applies to, one per write service of the policy.
type RestrictionType string

const (
	// RestrictionRealEstateBan: Наложение запрета на недвижимость (service
	// 57), on an object of Регистр недвижимости.
	RestrictionRealEstateBan RestrictionType = "REAL_ESTATE_BAN"
	// RestrictionLegalEntityBan: Наложение запрета на юридическое лицо
	// (филиал, представительство) (service 58), on an entity of ГБД ЮЛ.
	RestrictionLegalEntityBan RestrictionType = "LEGAL_ENTITY_BAN"
	// RestrictionParticipationBan: Наложение запрета на участие физического
	// лица (service 59), on a person of ГБД ФЛ. Interpretation: the seeds
	// name the service only; read as the bailiffs' ban on a debtor's
	// participation in legal entities (founding, acquiring or alienating
	// shares), the measure the registration service enforces.
	RestrictionParticipationBan RestrictionType = "PERSON_PARTICIPATION_BAN"
	// RestrictionLandEncumbrance: Наложение/снятие обременения на земельный
	// участок (service 65), on a plot of the land cadastre.
	RestrictionLandEncumbrance RestrictionType = "LAND_ENCUMBRANCE"
)

// RestrictionStatus is whether a restriction is in force.
type RestrictionStatus string

const (
	RestrictionActive RestrictionStatus = "ACTIVE"
	RestrictionLifted RestrictionStatus = "LIFTED"
)

// RestrictionAction is a change of a restriction: imposing or lifting it.
type RestrictionAction string

const (
	RestrictionImpose RestrictionAction = "IMPOSE"
	RestrictionLift   RestrictionAction = "LIFT"
)

// RecordedViaSIO marks changes made through this gateway; changes that
// came from the source systems name them (АИС ОИП, ЕРДР).
const RecordedViaSIO = "СИО ПСО"

// Restriction is a ban or encumbrance in force (or lifted) on an object:
// the measure, the authority, basis and case it was imposed under, and the
// full history of its changes.
type Restriction struct {
	ID   string          `db:"id"`
	Type RestrictionType `db:"type"`
	// MeasureRu names the measure («Арест недвижимого имущества» ...).
	MeasureRu string `db:"measure_ru"`
	// ObjectID is the cadastral number, BIN or IIN the restriction is on.
	ObjectID string            `db:"object_id"`
	Status   RestrictionStatus `db:"status"`
	// AuthorityRu is the body that imposed it.
	AuthorityRu  string     `db:"authority_ru"`
	Basis        string     `db:"basis"`
	CaseRegistry string     `db:"case_registry"`
	CaseNumber   string     `db:"case_number"`
	Reason       string     `db:"reason"`
	ImposedAt    time.Time  `db:"imposed_at"`
	LiftedAt     *time.Time `db:"lifted_at"`
	// History lists the changes, the imposition first.
	History []RestrictionChange `db:"-"`
}

// RestrictionChange is one recorded change of a restriction: what was done,
// when (UTC), by whom, under which basis and case, and why.
type RestrictionChange struct {
	RestrictionID string            `db:"restriction_id"`
	Seq           int               `db:"seq"`
	Action        RestrictionAction `db:"action"`
	At            time.Time         `db:"at"`
	// OfficialIIN is the SIO user who made the change; nil for changes
	// recorded by the source systems, which do not pass it on.
	OfficialIIN    *IIN   `db:"official_iin"`
	OfficialRole   string `db:"official_role"`
	OfficialAgency string `db:"official_agency"`
	Basis          string `db:"basis"`
	CaseRegistry   string `db:"case_registry"`
	CaseNumber     string `db:"case_number"`
	Reason         string `db:"reason"`
	RecordedVia    string `db:"recorded_via"`
}

// ChangeRequest is who asks for a change of the register, when, under which
// basis and case, why, and the client's idempotency key.
type ChangeRequest struct {
	Official     User
	At           time.Time
	Basis        string
	CaseRegistry string
	CaseNumber   string
	Reason       string
	// ClientKey makes the change idempotent: the same official sending the
	// same key again with the same request gets the same record; with
	// another request, BAD_USER_INPUT. Interpretation: keys are scoped to
	// the official (two officials may use the same key), and the request is
	// the action, type, target, reason, basis and case.
	ClientKey string
}

// ImposeRequest imposes a restriction of Type on ObjectID.
type ImposeRequest struct {
	Type        RestrictionType
	ObjectID    string
	AuthorityRu string
	ChangeRequest
}

// LiftRequest lifts restriction ID, which must be of Type and in force.
// Interpretation: the access matrix decides who may lift; the lifting case
// need not be the imposing one (both are recorded in the history), so
// restrictions from the source systems can be lifted through SIO.
type LiftRequest struct {
	Type RestrictionType
	ID   string
	ChangeRequest
}

// RestrictionRegister is the register of restrictions (bans and
// encumbrances) that the write services 57, 58, 59 and 65 change.
type RestrictionRegister interface {
	// RestrictionsOf returns the restrictions of Type on each object
	// (cadastral number, BIN or IIN) with their history, oldest first.
	RestrictionsOf(ctx context.Context, typ RestrictionType, objects []string) (map[string][]Restriction, error)
	// Impose records a new restriction in one transaction.
	Impose(ctx context.Context, req ImposeRequest) (*Restriction, error)
	// Lift lifts a restriction in force in one transaction.
	Lift(ctx context.Context, req LiftRequest) (*Restriction, error)
}

// RestrictionMeasureRu names the measure a restriction of typ stands for
// under a basis: an arrest in a criminal case, a ban on alienation and
// registration in enforcement proceedings, a ban on registration
// otherwise. Interpretation: the write services take no measure argument;
// the basis decides it.
func RestrictionMeasureRu(typ RestrictionType, basis string) string {
	criminal, enforcement := basis == "CRIMINAL_CASE", basis == "ENFORCEMENT"
	switch typ {
	case RestrictionRealEstateBan:
		switch {
		case criminal:
			return "Арест недвижимого имущества"
		case enforcement:
			return "Запрет на отчуждение и регистрационные действия с недвижимым имуществом"
		}
		return "Запрет на регистрационные действия с недвижимым имуществом"
	case RestrictionLandEncumbrance:
		if criminal {
			return "Арест земельного участка"
		}
		return "Обременение: запрет на отчуждение земельного участка и регистрационные действия с ним"
	case RestrictionLegalEntityBan:
		return "Запрет на регистрационные действия юридического лица (перерегистрация, изменение состава участников, реорганизация, ликвидация)"
	case RestrictionParticipationBan:
		return "Запрет на участие в юридических лицах (регистрация, приобретение и отчуждение долей участия)"
	}
	return ""
}
