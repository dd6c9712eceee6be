package gateway_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"sio/authz"
	"sio/internal/testdb"
)

// chromium is the browser the link chart is tested in (Debian's package;
// scripts/ensure-chromium.sh installs it for `make test`).
const chromium = "/usr/bin/chromium"

// TestLinkChartInBrowser drives the /links page in headless Chromium: it
// builds the graph of the hub company as a sandbox official, expands a node
// with a real mouse click, downloads an export and checks a screenshot of
// the drawn chart.
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
}
