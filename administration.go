package sio

import (
	"context"
	"time"
)

// SIO's own administration (not a state database): the applications
// (Заявка, seed 000 App. 5, seed 002 App. 10) that register, transfer,
// block and unblock officials, the emergency journal (Журнал аварийных
// ситуаций, seed 000 App. 7, seed 002 App. 13), the maintenance notices of
// the portal (seed 000 §38, §44) and the prosecutor's checks of the log
// (seed 000 §54-55, seed 002 §51-52). Instants are UTC; they are shown in
// Astana time (seed 000 §29).

// ApplicationKind is what an application asks of the operator.
type ApplicationKind string

const (
	// ApplicationRegistration registers a new official (seed 000 §13-14).
	ApplicationRegistration ApplicationKind = "REGISTRATION"
	// ApplicationRoleChange corrects the rights of an official transferred
	// to another post or unit (seed 000 §15, seed 002 §12).
	ApplicationRoleChange ApplicationKind = "ROLE_CHANGE"
	// ApplicationBlock blocks an official dismissed or suspended (seed 000
	// §14, §16; seed 002 §13, §34): executed on receipt.
	ApplicationBlock ApplicationKind = "BLOCK"
	// ApplicationUnblock restores the access of a blocked official.
	ApplicationUnblock ApplicationKind = "UNBLOCK"
)

// ApplicationStatus is where an application stands.
type ApplicationStatus string

const (
	ApplicationPending  ApplicationStatus = "PENDING"
	ApplicationApproved ApplicationStatus = "APPROVED"
	ApplicationRefused  ApplicationStatus = "REFUSED"
)

// ApplicationSLA is the time the operator has to decide an application:
// "в течение суток" (seed 000 §14, seed 002 §12).
const ApplicationSLA = 24 * time.Hour

// Application is a Заявка to the operator of SIO.
type Application struct {
	ID   int64           `db:"id"`
	Kind ApplicationKind `db:"kind"`
	// ApplicantIIN submitted it (the official, or the agency's responsible
	// official).
	ApplicantIIN IIN `db:"applicant_iin"`
	// UserIIN is the official it concerns, with the post asked for.
	UserIIN       IIN    `db:"user_iin"`
	FullName      string `db:"full_name"`
	Agency        string `db:"agency_code"`
	Position      string `db:"position"`
	RequestedRole string `db:"requested_role"`
	// Reason: the grounds (e.g. the order of dismissal or transfer).
	Reason      string            `db:"reason"`
	SubmittedAt time.Time         `db:"-"`
	Status      ApplicationStatus `db:"status"`
	DecidedAt   *time.Time        `db:"-"`
	// DeciderIIN is the operator who decided ("" for a block executed on
	// receipt, or while pending).
	DeciderIIN string `db:"decider_iin"`
	// GrantedRole is the role approved (may differ from the one asked).
	GrantedRole string `db:"granted_role"`
	// RefusalReason is the motivated refusal (мотивированный отказ).
	RefusalReason string `db:"refusal_reason"`
}

// Deadline is when the operator must have decided the application.
func (a *Application) Deadline() time.Time { return a.SubmittedAt.Add(ApplicationSLA) }

// SLABreached tells whether the application was decided late, or is still
// pending past its deadline at now.
func (a *Application) SLABreached(now time.Time) bool {
	if a.DecidedAt != nil {
		return a.DecidedAt.After(a.Deadline())
	}
	return now.After(a.Deadline())
}

// EmergencyCategory is a section of the emergency journal's form (seed 000
// App. 7, seed 002 App. 13), plus OTHER for a situation the form does not
// name (a failure of a state database or of the transport environment).
type EmergencyCategory string

const (
	EmergencyServerEquipment EmergencyCategory = "SERVER_EQUIPMENT"
	EmergencyPremises        EmergencyCategory = "PREMISES"
	EmergencyFire            EmergencyCategory = "FIRE"
	EmergencyAirConditioning EmergencyCategory = "AIR_CONDITIONING"
	EmergencyPower           EmergencyCategory = "POWER"
	EmergencyFlood           EmergencyCategory = "FLOOD"
	EmergencyOther           EmergencyCategory = "OTHER"
)

// EmergencyCategories lists the categories in the order of the form.
var EmergencyCategories = []EmergencyCategory{EmergencyServerEquipment, EmergencyPremises, EmergencyFire,
	EmergencyAirConditioning, EmergencyPower, EmergencyFlood, EmergencyOther}

// EmergencyDelayLimit: emergencies delaying messages longer are recorded as
// such in the Log-journal (seed 000 §41-43, seed 002 §41).
const EmergencyDelayLimit = time.Hour

// EmergencyEntry is a line of the Журнал аварийных ситуаций.
type EmergencyEntry struct {
	ID       int64             `db:"id"`
	Category EmergencyCategory `db:"category"`
	// Actions taken ("Действия"), the time they may take at most
	// ("Необходимое время (max)") and who is responsible.
	Actions     string `db:"actions"`
	MaxMinutes  int    `db:"max_minutes"`
	Responsible string `db:"responsible"`
	// Cause of the situation and the measures taken to end the delay
	// (seed 000 §43).
	Cause      string     `db:"cause"`
	Measures   string     `db:"measures"`
	StartedAt  time.Time  `db:"-"`
	EndedAt    *time.Time `db:"-"`
	RecordedBy IIN        `db:"recorded_by"`
	RecordedAt time.Time  `db:"-"`
}

// Delay is how long the situation lasted, up to now while it is open.
func (e *EmergencyEntry) Delay(now time.Time) time.Duration {
	end := now
	if e.EndedAt != nil {
		end = *e.EndedAt
	}
	if end.Before(e.StartedAt) {
		return 0
	}
	return end.Sub(e.StartedAt)
}

// MaintenanceNotice announces planned technical works (seed 000 §38, §44;
// seed 002 §35, §45).
type MaintenanceNotice struct {
	ID          int64     `db:"id"`
	Title       string    `db:"title"`
	Description string    `db:"description"`
	StartsAt    time.Time `db:"-"`
	EndsAt      time.Time `db:"-"`
	PublishedBy IIN       `db:"published_by"`
	PublishedAt time.Time `db:"-"`
}

// ProsecutorCheck is a check by a prosecutor of the legality of what users
// of an agency obtained from SIO over a period, under a постановление о
// проведении проверки (seed 000 §54-55, seed 002 §51-52).
type ProsecutorCheck struct {
	ID int64 `db:"id"`
	// ResolutionNumber and ResolutionDate identify the постановление.
	ResolutionNumber string `db:"resolution_number"`
	ResolutionDate   Date   `db:"resolution_date"`
	ProsecutorIIN    IIN    `db:"prosecutor_iin"`
	Agency           string `db:"agency_code"`
	// From and To bound the period checked (Astana dates, inclusive).
	From     Date      `db:"date_from"`
	To       Date      `db:"date_to"`
	OpenedAt time.Time `db:"-"`
}

// AdminJournal stores the applications, the emergency journal, the
// maintenance notices and the prosecutor's checks.
type AdminJournal interface {
	SubmitApplication(ctx context.Context, a *Application) error
	Application(ctx context.Context, id int64) (*Application, error)
	// Applications lists applications, newest first: of one agency when
	// agency is given, of one applicant or official when iin is given.
	Applications(ctx context.Context, f ApplicationFilter) ([]Application, error)
	// DecideApplication records the decision of a pending application; it
	// returns false if the application was no longer pending.
	DecideApplication(ctx context.Context, a *Application) (bool, error)

	RecordEmergency(ctx context.Context, e *EmergencyEntry) error
	Emergency(ctx context.Context, id int64) (*EmergencyEntry, error)
	CloseEmergency(ctx context.Context, id int64, endedAt time.Time, measures string) (*EmergencyEntry, error)
	Emergencies(ctx context.Context, from, to time.Time) ([]EmergencyEntry, error)

	PublishMaintenance(ctx context.Context, n *MaintenanceNotice) error
	// Maintenance lists the notices of works ending after since, soonest
	// first.
	Maintenance(ctx context.Context, since time.Time) ([]MaintenanceNotice, error)

	OpenProsecutorCheck(ctx context.Context, c *ProsecutorCheck) error
	ProsecutorCheck(ctx context.Context, id int64) (*ProsecutorCheck, error)
	ProsecutorChecks(ctx context.Context, prosecutor IIN) ([]ProsecutorCheck, error)
}

// ApplicationFilter selects applications.
type ApplicationFilter struct {
	Status ApplicationStatus
	Agency string
	// IIN matches the applicant or the official concerned.
	IIN IIN
}
