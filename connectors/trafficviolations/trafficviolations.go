// Package trafficviolations is the connector to База данных "Нарушения
// правил дорожного движения": traffic offences recorded by camera complexes
// and patrols, by vehicle and by the driver or liable owner.
package trafficviolations

import (
	"context"
	"embed"
	"fmt"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "traffic_violations"

//go:embed migrations/*.sql
var migrations embed.FS

var columns = []string{"number", "article", "description_ru", "occurred_at", "place_ru", "region_kato", "vin", "plate",
	"driver_iin", "offender_id", "offender_kind", "source", "recorded_by", "fine_mrp", "fine_tiyn", "paid_tiyn",
	"fine_status", "paid_at", "sanction_ru"}

func values(v *sio.TrafficViolation) []any {
	var driver any
	if v.DriverIIN != nil {
		driver = string(*v.DriverIIN)
	}
	return []any{v.Number, v.Article, v.DescriptionRu, v.OccurredAt, v.PlaceRu, v.RegionKATO, v.VIN, v.Plate,
		driver, v.OffenderID, string(v.OffenderKind), string(v.Source), v.RecordedBy, v.FineMRP, v.FineTiyn, v.PaidTiyn,
		string(v.FineStatus), v.PaidAt, v.SanctionRu}
}

// Store reads and loads Нарушения правил дорожного движения.
type Store struct {
	*transportkit.Register[sio.TrafficViolation]
	byVehicle, byPlate, bySubject string
}

var _ sio.TrafficViolationRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	g := transportkit.NewRegister(db, "violations", columns, values)
	cols := sqldb.Columns(columns)
	return &Store{
		Register:  g,
		byVehicle: g.Lookup("vin", "vin, occurred_at DESC, number"),
		byPlate:   g.Lookup("plate", "plate, occurred_at DESC, number"),
		// A subject's offences as the identified driver, and those they are
		// liable for as the owner but did not drive themselves (or with no
		// identified driver): each offence once per subject.
		bySubject: db.Q(`SELECT ` + cols + `, driver_iin AS subject FROM {violations} WHERE ` + db.In("driver_iin") + `
			UNION ALL
			SELECT ` + cols + `, offender_id AS subject FROM {violations} WHERE ` + db.In("offender_id") + `
				AND (driver_iin IS NULL OR driver_iin <> offender_id)
			ORDER BY subject, occurred_at DESC, number`),
	}
}

// ViolationsByVehicle returns the offences committed with each vehicle (by
// VIN), latest first, in one statement.
func (s *Store) ViolationsByVehicle(ctx context.Context, vins []string) (map[string][]sio.TrafficViolation, error) {
	return transportkit.Group(ctx, s.Register, "traffic violations: by vehicle", s.byVehicle, func(v *sio.TrafficViolation) string { return v.VIN }, vins)
}

// ViolationsByPlate returns the offences recorded against each plate,
// latest first, in one statement.
func (s *Store) ViolationsByPlate(ctx context.Context, plates []string) (map[string][]sio.TrafficViolation, error) {
	return transportkit.Group(ctx, s.Register, "traffic violations: by plate", s.byPlate, func(v *sio.TrafficViolation) string { return v.Plate }, plates)
}

// subjectRow is a row of bySubject: an offence and the subject it was
// found for.
type subjectRow struct {
	sio.TrafficViolation
	Subject string `db:"subject"`
}

// ViolationsBySubject returns, for each person (IIN) or legal entity (BIN)
// among ids, the offences they committed as the identified driver or are
// liable for as the owner, latest first, in one statement.
func (s *Store) ViolationsBySubject(ctx context.Context, ids []string) (map[string][]sio.TrafficViolation, error) {
	var rows []subjectRow
	list := sqldb.List(s.DB(), ids)
	if err := s.DB().Select(ctx, &rows, s.bySubject, list, list); err != nil {
		return nil, fmt.Errorf("traffic violations: by subject: %w", err)
	}
	out := make(map[string][]sio.TrafficViolation)
	for _, r := range rows {
		out[r.Subject] = append(out[r.Subject], r.TrafficViolation)
	}
	return out, nil
}
