package resolvers

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"sio"
	"sio/graph/model"
)

// MaxPageSize bounds `first` on every connection.
const MaxPageSize = 100

// page slices items for a Relay connection: first (default 20, 0..100) items
// after the opaque cursor. Cursors encode the offset in the stably ordered
// list the connector returns.
func page[T any](items []T, first *int, after *string) (slice []T, offset int, info *model.PageInfo, err error) {
	n := 20
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return nil, 0, nil, &sio.Error{Code: sio.EBADINPUT, Argument: "first", Message: fmt.Sprintf("first: must be between 0 and %d", MaxPageSize)}
	}
	if after != nil && *after != "" {
		o, ok := decodeCursor(*after)
		if !ok {
			return nil, 0, nil, &sio.Error{Code: sio.EBADINPUT, Argument: "after", Message: "after: not a cursor of this connection"}
		}
		offset = o + 1
	}
	if offset > len(items) {
		offset = len(items)
	}
	end := min(offset+n, len(items))
	slice = items[offset:end]
	info = &model.PageInfo{HasNextPage: end < len(items)}
	if end > offset {
		c := cursor(end - 1)
		info.EndCursor = &c
	}
	return slice, offset, info, nil
}

func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || !strings.HasPrefix(string(b), "o:") {
		return 0, false
	}
	o, err := strconv.Atoi(string(b[2:]))
	if err != nil || o < 0 {
		return 0, false
	}
	return o, true
}

// connect builds a connection of type C from a page of items, making each
// edge with edge and the connection with conn.
func connect[T, E, C any](items []T, first *int, after *string, edge func(cursor string, node *T) E, conn func(edges []E, info *model.PageInfo, total int) *C) (*C, error) {
	s, off, info, err := page(items, first, after)
	if err != nil {
		return nil, err
	}
	edges := make([]E, len(s))
	for i := range s {
		edges[i] = edge(cursor(off+i), &s[i])
	}
	return conn(edges, info, len(items)), nil
}

func vehicleConnection(items []sio.Vehicle, first *int, after *string) (*model.VehicleConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.Vehicle) model.VehicleEdge { return model.VehicleEdge{Cursor: c, Node: n} },
		func(e []model.VehicleEdge, p *model.PageInfo, t int) *model.VehicleConnection {
			return &model.VehicleConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func realEstateConnection(items []sio.PropertyRight, first *int, after *string) (*model.RealEstateRightConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.PropertyRight) model.RealEstateRightEdge {
			return model.RealEstateRightEdge{Cursor: c, Node: n}
		},
		func(e []model.RealEstateRightEdge, p *model.PageInfo, t int) *model.RealEstateRightConnection {
			return &model.RealEstateRightConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func landConnection(items []sio.PropertyRight, first *int, after *string) (*model.LandRightConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.PropertyRight) model.LandRightEdge {
			return model.LandRightEdge{Cursor: c, Node: n}
		},
		func(e []model.LandRightEdge, p *model.PageInfo, t int) *model.LandRightConnection {
			return &model.LandRightConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func companyConnection(items []sio.CompanyRole, first *int, after *string) (*model.CompanyRoleConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.CompanyRole) model.CompanyRoleEdge {
			return model.CompanyRoleEdge{Cursor: c, Node: n}
		},
		func(e []model.CompanyRoleEdge, p *model.PageInfo, t int) *model.CompanyRoleConnection {
			return &model.CompanyRoleConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}

func founderConnection(items []sio.Founder, first *int, after *string) (*model.FounderConnection, error) {
	return connect(items, first, after,
		func(c string, n *sio.Founder) model.FounderEdge { return model.FounderEdge{Cursor: c, Node: n} },
		func(e []model.FounderEdge, p *model.PageInfo, t int) *model.FounderConnection {
			return &model.FounderConnection{Edges: e, PageInfo: p, TotalCount: t}
		})
}
