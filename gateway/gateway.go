// Package gateway is SIO's composition root: it opens every connector's
// store (each on its own PostgreSQL schema or DSN, or its own SQLite file),
// compiles the access policy, and builds the HTTP handler. cmd/sio and the
// end-to-end tests use it; nothing else wires packages together.
package gateway

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.opentelemetry.io/otel/trace"

	"sio"
	"sio/accounts"
	"sio/admin"
	"sio/audit"
	"sio/authz"
	"sio/connectors/agrimachinery"
	"sio/connectors/appeals"
	"sio/connectors/border"
	"sio/connectors/caseregistry"
	"sio/connectors/civilregistry"
	"sio/connectors/civilservice"
	"sio/connectors/conservices"
	"sio/connectors/contacts"
	"sio/connectors/courtcards"
	"sio/connectors/courts"
	"sio/connectors/criminalvehicles"
	"sio/connectors/criminalweapons"
	"sio/connectors/debtors"
	"sio/connectors/demands"
	"sio/connectors/deportation"
	"sio/connectors/disability"
	"sio/connectors/driverlicenses"
	"sio/connectors/elicensing"
	"sio/connectors/enforcement"
	"sio/connectors/enotary"
	"sio/connectors/foreignlabor"
	"sio/connectors/foreigntrade"
	"sio/connectors/foreignworkerviolations"
	"sio/connectors/fugitives"
	"sio/connectors/goszakup"
	"sio/connectors/health"
	"sio/connectors/highereducation"
	"sio/connectors/inspections"
	"sio/connectors/kgddeclarations"
	"sio/connectors/kgdtax"
	"sio/connectors/labormarket"
	"sio/connectors/landplots"
	"sio/connectors/legalentities"
	"sio/connectors/missingpersons"
	"sio/connectors/monopolists"
	"sio/connectors/paxcustoms"
	"sio/connectors/pension"
	"sio/connectors/persons"
	"sio/connectors/popdocs"
	"sio/connectors/postal"
	"sio/connectors/railtickets"
	"sio/connectors/railway"
	"sio/connectors/realestate"
	"sio/connectors/restrictions"
	"sio/connectors/rivervessels"
	"sio/connectors/roadaccidents"
	"sio/connectors/seavessels"
	"sio/connectors/socialassistance"
	"sio/connectors/specialrecords"
	"sio/connectors/statregister"
	"sio/connectors/subsoil"
	"sio/connectors/taxdebts"
	"sio/connectors/taxpayers"
	"sio/connectors/techinspections"
	"sio/connectors/telecom"
	"sio/connectors/trafficviolations"
	"sio/connectors/vehiclecustoms"
	"sio/connectors/vehicles"
	"sio/connectors/weapons"
	"sio/graph"
	"sio/httpapi"
	"sio/httpapi/photos"
	"sio/links"
	"sio/metrics"
	"sio/oversight"
	"sio/resolvers"
	"sio/sqldb"
	"sio/synth"
	"sio/tracing"
	"sio/web"
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
	// Now is the clock of the access checks (validity of instructions and
	// court sanctions); nil is time.Now. The sandbox runs at the date of
	// its synthetic snapshot (synth.SnapshotClock).
	Now func() time.Time
	// Certs verifies client certificates (production mTLS); nil accepts
	// none.
	Certs *authz.CertAuthority
	// AuditKeyFile holds the Ed25519 key that signs the audit log's
	// checkpoints (created if missing); default DataDir/audit.key.
	AuditKeyFile string
	// AuditWriterDSN is the PostgreSQL DSN the audit log is written with:
	// a login of audit.WriterRole, in production with its own password.
	// Empty: the audit store's DSN with the user replaced by the writer
	// role and the password dropped (sandbox, tests).
	AuditWriterDSN string
	// AuditAnchor is the append-only file outside the database that every
	// signed checkpoint of the audit log is appended to (see
	// audit.AnchorFile); default DataDir/audit.anchor.
	AuditAnchor string
	// StoreTimeout bounds each statement of a state database (0: 5 s),
	// StoreTimeouts that of the stores it names (see StoreNames); after
	// BreakerFailures consecutive failures (0: 5) a store's circuit opens
	// for BreakerCooldown (0: 5 s).
	StoreTimeout    time.Duration
	StoreTimeouts   map[string]time.Duration
	BreakerFailures uint32
	BreakerCooldown time.Duration
	// Tracer traces requests and their SQL statements (nil: off; see
	// package tracing).
	Tracer trace.TracerProvider
	// Limits bound each request: query depth, aliases, directives, tokens,
	// cost, body size and time (zero fields: httpapi.DefaultLimits).
	Limits httpapi.Limits
	// Policy is the compiled access policy (authz.Parse); nil is the
	// embedded policy.yaml (authz.Load), which production always uses.
	// Tests open the gateway with an edited copy to reach decisions the
	// embedded matrices never make.
	Policy *authz.Policy
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
	Telecom    *telecom.Store
	Postal     *postal.Store
	Bans       *restrictions.Store
	Pension    *pension.Store
	Disability *disability.Store
	Benefits   *socialassistance.Store
	Labor      *labormarket.Store
	CON        *conservices.Store
	CivilSvc   *civilservice.Store
	ForeignLab *foreignlabor.Store
	ForeignVio *foreignworkerviolations.Store
	Education  *highereducation.Store
	Medical    *health.Store
	PopDocs    *popdocs.Store
	Border     *border.Store
	PaxCustoms *paxcustoms.Store
	Contacts   *contacts.Store
	// The case registries, each a state database and a store of its own
	// (see connectors/caseregistry); Cases routes the enforcer's and the
	// resolvers' calls to them.
	ERDR        *caseregistry.Store
	AISSU       *caseregistry.Store
	AISOIP      *caseregistry.Store
	EAIAS       *caseregistry.Store
	ORDRegister *caseregistry.Store
	Cases       *caseregistry.Registries
	Accounts    *accounts.Store
	// Admin holds SIO's applications, emergency journal, maintenance
	// notices and prosecutor's checks.
	Admin *admin.Store
	// The transport, road-traffic and criminal-records databases.
	RollingStock     *railway.Store
	RiverVessels     *rivervessels.Store
	SeaVessels       *seavessels.Store
	AgriMachinery    *agrimachinery.Store
	RailwayTickets   *railtickets.Store
	DriverLicenses   *driverlicenses.Store
	Violations       *trafficviolations.Store
	Accidents        *roadaccidents.Store
	TechInspections  *techinspections.Store
	VehicleCustoms   *vehiclecustoms.Store
	CriminalVehicles *criminalvehicles.Store
	CriminalWeapons  *criminalweapons.Store

	// Business and tax-administration registers.
	StatRegister     *statregister.Store
	Licensing        *elicensing.Store
	Monopolists      *monopolists.Store
	StateInspections *inspections.Store
	Procurement      *goszakup.Store
	ForeignTrade     *foreigntrade.Store
	Subsoil          *subsoil.Store
	TaxAdmin         *kgdtax.Store
	Excise           *kgddeclarations.Store
	// The justice registers (see connectors/justice).
	SpecialRecords *specialrecords.Store
	Courts         *courts.Store
	CourtCards     *courtcards.Store
	Demands        *demands.Store
	Fugitives      *fugitives.Store
	MissingPersons *missingpersons.Store
	Deportation    *deportation.Store
	Enforcement    *enforcement.Store
	Debtors        *debtors.Store
	Notary         *enotary.Store
	Appeals        *appeals.Store

	dbs     []*sqldb.DB
	filling []filling
	// Audit is the Log-journal: its store, its group-commit writer and the
	// key signing its checkpoints.
	Audit       *audit.Store
	AuditLog    *audit.Log
	AuditKey    ed25519.PrivateKey
	AuditAnchor *audit.AnchorFile
	// Metrics are served at /metrics.
	Metrics *metrics.Metrics
	// photoLinks signs the links to document photos (key per process).
	photoLinks *photos.Links
}

// StoreConfig is where the store called name lives under cfg.
func StoreConfig(cfg Config, name string) sqldb.Config { return cfg.store(name) }

func (c Config) store(name string) sqldb.Config {
	dsn := c.PostgresDSN
	if d, ok := c.StoreDSN[name]; ok && d != "" {
		dsn = d
	}
	cfg := sqldb.Config{Name: name, PostgresDSN: dsn, DataDir: c.DataDir, Timeout: c.StoreTimeout,
		Breaker: c.BreakerFailures, BreakerCooldown: c.BreakerCooldown}
	if d, ok := c.StoreTimeouts[name]; ok && d > 0 {
		cfg.Timeout = d
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Second
	}
	if cfg.Breaker == 0 {
		cfg.Breaker = 5
	}
	return cfg
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
	scfg := g.cfg.store(name)
	scfg.Observer = g.observer()
	s, err := openStore(ctx, scfg)
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
	if err := cfg.checkStoreNames(); err != nil {
		return nil, err
	}
	g := &Gateway{cfg: cfg, photoLinks: photos.NewLinks(photos.DefaultTTL), Metrics: metrics.New()}
	var err error
	if g.Policy = cfg.Policy; g.Policy == nil {
		if g.Policy, err = authz.Load(); err != nil {
			return nil, fmt.Errorf("gateway: policy: %w", err)
		}
	}
	if err := g.openAudit(ctx); err != nil {
		return nil, err
	}
	for _, c := range g.connectors(ctx) {
		if err := c.open(); err != nil {
			g.Close()
			return nil, err
		}
	}
	if err := g.routeCases(); err != nil {
		g.Close()
		return nil, err
	}
	return g, nil
}

// routeCases builds the router over the case registries' stores and checks
// that every registry the policy verifies a basis against has one (fail
// closed at start-up rather than at the first inquiry).
func (g *Gateway) routeCases() error {
	var err error
	if g.Cases, err = caseregistry.Route(g.ERDR, g.AISSU, g.AISOIP, g.EAIAS, g.ORDRegister); err != nil {
		return fmt.Errorf("gateway: %w", err)
	}
	for _, b := range g.Policy.Bases {
		rule, ok := g.Policy.Request(b.Code)
		if !ok || rule.Registry == "" {
			continue
		}
		st := g.Cases.Store(rule.Registry)
		if st == nil {
			return fmt.Errorf("gateway: basis %s is verified in registry %s, which has no store", b.Code, rule.Registry)
		}
		for _, k := range rule.Instructions {
			if k != authz.InstructionInternational && !st.Registry().Instructions {
				return fmt.Errorf("gateway: basis %s takes %s instructions, which registry %s does not hold", b.Code, k, rule.Registry)
			}
		}
	}
	return nil
}

// connectorStep opens one connector.
type connectorStep struct {
	name string
	open func() error
}

// connect is the step opening the connector called name into *dst.
func connect[S connector](ctx context.Context, g *Gateway, name string, openStore func(context.Context, sqldb.Config) (S, error), dst *S) connectorStep {
	return connectorStep{name, func() error { return open(ctx, g, name, openStore, dst) }}
}

// connectors lists the state databases and SIO's own stores in the order
// they open (the audit store opens before them).
func (g *Gateway) connectors(ctx context.Context) []connectorStep {
	return []connectorStep{
		connect(ctx, g, persons.Name, persons.Open, &g.Persons),
		connect(ctx, g, legalentities.Name, legalentities.Open, &g.Entities),
		connect(ctx, g, realestate.Name, realestate.Open, &g.RealEstate),
		connect(ctx, g, landplots.Name, landplots.Open, &g.Land),
		connect(ctx, g, vehicles.Name, vehicles.Open, &g.Vehicles),
		connect(ctx, g, taxpayers.Name, taxpayers.Open, &g.Taxpayers),
		connect(ctx, g, taxdebts.Name, taxdebts.Open, &g.TaxDebts),
		connect(ctx, g, civilregistry.Name, civilregistry.Open, &g.Civil),
		connect(ctx, g, weapons.Name, weapons.Open, &g.Weapons),
		connect(ctx, g, telecom.Name, telecom.Open, &g.Telecom),
		connect(ctx, g, postal.Name, postal.Open, &g.Postal),
		connect(ctx, g, restrictions.Name, restrictions.Open, &g.Bans),
		connect(ctx, g, railway.Name, railway.Open, &g.RollingStock),
		connect(ctx, g, rivervessels.Name, rivervessels.Open, &g.RiverVessels),
		connect(ctx, g, seavessels.Name, seavessels.Open, &g.SeaVessels),
		connect(ctx, g, agrimachinery.Name, agrimachinery.Open, &g.AgriMachinery),
		connect(ctx, g, railtickets.Name, railtickets.Open, &g.RailwayTickets),
		connect(ctx, g, driverlicenses.Name, driverlicenses.Open, &g.DriverLicenses),
		connect(ctx, g, trafficviolations.Name, trafficviolations.Open, &g.Violations),
		connect(ctx, g, roadaccidents.Name, roadaccidents.Open, &g.Accidents),
		connect(ctx, g, techinspections.Name, techinspections.Open, &g.TechInspections),
		connect(ctx, g, vehiclecustoms.Name, vehiclecustoms.Open, &g.VehicleCustoms),
		connect(ctx, g, criminalvehicles.Name, criminalvehicles.Open, &g.CriminalVehicles),
		connect(ctx, g, criminalweapons.Name, criminalweapons.Open, &g.CriminalWeapons),
		connect(ctx, g, pension.Name, pension.Open, &g.Pension),
		connect(ctx, g, disability.Name, disability.Open, &g.Disability),
		connect(ctx, g, socialassistance.Name, socialassistance.Open, &g.Benefits),
		connect(ctx, g, labormarket.Name, labormarket.Open, &g.Labor),
		connect(ctx, g, conservices.Name, conservices.Open, &g.CON),
		connect(ctx, g, civilservice.Name, civilservice.Open, &g.CivilSvc),
		connect(ctx, g, foreignlabor.Name, foreignlabor.Open, &g.ForeignLab),
		connect(ctx, g, foreignworkerviolations.Name, foreignworkerviolations.Open, &g.ForeignVio),
		connect(ctx, g, highereducation.Name, highereducation.Open, &g.Education),
		connect(ctx, g, health.Name, health.Open, &g.Medical),
		connect(ctx, g, statregister.Name, statregister.Open, &g.StatRegister),
		connect(ctx, g, elicensing.Name, elicensing.Open, &g.Licensing),
		connect(ctx, g, monopolists.Name, monopolists.Open, &g.Monopolists),
		connect(ctx, g, inspections.Name, inspections.Open, &g.StateInspections),
		connect(ctx, g, goszakup.Name, goszakup.Open, &g.Procurement),
		connect(ctx, g, foreigntrade.Name, foreigntrade.Open, &g.ForeignTrade),
		connect(ctx, g, subsoil.Name, subsoil.Open, &g.Subsoil),
		connect(ctx, g, kgdtax.Name, kgdtax.Open, &g.TaxAdmin),
		connect(ctx, g, kgddeclarations.Name, kgddeclarations.Open, &g.Excise),
		connect(ctx, g, specialrecords.Name, specialrecords.Open, &g.SpecialRecords),
		connect(ctx, g, courts.Name, courts.Open, &g.Courts),
		connect(ctx, g, courtcards.Name, courtcards.Open, &g.CourtCards),
		connect(ctx, g, demands.Name, demands.Open, &g.Demands),
		connect(ctx, g, fugitives.Name, fugitives.Open, &g.Fugitives),
		connect(ctx, g, missingpersons.Name, missingpersons.Open, &g.MissingPersons),
		connect(ctx, g, deportation.Name, deportation.Open, &g.Deportation),
		connect(ctx, g, enforcement.Name, enforcement.Open, &g.Enforcement),
		connect(ctx, g, debtors.Name, debtors.Open, &g.Debtors),
		connect(ctx, g, enotary.Name, enotary.Open, &g.Notary),
		connect(ctx, g, appeals.Name, appeals.Open, &g.Appeals),
		connect(ctx, g, popdocs.Name, popdocs.Open, &g.PopDocs),
		connect(ctx, g, border.Name, border.Open, &g.Border),
		connect(ctx, g, paxcustoms.Name, paxcustoms.Open, &g.PaxCustoms),
		connect(ctx, g, contacts.Name, contacts.Open, &g.Contacts),
		connect(ctx, g, caseregistry.NameERDR, caseregistry.Opener(sio.RegistryERDR), &g.ERDR),
		connect(ctx, g, caseregistry.NameAISSU, caseregistry.Opener(sio.RegistryAISSU), &g.AISSU),
		connect(ctx, g, caseregistry.NameAISOIP, caseregistry.Opener(sio.RegistryAISOIP), &g.AISOIP),
		connect(ctx, g, caseregistry.NameEAIAS, caseregistry.Opener(sio.RegistryEAIAS), &g.EAIAS),
		connect(ctx, g, caseregistry.NameORD, caseregistry.Opener(sio.RegistryORD), &g.ORDRegister),
		connect(ctx, g, accounts.Name, accounts.Open, &g.Accounts),
		connect(ctx, g, admin.Name, admin.Open, &g.Admin),
	}
}

// StoreNames lists every store by name (PostgreSQL schema, SQLite file):
// the audit log's and each connector's, in the order they open. These are
// the names --store-dsn and --store-timeout take.
func StoreNames() []string {
	names := []string{audit.Name}
	for _, c := range (&Gateway{}).connectors(context.Background()) {
		names = append(names, c.name)
	}
	return names
}

// checkStoreNames refuses per-store settings for a store that does not
// exist (a misspelt or retired name, such as the case_registry of before
// the case registries were split, would otherwise leave that store on the
// default).
func (c Config) checkStoreNames() error {
	known := map[string]bool{}
	for _, n := range StoreNames() {
		known[n] = true
	}
	for name := range c.StoreDSN {
		if !known[name] {
			return fmt.Errorf("gateway: store DSN for unknown store %q (stores: %s)", name, strings.Join(StoreNames(), ", "))
		}
	}
	for name, d := range c.StoreTimeouts {
		if !known[name] {
			return fmt.Errorf("gateway: store timeout for unknown store %q (stores: %s)", name, strings.Join(StoreNames(), ", "))
		}
		if d <= 0 {
			return fmt.Errorf("gateway: store timeout of %s must be positive", name)
		}
	}
	return nil
}

// Close closes every store.
func (g *Gateway) Close() error {
	var errs []error
	// The log first: it commits what is queued and signs the final head.
	if g.AuditLog != nil {
		errs = append(errs, g.AuditLog.Close())
		g.AuditLog = nil
	}
	if g.AuditAnchor != nil {
		errs = append(errs, g.AuditAnchor.Close())
		g.AuditAnchor = nil
	}
	if g.Audit != nil {
		errs = append(errs, g.Audit.Close())
		g.Audit = nil
	}
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
	return &authz.Enforcer{Policy: g.Policy, Cases: g.Cases, Now: g.cfg.Now}
}

// LinkEngine is the relationship-graph builder over the state databases
// that hold links between persons and companies.
func (g *Gateway) LinkEngine() *links.Engine {
	return &links.Engine{
		Persons: g.Persons, Entities: g.Entities,
		Sources: []links.Source{
			links.FamilySource{Civil: g.Civil},
			links.CompanySource{Entities: g.Entities},
			links.RealEstateSource(g.RealEstate),
			links.LandSource(g.Land),
			links.VehicleSource{Vehicles: g.Vehicles},
			links.AddressSource{Persons: g.Persons, Residents: g.Persons},
			links.EmploymentSource{Pension: g.Pension},
			links.ContactPhoneSource(g.Contacts),
			links.FixedLinePhoneSource(g.Telecom),
		},
	}
}

// Schema builds the executable GraphQL schema with resolvers and directives.
func (g *Gateway) Schema() graph.Config {
	e := g.Enforcer()
	return graph.Config{
		Resolvers: &resolvers.Resolver{
			Users:      g.Accounts,
			Agreements: g.Accounts,
			Cases:      g.Cases,
			Enforcer:   e,
			LinkEngine: g.LinkEngine(),
			Sandbox:    g.cfg.Sandbox,
			Logger:     g.cfg.Logger,
			// State databases, one per line.
			PersonRegistry:              g.Persons,
			EntityRegistry:              g.Entities,
			RealEstateRegistry:          g.RealEstate,
			LandRegistry:                g.Land,
			VehicleRegistry:             g.Vehicles,
			TaxpayerRegistry:            g.Taxpayers,
			TaxDebtRegistry:             g.TaxDebts,
			CivilRegistry:               g.Civil,
			WeaponRegistry:              g.Weapons,
			FixedLineRegistry:           g.Telecom,
			PostalRegistry:              g.Postal,
			Restrictions:                g.Bans,
			RollingStockRegistry:        g.RollingStock,
			RiverVesselRegistry:         g.RiverVessels,
			SeaVesselRegistry:           g.SeaVessels,
			AgriculturalMachineRegistry: g.AgriMachinery,
			RailwayTicketRegistry:       g.RailwayTickets,
			DriverLicenseRegistry:       g.DriverLicenses,
			TrafficViolationRegistry:    g.Violations,
			RoadAccidentRegistry:        g.Accidents,
			TechnicalInspectionRegistry: g.TechInspections,
			VehicleCustomsRegistry:      g.VehicleCustoms,
			CriminalVehicleRegistry:     g.CriminalVehicles,
			CriminalWeaponRegistry:      g.CriminalWeapons,
			PensionRegistry:             g.Pension,
			DisabilityRegistry:          g.Disability,
			SocialAssistanceRegistry:    g.Benefits,
			LaborMarketRegistry:         g.Labor,
			PublicServiceCenter:         g.CON,
			CivilServiceRegister:        g.CivilSvc,
			ForeignLaborRegistry:        g.ForeignLab,
			ViolationRegistry:           g.ForeignVio,
			HigherEducationRegistry:     g.Education,
			HealthRecords:               g.Medical,
			StatisticalRegister:         g.StatRegister,
			BusinessLicenseRegistry:     g.Licensing,
			MonopolyRegistry:            g.Monopolists,
			StateInspectionRegistry:     g.StateInspections,
			ProcurementRegistry:         g.Procurement,
			ForeignTradeRegistry:        g.ForeignTrade,
			SubsoilRegistry:             g.Subsoil,
			TaxAdministration:           g.TaxAdmin,
			ExciseRegistry:              g.Excise,
			SpecialRecordRegistry:       g.SpecialRecords,
			CourtRegistry:               g.Courts,
			CourtCardRegistry:           g.CourtCards,
			DemandRegistry:              g.Demands,
			FugitiveRegistry:            g.Fugitives,
			MissingPersonRegistry:       g.MissingPersons,
			ExpulsionRegistry:           g.Deportation,
			EnforcementRegistry:         g.Enforcement,
			DebtorRegistry:              g.Debtors,
			NotaryRegistry:              g.Notary,
			AppealRegistry:              g.Appeals,
			PopulationDocuments:         g.PopDocs,
			PhotoLinks:                  g.photoLinks,
			PersonSearch:                persons.NewSearch(g.Persons.DB()),
			BorderRegistry:              g.Border,
			PassengerDeclarations:       g.PaxCustoms,
			ContactRegistry:             g.Contacts,
			// Oversight and administration.
			Accounts:  g.Accounts,
			Admin:     g.Admin,
			Oversight: &oversight.Detector{Log: g.Audit, Users: g.Accounts, Family: g.Civil, Policy: g.Policy},
		},
		Directives: graph.DirectiveRoot{Service: e.ServiceDirective, System: e.SystemDirective},
	}
}

// openAudit opens the audit store (its own schema or file, like a
// connector) and starts its log, with the checkpoint key.
func (g *Gateway) openAudit(ctx context.Context) error {
	dir := g.cfg.DataDir
	if dir == "" {
		dir = "."
	}
	keyFile := g.cfg.AuditKeyFile
	if keyFile == "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		keyFile = filepath.Join(dir, "audit.key")
	}
	anchorFile := g.cfg.AuditAnchor
	if anchorFile == "" {
		anchorFile = filepath.Join(dir, "audit.anchor")
	}
	key, err := audit.LoadOrCreateKey(keyFile)
	if err != nil {
		return fmt.Errorf("gateway: audit key: %w", err)
	}
	scfg := g.cfg.store(audit.Name)
	scfg.Observer = g.observer()
	if g.Audit, err = audit.OpenWith(ctx, scfg, audit.StoreOptions{WriterDSN: g.cfg.AuditWriterDSN}); err != nil {
		return fmt.Errorf("gateway: audit store: %w", err)
	}
	// Fail closed at start: a log cut back past what its anchor file took
	// (or replaced, or restored from an older backup) is not appended to.
	if err := checkAnchorHeld(ctx, g.Audit, anchorFile); err != nil {
		g.Audit.Close()
		g.Audit = nil
		return fmt.Errorf("gateway: audit anchor: %w (run `sio audit verify --anchor %s`; to start a new log on purpose, move the anchor file aside)", err, anchorFile)
	}
	if g.AuditAnchor, err = audit.OpenAnchor(anchorFile); err != nil {
		g.Audit.Close()
		g.Audit = nil
		return fmt.Errorf("gateway: audit anchor: %w", err)
	}
	g.AuditKey = key
	g.AuditLog = audit.NewLog(g.Audit, audit.Options{Key: key, OnCommit: g.Metrics.AuditBatch, Anchor: g.AuditAnchor})
	return nil
}

// checkAnchorHeld runs audit.CheckHeld on the anchor file at path, if
// there is one.
func checkAnchorHeld(ctx context.Context, s *audit.Store, path string) error {
	a, err := audit.ReadAnchor(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return err
	}
	return audit.CheckHeld(ctx, s, a)
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
		Sandbox: g.cfg.Sandbox, Certs: g.cfg.Certs, Health: g.Health, Logger: g.cfg.Logger,
		Routes: map[string]http.Handler{photos.Path: photos.Handler(g.photoLinks, g.PopDocs, g.cfg.Logger)},
		Pages:  web.Routes(), Audit: g.AuditLog, Metrics: g.Metrics, Tracer: g.cfg.Tracer, Limits: g.cfg.Limits,
	}), nil
}

// observer watches every statement of the stores: metrics, and spans when
// tracing is on.
func (g *Gateway) observer() sqldb.Observer {
	if g.cfg.Tracer == nil {
		return g.Metrics
	}
	return sqldb.Observers{g.Metrics, tracing.NewObserver(g.cfg.Tracer)}
}
