package resolvers

import (
	"context"
	"errors"
	"time"

	"sio"
	"sio/accounts"
	"sio/authz"
	"sio/graph/model"
)

// Administration by the operator of SIO: applications (Заявка), blocking,
// duties, the emergency journal and the maintenance notices. Every change
// is a mutation, recorded in the Log-journal like any request. The access
// rule is the caller's office (oversee, authz.Oversee).

// Bounds of names and texts (runes).
const (
	maxName = 300
	maxText = 2000
)

func (r *Resolver) account(u *sio.User, duties []string) *model.OfficialAccount {
	return &model.OfficialAccount{Iin: u.IIN, FullName: u.FullName, RoleCode: u.RoleCode, Agency: u.AgencyCode,
		Position: u.Position, Blocked: u.Blocked, AgreementSigned: u.AgreementSignedAt != nil, Duties: nonNil(duties)}
}

// reload reads an official's account after a change.
func (r *Resolver) reload(ctx context.Context, iin sio.IIN) (*model.OfficialAccount, error) {
	u, err := r.Users.UserByIIN(ctx, iin)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	if u == nil {
		return nil, accounts.ErrNoUser
	}
	duties, err := r.Accounts.Duties(ctx, iin)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	return r.account(u, duties), nil
}

// registered returns the official, NOT_FOUND when not registered.
func (r *Resolver) registered(ctx context.Context, arg string, iin sio.IIN) (*sio.User, error) {
	u, err := r.Users.UserByIIN(ctx, iin)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	if u == nil {
		return nil, &sio.Error{Code: sio.ENOTFOUND, Argument: arg, Message: arg + ": the official is not registered in SIO"}
	}
	return u, nil
}

// role checks a role of the policy that the agency may hold.
func (r *Resolver) grantable(arg, role, agency string) error {
	pr, ok := r.Enforcer.Policy.Role(role)
	if !ok {
		return badInput(arg, "unknown role %q (see policy.roles)", role)
	}
	if len(pr.Agencies) == 0 {
		return nil
	}
	for _, a := range pr.Agencies {
		if a == agency {
			return nil
		}
	}
	return badInput(arg, "role %s is not a role of agency %s", role, agency)
}

func (r *meResolver) Duties(ctx context.Context, me *model.Me) ([]string, error) {
	ds, err := r.Accounts.Duties(ctx, me.Iin)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	return nonNil(ds), nil
}

type meResolver struct{ *Resolver }

// Applications.

// SubmitApplication: REGISTRATION, BLOCK and UNBLOCK come from the agency's
// responsible official (seed 000 §16; seed 002 §11, §13: the application is
// signed by the agency's supervising head), ROLE_CHANGE from the official
// transferred (seed 000 §15). Interpretation: a new employee cannot log in
// before registration, so the responsible official files the
// registration; a block is executed on receipt, as the operator must block
// "незамедлительно" (seed 000 §14, seed 002 §34).
func (r *mutationResolver) SubmitApplication(ctx context.Context, in model.ApplicationInput) (*sio.Application, error) {
	u, duties, err := r.caller(ctx)
	if err != nil {
		return nil, err
	}
	if err := authz.Active(u); err != nil {
		return nil, err
	}
	reason, err := text("input.reason", in.Reason, maxText, true)
	if err != nil {
		return nil, err
	}
	now := r.now().UTC()
	a := &sio.Application{Kind: in.Kind, ApplicantIIN: u.IIN, Reason: reason, SubmittedAt: now, Status: sio.ApplicationPending}
	switch in.Kind {
	case sio.ApplicationRoleChange:
		if in.UserIin != nil && *in.UserIin != u.IIN {
			return nil, badInput("input.userIin", "a transferred official applies for the own rights (seed 000 §15)")
		}
		a.UserIIN, a.FullName, a.Agency = u.IIN, u.FullName, u.AgencyCode
		if in.Agency != nil && *in.Agency != "" {
			if !r.knownAgency(*in.Agency) {
				return nil, badInput("input.agency", "unknown agency %q (see policy.agencies)", *in.Agency)
			}
			a.Agency = *in.Agency
		}
		if err := r.post(a, in); err != nil {
			return nil, err
		}
	case sio.ApplicationRegistration, sio.ApplicationBlock, sio.ApplicationUnblock:
		ov, err := authz.Oversee(u, duties, authz.OfficeSupervisor)
		if err != nil {
			return nil, err
		}
		if in.UserIin == nil {
			return nil, badInput("input.userIin", "required: the official concerned")
		}
		a.UserIIN, a.Agency = *in.UserIin, ov.User.AgencyCode
		if in.Kind == sio.ApplicationRegistration {
			if old, err := r.Users.UserByIIN(ctx, a.UserIIN); err != nil {
				return nil, r.source(ctx, "sio_accounts", err)
			} else if old != nil {
				return nil, badInput("input.userIin", "the official is already registered in SIO")
			}
			if a.FullName, err = text("input.fullName", deref(in.FullName), maxName, true); err != nil {
				return nil, err
			}
			if err := r.post(a, in); err != nil {
				return nil, err
			}
			break
		}
		target, err := r.registered(ctx, "input.userIin", a.UserIIN)
		if err != nil {
			return nil, err
		}
		if _, err := ov.Agency(target.AgencyCode); err != nil {
			return nil, err
		}
		a.FullName, a.Position, a.RequestedRole = target.FullName, target.Position, target.RoleCode
		if in.Kind == sio.ApplicationBlock {
			if err := r.Accounts.SetBlocked(ctx, a.UserIIN, true); err != nil {
				return nil, r.source(ctx, "sio_accounts", err)
			}
			a.Status, a.DecidedAt = sio.ApplicationApproved, &now
		}
	default:
		return nil, badInput("input.kind", "unknown kind %q", in.Kind)
	}
	if err := r.Admin.SubmitApplication(ctx, a); err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return a, nil
}

// post fills and checks the post asked for (REGISTRATION, ROLE_CHANGE).
func (r *Resolver) post(a *sio.Application, in model.ApplicationInput) error {
	var err error
	if a.Position, err = text("input.position", deref(in.Position), maxName, true); err != nil {
		return err
	}
	if a.RequestedRole, err = text("input.requestedRole", deref(in.RequestedRole), 64, true); err != nil {
		return err
	}
	return r.grantable("input.requestedRole", a.RequestedRole, a.Agency)
}

// pending reads an application the operator is to decide.
func (r *Resolver) pending(ctx context.Context, id string) (*sio.Application, error) {
	n, err := parseID("id", id)
	if err != nil {
		return nil, err
	}
	a, err := r.Admin.Application(ctx, n)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	if a == nil {
		return nil, &sio.Error{Code: sio.ENOTFOUND, Argument: "id", Message: "id: no such application"}
	}
	if a.Status != sio.ApplicationPending {
		return nil, badInput("id", "application %d is already %s", a.ID, a.Status)
	}
	return a, nil
}

// decide records the operator's decision of a pending application.
func (r *Resolver) decide(ctx context.Context, a *sio.Application, op *sio.User) (*sio.Application, error) {
	now := r.now().UTC()
	a.DecidedAt, a.DeciderIIN = &now, string(op.IIN)
	ok, err := r.Admin.DecideApplication(ctx, a)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	if !ok {
		return nil, badInput("id", "application %d was decided meanwhile", a.ID)
	}
	return a, nil
}

func (r *mutationResolver) ApproveApplication(ctx context.Context, id string, role *string) (*sio.Application, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator)
	if err != nil {
		return nil, err
	}
	a, err := r.pending(ctx, id)
	if err != nil {
		return nil, err
	}
	switch a.Kind {
	case sio.ApplicationRegistration, sio.ApplicationRoleChange:
		a.GrantedRole = a.RequestedRole
		if role != nil && *role != "" {
			a.GrantedRole = *role
		}
		if err := r.grantable("role", a.GrantedRole, a.Agency); err != nil {
			return nil, err
		}
		if a.Kind == sio.ApplicationRegistration {
			err = r.Accounts.Register(ctx, sio.User{IIN: a.UserIIN, FullName: a.FullName, RoleCode: a.GrantedRole,
				AgencyCode: a.Agency, Position: a.Position})
		} else {
			err = r.Accounts.ChangeRole(ctx, a.UserIIN, a.GrantedRole, a.Agency, a.Position)
		}
	case sio.ApplicationUnblock:
		err = r.Accounts.SetBlocked(ctx, a.UserIIN, false)
	}
	var se *sio.Error
	if errors.As(err, &se) {
		return nil, err
	} else if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	a.Status = sio.ApplicationApproved
	return r.decide(ctx, a, ov.User)
}

func (r *mutationResolver) RefuseApplication(ctx context.Context, id string, reason string) (*sio.Application, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator)
	if err != nil {
		return nil, err
	}
	why, err := text("reason", reason, maxText, true)
	if err != nil {
		return nil, err
	}
	a, err := r.pending(ctx, id)
	if err != nil {
		return nil, err
	}
	a.Status, a.RefusalReason = sio.ApplicationRefused, why
	return r.decide(ctx, a, ov.User)
}

// Applications: the operator sees all, an agency's responsible official
// the agency's, any other user the own (submitted by or about the user).
func (r *queryResolver) Applications(ctx context.Context, status *sio.ApplicationStatus, slaBreachedOnly *bool) ([]sio.Application, error) {
	u, duties, err := r.caller(ctx)
	if err != nil {
		return nil, err
	}
	f := sio.ApplicationFilter{Status: deref(status)}
	switch offices := authz.Offices(u, duties); {
	case authz.Active(u) == nil && has(offices, authz.OfficeOperator):
	case authz.Active(u) == nil && has(offices, authz.OfficeSupervisor):
		f.Agency = u.AgencyCode
	default:
		f.IIN = u.IIN
	}
	as, err := r.Admin.Applications(ctx, f)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	out := []sio.Application{}
	now := r.now()
	for _, a := range as {
		if !deref(slaBreachedOnly) || a.SLABreached(now) {
			out = append(out, a)
		}
	}
	return out, nil
}

func has(offices []authz.Office, o authz.Office) bool {
	for _, x := range offices {
		if x == o {
			return true
		}
	}
	return false
}

type applicationResolver struct{ *Resolver }

func (r *applicationResolver) SLABreached(_ context.Context, a *sio.Application) (bool, error) {
	return a.SLABreached(r.now()), nil
}

// Accounts.

func (r *queryResolver) OfficialAccounts(ctx context.Context, agency *string) ([]model.OfficialAccount, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator, authz.OfficeSupervisor)
	if err != nil {
		return nil, err
	}
	a, err := ov.Agency(deref(agency))
	if err != nil {
		return nil, err
	}
	users, err := r.Users.ListUsers(ctx)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	duties, err := r.Accounts.AllDuties(ctx)
	if err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	out := []model.OfficialAccount{}
	for i := range users {
		if a == "" || users[i].AgencyCode == a {
			out = append(out, *r.account(&users[i], duties[users[i].IIN]))
		}
	}
	return out, nil
}

// setBlocked blocks or unblocks an official (operator only).
func (r *Resolver) setBlocked(ctx context.Context, iin sio.IIN, reason string, blocked bool) (*model.OfficialAccount, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator)
	if err != nil {
		return nil, err
	}
	if _, err := text("reason", reason, maxText, true); err != nil {
		return nil, err
	}
	if blocked && iin == ov.User.IIN {
		return nil, badInput("iin", "the operator cannot block the own account")
	}
	if _, err := r.registered(ctx, "iin", iin); err != nil {
		return nil, err
	}
	if err := r.Accounts.SetBlocked(ctx, iin, blocked); err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	return r.reload(ctx, iin)
}

func (r *mutationResolver) BlockUser(ctx context.Context, iin sio.IIN, reason string) (*model.OfficialAccount, error) {
	return r.setBlocked(ctx, iin, reason, true)
}

func (r *mutationResolver) UnblockUser(ctx context.Context, iin sio.IIN, reason string) (*model.OfficialAccount, error) {
	return r.setBlocked(ctx, iin, reason, false)
}

func (r *mutationResolver) SetSupervisor(ctx context.Context, iin sio.IIN, supervisor bool) (*model.OfficialAccount, error) {
	if _, err := r.oversee(ctx, false, authz.OfficeOperator); err != nil {
		return nil, err
	}
	if _, err := r.registered(ctx, "iin", iin); err != nil {
		return nil, err
	}
	if err := r.Accounts.SetDuty(ctx, iin, authz.DutySupervisor, supervisor); err != nil {
		return nil, r.source(ctx, "sio_accounts", err)
	}
	return r.reload(ctx, iin)
}

// The emergency journal.

func (r *mutationResolver) RecordEmergency(ctx context.Context, in model.EmergencyInput) (*sio.EmergencyEntry, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator)
	if err != nil {
		return nil, err
	}
	now := r.now().UTC()
	e := &sio.EmergencyEntry{Category: in.Category, MaxMinutes: in.MaxMinutes, StartedAt: in.StartedAt, EndedAt: in.EndedAt,
		RecordedBy: ov.User.IIN, RecordedAt: now}
	known := false
	for _, c := range sio.EmergencyCategories {
		known = known || c == in.Category
	}
	switch {
	case !known:
		return nil, badInput("input.category", "unknown category %q", in.Category)
	case in.MaxMinutes <= 0 || in.MaxMinutes > 7*24*60:
		return nil, badInput("input.maxMinutes", "between 1 and %d minutes", 7*24*60)
	case in.StartedAt.After(now.Add(time.Minute)):
		return nil, badInput("input.startedAt", "in the future")
	case in.EndedAt != nil && in.EndedAt.Before(in.StartedAt):
		return nil, badInput("input.endedAt", "before startedAt")
	}
	for _, f := range []struct {
		arg string
		v   string
		dst *string
	}{{"input.actions", in.Actions, &e.Actions}, {"input.responsible", in.Responsible, &e.Responsible}, {"input.cause", in.Cause, &e.Cause}} {
		if *f.dst, err = text(f.arg, f.v, maxText, true); err != nil {
			return nil, err
		}
	}
	if e.Measures, err = text("input.measures", deref(in.Measures), maxText, false); err != nil {
		return nil, err
	}
	if err := r.Admin.RecordEmergency(ctx, e); err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return e, nil
}

func (r *mutationResolver) CloseEmergency(ctx context.Context, id string, endedAt time.Time, measures *string) (*sio.EmergencyEntry, error) {
	if _, err := r.oversee(ctx, false, authz.OfficeOperator); err != nil {
		return nil, err
	}
	n, err := parseID("id", id)
	if err != nil {
		return nil, err
	}
	m, err := text("measures", deref(measures), maxText, false)
	if err != nil {
		return nil, err
	}
	old, err := r.Admin.Emergency(ctx, n)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	if old == nil {
		return nil, &sio.Error{Code: sio.ENOTFOUND, Argument: "id", Message: "id: no such journal entry"}
	}
	if endedAt.Before(old.StartedAt) {
		return nil, badInput("endedAt", "before the start of the situation")
	}
	e, err := r.Admin.CloseEmergency(ctx, n, endedAt, m)
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return e, nil
}

func (r *queryResolver) EmergencyJournal(ctx context.Context, p model.PeriodInput) ([]sio.EmergencyEntry, error) {
	if _, err := r.oversee(ctx, false, authz.OfficeOperator); err != nil {
		return nil, err
	}
	per, err := period("period", p)
	if err != nil {
		return nil, err
	}
	es, err := r.Admin.Emergencies(ctx, per.Start(), per.End())
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return nonNil(es), nil
}

type emergencyEntryResolver struct{ *Resolver }

func (r *emergencyEntryResolver) DelayMinutes(_ context.Context, e *sio.EmergencyEntry) (int, error) {
	return int(e.Delay(r.now()) / time.Minute), nil
}

func (r *emergencyEntryResolver) DelayOverHour(_ context.Context, e *sio.EmergencyEntry) (bool, error) {
	return e.Delay(r.now()) > sio.EmergencyDelayLimit, nil
}

func (r *emergencyEntryResolver) OverMaxTime(_ context.Context, e *sio.EmergencyEntry) (bool, error) {
	return e.Delay(r.now()) > time.Duration(e.MaxMinutes)*time.Minute, nil
}

// Maintenance notices.

func (r *mutationResolver) PublishMaintenance(ctx context.Context, in model.MaintenanceInput) (*sio.MaintenanceNotice, error) {
	ov, err := r.oversee(ctx, false, authz.OfficeOperator)
	if err != nil {
		return nil, err
	}
	n := &sio.MaintenanceNotice{StartsAt: in.StartsAt, EndsAt: in.EndsAt, PublishedBy: ov.User.IIN, PublishedAt: r.now().UTC()}
	if n.Title, err = text("input.title", in.Title, maxName, true); err != nil {
		return nil, err
	}
	if n.Description, err = text("input.description", deref(in.Description), maxText, false); err != nil {
		return nil, err
	}
	if !in.EndsAt.After(in.StartsAt) {
		return nil, badInput("input.endsAt", "must be after startsAt")
	}
	if err := r.Admin.PublishMaintenance(ctx, n); err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return n, nil
}

// MaintenanceNotices: every authenticated user reads the notices (seed 000
// §44: published on the portal).
func (r *queryResolver) MaintenanceNotices(ctx context.Context) ([]sio.MaintenanceNotice, error) {
	if _, err := r.principal(ctx); err != nil {
		return nil, err
	}
	ns, err := r.Admin.Maintenance(ctx, r.now())
	if err != nil {
		return nil, r.source(ctx, "sio_admin", err)
	}
	return nonNil(ns), nil
}
