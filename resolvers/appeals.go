package resolvers

import (
	"context"
	"regexp"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// Единый учет обращений лиц: the Appeal type and the fields it adds to
// Person and Inquiry.

const storeAppeals = "appeals"

var appealsOf = loaders.Define[sio.IIN, []sio.Appeal]("appeals.of")

// appealPattern is an appeal number: ЖТ-YYYY-NNNNNNNN.
var appealPattern = regexp.MustCompile(`^ЖТ-\d{4}-\d{8}$`)

func (r *personResolver) Appeals(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.AppealConnection, error) {
	return loadConnection(ctx, r.Resolver, appealsOf, r.AppealRegistry.AppealsByPerson, storeAppeals, obj.IIN, first, after,
		func(c string, n *sio.Appeal) model.AppealEdge { return model.AppealEdge{Cursor: c, Node: n} },
		func(e []model.AppealEdge, p *model.PageInfo, t int) *model.AppealConnection {
			return &model.AppealConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func (r *inquiryResolver) Appeal(ctx context.Context, _ *authz.Inquiry, number string) (*sio.Appeal, error) {
	return lookupParsed(ctx, r.Resolver, r.AppealRegistry.AppealsByNumber, storeAppeals, "number", number, 16,
		appealPattern, "an appeal number ЖТ-YYYY-NNNNNNNN")
}

type appealResolver struct{ *Resolver }

func (r *appealResolver) Applicant(ctx context.Context, obj *sio.Appeal) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PersonIIN)
}
