package gateway_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"sio/gateway"
	"sio/links"
	"sio/sqldb"
)

// BenchmarkLinksHubLevel2 builds the 2-level graph of a hub company (about
// 50 company founders with about 50 person founders each) on a seeded
// PostgreSQL store, as the engine does for Inquiry.links(depth: 2). Point
// SIO_BENCH_POSTGRES at a database filled with `sio seed --persons
// 1000000` (bench/README.md). It reports the latency percentiles, the nodes
// and the SQL statements per graph.
//
// "ownership" keeps the founder and director links: the hub's 50×50 shape.
// "all-kinds" follows every link kind (family, employees, property,
// vehicles, addresses, phones) from every node of both levels, up to the
// 5,000-node cap.
func BenchmarkLinksHubLevel2(b *testing.B) {
	dsn := os.Getenv("SIO_BENCH_POSTGRES")
	if dsn == "" {
		b.Skip("SIO_BENCH_POSTGRES is not set (a seeded PostgreSQL database; see bench/README.md)")
	}
	ctx := context.Background()
	g, err := gateway.Open(ctx, gateway.Config{PostgresDSN: dsn})
	if err != nil {
		b.Fatal(err)
	}
	defer g.Close()
	var hubs []string
	db := g.Entities.DB()
	if err := db.Select(ctx, &hubs, db.Q(`SELECT entity_bin FROM {founders} WHERE founder_kind = 'LEGAL_ENTITY'
		GROUP BY entity_bin HAVING COUNT(*) >= 40 ORDER BY entity_bin`)); err != nil || len(hubs) == 0 {
		b.Fatalf("no hub company in the store: %v", err)
	}
	eng := g.LinkEngine()
	b.Run("ownership", func(b *testing.B) {
		benchLinks(b, eng, hubs, map[links.EdgeKind]bool{links.EdgeFounder: true, links.EdgeDirector: true})
	})
	b.Run("all-kinds", func(b *testing.B) { benchLinks(b, eng, hubs, nil) })
}

func benchLinks(b *testing.B, eng *links.Engine, hubs []string, kinds map[links.EdgeKind]bool) {
	ctx := context.Background()
	all := func(string) bool { return true }
	var lat []time.Duration
	var nodes, stmts int64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		var st sqldb.Stats
		q := links.Query{Root: links.Ref{Kind: links.NodeLegalEntity, Key: hubs[i%len(hubs)]}, Depth: 2,
			MaxNodes: links.MaxMaxNodes, PerNode: links.DefaultPerNode, Kinds: kinds}
		start := time.Now()
		gr, err := eng.Build(sqldb.WithStats(ctx, &st), q, all)
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		nodes += int64(len(gr.Nodes))
		stmts += st.Statements.Load()
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	n := float64(len(lat))
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(nodes)/n, "nodes/op")
	b.ReportMetric(float64(stmts)/n, "stmts/op")
	if testing.Verbose() {
		fmt.Printf("hubs %d, graphs %d\n", len(hubs), len(lat))
	}
}
