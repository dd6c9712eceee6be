package sio

import (
	"context"
	"strings"
)

// FixedLineService is a service provided on a fixed-line contract.
type FixedLineService string

const (
	FixedLinePhone    FixedLineService = "PHONE"
	FixedLineInternet FixedLineService = "INTERNET"
	FixedLineTV       FixedLineService = "IPTV"
)

// SubscriptionStatus is the state of a fixed-line contract.
type SubscriptionStatus string

const (
	SubscriptionActive     SubscriptionStatus = "ACTIVE"
	SubscriptionSuspended  SubscriptionStatus = "SUSPENDED"
	SubscriptionTerminated SubscriptionStatus = "TERMINATED"
)

// FixedLineSubscription is a contract of БД "Казахтелеком": a fixed line
// (and the internet and television services on it) installed at an address
// for a subscriber, a person or a legal entity. A number outlives its
// contracts: when a subscriber dies the household re-registers the line,
// and the number passes to the new contract.
type FixedLineSubscription struct {
	ContractNumber string      `db:"contract_number"`
	PhoneNumber    string      `db:"phone_number"`
	SubscriberID   string      `db:"subscriber_id"`
	SubscriberKind SubjectKind `db:"subscriber_kind"`
	// SubscriberName is the name on the contract (ФИО or company name).
	SubscriberName string `db:"subscriber_name"`
	// Address is where the line is installed.
	Address      string             `db:"address"`
	RegionKATO   string             `db:"region_kato"`
	ContractDate Date               `db:"contract_date"`
	TerminatedOn *Date              `db:"terminated_on"`
	Status       SubscriptionStatus `db:"status"`
	// ServiceList holds the services, comma-separated (see Services).
	ServiceList string `db:"services"`
	// InternetTariff is the tariff plan of the internet service, if any.
	InternetTariff *string `db:"internet_tariff"`
	// Branch is the regional directorate serving the line.
	Branch string `db:"branch"`
}

// Services on the contract, the fixed line first.
func (s *FixedLineSubscription) Services() []FixedLineService {
	var out []FixedLineService
	for _, x := range strings.Split(s.ServiceList, ",") {
		if x != "" {
			out = append(out, FixedLineService(x))
		}
	}
	return out
}

// Region where the line is installed.
func (s *FixedLineSubscription) Region() *Region { return regionOrNil(s.RegionKATO) }

// FixedLineRegistry is БД "Казахтелеком".
type FixedLineRegistry interface {
	// SubscriptionsBySubscriber returns the contracts of each subscriber
	// (IIN or BIN), oldest first.
	SubscriptionsBySubscriber(ctx context.Context, ids []string) (map[string][]FixedLineSubscription, error)
	// SubscriptionsByPhone returns the contracts on each number (E.164),
	// the current one first.
	SubscriptionsByPhone(ctx context.Context, phones []string) (map[string][]FixedLineSubscription, error)
}
