package gateway_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sio/authz"
	"sio/gateway"
	"sio/internal/testdb"
	"sio/synth"
)

// chromium is the browser the link chart is tested in (Debian's package;
// scripts/ensure-chromium.sh installs it for `make test`).
const chromium = "/usr/bin/chromium"

// cytoscapeCheck is what exportLoads reports.
type cytoscapeCheck struct {
	// Drawn are the ids of the chart's nodes and edges.
	Drawn struct{ Nodes, Edges []string }
	// Exported is the CYTOSCAPE_JSON export loaded into cytoscape.js;
	// Broken the same document with the node of the first edge's source
	// removed, which cytoscape.js must refuse.
	Exported, Broken struct {
		Nodes, Edges []string
		Error        string
	}
	Edges int
}

// exportLoads fetches, from the page and through the page's own export
// path (/graphql, under the chart's basis, subject, level and node cap),
// the CYTOSCAPE_JSON export of the drawn graph and loads its elements into
// the page's cytoscape.js (headless). A document cytoscape.js cannot load
// is reported with the error it threw, never swallowed.
func exportLoads(t *testing.T, ctx context.Context) cytoscapeCheck {
	t.Helper()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[cytoscapeCheck](`(async () => {
		const ids = (cy) => ({Nodes: cy.nodes().map((n) => n.id()).sort(), Edges: cy.edges().map((e) => e.id()).sort()});
		const load = (elements) => {
			try {
				const cy = cytoscape({headless: true, styleEnabled: false, elements});
				const out = ids(cy);
				cy.destroy();
				return Object.assign(out, {Error: ""});
			} catch (e) {
				return {Nodes: [], Edges: [], Error: String((e && e.message) || e)};
			}
		};
		const files = await sioLinkExport("CYTOSCAPE_JSON");
		const doc = JSON.parse(files[0].content);
		const gone = doc.elements.edges.length ? doc.elements.edges[0].data.source : "";
		return {
			Drawn: ids(sioLinkChart),
			Exported: load(doc.elements),
			Broken: load({nodes: doc.elements.nodes.filter((n) => n.data.id !== gone), edges: doc.elements.edges}),
			Edges: doc.elements.edges.length,
		};
	})()`, chromedp.EvalAwaitPromise))
	testdb.Must(t, err)
	if c.Exported.Error != "" {
		t.Fatalf("cytoscape.js refused the CYTOSCAPE_JSON export: %s", c.Exported.Error)
	}
	if c.Edges == 0 || c.Broken.Error == "" || !strings.Contains(c.Broken.Error, "nonexistent") {
		t.Fatalf("a document with an edge to a missing node: %d edges, cytoscape.js said %q", c.Edges, c.Broken.Error)
	}
	if !slices.Equal(c.Exported.Nodes, c.Drawn.Nodes) || !slices.Equal(c.Exported.Edges, c.Drawn.Edges) {
		t.Fatalf("cytoscape.js loaded %d nodes and %d edges from the export; the chart drew %d and %d",
			len(c.Exported.Nodes), len(c.Exported.Edges), len(c.Drawn.Nodes), len(c.Drawn.Edges))
	}
	return c
}

// TestLinkChartInBrowser drives the /links page in headless Chromium: it
// builds the graph of the hub company as a sandbox official, checks that
// its Cytoscape.js export loads into cytoscape.js with the drawn nodes and
// edges, expands a node with a real mouse click, downloads an export,
// checks a screenshot of the drawn chart, then that the export follows the
// page's node cap, and that the page without the sandbox asks for a basis
// instead of failing.
func TestLinkChartInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("headless Chromium is required (run scripts/ensure-chromium.sh): %v", err)
	}
	fx := newFixture(t, testdb.Dialects[1].Config(t), true)
	o, ok := fx.byOfficialWhere(t, func(inq *authz.Inquiry) bool {
		for _, s := range []string{"LINKS_LEVEL1", "PERSONS", "LEGAL_ENTITIES"} {
			if a, err := fx.g.Enforcer().Check(inq, s); err != nil || a != authz.AccessFull {
				return false
			}
		}
		return true
	})
	if !ok {
		t.Fatal("no official may read links")
	}
	hub := hubBIN(t, fx)
	downloads := t.TempDir()

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 800))
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	q := url.Values{"user": {string(o.IIN)}, "case": {o.Case}, "subject": {hub}, "depth": {"1"}}
	testdb.Must(t, chromedp.Do(ctx, chromedp.Navigate(fx.srv.URL+"/links?"+q.Encode())))
	_, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.SetDownloadBehavior,
		browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
	testdb.Must(t, err)
	testdb.Must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))))
	before, err := chromedp.Run(ctx, chromedp.Evaluate[int](`sioLinkChart.nodes().length`))
	testdb.Must(t, err)
	if before < 5 {
		t.Fatalf("the chart drew %d nodes", before)
	}
	// Before any expansion the chart is the built graph: its export loads
	// into cytoscape.js with the same nodes and edges.
	if c := exportLoads(t, ctx); len(c.Drawn.Nodes) != before {
		t.Fatalf("the chart holds %d nodes, %d before", len(c.Drawn.Nodes), before)
	}
	// A level-1 company node other than the root: click where it is drawn
	// (the chart's offset on the page plus its rendered position).
	target, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ X, Y float64 }](`(() => {
		const cy = sioLinkChart, n = cy.nodes('[kind = "LEGAL_ENTITY"]').filter(x => !x.hasClass('root'))[0] || cy.nodes('[kind = "PERSON"]')[0];
		const box = cy.container().getBoundingClientRect(), p = n.renderedPosition();
		return {X: box.left + p.x, Y: box.top + p.y};
	})()`))
	testdb.Must(t, err)
	// Click; on a loaded machine a click can land before the chart takes
	// input, so click again (up to three times) if nothing was expanded.
	expanded := false
	for attempt := 0; attempt < 3 && !expanded; attempt++ {
		testdb.Must(t, chromedp.Do(ctx, chromedp.MouseClickXY(target.X, target.Y)))
		actx, acancel := context.WithTimeout(ctx, 20*time.Second)
		expanded = chromedp.Do(actx, chromedp.WaitVisible(chromedp.CSS(`body[data-expanded]`))) == nil
		acancel()
	}
	if !expanded {
		status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
		t.Fatalf("clicking the node at %v expanded nothing (status: %s)", target, status)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[int](`sioLinkChart.nodes().length`))
	testdb.Must(t, err)
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
	testdb.Must(t, err)
	if after <= before {
		t.Fatalf("expanding a node added nothing: %d -> %d nodes (%s)", before, after, status)
	}
	testdb.Must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#exports button[data-format="GRAPHML"]`))))
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	testdb.Must(t, err)

	// The export arrives as a file.
	var files []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		files, _ = filepath.Glob(filepath.Join(downloads, "*.graphml"))
		if len(files) > 0 {
			break
		}
	}
	if len(files) != 1 {
		t.Fatalf("GraphML download: %v", files)
	}
	if b, _ := os.ReadFile(files[0]); !bytes.Contains(b, []byte("LEGAL_ENTITY:"+hub)) {
		t.Fatal("the downloaded GraphML does not hold the root")
	}

	// The screenshot shows the chart: the page at its size, with many
	// pixels of the company (orange) and person (blue) node colours.
	img, err := png.Decode(bytes.NewReader(shot))
	testdb.Must(t, err)
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 600 {
		t.Fatalf("screenshot %v", b)
	}
	near := func(r, g, b uint32, want [3]uint32) bool {
		d := func(x, y uint32) uint32 {
			if x > y {
				return x - y
			}
			return y - x
		}
		return d(r>>8, want[0])+d(g>>8, want[1])+d(b>>8, want[2]) < 30
	}
	var orange, blue int
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r, g, b, [3]uint32{0xdd, 0x6b, 0x20}) {
				orange++
			}
			if near(r, g, b, [3]uint32{0x2b, 0x6c, 0xb0}) {
				blue++
			}
		}
	}
	if orange < 200 || blue < 200 {
		t.Fatalf("the screenshot shows %d company and %d person pixels: no chart drawn (%s)", orange, blue, status)
	}
	if dir := os.Getenv("SIO_ARTIFACTS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "linkchart.png"), shot, 0o644)
	}
	t.Log(fmt.Sprintf("%d nodes, %d after expanding; %s", before, after, status))

	t.Run("export follows the node cap", func(t *testing.T) {
		// A cap below the graph's size: the chart draws exactly that many
		// nodes, and the export holds the same graph (an export under the
		// server's default cap would hold more).
		limit := before - 1
		q.Set("max", fmt.Sprint(limit))
		testdb.Must(t, chromedp.Do(ctx, chromedp.Navigate(fx.srv.URL+"/links?"+q.Encode())))
		testdb.Must(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))))
		if c := exportLoads(t, ctx); len(c.Drawn.Nodes) != limit {
			t.Fatalf("with maxNodes %d the chart drew %d nodes", limit, len(c.Drawn.Nodes))
		}
	})

	t.Run("without the sandbox", func(t *testing.T) {
		// Production mode (no sandboxUsers, no X-Dev-User): the basis comes
		// from the address. Without one the page says so; with one it
		// sends it and shows the server's answer. No script error either
		// way (uncaught errors and rejections are recorded from the start
		// of each document).
		g, err := gateway.Open(context.Background(), gateway.Config{DataDir: t.TempDir(), Now: synth.SnapshotClock(time.Now)})
		testdb.Must(t, err)
		t.Cleanup(func() { g.Close() })
		h, err := g.Handler()
		testdb.Must(t, err)
		prod := httptest.NewServer(h)
		t.Cleanup(prod.Close)
		testdb.Must(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
				window.sioErrors = [];
				addEventListener("error", (e) => sioErrors.push(String(e.message)));
				addEventListener("unhandledrejection", (e) => sioErrors.push(String((e.reason && e.reason.message) || e.reason)));`})
			return err
		})))
		open := func(t *testing.T, params url.Values) (status string, errs []string) {
			t.Helper()
			testdb.Must(t, chromedp.Do(ctx, chromedp.Navigate(prod.URL+"/links?"+params.Encode())))
			wctx, wcancel := context.WithTimeout(ctx, 30*time.Second)
			defer wcancel()
			waitErr := chromedp.Do(wctx, chromedp.WaitVisible(chromedp.CSS(`#status.error`)))
			status, _ = chromedp.Run(ctx, chromedp.Text(chromedp.ID("status")))
			errs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.sioErrors`))
			testdb.Must(t, err)
			if waitErr != nil || len(errs) > 0 {
				t.Fatalf("%s: no error shown (status %q), script errors %q", params.Encode(), status, errs)
			}
			return status, errs
		}
		status, _ := open(t, url.Values{"subject": {hub}})
		if !strings.Contains(status, "Не указано основание") || !strings.Contains(status, "basis=") {
			t.Fatalf("without a basis the page says %q", status)
		}
		// With a basis the request is sent (and refused: no certificate).
		status, _ = open(t, url.Values{"subject": {hub}, "basis": {o.Basis}, "case": {o.Case}})
		if strings.Contains(status, "Не указано основание") || status == "" {
			t.Fatalf("with a basis the page says %q", status)
		}
	})
}
