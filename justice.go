package sio

import "context"

// The criminal-justice registers kept by the Committee on legal statistics
// and special records (КПСиСУ) and the courts: База данных "Специальные
// учеты", "Судебных органов", "Судебных карточек", "Требования",
// "Скрывающихся от следствия/дознания", "Без вести пропавших" and
// "Контроль процедуры выдворения иностранных граждан".

// OffenceGravity is the category of a criminal offence (ст. 10-11 УК РК).
type OffenceGravity string

const (
	GravityMisdemeanour    OffenceGravity = "MISDEMEANOUR" // уголовный проступок (since 2015)
	GravityMinor           OffenceGravity = "MINOR"        // небольшой тяжести
	GravityMedium          OffenceGravity = "MEDIUM"       // средней тяжести
	GravityGrave           OffenceGravity = "GRAVE"        // тяжкое
	GravityEspeciallyGrave OffenceGravity = "ESPECIALLY_GRAVE"
)

// CriminalOutcome is where a criminal case against the person stands.
type CriminalOutcome string

const (
	OutcomeUnderInvestigation CriminalOutcome = "UNDER_INVESTIGATION"
	OutcomeTerminatedPretrial CriminalOutcome = "TERMINATED_PRETRIAL"
	OutcomeInCourt            CriminalOutcome = "IN_COURT"
	OutcomeConvicted          CriminalOutcome = "CONVICTED"
	OutcomeAcquitted          CriminalOutcome = "ACQUITTED"
	OutcomeTerminatedByCourt  CriminalOutcome = "TERMINATED_BY_COURT"
)

// SentenceKind is the main punishment of a conviction.
type SentenceKind string

const (
	SentenceImprisonment         SentenceKind = "IMPRISONMENT"
	SentenceSuspended            SentenceKind = "SUSPENDED"
	SentenceRestrictionOfFreedom SentenceKind = "RESTRICTION_OF_FREEDOM"
	SentenceFine                 SentenceKind = "FINE"
	SentenceCorrectionalWork     SentenceKind = "CORRECTIONAL_WORK"
	SentenceCommunityService     SentenceKind = "COMMUNITY_SERVICE"
)

// ConvictionStatus is the state of a conviction at the snapshot date.
type ConvictionStatus string

const (
	ConvictionNone     ConvictionStatus = "NONE"     // not convicted in this case
	ConvictionServing  ConvictionStatus = "SERVING"  // serving the sentence
	ConvictionActive   ConvictionStatus = "ACTIVE"   // served, conviction not yet expunged
	ConvictionExpunged ConvictionStatus = "EXPUNGED" // судимость погашена
)

// CriminalRecord is a record of criminal liability in База данных
// "Специальные учеты": one criminal case against the person, from
// registration (ЕРДР since 2015, the statistical card before) to the
// verdict, the sentence served and the expunging of the conviction.
type CriminalRecord struct {
	// CaseNumber is the ЕРДР number (15 digits) for cases registered since
	// 2015, the number of the statistical card (12 digits) before.
	CaseNumber string  `db:"case_number"`
	ERDRNumber *string `db:"erdr_number"`
	PersonIIN  IIN     `db:"person_iin"`
	// CodeRu is the Criminal Code of the article: "УК РК 2014" or "УК РК 1997".
	CodeRu       string          `db:"code_ru"`
	Article      string          `db:"article"`
	ArticleRu    string          `db:"article_ru"`
	Gravity      OffenceGravity  `db:"gravity"`
	OffenceDate  Date            `db:"offence_date"`
	RegisteredAt Date            `db:"registered_at"`
	RegisteredBy string          `db:"registered_by"`
	RegionKATO   string          `db:"region_kato"`
	Outcome      CriminalOutcome `db:"outcome"`
	OutcomeRu    string          `db:"outcome_ru"`
	OutcomeDate  *Date           `db:"outcome_date"`
	// CourtName and CourtCaseNumber are set once the case reached a court.
	CourtName       *string       `db:"court_name"`
	CourtCaseNumber *string       `db:"court_case_number"`
	SentenceKind    *SentenceKind `db:"sentence_kind"`
	SentenceRu      *string       `db:"sentence_ru"`
	TermMonths      *int          `db:"term_months"`
	FineTiyn        *int64        `db:"fine_tiyn"`
	AdditionalRu    *string       `db:"additional_ru"`
	// Institution is the penal institution of an imprisonment.
	Institution      *string          `db:"institution"`
	ReleaseDate      *Date            `db:"release_date"`
	ReleaseRu        *string          `db:"release_ru"`
	ConvictionStatus ConvictionStatus `db:"conviction_status"`
	ExpungedAt       *Date            `db:"expunged_at"`
}

// Region where the case was registered.
func (c *CriminalRecord) Region() *Region { return regionOrNil(c.RegionKATO) }

// Fine imposed by the sentence, if any.
func (c *CriminalRecord) Fine() *Money { return moneyOrNil(c.FineTiyn) }

// PenaltyKind is the administrative penalty imposed for an offence.
type PenaltyKind string

const (
	PenaltyWarning PenaltyKind = "WARNING"
	PenaltyFine    PenaltyKind = "FINE"
	PenaltyArrest  PenaltyKind = "ARREST"
)

// AdministrativeOffence is an administrative offence of note recorded in
// "Специальные учеты" (АИС СУ, административная практика): domestic
// violence, petty hooliganism, public drunkenness, disobedience to the
// police, non-execution of court acts, migration offences of foreigners.
// Traffic offences live in their own database.
type AdministrativeOffence struct {
	CaseNumber  string      `db:"case_number"`
	PersonIIN   IIN         `db:"person_iin"`
	CodeRu      string      `db:"code_ru"`
	Article     string      `db:"article"`
	ArticleRu   string      `db:"article_ru"`
	CommittedAt Date        `db:"committed_at"`
	RegionKATO  string      `db:"region_kato"`
	RecordedBy  string      `db:"recorded_by"`
	DecidedAt   Date        `db:"decided_at"`
	DecidedBy   string      `db:"decided_by"`
	Penalty     PenaltyKind `db:"penalty"`
	PenaltyRu   string      `db:"penalty_ru"`
	FineTiyn    *int64      `db:"fine_tiyn"`
	ArrestDays  *int        `db:"arrest_days"`
	// Expulsion is true when the court also ordered administrative
	// expulsion of a foreign citizen.
	Expulsion   bool   `db:"expulsion"`
	ExecutionRu string `db:"execution_ru"`
}

// Region where the offence was committed.
func (a *AdministrativeOffence) Region() *Region { return regionOrNil(a.RegionKATO) }

// Fine imposed, if any.
func (a *AdministrativeOffence) Fine() *Money { return moneyOrNil(a.FineTiyn) }

// DactyloscopyReason is why a person was fingerprinted.
type DactyloscopyReason string

const (
	DactyloscopyCriminal  DactyloscopyReason = "CRIMINAL_PROCEDURE" // suspect, accused or convicted
	DactyloscopyForeigner DactyloscopyReason = "FOREIGNER"          // residence permit of a foreign citizen
)

// DactyloscopicRecord is the person's dactyloscopic registration in
// "Специальные учеты".
type DactyloscopicRecord struct {
	PersonIIN    IIN                `db:"person_iin"`
	CardNumber   string             `db:"card_number"`
	RegisteredAt Date               `db:"registered_at"`
	RegisteredBy string             `db:"registered_by"`
	Reason       DactyloscopyReason `db:"reason"`
	ReasonRu     string             `db:"reason_ru"`
}

// SpecialRecordRegistry is База данных "Специальные учеты".
type SpecialRecordRegistry interface {
	CriminalRecordsByPerson(ctx context.Context, iins []IIN) (map[IIN][]CriminalRecord, error)
	// CriminalRecordsByCase finds records by ЕРДР or card number.
	CriminalRecordsByCase(ctx context.Context, numbers []string) (map[string]*CriminalRecord, error)
	OffencesByPerson(ctx context.Context, iins []IIN) (map[IIN][]AdministrativeOffence, error)
	DactyloscopyByPerson(ctx context.Context, iins []IIN) (map[IIN]*DactyloscopicRecord, error)
}

// CourtCaseCategory is the kind of proceedings of a court case.
type CourtCaseCategory string

const (
	CourtCriminal       CourtCaseCategory = "CRIMINAL"
	CourtCivil          CourtCaseCategory = "CIVIL"
	CourtAdministrative CourtCaseCategory = "ADMINISTRATIVE"
)

// CourtCaseStatus is the stage of a court case.
type CourtCaseStatus string

const (
	CourtCasePending CourtCaseStatus = "PENDING"
	CourtCaseDecided CourtCaseStatus = "DECIDED"
)

// CourtPartyRole is a party's role in a court case.
type CourtPartyRole string

const (
	PartyPlaintiff CourtPartyRole = "PLAINTIFF"
	PartyDefendant CourtPartyRole = "DEFENDANT"
	PartyAccused   CourtPartyRole = "ACCUSED"
	PartyOffender  CourtPartyRole = "OFFENDER" // лицо, привлекаемое к административной ответственности
)

// CourtCase is a case of База данных "Судебных органов" (ЕАИАС судов).
// Numbers read CCCC-YY-00-K/N: the court's code, the year, the category
// (1 criminal, 2 civil, 3 administrative) and the serial.
type CourtCase struct {
	Number     string            `db:"number"`
	CourtName  string            `db:"court_name"`
	RegionKATO string            `db:"region_kato"`
	Category   CourtCaseCategory `db:"category"`
	// SubjectRu is the essence of the case: the claim or the article.
	SubjectRu  string          `db:"subject_ru"`
	JudgeName  string          `db:"judge_name"`
	ReceivedAt Date            `db:"received_at"`
	Status     CourtCaseStatus `db:"status"`
	DecidedAt  *Date           `db:"decided_at"`
	ResultRu   *string         `db:"result_ru"`
	InForceAt  *Date           `db:"in_force_at"`
	ClaimTiyn  *int64          `db:"claim_tiyn"`
}

// Region of the court.
func (c *CourtCase) Region() *Region { return regionOrNil(c.RegionKATO) }

// Claim is the amount claimed (цена иска), if any.
func (c *CourtCase) Claim() *Money { return moneyOrNil(c.ClaimTiyn) }

// CourtParty is a party of a court case: a subject of the population (IIN
// or BIN) or an organisation outside it (a bank), named only.
type CourtParty struct {
	CaseNumber  string         `db:"case_number"`
	Role        CourtPartyRole `db:"role"`
	RoleRu      string         `db:"role_ru"`
	SubjectID   *string        `db:"subject_id"`
	SubjectKind *SubjectKind   `db:"subject_kind"`
	NameRu      string         `db:"name_ru"`
}

// PartyCase is a court case seen from one of its parties.
type PartyCase struct {
	CourtCase
	PartyID string         `db:"party_id"`
	Role    CourtPartyRole `db:"party_role"`
	RoleRu  string         `db:"party_role_ru"`
}

// CourtRegistry is База данных "Судебных органов".
type CourtRegistry interface {
	// CasesByParty returns the cases each subject (IIN or BIN) is a party
	// of, with its role.
	CasesByParty(ctx context.Context, ids []string) (map[string][]PartyCase, error)
	CasesByNumber(ctx context.Context, numbers []string) (map[string]*CourtCase, error)
	PartiesByCase(ctx context.Context, numbers []string) (map[string][]CourtParty, error)
}

// VerdictKind is the decision a court card records.
type VerdictKind string

const (
	VerdictConviction  VerdictKind = "CONVICTION"
	VerdictAcquittal   VerdictKind = "ACQUITTAL"
	VerdictTermination VerdictKind = "TERMINATION"
)

// CourtCard is a statistical court card of База данных "Судебных
// карточек": the card (form 6) a court fills in on each defendant of a
// criminal case when the verdict is passed.
type CourtCard struct {
	CardNumber   string      `db:"card_number"`
	FormRu       string      `db:"form_ru"`
	CaseNumber   string      `db:"case_number"`
	CourtName    string      `db:"court_name"`
	RegionKATO   string      `db:"region_kato"`
	JudgeName    string      `db:"judge_name"`
	PersonIIN    IIN         `db:"person_iin"`
	ERDRNumber   *string     `db:"erdr_number"`
	CodeRu       string      `db:"code_ru"`
	Article      string      `db:"article"`
	ArticleRu    string      `db:"article_ru"`
	Verdict      VerdictKind `db:"verdict"`
	VerdictDate  Date        `db:"verdict_date"`
	InForceAt    Date        `db:"in_force_at"`
	PunishmentRu *string     `db:"punishment_ru"`
	AdditionalRu *string     `db:"additional_ru"`
	TermMonths   *int        `db:"term_months"`
	FineTiyn     *int64      `db:"fine_tiyn"`
}

// Region of the court.
func (c *CourtCard) Region() *Region { return regionOrNil(c.RegionKATO) }

// Fine imposed, if any.
func (c *CourtCard) Fine() *Money { return moneyOrNil(c.FineTiyn) }

// CourtCardRegistry is База данных "Судебных карточек".
type CourtCardRegistry interface {
	CardsByPerson(ctx context.Context, iins []IIN) (map[IIN][]CourtCard, error)
	CardsByCase(ctx context.Context, caseNumbers []string) (map[string][]CourtCard, error)
}

// DemandForm is the form of a record-check demand.
type DemandForm string

const (
	DemandConvictions    DemandForm = "CONVICTIONS"    // о судимости
	DemandWanted         DemandForm = "WANTED"         // о розыске
	DemandDactyloscopy   DemandForm = "DACTYLOSCOPY"   // по дактилоскопическому учёту
	DemandAdministrative DemandForm = "ADMINISTRATIVE" // об административных правонарушениях
)

// Demand is a record of "Требования": a demand (требование) for a check of
// the person against the special records, with the answer given.
type Demand struct {
	Number      string     `db:"number"`
	PersonIIN   IIN        `db:"person_iin"`
	Form        DemandForm `db:"form"`
	FormRu      string     `db:"form_ru"`
	RequestedAt Date       `db:"requested_at"`
	Initiator   string     `db:"initiator"`
	PurposeRu   string     `db:"purpose_ru"`
	AnsweredAt  Date       `db:"answered_at"`
	// Found is true when the records hold something on the person.
	Found    bool   `db:"found"`
	AnswerRu string `db:"answer_ru"`
}

// DemandRegistry is "Требования".
type DemandRegistry interface {
	DemandsByPerson(ctx context.Context, iins []IIN) (map[IIN][]Demand, error)
	DemandsByNumber(ctx context.Context, numbers []string) (map[string]*Demand, error)
}

// FugitiveStatus is the state of a search for a person.
type FugitiveStatus string

const (
	WantedActive    FugitiveStatus = "WANTED"
	WantedDetained  FugitiveStatus = "DETAINED"
	WantedCancelled FugitiveStatus = "CANCELLED"
)

// SearchLevel is the reach of a search (категория розыска).
type SearchLevel string

const (
	SearchLocal         SearchLevel = "LOCAL"
	SearchRepublican    SearchLevel = "REPUBLICAN"
	SearchInterstate    SearchLevel = "INTERSTATE"
	SearchInternational SearchLevel = "INTERNATIONAL"
)

// FugitiveRecord is a record of База данных "Скрывающихся от
// следствия/дознания": a suspect or accused declared wanted for evading
// the investigation of a criminal case.
type FugitiveRecord struct {
	SearchCaseNumber string         `db:"search_case_number"`
	PersonIIN        IIN            `db:"person_iin"`
	ERDRNumber       string         `db:"erdr_number"`
	Article          string         `db:"article"`
	ArticleRu        string         `db:"article_ru"`
	Initiator        string         `db:"initiator"`
	RegionKATO       string         `db:"region_kato"`
	DeclaredAt       Date           `db:"declared_at"`
	Level            SearchLevel    `db:"level"`
	LevelRu          string         `db:"level_ru"`
	MeasureRu        string         `db:"measure_ru"`
	Status           FugitiveStatus `db:"status"`
	EndedAt          *Date          `db:"ended_at"`
	EndedRu          *string        `db:"ended_ru"`
}

// Region of the initiator.
func (f *FugitiveRecord) Region() *Region { return regionOrNil(f.RegionKATO) }

// FugitiveRegistry is База данных "Скрывающихся от следствия/дознания".
type FugitiveRegistry interface {
	FugitivesByPerson(ctx context.Context, iins []IIN) (map[IIN][]FugitiveRecord, error)
	// FugitivesByERDR returns the search of each criminal case (ЕРДР number).
	FugitivesByERDR(ctx context.Context, numbers []string) (map[string]*FugitiveRecord, error)
}

// MissingStatus is the state of a search for a missing person.
type MissingStatus string

const (
	MissingSearching MissingStatus = "SEARCHING"
	MissingFound     MissingStatus = "FOUND"
)

// MissingPersonRecord is a record of База данных "Без вести пропавших".
type MissingPersonRecord struct {
	SearchCaseNumber string        `db:"search_case_number"`
	PersonIIN        IIN           `db:"person_iin"`
	LastSeenAt       Date          `db:"last_seen_at"`
	LastSeenPlace    string        `db:"last_seen_place"`
	CircumstancesRu  string        `db:"circumstances_ru"`
	ReportedAt       Date          `db:"reported_at"`
	ApplicantRu      string        `db:"applicant_ru"`
	Initiator        string        `db:"initiator"`
	RegionKATO       string        `db:"region_kato"`
	DescriptionRu    string        `db:"description_ru"`
	Status           MissingStatus `db:"status"`
	FoundAt          *Date         `db:"found_at"`
	FoundRu          *string       `db:"found_ru"`
}

// Region of the initiator.
func (m *MissingPersonRecord) Region() *Region { return regionOrNil(m.RegionKATO) }

// MissingPersonRegistry is База данных "Без вести пропавших".
type MissingPersonRegistry interface {
	MissingByPerson(ctx context.Context, iins []IIN) (map[IIN][]MissingPersonRecord, error)
	MissingByCase(ctx context.Context, numbers []string) (map[string]*MissingPersonRecord, error)
}

// ExpulsionGround is the legal ground of an expulsion.
type ExpulsionGround string

const (
	ExpulsionAdministrative ExpulsionGround = "ADMINISTRATIVE" // КоАП, by a court
	ExpulsionCriminal       ExpulsionGround = "CRIMINAL"       // additional punishment of a sentence
)

// ExpulsionStatus is the execution state of an expulsion decision.
type ExpulsionStatus string

const (
	ExpulsionPending      ExpulsionStatus = "PENDING"
	ExpulsionExecuted     ExpulsionStatus = "EXECUTED"      // escorted out
	ExpulsionSelfDeparted ExpulsionStatus = "SELF_DEPARTED" // controlled independent departure
)

// Expulsion is a record of "Контроль процедуры выдворения иностранных
// граждан": a decision to expel a foreign citizen and its execution.
type Expulsion struct {
	DecisionNumber string          `db:"decision_number"`
	PersonIIN      IIN             `db:"person_iin"`
	Citizenship    string          `db:"citizenship"`
	Ground         ExpulsionGround `db:"ground"`
	GroundRu       string          `db:"ground_ru"`
	DecidedBy      string          `db:"decided_by"`
	RegionKATO     string          `db:"region_kato"`
	DecisionDate   Date            `db:"decision_date"`
	Deadline       Date            `db:"deadline"`
	Status         ExpulsionStatus `db:"status"`
	ExecutedAt     *Date           `db:"executed_at"`
	Checkpoint     *string         `db:"checkpoint"`
	EntryBanUntil  *Date           `db:"entry_ban_until"`
}

// Region of the deciding body.
func (e *Expulsion) Region() *Region { return regionOrNil(e.RegionKATO) }

// ExpulsionRegistry is "Контроль процедуры выдворения иностранных граждан".
type ExpulsionRegistry interface {
	ExpulsionsByPerson(ctx context.Context, iins []IIN) (map[IIN][]Expulsion, error)
	// ExpulsionsByDecision finds expulsions by the court case of the decision.
	ExpulsionsByDecision(ctx context.Context, numbers []string) (map[string]*Expulsion, error)
}

func moneyOrNil(tiyn *int64) *Money {
	if tiyn == nil {
		return nil
	}
	m := Money(*tiyn)
	return &m
}
