package resolvers

import (
	"context"
	"regexp"
	"strings"

	"sio"
	"sio/authz"
	"sio/graph/model"
	"sio/loaders"
)

// The transport registers: Железнодорожный транспорт, Речные и маломерные
// суда, Морские суда, Сельхозтехника and Қазақстан теміржолы, on Person,
// LegalEntity and Inquiry.

var (
	rollingStockOfOwner = loaders.Define[string, []sio.RollingStock]("railway_transport.ofOwner")
	riverVesselsOfOwner = loaders.Define[string, []sio.RiverVessel]("river_vessels.ofOwner")
	seaVesselsOfOwner   = loaders.Define[sio.BIN, []sio.SeaVessel]("sea_vessels.ofOwner")
	machinesOfOwner     = loaders.Define[string, []sio.AgriculturalMachine]("agricultural_machinery.ofOwner")
	ticketsOfPassenger  = loaders.Define[sio.IIN, []sio.RailwayTicket]("ktz_tickets.ofPassenger")
)

// Relay connections of the transport registers.
var (
	rollingStockPages = relayOf[sio.RollingStock, model.RollingStockEdge, model.RollingStockConnection]{
		func(c string, n *sio.RollingStock) model.RollingStockEdge {
			return model.RollingStockEdge{Cursor: c, Node: n}
		},
		func(e []model.RollingStockEdge, p *model.PageInfo, t int) *model.RollingStockConnection {
			return &model.RollingStockConnection{Edges: e, PageInfo: p, TotalCount: t}
		}}
	ticketPages = relayOf[sio.RailwayTicket, model.RailwayTicketEdge, model.RailwayTicketConnection]{
		func(c string, n *sio.RailwayTicket) model.RailwayTicketEdge {
			return model.RailwayTicketEdge{Cursor: c, Node: n}
		},
		func(e []model.RailwayTicketEdge, p *model.PageInfo, t int) *model.RailwayTicketConnection {
			return &model.RailwayTicketConnection{Edges: e, PageInfo: p, TotalCount: t}
		}}
)

// relayOf makes Relay connections of type C with edges E over items T.
type relayOf[T, E, C any] struct {
	edge func(cursor string, node *T) E
	conn func(edges []E, info *model.PageInfo, total int) *C
}

// page is the connection of a page of items (see connect), or the
// source's error.
func (x relayOf[T, E, C]) page(items []T, err error, first *int, after *string) (*C, error) {
	if err != nil {
		return nil, err
	}
	return connect(items, first, after, x.edge, x.conn)
}

var (
	wagonNumberPattern = regexp.MustCompile(`^\d{8}$`)
	locomotivePattern  = regexp.MustCompile(`^[0-9A-ZА-ЯЁ]+(-[0-9A-ZА-ЯЁ]+)*-\d{3,4}$`)
	riverNumberPattern = regexp.MustCompile(`^KZ\d{6}$`)
	imoPattern         = regexp.MustCompile(`^\d{7}$`)
	machinePlate       = regexp.MustCompile(`^\d{4}[A-Z]{2}\d{2}$`)
)

// compactKey is a lookup key without spaces, in upper case.
func compactKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

func (r *personResolver) RollingStock(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.RollingStockConnection, error) {
	xs, err := rollingStockOfOwner.Load(ctx, r.RollingStockRegistry.RollingStockByOwner, string(obj.IIN))
	return rollingStockPages.page(xs, r.source(ctx, "railway_transport", err), first, after)
}

func (r *legalEntityResolver) RollingStock(ctx context.Context, obj *sio.LegalEntity, first *int, after *string) (*model.RollingStockConnection, error) {
	xs, err := rollingStockOfOwner.Load(ctx, r.RollingStockRegistry.RollingStockByOwner, string(obj.BIN))
	return rollingStockPages.page(xs, r.source(ctx, "railway_transport", err), first, after)
}

func (r *personResolver) RiverVessels(ctx context.Context, obj *sio.Person) ([]sio.RiverVessel, error) {
	vs, err := riverVesselsOfOwner.Load(ctx, r.RiverVesselRegistry.RiverVesselsByOwner, string(obj.IIN))
	return vs, r.source(ctx, "river_vessels", err)
}

func (r *legalEntityResolver) RiverVessels(ctx context.Context, obj *sio.LegalEntity) ([]sio.RiverVessel, error) {
	vs, err := riverVesselsOfOwner.Load(ctx, r.RiverVesselRegistry.RiverVesselsByOwner, string(obj.BIN))
	return vs, r.source(ctx, "river_vessels", err)
}

func (r *legalEntityResolver) SeaVessels(ctx context.Context, obj *sio.LegalEntity) ([]sio.SeaVessel, error) {
	vs, err := seaVesselsOfOwner.Load(ctx, r.SeaVesselRegistry.SeaVesselsByOwner, obj.BIN)
	return vs, r.source(ctx, "sea_vessels", err)
}

func (r *personResolver) AgriculturalMachinery(ctx context.Context, obj *sio.Person) ([]sio.AgriculturalMachine, error) {
	ms, err := machinesOfOwner.Load(ctx, r.AgriculturalMachineRegistry.MachinesByOwner, string(obj.IIN))
	return ms, r.source(ctx, "agricultural_machinery", err)
}

func (r *legalEntityResolver) AgriculturalMachinery(ctx context.Context, obj *sio.LegalEntity) ([]sio.AgriculturalMachine, error) {
	ms, err := machinesOfOwner.Load(ctx, r.AgriculturalMachineRegistry.MachinesByOwner, string(obj.BIN))
	return ms, r.source(ctx, "agricultural_machinery", err)
}

func (r *personResolver) RailwayTickets(ctx context.Context, obj *sio.Person, first *int, after *string) (*model.RailwayTicketConnection, error) {
	ts, err := ticketsOfPassenger.Load(ctx, r.RailwayTicketRegistry.TicketsByPassenger, obj.IIN)
	return ticketPages.page(ts, r.source(ctx, "ktz_tickets", err), first, after)
}

// lookupKey looks a single key up in a batch lookup.
func lookupKey[K comparable, V any](ctx context.Context, r *Resolver, store string, fetch loaders.Fetch[K, V], key K) (V, error) {
	m, err := fetch(ctx, []K{key})
	if err != nil {
		var zero V
		return zero, r.source(ctx, store, err)
	}
	return m[key], nil
}

func (r *inquiryResolver) RollingStock(ctx context.Context, _ *authz.Inquiry, number string) (*sio.RollingStock, error) {
	n := compactKey(number)
	switch {
	case wagonNumberPattern.MatchString(n):
		if !sio.ValidWagonNumber(n) {
			return nil, badInput("number", "the check digit of wagon number %s is wrong", n)
		}
	case !locomotivePattern.MatchString(n) || len([]rune(n)) > 16:
		return nil, badInput("number", "expected an 8-digit wagon number or a locomotive series and number such as ТЭМ2-1001")
	}
	return lookupKey(ctx, r.Resolver, "railway_transport", r.RollingStockRegistry.RollingStockByNumber, n)
}

func (r *inquiryResolver) RiverVessel(ctx context.Context, _ *authz.Inquiry, registrationNumber string) (*sio.RiverVessel, error) {
	n := compactKey(registrationNumber)
	if !riverNumberPattern.MatchString(n) {
		return nil, badInput("registrationNumber", "expected KZ, four digits and the region code, e.g. KZ 0457 16")
	}
	return lookupKey(ctx, r.Resolver, "river_vessels", r.RiverVesselRegistry.RiverVesselsByNumber, n[:2]+" "+n[2:6]+" "+n[6:])
}

func (r *inquiryResolver) SeaVessel(ctx context.Context, _ *authz.Inquiry, imoNumber string) (*sio.SeaVessel, error) {
	n := strings.TrimPrefix(compactKey(imoNumber), "IMO")
	if !imoPattern.MatchString(n) || !sio.ValidIMO(n) {
		return nil, badInput("imoNumber", "expected an IMO number: 7 digits with a valid check digit, e.g. IMO 9074729")
	}
	return lookupKey(ctx, r.Resolver, "sea_vessels", r.SeaVesselRegistry.SeaVesselsByIMO, n)
}

func (r *inquiryResolver) AgriculturalMachine(ctx context.Context, _ *authz.Inquiry, plate string) (*sio.AgriculturalMachine, error) {
	p := compactKey(plate)
	if !machinePlate.MatchString(p) {
		return nil, badInput("plate", "expected four digits, two Latin letters and the region code, e.g. 1234AB10")
	}
	return lookupKey(ctx, r.Resolver, "agricultural_machinery", r.AgriculturalMachineRegistry.MachinesByPlate, p)
}

type rollingStockResolver struct{ *Resolver }

func (r *rollingStockResolver) OwnerPerson(ctx context.Context, obj *sio.RollingStock) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *rollingStockResolver) OwnerLegalEntity(ctx context.Context, obj *sio.RollingStock) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

type riverVesselResolver struct{ *Resolver }

func (r *riverVesselResolver) OwnerPerson(ctx context.Context, obj *sio.RiverVessel) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *riverVesselResolver) OwnerLegalEntity(ctx context.Context, obj *sio.RiverVessel) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

type seaVesselResolver struct{ *Resolver }

func (r *seaVesselResolver) OwnerLegalEntity(ctx context.Context, obj *sio.SeaVessel) (*sio.LegalEntity, error) {
	return loadEntity(ctx, r.Resolver, obj.OwnerBIN)
}

type agriculturalMachineResolver struct{ *Resolver }

func (r *agriculturalMachineResolver) OwnerPerson(ctx context.Context, obj *sio.AgriculturalMachine) (*sio.Person, error) {
	return subjectPerson(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

func (r *agriculturalMachineResolver) OwnerLegalEntity(ctx context.Context, obj *sio.AgriculturalMachine) (*sio.LegalEntity, error) {
	return subjectEntity(ctx, r.Resolver, obj.OwnerID, obj.OwnerKind)
}

type railwayTicketResolver struct{ *Resolver }

func (r *railwayTicketResolver) Passenger(ctx context.Context, obj *sio.RailwayTicket) (*sio.Person, error) {
	return loadPerson(ctx, r.Resolver, obj.PassengerIIN)
}
