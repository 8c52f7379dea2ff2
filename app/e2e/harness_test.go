package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/inspector"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Defaults of browserOpts and of browser.run.
const (
	defaultWidth   = 1280
	defaultHeight  = 900
	defaultTimeout = 30 * time.Second

	// maxLogs bounds the console buffer: go-app logs a lot, and only the
	// tail is shown on failure.
	maxLogs = 2000
	// failureLogs is how many console lines a failing run shows.
	failureLogs = 20
)

// chromiumPath returns the Chromium binary to drive: $CHROMIUM if set, else
// /usr/bin/chromium, else chromium or chromium-browser on $PATH. The browser
// tests are part of the suite, so a missing browser fails the test instead of
// skipping it.
func chromiumPath(t testing.TB) string {
	t.Helper()
	const help = "Chromium is needed for the browser tests: sudo apt-get install chromium (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome"
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("CHROMIUM=%s: %v\n%s", p, err, help)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal(help)
	return ""
}

// browserOpts configures newBrowser. The zero value is a 1280x900 desktop
// window on a fresh profile.
type browserOpts struct {
	// Width and Height are the viewport size in CSS pixels (default 1280x900).
	Width, Height int
	// Profile is the Chromium user data dir. Empty means a fresh one; set it
	// to cold-start a second browser on the profile of a closed one (that is
	// how the offline test finds its service worker and caches again).
	Profile string
	// Offline starts the browser with DevTools network emulation set to
	// offline (see browser.setOffline). Stopping the testServer is the
	// stronger way to go offline.
	Offline bool
	// Timeout bounds each browser.run call (default 30 s).
	Timeout time.Duration
	// Camera gives the browser Chromium's fake camera (a moving test
	// pattern), with permission granted.
	Camera bool
}

// browser is one headless Chromium process with one tab, plus what the
// harness records about it: console output, requested URLs and downloads.
// Use it only from the test (goroutine) that created it, since failures call
// t.Fatal.
type browser struct {
	t    testing.TB  // the test that owns the browser
	opts browserOpts // with defaults filled in
	// ctx is the chromedp context of the tab; every action runs under it.
	ctx         context.Context
	cancelTab   context.CancelFunc // cancels ctx
	cancelAlloc context.CancelFunc // kills Chromium and waits for it
	dlDir       string             // where downloads land
	proxy       *blackhole         // receives all non-loopback traffic
	closeOnce   sync.Once          // makes close idempotent
	tab         bool               // a further tab of another browser's: closing it leaves the browser
	// completed receives finished downloads; it is buffered so that a
	// download that ends before waitDownload is called is not lost.
	completed chan downloadResult

	mu      sync.Mutex // guards the fields below, written by CDP listeners
	logs    []string
	reqs    []string
	url     string
	mainID  string             // frame ID of the top-level frame
	names   map[string]string  // download GUID -> suggested filename
	workers map[target.ID]bool // workers attached or being attached
	offline bool               // current network emulation
	closed  bool               // set by close, stops worker attachment
}

// downloadResult is the outcome of one download, as reported by the
// Browser.downloadProgress event.
type downloadResult struct {
	guid, name, path string
	state            cdpbrowser.DownloadProgressState
}

// newBrowser starts a headless Chromium for the test and closes it at
// cleanup. Every request the browser makes to a host other than 127.0.0.1
// goes to a local black-hole proxy that records and refuses it, and DNS is
// disabled, so a test can never reach the outside world (see
// offsiteRequests).
func newBrowser(t testing.TB, o browserOpts) *browser {
	t.Helper()
	if o.Width == 0 {
		o.Width = defaultWidth
	}
	if o.Height == 0 {
		o.Height = defaultHeight
	}
	if o.Timeout == 0 {
		o.Timeout = defaultTimeout
	}
	root := t.TempDir()
	if o.Profile == "" {
		o.Profile = filepath.Join(root, "profile")
	}
	tmp := filepath.Join(root, "tmp")
	dl := filepath.Join(root, "downloads")
	for _, d := range []string{o.Profile, tmp, dl} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Spell checking downloads a dictionary from Google the first time a
	// text field is used; a profile preference is the only switch for it.
	prefs := filepath.Join(o.Profile, "Default", "Preferences")
	if _, err := os.Stat(prefs); errors.Is(err, os.ErrNotExist) {
		os.MkdirAll(filepath.Dir(prefs), 0o755)
		os.WriteFile(prefs, []byte(`{"browser":{"enable_spellchecking":false},"spellcheck":{"dictionaries":[],"use_spelling_service":false}}`), 0o644)
	}
	exe := chromiumPath(t)
	proxy, err := startBlackhole()
	if err != nil {
		t.Fatalf("start the black-hole proxy: %v", err)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		// Root in a container has no usable sandbox.
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Keep Chromium's own background traffic quiet: it would show up
		// in offsiteRequests.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-component-extensions-with-background-pages", true),
		// Downloads would otherwise be checked with Safe Browsing, which
		// fetches its lists and file-type rules from Google.
		chromedp.Flag("safebrowsing-disable-download-protection", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		// Replaces chromedp's default list, so keep its site-per-process
		// (fewer renderer processes on small CI machines).
		chromedp.Flag("disable-features", "site-per-process,Translate,OptimizationHints,MediaRouter,"+
			"NetworkTimeServiceQuerying,AutofillServerCommunication,InterestFeedContentSuggestions,"+
			// Newer builds ask Google whether its AI search mode is
			// available (www.google.com/async/folae).
			"AimEligibilityService,AimServerEligibilityEnabled,AimEnabled,"+
			// and keep a connection to the search engine open.
			"PreconnectToSearch,SearchEnginePreconnect2"),
		chromedp.Flag("metrics-recording-only", true),
		// Chromium builds otherwise switch on experiments from their
		// field-trial testing config.
		chromedp.Flag("disable-field-trial-config", true),
		// Every request not bound for loopback (which always bypasses the
		// proxy) lands in the recording black hole, and no host name is
		// resolved, so nothing leaves 127.0.0.1 whatever the page does.
		chromedp.ProxyServer("http://"+proxy.addr()),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		// Two services ignore the flags above and call Google at startup:
		// on-demand component updates (the on-device AI model manifest) and
		// the account list. Send them to the black hole directly, as
		// loopback requests, so that they do not count as the page's.
		chromedp.Flag("component-updater", "url-source=http://"+proxy.addr()+"/component-updater"),
		chromedp.Flag("use-fake-device-for-media-stream", o.Camera),
		chromedp.Flag("use-fake-ui-for-media-stream", o.Camera),
		chromedp.Flag("gaia-url", "http://"+proxy.addr()),
		// Push messaging's check-in with Google (android.clients.google.com),
		// which newer builds start on their own, goes there too.
		chromedp.Flag("gcm-checkin-url", "http://"+proxy.addr()+"/checkin"),
		chromedp.Flag("gcm-registration-url", "http://"+proxy.addr()+"/c2dm/register3"),
		chromedp.Flag("gcm-mcs-endpoint", "http://"+proxy.addr()+"/mcs"),
		chromedp.WindowSize(o.Width, o.Height),
		chromedp.UserDataDir(o.Profile),
		chromedp.Env("TMPDIR="+tmp),
	)
	// NASSS_NETLOG=/path/prefix writes each browser's network log, to find
	// out what made an unexpected request.
	if nl := os.Getenv("NASSS_NETLOG"); nl != "" {
		opts = append(opts, chromedp.Flag("log-net-log", fmt.Sprintf("%s.%d", nl, time.Now().UnixNano())), chromedp.Flag("net-log-capture-mode", "Everything"))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	// The default browser context, not WithNewBrowserContext: creating one
	// fails on this Chromium, and only the default context persists in the
	// profile, which the cold-start offline test relies on.
	ctx, cancelTab := chromedp.NewContext(allocCtx)

	b := &browser{
		t:           t,
		opts:        o,
		ctx:         ctx,
		cancelTab:   cancelTab,
		cancelAlloc: cancelAlloc,
		dlDir:       dl,
		proxy:       proxy,
		completed:   make(chan downloadResult, 16),
		names:       map[string]string{},
		workers:     map[target.ID]bool{},
	}
	// Listeners registered before the first run are attached with the tab,
	// so nothing from the first navigation is missed.
	chromedp.ListenTarget(ctx, b.onPageEvent)
	chromedp.ListenBrowser(ctx, b.onBrowserEvent)
	t.Cleanup(b.close)

	// The first Run starts Chromium, whose lifetime is bound to the context
	// of that Run: it must be the tab context itself, not one with the
	// per-call timeout (chromedp's own launch timeout still applies).
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	b.run(
		// The window cannot shrink to phone widths in headless mode, so
		// emulate the viewport as well.
		chromedp.EmulateViewport(int64(o.Width), int64(o.Height)),
		// Downloads are on from the start, so a test can trigger one
		// before it asks for the directory.
		cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).
			WithDownloadPath(dl).
			WithEventsEnabled(true),
	)
	if o.Offline {
		b.setOffline(true)
	}
	return b
}

// close shuts the browser down and waits for the process to exit, so that
// its profile can be reused or removed. It is idempotent and also runs at
// test cleanup.
func (b *browser) close() {
	b.closeOnce.Do(func() {
		b.mu.Lock()
		b.closed = true
		b.mu.Unlock()
		ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
		defer cancel()
		if err := chromedp.Cancel(ctx); err != nil && !errors.Is(err, context.Canceled) {
			b.t.Logf("closing the browser: %v", err)
		}
		b.cancelTab()
		if b.tab {
			return
		}
		b.cancelAlloc() // waits for the process
		b.proxy.close()
	})
}

// newTab opens another tab in the same browser, on the same profile, as a
// person opens the app twice. It closes with the browser, or before.
func (b *browser) newTab() *browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tab := &browser{
		t: b.t, opts: b.opts, ctx: ctx, cancelTab: cancel, cancelAlloc: func() {},
		dlDir: b.dlDir, proxy: b.proxy, tab: true,
		completed: make(chan downloadResult, 16),
		names:     map[string]string{},
		workers:   map[target.ID]bool{},
	}
	chromedp.ListenTarget(ctx, tab.onPageEvent)
	if err := chromedp.Run(ctx); err != nil {
		b.t.Fatalf("open a tab: %v", err)
	}
	tab.run(chromedp.EmulateViewport(int64(b.opts.Width), int64(b.opts.Height)))
	b.t.Cleanup(tab.close)
	return tab
}

// run executes actions with the per-call timeout. On error it fails the test
// with the page URL and the last console messages, which is usually enough
// to see why.
func (b *browser) run(actions ...chromedp.Action) {
	b.t.Helper()
	if err := b.runErr(actions...); err != nil {
		b.t.Fatalf("browser: %v\npage: %s\n%s", err, b.pageURL(), b.consoleTail(failureLogs))
	}
}

// runErr is run for actions that are expected to fail, such as a navigation
// while the server is stopped: it returns the error instead of failing.
func (b *browser) runErr(actions ...chromedp.Action) error {
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed {
		return errors.New("browser already closed")
	}
	ctx, cancel := context.WithTimeout(b.ctx, b.opts.Timeout)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// eval evaluates js in the page and decodes its JSON value into out (which
// may be nil). A promise is awaited.
func (b *browser) eval(js string, out any) {
	b.t.Helper()
	b.run(chromedp.Evaluate(js, out, awaitPromise))
}

// awaitPromise is a chromedp.Evaluate option that makes the evaluation wait
// for a returned promise to settle.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// waitFor polls the JavaScript expression js every 50 ms until it is
// truthy, or, if it is a promise, until what it resolves to is. It gives up
// when the run's context ends, reporting the expression and the last
// evaluation error. Errors while polling (say, during a navigation, or
// before an element exists) are retried.
func waitFor(js string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		// The newline lets js end with a // comment.
		expr := "Promise.resolve(" + js + "\n).then(v => !!v)"
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		var last error
		for {
			var ok bool
			err := chromedp.Evaluate(expr, &ok, awaitPromise).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if err != nil && ctx.Err() == nil {
				last = err
			}
			select {
			case <-ctx.Done():
				if last != nil {
					return fmt.Errorf("waiting for %s: %w (last error: %v)", js, ctx.Err(), last)
				}
				return fmt.Errorf("waiting for %s: %w", js, ctx.Err())
			case <-tick.C:
			}
		}
	})
}

// setOffline turns DevTools network emulation on or off for the tab and the
// workers attached so far (later ones inherit the setting). navigator.onLine
// follows it. Workers attach asynchronously, so a service worker that starts
// after this call may make its first requests before it is emulated offline;
// tests that must be truly offline stop the testServer instead.
func (b *browser) setOffline(offline bool) {
	b.t.Helper()
	b.mu.Lock()
	b.offline = offline
	b.mu.Unlock()
	b.run(emulateNetwork(offline))
}

// emulateNetwork is the CDP action behind setOffline.
func emulateNetwork(offline bool) chromedp.Action {
	// -1 disables throttling; only the offline switch matters here.
	return network.EmulateNetworkConditions(offline, 0, -1, -1)
}

// onPageEvent records what the tab reports. It runs on chromedp's event
// loop, so it must not block or call back into the browser.
func (b *browser) onPageEvent(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.addRequest(ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		b.addLog("console." + string(ev.Type) + ": " + formatArgs(ev.Args))
	case *runtime.EventExceptionThrown:
		b.addLog("exception: " + formatException(ev.ExceptionDetails))
	case *cdplog.EventEntryAdded:
		// Browser-side messages: failed loads, CSP and mixed content.
		e := ev.Entry
		b.addLog(fmt.Sprintf("log.%s (%s): %s %s", e.Level, e.Source, e.Text, e.URL))
	case *inspector.EventTargetCrashed:
		b.addLog("harness: the page crashed")
	case *page.EventJavascriptDialogOpening:
		// The page asks before it is left with a change unsaved: say yes,
		// as the test asked to leave, and note it.
		b.addLog(fmt.Sprintf("harness: the page asked before leaving (%s dialog): left anyway", ev.Type))
		go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(true))
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" {
			b.mu.Lock()
			b.mainID, b.url = string(ev.Frame.ID), ev.Frame.URL
			b.mu.Unlock()
		}
	case *page.EventNavigatedWithinDocument:
		b.mu.Lock()
		if string(ev.FrameID) == b.mainID {
			b.url = ev.URL
		}
		b.mu.Unlock()
	case *cdpbrowser.EventDownloadWillBegin:
		b.mu.Lock()
		b.names[ev.GUID] = ev.SuggestedFilename
		b.mu.Unlock()
	case *cdpbrowser.EventDownloadProgress:
		if ev.State == cdpbrowser.DownloadProgressStateInProgress {
			return
		}
		b.mu.Lock()
		name := b.names[ev.GUID]
		b.mu.Unlock()
		select {
		case b.completed <- downloadResult{guid: ev.GUID, name: name, path: ev.FilePath, state: ev.State}:
		default:
			b.addLog("harness: download dropped, too many unclaimed downloads: " + name)
		}
	}
}

// onBrowserEvent watches browser-wide target discovery to attach to the
// page's workers. chromedp drops the events of sessions it did not create
// (including those the tab auto-attaches), so each worker gets its own
// chromedp context instead.
func (b *browser) onBrowserEvent(ev any) {
	var info *target.Info
	switch ev := ev.(type) {
	case *target.EventTargetCreated:
		info = ev.TargetInfo
	case *target.EventTargetInfoChanged:
		info = ev.TargetInfo
	default:
		return
	}
	switch info.Type {
	case "service_worker", "shared_worker", "worker":
	default:
		return
	}
	b.mu.Lock()
	seen := b.workers[info.TargetID] || b.closed
	b.workers[info.TargetID] = true
	b.mu.Unlock()
	if !seen {
		// Attaching sends commands, which must not happen on the event loop.
		go b.attachWorker(info.TargetID, info.Type)
	}
}

// attachWorker records the requests and console output of one worker. The
// worker context is never cancelled on its own, since that would close the
// worker target; it ends with the browser.
func (b *browser) attachWorker(id target.ID, kind string) {
	wctx, _ := chromedp.NewContext(b.ctx, chromedp.WithTargetID(id))
	chromedp.ListenTarget(wctx, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.addRequest(ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			b.addLog(kind + " console." + string(ev.Type) + ": " + formatArgs(ev.Args))
		case *runtime.EventExceptionThrown:
			b.addLog(kind + " exception: " + formatException(ev.ExceptionDetails))
		}
	})
	// The first Run attaches, enabling the Runtime, Log and Network
	// domains. Like the tab's, it must run on the worker context itself:
	// the worker's event loop lives as long as the context of that Run.
	if err := chromedp.Run(wctx); err != nil {
		b.mu.Lock()
		closed := b.closed
		b.mu.Unlock()
		if !closed { // short-lived workers may be gone already
			b.addLog(fmt.Sprintf("harness: could not attach to %s %s: %v", kind, id, err))
		}
		return
	}
	b.mu.Lock()
	offline := b.offline
	b.mu.Unlock()
	if offline {
		ctx, cancel := context.WithTimeout(wctx, 10*time.Second)
		defer cancel()
		_ = chromedp.Run(ctx, emulateNetwork(true))
	}
}

// addRequest records a requested URL for offsiteRequests.
func (b *browser) addRequest(u string) {
	b.mu.Lock()
	b.reqs = append(b.reqs, u)
	b.mu.Unlock()
}

// addLog appends a console line, dropping the oldest beyond maxLogs.
func (b *browser) addLog(s string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.logs) >= maxLogs {
		b.logs = slices.Delete(b.logs, 0, len(b.logs)-maxLogs+1)
	}
	b.logs = append(b.logs, s)
}

// console returns the console messages, JavaScript exceptions and browser
// log entries of the page and its workers so far, oldest first.
func (b *browser) console() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.logs)
}

// consoleTail formats the last n console lines for a failure message.
func (b *browser) consoleTail(n int) string {
	logs := b.console()
	if len(logs) == 0 {
		return "console: (empty)"
	}
	if len(logs) > n {
		logs = logs[len(logs)-n:]
	}
	return fmt.Sprintf("console (last %d):\n\t%s", len(logs), strings.Join(logs, "\n\t"))
}

// pageURL is the URL of the top-level document as last reported by the
// page, available even when the page no longer answers.
func (b *browser) pageURL() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.url == "" {
		return "(none)"
	}
	return b.url
}

// formatArgs renders console arguments roughly as DevTools prints them.
func formatArgs(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var s string
		switch {
		case a.Type == runtime.TypeString && len(a.Value) > 0:
			if err := json.Unmarshal(a.Value, &s); err != nil {
				s = string(a.Value)
			}
		case len(a.Value) > 0:
			s = string(a.Value)
		case a.UnserializableValue != "":
			s = string(a.UnserializableValue)
		case a.Description != "":
			s = a.Description
		default:
			s = string(a.Type)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// formatException renders an uncaught exception with its stack when known.
func formatException(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Text + " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", d.Text, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// requests returns every URL the page and its attached workers requested,
// plus what reached the black-hole proxy, in order of arrival per source.
func (b *browser) requests() []string {
	b.mu.Lock()
	reqs := slices.Clone(b.reqs)
	b.mu.Unlock()
	for _, u := range b.proxy.seen() {
		if !chromiumService[u] {
			reqs = append(reqs, u)
		}
	}
	return reqs
}

// chromiumService lists what Chromium itself fetches, which no page can
// cause: the spell-checking dictionary, fetched the first time a text
// field is used despite the profile preference against it. The black-hole
// proxy refuses it, so it never leaves the machine either; a page's own
// request to the same host would still be caught by the DevTools events.
var chromiumService = map[string]bool{
	"https://redirector.gvt1.com:443": true,
}

// offsiteRequests returns, without duplicates, the requested URLs whose host
// is not 127.0.0.1; tests assert it is empty. Local schemes (data:, blob:,
// about:, chrome:, chrome-extension:, devtools:) are ignored.
//
// Coverage: the tab's own requests (DevTools Network events, including those
// a service worker answers), the requests of service, shared and dedicated
// workers once the harness has attached to them (a worker's very first
// requests can precede the attachment), and, without any gap, every request
// of the whole browser process that tried to leave 127.0.0.1, since those go
// through the recording black-hole proxy (as https://host:port for TLS).
func (b *browser) offsiteRequests() []string {
	var out []string
	for _, raw := range b.requests() {
		u, err := url.Parse(raw)
		if err != nil {
			out = append(out, raw)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about", "chrome", "chrome-extension", "devtools":
			continue
		}
		if u.Hostname() != "127.0.0.1" && !slices.Contains(out, raw) {
			out = append(out, raw)
		}
	}
	return out
}

// downloadDir is where the browser saves downloads. Downloads are enabled
// from the start with Chromium's "allow" behaviour, which keeps the
// suggested filename.
func (b *browser) downloadDir() string {
	return b.dlDir
}

// waitDownload waits for the next download to complete and returns the path
// of the file, named with its suggested filename. The file is moved into a
// folder of its own under downloadDir, so that a later download of the same
// name is not renamed "x (1).txt" by Chromium.
func (b *browser) waitDownload(timeout time.Duration) (path string) {
	b.t.Helper()
	var d downloadResult
	select {
	case d = <-b.completed:
	case <-time.After(timeout):
		b.t.Fatalf("no download completed within %v\npage: %s\n%s", timeout, b.pageURL(), b.consoleTail(failureLogs))
	}
	if d.state != cdpbrowser.DownloadProgressStateCompleted {
		b.t.Fatalf("download %q: %s\n%s", d.name, d.state, b.consoleTail(failureLogs))
	}
	src := d.path // filled in by recent Chromium
	if src == "" {
		src = filepath.Join(b.dlDir, d.name)
	}
	name := d.name
	if name == "" {
		name = filepath.Base(src)
	}
	if _, err := os.Stat(src); err != nil {
		b.t.Fatalf("download %q completed but: %v", name, err)
	}
	dst := filepath.Join(b.dlDir, d.guid, name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.Rename(src, dst); err != nil {
		b.t.Fatal(err)
	}
	return dst
}

// screenshot saves a full-page PNG of the page as
// testOutputDir()/screenshots/<name>-<width>.png and returns its path.
func (b *browser) screenshot(name string) string {
	b.t.Helper()
	var buf []byte
	// Quality 100 selects PNG; anything lower is JPEG.
	b.run(chromedp.FullScreenshot(&buf, 100))
	// Subtest names contain slashes.
	name = strings.NewReplacer("/", "_", " ", "_").Replace(name)
	path := filepath.Join(testOutputDir(), "screenshots", fmt.Sprintf("%s-%d.png", name, b.opts.Width))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

// testOutputDir is where tests leave artefacts for humans: $NASSS_TEST_OUTPUT,
// or else the git-ignored testoutput/ folder at the repository root.
func testOutputDir() string {
	if d := os.Getenv("NASSS_TEST_OUTPUT"); d != "" {
		if abs, err := filepath.Abs(d); err == nil {
			return abs
		}
		return d
	}
	if root := repoRoot(); root != "" {
		return filepath.Join(root, "testoutput")
	}
	return filepath.Join(os.TempDir(), "nasss-testoutput")
}

// repoRoot walks up from the working directory to the folder holding
// go.mod, or returns "" if there is none.
func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// axeViolation is one failed axe-core rule with the elements that fail it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	// Nodes holds, per failing element, its CSS selector and a short
	// snippet of its HTML.
	Nodes []string `json:"nodes"`
}

// axeTags are the rule sets checked: WCAG 2.0, 2.1 and 2.2 at levels A and
// AA, plus axe's best practices (landmarks, one h1, and so on).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// axeRun runs axe-core on the document and keeps only what a failure message
// needs. axe works offline: it fetches nothing, and the request guard would
// tell if it did.
const axeRun = `(async () => {
	const r = await axe.run(document, {
		runOnly: {type: 'tag', values: %s},
		resultTypes: ['violations'],
	});
	return r.violations.map(v => ({
		id: v.id,
		impact: v.impact || '',
		help: v.help,
		helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => n.target.map(String).join(' ') + '  ' +
			n.html.replace(/\s+/g, ' ').slice(0, 160)),
	}));
})()`

// axe checks the current page with axe-core (from app/e2e/node_modules,
// installed by npm ci) and returns the violations, none meaning it passes.
func (b *browser) axe() []axeViolation {
	b.t.Helper()
	var loaded bool
	b.eval(`typeof window.axe === 'object'`, &loaded)
	if !loaded {
		b.run(chromedp.Evaluate(axeSource(b.t), nil))
	}
	tags, _ := json.Marshal(axeTags)
	var out []axeViolation
	b.eval(fmt.Sprintf(axeRun, tags), &out)
	return out
}

// axeSource reads axe.min.js, looked up from the test's working directory
// (app/e2e) and then from the repository root.
func axeSource(t testing.TB) string {
	t.Helper()
	rel := filepath.Join("node_modules", "axe-core", "axe.min.js")
	candidates := []string{rel}
	if root := repoRoot(); root != "" {
		candidates = append(candidates, filepath.Join(root, "app", "e2e", rel))
	}
	for _, p := range candidates {
		if src, err := os.ReadFile(p); err == nil {
			return string(src)
		}
	}
	t.Fatal("axe-core is missing for the accessibility checks; run: cd app/e2e && npm ci")
	return ""
}

// formatViolations renders violations for a failure message, one rule per
// paragraph with its failing elements.
func formatViolations(vs []axeViolation) string {
	var sb strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&sb, "%s (%s): %s\n  %s\n", v.ID, v.Impact, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&sb, "  - %s\n", n)
		}
	}
	return sb.String()
}

// testServer serves a handler on 127.0.0.1 and can be stopped and started
// again on the same port, which is how tests take the site offline.
type testServer struct {
	// URL is the base URL, http://127.0.0.1:port, stable across Stop/Start.
	URL string

	t    testing.TB   // the test that owns the server
	h    http.Handler // served by each (re)start
	addr string       // 127.0.0.1:port, kept across restarts
	mu   sync.Mutex   // guards srv
	srv  *http.Server // nil while stopped
}

// startServer serves h on a free loopback port until the test ends.
func startServer(t testing.TB, h http.Handler) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &testServer{t: t, h: h, addr: ln.Addr().String()}
	s.URL = "http://" + s.addr
	s.serve(ln)
	t.Cleanup(s.Stop)
	return s
}

// serve starts serving on ln.
func (s *testServer) serve(ln net.Listener) {
	srv := &http.Server{Handler: s.h, ReadHeaderTimeout: 10 * time.Second}
	s.srv = srv
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.t.Errorf("test server: %v", err)
		}
	}()
}

// Stop closes the listener and every open connection, keep-alive ones
// included, so the browser finds the site unreachable. It is a no-op when
// already stopped.
func (s *testServer) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv == nil {
		return
	}
	if err := s.srv.Close(); err != nil {
		s.t.Errorf("stop test server: %v", err)
	}
	s.srv = nil
}

// Start listens again on the same address after Stop. Go sets SO_REUSEADDR
// on listeners, so the port's TIME_WAIT connections do not block it; the
// retry only covers the moment the old socket takes to be released.
func (s *testServer) Start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return
	}
	deadline := time.Now().Add(3 * time.Second)
	for {
		ln, err := net.Listen("tcp", s.addr)
		if err == nil {
			s.serve(ln)
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("restart test server on %s: %v", s.addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// blackhole is an HTTP proxy on 127.0.0.1 that records each request it gets
// and refuses it without contacting anything. Chromium sends it every
// request not bound for loopback.
type blackhole struct {
	ln net.Listener
	wg sync.WaitGroup // accept loop and open connections

	mu   sync.Mutex // guards urls
	urls []string   // what was refused, in order
}

// startBlackhole listens on a free loopback port.
func startBlackhole() (*blackhole, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &blackhole{ln: ln}
	p.wg.Go(p.accept)
	return p, nil
}

// addr is the proxy's host:port.
func (p *blackhole) addr() string { return p.ln.Addr().String() }

// accept serves connections until the listener closes.
func (p *blackhole) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.wg.Go(func() { p.refuse(c) })
	}
}

// refuse records the request on c and answers 403.
func (p *blackhole) refuse(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil {
		return
	}
	u := req.URL.String() // absolute form for plain HTTP
	if req.Method == http.MethodConnect {
		u = "https://" + req.Host // TLS tunnels only reveal host:port
	} else if req.URL.Host == "" {
		u = "http://" + req.Host + req.URL.RequestURI()
	}
	p.mu.Lock()
	p.urls = append(p.urls, u)
	p.mu.Unlock()
	_, _ = io.WriteString(c, "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
}

// seen returns the URLs the proxy refused so far.
func (p *blackhole) seen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.urls)
}

// close stops the proxy and waits for its goroutines.
func (p *blackhole) close() {
	p.ln.Close()
	p.wg.Wait()
}
