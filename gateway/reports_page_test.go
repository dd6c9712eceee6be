package gateway_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"sio"
	"sio/authz"
	"sio/internal/testdb"
)

// TestReportsPageInBrowser drives the printable monthly report at /reports
// in headless Chromium: an official looks up a colleague, the agency's
// responsible official opens the page, which shows the month's requests and
// the flag, offers the CSV documents and prints without its controls.
func TestReportsPageInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("headless Chromium is required (run scripts/ensure-chromium.sh): %v", err)
	}
	fx := newFixture(t, testdb.Dialects[1].Config(t), true)
	st := fx.staff(t)
	const agency = "MVD"
	sup := st.supervisor(t, agency)
	var actor official
	for _, o := range fx.inquiries(t) {
		if a, err := fx.g.Enforcer().Check(o.inq, "PERSONS"); err == nil && a == authz.AccessFull && o.Agency == agency && o.IIN != sup.IIN {
			actor = o.official
			break
		}
	}
	if actor.IIN == "" {
		t.Fatal("no MVD official may read PERSONS")
	}
	colleague := st.where(t, "a colleague", func(u sio.User) bool { return u.AgencyCode == actor.Agency && u.IIN != actor.IIN })
	r := fx.post(t, actor.IIN, `query($b: BasisInput!, $iin: IIN!) { inquiry(basis: $b) { person(iin: $iin) { iin } } }`,
		map[string]any{"b": actor.basis(), "iin": colleague.IIN})
	noErrors(t, "colleague lookup", r)
	reader := sup

	// The page and its assets are served, under the same CSP as /links.
	resp, err := http.Get(fx.srv.URL + "/reports")
	testdb.Must(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") ||
		!strings.Contains(string(body), "/reports/static/reports.js") {
		t.Fatalf("/reports: %d %v", resp.StatusCode, resp.Header)
	}
	for _, asset := range []string{"reports.js", "reports.css"} {
		resp, err := http.Get(fx.srv.URL + "/reports/static/" + asset)
		testdb.Must(t, err)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", asset, resp.StatusCode)
		}
	}

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	month := time.Now().In(authz.Astana).Format("2006-01")
	q := url.Values{"user": {string(reader.IIN)}, "month": {month}}
	testdb.Must(t, chromedp.Do(ctx, chromedp.Navigate(fx.srv.URL+"/reports?"+q.Encode()),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`))))
	text := func(id string) string {
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
		testdb.Must(t, err)
		return v
	}
	count := func(js string) int {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
		testdb.Must(t, err)
		return v
	}
	requests, violations, status := text("t-requests"), text("violations"), text("status")
	entries, users := count(`document.querySelectorAll("#entries tbody tr").length`), count(`document.querySelectorAll("#users tbody tr").length`)
	links := count(`document.querySelectorAll("#downloads a[download]").length`)
	n, err := strconv.Atoi(strings.TrimSpace(requests))
	if err != nil || n < 1 || entries != n || users == 0 || links != 3 {
		t.Fatalf("page shows %q requests, %d entries, %d users, %d downloads (%s)", requests, entries, users, links, status)
	}
	if !strings.Contains(violations, "Запрос о сотруднике") || !strings.Contains(violations, string(colleague.IIN)) {
		t.Fatalf("violations table: %s", violations)
	}
	if dir := os.Getenv("SIO_ARTIFACTS"); dir != "" {
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		testdb.Must(t, err)
		os.WriteFile(filepath.Join(dir, "reports.png"), shot, 0o644)
	}
	// Printed, the controls are hidden and the report is shown.
	testdb.Must(t, chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	})))
	controls, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("controls")).display`))
	testdb.Must(t, err)
	report, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("report")).display`))
	testdb.Must(t, err)
	if controls != "none" || report == "none" {
		t.Fatalf("print view: controls %q, report %q", controls, report)
	}
	// The page's read is recorded as a read of the log.
	fx.logRead(t, reader.IIN, "the report page")
}
