package sio

import "context"

// ForeignWorkerCategory is the category of a permit to employ foreign
// workers (the quota categories of the local executive bodies).
type ForeignWorkerCategory string

const (
	// ForeignFirst: first heads and their deputies.
	ForeignFirst ForeignWorkerCategory = "FIRST"
	// ForeignSecond: heads of structural units.
	ForeignSecond ForeignWorkerCategory = "SECOND"
	// ForeignThird: specialists.
	ForeignThird ForeignWorkerCategory = "THIRD"
	// ForeignFourth: qualified workers.
	ForeignFourth ForeignWorkerCategory = "FOURTH"
	// ForeignSeasonal: seasonal foreign workers.
	ForeignSeasonal ForeignWorkerCategory = "SEASONAL"
	// ForeignIntracorporate: intracorporate transfer.
	ForeignIntracorporate ForeignWorkerCategory = "INTRACORPORATE"
)

// ForeignLaborPermit is a permit of База данных "Иностранная рабочая сила"
// allowing an employer to employ foreign workers: its category, period,
// quota and the local executive body that issued it.
type ForeignLaborPermit struct {
	PermitNumber string                `db:"permit_number"`
	EmployerBIN  BIN                   `db:"employer_bin"`
	Category     ForeignWorkerCategory `db:"category"`
	CategoryRu   string                `db:"category_ru"`
	IssuedOn     Date                  `db:"issued_on"`
	ValidUntil   Date                  `db:"valid_until"`
	// Quota is the number of foreign workers the permit allows.
	Quota      int          `db:"quota"`
	Status     PermitStatus `db:"status"`
	Issuer     string       `db:"issuer"`
	RegionKATO string       `db:"region_kato"`
}

// Region where the workers are employed.
func (p *ForeignLaborPermit) Region() *Region { return regionOrNil(p.RegionKATO) }

// ForeignWorker is a foreign citizen employed under a permit, as the
// permit lists him or her (names in Latin letters as in the passport).
type ForeignWorker struct {
	ID           int64  `db:"id"`
	PermitNumber string `db:"permit_number"`
	LastName     string `db:"last_name"`
	FirstName    string `db:"first_name"`
	BirthDate    Date   `db:"birth_date"`
	Gender       Gender `db:"gender"`
	// Citizenship is ISO 3166 alpha-2.
	Citizenship    string `db:"citizenship"`
	CitizenshipRu  string `db:"citizenship_ru"`
	PassportNumber string `db:"passport_number"`
	PositionRu     string `db:"position_ru"`
}

// FullName is "LAST FIRST" as in the passport.
func (w *ForeignWorker) FullName() string { return w.LastName + " " + w.FirstName }

// ForeignLaborRegistry is База данных "Иностранная рабочая сила".
type ForeignLaborRegistry interface {
	// PermitsByEmployer returns each employer's permits, latest first.
	PermitsByEmployer(ctx context.Context, bins []BIN) (map[BIN][]ForeignLaborPermit, error)
	// PermitsByNumber returns the permits found among numbers.
	PermitsByNumber(ctx context.Context, numbers []string) (map[string]*ForeignLaborPermit, error)
	// WorkersByPermit returns the workers of each permit.
	WorkersByPermit(ctx context.Context, numbers []string) (map[string][]ForeignWorker, error)
	// WorkersByPassport returns, per passport number, the permits' entries
	// of that worker, latest permit first.
	WorkersByPassport(ctx context.Context, passports []string) (map[string][]ForeignWorker, error)
}

// ForeignWorkerViolation is a record of База данных "Нарушение иностранных
// рабочих": a migration-law offence of a foreign worker under the Code of
// administrative offences (КоАП), with the decision on it.
type ForeignWorkerViolation struct {
	ProtocolNumber string `db:"protocol_number"`
	LastName       string `db:"last_name"`
	FirstName      string `db:"first_name"`
	BirthDate      Date   `db:"birth_date"`
	Citizenship    string `db:"citizenship"`
	CitizenshipRu  string `db:"citizenship_ru"`
	PassportNumber string `db:"passport_number"`
	// EmployerBIN is the company the worker worked for, if any.
	EmployerBIN *BIN `db:"employer_bin"`
	// Article is the КоАП article and part, e.g. "517-1"; ArticleRu its
	// citation.
	Article       string `db:"article"`
	ArticleRu     string `db:"article_ru"`
	DescriptionRu string `db:"description_ru"`
	CommittedOn   Date   `db:"committed_on"`
	RegionKATO    string `db:"region_kato"`
	// Body is the police unit or court that decided.
	Body       string `db:"body"`
	DecidedOn  Date   `db:"decided_on"`
	DecisionRu string `db:"decision_ru"`
	// FineTiyn is nil for a warning or expulsion without a fine.
	FineTiyn *int64 `db:"fine_tiyn"`
	Expelled bool   `db:"expelled"`
}

// Fine imposed, if any.
func (v *ForeignWorkerViolation) Fine() *Money {
	if v.FineTiyn == nil {
		return nil
	}
	m := Money(*v.FineTiyn)
	return &m
}

// Region where the offence was found.
func (v *ForeignWorkerViolation) Region() *Region { return regionOrNil(v.RegionKATO) }

// ForeignWorkerViolationRegistry is База данных "Нарушение иностранных рабочих".
type ForeignWorkerViolationRegistry interface {
	// ViolationsByPassport returns each passport's violations, latest first.
	ViolationsByPassport(ctx context.Context, passports []string) (map[string][]ForeignWorkerViolation, error)
	// ViolationsByEmployer returns the violations of each employer's
	// workers, latest first.
	ViolationsByEmployer(ctx context.Context, bins []BIN) (map[BIN][]ForeignWorkerViolation, error)
}
