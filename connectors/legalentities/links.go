package legalentities

import (
	"context"

	"sio"
	"sio/sqldb"
)

// Capped lookups for relationship graphs: a holding founded by thousands of
// partnerships, or a body that founded thousands of companies, is a hub; a
// graph keeps a few of its links and counts the rest, in one statement,
// without reading them all.

type founderRow struct {
	sio.Founder
	Total int `db:"total"`
}

// FoundersByEntityCapped returns, for each entity among bins, at most per
// of its founders (largest share first, as FoundersByEntity orders them)
// and how many it has, in one statement.
func (s *Store) FoundersByEntityCapped(ctx context.Context, bins []sio.BIN, per int) (map[sio.BIN][]sio.Founder, map[sio.BIN]int, error) {
	return sqldb.GroupTop(ctx, s.db, "legalentities: founders (capped)", s.foundersTop,
		func(r *founderRow) (sio.BIN, sio.Founder, int) { return r.EntityBIN, r.Founder, r.Total },
		sqldb.List(s.db, bins), per)
}

func foundersTopQuery(db *sqldb.DB) string {
	return db.Q(sqldb.TopPerKey(founderColumns, `{founders} WHERE `+db.In("entity_bin"),
		"entity_bin", "share_percent DESC, founder_id"))
}

type roleRow struct {
	sio.CompanyRole
	Total int `db:"total"`
}

// RolesBySubjectCapped returns, for each subject among ids, at most per of
// its roles (oldest first, as RolesBySubject orders them) and how many it
// has, in one statement.
func (s *Store) RolesBySubjectCapped(ctx context.Context, ids []string, per int) (map[string][]sio.CompanyRole, map[string]int, error) {
	list := sqldb.List(s.db, ids)
	return sqldb.GroupTop(ctx, s.db, "legalentities: roles (capped)", s.rolesTop,
		func(r *roleRow) (string, sio.CompanyRole, int) { return r.SubjectID, r.CompanyRole, r.Total },
		list, list, per)
}

func rolesTopQuery(db *sqldb.DB) string {
	return db.Q(sqldb.TopPerKey("subject_id, kind, entity_bin, share_percent, since", `(
			SELECT founder_id AS subject_id, 'FOUNDER' AS kind, entity_bin, share_percent, since
			FROM {founders} WHERE `+db.In("founder_id")+`
			UNION ALL
			SELECT director_iin, 'DIRECTOR', bin, NULL, registration_date
			FROM {legal_entities} WHERE `+db.In("director_iin")+`
		) roles`, "subject_id", "since, entity_bin, kind"))
}
