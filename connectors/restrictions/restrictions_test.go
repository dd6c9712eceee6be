package restrictions_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"sio"
	"sio/connectors/restrictions"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func code(err error) string {
	var e *sio.Error
	if errors.As(err, &e) {
		return e.Code + "/" + e.Argument
	}
	return fmt.Sprint(err)
}

func count(t *testing.T, s *restrictions.Store, table string) int {
	t.Helper()
	n, err := s.DB().Count(context.Background(), table)
	testdb.Must(t, err)
	return n
}

func TestRestrictions(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := restrictions.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		debtor := testdb.IIN(t, "1981-07-19", sio.Male, 50)
		company := testdb.BIN(t, "2015-02-01", 11)
		imposed := time.Date(2023, 3, 14, 5, 20, 0, 0, time.UTC)
		lifted := imposed.Add(90 * 24 * time.Hour)
		oip := sio.RestrictionChange{Seq: 1, Action: sio.RestrictionImpose, At: imposed, OfficialRole: "BAILIFF", OfficialAgency: "ENFORCEMENT_SERVICE",
			Basis: "ENFORCEMENT", CaseRegistry: "AIS_OIP", CaseNumber: "237570001234", Reason: "взыскание алиментов", RecordedVia: "АИС ОИП"}
		lift := oip
		lift.Seq, lift.Action, lift.At, lift.Reason = 2, sio.RestrictionLift, lifted, "задолженность погашена"
		testdb.Must(t, s.Insert(ctx, []sio.Restriction{
			{ID: "RE-00000001", Type: sio.RestrictionRealEstateBan, MeasureRu: "Запрет на отчуждение", ObjectID: "21:311:012:045:1/7",
				Status: sio.RestrictionLifted, AuthorityRu: "ЧСИ", Basis: "ENFORCEMENT", CaseRegistry: "AIS_OIP", CaseNumber: "237570001234",
				Reason: "взыскание алиментов", ImposedAt: imposed, LiftedAt: &lifted, History: []sio.RestrictionChange{oip, lift}},
			{ID: "RE-00000002", Type: sio.RestrictionRealEstateBan, MeasureRu: "Арест", ObjectID: "21:311:012:045:1/7",
				Status: sio.RestrictionActive, AuthorityRu: "СУ ДП г. Астаны", Basis: "CRIMINAL_CASE", CaseRegistry: "ERDR", CaseNumber: "247100031000123",
				Reason: "обеспечение иска", ImposedAt: lifted.Add(time.Hour), History: []sio.RestrictionChange{{Seq: 1, Action: sio.RestrictionImpose,
					At: lifted.Add(time.Hour), OfficialRole: "INVESTIGATOR_INTERNAL_AFFAIRS", OfficialAgency: "MVD", Basis: "CRIMINAL_CASE",
					CaseRegistry: "ERDR", CaseNumber: "247100031000123", Reason: "обеспечение иска", RecordedVia: "ЕРДР"}}},
			{ID: "PP-00000001", Type: sio.RestrictionParticipationBan, MeasureRu: "Запрет на участие", ObjectID: string(debtor),
				Status: sio.RestrictionActive, AuthorityRu: "ЧСИ", Basis: "ENFORCEMENT", CaseRegistry: "AIS_OIP", CaseNumber: "237570001234",
				Reason: "взыскание алиментов", ImposedAt: imposed, History: []sio.RestrictionChange{oip}},
		}))

		t.Run("lookups", func(t *testing.T) {
			var got map[string][]sio.Restriction
			testdb.OneStatement(t, "RestrictionsOf", func(ctx context.Context) (err error) {
				got, err = s.RestrictionsOf(ctx, sio.RestrictionRealEstateBan, []string{"21:311:012:045:1/7", string(debtor), "21:311:012:046"})
				return err
			})
			rs := got["21:311:012:045:1/7"]
			if len(got) != 1 || len(rs) != 2 || rs[0].ID != "RE-00000001" || rs[0].Status != sio.RestrictionLifted || !rs[0].LiftedAt.Equal(lifted) ||
				len(rs[0].History) != 2 || rs[0].History[1].Action != sio.RestrictionLift || rs[0].History[1].Reason != "задолженность погашена" ||
				rs[0].History[0].OfficialIIN != nil || rs[1].ID != "RE-00000002" || rs[1].LiftedAt != nil || len(rs[1].History) != 1 {
				t.Fatalf("real-estate restrictions (another type on the debtor's IIN must not show) = %+v", got)
			}
			if rs[0].ImposedAt.Location() != time.UTC || !rs[0].ImposedAt.Equal(imposed) || rs[0].History[0].At.Location() != time.UTC {
				t.Fatalf("times must come back in UTC: %v", rs[0].ImposedAt)
			}
			pp, err := s.RestrictionsOf(ctx, sio.RestrictionParticipationBan, []string{string(debtor)})
			testdb.Must(t, err)
			if len(pp[string(debtor)]) != 1 || pp[string(debtor)][0].History[0].CaseNumber != "237570001234" {
				t.Fatalf("participation bans = %+v", pp)
			}
		})

		investigator := sio.User{IIN: testdb.IIN(t, "1985-01-02", sio.Male, 9001), RoleCode: "INVESTIGATOR_INTERNAL_AFFAIRS", AgencyCode: "MVD"}
		bailiff := sio.User{IIN: testdb.IIN(t, "1990-05-06", sio.Female, 9002), RoleCode: "BAILIFF", AgencyCode: "ENFORCEMENT_SERVICE"}
		at := time.Date(2025, 2, 3, 4, 5, 6, 789_123_456, time.FixedZone("Astana", 5*3600))
		change := func(who sio.User, key, reason string) sio.ChangeRequest {
			return sio.ChangeRequest{Official: who, At: at, Basis: "CRIMINAL_CASE", CaseRegistry: "ERDR", CaseNumber: "251500031000777",
				Reason: reason, ClientKey: key}
		}
		ban := sio.ImposeRequest{Type: sio.RestrictionLegalEntityBan, ObjectID: string(company), AuthorityRu: "МВД",
			ChangeRequest: change(investigator, "k-1", "обеспечение иска")}

		var created *sio.Restriction
		t.Run("impose", func(t *testing.T) {
			r, err := s.Impose(ctx, ban)
			testdb.Must(t, err)
			h := r.History
			if r.ID != "LE-S0000001" || r.Status != sio.RestrictionActive || r.ObjectID != string(company) || r.CaseNumber != "251500031000777" ||
				r.MeasureRu != sio.RestrictionMeasureRu(sio.RestrictionLegalEntityBan, "CRIMINAL_CASE") || len(h) != 1 ||
				h[0].OfficialIIN == nil || *h[0].OfficialIIN != investigator.IIN || h[0].OfficialRole != "INVESTIGATOR_INTERNAL_AFFAIRS" ||
				h[0].OfficialAgency != "MVD" || h[0].RecordedVia != sio.RecordedViaSIO || h[0].Reason != "обеспечение иска" {
				t.Fatalf("imposed = %+v", r)
			}
			if want := at.UTC().Truncate(time.Microsecond); !r.ImposedAt.Equal(want) || r.ImposedAt.Location() != time.UTC || !h[0].At.Equal(want) {
				t.Fatalf("imposed at %v, want %v (UTC, microseconds)", r.ImposedAt, want)
			}
			created = r
		})

		t.Run("idempotent replay", func(t *testing.T) {
			before := count(t, s, "restriction_changes")
			r, err := s.Impose(ctx, ban)
			testdb.Must(t, err)
			if r.ID != created.ID || len(r.History) != 1 || count(t, s, "restriction_changes") != before {
				t.Fatalf("replay = %+v, %d changes (was %d)", r, count(t, s, "restriction_changes"), before)
			}
			// The key is the official's: another official's same key is another change.
			other := ban
			other.Official = bailiff
			r, err = s.Impose(ctx, other)
			testdb.Must(t, err)
			if r.ID == created.ID {
				t.Fatal("another official's key replayed the first official's change")
			}
		})

		t.Run("conflicting replay", func(t *testing.T) {
			before := count(t, s, "restrictions")
			conflict := ban
			conflict.Reason = "другое основание"
			if _, err := s.Impose(ctx, conflict); code(err) != "BAD_USER_INPUT/clientKey" {
				t.Fatalf("same key, other reason: %v", err)
			}
			conflict = ban
			conflict.ObjectID = string(testdb.BIN(t, "2016-03-01", 12))
			if _, err := s.Impose(ctx, conflict); code(err) != "BAD_USER_INPUT/clientKey" {
				t.Fatalf("same key, other object: %v", err)
			}
			liftWithKey := sio.LiftRequest{Type: sio.RestrictionLegalEntityBan, ID: created.ID, ChangeRequest: change(investigator, "k-1", "обеспечение иска")}
			if _, err := s.Lift(ctx, liftWithKey); code(err) != "BAD_USER_INPUT/clientKey" {
				t.Fatalf("same key for a lift: %v", err)
			}
			if n := count(t, s, "restrictions"); n != before {
				t.Fatalf("a refused replay wrote: %d restrictions, was %d", n, before)
			}
		})

		t.Run("lift", func(t *testing.T) {
			req := sio.LiftRequest{Type: sio.RestrictionLegalEntityBan, ID: created.ID, ChangeRequest: change(investigator, "k-2", "дело прекращено")}
			req.At = at.Add(time.Hour)
			r, err := s.Lift(ctx, req)
			testdb.Must(t, err)
			if r.Status != sio.RestrictionLifted || r.LiftedAt == nil || !r.LiftedAt.Equal(req.At.UTC().Truncate(time.Microsecond)) || len(r.History) != 2 ||
				r.History[1].Action != sio.RestrictionLift || r.History[1].Seq != 2 || r.History[1].Reason != "дело прекращено" || r.Reason != "обеспечение иска" {
				t.Fatalf("lifted = %+v", r)
			}
			again, err := s.Lift(ctx, req)
			testdb.Must(t, err)
			if again.ID != r.ID || len(again.History) != 2 {
				t.Fatalf("lift replay = %+v", again)
			}
			req.ClientKey = "k-3"
			if _, err := s.Lift(ctx, req); code(err) != "BAD_USER_INPUT/id" {
				t.Fatalf("lifting twice: %v", err)
			}
			req.ClientKey, req.ID = "k-4", "LE-S9999999"
			if _, err := s.Lift(ctx, req); code(err) != "NOT_FOUND/id" {
				t.Fatalf("lifting an unknown restriction: %v", err)
			}
			req.ClientKey, req.ID, req.Type = "k-5", "PP-00000001", sio.RestrictionRealEstateBan
			if _, err := s.Lift(ctx, req); code(err) != "NOT_FOUND/id" {
				t.Fatalf("lifting a restriction of another type: %v", err)
			}
			// A restriction from the source systems can be lifted through SIO.
			req.ClientKey, req.Type = "k-6", sio.RestrictionParticipationBan
			r, err = s.Lift(ctx, req)
			testdb.Must(t, err)
			if r.Status != sio.RestrictionLifted || len(r.History) != 2 || r.History[0].RecordedVia != "АИС ОИП" || r.History[1].RecordedVia != sio.RecordedViaSIO {
				t.Fatalf("lifted source restriction = %+v", r)
			}
		})

		t.Run("a failed change writes nothing", func(t *testing.T) {
			before, changes := count(t, s, "restrictions"), count(t, s, "restriction_changes")
			serial := func() int64 {
				var n int64
				testdb.Must(t, s.DB().Get(ctx, &n, s.DB().Q(`SELECT n FROM {serials} WHERE name = 'sio'`)))
				return n
			}
			n0 := serial()
			// Break the change log so that the second write of the change fails.
			_, err := s.DB().Exec(ctx, s.DB().Q(`ALTER TABLE {restriction_changes} RENAME TO restriction_changes_off`))
			testdb.Must(t, err)
			req := ban
			req.ClientKey = "k-broken"
			_, err = s.Impose(ctx, req)
			_, rerr := s.DB().Exec(ctx, s.DB().Q(`ALTER TABLE {restriction_changes_off} RENAME TO restriction_changes`))
			testdb.Must(t, rerr)
			if err == nil {
				t.Fatal("the change succeeded without its log")
			}
			if count(t, s, "restrictions") != before || count(t, s, "restriction_changes") != changes || serial() != n0 {
				t.Fatal("a failed change left a restriction, a change or a serial behind")
			}
			r, err := s.Impose(ctx, req)
			testdb.Must(t, err)
			if r.ID != fmt.Sprintf("LE-S%07d", n0+1) {
				t.Fatalf("after the failure: %+v", r)
			}
		})

		t.Run("concurrent changes", func(t *testing.T) {
			before := count(t, s, "restrictions")
			var wg sync.WaitGroup
			ids := make([]string, 8)
			errs := make([]error, 8)
			for i := range ids {
				wg.Add(1)
				go func() {
					defer wg.Done()
					req := sio.ImposeRequest{Type: sio.RestrictionRealEstateBan, ObjectID: "21:311:012:045:1/7", AuthorityRu: "ЧСИ",
						ChangeRequest: change(bailiff, fmt.Sprintf("c-%d", i%2), "арест")}
					r, err := s.Impose(ctx, req)
					if err == nil {
						ids[i] = r.ID
					}
					errs[i] = err
				}()
			}
			wg.Wait()
			for i, err := range errs {
				testdb.Must(t, err)
				if ids[i] != ids[i%2] {
					t.Fatalf("the same key gave two records: %v", ids)
				}
			}
			if ids[0] == ids[1] || count(t, s, "restrictions") != before+2 {
				t.Fatalf("two keys, 8 requests: ids %v, %d new restrictions", ids, count(t, s, "restrictions")-before)
			}
		})
	})
}

// fill runs the connector's filler over a generated population.
func fill(t *testing.T, cfg synth.Config) ([]sio.Restriction, *synth.Batch) {
	t.Helper()
	ctx := context.Background()
	s, err := restrictions.Open(ctx, sqldb.Config{DataDir: t.TempDir()})
	testdb.Must(t, err)
	defer s.DB().Close()
	f := s.Filler(cfg.Seed)
	all := &synth.Batch{}
	testdb.Must(t, synth.Generate(cfg, func(b *synth.Batch) error {
		all.Persons = append(all.Persons, b.Persons...)
		all.Entities = append(all.Entities, b.Entities...)
		all.PropertyRights = append(all.PropertyRights, b.PropertyRights...)
		all.PlotRights = append(all.PlotRights, b.PlotRights...)
		return f(ctx, b)
	}))
	var ids []string
	testdb.Must(t, s.DB().Select(ctx, &ids, s.DB().Q(`SELECT DISTINCT object_id FROM {restrictions} ORDER BY object_id`)))
	var out []sio.Restriction
	for _, typ := range []sio.RestrictionType{sio.RestrictionRealEstateBan, sio.RestrictionLandEncumbrance, sio.RestrictionLegalEntityBan, sio.RestrictionParticipationBan} {
		m, err := s.RestrictionsOf(ctx, typ, ids)
		testdb.Must(t, err)
		for _, id := range ids {
			out = append(out, m[id]...)
		}
	}
	return out, all
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	a, pop := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 3000})
	b, _ := fill(t, synth.Config{Seed: 3, Persons: 3000, BatchPersons: 700})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("restrictions: %d with one batch, %d with several", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Fatalf("batch cuts changed the data: %+v vs %+v", a[i], b[i])
		}
	}
	if c, _ := fill(t, synth.Config{Seed: 4, Persons: 3000}); len(c) > 0 && c[0].ObjectID == a[0].ObjectID && c[0].CaseNumber == a[0].CaseNumber {
		t.Fatal("another seed gave the same first restriction")
	}
	objects := map[sio.RestrictionType]map[string]bool{}
	for _, typ := range []sio.RestrictionType{sio.RestrictionRealEstateBan, sio.RestrictionLandEncumbrance, sio.RestrictionLegalEntityBan, sio.RestrictionParticipationBan} {
		objects[typ] = map[string]bool{}
	}
	for _, r := range pop.PropertyRights {
		objects[sio.RestrictionRealEstateBan][r.ObjectNumber] = true
	}
	for _, r := range pop.PlotRights {
		objects[sio.RestrictionLandEncumbrance][r.ObjectNumber] = true
	}
	for _, e := range pop.Entities {
		objects[sio.RestrictionLegalEntityBan][string(e.BIN)] = true
	}
	for _, p := range pop.Persons {
		objects[sio.RestrictionParticipationBan][string(p.IIN)] = true
	}
	end := synth.Clock(synth.Today(), 0, 0).Add(5 * time.Hour)
	types := map[sio.RestrictionType]map[sio.RestrictionStatus]int{}
	for _, r := range a {
		if types[r.Type] == nil {
			types[r.Type] = map[sio.RestrictionStatus]int{}
		}
		types[r.Type][r.Status]++
		if !objects[r.Type][r.ObjectID] {
			t.Fatalf("restriction on an object not in its register: %+v", r)
		}
		if r.ImposedAt.After(end) || (r.LiftedAt != nil && (r.LiftedAt.After(end) || !r.LiftedAt.After(r.ImposedAt))) ||
			(r.LiftedAt != nil) != (r.Status == sio.RestrictionLifted) {
			t.Fatalf("dates and status: %+v", r)
		}
		if len(r.History) != 1+btoi(r.Status == sio.RestrictionLifted) || r.History[0].Action != sio.RestrictionImpose ||
			!r.History[0].At.Equal(r.ImposedAt) || r.History[0].CaseNumber != r.CaseNumber || r.History[0].OfficialIIN != nil {
			t.Fatalf("history: %+v", r)
		}
		if (r.Basis == "ENFORCEMENT") != (r.CaseRegistry == sio.RegistryAISOIP && len(r.CaseNumber) == 12) ||
			(r.Basis == "CRIMINAL_CASE") != (r.CaseRegistry == sio.RegistryERDR && len(r.CaseNumber) == 15) ||
			(r.Type == sio.RestrictionLandEncumbrance || r.Type == sio.RestrictionParticipationBan) && r.Basis != "ENFORCEMENT" {
			t.Fatalf("basis and case: %+v", r)
		}
		if r.MeasureRu != sio.RestrictionMeasureRu(r.Type, r.Basis) || r.AuthorityRu == "" || r.Reason == "" {
			t.Fatalf("texts: %+v", r)
		}
	}
	for _, typ := range []sio.RestrictionType{sio.RestrictionRealEstateBan, sio.RestrictionLandEncumbrance, sio.RestrictionLegalEntityBan, sio.RestrictionParticipationBan} {
		if types[typ][sio.RestrictionActive] == 0 || types[typ][sio.RestrictionLifted] == 0 {
			t.Fatalf("by type and status: %v", types)
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
