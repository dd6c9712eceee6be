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
	"sio/connectors/caseregistry"
	"sio/connectors/civilregistry"
	"sio/connectors/landplots"
	"sio/connectors/legalentities"
	"sio/connectors/persons"
	"sio/connectors/realestate"
	"sio/connectors/taxdebts"
	"sio/connectors/taxpayers"
	"sio/connectors/vehicles"
	"sio/graph"
	"sio/httpapi"
	"sio/loaders"
	"sio/resolvers"
	"sio/sqldb"
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
	Cases      *caseregistry.Store
	Accounts   *accounts.Store

	dbs []*sqldb.DB
}

func (c Config) store(name string) sqldb.Config {
	dsn := c.PostgresDSN
	if d, ok := c.StoreDSN[name]; ok && d != "" {
		dsn = d
	}
	return sqldb.Config{Name: name, PostgresDSN: dsn, DataDir: c.DataDir}
}

// Open opens and migrates every store and compiles the policy.
func Open(ctx context.Context, cfg Config) (g *Gateway, err error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	g = &Gateway{cfg: cfg}
	defer func() {
		if err != nil {
			g.Close()
			g = nil
		}
	}()
	if g.Policy, err = authz.Load(); err != nil {
		return nil, fmt.Errorf("gateway: policy: %w", err)
	}
	if g.Persons, err = persons.Open(ctx, cfg.store(persons.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Persons.DB())
	if g.Entities, err = legalentities.Open(ctx, cfg.store(legalentities.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Entities.DB())
	if g.RealEstate, err = realestate.Open(ctx, cfg.store(realestate.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.RealEstate.DB())
	if g.Land, err = landplots.Open(ctx, cfg.store(landplots.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Land.DB())
	if g.Vehicles, err = vehicles.Open(ctx, cfg.store(vehicles.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Vehicles.DB())
	if g.Taxpayers, err = taxpayers.Open(ctx, cfg.store(taxpayers.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Taxpayers.DB())
	if g.TaxDebts, err = taxdebts.Open(ctx, cfg.store(taxdebts.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.TaxDebts.DB())
	if g.Civil, err = civilregistry.Open(ctx, cfg.store(civilregistry.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Civil.DB())
	if g.Cases, err = caseregistry.Open(ctx, cfg.store(caseregistry.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Cases.DB())
	if g.Accounts, err = accounts.Open(ctx, cfg.store(accounts.Name)); err != nil {
		return nil, err
	}
	g.dbs = append(g.dbs, g.Accounts.DB())
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

// Sources returns the connectors nested fields batch over.
func (g *Gateway) Sources() loaders.Sources {
	return loaders.Sources{Persons: g.Persons, Entities: g.Entities, RealEstate: g.RealEstate, Land: g.Land,
		Vehicles: g.Vehicles, Taxpayers: g.Taxpayers, TaxDebts: g.TaxDebts, Civil: g.Civil}
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
			TaxDebtRegistry: g.TaxDebts, CivilRegistry: g.Civil, Users: g.Accounts, Cases: g.Cases, Enforcer: e, Sandbox: g.cfg.Sandbox, Logger: g.cfg.Logger,
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
		Schema: es, Users: g.Accounts, Loaders: g.Sources(), LoaderWait: g.cfg.LoaderWait,
		Sandbox: g.cfg.Sandbox, Health: g.Health, Logger: g.cfg.Logger,
	}), nil
}
