package sio

import (
	"context"
	"time"
)

// Пересечение государственной границы гражданами РК (service 33) and
// иностранными гражданами (service 34): the border service's records of
// persons passing the checkpoints, and of the foreigners who came (their
// passport data, purpose and receiving party).

// CrossingDirection is entry into or exit from Kazakhstan.
type CrossingDirection string

const (
	CrossingEntry CrossingDirection = "ENTRY"
	CrossingExit  CrossingDirection = "EXIT"
)

// CheckpointKind is the kind of a border checkpoint (пункт пропуска).
type CheckpointKind string

const (
	CheckpointAirport CheckpointKind = "AIRPORT"
	CheckpointRoad    CheckpointKind = "ROAD"
	CheckpointRail    CheckpointKind = "RAIL"
)

// CrossingTransport is how the person crossed.
type CrossingTransport string

const (
	TransportFlight     CrossingTransport = "FLIGHT"
	TransportCar        CrossingTransport = "CAR"
	TransportBus        CrossingTransport = "BUS"
	TransportTrain      CrossingTransport = "TRAIN"
	TransportPedestrian CrossingTransport = "PEDESTRIAN"
)

// BorderCheckpoint is a checkpoint on the state border.
type BorderCheckpoint struct {
	Code       string         `db:"checkpoint_code"`
	NameRu     string         `db:"checkpoint_ru"`
	Kind       CheckpointKind `db:"checkpoint_kind"`
	RegionKATO string         `db:"region_kato"`
}

// Region of the checkpoint.
func (c *BorderCheckpoint) Region() *Region { return regionOrNil(c.RegionKATO) }

// Passage is where and how a person passed the border: the checkpoint, the
// country left for or come from, and the means of transport.
type Passage struct {
	BorderCheckpoint
	// CountryCode (ISO 3166 alpha-2) the person left for or came from.
	CountryCode  string            `db:"country_code"`
	Transport    CrossingTransport `db:"transport"`
	FlightNumber *string           `db:"flight_number"`
	TrainNumber  *string           `db:"train_number"`
	VehiclePlate *string           `db:"vehicle_plate"`
}

// BorderCrossing is one passage of a checkpoint. Crossings of citizens are
// keyed by IIN; crossings of foreigners by the traveller record (and the
// IIN of those who live in Kazakhstan).
type BorderCrossing struct {
	ID int64 `db:"id"`
	// IIN of a citizen or of a foreigner registered in ГБД ФЛ ("" for a
	// foreign visitor).
	IIN string `db:"iin"`
	// TravellerID is the foreigner's record (nil for citizens).
	TravellerID *int64            `db:"traveller_id"`
	CrossedAt   time.Time         `db:"crossed_at"`
	Direction   CrossingDirection `db:"direction"`
	Passage
	DocumentKind   IdentityDocumentKind `db:"document_kind"`
	DocumentNumber string               `db:"document_number"`
	// RouteRu is the flight, train or bus route, e.g. "Алматы — Стамбул".
	RouteRu   string `db:"route_ru"`
	CarrierRu string `db:"carrier_ru"`
}

// Checkpoint passed.
func (c *BorderCrossing) Checkpoint() *BorderCheckpoint { return &c.BorderCheckpoint }

// ForeignTraveller is a foreigner's record in the border service's
// database: passport data (names in Latin letters as in the passport), the
// purpose of the visit and the receiving party.
type ForeignTraveller struct {
	ID int64 `db:"id"`
	// IIN of a foreigner registered in ГБД ФЛ (residence permit), else nil.
	IIN            *IIN   `db:"iin"`
	LastName       string `db:"last_name"`
	FirstName      string `db:"first_name"`
	BirthDate      Date   `db:"birth_date"`
	Gender         Gender `db:"gender"`
	Citizenship    string `db:"citizenship"`
	PassportNumber string `db:"passport_number"`
	PassportExpiry Date   `db:"passport_expiry"`
	PurposeRu      string `db:"purpose_ru"`
	// HostID is the receiving party (принимающая сторона), IIN or BIN.
	HostID   *string      `db:"host_id"`
	HostKind *SubjectKind `db:"host_kind"`
}

// BorderCrossings is the border service's databases of crossings.
type BorderCrossings interface {
	// CitizenCrossings returns the crossings of each citizen, oldest first.
	CitizenCrossings(ctx context.Context, iins []IIN) (map[IIN][]BorderCrossing, error)
	// ForeignerCrossingsByPerson returns the crossings of foreigners
	// registered in ГБД ФЛ, oldest first.
	ForeignerCrossingsByPerson(ctx context.Context, iins []IIN) (map[IIN][]BorderCrossing, error)
	// ForeignerCrossingsByTraveller returns each traveller's crossings,
	// oldest first.
	ForeignerCrossingsByTraveller(ctx context.Context, ids []int64) (map[int64][]BorderCrossing, error)
	// TravellersByID returns the travellers found among ids.
	TravellersByID(ctx context.Context, ids []int64) (map[int64]*ForeignTraveller, error)
	// TravellersByPassport returns the travellers with each passport
	// number (one per country of issue).
	TravellersByPassport(ctx context.Context, numbers []string) (map[string][]ForeignTraveller, error)
	// TravellersByHost returns the foreigners received by each person or
	// entity (IIN or BIN).
	TravellersByHost(ctx context.Context, hosts []string) (map[string][]ForeignTraveller, error)
}
