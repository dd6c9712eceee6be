package sio

import (
	"context"
	"time"
)

// БД "Сведения по пассажирским таможенным декларациям" (service 44): the
// passenger customs declarations (ПТД) filed by persons at the border, with
// the goods and cash declared and the vehicle, if any.

// DeclarationItemKind is what a line of a declaration declares.
type DeclarationItemKind string

const (
	DeclaredGoods DeclarationItemKind = "GOODS"
	DeclaredCash  DeclarationItemKind = "CASH"
)

// PassengerDeclaration is a passenger customs declaration.
type PassengerDeclaration struct {
	// Number: customs post code / date DDMMYY / serial.
	Number     string            `db:"number"`
	IIN        IIN               `db:"iin"`
	DeclaredAt time.Time         `db:"declared_at"`
	Direction  CrossingDirection `db:"direction"`
	// CustomsPostCode and CustomsPostRu: the customs post at the checkpoint.
	CustomsPostCode string `db:"customs_post_code"`
	CustomsPostRu   string `db:"customs_post_ru"`
	// Passage: the checkpoint and transport of the crossing declared at.
	Passage
	// VehicleVIN of a vehicle declared (temporary export of the person's car).
	VehicleVIN *string `db:"vehicle_vin"`
	// TotalValueTiyn is the customs value of everything declared; DutyTiyn
	// the customs payments charged.
	TotalValueTiyn int64  `db:"total_value_tiyn"`
	DutyTiyn       int64  `db:"duty_tiyn"`
	DecisionRu     string `db:"decision_ru"`
}

// Checkpoint where the declaration was filed.
func (d *PassengerDeclaration) Checkpoint() *BorderCheckpoint { return &d.BorderCheckpoint }

// TotalValue of the declaration in tenge.
func (d *PassengerDeclaration) TotalValue() Money { return Money(d.TotalValueTiyn) }

// DutyPaid in tenge.
func (d *PassengerDeclaration) DutyPaid() Money { return Money(d.DutyTiyn) }

// DeclarationItem is a line of a declaration: goods with their ТН ВЭД ЕАЭС
// heading, or cash in a currency.
type DeclarationItem struct {
	DeclarationNumber string              `db:"declaration_number"`
	Line              int                 `db:"line"`
	Kind              DeclarationItemKind `db:"kind"`
	DescriptionRu     string              `db:"description_ru"`
	// HSCode is the 4-digit heading of ТН ВЭД ЕАЭС ("" for cash).
	HSCode   string  `db:"hs_code"`
	Quantity float64 `db:"quantity"`
	UnitRu   string  `db:"unit_ru"`
	WeightKg float64 `db:"weight_kg"`
	// ValueTiyn is the customs value in tenge.
	ValueTiyn int64 `db:"value_tiyn"`
	// Currency (ISO 4217) and CurrencyMinor (amount in its minor units) of
	// declared cash.
	Currency      *string `db:"currency"`
	CurrencyMinor *int64  `db:"currency_minor"`
}

// Value in tenge.
func (i *DeclarationItem) Value() Money { return Money(i.ValueTiyn) }

// CurrencyAmount of declared cash as a decimal, e.g. "15000.00".
func (i *DeclarationItem) CurrencyAmount() *string {
	if i.CurrencyMinor == nil {
		return nil
	}
	s := Money(*i.CurrencyMinor).String()
	return &s
}

// PassengerDeclarations is БД "Сведения по пассажирским таможенным
// декларациям".
type PassengerDeclarations interface {
	// DeclarationsByPerson returns each person's declarations, oldest first.
	DeclarationsByPerson(ctx context.Context, iins []IIN) (map[IIN][]PassengerDeclaration, error)
	// DeclarationsByNumber returns the declarations found among numbers.
	DeclarationsByNumber(ctx context.Context, numbers []string) (map[string]*PassengerDeclaration, error)
	// ItemsByDeclaration returns the lines of each declaration, in order.
	ItemsByDeclaration(ctx context.Context, numbers []string) (map[string][]DeclarationItem, error)
}
