// Package admin is SIO's own administrative store (not a state database):
// the applications to the operator (Заявка), the emergency journal, the
// maintenance notices of the portal and the prosecutor's checks of the
// Log-journal. The changes are audited like every request (each is a
// mutation, recorded in the Log-journal before its response leaves).
package admin

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "sio_admin"

//go:embed migrations/*.sql
var migrations embed.FS

const (
	applicationColumns = `id, kind, applicant_iin, user_iin, full_name, agency_code, position, requested_role, reason,
		submitted_at_us, status, decided_at_us, decider_iin, granted_role, refusal_reason`
	emergencyColumns   = `id, category, actions, max_minutes, responsible, cause, measures, started_at_us, ended_at_us, recorded_by, recorded_at_us`
	maintenanceColumns = `id, title, description, starts_at_us, ends_at_us, published_by, published_at_us`
	checkColumns       = `id, resolution_number, resolution_date, prosecutor_iin, agency_code, date_from, date_to, opened_at_us`
)

// Store reads and writes the administrative records.
type Store struct {
	db *sqldb.DB

	insertApplication, application, applications, decide    string
	insertEmergency, emergency, closeEmergency, emergencies string
	insertMaintenance, maintenance                          string
	insertCheck, check, checks                              string
}

var _ sio.AdminJournal = (*Store)(nil)

// Open opens the store's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	return &Store{
		db: db,
		insertApplication: db.Q(`INSERT INTO {applications} (kind, applicant_iin, user_iin, full_name, agency_code, position,
			requested_role, reason, submitted_at_us, status, decided_at_us, decider_iin, granted_role, refusal_reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		application: db.Q(`SELECT ` + applicationColumns + ` FROM {applications} WHERE id = ?`),
		// Optional filters are '' when unused: one statement whatever is
		// given.
		applications: db.Q(`SELECT ` + applicationColumns + ` FROM {applications}
			WHERE (? = '' OR status = ?) AND (? = '' OR agency_code = ?) AND (? = '' OR user_iin = ? OR applicant_iin = ?)
			ORDER BY submitted_at_us DESC, id DESC`),
		decide: db.Q(`UPDATE {applications} SET status = ?, decided_at_us = ?, decider_iin = ?, granted_role = ?, refusal_reason = ?
			WHERE id = ? AND status = 'PENDING'`),
		insertEmergency: db.Q(`INSERT INTO {emergencies} (category, actions, max_minutes, responsible, cause, measures,
			started_at_us, ended_at_us, recorded_by, recorded_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		emergency:      db.Q(`SELECT ` + emergencyColumns + ` FROM {emergencies} WHERE id = ?`),
		closeEmergency: db.Q(`UPDATE {emergencies} SET ended_at_us = ?, measures = CASE WHEN ? = '' THEN measures ELSE ? END WHERE id = ?`),
		emergencies: db.Q(`SELECT ` + emergencyColumns + ` FROM {emergencies}
			WHERE started_at_us < ? AND (ended_at_us IS NULL OR ended_at_us >= ?) ORDER BY started_at_us, id`),
		insertMaintenance: db.Q(`INSERT INTO {maintenance} (title, description, starts_at_us, ends_at_us, published_by, published_at_us)
			VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
		maintenance: db.Q(`SELECT ` + maintenanceColumns + ` FROM {maintenance} WHERE ends_at_us > ? ORDER BY starts_at_us, id`),
		insertCheck: db.Q(`INSERT INTO {prosecutor_checks} (resolution_number, resolution_date, prosecutor_iin, agency_code,
			date_from, date_to, opened_at_us) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		check:  db.Q(`SELECT ` + checkColumns + ` FROM {prosecutor_checks} WHERE id = ?`),
		checks: db.Q(`SELECT ` + checkColumns + ` FROM {prosecutor_checks} WHERE prosecutor_iin = ? ORDER BY opened_at_us DESC, id DESC`),
	}
}

// DB exposes the handle for administration (health checks, closing).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

func us(t time.Time) int64 { return t.UTC().UnixMicro() }

func usPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return us(*t)
}

func fromUS(v int64) time.Time { return time.UnixMicro(v).UTC() }

func fromUSPtr(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := fromUS(v.Int64)
	return &t
}

// insert runs an INSERT ... RETURNING id.
func (s *Store) insert(ctx context.Context, what, query string, args ...any) (int64, error) {
	var id int64
	if err := s.db.Get(ctx, &id, query, args...); err != nil {
		return 0, fmt.Errorf("admin: %s: %w", what, err)
	}
	return id, nil
}

// one reads the row of id into dst; false if there is none.
func (s *Store) one(ctx context.Context, what string, dst any, query string, id int64) (bool, error) {
	err := s.db.Get(ctx, dst, query, id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("admin: %s: %w", what, err)
	}
	return true, nil
}

// list reads rows of type R and converts each.
func list[R, T any](ctx context.Context, s *Store, what, query string, get func(*R) T, args ...any) ([]T, error) {
	var rows []R
	if err := s.db.Select(ctx, &rows, query, args...); err != nil {
		return nil, fmt.Errorf("admin: %s: %w", what, err)
	}
	out := make([]T, len(rows))
	for i := range rows {
		out[i] = get(&rows[i])
	}
	return out, nil
}

// Applications.

type applicationRow struct {
	sio.Application
	SubmittedUS int64         `db:"submitted_at_us"`
	DecidedUS   sql.NullInt64 `db:"decided_at_us"`
}

func (r *applicationRow) get() sio.Application {
	a := r.Application
	a.SubmittedAt, a.DecidedAt = fromUS(r.SubmittedUS), fromUSPtr(r.DecidedUS)
	return a
}

// SubmitApplication stores a new application and sets its ID.
func (s *Store) SubmitApplication(ctx context.Context, a *sio.Application) error {
	id, err := s.insert(ctx, "submit application", s.insertApplication, string(a.Kind), string(a.ApplicantIIN),
		string(a.UserIIN), a.FullName, a.Agency, a.Position, a.RequestedRole, a.Reason, us(a.SubmittedAt),
		string(a.Status), usPtr(a.DecidedAt), string(a.DeciderIIN), a.GrantedRole, a.RefusalReason)
	a.ID = id
	return err
}

// Application returns the application, or nil.
func (s *Store) Application(ctx context.Context, id int64) (*sio.Application, error) {
	var r applicationRow
	if ok, err := s.one(ctx, "application", &r, s.application, id); !ok {
		return nil, err
	}
	a := r.get()
	return &a, nil
}

// Applications lists the applications matching f, newest first.
func (s *Store) Applications(ctx context.Context, f sio.ApplicationFilter) ([]sio.Application, error) {
	st, iin := string(f.Status), string(f.IIN)
	return list(ctx, s, "applications", s.applications, (*applicationRow).get, st, st, f.Agency, f.Agency, iin, iin, iin)
}

// DecideApplication records the decision (Status, DecidedAt, DeciderIIN,
// GrantedRole, RefusalReason of a) of a pending application; false if it
// was no longer pending.
func (s *Store) DecideApplication(ctx context.Context, a *sio.Application) (bool, error) {
	res, err := s.db.Exec(ctx, s.decide, string(a.Status), usPtr(a.DecidedAt), string(a.DeciderIIN), a.GrantedRole,
		a.RefusalReason, a.ID)
	if err != nil {
		return false, fmt.Errorf("admin: decide application: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// Emergency journal.

type emergencyRow struct {
	sio.EmergencyEntry
	StartedUS  int64         `db:"started_at_us"`
	EndedUS    sql.NullInt64 `db:"ended_at_us"`
	RecordedUS int64         `db:"recorded_at_us"`
}

func (r *emergencyRow) get() sio.EmergencyEntry {
	e := r.EmergencyEntry
	e.StartedAt, e.EndedAt, e.RecordedAt = fromUS(r.StartedUS), fromUSPtr(r.EndedUS), fromUS(r.RecordedUS)
	return e
}

// RecordEmergency stores a journal entry and sets its ID.
func (s *Store) RecordEmergency(ctx context.Context, e *sio.EmergencyEntry) error {
	id, err := s.insert(ctx, "record emergency", s.insertEmergency, string(e.Category), e.Actions, e.MaxMinutes,
		e.Responsible, e.Cause, e.Measures, us(e.StartedAt), usPtr(e.EndedAt), string(e.RecordedBy), us(e.RecordedAt))
	e.ID = id
	return err
}

// Emergency returns the journal entry, or nil.
func (s *Store) Emergency(ctx context.Context, id int64) (*sio.EmergencyEntry, error) {
	var r emergencyRow
	if ok, err := s.one(ctx, "emergency", &r, s.emergency, id); !ok {
		return nil, err
	}
	e := r.get()
	return &e, nil
}

// CloseEmergency records the end of the situation (and the measures taken,
// if given); nil if there is no such entry.
func (s *Store) CloseEmergency(ctx context.Context, id int64, endedAt time.Time, measures string) (*sio.EmergencyEntry, error) {
	if _, err := s.db.Exec(ctx, s.closeEmergency, us(endedAt), measures, measures, id); err != nil {
		return nil, fmt.Errorf("admin: close emergency: %w", err)
	}
	return s.Emergency(ctx, id)
}

// Emergencies lists the situations overlapping [from, to), oldest first.
func (s *Store) Emergencies(ctx context.Context, from, to time.Time) ([]sio.EmergencyEntry, error) {
	return list(ctx, s, "emergencies", s.emergencies, (*emergencyRow).get, us(to), us(from))
}

// Maintenance notices.

type maintenanceRow struct {
	sio.MaintenanceNotice
	StartsUS    int64 `db:"starts_at_us"`
	EndsUS      int64 `db:"ends_at_us"`
	PublishedUS int64 `db:"published_at_us"`
}

func (r *maintenanceRow) get() sio.MaintenanceNotice {
	n := r.MaintenanceNotice
	n.StartsAt, n.EndsAt, n.PublishedAt = fromUS(r.StartsUS), fromUS(r.EndsUS), fromUS(r.PublishedUS)
	return n
}

// PublishMaintenance stores a notice and sets its ID.
func (s *Store) PublishMaintenance(ctx context.Context, n *sio.MaintenanceNotice) error {
	id, err := s.insert(ctx, "publish maintenance", s.insertMaintenance, n.Title, n.Description, us(n.StartsAt),
		us(n.EndsAt), string(n.PublishedBy), us(n.PublishedAt))
	n.ID = id
	return err
}

// Maintenance lists the notices of works ending after since, soonest
// first.
func (s *Store) Maintenance(ctx context.Context, since time.Time) ([]sio.MaintenanceNotice, error) {
	return list(ctx, s, "maintenance", s.maintenance, (*maintenanceRow).get, us(since))
}

// Prosecutor's checks.

type checkRow struct {
	sio.ProsecutorCheck
	OpenedUS int64 `db:"opened_at_us"`
}

func (r *checkRow) get() sio.ProsecutorCheck {
	c := r.ProsecutorCheck
	c.OpenedAt = fromUS(r.OpenedUS)
	return c
}

// OpenProsecutorCheck records a check and sets its ID.
func (s *Store) OpenProsecutorCheck(ctx context.Context, c *sio.ProsecutorCheck) error {
	id, err := s.insert(ctx, "open prosecutor check", s.insertCheck, c.ResolutionNumber, c.ResolutionDate,
		string(c.ProsecutorIIN), c.Agency, c.From, c.To, us(c.OpenedAt))
	c.ID = id
	return err
}

// ProsecutorCheck returns the check, or nil.
func (s *Store) ProsecutorCheck(ctx context.Context, id int64) (*sio.ProsecutorCheck, error) {
	var r checkRow
	if ok, err := s.one(ctx, "prosecutor check", &r, s.check, id); !ok {
		return nil, err
	}
	c := r.get()
	return &c, nil
}

// ProsecutorChecks lists the prosecutor's checks, newest first.
func (s *Store) ProsecutorChecks(ctx context.Context, prosecutor sio.IIN) ([]sio.ProsecutorCheck, error) {
	return list(ctx, s, "prosecutor checks", s.checks, (*checkRow).get, string(prosecutor))
}
