// Command floor is the Go floor of the SIO benchmark (bench/README.md): a
// minimal net/http + sqlx server that answers the benchmark's shapes with
// the same SQL statements SIO's connectors emit for them (the data
// statements: no authentication, access checks or audit) and encodes a JSON
// response of the same shape as SIO's. It is what a hand-written endpoint
// per query would cost; SIO is measured against it.
//
//	floor --dsn "host=127.0.0.1 user=postgres dbname=sio_1m sslmode=disable" --addr 127.0.0.1:8091
//
// Endpoints (POST, a GraphQL-style JSON body {"variables": {...}}; the
// query text is ignored):
//
//	/point   {"iin": "..."}                 person by IIN with their vehicles
//	/list    {"iins": ["...", ...]}         persons with vehicles, real estate, companies
//	/links   {"bin": "...", "depth": 1|2}   founder/director links of a company
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// The statements, as SIO's connectors issue them on PostgreSQL (captured
// from the server log; see bench/README.md).
const (
	personsByIIN = `SELECT iin, last_name, first_name, middle_name, birth_date, gender, nationality,
	citizenship, birth_place, region_kato, address, document_number, death_date FROM gbd_fl.persons WHERE iin = ANY($1)`
	vehiclesByOwner = `SELECT vin, plate, make, model, year, color, body_type, engine_cc, certificate_no,
	registration_date, owner_id, owner_kind FROM vehicles.vehicles WHERE owner_id = ANY($1) ORDER BY registration_date, vin`
	rightsByHolder = `SELECT record_id, object_number, holder_id, holder_kind, right_type, share_numerator,
	share_denominator, since FROM real_estate.rights WHERE holder_id = ANY($1) ORDER BY record_id`
	propertiesByNumber = `SELECT cadastral_number, kind, region_kato, address, area_sqm, rooms, year_built, registered_at FROM real_estate.properties WHERE cadastral_number = ANY($1)`
	entitiesByBIN      = `SELECT bin, name_ru, name_kz, legal_form, registration_date, status, region_kato,
	address, activity_code, activity_ru, NULLIF(director_iin, '') AS director_iin FROM gbd_ul.legal_entities WHERE bin = ANY($1)`
	foundersByEntity = `SELECT entity_bin, founder_id, founder_kind, share_percent, since FROM gbd_ul.founders WHERE entity_bin = ANY($1) ORDER BY entity_bin, share_percent DESC, founder_id`
	rolesBySubject   = `SELECT founder_id AS subject_id, 'FOUNDER' AS kind, entity_bin, share_percent, since
			FROM gbd_ul.founders WHERE founder_id = ANY($1)
			UNION ALL
			SELECT director_iin, 'DIRECTOR', bin, NULL, registration_date
			FROM gbd_ul.legal_entities WHERE director_iin = ANY($2)
			ORDER BY subject_id, since, entity_bin, kind`
)

type date struct{ time.Time }

func (d date) MarshalJSON() ([]byte, error) { return json.Marshal(d.Format(time.DateOnly)) }

func (d *date) Scan(v any) error {
	t, ok := v.(time.Time)
	if ok {
		d.Time = t
	}
	return nil
}

type person struct {
	IIN            string              `db:"iin" json:"iin"`
	LastName       string              `db:"last_name" json:"lastName"`
	FirstName      string              `db:"first_name" json:"firstName"`
	MiddleName     string              `db:"middle_name" json:"middleName"`
	BirthDate      date                `db:"birth_date" json:"birthDate"`
	Gender         string              `db:"gender" json:"gender"`
	Nationality    string              `db:"nationality" json:"-"`
	Citizenship    string              `db:"citizenship" json:"-"`
	BirthPlace     string              `db:"birth_place" json:"-"`
	RegionKATO     string              `db:"region_kato" json:"-"`
	Address        string              `db:"address" json:"-"`
	DocumentNumber string              `db:"document_number" json:"-"`
	DeathDate      sql.Null[time.Time] `db:"death_date" json:"-"`
}

func (p *person) fullName() string {
	s := p.LastName + " " + p.FirstName
	if p.MiddleName != "" {
		s += " " + p.MiddleName
	}
	return s
}

type vehicle struct {
	VIN          string `db:"vin" json:"vin"`
	Plate        string `db:"plate" json:"plate"`
	Make         string `db:"make" json:"make"`
	Model        string `db:"model" json:"model"`
	Year         int    `db:"year" json:"year"`
	Color        string `db:"color" json:"-"`
	BodyType     string `db:"body_type" json:"-"`
	EngineCC     int    `db:"engine_cc" json:"-"`
	Certificate  string `db:"certificate_no" json:"-"`
	Registration date   `db:"registration_date" json:"-"`
	OwnerID      string `db:"owner_id" json:"-"`
	OwnerKind    string `db:"owner_kind" json:"-"`
}

type right struct {
	RecordID    string `db:"record_id"`
	Object      string `db:"object_number"`
	HolderID    string `db:"holder_id"`
	HolderKind  string `db:"holder_kind"`
	RightType   string `db:"right_type"`
	Numerator   int    `db:"share_numerator"`
	Denominator int    `db:"share_denominator"`
	Since       date   `db:"since"`
}

type property struct {
	Cadastral  string        `db:"cadastral_number" json:"cadastralNumber"`
	Kind       string        `db:"kind" json:"-"`
	Region     string        `db:"region_kato" json:"-"`
	Address    string        `db:"address" json:"address"`
	AreaSqm    float64       `db:"area_sqm" json:"-"`
	Rooms      sql.NullInt64 `db:"rooms" json:"-"`
	YearBuilt  sql.NullInt64 `db:"year_built" json:"-"`
	Registered date          `db:"registered_at" json:"-"`
}

type entity struct {
	BIN          string         `db:"bin"`
	NameRu       string         `db:"name_ru"`
	NameKz       string         `db:"name_kz"`
	LegalForm    string         `db:"legal_form"`
	Registration date           `db:"registration_date"`
	Status       string         `db:"status"`
	Region       string         `db:"region_kato"`
	Address      string         `db:"address"`
	Activity     string         `db:"activity_code"`
	ActivityRu   string         `db:"activity_ru"`
	Director     sql.NullString `db:"director_iin"`
}

type founder struct {
	EntityBIN string  `db:"entity_bin"`
	FounderID string  `db:"founder_id"`
	Kind      string  `db:"founder_kind"`
	Share     float64 `db:"share_percent"`
	Since     date    `db:"since"`
}

type role struct {
	SubjectID string          `db:"subject_id"`
	Kind      string          `db:"kind"`
	EntityBIN string          `db:"entity_bin"`
	Share     sql.NullFloat64 `db:"share_percent"`
	Since     date            `db:"since"`
}

type server struct {
	db *sqlx.DB
	// rec, if set, records each request's statements with their
	// arguments inlined, as a pgbench script (the raw-SQL lane).
	rec *recorder
}

// recorder writes the statements of each request to DIR/<shape>-<n>.sql.
type recorder struct {
	dir string
	mu  sync.Mutex
	n   map[string]int
	max int
}

type recKey struct{}

type recBuf struct {
	mu    sync.Mutex
	stmts []string
}

// sel runs a query; under recording it also keeps the statement with its
// arguments inlined.
func (s *server) sel(ctx context.Context, dest any, query string, args ...any) error {
	if b, ok := ctx.Value(recKey{}).(*recBuf); ok {
		q := query
		for i := len(args); i >= 1; i-- {
			v, _ := args[i-1].(pq.StringArray).Value()
			q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), "'"+strings.ReplaceAll(v.(string), "'", "''")+"'::text[]")
		}
		b.mu.Lock()
		b.stmts = append(b.stmts, strings.Join(strings.Fields(q), " ")+";")
		b.mu.Unlock()
	}
	return s.db.SelectContext(ctx, dest, query, args...)
}

// want tells whether requests of shape are still to be recorded.
func (r *recorder) want(shape string) bool {
	if r == nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n[shape] < r.max
}

func (r *recorder) save(shape string, b *recBuf) {
	r.mu.Lock()
	n := r.n[shape]
	if n >= r.max {
		r.mu.Unlock()
		return
	}
	r.n[shape] = n + 1
	r.mu.Unlock()
	name := filepath.Join(r.dir, fmt.Sprintf("%s-%03d.sql", shape, n))
	if err := os.WriteFile(name, []byte(strings.Join(b.stmts, "\n")+"\n"), 0o644); err != nil {
		log.Print(err)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8091", "listen address")
	dsn := flag.String("dsn", "host=127.0.0.1 user=postgres dbname=sio_1m sslmode=disable", "PostgreSQL DSN")
	pool := flag.Int("pool", 32, "connection pool size (SIO's default)")
	record := flag.String("record", "", "write each request's statements as a pgbench script into this directory")
	recordMax := flag.Int("record-max", 100, "scripts to record per shape (pgbench takes at most 128 scripts)")
	flag.Parse()
	db, err := sqlx.Open("postgres", *dsn)
	if err != nil {
		log.Fatal(err)
	}
	db.SetMaxOpenConns(*pool)
	db.SetMaxIdleConns(*pool)
	if err := db.Ping(); err != nil {
		log.Fatal(err)
	}
	s := &server{db: db}
	if *record != "" {
		if err := os.MkdirAll(*record, 0o755); err != nil {
			log.Fatal(err)
		}
		s.rec = &recorder{dir: *record, n: map[string]int{}, max: *recordMax}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /point", s.handle("point", s.point))
	mux.HandleFunc("POST /list", s.handle("list", s.list))
	mux.HandleFunc("POST /links", s.handle("links", s.links))
	log.Printf("floor listening on %s", *addr)
	log.Fatal((&http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe())
}

type vars struct {
	IIN   string   `json:"iin"`
	IINs  []string `json:"iins"`
	BIN   string   `json:"bin"`
	Depth int      `json:"depth"`
}

func (s *server) handle(shape string, f func(ctx context.Context, v vars) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Variables vars `json:"variables"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ctx := r.Context()
		var buf *recBuf
		name := shape
		if shape == "links" {
			name += strconv.Itoa(max(1, min(body.Variables.Depth, 2)))
		}
		if s.rec.want(name) {
			buf = &recBuf{}
			ctx = context.WithValue(ctx, recKey{}, buf)
		}
		data, err := f(ctx, body.Variables)
		if buf != nil && err == nil {
			s.rec.save(name, buf)
		}
		if err != nil {
			log.Print(err)
			http.Error(w, `{"errors":[{"message":"internal"}]}`, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": data})
	}
}

type edge[T any] struct {
	Node T `json:"node"`
}

type conn[T any] struct {
	TotalCount int       `json:"totalCount"`
	Edges      []edge[T] `json:"edges"`
}

func connOf[T any](xs []T) conn[T] {
	c := conn[T]{TotalCount: len(xs), Edges: make([]edge[T], len(xs))}
	for i, x := range xs {
		c.Edges[i].Node = x
	}
	return c
}

type personOut struct {
	IIN       string        `json:"iin"`
	FullName  string        `json:"fullName"`
	BirthDate date          `json:"birthDate"`
	Vehicles  conn[vehicle] `json:"vehicles"`
	// list shape only
	RealEstate *conn[rightOut] `json:"realEstate,omitempty"`
	Companies  *conn[roleOut]  `json:"companies,omitempty"`
}

type rightOut struct {
	Share      string    `json:"share"`
	RealEstate *property `json:"realEstate"`
}

type roleOut struct {
	Kind        string       `json:"kind"`
	LegalEntity *entityShort `json:"legalEntity"`
}

type entityShort struct {
	BIN    string `json:"bin"`
	NameRu string `json:"nameRu"`
}

func (s *server) point(ctx context.Context, v vars) (any, error) {
	var ps []person
	if err := s.sel(ctx, &ps, personsByIIN, pq.StringArray{v.IIN}); err != nil {
		return nil, err
	}
	out := map[string]any{"person": nil}
	if len(ps) == 1 {
		var vs []vehicle
		if err := s.sel(ctx, &vs, vehiclesByOwner, pq.StringArray{v.IIN}); err != nil {
			return nil, err
		}
		out["person"] = personOut{IIN: ps[0].IIN, FullName: ps[0].fullName(), BirthDate: ps[0].BirthDate, Vehicles: connOf(vs)}
	}
	return map[string]any{"inquiry": out}, nil
}

// parallel runs fs concurrently (as SIO's loaders of one level do).
func parallel(fs ...func() error) error {
	errs := make([]error, len(fs))
	var wg sync.WaitGroup
	for i, f := range fs {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = f() }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *server) list(ctx context.Context, v vars) (any, error) {
	var ps []person
	if err := s.sel(ctx, &ps, personsByIIN, pq.StringArray(v.IINs)); err != nil {
		return nil, err
	}
	byIIN := make(map[string]*person, len(ps))
	keys := make([]string, 0, len(ps))
	for i := range ps {
		byIIN[ps[i].IIN] = &ps[i]
		keys = append(keys, ps[i].IIN)
	}
	var vs []vehicle
	var rs []right
	var roles []role
	// Level 2: the persons' vehicles, rights and company roles.
	if err := parallel(
		func() error { return s.sel(ctx, &vs, vehiclesByOwner, pq.StringArray(keys)) },
		func() error { return s.sel(ctx, &rs, rightsByHolder, pq.StringArray(keys)) },
		func() error {
			return s.sel(ctx, &roles, rolesBySubject, pq.StringArray(keys), pq.StringArray(keys))
		},
	); err != nil {
		return nil, err
	}
	var objects, bins []string
	for _, r := range rs {
		objects = append(objects, r.Object)
	}
	for _, r := range roles {
		bins = append(bins, r.EntityBIN)
	}
	// Level 3: the objects of the rights and the companies of the roles.
	var props []property
	var es []entity
	if err := parallel(
		func() error {
			if len(objects) == 0 {
				return nil
			}
			return s.sel(ctx, &props, propertiesByNumber, pq.StringArray(objects))
		},
		func() error {
			if len(bins) == 0 {
				return nil
			}
			return s.sel(ctx, &es, entitiesByBIN, pq.StringArray(bins))
		},
	); err != nil {
		return nil, err
	}
	propBy := make(map[string]*property, len(props))
	for i := range props {
		propBy[props[i].Cadastral] = &props[i]
	}
	entBy := make(map[string]*entityShort, len(es))
	for _, e := range es {
		entBy[e.BIN] = &entityShort{BIN: e.BIN, NameRu: e.NameRu}
	}
	vby := map[string][]vehicle{}
	for _, x := range vs {
		vby[x.OwnerID] = append(vby[x.OwnerID], x)
	}
	rby := map[string][]rightOut{}
	for _, r := range rs {
		rby[r.HolderID] = append(rby[r.HolderID], rightOut{Share: shareOf(r), RealEstate: propBy[r.Object]})
	}
	cby := map[string][]roleOut{}
	for _, r := range roles {
		cby[r.SubjectID] = append(cby[r.SubjectID], roleOut{Kind: r.Kind, LegalEntity: entBy[r.EntityBIN]})
	}
	out := make([]*personOut, len(v.IINs))
	for i, iin := range v.IINs {
		p := byIIN[iin]
		if p == nil {
			continue
		}
		re, co := connOf(rby[iin]), connOf(cby[iin])
		out[i] = &personOut{IIN: iin, FullName: p.fullName(), BirthDate: p.BirthDate, Vehicles: connOf(vby[iin]),
			RealEstate: &re, Companies: &co}
	}
	return map[string]any{"inquiry": map[string]any{"persons": out}}, nil
}

func shareOf(r right) string {
	b, _ := json.Marshal(r.Numerator)
	d, _ := json.Marshal(r.Denominator)
	return string(b) + "/" + string(d)
}

type ref struct{ kind, key string }

type nodeOut struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Level int    `json:"level"`
}

type edgeOut struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Kind   string `json:"kind"`
}

// links follows founder and director links from a company, level by level,
// with the statements of SIO's CompanySource (roles of the frontier,
// founders and records of its companies), then labels the nodes (persons
// and companies by key), as SIO's link engine does.
func (s *server) links(ctx context.Context, v vars) (any, error) {
	const maxNodes, perNode = 5000, 50
	depth := max(1, min(v.Depth, 2))
	idOf := func(r ref) string { return r.kind + ":" + r.key }
	root := ref{"LEGAL_ENTITY", v.BIN}
	nodes := map[ref]*nodeOut{root: {ID: idOf(root), Kind: root.kind, Level: 0}}
	order := []ref{root}
	seenEdge := map[string]bool{}
	var edges []edgeOut
	frontier := []ref{root}
	for level := 1; level <= depth && len(frontier) > 0; level++ {
		keys := make([]string, len(frontier))
		var bins []string
		for i, r := range frontier {
			keys[i] = r.key
			if r.kind == "LEGAL_ENTITY" {
				bins = append(bins, r.key)
			}
		}
		var roles []role
		var fs []founder
		var es []entity
		if err := parallel(
			func() error {
				return s.sel(ctx, &roles, rolesBySubject, pq.StringArray(keys), pq.StringArray(keys))
			},
			func() error {
				if len(bins) == 0 {
					return nil
				}
				if err := s.sel(ctx, &fs, foundersByEntity, pq.StringArray(bins)); err != nil {
					return err
				}
				return s.sel(ctx, &es, entitiesByBIN, pq.StringArray(bins))
			},
		); err != nil {
			return nil, err
		}
		type e struct {
			from, to ref
			kind     string
		}
		around := map[string][]e{}
		byKey := make(map[string]ref, len(frontier))
		for _, r := range frontier {
			byKey[r.key] = r
		}
		for _, r := range roles {
			from := byKey[r.SubjectID]
			around[r.SubjectID] = append(around[r.SubjectID], e{from, ref{"LEGAL_ENTITY", r.EntityBIN}, r.Kind})
		}
		for _, en := range es {
			if en.Director.Valid {
				around[en.BIN] = append(around[en.BIN], e{ref{"PERSON", en.Director.String}, ref{"LEGAL_ENTITY", en.BIN}, "DIRECTOR"})
			}
		}
		for _, f := range fs {
			k := "PERSON"
			if f.Kind == "LEGAL_ENTITY" {
				k = "LEGAL_ENTITY"
			}
			around[f.EntityBIN] = append(around[f.EntityBIN], e{ref{k, f.FounderID}, ref{"LEGAL_ENTITY", f.EntityBIN}, "FOUNDER"})
		}
		var next []ref
		for _, r := range frontier {
			es := around[r.key]
			if len(es) > perNode {
				es = es[:perNode]
			}
			for _, x := range es {
				id := x.kind + ":" + idOf(x.from) + ">" + idOf(x.to)
				if seenEdge[id] {
					continue
				}
				ok := true
				for _, end := range []ref{x.from, x.to} {
					if nodes[end] != nil {
						continue
					}
					if len(nodes) >= maxNodes {
						ok = false
						break
					}
					nodes[end] = &nodeOut{ID: idOf(end), Kind: end.kind, Level: level}
					order = append(order, end)
					next = append(next, end)
				}
				if ok {
					seenEdge[id] = true
					edges = append(edges, edgeOut{Source: idOf(x.from), Target: idOf(x.to), Kind: x.kind})
				}
			}
		}
		frontier = next
	}
	var iins, bins []string
	for _, r := range order {
		if r.kind == "PERSON" {
			iins = append(iins, r.key)
		} else {
			bins = append(bins, r.key)
		}
	}
	var ps []person
	var es []entity
	if err := parallel(
		func() error { return s.sel(ctx, &ps, personsByIIN, pq.StringArray(iins)) },
		func() error { return s.sel(ctx, &es, entitiesByBIN, pq.StringArray(bins)) },
	); err != nil {
		return nil, err
	}
	for i := range ps {
		if n := nodes[ref{"PERSON", ps[i].IIN}]; n != nil {
			n.Label = ps[i].fullName()
		}
	}
	for _, e := range es {
		if n := nodes[ref{"LEGAL_ENTITY", e.BIN}]; n != nil {
			n.Label = e.NameRu
		}
	}
	out := make([]*nodeOut, len(order))
	for i, r := range order {
		out[i] = nodes[r]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Level < out[j].Level })
	return map[string]any{"inquiry": map[string]any{"links": map[string]any{"nodes": out, "edges": edges}}}, nil
}
