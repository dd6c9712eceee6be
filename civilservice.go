package sio

import "context"

// CivilServiceRecord is a record of the register of civil servants
// (Сведения о государственных служащих): a post a person held (or holds) in
// a state body.
type CivilServiceRecord struct {
	ID           int64  `db:"id"`
	IIN          IIN    `db:"iin"`
	StateBodyBIN BIN    `db:"state_body_bin"`
	StateBodyRu  string `db:"state_body_ru"`
	RegionKATO   string `db:"region_kato"`
	PositionRu   string `db:"position_ru"`
	// Category of the post in the register of posts, e.g. "C-O-4".
	Category string `db:"category"`
	// Corps is "А" or "Б" (administrative civil service corps).
	Corps     string `db:"corps"`
	StartDate Date   `db:"start_date"`
	// EndDate and DismissalGroundRu are nil while the person holds the post.
	EndDate           *Date   `db:"end_date"`
	DismissalGroundRu *string `db:"dismissal_ground_ru"`
	// OrderNumber is the appointment order, e.g. "№ 214-лс от 12.05.2019".
	OrderNumber string `db:"order_number"`
}

// Current reports whether the person holds the post.
func (c *CivilServiceRecord) Current() bool { return c.EndDate == nil }

// Region of the state body.
func (c *CivilServiceRecord) Region() *Region { return regionOrNil(c.RegionKATO) }

// CivilServantCheck is the answer to Запрос на госслужащего about one
// person: whether the person is a civil servant now, and the posts held.
type CivilServantCheck struct {
	IIN   IIN
	Posts []CivilServiceRecord
}

// IsCivilServant reports whether the person holds a post now.
func (c *CivilServantCheck) IsCivilServant() bool { return c.CurrentPost() != nil }

// CurrentPost is the post the person holds, if any.
func (c *CivilServantCheck) CurrentPost() *CivilServiceRecord {
	for i := len(c.Posts) - 1; i >= 0; i-- {
		if c.Posts[i].Current() {
			return &c.Posts[i]
		}
	}
	return nil
}

// CivilServiceRegister is the register of civil servants, read by two
// services: Запрос на госслужащего (by person) and Сведения о
// государственных служащих (by state body).
type CivilServiceRegister interface {
	// PostsByPerson returns each person's posts, oldest first.
	PostsByPerson(ctx context.Context, iins []IIN) (map[IIN][]CivilServiceRecord, error)
	// ServantsByStateBody returns the records of each state body, current
	// posts first, then by start date.
	ServantsByStateBody(ctx context.Context, bins []BIN) (map[BIN][]CivilServiceRecord, error)
}
