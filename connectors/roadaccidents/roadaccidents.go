// Package roadaccidents is the connector to База данных "Учет
// дорожно-транспортных происшествий": road accidents with their
// participants, by person and by vehicle.
package roadaccidents

import (
	"context"
	"embed"
	"fmt"

	"sio"
	"sio/connectors/internal/transportkit"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "road_accidents"

//go:embed migrations/*.sql
var migrations embed.FS

var (
	columns = []string{"number", "occurred_at", "place_ru", "region_kato", "kind", "kind_ru", "conditions_ru",
		"injured", "killed", "culprit_iin"}
	participantColumns = []string{"accident_number", "seq", "role", "iin", "vin", "plate", "injury", "culprit"}
)

func values(a *sio.RoadAccident) []any {
	var culprit any
	if a.CulpritIIN != nil {
		culprit = string(*a.CulpritIIN)
	}
	return []any{a.Number, a.OccurredAt, a.PlaceRu, a.RegionKATO, string(a.Kind), a.KindRu, a.ConditionsRu,
		a.Injured, a.Killed, culprit}
}

// Store reads and loads Учет ДТП.
type Store struct {
	accidents                     *transportkit.Register[sio.RoadAccident]
	byPerson, byVehicle, byNumber string
}

var _ sio.RoadAccidentRegistry = (*Store)(nil)

// Open opens the connector's database and migrates it.
func Open(ctx context.Context, cfg sqldb.Config) (*Store, error) {
	return transportkit.Open(ctx, cfg, Name, migrations, New)
}

// New wraps an opened, migrated database.
func New(db *sqldb.DB) *Store {
	// The accidents of each subject (me: one row per subject and accident,
	// whatever the number of its participants matching), with all their
	// participants (p): one row per (subject, accident, participant),
	// latest accident first, participants in the order of the card.
	q := func(key string) string {
		return db.Q(`SELECT me.subject, a.number, a.occurred_at, a.place_ru, a.region_kato, a.kind, a.kind_ru, a.conditions_ru,
				a.injured, a.killed, a.culprit_iin,
				p.role AS p_role, p.iin AS p_iin, p.vin AS p_vin, p.plate AS p_plate, p.injury AS p_injury, p.culprit AS p_culprit
			FROM (SELECT DISTINCT accident_number, ` + key + ` AS subject FROM {accident_participants} WHERE ` + db.In(key) + `) me
			JOIN {accidents} a ON a.number = me.accident_number
			JOIN {accident_participants} p ON p.accident_number = a.number
			ORDER BY me.subject, a.occurred_at DESC, a.number, p.seq`)
	}
	return &Store{accidents: transportkit.NewRegister(db, "accidents", columns, values),
		byPerson: q("iin"), byVehicle: q("vin"), byNumber: q("accident_number")}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.accidents.DB() }

// accidentRow is one (subject, accident, participant) row.
type accidentRow struct {
	Subject string `db:"subject"`
	sio.RoadAccident
	Role    sio.ParticipantRole `db:"p_role"`
	IIN     sio.IIN             `db:"p_iin"`
	VIN     *string             `db:"p_vin"`
	Plate   *string             `db:"p_plate"`
	Injury  sio.Injury          `db:"p_injury"`
	Culprit bool                `db:"p_culprit"`
}

// load runs query for keys and assembles each subject's accidents.
func (s *Store) load(ctx context.Context, what, query string, keys any) (map[string][]sio.RoadAccident, error) {
	var rows []accidentRow
	if err := s.DB().Select(ctx, &rows, query, keys); err != nil {
		return nil, fmt.Errorf("road accidents: %s: %w", what, err)
	}
	out := make(map[string][]sio.RoadAccident)
	for _, r := range rows {
		as := out[r.Subject]
		if n := len(as); n == 0 || as[n-1].Number != r.Number {
			a := r.RoadAccident
			a.Participants = nil
			as = append(as, a)
		}
		a := &as[len(as)-1]
		a.Participants = append(a.Participants, sio.AccidentParticipant{AccidentNumber: r.Number, Role: r.Role, IIN: r.IIN,
			VIN: r.VIN, Plate: r.Plate, Injury: r.Injury, Culprit: r.Culprit})
		out[r.Subject] = as
	}
	return out, nil
}

// AccidentsByPerson returns the accidents each person took part in, latest
// first, each with all its participants, in one statement.
func (s *Store) AccidentsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.RoadAccident, error) {
	m, err := s.load(ctx, "by person", s.byPerson, sqldb.List(s.DB(), iins))
	if err != nil {
		return nil, err
	}
	out := make(map[sio.IIN][]sio.RoadAccident, len(m))
	for k, v := range m {
		out[sio.IIN(k)] = v
	}
	return out, nil
}

// AccidentsByVehicle returns the accidents each vehicle (by VIN) was in,
// latest first, each with all its participants, in one statement.
func (s *Store) AccidentsByVehicle(ctx context.Context, vins []string) (map[string][]sio.RoadAccident, error) {
	return s.load(ctx, "by vehicle", s.byVehicle, sqldb.List(s.DB(), vins))
}

// AccidentsByNumber returns the accidents found among card numbers, each
// with all its participants, in one statement.
func (s *Store) AccidentsByNumber(ctx context.Context, numbers []string) (map[string]*sio.RoadAccident, error) {
	m, err := s.load(ctx, "by number", s.byNumber, sqldb.List(s.DB(), numbers))
	if err != nil {
		return nil, err
	}
	out := make(map[string]*sio.RoadAccident, len(m))
	for k, as := range m {
		out[k] = &as[0]
	}
	return out, nil
}

// Insert bulk-loads accidents with their participants (used by the data
// generator).
func (s *Store) Insert(ctx context.Context, as []sio.RoadAccident) error {
	if err := s.accidents.Insert(ctx, as); err != nil {
		return err
	}
	var ps [][]any
	for _, a := range as {
		for i, p := range a.Participants {
			ps = append(ps, []any{a.Number, i + 1, string(p.Role), string(p.IIN), p.VIN, p.Plate, string(p.Injury), p.Culprit})
		}
	}
	return s.DB().BulkInsert(ctx, "accident_participants", participantColumns, ps)
}
