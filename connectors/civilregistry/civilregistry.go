// Package civilregistry is the connector to ЗАГС (Записи актов гражданского
// состояния, the civil-status acts register): births, marriages, divorces
// and deaths with their parties, and the family ties derived from them.
package civilregistry

import (
	"context"
	"embed"
	"fmt"
	"sort"

	"sio"
	"sio/sqldb"
)

// Name is the store name: PostgreSQL schema and SQLite file.
const Name = "zags"

//go:embed migrations/*.sql
var migrations embed.FS

// Store reads and loads ЗАГС.
type Store struct {
	db       *sqldb.DB
	byPerson string
}

var _ sio.CivilRegistry = (*Store)(nil)

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
	return &Store{
		db: db,
		// The acts each person is a party of (me), with all their parties
		// (p), one row per (person, act, party): acts in date order, parties
		// in role order.
		byPerson: db.Q(`SELECT me.iin AS person_iin, a.id, a.kind, a.number, a.act_date, a.registry_office, a.region_kato,
				p.role AS party_role, p.iin AS party_iin
			FROM {civil_act_parties} me
			JOIN {civil_acts} a ON a.id = me.act_id
			JOIN {civil_act_parties} p ON p.act_id = a.id
			WHERE ` + db.In("me.iin") + `
			ORDER BY me.iin, a.act_date, a.id,
				CASE p.role WHEN 'CHILD' THEN 1 WHEN 'MOTHER' THEN 2 WHEN 'FATHER' THEN 3 WHEN 'SPOUSE' THEN 4 ELSE 5 END,
				p.iin`),
	}
}

// DB exposes the handle for administration (seeding, health checks).
func (s *Store) DB() *sqldb.DB { return s.db }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// actRow is one (person, act, party) row of the byPerson query.
type actRow struct {
	Person sio.IIN `db:"person_iin"`
	sio.CivilAct
	Role     sio.CivilActRole `db:"party_role"`
	PartyIIN sio.IIN          `db:"party_iin"`
}

// ActsByPerson returns, for each person among iins, the acts the person is a
// party of, oldest first, each with all its parties (CHILD, MOTHER, FATHER,
// SPOUSE, DECEASED order), in one statement. Persons without acts are
// absent.
func (s *Store) ActsByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.CivilAct, error) {
	var rows []actRow
	if err := s.db.Select(ctx, &rows, s.byPerson, sqldb.List(s.db, iins)); err != nil {
		return nil, fmt.Errorf("civilregistry: acts by person: %w", err)
	}
	out := make(map[sio.IIN][]sio.CivilAct)
	for _, r := range rows {
		acts := out[r.Person]
		if n := len(acts); n == 0 || acts[n-1].ID != r.ID {
			a := r.CivilAct
			a.Parties = nil
			acts = append(acts, a)
		}
		a := &acts[len(acts)-1]
		party := sio.CivilParty{ActID: r.ID, Role: r.Role, IIN: r.PartyIIN}
		// A person named twice in one act repeats its parties; keep one.
		if n := len(a.Parties); n == 0 || a.Parties[n-1] != party {
			a.Parties = append(a.Parties, party)
		}
		out[r.Person] = acts
	}
	return out, nil
}

// FamilyByPerson derives, for each person among iins, the relatives named in
// the person's acts, in one statement (that of ActsByPerson):
//   - the other spouse of a marriage is SPOUSE, or EX_SPOUSE when a divorce
//     of the same two spouses is registered after it;
//   - the mother and father of the person's birth are PARENT;
//   - the child of a birth where the person is mother or father is CHILD.
//
// ActID is the establishing act: the marriage for SPOUSE and EX_SPOUSE, the
// birth for PARENT and CHILD. Ties are ordered by relation (SPOUSE,
// EX_SPOUSE, PARENT, CHILD), then relative, then act. Persons without
// relatives are absent.
func (s *Store) FamilyByPerson(ctx context.Context, iins []sio.IIN) (map[sio.IIN][]sio.FamilyTie, error) {
	acts, err := s.ActsByPerson(ctx, iins)
	if err != nil {
		return nil, err
	}
	out := make(map[sio.IIN][]sio.FamilyTie)
	for iin, as := range acts {
		if ties := Family(iin, as); len(ties) > 0 {
			out[iin] = ties
		}
	}
	return out, nil
}

var relationRank = map[sio.Relation]int{
	sio.RelationSpouse: 1, sio.RelationExSpouse: 2, sio.RelationParent: 3, sio.RelationChild: 4,
}

// Family derives the family ties of person me from the acts me is a party
// of (with their parties), as FamilyByPerson does.
func Family(me sio.IIN, acts []sio.CivilAct) []sio.FamilyTie {
	var ties []sio.FamilyTie
	add := func(rel sio.Relation, relative sio.IIN, act int64) {
		if relative != me && relative != "" {
			ties = append(ties, sio.FamilyTie{IIN: me, Relation: rel, Relative: relative, ActID: act})
		}
	}
	for _, a := range acts {
		switch a.Kind {
		case sio.ActMarriage:
			if !hasParty(a, me, sio.RoleSpouse) {
				continue
			}
			for _, p := range a.Parties {
				if p.Role != sio.RoleSpouse || p.IIN == me {
					continue
				}
				rel := sio.RelationSpouse
				if dissolved(a, me, p.IIN, acts) {
					rel = sio.RelationExSpouse
				}
				add(rel, p.IIN, a.ID)
			}
		case sio.ActBirth:
			child := hasParty(a, me, sio.RoleChild)
			parent := hasParty(a, me, sio.RoleMother) || hasParty(a, me, sio.RoleFather)
			for _, p := range a.Parties {
				switch {
				case child && (p.Role == sio.RoleMother || p.Role == sio.RoleFather):
					add(sio.RelationParent, p.IIN, a.ID)
				case parent && p.Role == sio.RoleChild:
					add(sio.RelationChild, p.IIN, a.ID)
				}
			}
		}
	}
	sort.Slice(ties, func(i, j int) bool {
		a, b := ties[i], ties[j]
		if ra, rb := relationRank[a.Relation], relationRank[b.Relation]; ra != rb {
			return ra < rb
		}
		if a.Relative != b.Relative {
			return a.Relative < b.Relative
		}
		return a.ActID < b.ActID
	})
	// Drop exact duplicates (a person named twice in one act).
	out := ties[:0]
	for i, t := range ties {
		if i == 0 || t != ties[i-1] {
			out = append(out, t)
		}
	}
	return out
}

func hasParty(a sio.CivilAct, iin sio.IIN, role sio.CivilActRole) bool {
	for _, p := range a.Parties {
		if p.IIN == iin && p.Role == role {
			return true
		}
	}
	return false
}

// dissolved reports whether a divorce of spouses x and y is registered after
// marriage m (on a later date, or on the same date with a later act id).
func dissolved(m sio.CivilAct, x, y sio.IIN, acts []sio.CivilAct) bool {
	for _, d := range acts {
		if d.Kind != sio.ActDivorce || !hasParty(d, x, sio.RoleSpouse) || !hasParty(d, y, sio.RoleSpouse) {
			continue
		}
		if d.Date.After(m.Date.Time) || (d.Date.Equal(m.Date.Time) && d.ID > m.ID) {
			return true
		}
	}
	return false
}

// InsertActs bulk-loads acts and their parties (used by the data
// generator). A party belongs to the act it is listed in, whatever its
// ActID says.
func (s *Store) InsertActs(ctx context.Context, acts []sio.CivilAct) error {
	rows := make([][]any, len(acts))
	var parties [][]any
	for i, a := range acts {
		rows[i] = []any{a.ID, string(a.Kind), a.Number, a.Date, a.RegistryOffice, a.RegionKATO}
		for _, p := range a.Parties {
			parties = append(parties, []any{a.ID, string(p.Role), string(p.IIN)})
		}
	}
	if err := s.db.BulkInsert(ctx, "civil_acts", []string{"id", "kind", "number", "act_date", "registry_office",
		"region_kato"}, rows); err != nil {
		return err
	}
	return s.db.BulkInsert(ctx, "civil_act_parties", []string{"act_id", "role", "iin"}, parties)
}

// Count returns the number of acts (health and seeding checks).
func (s *Store) Count(ctx context.Context) (int, error) {
	return s.db.Count(ctx, "civil_acts")
}
