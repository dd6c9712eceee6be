package authz

import (
	"context"

	"sio"
)

// The records of the case registries that a basis can name besides the case
// itself (seed 000 §21, §22, §25, §28). connectors/caseregistry stores them,
// each registry in a store of its own (instructions with their ЕРДР case,
// international requests in ЕРДР, court sanctions in ЕАИАС), behind one
// CaseRegistry that routes each call to the registry it names; the enforcer
// verifies a basis against them.

// Case registries (sio.Case.Registry), named in the core package.
const (
	RegistryERDR   = sio.RegistryERDR
	RegistryAISSU  = sio.RegistryAISSU
	RegistryEAIAS  = sio.RegistryEAIAS
	RegistryAISOIP = sio.RegistryAISOIP
	RegistryORD    = sio.RegistryORD
)

// How the case reached the user's caseload (Inquiry.Via).
const (
	ViaAssigned        = "ASSIGNED"         // the case is assigned to the user
	ViaGroup           = "GROUP"            // the user is a member of the case's investigative group (§21)
	ViaInstruction     = "INSTRUCTION"      // the user executes an instruction on the case (§22 part 1)
	ViaLegalAssistance = "LEGAL_ASSISTANCE" // the user executes an international request (§22 part 2)
	ViaNone            = "NONE"             // the basis names no case
)

// Instruction kinds (seed 000 §22 part 1).
const (
	// InstructionInvestigative: a следственное поручение sent by the body
	// conducting the case to another body of criminal prosecution.
	InstructionInvestigative = "INVESTIGATIVE"
	// InstructionProsecutor: a prosecutor's instruction to collect
	// additional information on a criminal case being tried by a court.
	InstructionProsecutor = "PROSECUTOR"
	// InstructionInternational: an international request for legal
	// assistance in a criminal matter (§22 part 2), see LegalAssistance.
	InstructionInternational = "INTERNATIONAL"
)

// Statuses of instructions and requests.
const (
	InstructionOpen      = "OPEN"      // being executed
	InstructionExecuted  = "EXECUTED"  // executed and returned
	InstructionWithdrawn = "WITHDRAWN" // recalled by the issuer
)

// Statuses of court sanctions.
const (
	SanctionGranted = "GRANTED" // санкционировано
	SanctionRevoked = "REVOKED" // отменено (e.g. by a higher court)
)

// Instruction is an investigative or prosecutor's instruction on a case of
// ЕРДР, registered with its outgoing number: it brings the case into the
// caseload of its executor for the time it is open.
type Instruction struct {
	Registry   string  `db:"registry"`
	CaseNumber string  `db:"case_number"`
	Number     string  `db:"number"` // outgoing number, e.g. "3-01-24/1187"
	Kind       string  `db:"kind"`
	IssuerIIN  sio.IIN `db:"issuer_iin"`
	// IssuingBody is the body that sent the instruction.
	IssuingBody string   `db:"issuing_body"`
	ExecutorIIN sio.IIN  `db:"executor_iin"`
	IssuedAt    sio.Date `db:"issued_at"`
	DueAt       sio.Date `db:"due_at"`
	Status      string   `db:"status"`
}

// LegalAssistance is an international request for legal assistance in a
// criminal matter, accepted for execution by the authorized body of the
// Republic (seed 000 §22 part 2). It has no case in ЕРДР (§5 exception); the
// authorized body qualifies the act under the Criminal Code (Article).
type LegalAssistance struct {
	// Number is the outgoing number of the request of the foreign body.
	Number         string `db:"number"`
	RequestingBody string `db:"requesting_body"`
	Country        string `db:"country"`
	// CoverLetterNumber is the outgoing number of the cover letter of the
	// authorized body that decided to execute the request.
	CoverLetterNumber string   `db:"cover_letter_number"`
	AuthorizedBody    string   `db:"authorized_body"`
	ExecutorIIN       sio.IIN  `db:"executor_iin"`
	Article           string   `db:"article"`
	ReceivedAt        sio.Date `db:"received_at"`
	DueAt             sio.Date `db:"due_at"`
	Status            string   `db:"status"`
}

// CourtSanction is an electronic court sanction registered in ЕАИАС СО РК
// (seed 000 §28) for a covert measure on a criminal case, e.g. control of
// postal items.
type CourtSanction struct {
	// Number is the ЕАИАС registration number of the sanction.
	Number     string   `db:"number"`
	Registry   string   `db:"registry"`
	CaseNumber string   `db:"case_number"`
	Court      string   `db:"court"`
	Judge      string   `db:"judge"`
	Measure    string   `db:"measure"`
	GrantedAt  sio.Date `db:"granted_at"`
	ValidFrom  sio.Date `db:"valid_from"`
	ValidUntil sio.Date `db:"valid_until"`
	Status     string   `db:"status"`
}

// InvestigativeGroup is a следственно-оперативная группа formed on a case:
// the case is in the caseload of each member (seed 000 §21).
type InvestigativeGroup struct {
	ID       int64     `db:"id"`
	Registry string    `db:"registry"`
	Number   string    `db:"number"`
	HeadIIN  sio.IIN   `db:"head_iin"`
	FormedAt sio.Date  `db:"formed_at"`
	Members  []sio.IIN `db:"-"`
}

// CaseloadLookup is implemented by case registries that read a case and
// how it is in an official's caseload in one statement; the enforcer then
// verifies a basis's case with one round trip instead of two.
type CaseloadLookup interface {
	// CaseWithCaseload returns the case (nil if not registered) and how it
	// is in the official's caseload (as CaseRegistry.CaseloadVia).
	CaseWithCaseload(ctx context.Context, registry, number string, iin sio.IIN) (*sio.Case, string, error)
}

// CaseRegistry is what the enforcer needs of the case registries.
type CaseRegistry interface {
	sio.CaseRegistry
	// CaseloadVia tells how the case is in the official's caseload:
	// ViaAssigned, ViaGroup, or "" when it is not.
	CaseloadVia(ctx context.Context, registry, number string, iin sio.IIN) (string, error)
	// Instruction returns the instruction with the outgoing number on the
	// case, or nil, nil.
	Instruction(ctx context.Context, registry, caseNumber, number string) (*Instruction, error)
	// LegalAssistance returns the request accepted under the cover letter,
	// or nil, nil.
	LegalAssistance(ctx context.Context, coverLetterNumber string) (*LegalAssistance, error)
	// CourtSanction returns the sanction with the ЕАИАС number, or nil, nil.
	CourtSanction(ctx context.Context, number string) (*CourtSanction, error)
	// Basis records of the official's own, for the sandbox listing.
	InstructionsOfExecutor(ctx context.Context, iin sio.IIN) ([]Instruction, error)
	LegalAssistanceOfExecutor(ctx context.Context, iin sio.IIN) ([]LegalAssistance, error)
	SanctionsOfUser(ctx context.Context, iin sio.IIN) ([]CourtSanction, error)
}
