package enforcement_test

import (
	"context"
	"regexp"
	"testing"

	"sio"
	"sio/connectors/enforcement"
	"sio/connectors/justice/justicetest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func ptr[T any](v T) *T { return &v }

func TestEnforcement(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := enforcement.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		debtor := testdb.IIN(t, "1979-12-01", sio.Male, 9)
		wife := testdb.IIN(t, "1982-04-04", sio.Female, 9)
		company := testdb.BIN(t, "2012-02-01", 4)
		p := func(no, opened string, id string, kind sio.SubjectKind, claim sio.ClaimKind) sio.EnforcementProceeding {
			return sio.EnforcementProceeding{Number: no, OpenedAt: sio.MustDate(opened), RegionKATO: "75", DebtorID: id, DebtorKind: kind,
				DebtorName: "Должник", CreditorName: "АО «Kaspi Bank»", ClaimKind: claim, ClaimRu: "Задолженность", AmountTiyn: 50_000_000,
				RecoveredTiyn: 10_000_000, DocumentKind: sio.DocumentNotaryInscription, DocumentNumber: "23751000123", DocumentIssuer: "Нотариус Ким С.В.",
				DocumentDate: sio.MustDate(opened), OfficerKind: sio.BailiffPrivate, OfficerName: "ЧСИ Ахметов А.А.", OfficeRu: "Палата", Status: sio.ProceedingActive}
		}
		alimony := p("217570012345", "2021-05-05", string(debtor), sio.SubjectPerson, sio.ClaimAlimony)
		alimony.CreditorID, alimony.CreditorKind, alimony.DocumentKind = ptr(string(wife)), ptr(sio.SubjectPerson), sio.DocumentWrit
		closed := p("237570099999", "2023-01-10", string(debtor), sio.SubjectPerson, sio.ClaimCredit)
		closed.Status, closed.ClosedAt, closed.RecoveredTiyn = sio.ProceedingCompleted, ptr(sio.MustDate("2023-08-01")), 50_000_000
		testdb.Must(t, s.Insert(ctx, []sio.EnforcementProceeding{alimony, closed, p("24757500001", "2024-03-03", string(company), sio.SubjectLegalEntity, sio.ClaimContract)},
			[]sio.EnforcementRestriction{
				{ProceedingNumber: "217570012345", Kind: sio.RestrictionExitBan, KindRu: "Запрет выезда", ImposedAt: sio.MustDate("2021-06-01")},
				{ProceedingNumber: "217570012345", Kind: sio.RestrictionVehicleArrest, KindRu: "Арест ТС", ObjectNumber: ptr("XTA210990Y2765432"), ImposedAt: sio.MustDate("2021-05-20")},
			}))

		var byDebtor map[string][]sio.EnforcementProceeding
		testdb.OneStatement(t, "ProceedingsByDebtor", func(ctx context.Context) (err error) {
			byDebtor, err = s.ProceedingsByDebtor(ctx, []string{string(debtor), string(company), string(wife)})
			return err
		})
		if ps := byDebtor[string(debtor)]; len(byDebtor) != 2 || len(ps) != 2 || ps[0].Number != "237570099999" || ps[0].Balance().String() != "0.00" ||
			ps[1].Balance().String() != "400000.00" || *ps[1].CreditorID != string(wife) {
			t.Fatalf("proceedings (newest first) = %+v", byDebtor)
		}
		var byNumber map[string]*sio.EnforcementProceeding
		testdb.OneStatement(t, "ProceedingsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.ProceedingsByNumber(ctx, []string{"24757500001", "000000000000"})
			return err
		})
		if len(byNumber) != 1 || byNumber["24757500001"].DebtorKind != sio.SubjectLegalEntity || byNumber["24757500001"].CreditorID != nil {
			t.Fatalf("by number = %+v", byNumber)
		}
		var rs map[string][]sio.EnforcementRestriction
		testdb.OneStatement(t, "RestrictionsByProceeding", func(ctx context.Context) (err error) {
			rs, err = s.RestrictionsByProceeding(ctx, []string{"217570012345", "237570099999"})
			return err
		})
		if r := rs["217570012345"]; len(rs) != 1 || len(r) != 2 || r[0].Kind != sio.RestrictionVehicleArrest || *r[0].ObjectNumber != "XTA210990Y2765432" || r[1].LiftedAt != nil {
			t.Fatalf("restrictions (in order imposed) = %+v", rs)
		}
	})
}

var (
	number    = regexp.MustCompile(`^\d{2}(\d{2})7\d{7}$`)
	courtCase = regexp.MustCompile(`^\d{4}-\d{2}-00-[123]/\d+$`)
	notarial  = regexp.MustCompile(`^\d{2}\d{2}1\d{6}$`)
)

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	ps := justicetest.Deterministic[*enforcement.Store, sio.EnforcementProceeding](t, enforcement.Open, `SELECT * FROM {proceedings} ORDER BY number`)
	today := synth.Today()
	kinds := map[sio.ClaimKind]int{}
	debtors := map[sio.SubjectKind]int{}
	closed := map[string]*sio.Date{}
	for i := range ps {
		p := &ps[i]
		kinds[p.ClaimKind]++
		debtors[p.DebtorKind]++
		closed[p.Number] = p.ClosedAt
		if m := number.FindStringSubmatch(p.Number); m == nil || m[1] != p.RegionKATO {
			t.Fatalf("number: %+v", p)
		}
		if p.DocumentDate.After(p.OpenedAt.Time) || p.OpenedAt.After(today.Time) || (p.Status == sio.ProceedingActive) != (p.ClosedAt == nil) ||
			(p.ClosedAt != nil && (p.ClosedAt.Before(p.OpenedAt.Time) || p.ClosedAt.After(today.Time))) {
			t.Fatalf("dates and status: %+v", p)
		}
		if p.RecoveredTiyn < 0 || p.RecoveredTiyn > p.AmountTiyn || (p.AmountTiyn == 0 && p.ClaimKind != sio.ClaimAlimony) ||
			(p.Status == sio.ProceedingCompleted && p.RecoveredTiyn != p.AmountTiyn) {
			t.Fatalf("amounts: %+v", p)
		}
		switch p.DocumentKind {
		case sio.DocumentNotaryInscription:
			if !notarial.MatchString(p.DocumentNumber) || p.ClaimKind != sio.ClaimCredit {
				t.Fatalf("inscription: %+v", p)
			}
		case sio.DocumentWrit, sio.DocumentCourtOrder:
			if !courtCase.MatchString(p.DocumentNumber) {
				t.Fatalf("court document: %+v", p)
			}
		case sio.DocumentAdminRuling:
			if len(p.DocumentNumber) != 13 || p.ClaimKind != sio.ClaimAdministrativeFine || p.OfficerKind != sio.BailiffState {
				t.Fatalf("ruling: %+v", p)
			}
		}
		if (p.CreditorID == nil) != (p.CreditorKind == nil) || (p.ClaimKind == sio.ClaimAlimony && (p.CreditorID == nil || *p.CreditorKind != sio.SubjectPerson)) {
			t.Fatalf("creditor: %+v", p)
		}
	}
	for _, k := range []sio.ClaimKind{sio.ClaimAlimony, sio.ClaimCredit, sio.ClaimAdministrativeFine, sio.ClaimContract} {
		if kinds[k] == 0 {
			t.Fatalf("claim kinds %v", kinds)
		}
	}
	if debtors[sio.SubjectPerson] == 0 || debtors[sio.SubjectLegalEntity] == 0 {
		t.Fatalf("debtors %v", debtors)
	}
	rs := justicetest.Fill[*enforcement.Store, sio.EnforcementRestriction](t, enforcement.Open, synth.Config{Seed: 3, Persons: 3000},
		`SELECT * FROM {restrictions} ORDER BY proceeding_number, kind`)
	for _, r := range rs {
		c, ok := closed[r.ProceedingNumber]
		if !ok || (c == nil) != (r.LiftedAt == nil) || r.ImposedAt.After(today.Time) || (c != nil && (*r.LiftedAt != *c || r.ImposedAt.After(c.Time))) {
			t.Fatalf("restriction %+v of a proceeding closed %v", r, c)
		}
		if (r.Kind == sio.RestrictionVehicleArrest || r.Kind == sio.RestrictionPropertyArrest) != (r.ObjectNumber != nil) {
			t.Fatalf("object: %+v", r)
		}
	}
}
