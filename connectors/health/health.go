// Package health is the connector to the medical information systems of
// the health ministry, which answer four services, each from its own
// table: Сведения о заболеваниях физического лица (обращения в
// поликлиники), о диспансерном учете, о госпитализации (направления в
// стационар) and о стационарном лечении.
package health

import (
	"context"
	"embed"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "health"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	visitColumns      = []string{"id", "iin", "visited_on", "facility", "region_kato", "doctor_specialty", "icd10", "diagnosis_ru", "kind"}
	dispensaryColumns = []string{"id", "iin", "facility", "region_kato", "icd10", "diagnosis_ru", "dispensary_group",
		"doctor_specialty", "registered_on", "deregistered_on", "deregistration_reason_ru"}
	referralColumns = []string{"referral_number", "iin", "referred_on", "from_facility", "hospital", "region_kato", "profile_ru",
		"icd10", "diagnosis_ru", "planned_on", "status"}
	stayColumns = []string{"id", "iin", "hospital", "region_kato", "department_ru", "admission", "admitted_on", "discharged_on",
		"outcome", "icd10", "diagnosis_ru", "referral_number"}
)

// Store reads and loads the health records.
type Store struct {
	db                *sqldb.DB
	visitsByIIN       string
	dispensaryByIIN   string
	referralsByIIN    string
	referralsByNumber string
	staysByIIN        string
}

var _ sio.HealthRecords = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	db, err := sqldb.OpenMigrated(ctx, cfg, Name, migrations)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	sel := func(cols []string, table string) string {
		return `SELECT ` + sqldb.Columns(cols) + ` FROM {` + table + `} WHERE `
	}
	return &Store{
		db:                db,
		visitsByIIN:       db.Q(sel(visitColumns, "outpatient_visits") + db.In("iin") + ` ORDER BY iin, visited_on DESC, id DESC`),
		dispensaryByIIN:   db.Q(sel(dispensaryColumns, "dispensary_registrations") + db.In("iin") + ` ORDER BY iin, registered_on, id`),
		referralsByIIN:    db.Q(sel(referralColumns, "hospital_referrals") + db.In("iin") + ` ORDER BY iin, referred_on DESC, referral_number`),
		referralsByNumber: db.Q(sel(referralColumns, "hospital_referrals") + db.In("referral_number")),
		staysByIIN:        db.Q(sel(stayColumns, "inpatient_stays") + db.In("iin") + ` ORDER BY iin, admitted_on DESC, id DESC`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// VisitsByPerson returns each person's outpatient visits, newest first, in
// one statement.
func (s *Store) VisitsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.OutpatientVisit, error) {
	return sqldb.Group(ctx, s.db, "health: visits by person", s.visitsByIIN,
		func(v *sio.OutpatientVisit) sio.IIN { return v.IIN }, sqldb.List(s.db, iins))
}

// DispensaryByPerson returns each person's dispensary registrations,
// oldest first, in one statement.
func (s *Store) DispensaryByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.DispensaryRegistration, error) {
	return sqldb.Group(ctx, s.db, "health: dispensary by person", s.dispensaryByIIN,
		func(d *sio.DispensaryRegistration) sio.IIN { return d.IIN }, sqldb.List(s.db, iins))
}

// ReferralsByPerson returns each person's referrals to hospital, newest
// first, in one statement.
func (s *Store) ReferralsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.HospitalReferral, error) {
	return sqldb.Group(ctx, s.db, "health: referrals by person", s.referralsByIIN,
		func(h *sio.HospitalReferral) sio.IIN { return h.IIN }, sqldb.List(s.db, iins))
}

// ReferralsByNumber returns the referrals found among numbers, in one
// statement.
func (s *Store) ReferralsByNumber(ctx context.Context, numbers []string) (map[string]*sio.HospitalReferral, error) {
	return sqldb.Index(ctx, s.db, "health: referrals by number", s.referralsByNumber,
		func(h *sio.HospitalReferral) string { return h.ReferralNumber }, sqldb.List(s.db, numbers))
}

// StaysByPerson returns each person's hospital stays, newest first, in one
// statement.
func (s *Store) StaysByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.InpatientStay, error) {
	return sqldb.Group(ctx, s.db, "health: stays by person", s.staysByIIN,
		func(st *sio.InpatientStay) sio.IIN { return st.IIN }, sqldb.List(s.db, iins))
}

// Records are the health records of a batch, one slice per table.
type Records struct {
	Visits     []sio.OutpatientVisit
	Dispensary []sio.DispensaryRegistration
	Referrals  []sio.HospitalReferral
	Stays      []sio.InpatientStay
}

// Insert bulk-loads records (used by the data generator), referrals before
// the stays that reference them.
func (s *Store) Insert(ctx context.Context, rs *Records) error {
	visits := make([][]any, len(rs.Visits))
	for i, v := range rs.Visits {
		visits[i] = []any{v.ID, string(v.IIN), v.VisitedOn, v.Facility, v.RegionKATO, v.DoctorSpecialty, v.ICD10, v.DiagnosisRu, string(v.Kind)}
	}
	dispensary := make([][]any, len(rs.Dispensary))
	for i, d := range rs.Dispensary {
		dispensary[i] = []any{d.ID, string(d.IIN), d.Facility, d.RegionKATO, d.ICD10, d.DiagnosisRu, d.Group, d.DoctorSpecialty,
			d.RegisteredOn, d.DeregisteredOn, d.DeregistrationReasonRu}
	}
	referrals := make([][]any, len(rs.Referrals))
	for i, h := range rs.Referrals {
		referrals[i] = []any{h.ReferralNumber, string(h.IIN), h.ReferredOn, h.FromFacility, h.Hospital, h.RegionKATO, h.ProfileRu,
			h.ICD10, h.DiagnosisRu, h.PlannedOn, string(h.Status)}
	}
	stays := make([][]any, len(rs.Stays))
	for i, st := range rs.Stays {
		var outcome any
		if st.Outcome != nil {
			outcome = string(*st.Outcome)
		}
		stays[i] = []any{st.ID, string(st.IIN), st.Hospital, st.RegionKATO, st.DepartmentRu, string(st.Admission), st.AdmittedOn,
			st.DischargedOn, outcome, st.ICD10, st.DiagnosisRu, st.ReferralNumber}
	}
	for _, t := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"outpatient_visits", visitColumns, visits}, {"dispensary_registrations", dispensaryColumns, dispensary},
		{"hospital_referrals", referralColumns, referrals}, {"inpatient_stays", stayColumns, stays},
	} {
		if err := s.db.BulkInsert(ctx, t.table, t.cols, t.rows); err != nil {
			return err
		}
	}
	return nil
}
