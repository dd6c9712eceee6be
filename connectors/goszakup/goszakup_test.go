package goszakup_test

import (
	"context"
	"testing"

	"sio"
	"sio/connectors/goszakup"
	"sio/connectors/internal/recordstest"
	"sio/internal/testdb"
	"sio/sqldb"
	"sio/synth"
)

func TestProcurement(t *testing.T) {
	testdb.Each(t, func(t *testing.T, cfg sqldb.Config) {
		ctx := context.Background()
		s, err := goszakup.Open(ctx, cfg)
		testdb.Must(t, err)
		defer s.DB().Close()

		builder, other := testdb.BIN(t, "2013-04-01", 11), testdb.BIN(t, "2017-08-01", 2)
		customer := testdb.BIN(t, "1999-01-01", 90000)
		head := testdb.IIN(t, "1971-11-02", sio.Male, 5)
		contract := func(number string, supplier sio.BIN, signed string, status sio.ProcurementStatus) sio.ProcurementContract {
			return sio.ProcurementContract{ContractNumber: number, AnnouncementNumber: "10000001-1", LotNumber: "30000001-ОК1", Method: sio.ProcurementOpenTender,
				ItemKind: sio.ProcurementWorks, ItemRu: "Капитальный ремонт здания общеобразовательной школы", CustomerBIN: customer,
				CustomerNameRu: "ГУ «Управление образования г. Алматы»", SupplierID: string(supplier), SupplierKind: sio.SubjectLegalEntity,
				PlannedTiyn: 120_000_000_00, AmountTiyn: 101_500_000_00, AnnouncedAt: synth.AddDays(sio.MustDate(signed), -20), SignedAt: sio.MustDate(signed),
				DueAt: synth.AddDays(sio.MustDate(signed), 200), Status: status, RegionKATO: "75"}
		}
		unfair := func(id int64, subject string, kind sio.SubjectKind, role sio.UnfairRole) sio.UnfairParticipant {
			return sio.UnfairParticipant{RecordID: id, SubjectID: subject, SubjectKind: kind, Role: role, SupplierBIN: builder, ContractNumber: "21750000001",
				CustomerNameRu: "ГУ «Управление образования г. Алматы»", CourtDecisionRu: "Решение СМЭС г. Алматы от 12.09.2022 по делу № 7592-22-00-2/1234",
				DecisionDate: sio.MustDate("2022-09-12"), IncludedAt: sio.MustDate("2022-09-20"), ExpiresAt: sio.MustDate("2024-09-20"), TermMonths: 24}
		}
		testdb.Must(t, s.Insert(ctx, []sio.ProcurementContract{
			contract("21750000001", builder, "2021-06-01", sio.ProcurementTerminated),
			contract("23750000002", builder, "2023-03-01", sio.ProcurementExecuted),
			contract("24750000003", other, "2024-10-01", sio.ProcurementInProgress),
		}, []sio.UnfairParticipant{unfair(1, string(builder), sio.SubjectLegalEntity, sio.UnfairSupplier), unfair(2, string(head), sio.SubjectPerson, sio.UnfairHead)}))

		var bySupplier map[string][]sio.ProcurementContract
		testdb.OneStatement(t, "ContractsBySupplier", func(ctx context.Context) (err error) {
			bySupplier, err = s.ContractsBySupplier(ctx, []string{string(builder), string(other), "000000000000"})
			return err
		})
		if cs := bySupplier[string(builder)]; len(bySupplier) != 2 || len(cs) != 2 || cs[0].ContractNumber != "23750000002" ||
			cs[1].Status != sio.ProcurementTerminated || cs[0].Amount().String() != "101500000.00" || cs[0].Region().NameRu != "г. Алматы" {
			t.Fatalf("contracts (latest first) = %+v", bySupplier)
		}
		var byNumber map[string]*sio.ProcurementContract
		testdb.OneStatement(t, "ContractsByNumber", func(ctx context.Context) (err error) {
			byNumber, err = s.ContractsByNumber(ctx, []string{"24750000003", "99"})
			return err
		})
		if c := byNumber["24750000003"]; len(byNumber) != 1 || c.SupplierID != string(other) || c.CustomerBIN != customer {
			t.Fatalf("by number = %+v", byNumber)
		}
		var unfairOf map[string][]sio.UnfairParticipant
		testdb.OneStatement(t, "UnfairBySubject", func(ctx context.Context) (err error) {
			unfairOf, err = s.UnfairBySubject(ctx, []string{string(builder), string(head), string(other)})
			return err
		})
		if u := unfairOf[string(head)]; len(unfairOf) != 2 || len(u) != 1 || u[0].Role != sio.UnfairHead || u[0].SupplierBIN != builder || u[0].InRegister {
			t.Fatalf("register = %+v", unfairOf)
		}
	})
}

func TestFillerIsDeterministicAndRealistic(t *testing.T) {
	type data struct {
		Contracts []sio.ProcurementContract
		Unfair    []sio.UnfairParticipant
	}
	d := recordstest.Deterministic(t, goszakup.Open, 8000, func(t *testing.T, s *goszakup.Store) data {
		return data{recordstest.Rows[sio.ProcurementContract](t, s.DB(), "contracts", "contract_number"),
			recordstest.Rows[sio.UnfairParticipant](t, s.DB(), "unfair_participants", "record_id")}
	})
	if len(d.Contracts) == 0 || len(d.Unfair) == 0 {
		t.Fatalf("%d contracts, %d register entries", len(d.Contracts), len(d.Unfair))
	}
	today := synth.Today()
	contracts := map[string]sio.ProcurementContract{}
	for _, c := range d.Contracts {
		contracts[c.ContractNumber] = c
		if c.AnnouncedAt.After(c.SignedAt.Time) || c.SignedAt.After(today.Time) || !c.DueAt.After(c.SignedAt.Time) {
			t.Fatalf("dates: %+v", c)
		}
		if c.AmountTiyn <= 0 || c.AmountTiyn > c.PlannedTiyn || (c.Method == sio.ProcurementSingleSource) != (c.AmountTiyn == c.PlannedTiyn) {
			t.Fatalf("amounts: %+v", c)
		}
		if (c.Status == sio.ProcurementInProgress) != c.DueAt.After(today.Time) && c.Status != sio.ProcurementTerminated {
			t.Fatalf("status %s, due %s", c.Status, c.DueAt)
		}
		if _, ok := sio.ParseBIN(string(c.CustomerBIN), "customer"); ok != nil || c.Region() == nil {
			t.Fatalf("customer: %+v", c)
		}
	}
	for _, u := range d.Unfair {
		c, ok := contracts[u.ContractNumber]
		if !ok || c.Status != sio.ProcurementTerminated || string(u.SupplierBIN) != c.SupplierID || !u.DecisionDate.After(c.DueAt.Time) {
			t.Fatalf("entry %+v does not follow a breached contract %+v", u, c)
		}
		if u.IncludedAt.Before(u.DecisionDate.Time) || u.IncludedAt.After(today.Time) || u.InRegister != u.ExpiresAt.After(today.Time) {
			t.Fatalf("entry dates: %+v", u)
		}
	}
}
