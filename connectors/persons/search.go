package persons

import (
	"context"
	"fmt"

	"sio"
	"sio/sqldb"
)

// Search finds persons of ГБД ФЛ by name and birth date through name_key
// (upper case, Ё folded to Е, see NameKey).
type Search struct {
	db          *sqldb.DB
	byName      string
	byNameBirth string
}

var _ sio.PersonSearch = (*Search)(nil)

// NewSearch prepares the search statements over an opened, migrated store.
//
// The given name parts are whole words from the start of the full name:
// "ИВАНОВ ПЁТР" matches name_key "ИВАНОВ ПЕТР" and "ИВАНОВ ПЕТР СЕРГЕЕВИЧ"
// but not "ИВАНОВА ...". That is the byte range [key, key+"!"): a name key
// holds letters, hyphens and single spaces, and the space is the only byte
// below "!" that can follow the key. The range is compared byte-wise (COLLATE
// "C" on PostgreSQL, whose default collation may ignore spaces and case) and
// served by an index under the same collation.
func NewSearch(db *sqldb.DB) *Search {
	key := "name_key"
	if db.Dialect == sqldb.Postgres {
		key = `name_key COLLATE "C"`
	}
	sel := `SELECT ` + columns + ` FROM {persons} WHERE ` + key + ` >= ? AND ` + key + ` < ?`
	order := ` ORDER BY ` + key + `, birth_date, iin LIMIT ?`
	return &Search{
		db:          db,
		byName:      db.Q(sel + order),
		byNameBirth: db.Q(sel + ` AND birth_date = ?` + order),
	}
}

// SearchPersons returns at most limit persons whose name starts with the
// given whole name parts (and born on q.BirthDate, if given), in one
// statement.
func (s *Search) SearchPersons(ctx context.Context, q sio.PersonQuery, limit int) ([]sio.Person, error) {
	if q.LastName == "" || (q.MiddleName != "" && q.FirstName == "") {
		return nil, fmt.Errorf("persons: search needs a last name, and a first name before a middle name")
	}
	key := NameKey(q.LastName, q.FirstName, q.MiddleName)
	var out []sio.Person
	var err error
	if q.BirthDate != nil {
		err = s.db.Select(ctx, &out, s.byNameBirth, key, key+"!", *q.BirthDate, limit)
	} else {
		err = s.db.Select(ctx, &out, s.byName, key, key+"!", limit)
	}
	if err != nil {
		return nil, fmt.Errorf("persons: search: %w", err)
	}
	return out, nil
}
