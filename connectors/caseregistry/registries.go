package caseregistry

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"sio"
	"sio/authz"
	"sio/sqldb"
)

// Registries is the case registries as the rest of SIO sees them (the
// enforcer's authz.CaseRegistry, the resolvers' sio.CaseRegistry): each
// call naming a registry goes to that registry's store only (the inquiry's
// case check stays one statement on one store); the calls that span
// registries (an official's cases, instructions, international requests and
// sanctions) ask every store that holds such records, one statement each,
// and merge in the order a single store would give. A registry without a
// store is an error, never an empty answer.
type Registries struct {
	stores []*Store // by registry code
	by     map[string]*Store
}

var (
	_ authz.CaseRegistry   = (*Registries)(nil)
	_ authz.CaseloadLookup = (*Registries)(nil)
	_ sio.CaseRegistry     = (*Registries)(nil)
)

// Route builds the router over opened stores, one per registry.
func Route(stores ...*Store) (*Registries, error) {
	r := &Registries{by: map[string]*Store{}}
	for _, s := range stores {
		if s == nil {
			return nil, errors.New("caseregistry: route: a store is not open")
		}
		if _, dup := r.by[s.reg.Code]; dup {
			return nil, fmt.Errorf("caseregistry: route: two stores of registry %s", s.reg.Code)
		}
		r.by[s.reg.Code] = s
		r.stores = append(r.stores, s)
	}
	slices.SortFunc(r.stores, func(a, b *Store) int { return cmp.Compare(a.reg.Code, b.reg.Code) })
	return r, nil
}

// Open opens the store of every registry on cfg, each under its own name
// (on PostgreSQL its own schema, on SQLite its own file), and routes to
// them (tests and tools; the gateway opens each store as a connector of its
// own).
func Open(ctx context.Context, cfg sqldb.Config) (*Registries, error) {
	var stores []*Store
	for _, reg := range All {
		s, err := OpenStore(ctx, cfg, reg.Code)
		if err != nil {
			for _, o := range stores {
				o.Close()
			}
			return nil, err
		}
		stores = append(stores, s)
	}
	return Route(stores...)
}

// Close closes every store.
func (r *Registries) Close() error {
	var errs []error
	for _, s := range r.stores {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// Stores lists the stores by registry code.
func (r *Registries) Stores() []*Store { return slices.Clone(r.stores) }

// Store returns the store of the registry with the code, or nil.
func (r *Registries) Store(code string) *Store { return r.by[code] }

// store is the store of the registry a call names.
func (r *Registries) store(code string) (*Store, error) {
	if s := r.by[code]; s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("caseregistry: no store for registry %q", code)
}

// holding lists the stores that hold a kind of record.
func (r *Registries) holding(what string, has func(Registry) bool) ([]*Store, error) {
	var out []*Store
	for _, s := range r.stores {
		if has(s.reg) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("caseregistry: no store holds %s", what)
	}
	return out, nil
}

// gather asks each store and merges the answers in the order of compare
// (stable: the stores' own order breaks ties).
func gather[T any](stores []*Store, ask func(*Store) ([]T, error), compare func(a, b T) int) ([]T, error) {
	var out []T
	for _, s := range stores {
		part, err := ask(s)
		if err != nil {
			return nil, err
		}
		out = append(out, part...)
	}
	slices.SortStableFunc(out, compare)
	return out, nil
}

// CaseByNumber returns the case registered under number in registry, or
// nil, nil when there is none.
func (r *Registries) CaseByNumber(ctx context.Context, registry, number string) (*sio.Case, error) {
	s, err := r.store(registry)
	if err != nil {
		return nil, err
	}
	return s.CaseByNumber(ctx, number)
}

// CaseWithCaseload returns the case registered under number in registry
// (nil if none) and how it is in the official's caseload, in one statement
// on that registry's store.
func (r *Registries) CaseWithCaseload(ctx context.Context, registry, number string, iin sio.IIN) (*sio.Case, string, error) {
	s, err := r.store(registry)
	if err != nil {
		return nil, "", err
	}
	return s.CaseWithCaseload(ctx, number, iin)
}

// CaseloadVia tells how the case is in the official's caseload:
// authz.ViaAssigned, authz.ViaGroup, or "" when it is not.
func (r *Registries) CaseloadVia(ctx context.Context, registry, number string, iin sio.IIN) (string, error) {
	s, err := r.store(registry)
	if err != nil {
		return "", err
	}
	return s.CaseloadVia(ctx, number, iin)
}

// InCaseload reports whether the case is in the official's caseload.
func (r *Registries) InCaseload(ctx context.Context, registry, number string, iin sio.IIN) (bool, error) {
	via, err := r.CaseloadVia(ctx, registry, number, iin)
	return via != "", err
}

// Instruction returns the instruction with the outgoing number on the case
// of the registry, or nil, nil.
func (r *Registries) Instruction(ctx context.Context, registry, caseNumber, number string) (*authz.Instruction, error) {
	s, err := r.store(registry)
	if err != nil {
		return nil, err
	}
	return s.Instruction(ctx, caseNumber, number)
}

// LegalAssistance returns the international request accepted under the
// cover letter, or nil, nil.
func (r *Registries) LegalAssistance(ctx context.Context, coverLetterNumber string) (*authz.LegalAssistance, error) {
	stores, err := r.holding("international requests", func(g Registry) bool { return g.LegalAssistance })
	if err != nil {
		return nil, err
	}
	for _, s := range stores {
		la, err := s.LegalAssistance(ctx, coverLetterNumber)
		if la != nil || err != nil {
			return la, err
		}
	}
	return nil, nil
}

// CourtSanction returns the sanction with the ЕАИАС number, or nil, nil.
func (r *Registries) CourtSanction(ctx context.Context, number string) (*authz.CourtSanction, error) {
	stores, err := r.holding("court sanctions", func(g Registry) bool { return g.Sanctions })
	if err != nil {
		return nil, err
	}
	for _, s := range stores {
		cs, err := s.CourtSanction(ctx, number)
		if cs != nil || err != nil {
			return cs, err
		}
	}
	return nil, nil
}

// CasesOfUser returns the cases in the official's caseload (assigned or
// through a group) in every registry, by registry and number: one
// statement per registry.
func (r *Registries) CasesOfUser(ctx context.Context, iin sio.IIN) ([]sio.Case, error) {
	return gather(r.stores, func(s *Store) ([]sio.Case, error) { return s.CasesOfUser(ctx, iin) },
		func(a, b sio.Case) int {
			return cmp.Or(cmp.Compare(a.Registry, b.Registry), cmp.Compare(a.Number, b.Number))
		})
}

// InstructionsOfExecutor returns the instructions the official executes,
// by date of issue, registry, case and number.
func (r *Registries) InstructionsOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.Instruction, error) {
	stores, err := r.holding("instructions", func(g Registry) bool { return g.Instructions })
	if err != nil {
		return nil, err
	}
	return gather(stores, func(s *Store) ([]authz.Instruction, error) { return s.InstructionsOfExecutor(ctx, iin) },
		func(a, b authz.Instruction) int {
			return cmp.Or(a.IssuedAt.Compare(b.IssuedAt.Time), cmp.Compare(a.Registry, b.Registry),
				cmp.Compare(a.CaseNumber, b.CaseNumber), cmp.Compare(a.Number, b.Number))
		})
}

// LegalAssistanceOfExecutor returns the international requests the
// official executes, by date of receipt and cover letter.
func (r *Registries) LegalAssistanceOfExecutor(ctx context.Context, iin sio.IIN) ([]authz.LegalAssistance, error) {
	stores, err := r.holding("international requests", func(g Registry) bool { return g.LegalAssistance })
	if err != nil {
		return nil, err
	}
	return gather(stores, func(s *Store) ([]authz.LegalAssistance, error) { return s.LegalAssistanceOfExecutor(ctx, iin) },
		func(a, b authz.LegalAssistance) int {
			return cmp.Or(a.ReceivedAt.Compare(b.ReceivedAt.Time), cmp.Compare(a.CoverLetterNumber, b.CoverLetterNumber))
		})
}

// SanctionsOfUser returns the sanctions granted on the cases of the
// official's caseload, by date granted and number: the caseload from every
// registry, then the sanctions on those cases from ЕАИАС.
func (r *Registries) SanctionsOfUser(ctx context.Context, iin sio.IIN) ([]authz.CourtSanction, error) {
	stores, err := r.holding("court sanctions", func(g Registry) bool { return g.Sanctions })
	if err != nil {
		return nil, err
	}
	cases, err := r.CasesOfUser(ctx, iin)
	if err != nil || len(cases) == 0 {
		return nil, err
	}
	return gather(stores, func(s *Store) ([]authz.CourtSanction, error) { return s.SanctionsOn(ctx, cases) },
		func(a, b authz.CourtSanction) int {
			return cmp.Or(a.GrantedAt.Compare(b.GrantedAt.Time), cmp.Compare(a.Number, b.Number))
		})
}

// Load splits the records by registry and loads each store's share: the
// cases, caseloads and instructions into the registry they name, the
// international requests into the store that holds them (ЕРДР), the court
// sanctions into ЕАИАС after checking that the case each is granted on is
// registered (in the records or already in its store): the check a foreign
// key made when the registries shared a database. A record of a registry
// without a store is an error.
func (r *Registries) Load(ctx context.Context, recs Records) error {
	split := map[*Store]*Records{}
	share := func(code string) (*Records, error) {
		s, err := r.store(code)
		if err != nil {
			return nil, err
		}
		if split[s] == nil {
			split[s] = &Records{}
		}
		return split[s], nil
	}
	for _, c := range recs.Cases {
		p, err := share(c.Registry)
		if err != nil {
			return err
		}
		p.Cases = append(p.Cases, c)
	}
	for _, a := range recs.Assignments {
		p, err := share(a.Registry)
		if err != nil {
			return err
		}
		p.Assignments = append(p.Assignments, a)
	}
	for _, g := range recs.Groups {
		p, err := share(g.Registry)
		if err != nil {
			return err
		}
		p.Groups = append(p.Groups, g)
	}
	for _, in := range recs.Instructions {
		p, err := share(in.Registry)
		if err != nil {
			return err
		}
		p.Instructions = append(p.Instructions, in)
	}
	if len(recs.LegalAssistance) > 0 {
		stores, err := r.holding("international requests", func(g Registry) bool { return g.LegalAssistance })
		if err != nil {
			return err
		}
		p, _ := share(stores[0].reg.Code)
		p.LegalAssistance = recs.LegalAssistance
	}
	if len(recs.Sanctions) > 0 {
		stores, err := r.holding("court sanctions", func(g Registry) bool { return g.Sanctions })
		if err != nil {
			return err
		}
		loaded := map[[2]string]bool{}
		for _, c := range recs.Cases {
			loaded[[2]string{c.Registry, c.Number}] = true
		}
		for _, x := range recs.Sanctions {
			if loaded[[2]string{x.Registry, x.CaseNumber}] {
				continue
			}
			c, err := r.CaseByNumber(ctx, x.Registry, x.CaseNumber)
			if err != nil {
				return err
			}
			if c == nil {
				return fmt.Errorf("caseregistry: court sanction %s is granted on case %s, not registered in %s", x.Number, x.CaseNumber, x.Registry)
			}
		}
		p, _ := share(stores[0].reg.Code)
		p.Sanctions = recs.Sanctions
	}
	for _, s := range r.stores {
		if p := split[s]; p != nil && !p.empty() {
			if err := s.Load(ctx, *p); err != nil {
				return err
			}
		}
	}
	return nil
}

// Count returns the number of cases in every registry.
func (r *Registries) Count(ctx context.Context) (int, error) {
	n := 0
	for _, s := range r.stores {
		k, err := s.Count(ctx)
		if err != nil {
			return 0, err
		}
		n += k
	}
	return n, nil
}
