package authz

import (
	"strings"

	"sio"
)

// Oversight: who may read SIO's own Log-journal (reports, checks) and
// administer its users and journals. These fields read no state database
// (they are @system); the offices below are their access rule, decided in
// one place (Oversee) for every such field.

// Office is a capacity in which an official reads the log or administers
// SIO.
type Office string

const (
	// OfficeSupervisor is an agency's responsible official (seed 000 §9-12;
	// seed 002 §29-32): ведомственный контроль of the requests of the
	// agency's users through "Отчеты", at least monthly, and applications
	// to register and block them. Held as the duty DutySupervisor.
	OfficeSupervisor Office = "SUPERVISOR"
	// OfficeOperator is the operator of SIO, an administrator of КПСиСУ
	// (seed 000 §13-14, §35-48; seed 002 §11-13, §33-35, §41-46): decides
	// applications, blocks users, keeps the emergency journal, publishes
	// maintenance notices and forms the reports of every agency.
	OfficeOperator Office = "OPERATOR"
	// OfficeProsecutor is a prosecutor checking the legality of what users
	// of an agency obtained (seed 000 §54-56; seed 002 §51-53), only under
	// a recorded постановление о проведении проверки.
	OfficeProsecutor Office = "PROSECUTOR"
)

// DutySupervisor is the account duty of an agency's responsible official.
const DutySupervisor = "SUPERVISOR"

// Who holds the operator's and the prosecutor's offices.
const (
	RoleSystemAdministrator = "SYSTEM_ADMINISTRATOR"
	AgencyOperator          = "KPSISU"
	RoleProsecutor          = "PROSECUTOR"
)

// Refusal reasons of oversight fields (extensions.reason of FORBIDDEN).
const (
	ReasonOfficeRequired = "OVERSIGHT_OFFICE_REQUIRED"
	ReasonOtherAgency    = "OTHER_AGENCY"
	// ReasonNotOwnCheck: a prosecutor reads the checks opened under the
	// prosecutor's own постановление only.
	ReasonNotOwnCheck = "NOT_OWN_CHECK"
)

// Forbidden is a FORBIDDEN error of the oversight rules with its reason and
// source.
func Forbidden(reason, source, format string, args ...any) *sio.Error {
	return forbidden(reason, source, format, args...)
}

// Overseer is the caller acting in an office.
type Overseer struct {
	User   *sio.User
	Office Office
}

// Active checks that the user may act in SIO at all: not blocked, and the
// usage agreement signed (as Open requires for an inquiry).
func Active(u *sio.User) error {
	switch {
	case u == nil:
		return sio.Errorf(sio.EUNAUTHENTICATED, "authentication required")
	case u.Blocked:
		return forbidden(ReasonUserBlocked, "000 §12, §14, §45", "the user is blocked")
	case u.AgreementSignedAt == nil:
		return forbidden(ReasonAgreementNotSigned, "000 §17, §19", "the usage agreement has not been signed (signAgreement)")
	}
	return nil
}

// Offices lists the offices the user holds (duties are the user's account
// duties).
func Offices(u *sio.User, duties []string) []Office {
	var out []Office
	for _, o := range []Office{OfficeOperator, OfficeSupervisor, OfficeProsecutor} {
		if holds(u, duties, o) {
			out = append(out, o)
		}
	}
	return out
}

// Oversee returns the first of offices the user holds, or a FORBIDDEN error
// naming the offices required. The user must be Active.
func Oversee(u *sio.User, duties []string, offices ...Office) (*Overseer, error) {
	if err := Active(u); err != nil {
		return nil, err
	}
	for _, o := range offices {
		if holds(u, duties, o) {
			return &Overseer{User: u, Office: o}, nil
		}
	}
	names := make([]string, len(offices))
	for i, o := range offices {
		names[i] = string(o)
	}
	return nil, forbidden(ReasonOfficeRequired, officeSources(offices),
		"this is available to %s only", joinOr(names))
}

func holds(u *sio.User, duties []string, o Office) bool {
	switch o {
	case OfficeSupervisor:
		for _, d := range duties {
			if d == DutySupervisor {
				return true
			}
		}
	case OfficeOperator:
		return u.RoleCode == RoleSystemAdministrator && u.AgencyCode == AgencyOperator
	case OfficeProsecutor:
		return u.RoleCode == RoleProsecutor
	}
	return false
}

// Agency returns the agency whose log the overseer may read when asking
// for agency (empty: the default): a supervisor reads the own agency only,
// the operator any agency (empty: all agencies).
func (o *Overseer) Agency(agency string) (string, error) {
	if o.Office == OfficeSupervisor {
		if agency != "" && agency != o.User.AgencyCode {
			return "", forbidden(ReasonOtherAgency, "000 §11; 002 §32",
				"a responsible official oversees the users of the own agency (%s) only", o.User.AgencyCode)
		}
		return o.User.AgencyCode, nil
	}
	return agency, nil
}

func officeSources(offices []Office) string {
	src := map[Office]string{OfficeSupervisor: "000 §9-11; 002 §29-32", OfficeOperator: "000 §14, §35-45; 002 §12, §33-45",
		OfficeProsecutor: "000 §54-55; 002 §51-52"}
	var out []string
	for _, o := range offices {
		out = append(out, src[o])
	}
	return strings.Join(out, "; ")
}

func joinOr(xs []string) string {
	switch len(xs) {
	case 0:
		return "nobody"
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}
