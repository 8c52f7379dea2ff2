package e2e

import (
	"bytes"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// goodPage is fully accessible: language, title, main landmark and h1. Its
// buttons exercise clicking, console capture, exceptions and a Blob download.
const goodPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harness check</title>
</head>
<body>
<main>
<h1>Harness check</h1>
<p id="status">idle</p>
<button type="button" id="hello">Say hello</button>
<button type="button" id="throw">Throw</button>
<button type="button" id="download">Download x.txt</button>
</main>
<script>
document.getElementById('hello').addEventListener('click', () => {
	console.log('hello from the page', 42);
	document.getElementById('status').textContent = 'clicked';
});
document.getElementById('throw').addEventListener('click', () => {
	throw new Error('deliberate failure');
});
document.getElementById('download').addEventListener('click', () => {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(new Blob(['hello, file\n'], {type: 'text/plain'}));
	a.download = 'x.txt';
	document.body.append(a);
	a.click();
	a.remove();
});
</script>
</body>
</html>
`

// badPage is valid but for an image without alt text.
const badPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harness bad page</title>
</head>
<body>
<main>
<h1>Missing alt</h1>
<img src="/dot.svg" width="20" height="20">
</main>
</body>
</html>
`

// swPage registers swScript and posts it a message once it is active.
const swPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Harness worker</title></head>
<body><main><h1>Worker</h1></main>
<script>
navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready)
	.then(reg => { reg.active.postMessage('ping'); window.swReady = true; });
</script>
</body>
</html>
`

// swScript logs the messages it gets and tries to leave 127.0.0.1, which
// the request guard must notice.
const swScript = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', e => e.waitUntil(self.clients.claim()));
self.addEventListener('message', e => {
	console.log('service worker got', e.data);
	fetch('http://worker.offsite.example/probe').catch(() => {});
});
`

// harnessHandler serves the pages above, uncached so that a stopped server
// really makes them unreachable.
func harnessHandler() http.Handler {
	pages := map[string]struct{ typ, body string }{
		"/":        {"text/html; charset=utf-8", goodPage},
		"/bad":     {"text/html; charset=utf-8", badPage},
		"/sw":      {"text/html; charset=utf-8", swPage},
		"/sw.js":   {"text/javascript", swScript},
		"/dot.svg": {"image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="9"/></svg>`},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", p.typ)
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(p.body))
	})
}

// TestHarness checks the browser-test harness itself against small inline
// pages: navigation, clicks, console capture, axe-core, downloads,
// screenshots, the request guard, network emulation and server restarts.
func TestHarness(t *testing.T) {
	start := time.Now()
	srv := startServer(t, harnessHandler())
	b := newBrowser(t, browserOpts{})

	t.Log("navigation, clicks and console capture")
	b.run(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Click("#hello", chromedp.ByQuery),
		waitFor(`document.getElementById('status').textContent === 'clicked'`),
		chromedp.Click("#throw", chromedp.ByQuery),
	)
	var title string
	b.eval(`document.title`, &title)
	if title != "Harness check" {
		t.Errorf("title = %q", title)
	}
	// A round trip: the events sent before its reply are recorded by now.
	b.eval(`0`, nil)
	wantLogs := []string{"console.log: hello from the page 42", "deliberate failure"}
	for _, want := range wantLogs {
		if !slices.ContainsFunc(b.console(), func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("console lacks %q:\n%s", want, b.consoleTail(failureLogs))
		}
	}

	t.Log("axe-core")
	if vs := b.axe(); len(vs) != 0 {
		t.Errorf("good page has violations:\n%s", formatViolations(vs))
	}
	b.run(chromedp.Navigate(srv.URL + "/bad"))
	vs := b.axe()
	if !slices.ContainsFunc(vs, func(v axeViolation) bool { return v.ID == "image-alt" }) {
		t.Errorf("bad page: want image-alt, got:\n%s", formatViolations(vs))
	} else {
		t.Logf("bad page, as expected:\n%s", formatViolations(vs))
	}

	t.Log("download")
	b.run(
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Click("#download", chromedp.ByQuery),
	)
	path := b.waitDownload(10 * time.Second)
	if filepath.Base(path) != "x.txt" || !strings.HasPrefix(path, b.downloadDir()) {
		t.Errorf("download saved as %s", path)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "hello, file\n" {
		t.Errorf("download content = %q, %v", got, err)
	}
	// The same name again is not renamed "x (1).txt".
	b.run(chromedp.Click("#download", chromedp.ByQuery))
	if again := b.waitDownload(10 * time.Second); filepath.Base(again) != "x.txt" || again == path {
		t.Errorf("second download saved as %s (first %s)", again, path)
	}

	t.Log("screenshots")
	checkScreenshot(t, b.screenshot("harness"), 1280)
	phone := newBrowser(t, browserOpts{Width: 375, Height: 812})
	phone.run(chromedp.Navigate(srv.URL + "/"))
	var inner int
	phone.eval(`window.innerWidth`, &inner)
	if inner != 375 {
		t.Errorf("phone innerWidth = %d", inner)
	}
	checkScreenshot(t, phone.screenshot("harness"), 375)

	t.Log("request guard")
	if off := b.offsiteRequests(); len(off) != 0 {
		t.Errorf("offsite requests: %q", off)
	}
	if off := phone.offsiteRequests(); len(off) != 0 {
		t.Errorf("phone browser made offsite requests: %q", off)
	}
	var probe string
	b.eval(`fetch('http://page.offsite.example/probe').then(() => 'reached', () => 'blocked')`, &probe)
	if probe != "blocked" {
		t.Errorf("offsite fetch was %s", probe)
	}
	if off := b.offsiteRequests(); !slices.Contains(off, "http://page.offsite.example/probe") {
		t.Errorf("offsiteRequests() = %q, lacks the page's probe", off)
	}

	t.Log("service worker coverage")
	b.run(
		chromedp.Navigate(srv.URL+"/sw"),
		waitFor(`window.swReady === true`),
	)
	// The harness attaches to workers asynchronously, so ping until the
	// worker's console.log and its request show up.
	const workerProbe = "http://worker.offsite.example/probe"
	workerLog := func() bool {
		return slices.ContainsFunc(b.console(), func(s string) bool {
			return strings.Contains(s, "service_worker console.log: service worker got ping")
		})
	}
	// The proxy alone would catch the probe; this checks that the worker's
	// own DevTools session reported it too.
	workerReq := func() bool {
		b.mu.Lock()
		defer b.mu.Unlock()
		return slices.Contains(b.reqs, workerProbe)
	}
	for deadline := time.Now().Add(10 * time.Second); !(workerLog() && workerReq()) && time.Now().Before(deadline); {
		b.eval(`navigator.serviceWorker.ready.then(r => r.active.postMessage('ping'))`, nil)
		time.Sleep(100 * time.Millisecond)
	}
	if !workerLog() {
		t.Errorf("service worker console not captured:\n%s", b.consoleTail(failureLogs))
	}
	if !workerReq() {
		t.Error("the worker's request was not reported by its DevTools session")
	}
	if off := b.offsiteRequests(); !slices.Contains(off, workerProbe) {
		t.Errorf("offsiteRequests() = %q, lacks the worker's probe", off)
	}

	t.Log("stop and restart the server")
	srv.Stop()
	if err := phone.runErr(chromedp.Navigate(srv.URL + "/")); err == nil {
		t.Error("page loaded while the server was stopped")
	} else {
		t.Logf("stopped server, as expected: %v", err)
	}
	srv.Start()
	phone.run(chromedp.Navigate(srv.URL+"/"), waitFor(`document.querySelector('h1') !== null`))

	t.Log("network emulation")
	phone.setOffline(true)
	var online bool
	phone.eval(`navigator.onLine`, &online)
	if online {
		t.Error("navigator.onLine is true while offline")
	}
	if err := phone.runErr(chromedp.Navigate(srv.URL + "/bad")); err == nil {
		t.Error("page loaded while emulating offline")
	}
	phone.setOffline(false)
	phone.run(chromedp.Navigate(srv.URL + "/bad"))

	t.Log("cold start on the same profile")
	profile := t.TempDir()
	first := newBrowser(t, browserOpts{Profile: profile})
	first.run(chromedp.Navigate(srv.URL+"/"), chromedp.Evaluate(`localStorage.setItem('kept', 'yes')`, nil))
	first.close()
	first.close() // idempotent
	second := newBrowser(t, browserOpts{Profile: profile, Offline: true})
	if err := second.runErr(chromedp.Navigate(srv.URL + "/")); err == nil {
		t.Error("page loaded by a browser started offline")
	}
	second.setOffline(false)
	var kept string
	second.run(chromedp.Navigate(srv.URL + "/"))
	second.eval(`localStorage.getItem('kept')`, &kept)
	if kept != "yes" {
		t.Errorf("profile not reused: localStorage kept = %q", kept)
	}

	t.Logf("harness checks took %v", time.Since(start).Round(time.Millisecond))
}

// checkScreenshot fails unless path is a PNG of the given width.
func checkScreenshot(t *testing.T, path string, width int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if cfg.Width != width {
		t.Errorf("%s is %d px wide, want %d", path, cfg.Width, width)
	}
	if want := filepath.Join(testOutputDir(), "screenshots", "harness-"+strconv.Itoa(width)+".png"); path != want {
		t.Errorf("screenshot at %s, want %s", path, want)
	}
}
