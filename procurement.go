package sio

import "context"

// Procurement registers of seed 000 Appendix 2: База данных "Электронные
// государственные закупки" (42) and the register of unfair participants of
// public procurement (61), both kept on the public procurement portal.

// ProcurementMethod is the method of a public procurement.
type ProcurementMethod string

const (
	ProcurementOpenTender   ProcurementMethod = "OPEN_TENDER"
	ProcurementPriceOffers  ProcurementMethod = "PRICE_OFFERS"
	ProcurementAuction      ProcurementMethod = "AUCTION"
	ProcurementSingleSource ProcurementMethod = "SINGLE_SOURCE"
	ProcurementEShop        ProcurementMethod = "E_SHOP"
)

// ProcurementItem is what a lot buys.
type ProcurementItem string

const (
	ProcurementGoods    ProcurementItem = "GOODS"
	ProcurementWorks    ProcurementItem = "WORKS"
	ProcurementServices ProcurementItem = "SERVICES"
)

// ProcurementStatus is the state of a procurement contract.
type ProcurementStatus string

const (
	ProcurementInProgress ProcurementStatus = "IN_PROGRESS"
	ProcurementExecuted   ProcurementStatus = "EXECUTED"
	ProcurementTerminated ProcurementStatus = "TERMINATED"
)

// ProcurementContract is a record of Электронные государственные закупки:
// a lot of an announced procurement and the contract concluded on it between
// a state customer and a supplier. Amounts are in tiyn.
type ProcurementContract struct {
	ContractNumber     string            `db:"contract_number"`
	AnnouncementNumber string            `db:"announcement_number"`
	LotNumber          string            `db:"lot_number"`
	Method             ProcurementMethod `db:"method"`
	ItemKind           ProcurementItem   `db:"item_kind"`
	ItemRu             string            `db:"item_ru"`
	CustomerBIN        BIN               `db:"customer_bin"`
	CustomerNameRu     string            `db:"customer_name_ru"`
	SupplierID         string            `db:"supplier_id"`
	SupplierKind       SubjectKind       `db:"supplier_kind"`
	PlannedTiyn        int64             `db:"planned_tiyn"`
	AmountTiyn         int64             `db:"amount_tiyn"`
	AnnouncedAt        Date              `db:"announced_at"`
	SignedAt           Date              `db:"signed_at"`
	DueAt              Date              `db:"due_at"`
	Status             ProcurementStatus `db:"status"`
	RegionKATO         string            `db:"region_kato"`
}

// PlannedAmount is the sum allotted in the procurement plan.
func (c *ProcurementContract) PlannedAmount() Money { return Money(c.PlannedTiyn) }

// Amount is the contract sum.
func (c *ProcurementContract) Amount() Money { return Money(c.AmountTiyn) }

// Region of the customer.
func (c *ProcurementContract) Region() *Region { return regionOrNil(c.RegionKATO) }

// UnfairRole is why a subject is in the register of unfair participants: as
// the supplier itself or as its head or founder.
type UnfairRole string

const (
	UnfairSupplier UnfairRole = "SUPPLIER"
	UnfairHead     UnfairRole = "HEAD"
	UnfairFounder  UnfairRole = "FOUNDER"
)

// UnfairParticipant is a record of the register of unfair participants of
// public procurement: a supplier that breached a contract, entered by a
// court decision on the customer's claim for a fixed term, together with its
// head and founders.
type UnfairParticipant struct {
	RecordID       int64       `db:"record_id"`
	SubjectID      string      `db:"subject_id"`
	SubjectKind    SubjectKind `db:"subject_kind"`
	Role           UnfairRole  `db:"role"`
	SupplierBIN    BIN         `db:"supplier_bin"`
	ContractNumber string      `db:"contract_number"`
	CustomerNameRu string      `db:"customer_name_ru"`
	// CourtDecisionRu is the basis: the court, date and case number.
	CourtDecisionRu string `db:"court_decision_ru"`
	DecisionDate    Date   `db:"decision_date"`
	IncludedAt      Date   `db:"included_at"`
	// ExpiresAt ends the term of inclusion.
	ExpiresAt  Date `db:"expires_at"`
	TermMonths int  `db:"term_months"`
	// InRegister is false once the term has ended.
	InRegister bool `db:"in_register"`
}

// ProcurementRegistry is Электронные государственные закупки with its
// register of unfair participants.
type ProcurementRegistry interface {
	// ContractsBySupplier returns the contracts of each supplier (BIN or IIN).
	ContractsBySupplier(ctx context.Context, suppliers []string) (map[string][]ProcurementContract, error)
	ContractsByNumber(ctx context.Context, numbers []string) (map[string]*ProcurementContract, error)
	// UnfairBySubject returns the register entries of each subject (IIN or BIN).
	UnfairBySubject(ctx context.Context, ids []string) (map[string][]UnfairParticipant, error)
}
