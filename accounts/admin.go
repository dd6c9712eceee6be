package accounts

import (
	"context"
	"fmt"

	"sio"
)

// Administration of the officials by the operator of SIO: registration,
// role changes on transfer and duties. Blocking is SetBlocked.

// ErrRegistered is returned by Register for an IIN already registered.
var ErrRegistered = &sio.Error{Code: sio.EBADINPUT, Argument: "iin", Message: "iin: the official is already registered in SIO"}

type adminStatements struct {
	duties, allDuties, addDuty, dropDuty, changeRole string
}

func newAdminStatements(s *Store) adminStatements {
	db := s.db
	return adminStatements{
		duties:     db.Q(`SELECT duty FROM {duties} WHERE iin = ? ORDER BY duty`),
		allDuties:  db.Q(`SELECT iin, duty FROM {duties} ORDER BY iin, duty`),
		addDuty:    db.Q(`INSERT INTO {duties} (iin, duty) SELECT iin, ? FROM {users} WHERE iin = ? AND NOT EXISTS (SELECT 1 FROM {duties} WHERE iin = ? AND duty = ?)`),
		dropDuty:   db.Q(`DELETE FROM {duties} WHERE iin = ? AND duty = ?`),
		changeRole: db.Q(`UPDATE {users} SET role_code = ?, agency_code = ?, position = ? WHERE iin = ?`),
	}
}

// Duties returns the official's duties (e.g. authz.DutySupervisor), sorted.
func (s *Store) Duties(ctx context.Context, iin sio.IIN) ([]string, error) {
	var out []string
	if err := s.db.Select(ctx, &out, s.admin.duties, string(iin)); err != nil {
		return nil, fmt.Errorf("accounts: duties: %w", err)
	}
	return out, nil
}

// AllDuties returns the duties of every official who holds any.
func (s *Store) AllDuties(ctx context.Context) (map[sio.IIN][]string, error) {
	var rows []struct {
		IIN  sio.IIN `db:"iin"`
		Duty string  `db:"duty"`
	}
	if err := s.db.Select(ctx, &rows, s.admin.allDuties); err != nil {
		return nil, fmt.Errorf("accounts: all duties: %w", err)
	}
	out := map[sio.IIN][]string{}
	for _, r := range rows {
		out[r.IIN] = append(out[r.IIN], r.Duty)
	}
	return out, nil
}

// InsertDuties gives the duty to the officials (used by the data generator).
func (s *Store) InsertDuties(ctx context.Context, duty string, iins []sio.IIN) error {
	rows := make([][]any, len(iins))
	for i, iin := range iins {
		rows[i] = []any{string(iin), duty}
	}
	return s.db.BulkInsert(ctx, "duties", []string{"iin", "duty"}, rows)
}

// SetDuty gives the duty to the official or takes it away. ErrNoUser if
// not registered.
func (s *Store) SetDuty(ctx context.Context, iin sio.IIN, duty string, held bool) error {
	u, err := s.UserByIIN(ctx, iin)
	if err != nil {
		return err
	}
	if u == nil {
		return ErrNoUser
	}
	if held {
		_, err = s.db.Exec(ctx, s.admin.addDuty, duty, string(iin), string(iin), duty)
	} else {
		_, err = s.db.Exec(ctx, s.admin.dropDuty, string(iin), duty)
	}
	if err != nil {
		return fmt.Errorf("accounts: set duty: %w", err)
	}
	return nil
}

// Register registers a new official (not blocked, agreement not yet
// signed: the official signs it at the first login, seed 000 §17).
// ErrRegistered if the IIN is registered already.
func (s *Store) Register(ctx context.Context, u sio.User) error {
	old, err := s.UserByIIN(ctx, u.IIN)
	if err != nil {
		return err
	}
	if old != nil {
		return ErrRegistered
	}
	u.Blocked, u.AgreementSignedAt = false, nil
	if err := s.Insert(ctx, []sio.User{u}); err != nil {
		if again, _ := s.UserByIIN(ctx, u.IIN); again != nil {
			return ErrRegistered
		}
		return fmt.Errorf("accounts: register: %w", err)
	}
	return nil
}

// ChangeRole sets the official's role, agency and position (a transfer,
// seed 000 §15). ErrNoUser if not registered.
func (s *Store) ChangeRole(ctx context.Context, iin sio.IIN, role, agency, position string) error {
	return s.update(ctx, "change role", s.admin.changeRole, role, agency, position, string(iin))
}
