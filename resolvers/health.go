package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The medical services: visits, dispensary registration, referrals to
// hospital and inpatient stays, each on its own field of Person.

var (
	visitsOf        = loaders.Define[sio.IIN, []sio.OutpatientVisit]("health.visitsOf")
	dispensaryOf    = loaders.Define[sio.IIN, []sio.DispensaryRegistration]("health.dispensaryOf")
	hospitalRefsOf  = loaders.Define[sio.IIN, []sio.HospitalReferral]("health.referralsOf")
	hospitalRefByNo = loaders.Define[string, *sio.HospitalReferral]("health.referralByNumber")
	staysOf         = loaders.Define[sio.IIN, []sio.InpatientStay]("health.staysOf")
)

const healthStore = "health"

var referralNumberPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{7}$`)

func (r *personResolver) OutpatientVisits(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.OutpatientVisitConnection, error) {
	vs, err := visitsOf.Load(ctx, r.HealthRecords.VisitsByPerson, obj.IIN)
	if err != nil {
		return nil, r.source(ctx, healthStore, err)
	}
	return connect(vs, first, after,
		func(c string, n *sio.OutpatientVisit) model.OutpatientVisitEdge {
			return model.OutpatientVisitEdge{Cursor: c, Node: n}
		},
		func(e []model.OutpatientVisitEdge, p *model.PageInfo, t int) *model.OutpatientVisitConnection {
			return &model.OutpatientVisitConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *personResolver) DispensaryRegistrations(ctx context.Context, obj *sio.Person) ([]sio.DispensaryRegistration, error) {
	ds, err := dispensaryOf.Load(ctx, r.HealthRecords.DispensaryByPerson, obj.IIN)
	return ds, r.source(ctx, healthStore, err)
}

func (r *personResolver) HospitalReferrals(ctx context.Context, obj *sio.Person) ([]sio.HospitalReferral, error) {
	rs, err := hospitalRefsOf.Load(ctx, r.HealthRecords.ReferralsByPerson, obj.IIN)
	return rs, r.source(ctx, healthStore, err)
}

func (r *personResolver) InpatientStays(ctx context.Context, obj *sio.Person) ([]sio.InpatientStay, error) {
	ss, err := staysOf.Load(ctx, r.HealthRecords.StaysByPerson, obj.IIN)
	return ss, r.source(ctx, healthStore, err)
}

func (r *inquiryResolver) HospitalReferral(ctx context.Context, _ *authz.Inquiry, referralNumber string) (*sio.HospitalReferral, error) {
	n, err := parseKey("referralNumber", referralNumber, 15, referralNumberPattern, "YYYY-RR-NNNNNNN, e.g. 2024-75-0001234")
	if err != nil {
		return nil, err
	}
	m, err := r.HealthRecords.ReferralsByNumber(ctx, []string{n})
	if err != nil {
		return nil, r.source(ctx, healthStore, err)
	}
	return m[n], nil
}

type inpatientStayResolver struct{ *Resolver }

func (r *inpatientStayResolver) Referral(ctx context.Context, obj *sio.InpatientStay) (*sio.HospitalReferral, error) {
	if obj.ReferralNumber == nil {
		return nil, nil
	}
	h, err := hospitalRefByNo.Load(ctx, r.HealthRecords.ReferralsByNumber, *obj.ReferralNumber)
	return h, r.source(ctx, healthStore, err)
}
