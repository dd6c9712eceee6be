package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/loaders"
)

// Иностранная рабочая сила and Нарушение иностранных рабочих: permits,
// workers and offences, and the fields they add to LegalEntity and Inquiry.

var (
	permitsOfEmployer    = loaders.Define[sio.BIN, []sio.ForeignLaborPermit]("foreign_labor.permitsOfEmployer")
	permitByNumber       = loaders.Define[string, *sio.ForeignLaborPermit]("foreign_labor.permitByNumber")
	workersOfPermit      = loaders.Define[string, []sio.ForeignWorker]("foreign_labor.workersOfPermit")
	violationsOfPassport = loaders.Define[string, []sio.ForeignWorkerViolation]("foreign_worker_violations.ofPassport")
	violationsOfEmployer = loaders.Define[sio.BIN, []sio.ForeignWorkerViolation]("foreign_worker_violations.ofEmployer")
)

const (
	foreignLaborStore = "foreign_labor"
	violationsStore   = "foreign_worker_violations"
)

var (
	permitNumberPattern = regexp.MustCompile(`^ИРС-\d{2}-\d{2}-\d{6}$`)
	// passportPattern admits foreign passport numbers: Latin letters and
	// digits.
	passportPattern = regexp.MustCompile(`^[A-Z0-9]{6,12}$`)
)

func parsePassport(passportNumber string) (string, error) {
	return parseKey("passportNumber", passportNumber, 12, passportPattern, "6-12 Latin letters and digits as in the passport, e.g. E12345678")
}

func (r *legalEntityResolver) ForeignLaborPermits(ctx context.Context, obj *sio.LegalEntity) ([]sio.ForeignLaborPermit, error) {
	ps, err := permitsOfEmployer.Load(ctx, r.ForeignLaborRegistry.PermitsByEmployer, obj.BIN)
	return ps, r.source(ctx, foreignLaborStore, err)
}

func (r *legalEntityResolver) ForeignWorkerViolations(ctx context.Context, obj *sio.LegalEntity) ([]sio.ForeignWorkerViolation, error) {
	vs, err := violationsOfEmployer.Load(ctx, r.ViolationRegistry.ViolationsByEmployer, obj.BIN)
	return vs, r.source(ctx, violationsStore, err)
}

func (r *inquiryResolver) ForeignLaborPermit(ctx context.Context, _ *authz.Inquiry, permitNumber string) (*sio.ForeignLaborPermit, error) {
	n, err := parseKey("permitNumber", permitNumber, 16, permitNumberPattern, "ИРС-RR-YY-NNNNNN, e.g. ИРС-02-24-000123")
	if err != nil {
		return nil, err
	}
	m, err := r.ForeignLaborRegistry.PermitsByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, foreignLaborStore, err)
	}
	return m[n], nil
}

func (r *inquiryResolver) ForeignWorkers(ctx context.Context, _ *authz.Inquiry, passportNumber string) ([]sio.ForeignWorker, error) {
	p, err := parsePassport(passportNumber)
	if err != nil {
		return nil, err
	}
	m, err := r.ForeignLaborRegistry.WorkersByPassport(ctx, []string{p})
	if err != nil {
		return nil, r.source(ctx, foreignLaborStore, err)
	}
	return m[p], nil
}

func (r *inquiryResolver) ForeignWorkerViolations(ctx context.Context, _ *authz.Inquiry, passportNumber string) ([]sio.ForeignWorkerViolation, error) {
	p, err := parsePassport(passportNumber)
	if err != nil {
		return nil, err
	}
	m, err := r.ViolationRegistry.ViolationsByPassport(ctx, []string{p})
	if err != nil {
		return nil, r.source(ctx, violationsStore, err)
	}
	return m[p], nil
}

type foreignLaborPermitResolver struct{ *Resolver }

func (r *foreignLaborPermitResolver) Workers(ctx context.Context, obj *sio.ForeignLaborPermit) ([]sio.ForeignWorker, error) {
	ws, err := workersOfPermit.Load(ctx, r.ForeignLaborRegistry.WorkersByPermit, obj.PermitNumber)
	return ws, r.source(ctx, foreignLaborStore, err)
}

func (r *foreignLaborPermitResolver) Employer(ctx context.Context, obj *sio.ForeignLaborPermit) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.EmployerBIN)
}

type foreignWorkerResolver struct{ *Resolver }

func (r *foreignWorkerResolver) Permit(ctx context.Context, obj *sio.ForeignWorker) (*sio.ForeignLaborPermit, error) {
	p, err := permitByNumber.Load(ctx, r.ForeignLaborRegistry.PermitsByNumber, obj.PermitNumber)
	return p, r.source(ctx, foreignLaborStore, err)
}

func (r *foreignWorkerResolver) Violations(ctx context.Context, obj *sio.ForeignWorker) ([]sio.ForeignWorkerViolation, error) {
	vs, err := violationsOfPassport.Load(ctx, r.ViolationRegistry.ViolationsByPassport, obj.PassportNumber)
	return vs, r.source(ctx, violationsStore, err)
}

type foreignWorkerViolationResolver struct{ *Resolver }

func (r *foreignWorkerViolationResolver) Employer(ctx context.Context, obj *sio.ForeignWorkerViolation) (*sio.LegalEntity, error) {
	if obj.EmployerBIN == nil {
		return nil, nil
	}
	return loadEntity(ctx, r.Resolver, *obj.EmployerBIN)
}
