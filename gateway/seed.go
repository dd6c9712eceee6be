package gateway

import (
	"context"
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"

	"sio/authz"
	"sio/connectors/caseregistry"
	"sio/synth"
)

// SeedStats counts what Seed loaded.
type SeedStats struct {
	Persons, Entities, Properties, Plots, Vehicles, Taxpayers, Debts, Acts int
	Users, Cases                                                           int
}

// IsSeeded reports whether the stores hold a complete synthetic data set.
// Officials are loaded last, so persons without officials mean an
// interrupted seed, reported as an error rather than served half-filled.
func (g *Gateway) IsSeeded(ctx context.Context) (bool, error) {
	n, err := g.Persons.Count(ctx)
	if err != nil {
		return false, err
	}
	users, err := g.Accounts.ListUsers(ctx)
	if err != nil {
		return false, err
	}
	switch {
	case n == 0 && len(users) == 0:
		return false, nil
	case n > 0 && len(users) > 0:
		// Officials come with their cases: a data set seeded while the case
		// registries shared one store (case_registry) has none in theirs.
		cases, err := g.Cases.Count(ctx)
		if err != nil {
			return false, err
		}
		if cases == 0 {
			return false, fmt.Errorf("gateway: the stores hold %d users but no case in the case registries (%s): the data set was seeded before each registry became a store of its own; remove the data directory or database and seed again",
				len(users), strings.Join(caseStoreNames(), ", "))
		}
		return true, nil
	}
	return false, fmt.Errorf("gateway: the stores hold an incomplete data set (%d persons, %d users): an earlier seed was interrupted; remove the data directory or database and start again", n, len(users))
}

// Seed generates deterministic synthetic data and loads every store, batch
// by batch, the stores of one batch in parallel (the core stores load the
// batch, the other connectors' fillers derive their records from it);
// officials (users, cases,
// caseloads) last.
func (g *Gateway) Seed(ctx context.Context, cfg synth.Config) (SeedStats, error) {
	var st SeedStats
	fillers := make([]synth.Filler, len(g.filling))
	for i, f := range g.filling {
		fillers[i] = f.Filler(cfg.Seed)
	}
	// Some officials are persons of the population (with families in
	// ЗАГС): the oversight reports detect lookups of their relatives.
	recruits := &synth.Recruits{}
	err := synth.Generate(cfg, func(b *synth.Batch) error {
		recruits.Add(b)
		eg, ectx := errgroup.WithContext(ctx)
		eg.SetLimit(8)
		eg.Go(func() error { return g.Persons.Insert(ectx, b.Persons) })
		eg.Go(func() error {
			if err := g.Entities.Insert(ectx, b.Entities); err != nil {
				return err
			}
			return g.Entities.InsertFounders(ectx, b.Founders)
		})
		eg.Go(func() error {
			if err := g.RealEstate.Insert(ectx, b.Properties); err != nil {
				return err
			}
			return g.RealEstate.InsertRights(ectx, b.PropertyRights)
		})
		eg.Go(func() error {
			if err := g.Land.Insert(ectx, b.Plots); err != nil {
				return err
			}
			return g.Land.InsertRights(ectx, b.PlotRights)
		})
		eg.Go(func() error { return g.Vehicles.Insert(ectx, b.Vehicles) })
		eg.Go(func() error { return g.Taxpayers.Insert(ectx, b.Taxpayers) })
		eg.Go(func() error { return g.TaxDebts.Insert(ectx, b.Debts) })
		eg.Go(func() error { return g.Civil.InsertActs(ectx, b.Acts) })
		// The other state databases derive their records from the batch.
		for _, fill := range fillers {
			eg.Go(func() error { return fill(ectx, b) })
		}
		if err := eg.Wait(); err != nil {
			return fmt.Errorf("gateway: seed: %w", err)
		}
		st.Persons += len(b.Persons)
		st.Entities += len(b.Entities)
		st.Properties += len(b.Properties)
		st.Plots += len(b.Plots)
		st.Vehicles += len(b.Vehicles)
		st.Taxpayers += len(b.Taxpayers)
		st.Debts += len(b.Debts)
		st.Acts += len(b.Acts)
		return nil
	})
	if err != nil {
		return st, err
	}
	off := synth.GenerateOfficials(cfg, g.RoleSpecs(), recruits)
	// The router splits the records by registry: cases, caseloads and
	// instructions into the registry of their case, international requests
	// into ЕРДР, court sanctions into ЕАИАС (see connectors/caseregistry).
	as := make([]caseregistry.Assignment, len(off.Assignments))
	for i, a := range off.Assignments {
		as[i] = caseregistry.Assignment{Registry: a.Registry, Number: a.Number, IIN: a.IIN}
	}
	if err := g.Cases.Load(ctx, caseregistry.Records{Cases: off.Cases, Assignments: as, Groups: off.Groups,
		Instructions: off.Instructions, LegalAssistance: off.LegalAssistance, Sanctions: off.Sanctions}); err != nil {
		return st, err
	}
	if err := g.Accounts.Insert(ctx, off.Users); err != nil {
		return st, err
	}
	if err := g.Accounts.InsertDuties(ctx, authz.DutySupervisor, off.Supervisors); err != nil {
		return st, err
	}
	// Fresh planner statistics: bulk loads leave none, and a planner that
	// believes a table is empty picks sequential scans for the batch lookups.
	for _, db := range g.dbs {
		if err := db.Analyze(ctx); err != nil {
			return st, err
		}
	}
	st.Users, st.Cases = len(off.Users), len(off.Cases)
	return st, nil
}

// caseStoreNames lists the stores of the case registries.
func caseStoreNames() []string {
	var names []string
	for _, r := range caseregistry.All {
		names = append(names, r.Name)
	}
	return names
}

// RoleSpecs describes every role of the policy for the officials generator:
// its agency and the bases it may request (for "иные задачи", the sub-bases
// of the role's agency), with the registry of their cases.
func (g *Gateway) RoleSpecs() []synth.RoleSpec {
	var out []synth.RoleSpec
	for _, r := range g.Policy.Roles {
		spec := synth.RoleSpec{Code: r.Code, NameRu: r.NameRu}
		if len(r.Agencies) > 0 {
			spec.Agency = r.Agencies[0]
		}
		for _, b := range g.Policy.Bases {
			if _, ok := g.Policy.RoleBasis(r.Code, b.Code); ok && g.Policy.Requestable(b.Code) {
				rule, _ := g.Policy.Request(b.Code)
				spec.Bases = append(spec.Bases, synth.BasisSpec{Code: b.Code, Registry: rule.Registry})
			}
		}
		out = append(out, spec)
	}
	return out
}
