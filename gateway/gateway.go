// Package gateway is SIO's composition root: it opens every connector's
// store (each on its own PostgreSQL schema or DSN, or its own SQLite file),
// compiles the access policy, and builds the HTTP handler. cmd/sio and the
// end-to-end tests use it; nothing else wires packages together.
package gateway

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"sio/accounts"
	"sio/authz"
	"sio/connectors/border"
	"sio/connectors/caseregistry"
	"sio/connectors/civilregistry"
	"sio/connectors/contacts"
	"sio/connectors/landplots"
	"sio/connectors/legalentities"
	"sio/connectors/paxcustoms"
	"sio/connectors/persons"
	"sio/connectors/popdocs"
	"sio/connectors/realestate"
	"sio/connectors/taxdebts"
	"sio/connectors/taxpayers"
	"sio/connectors/vehicles"
	"sio/connectors/weapons"
	"sio/graph"
	"sio/httpapi"
	"sio/httpapi/photos"
	"sio/resolvers"
	"sio/sqldb"
	"sio/synth"
)

// Config says where the stores live and how the API behaves.
type Config struct {
	// DataDir holds the SQLite files when no PostgreSQL DSN applies.
	DataDir string
	// PostgresDSN runs every store on PostgreSQL (one schema per store).
	PostgresDSN string
	// StoreDSN overrides the PostgreSQL DSN of individual stores by name
	// (e.g. "gbd_fl"): each state database may live on its own server.
	StoreDSN map[string]string
	// Sandbox enables development authentication and the playground.
	Sandbox bool
	// LoaderWait is the dataloader batching window (0 = default).
	LoaderWait time.Duration
	Logger     *slog.Logger
}

// Gateway holds the opened stores and the compiled policy.
type Gateway struct {
	cfg Config

	Policy     *authz.Policy
	Persons    *persons.Store
	Entities   *legalentities.Store
	RealEstate *realestate.Store
	Land       *landplots.Store
	Vehicles   *vehicles.Store
	Taxpayers  *taxpayers.Store
	TaxDebts   *taxdebts.Store
	Civil      *civilregistry.Store
	Weapons    *weapons.Store
	PopDocs    *popdocs.Store
	Border     *border.Store
	PaxCustoms *paxcustoms.Store
	Contacts   *contacts.Store
	Cases      *caseregistry.Store
	Accounts   *accounts.Store

	dbs     []*sqldb.DB
	filling []filling
	// photoLinks signs the links to document photos (key per process).
	photoLinks *photos.Links
}

func (c Config) store(name string) sqldb.Config {
	dsn := c.PostgresDSN
	if d, ok := c.StoreDSN[name]; ok && d != "" {
		dsn = d
	}
	return sqldb.Config{Name: name, PostgresDSN: dsn, DataDir: c.DataDir}
}

// connector is what the gateway needs of every opened store.
type connector interface{ DB() *sqldb.DB }

// filling is a connector that generates its own synthetic data from the
// population (see synth.Filler).
type filling interface {
	Filler(seed int64) synth.Filler
}

// open opens one connector into *dst, on its PostgreSQL schema (or DSN) or
// its SQLite file, and registers it for health checks, closing and seeding.
func open[S connector](ctx context.Context, g *Gateway, name string, openStore func(context.Context, sqldb.Config) (S, error), dst *S) error {
	s, err := openStore(ctx, g.cfg.store(name))
	if err != nil {
		return err
	}
	*dst = s
	g.dbs = append(g.dbs, s.DB())
	if f, ok := any(s).(filling); ok {
		g.filling = append(g.filling, f)
	}
	return nil
}

// Open opens and migrates every store and compiles the policy.
func Open(ctx context.Context, cfg Config) (*Gateway, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	g := &Gateway{cfg: cfg, photoLinks: photos.NewLinks(photos.DefaultTTL)}
	var err error
	if g.Policy, err = authz.Load(); err != nil {
		return nil, fmt.Errorf("gateway: policy: %w", err)
	}
	for _, step := range []func() error{
		func() error { return open(ctx, g, persons.Name, persons.Open, &g.Persons) },
		func() error { return open(ctx, g, legalentities.Name, legalentities.Open, &g.Entities) },
		func() error { return open(ctx, g, realestate.Name, realestate.Open, &g.RealEstate) },
		func() error { return open(ctx, g, landplots.Name, landplots.Open, &g.Land) },
		func() error { return open(ctx, g, vehicles.Name, vehicles.Open, &g.Vehicles) },
		func() error { return open(ctx, g, taxpayers.Name, taxpayers.Open, &g.Taxpayers) },
		func() error { return open(ctx, g, taxdebts.Name, taxdebts.Open, &g.TaxDebts) },
		func() error { return open(ctx, g, civilregistry.Name, civilregistry.Open, &g.Civil) },
		func() error { return open(ctx, g, weapons.Name, weapons.Open, &g.Weapons) },
		func() error { return open(ctx, g, popdocs.Name, popdocs.Open, &g.PopDocs) },
		func() error { return open(ctx, g, border.Name, border.Open, &g.Border) },
		func() error { return open(ctx, g, paxcustoms.Name, paxcustoms.Open, &g.PaxCustoms) },
		func() error { return open(ctx, g, contacts.Name, contacts.Open, &g.Contacts) },
		func() error { return open(ctx, g, caseregistry.Name, caseregistry.Open, &g.Cases) },
		func() error { return open(ctx, g, accounts.Name, accounts.Open, &g.Accounts) },
	} {
		if err := step(); err != nil {
			g.Close()
			return nil, err
		}
	}
	return g, nil
}

// Close closes every store.
func (g *Gateway) Close() error {
	var errs []error
	for _, db := range g.dbs {
		errs = append(errs, db.Close())
	}
	g.dbs = nil
	return errors.Join(errs...)
}

// Health pings every store.
func (g *Gateway) Health(ctx context.Context) error {
	for _, db := range g.dbs {
		if err := db.PingContext(ctx); err != nil {
			return fmt.Errorf("store %s: %w", db.Name, err)
		}
	}
	return nil
}

// Enforcer returns the policy enforcer over the case registries.
func (g *Gateway) Enforcer() *authz.Enforcer {
	return &authz.Enforcer{Policy: g.Policy, Cases: g.Cases}
}

// Schema builds the executable GraphQL schema with resolvers and directives.
func (g *Gateway) Schema() graph.Config {
	e := g.Enforcer()
	return graph.Config{
		Resolvers: &resolvers.Resolver{
			PersonRegistry: g.Persons, EntityRegistry: g.Entities, RealEstateRegistry: g.RealEstate,
			LandRegistry: g.Land, VehicleRegistry: g.Vehicles, TaxpayerRegistry: g.Taxpayers,
			TaxDebtRegistry: g.TaxDebts, CivilRegistry: g.Civil, WeaponRegistry: g.Weapons, Users: g.Accounts, Cases: g.Cases, Enforcer: e, Sandbox: g.cfg.Sandbox, Logger: g.cfg.Logger,
			PopulationDocuments: g.PopDocs, PhotoLinks: g.photoLinks, PersonSearch: persons.NewSearch(g.Persons.DB()),
			BorderRegistry: g.Border, PassengerDeclarations: g.PaxCustoms, ContactRegistry: g.Contacts,
		},
		Directives: graph.DirectiveRoot{Service: e.ServiceDirective, System: e.SystemDirective},
	}
}

// Handler builds the HTTP API after checking that every resolver field
// carries an access directive (fail closed at start-up).
func (g *Gateway) Handler() (http.Handler, error) {
	cfg := g.Schema()
	es := graph.NewExecutableSchema(cfg)
	if err := authz.CheckSchema(es.Schema(), cfg.Resolvers, g.Policy); err != nil {
		return nil, err
	}
	return httpapi.NewHandler(httpapi.Config{
		Schema: es, Users: g.Accounts, LoaderWait: g.cfg.LoaderWait,
		Sandbox: g.cfg.Sandbox, Health: g.Health, Logger: g.cfg.Logger,
		Routes: map[string]http.Handler{photos.Path: photos.Handler(g.photoLinks, g.PopDocs, g.cfg.Logger)},
	}), nil
}
