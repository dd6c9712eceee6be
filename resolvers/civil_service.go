package resolvers

import (
	"context"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The register of civil servants: Запрос на госслужащего (Person.civilService)
// and Сведения о государственных служащих (Person.civilServiceRecords,
// Inquiry.civilServants).

var postsOf = loaders.Define[sio.IIN, []sio.CivilServiceRecord]("civil_service.postsOf")

const civilServiceStore = "civil_service"

func (r *personResolver) CivilService(ctx context.Context, obj *sio.Person) (*sio.CivilServantCheck, error) {
	ps, err := postsOf.Load(ctx, r.CivilServiceRegister.PostsByPerson, obj.IIN)
	if err != nil {
		return nil, r.source(ctx, civilServiceStore, err)
	}
	return &sio.CivilServantCheck{IIN: obj.IIN, Posts: append([]sio.CivilServiceRecord{}, ps...)}, nil
}

func (r *personResolver) CivilServiceRecords(ctx context.Context, obj *sio.Person) ([]sio.CivilServiceRecord, error) {
	ps, err := postsOf.Load(ctx, r.CivilServiceRegister.PostsByPerson, obj.IIN)
	return ps, r.source(ctx, civilServiceStore, err)
}

func (r *inquiryResolver) CivilServants(ctx context.Context, _ *authz.Inquiry, stateBodyBin sio.BIN, current *bool, first *int, after *string) (*model.CivilServiceRecordConnection, error) {
	m, err := r.CivilServiceRegister.ServantsByStateBody(ctx, []sio.BIN{stateBodyBin})
	if err != nil {
		return nil, r.source(ctx, civilServiceStore, err)
	}
	rs, ok := m[stateBodyBin]
	if !ok {
		return nil, nil
	}
	if current != nil {
		var kept []sio.CivilServiceRecord
		for _, c := range rs {
			if c.Current() == *current {
				kept = append(kept, c)
			}
		}
		rs = kept
	}
	return connect(rs, first, after,
		func(c string, n *sio.CivilServiceRecord) model.CivilServiceRecordEdge {
			return model.CivilServiceRecordEdge{Cursor: c, Node: n}
		},
		func(e []model.CivilServiceRecordEdge, p *model.PageInfo, t int) *model.CivilServiceRecordConnection {
			return &model.CivilServiceRecordConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

type civilServiceRecordResolver struct{ *Resolver }

func (r *civilServiceRecordResolver) Person(ctx context.Context, obj *sio.CivilServiceRecord) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.IIN)
}
