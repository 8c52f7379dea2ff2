package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/nasss-toolkit/nasss/app/server"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// The site under test and the command line, built once for all tests.
var (
	site   *server.Site
	webDir string
	cli    string
)

func TestMain(m *testing.M) {
	root := repoRoot()
	webDir = filepath.Join(root, "web")
	tmp, err := os.MkdirTemp("", "nasss-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cli = filepath.Join(tmp, "nasss")
	if err := buildApp(root, tmp); err != nil {
		fmt.Fprintln(os.Stderr, "building the app for the browser tests:", err)
		os.Exit(1)
	}
	if site, err = server.New(webDir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// buildApp builds the command line and the two wasm files. Each replaces
// its copy in web/ only when it changed, so the pre-compressed copies (slow to
// make) are reused across runs.
func buildApp(root, tmp string) error {
	run := func(env []string, args ...string) error {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if err := run(nil, "build", "-o", cli, "./cmd/nasss"); err != nil {
		return err
	}
	for name, pkg := range map[string]string{server.WasmName: "./cmd/nasss", server.PDFWasmName: "./cmd/nasss-pdf"} {
		fresh := filepath.Join(tmp, name)
		if err := run([]string{"GOOS=js", "GOARCH=wasm"}, "build", "-trimpath", "-ldflags=-s -w", "-o", fresh, pkg); err != nil {
			return err
		}
		if err := replaceIfChanged(fresh, filepath.Join(root, "web", name)); err != nil {
			return err
		}
	}
	return nil
}

// replaceIfChanged puts a fresh build in place of dst only if it differs,
// and in one step, so a server starting meanwhile never reads half a file.
func replaceIfChanged(fresh, dst string) error {
	data, err := os.ReadFile(fresh)
	if err != nil {
		return err
	}
	if old, _ := os.ReadFile(dst); bytes.Equal(data, old) {
		return nil
	}
	if err := os.WriteFile(dst+".tmp", data, 0o644); err != nil {
		return err
	}
	return os.Rename(dst+".tmp", dst)
}

// swappable lets a test change the site behind a running server, as a
// deployment of a new version would.
type swappable struct{ h atomic.Pointer[http.Handler] }

func (s *swappable) ServeHTTP(w http.ResponseWriter, r *http.Request) { (*s.h.Load()).ServeHTTP(w, r) }

func serveSite(t *testing.T, h http.Handler) (*testServer, *swappable) {
	sw := &swappable{}
	sw.h.Store(&h)
	return startServer(t, sw), sw
}

// ready waits until the app has loaded and drawn its page.
var ready = waitFor(`window.nasssReady === true && !document.getElementById("app-wasm-loader")`)

// waitForWithin is waitFor with its own time limit.
func waitForWithin(js string, d time.Duration) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		return waitFor(js).Do(ctx)
	})
}

// open loads a URL and waits for the app.
func (b *browser) open(url string) {
	b.t.Helper()
	b.run(chromedp.Navigate(url), ready)
}

// readRecords is a JavaScript function that reads the app's database
// itself, as the app keeps it: a promise of every record by ID, each
// {rev, text}. It never creates the database, which would leave the app
// one without its stores.
const readRecords = `(async () => {
	const names = (await indexedDB.databases()).map(d => d.name);
	if (!names.includes("nasss")) return {};
	const db = await new Promise((ok, fail) => { const r = indexedDB.open("nasss"); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
	try {
		const all = await new Promise((ok, fail) => {
			const r = db.transaction("records", "readonly").objectStore("records").getAll();
			r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error);
		});
		return Object.fromEntries(all.map(rec => [rec.id, {rev: rec.rev, text: new TextDecoder().decode(rec.data)}]));
	} finally { db.close(); }
})`

// stored is a JavaScript expression, a promise, of what expr makes of an
// assessment as the app keeps it; in expr the assessment is a (null when
// there is none).
func stored(id, expr string) string {
	return fmt.Sprintf(`%s().then(all => { const a = all[%q] ? JSON.parse(all[%q].text) : null; return (%s); })`, readRecords, id, id, expr)
}

func (b *browser) text(sel string) string {
	var s string
	b.eval(fmt.Sprintf(`(document.querySelector(%q) || {}).textContent || ""`, sel), &s)
	return s
}

func (b *browser) activeID() string {
	var s string
	b.eval(`document.activeElement ? document.activeElement.id : ""`, &s)
	return s
}

// focusOn waits up to three seconds for focus to reach an element, as the
// app moves it once the page is drawn, and returns where focus is then.
func (b *browser) focusOn(id string) string {
	b.runErr(waitForWithin(fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, id), 3*time.Second))
	return b.activeID()
}

// waitHeading waits for a client-side page change to land.
func (b *browser) waitHeading(contains string) {
	b.t.Helper()
	b.run(waitFor(fmt.Sprintf(`(document.getElementById("page-heading") || {textContent: ""}).textContent.includes(%q)`, contains)))
}

// tabTo presses Tab until the element with the given ID has focus.
func (b *browser) tabTo(id string) {
	b.t.Helper()
	for range 120 {
		if b.activeID() == id {
			return
		}
		b.run(chromedp.KeyEvent(kb.Tab))
	}
	b.t.Fatalf("Tab never reached #%s (focus is on #%s)", id, b.activeID())
}

// insertText types text into the focused field as one input event, as an
// input method would: fast enough for a 10,000-character note.
func insertText(s string) chromedp.Action { return input.InsertText(s) }

// answer is one rating and note to give.
type answer struct {
	level q.Level
	note  string
}

// answerItem clicks a level and types a note for one item.
func (b *browser) answerItem(id string, a answer) {
	b.t.Helper()
	base := "#item-" + id
	radio := base + "-" + string(a.level)
	checked := waitForWithin(fmt.Sprintf(`document.querySelector(%q).checked`, radio), 3*time.Second)
	// chromedp clicks at coordinates it measured a moment before; when the
	// page scrolls in between, as it does when focus moves to the heading
	// of a page just drawn, the click lands elsewhere. A person would click
	// again, and so does the test; a radio that never checks still fails.
	b.run(chromedp.Click(radio, chromedp.ByQuery))
	for try := 0; b.runErr(checked) != nil; try++ {
		if try == 2 {
			b.t.Fatalf("%s did not become checked after three clicks", radio)
		}
		b.run(chromedp.Click(radio, chromedp.ByQuery))
	}
	if a.note != "" {
		b.run(chromedp.Focus(base+"-note", chromedp.ByQuery), insertText(a.note))
	}
	b.run(saved)
}

// saved waits until every change is stored, as a person waits for the
// tick: leaving a page sooner asks first, as the database would lose the
// write.
// Where the browser refuses storage, nothing ever is.
var saved = waitFor(`!window.nasssUnsaved || !nasssUnsaved() || window.nasssKept === false`)

// answerByKeyboard rates an item with the keyboard alone: Tab into the
// radios (focus lands on the checked one, or the first), Space and arrows
// to choose, Tab to the note and type.
func (b *browser) answerByKeyboard(id string, a answer) {
	b.t.Helper()
	var name string
	for range 120 {
		b.eval(`document.activeElement ? document.activeElement.name || "" : ""`, &name)
		if name == "level-"+id {
			break
		}
		b.run(chromedp.KeyEvent(kb.Tab))
	}
	if name != "level-"+id {
		b.t.Fatalf("Tab never reached the radios of %s", id)
	}
	var current string
	b.eval(`document.activeElement.value`, &current)
	// Each key waits for the page to show its effect, as a person would.
	settled := func(l string) chromedp.Action {
		return waitFor(fmt.Sprintf(`document.activeElement.id === %q && document.activeElement.checked`, "item-"+id+"-"+l))
	}
	b.run(chromedp.KeyEvent(" "), settled(current)) // selects the focused radio if none was
	index := func(l q.Level) int {
		for i, x := range q.AllLevels {
			if x == l {
				return i
			}
		}
		return -1
	}
	for i := index(q.Level(current)); i < index(a.level); i++ {
		b.run(chromedp.KeyEvent(kb.ArrowDown), settled(string(q.AllLevels[i+1])))
	}
	for i := index(q.Level(current)); i > index(a.level); i-- {
		b.run(chromedp.KeyEvent(kb.ArrowUp), settled(string(q.AllLevels[i-1])))
	}
	if a.note != "" {
		b.tabTo("item-" + id + "-note")
		b.run(chromedp.KeyEvent(kb.End), chromedp.KeyEvent(a.note))
	}
}

// continueToNext follows the Continue link and waits for the next page.
func (b *browser) continueToNext(nextHeading string) {
	b.t.Helper()
	b.run(chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading(nextHeading)
}

// startAssessment fills in the project page and returns the new ID.
func (b *browser) startAssessment(base, name string, mode q.Mode) string {
	b.t.Helper()
	b.open(base + "/")
	b.run(chromedp.Click("#start", chromedp.ByQuery))
	b.waitHeading("Start a new assessment")
	b.run(chromedp.Focus("#project-name", chromedp.ByQuery), insertText(name),
		chromedp.Click("#mode-"+string(mode), chromedp.ByQuery),
		chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[0].Title)
	var id string
	b.eval(`new URLSearchParams(location.search).get("a")`, &id)
	if id == "" {
		b.t.Fatal("no assessment ID in the URL after starting")
	}
	return id
}

// quickAnswers and fullAnswers are what the journeys answer.
var quickAnswers = map[string]answer{
	"Q1": {q.Complicated, "Most residents have dementia."},
	"Q2": {q.Complex, ""},
	"Q3": {q.Unknown, "Ask finance."},
	"Q4": {q.Complicated, ""},
	"Q5": {q.Complex, "Two councils must agree."},
	"Q6": {q.Simple, ""},
	"Q7": {q.NotApplicable, ""},
}

func fullAnswers() map[string]answer {
	levels := []q.Level{q.Simple, q.Complicated, q.Complex, q.Complicated, q.Unknown, q.Complex}
	out := map[string]answer{}
	for i, it := range q.Default().Items(q.Full) {
		a := answer{level: levels[i%len(levels)]}
		if i%5 == 0 {
			a.note = "Note on " + it.ID + ": checked with the ward manager."
		}
		out[it.ID] = a
	}
	return out
}

// complete answers every domain page in order, the second by keyboard
// alone, and lands on "Check your answers".
func (b *browser) complete(mode q.Mode, answers map[string]answer, shots string) {
	b.t.Helper()
	bank := q.Default()
	for n, d := range bank.Domains {
		b.waitHeading(d.Title)
		if n > 0 {
			// Focus moves to the new heading, as a screen reader needs.
			if err := b.runErr(waitForWithin(`document.activeElement && document.activeElement.id === "page-heading"`, 5*time.Second)); err != nil {
				b.t.Errorf("after moving to %q focus is on #%s, not the heading", d.Title, b.activeID())
			}
		}
		for _, it := range d.ItemsFor(mode) {
			if n == 1 {
				b.answerByKeyboard(it.ID, answers[it.ID])
			} else {
				b.answerItem(it.ID, answers[it.ID])
			}
		}
		if shots != "" && n == 1 {
			b.screenshot(shots + "-domain")
		}
		next := "Check your answers"
		if n+1 < len(bank.Domains) {
			next = bank.Domains[n+1].Title
		}
		if n == 1 {
			b.tabTo("continue")
			b.run(chromedp.KeyEvent(kb.Enter))
			b.waitHeading(next)
			continue
		}
		b.continueToNext(next)
	}
}

// exportFile clicks an export button and returns the downloaded file.
func (b *browser) exportFile(button string) string {
	b.t.Helper()
	b.downloadDir()
	b.run(chromedp.Click(button, chromedp.ByQuery))
	path := b.waitDownload(20 * time.Second)
	if !strings.HasSuffix(path, ".nasss.json") {
		b.t.Fatalf("downloaded %s, want a .nasss.json file", path)
	}
	return path
}

// resultsMatchCLI goes from "Check your answers" to the results, exports
// the file and checks that the page shows the levels `nasss score` gives
// for it. It returns the exported file.
func (b *browser) resultsMatchCLI(t *testing.T) string {
	t.Helper()
	b.run(chromedp.Click("#see-results", chromedp.ByQuery))
	b.waitHeading("Results")
	file := b.exportFile("#export")
	if got, want := strings.Join(b.domainLevels(), " "), strings.Join(cliLevels(t, file), " "); got != want {
		t.Errorf("the app shows domain levels %q, nasss score says %q", got, want)
	}
	return file
}

// domainLevels reads the level of each domain card on the results page.
func (b *browser) domainLevels() []string {
	var levels []string
	b.eval(`[...document.querySelectorAll(".domain-card")].map(e => e.dataset.level)`, &levels)
	return levels
}

// cliLevels scores a file with the command line, as `nasss score --json`.
func cliLevels(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command(cli, "score", "--json", file).Output()
	if err != nil {
		t.Fatalf("nasss score %s: %v", file, err)
	}
	var rep struct {
		Profile struct {
			Domains []struct{ Level string }
		}
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	var levels []string
	for _, d := range rep.Profile.Domains {
		levels = append(levels, d.Level)
	}
	return levels
}

// checkClean fails on accessibility violations and off-site requests.
func (b *browser) checkClean(page string) {
	b.t.Helper()
	if v := b.axe(); len(v) > 0 {
		b.t.Errorf("axe finds %d violations on %s:\n%s", len(v), page, formatViolations(v))
	}
	if r := b.offsiteRequests(); len(r) > 0 {
		b.t.Errorf("requests left 127.0.0.1 on %s: %v", page, r)
	}
	// What the security policy refused never took effect: an inline style,
	// say, that was meant to draw a bar.
	for _, line := range b.console() {
		if strings.Contains(line, "Content Security Policy") {
			b.t.Errorf("the security policy refused something on %s: %s", page, line)
		}
	}
}

// waitCached waits until the service worker is active, which it becomes
// only once every file is in its cache: from then on the app works offline.
func (b *browser) waitCached() {
	b.t.Helper()
	var ok bool
	b.eval(`navigator.serviceWorker.ready.then(() => caches.keys()).then(keys => keys.some(k => k.startsWith("nasss-")))`, &ok)
	if !ok {
		b.t.Fatal("the service worker is active but its cache is missing")
	}
	// The PDF maker's files follow once the app is ready and idle.
	var missing []string
	b.eval(`(async () => {
		const want = [/\/web\/pdf\.[0-9a-f]{8}\.wasm$/, /\/web\/pdf-worker\.[0-9a-f]{8}\.js$/,
			/\/web\/fonts\/DejaVuSans\.[0-9a-f]{8}\.ttf$/, /\/web\/fonts\/DejaVuSans-Bold\.[0-9a-f]{8}\.ttf$/];
		let left = want;
		for (let i = 0; i < 150 && left.length > 0; i++) {
			const urls = [];
			for (const key of await caches.keys()) {
				for (const r of await (await caches.open(key)).keys()) urls.push(r.url);
			}
			left = want.filter(re => !urls.some(u => re.test(u)));
			if (left.length > 0) await new Promise(r => setTimeout(r, 200));
		}
		return left.map(String);
	})()`, &missing)
	if len(missing) > 0 {
		b.t.Fatalf("the PDF maker's files were not cached after the app was ready: %v", missing)
	}
}

// requestLog records when each request began and its response ended.
type requestLog struct {
	h  http.Handler
	mu sync.Mutex
	// reqs are in the order they began.
	reqs []loggedRequest
}

type loggedRequest struct {
	path       string
	start, end time.Time
}

func (l *requestLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	l.h.ServeHTTP(w, r)
	l.mu.Lock()
	l.reqs = append(l.reqs, loggedRequest{r.URL.Path, start, time.Now()})
	l.mu.Unlock()
}

// TestFirstVisit: the PDF maker's files wait until the app is ready, the
// wasm is fetched once, under its hashed URL, and a PDF can then be made
// offline from a cold start.
func TestFirstVisit(t *testing.T) {
	log := &requestLog{h: site}
	srv := startServer(t, log)
	profile := filepath.Join(t.TempDir(), "profile")
	b := newBrowser(t, browserOpts{Profile: profile})
	b.open(srv.URL + "/")
	b.waitCached()
	b.close()
	log.mu.Lock()
	reqs := slices.Clone(log.reqs)
	log.mu.Unlock()
	wasm := site.HashedURL(server.WasmName)
	var wasmEnd time.Time
	fetched := map[string]int{}
	for _, r := range reqs {
		fetched[r.path]++
		if r.path == wasm {
			wasmEnd = r.end
		}
	}
	if fetched[wasm] != 1 || fetched["/web/"+server.WasmName] != 0 {
		t.Errorf("the first visit fetched %s %d times and /web/%s %d times; want once, by its hashed URL",
			wasm, fetched[wasm], server.WasmName, fetched["/web/"+server.WasmName])
	}
	for _, name := range []string{server.PDFWasmName, "pdf-worker.js", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"} {
		u := site.HashedURL(name)
		for _, r := range reqs {
			if r.path == u && r.start.Before(wasmEnd) {
				t.Errorf("%s was fetched while the app's wasm was still loading", u)
			}
		}
		if fetched[u] != 1 {
			t.Errorf("%s was fetched %d times on the first visit; want once", u, fetched[u])
		}
	}

	// No network at all now: the PDF still comes, from this one visit.
	srv.Stop()
	off := newBrowser(t, browserOpts{Profile: profile})
	off.importExample(srv.URL, "example-quick-1.nasss.json")
	off.open(srv.URL + "/results?a=example-1")
	off.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, off.waitDownload(30*time.Second)); !strings.Contains(text, "Remote monitoring for heart failure") {
		t.Errorf("the offline PDF lacks the project's name:\n%.300s", text)
	}
}

func TestQuickScanJourney(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	id := b.startAssessment(srv.URL, "Falls sensors in care homes", q.Quick)
	b.complete(q.Quick, quickAnswers, "quick")
	b.waitHeading("Check your answers")
	if got := b.text("#unknowns h2"); !strings.Contains(got, "(1)") {
		t.Errorf("check page lists %q as unknowns, want 1", got)
	}
	// "Change" from the check page comes back to it.
	b.run(chromedp.Click(`#unknowns a`, chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[2].Title)
	b.run(chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading("Check your answers")
	file := b.resultsMatchCLI(t)
	if err := b.runErr(waitForWithin(`document.getElementById("report-message").textContent.startsWith("Exported")`, 5*time.Second)); err != nil {
		t.Errorf("no confirmation after exporting: %q", b.text("#report-message"))
	}
	if got := b.text("#reading h2"); got != "2 of 7 domains are complex; 1 is not known enough" {
		t.Errorf("reading %q", got)
	}
	a := readFile(t, file)
	if a.ID != id || a.Respondents[0].Answers["Q5"].Note != "Two councils must agree." {
		t.Errorf("the exported file lost answers: %+v", a.Respondents[0].Answers)
	}
	b.checkClean("results")
}

func readFile(t *testing.T, path string) *q.Assessment {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := q.Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

func TestFullAssessmentReloadAndOffline(t *testing.T) {
	srv, _ := serveSite(t, site)
	profile := filepath.Join(t.TempDir(), "profile")
	b := newBrowser(t, browserOpts{Profile: profile})
	id := b.startAssessment(srv.URL, "Video consultations in outpatients", q.Full)
	answers := fullAnswers()
	bank := q.Default()

	// Answer the first three domains, then reload in the middle of the fourth.
	for n := range 3 {
		for _, it := range bank.Domains[n].Items {
			b.answerItem(it.ID, answers[it.ID])
		}
		b.continueToNext(bank.Domains[n+1].Title)
	}
	first := bank.Domains[3].Items[0]
	b.answerItem(first.ID, answer{q.Complex, "Typed just before the reload."})
	b.run(chromedp.Reload(), ready)
	b.waitHeading(bank.Domains[3].Title)
	var checked bool
	var note string
	b.eval(fmt.Sprintf(`document.getElementById("item-%s-complex").checked`, first.ID), &checked)
	b.eval(fmt.Sprintf(`document.getElementById("item-%s-note").value`, first.ID), &note)
	if !checked || note != "Typed just before the reload." {
		t.Errorf("after a reload: checked %v, note %q", checked, note)
	}

	// Finish from the fourth domain on.
	b.open(srv.URL + "/domain?a=" + id + "&d=1")
	b.complete(q.Full, answers, "")
	b.resultsMatchCLI(t)
	b.waitCached()
	b.checkClean("results (full)")
	b.close()

	// No server at all now: a cold start on a deep route must still work.
	srv.Stop()
	off := newBrowser(t, browserOpts{Profile: profile})
	off.open(srv.URL + "/domain?a=" + id + "&d=3")
	off.waitHeading(bank.Domains[2].Title)
	var level string
	off.eval(`[...document.querySelectorAll("input[name=level-3A]")].find(r => r.checked)?.value || ""`, &level)
	if level != string(answers["3A"].level) {
		t.Errorf("offline, 3A shows %q, want %q", level, answers["3A"].level)
	}
	off.run(chromedp.Click("a[href^='/check']", chromedp.ByQuery))
	off.waitHeading("Check your answers")
	off.run(chromedp.Click("#see-results", chromedp.ByQuery))
	off.waitHeading("Results")
	if got := off.domainLevels(); len(got) != 7 {
		t.Errorf("offline results show %d domains", len(got))
	}
	off.screenshot("offline-results")
	// The PDF needs its fonts, which the service worker cached.
	off.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, off.waitDownload(30*time.Second)); !strings.Contains(text, "Video consultations in outpatients") {
		t.Error("the PDF made offline lacks the project's name")
	}
	if r := off.offsiteRequests(); len(r) > 0 {
		t.Errorf("requests left 127.0.0.1: %v", r)
	}
}

func TestExportImportIntoFreshProfile(t *testing.T) {
	srv, _ := serveSite(t, site)
	src := filepath.Join(repoRoot(), "questionnaire", "testdata", "example-full-3.nasss.json")
	a := newBrowser(t, browserOpts{})
	a.open(srv.URL + "/")
	a.importFiles(src)
	a.run(waitFor(`document.getElementById("home-message").textContent === "Imported 1 assessment."`))
	a.open(srv.URL + "/results?a=example-1")
	exported := a.exportFile("#export")

	b := newBrowser(t, browserOpts{})
	b.open(srv.URL + "/")
	b.importFiles(exported)
	b.run(waitFor(`document.getElementById("home-message").textContent === "Imported 1 assessment."`))
	b.open(srv.URL + "/results?a=example-1")
	again := b.exportFile("#export")
	want, _ := os.ReadFile(exported)
	got, _ := os.ReadFile(again)
	if !bytes.Equal(got, want) {
		t.Errorf("the assessment changed on its way through export and import:\n%s\nvs\n%s", got, want)
	}
	orig, imported := readFile(t, src), readFile(t, again)
	if orig.Project != imported.Project || len(imported.Respondents) != 3 || len(imported.Actions) != len(orig.Actions) {
		t.Errorf("import lost data: %+v", imported.Project)
	}
	if got, want := strings.Join(b.domainLevels(), " "), strings.Join(cliLevels(t, src), " "); got != want {
		t.Errorf("results %q, nasss score %q", got, want)
	}
	// The same file again asks whether to keep both or replace.
	b.open(srv.URL + "/")
	b.importFiles(exported)
	b.run(waitFor(`!!document.getElementById("conflict-0-both")`))
	if got := b.text("form.panel .hint"); !strings.Contains(got, "the copy on this device, ") {
		t.Errorf("the choice does not say when each copy changed: %q", got)
	}
	b.screenshot("import-clash")
	b.checkClean("import clash")
	b.run(chromedp.Click("#conflict-0-both", chromedp.ByQuery),
		chromedp.Click("form.panel button[type=submit]", chromedp.ByQuery),
		waitFor(`document.querySelectorAll("#assessments > li").length === 2`))
	b.checkClean("home after import")
}

// importFiles chooses files in the home page's import field.
func (b *browser) importFiles(paths ...string) {
	b.t.Helper()
	b.run(chromedp.SetUploadFiles("#import-files", paths, chromedp.ByQuery))
}

// storage returns every record the app keeps, by ID: its revision and its
// text.
func (b *browser) storage() map[string]string {
	var recs map[string]struct {
		Rev  int
		Text string
	}
	b.eval(readRecords+"()", &recs)
	m := map[string]string{}
	for id, r := range recs {
		m[id] = fmt.Sprint(r.Rev, " ", r.Text)
	}
	return m
}

func TestBadFilesChangeNothing(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	before := b.storage()

	bad, _ := filepath.Glob(filepath.Join(repoRoot(), "questionnaire", "testdata", "bad", "*"))
	for _, f := range bad {
		name := filepath.Base(f)
		b.importFiles(f)
		b.run(waitFor(fmt.Sprintf(`[...document.querySelectorAll(".error-summary li")].some(li => li.textContent.startsWith(%q))`, name+": ")))
		if after := b.storage(); len(after) != len(before) {
			t.Errorf("%s changed the stored data", name)
		}
	}
	// All at once: one summary names every file.
	b.importFiles(bad...)
	b.run(waitFor(fmt.Sprintf(`document.querySelectorAll(".error-summary li").length === %d`, len(bad))))
	b.screenshot("import-errors")
	if after := b.storage(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("bad files changed the stored data")
	}
	b.checkClean("home with import errors")
}

func TestHostileText(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	name := `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> مرحبا 😀 שלום`
	id := b.startAssessment(srv.URL, name, q.Quick)
	// The longest note allowed, in characters the field counts one each
	// (emoji count two, so they go in a note of their own).
	long := []rune(strings.Repeat("Ünïcödé <b>bold</b> עברית \u202eRTL override\u202c ", 400))[:q.NoteText.Max]
	b.answerItem("Q1", answer{q.Complex, string(long)})
	b.continueToNext(q.Default().Domains[1].Title)
	b.answerItem("Q2", answer{q.Simple, "😀👩🏽‍⚕️ <i>tags</i>"})
	b.open(srv.URL + "/check?a=" + id)
	b.open(srv.URL + "/")
	var pwned any
	var shown string
	b.eval(`window.pwned`, &pwned)
	b.eval(`document.querySelector("#assessments .card-title").textContent`, &shown)
	if pwned != nil {
		t.Fatalf("hostile text ran as code: window.pwned = %v", pwned)
	}
	if shown != name {
		t.Errorf("the name is shown as %q, want it literally: %q", shown, name)
	}
	var imgs int
	b.eval(`document.querySelectorAll("main img").length`, &imgs)
	if imgs != 0 {
		t.Errorf("%d img elements appeared from text", imgs)
	}
	b.open(srv.URL + "/results?a=" + id)
	file := b.exportFile("#export")
	a := readFile(t, file)
	if a.Project.Name != name || a.Respondents[0].Answers["Q1"].Note != string(long) || a.Respondents[0].Answers["Q2"].Note != "😀👩🏽‍⚕️ <i>tags</i>" {
		t.Errorf("hostile text did not survive: %q", a.Project.Name)
	}
	b.screenshot("hostile-results")
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, b.waitDownload(30*time.Second)); !strings.Contains(text, "<script>window.pwned=1</script>") {
		t.Errorf("the PDF does not show the hostile name literally: %.300s", text)
	}
	b.checkClean("results with hostile text")
}

func TestUpdateKeepsDraft(t *testing.T) {
	srv, sw := serveSite(t, site)
	profile := filepath.Join(t.TempDir(), "profile")
	b := newBrowser(t, browserOpts{Profile: profile})
	id := b.startAssessment(srv.URL, "Draft across an update", q.Quick)
	b.answerItem("Q1", answer{q.Complicated, "Before the update."})
	b.waitCached()
	b.close()

	// A new version is deployed: same app, different version.
	next, err := server.New(webDir)
	if err != nil {
		t.Fatal(err)
	}
	next.Handler.Version = "next-" + next.Handler.Version
	var h http.Handler = next
	sw.h.Store(&h)

	b2 := newBrowser(t, browserOpts{Profile: profile})
	b2.open(srv.URL + "/domain?a=" + id + "&d=1")
	b2.run(waitFor(`!!document.querySelector(".banner-update button")`))
	b2.screenshot("update-ready")
	b2.run(chromedp.Click(".banner-update button", chromedp.ByQuery), ready)
	b2.waitHeading(q.Default().Domains[0].Title)
	var note string
	b2.eval(`document.getElementById("item-Q1-note").value`, &note)
	if note != "Before the update." {
		t.Errorf("after the update the draft note is %q", note)
	}
	var caches []string
	b2.eval(`caches.keys()`, &caches)
	if len(caches) != 1 || !strings.Contains(caches[0], "next-") {
		t.Errorf("caches after the update: %v", caches)
	}
}

// answersFragment is an answers link's fragment for a workshop of the
// full assessment: one person's ratings, as a join link would send them.
func answersFragment(t *testing.T, workshop string) string {
	r := q.Respondent{ID: "p-tour", Name: "Sam", Role: "Ward manager", Answers: map[string]q.Answer{}}
	for i, it := range q.Default().Items(q.Full)[:5] {
		r.Answers[it.ID] = q.Answer{Level: []q.Level{q.Simple, q.Complicated, q.Complex, q.Unknown, q.Complex}[i]}
	}
	frag, err := q.EncodeLink(q.Default(), workshop, q.Full, r)
	if err != nil {
		t.Fatal(err)
	}
	return frag
}

// tourPages visits every page of an example assessment at one width,
// with a screenshot and an accessibility scan of each.
func tourPages(t *testing.T, base string, width int) {
	b := newBrowser(t, browserOpts{Width: width, Height: 900})
	b.open(base + "/")
	b.screenshot("home-empty")
	b.checkClean("home (empty)")
	b.importFiles(filepath.Join(repoRoot(), "questionnaire", "testdata", "example-full-3.nasss.json"))
	b.run(waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
	pages := []struct{ name, path, heading string }{
		{"home", "/", "Assess the complexity"},
		{"start", "/start", "Start a new assessment"},
		{"details", "/start?a=example-1", "Project details"},
		{"domain-1", "/domain?a=example-1&d=1", q.Default().Domains[0].Title},
		{"domain-5", "/domain?a=example-1&d=5", q.Default().Domains[4].Title},
		{"check", "/check?a=example-1", "Check your answers"},
		{"links", "/links?a=example-1", "How the parts affect each other"},
		{"results", "/results?a=example-1", "Results"},
		{"plan", "/plan?a=example-1", "Action plan"},
		{"workshop", "/workshop?a=example-1", "Workshop"},
		{"discuss", "/discuss?a=example-1", "Compare ratings and agree"},
		{"tally", "/tally?a=example-1", "Count a show of hands"},
		{"join", "/join#w=example-1&m=full&p=Remote+monitoring", "Join the workshop"},
		{"receive", "/receive#" + answersFragment(t, "example-1"), "Add someone's ratings"},
		{"about", "/about", "About the method"},
		{"not-found", "/results?a=nothing-here", "We could not find that assessment"},
	}
	for _, p := range pages {
		b.open(base + p.path)
		b.waitHeading(p.heading)
		b.screenshot(p.name)
		b.checkClean(p.name)
	}
	// A form with its errors showing.
	b.open(base + "/start")
	b.run(chromedp.Click("#continue", chromedp.ByQuery), waitFor(`!!document.getElementById("error-summary")`),
		waitFor(`document.activeElement && document.activeElement.id === "error-summary"`))
	if b.activeID() != "error-summary" {
		t.Errorf("focus is on #%s after a failed submit, not the error summary", b.activeID())
	}
	b.screenshot("start-errors")
	b.checkClean("start with errors")
	// The summary's link moves focus to the field, and the page keeps its state.
	b.run(chromedp.Click("#error-summary a", chromedp.ByQuery),
		waitFor(`document.activeElement && document.activeElement.id === "project-name"`))
	b.run(insertText("Typed after the error"))
	var value string
	b.eval(`document.getElementById("project-name").value`, &value)
	if value != "Typed after the error" || b.text("#error-summary h2") == "" {
		t.Errorf("after following the error link the page lost its state: field %q", value)
	}
	// The delete confirmation.
	b.open(base + "/")
	b.run(chromedp.Click("#assessments .link-warning", chromedp.ByQuery), waitFor(`!!document.getElementById("confirm-delete")`))
	b.screenshot("home-delete")
	b.checkClean("delete confirmation")
	b.run(chromedp.Click("#confirm-delete-yes", chromedp.ByQuery), waitFor(`!!document.getElementById("no-assessments")`))
}

func TestEveryPageAt1280And375(t *testing.T) {
	srv, _ := serveSite(t, site)
	for _, w := range []int{1280, 375} {
		t.Run(fmt.Sprint(w), func(t *testing.T) { tourPages(t, srv.URL, w) })
	}
}

func TestStaticSite(t *testing.T) {
	out := t.TempDir()
	if err := site.Build(out); err != nil {
		t.Fatal(err)
	}
	// A plain file server, as any static host would be.
	srv := startServer(t, http.FileServer(http.Dir(out)))
	profile := filepath.Join(t.TempDir(), "profile")
	b := newBrowser(t, browserOpts{Profile: profile})
	id := b.startAssessment(srv.URL, "From the static site", q.Quick)
	b.complete(q.Quick, quickAnswers, "")
	file := b.resultsMatchCLI(t)
	// Reload on a deep route, online: the host serves the page's own file.
	b.open(srv.URL + "/check?a=" + id)
	b.waitHeading("Check your answers")
	b.waitCached()
	b.checkClean("static check page")
	b.close()

	srv.Stop()
	off := newBrowser(t, browserOpts{Profile: profile})
	off.open(srv.URL + "/results?a=" + id)
	off.waitHeading("Results")
	if got := off.domainLevels(); strings.Join(got, " ") != strings.Join(cliLevels(t, file), " ") {
		t.Errorf("offline static results %v", got)
	}
}

// TestQuickKeystrokesAreKept presses Space and an arrow key in quick
// succession, repeatedly, right after the page loads while the service
// worker is busy: the later choice must win on screen and in storage.
// go-app handles events after the browser has moved on, and a re-render
// from the earlier one used to put its choice back.
func TestQuickKeystrokesAreKept(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	for i := range 6 {
		id := b.startAssessment(srv.URL, fmt.Sprintf("Keys %d", i), q.Quick)
		b.tabTo("item-Q1-simple")
		b.run(chromedp.KeyEvent(" "), waitFor(`document.activeElement.checked`), chromedp.KeyEvent(kb.ArrowDown))
		err := b.runErr(waitForWithin(`document.getElementById("item-Q1-complicated").checked && `+
			stored(id, `a.respondents[0].answers.Q1.level === "complicated"`), 5*time.Second))
		if err != nil {
			var state string
			b.eval(`[...document.querySelectorAll("input[name=level-Q1]")].filter(r => r.checked).map(r => r.value).join()`, &state)
			t.Fatalf("round %d: after Space and ArrowDown the page shows %q checked; want complicated, also in storage", i, state)
		}
	}
}

// setField sets a date or select field as a person would, with the change
// event that follows.
func setField(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q;
		el.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value), nil)
}

// firstDifference shows where two texts part, with a little context.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("the same up to %q, then %q against %q", a[from:i], a[i:min(len(a), i+80)], b[i:min(len(b), i+80)])
}

// quickWorkshop has a facilitator start a quick scan, answer it, and open
// its workshop page, with the app kept for offline use; it gives the
// facilitator's browser, the assessment's ID and the invitation link.
func quickWorkshop(t *testing.T, srv *testServer, name string) (f *browser, id, invite string) {
	t.Helper()
	f = newBrowser(t, browserOpts{})
	id = f.startAssessment(srv.URL, name, q.Quick)
	f.complete(q.Quick, quickAnswers, "")
	f.open(srv.URL + "/workshop?a=" + id)
	f.eval(`document.getElementById("invite-link").value`, &invite)
	f.waitCached()
	return f, id, invite
}

// joinAndRate joins a workshop by its invitation link, as name, rates the
// quick scan's questions with levels, and lands on the results.
func (b *browser) joinAndRate(invite, name string, levels []q.Level) {
	b.t.Helper()
	b.open(invite)
	b.waitHeading("Join the workshop")
	// Enter in a field submits the form, as people do.
	b.run(chromedp.Focus("#join-name", chromedp.ByQuery), insertText(name), chromedp.KeyEvent(kb.Enter))
	for n, d := range q.Default().Domains {
		b.waitHeading(d.Title)
		b.answerItem(d.Quick.ID, answer{level: levels[n]})
		b.run(chromedp.Click("#continue", chromedp.ByQuery))
	}
	// What a participant sees is theirs, never the team's result.
	b.waitHeading("Your ratings")
}

// importExample opens the home page and imports one of the example files
// kept in the questionnaire's testdata, as the only assessment stored.
func (b *browser) importExample(base, name string) {
	b.t.Helper()
	b.open(base + "/")
	b.importFiles(filepath.Join(repoRoot(), "questionnaire", "testdata", name))
	b.run(waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
}

// showAllSuggestions opens the plan's suggestions for complicated
// questions, which wait behind "Show more", and waits for one to show.
func (b *browser) showAllSuggestions() {
	b.t.Helper()
	b.run(chromedp.Evaluate(`document.getElementById("show-more") && document.getElementById("show-more").click()`, nil),
		waitFor(`!!document.querySelector(".plan-suggested")`))
}

// pdfText extracts a PDF's text with pdftotext, on one line.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (install poppler-utils)", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestActionPlanAndPDF(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	b.open(srv.URL + "/plan?a=example-1")
	b.waitHeading("Action plan")

	// Take up the first suggestion still on offer, then edit it.
	b.showAllSuggestions()
	var key string
	b.eval(`document.querySelector(".plan-suggested").dataset.key`, &key)
	id := "act-" + strings.ReplaceAll(key, "/", "-")
	b.run(chromedp.Click("#"+id+"-accept", chromedp.ByQuery), waitFor(fmt.Sprintf(`!!document.getElementById(%q)`, id+"-owner")))
	b.run(chromedp.Focus("#"+id+"-text", chromedp.ByQuery), chromedp.KeyEvent(kb.End), insertText(" Ask Zoë’s team first."),
		chromedp.Focus("#"+id+"-owner", chromedp.ByQuery), insertText("Dr Ana Müller"),
		setField("#"+id+"-due", "2027-01-31"), setField("#"+id+"-status", "in-progress"))
	// Drop the next suggestion and add an action of the team's own.
	var drop string
	b.eval(`document.querySelector(".plan-suggested").dataset.key`, &drop)
	b.run(chromedp.Click("#act-"+strings.ReplaceAll(drop, "/", "-")+"-drop", chromedp.ByQuery), waitFor(`!!document.getElementById("dropped")`))
	b.run(setField("#own-item", "Q6"), chromedp.Focus("#own-text", chromedp.ByQuery), insertText("Brief the Caldicott guardian (€0 cost)."),
		chromedp.Click("#add-own", chromedp.ByQuery), waitFor(`[...document.querySelectorAll(".plan-own")].some(e => e.textContent.includes("Q6"))`))
	b.screenshot("plan")
	b.checkClean("action plan")

	// Everything is kept across a reload.
	b.run(chromedp.Reload(), ready)
	b.waitHeading("Action plan")
	var owner, due, status string
	b.eval(fmt.Sprintf(`document.getElementById(%q).value`, id+"-owner"), &owner)
	b.eval(fmt.Sprintf(`document.getElementById(%q).value`, id+"-due"), &due)
	b.eval(fmt.Sprintf(`document.getElementById(%q).value`, id+"-status"), &status)
	if owner != "Dr Ana Müller" || due != "2027-01-31" || status != "in-progress" {
		t.Errorf("after a reload: owner %q, due %q, status %q", owner, due, status)
	}

	// The PDF from the page carries every word, and matches the command line.
	// Its date is the one it was made on, read from its name: a run that
	// crosses midnight (UTC) compares like with like.
	before := time.Now().UTC().Format(time.DateOnly)
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	pdfPath := b.waitDownload(30 * time.Second)
	after := time.Now().UTC().Format(time.DateOnly)
	day := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(pdfPath), "remote-monitoring-for-heart-failure-action-plan-"), ".pdf")
	if day != before && day != after {
		t.Errorf("the PDF is called %s; want the day it was made, %s", filepath.Base(pdfPath), before)
	}
	text := pdfText(t, pdfPath)
	for _, want := range []string{"Action plan", "Ask Zoë’s team first.", "Dr Ana Müller", "31 Jan 2027", "In progress",
		"Brief the Caldicott guardian (€0 cost).", "Remote monitoring for heart failure", "not a validated prediction"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	var ms float64
	b.eval(`window.nasssPDFms || 0`, &ms)
	b.open(srv.URL + "/results?a=example-1")
	file := b.exportFile("#export")
	cliPDF := filepath.Join(t.TempDir(), "cli.pdf")
	if out, err := exec.Command(cli, "report", file, "-o", cliPDF, "--date", day).CombinedOutput(); err != nil {
		t.Fatalf("nasss report: %v\n%s", err, out)
	}
	browserBytes, _ := os.ReadFile(pdfPath)
	cliBytes, _ := os.ReadFile(cliPDF)
	if !bytes.Equal(browserBytes, cliBytes) {
		t.Errorf("the browser's PDF (%d bytes) and the command line's (%d bytes) differ for the same file and date; their text: %s",
			len(browserBytes), len(cliBytes), firstDifference(pdfText(t, pdfPath), pdfText(t, cliPDF)))
	}
	// Printing the results leaves out the page's controls.
	var printed []byte
	b.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		printed, _, err = page.PrintToPDF().Do(ctx)
		return err
	}))
	printedPath := filepath.Join(t.TempDir(), "printed.pdf")
	os.WriteFile(printedPath, printed, 0o644)
	if text := pdfText(t, printedPath); !strings.Contains(text, "Results") || strings.Contains(text, "Download action plan") || strings.Contains(text, "Your assessments") {
		t.Errorf("the printed results page: %.400s", text)
	}
	t.Logf("PDF rendered in the browser in %.0f ms, %d KB", ms, len(browserBytes)/1024)
}

// TestWorkshop runs a workshop: the facilitator rates, a second person
// rates on the same device (pass the device), a third rates in a browser
// of their own and sends a file, a fourth joins by link and sends a link
// back, and the room shows hands on one question. The facilitator, with
// no connection, takes them all in. The discussion view flags what
// differs; the agreed rating flows into the results and the PDF.
func TestWorkshop(t *testing.T) {
	srv, _ := serveSite(t, site)
	profile := filepath.Join(t.TempDir(), "facilitator")
	f := newBrowser(t, browserOpts{Profile: profile})
	id := f.startAssessment(srv.URL, "Workshop on falls sensors", q.Quick)
	f.complete(q.Quick, quickAnswers, "")

	// A second person on the same device.
	f.open(srv.URL + "/workshop?a=" + id)
	f.run(chromedp.Focus("#person-name", chromedp.ByQuery), insertText("Bo"),
		chromedp.Focus("#person-role", chromedp.ByQuery), insertText("Ward nurse"),
		chromedp.Click("#add-person-button", chromedp.ByQuery), waitFor(`document.querySelectorAll("#respondents > li").length === 2`))
	f.run(chromedp.Click("#respondents > li:nth-child(2) a.button", chromedp.ByQuery))
	f.waitHeading(q.Default().Domains[0].Title)
	var checked int
	f.eval(`document.querySelectorAll("input[type=radio]:checked").length`, &checked)
	if checked != 0 {
		t.Errorf("the second person sees %d answers of the first", checked)
	}
	second := map[string]q.Level{"Q1": q.Complex, "Q2": q.Simple, "Q3": q.Complicated, "Q4": q.Complicated, "Q5": q.Complex, "Q6": q.Simple, "Q7": q.Complicated}
	for n, d := range q.Default().Domains {
		f.answerItem(d.Quick.ID, answer{level: second[d.Quick.ID]})
		next := "Workshop"
		if n+1 < 7 {
			next = q.Default().Domains[n+1].Title
		}
		f.continueToNext(next)
	}
	f.waitCached()

	// A third person in their own browser sends a file.
	p := newBrowser(t, browserOpts{})
	p.startAssessment(srv.URL, "My ratings", q.Quick)
	third := map[string]answer{}
	for id, l := range map[string]q.Level{"Q1": q.Simple, "Q2": q.Complex, "Q3": q.Unknown, "Q4": q.Complicated, "Q5": q.Complex, "Q6": q.Simple, "Q7": q.Simple} {
		third[id] = answer{level: l}
	}
	p.complete(q.Quick, third, "")
	p.run(chromedp.Click("#see-results", chromedp.ByQuery))
	p.waitHeading("Results")
	sent := p.exportFile("#export")

	// A fourth person joins by the invitation link and sends a link back.
	f.open(srv.URL + "/workshop?a=" + id)
	var invite string
	f.eval(`document.getElementById("invite-link").value`, &invite)
	l := newBrowser(t, browserOpts{})
	l.open(invite)
	l.waitHeading("Join the workshop")
	l.run(chromedp.Focus("#join-role", chromedp.ByQuery), insertText("Pharmacist"), chromedp.KeyEvent(kb.Enter))
	for _, d := range q.Default().Domains {
		l.waitHeading(d.Title)
		l.answerItem(d.Quick.ID, answer{level: q.Complicated})
		l.run(chromedp.Click("#continue", chromedp.ByQuery))
	}
	l.waitHeading("Your ratings")
	var back string
	l.eval(`document.getElementById("send-link").value`, &back)

	// The facilitator has no connection from here on.
	srv.Stop()
	f.open(srv.URL + "/workshop?a=" + id)
	f.run(chromedp.SetUploadFiles("#workshop-files", []string{sent}, chromedp.ByQuery),
		waitFor(`document.querySelectorAll("#respondents > li").length === 3`))
	f.run(chromedp.SetUploadFiles("#workshop-files", []string{sent}, chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.includes("already in the workshop")`))
	f.open(back)
	f.run(chromedp.Click("#receive-add", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	// And the rest of the room shows hands on Q6.
	f.open(srv.URL + "/tally?a=" + id)
	f.run(setField("#tally-Q6-simple", "5"), setField("#tally-Q6-complex", "1"),
		waitFor(stored(id, `a.tallies.Q6.complex === 1`)))
	f.open(srv.URL + "/workshop?a=" + id)
	f.run(waitFor(`document.querySelectorAll("#respondents > li").length === 4`))

	f.run(chromedp.Click("#discuss", chromedp.ByQuery))
	f.waitHeading("Compare ratings and agree")
	var order []string
	var flags []string
	f.eval(`[...document.querySelectorAll(".discuss-item")].map(e => e.dataset.item)`, &order)
	f.eval(`[...document.querySelectorAll(".discuss-item")].map(e => e.dataset.flag)`, &flags)
	// Q2 (simple, complex, complex, complicated: two levels apart), Q3
	// (someone does not know) and Q6 (hands for simple and for complex)
	// need discussion; Q5 (complex, complex, complex, complicated) does
	// not. Flagged items come first.
	flagOf := map[string]string{}
	for i, item := range order {
		flagOf[item] = flags[i]
	}
	if flagOf["Q2"] != "true" || flagOf["Q3"] != "true" || flagOf["Q6"] != "true" || flagOf["Q5"] != "false" || flags[0] != "true" {
		t.Errorf("discussion order %v, flags %v", order, flags)
	}
	f.screenshot("discuss")
	f.checkClean("discussion view")
	f.run(chromedp.Click("#agree-Q2-complicated", chromedp.ByQuery),
		chromedp.Focus("#agree-Q2-note", chromedp.ByQuery), insertText("Agreed after hearing from IT."),
		waitFor(stored(id, `a.team.Q2.level === "complicated"`)))

	f.open(srv.URL + "/results?a=" + id)
	file := f.exportFile("#export")
	a := readFile(t, file)
	if len(a.Respondents) != 4 || a.Tallies["Q6"].Total() != 6 || a.Team["Q2"].Note != "Agreed after hearing from IT." {
		t.Fatalf("the workshop file: %d respondents, team %+v", len(a.Respondents), a.Team)
	}
	if got, want := strings.Join(f.domainLevels(), " "), strings.Join(cliLevels(t, file), " "); got != want {
		t.Errorf("results %q, nasss score %q", got, want)
	}
	var level string
	f.eval(`document.querySelector(".domain-card[data-domain='2']").dataset.level`, &level)
	if level != "complicated" {
		t.Errorf("domain 2 shows %q; the agreed rating is complicated", level)
	}
	var differ int
	f.eval(`document.querySelectorAll("#disagreements li").length`, &differ)
	if differ < 2 {
		t.Errorf("the results list %d questions where people differ; want Q2 and Q3 at least", differ)
	}
	f.open(srv.URL + "/workshop?a=" + id)
	f.run(chromedp.Click("#export-csv", chromedp.ByQuery))
	csvData, _ := os.ReadFile(f.waitDownload(20 * time.Second))
	bankField := fmt.Sprintf("%s,%d,", q.Default().ID, q.Default().Version)
	if rows := strings.Count(string(csvData), "\r\n"); rows != 1+4*7 || !strings.Contains(string(csvData), bankField) {
		t.Errorf("the CSV has %d lines, want a header and 28 rows, each naming the bank as %q:\n%.300s", rows, bankField, csvData)
	}
	// The PDF counts the people; this facilitator chooses to name them.
	f.open(srv.URL + "/results?a=" + id)
	f.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, f.waitDownload(30*time.Second)); strings.Contains(text, "Bo (Ward nurse)") || !strings.Contains(text, "Their names are left out") {
		t.Errorf("the PDF names people nobody chose to name")
	}
	f.run(chromedp.Click("#with-names", chromedp.ByQuery), chromedp.Click("#download-pdf", chromedp.ByQuery))
	text := pdfText(t, f.waitDownload(30*time.Second))
	for _, want := range []string{"Ratings from 4 people", "Ratings from 10 people", "Needs discussion", "Team: Agreed after hearing from IT.", "Bo (Ward nurse)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the workshop PDF lacks %q", want)
		}
	}
}

// TestReviewOverTime starts a review months later, changes an answer and
// compares: the comparison view and the PDF say what moved.
func TestReviewOverTime(t *testing.T) {
	srv, _ := serveSite(t, site)
	for _, w := range []int{1280, 375} {
		b := newBrowser(t, browserOpts{Width: w})
		b.importExample(srv.URL, "example-quick-1.nasss.json")
		b.open(srv.URL + "/results?a=example-1")
		var before string
		b.eval(`document.querySelector(".domain-card[data-domain='5']").dataset.level`, &before)
		// Starting a review first says what it carries over.
		b.run(chromedp.Click("#start-review", chromedp.ByQuery), waitFor(`!!document.getElementById("review-confirm")`))
		if got := b.text("#review-confirm"); !strings.Contains(got, "actions still open") || !strings.Contains(got, "stays as it is") {
			t.Errorf("starting a review says %q", got)
		}
		if w == 1280 {
			b.checkClean("starting a review")
		}
		b.run(chromedp.Click("#start-review-yes", chromedp.ByQuery))
		b.waitHeading(q.Default().Domains[0].Title)
		if got := b.text(".caption"); !strings.Contains(got, "Review 1, ") {
			t.Errorf("the review's pages do not say it is one: %q", got)
		}
		var checked int
		b.eval(`document.querySelectorAll("input[type=radio]:checked").length`, &checked)
		if checked != 1 {
			t.Errorf("the review's first question shows %d answers; want the earlier rating filled in", checked)
		}
		var id string
		b.eval(`new URLSearchParams(location.search).get("a")`, &id)
		b.open(srv.URL + "/domain?a=" + id + "&d=5")
		b.answerItem("Q5", answer{level: q.Simple})
		b.open(srv.URL + "/results?a=" + id)
		b.run(chromedp.Click("#compare-0", chromedp.ByQuery))
		b.waitHeading("What changed since")
		var change string
		b.eval(`document.querySelector("tr[data-domain='5']").dataset.change`, &change)
		if before != "complex" || change != "less-complex" {
			t.Errorf("domain 5 went from %q to simple, and the comparison says %q; want complex, then less-complex", before, change)
		}
		b.screenshot("compare")
		b.checkClean("comparison")
		if w == 1280 {
			b.open(srv.URL + "/results?a=" + id)
			b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
			path := b.waitDownload(30 * time.Second)
			if text := pdfText(t, path); !strings.Contains(text, "What changed since") || !strings.Contains(text, "Q5 The organisations as a whole") {
				t.Error("the review's PDF does not say what changed")
			}
			if !strings.Contains(filepath.Base(path), "-review-1-action-plan-") {
				t.Errorf("the review's PDF is called %s, like the first assessment's", filepath.Base(path))
			}
			// The team chooses when to review again.
			b.run(chromedp.Evaluate(`(() => { const el = document.getElementById("next-review"); el.value = "2031-05-20";
				el.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil),
				waitFor(stored(id, `a.nextReview === "2031-05-20"`)))
		}
		// Home shows the project once: the review, with the first
		// assessment under it and when the next review is due.
		b.open(srv.URL + "/")
		b.run(waitFor(`document.querySelectorAll("#assessments > li").length === 1`))
		if got := b.text("#assessments > li .card-title"); !strings.Contains(got, "· Review 1, ") {
			t.Errorf("the home card is titled %q; want the review's label", got)
		}
		if got := b.text("#earlier-" + id + " summary"); !strings.Contains(got, "Earlier assessments of this project (1)") {
			t.Errorf("the earlier assessments are summed up as %q", got)
		}
		b.run(chromedp.Click("#earlier-"+id+" summary", chromedp.ByQuery), waitFor(`document.getElementById("earlier-`+id+`").open`))
		if got := b.text("#earlier-" + id); !strings.Contains(got, "First assessment, ") || !strings.Contains(got, "View results") {
			t.Errorf("the earlier assessment shows as %q", got)
		}
		want := "Next review due 20 May 2031"
		if w == 375 {
			want = "Next review due " // three months from today: the phone's run keeps the default
		}
		if got := b.text("#due-" + id); !strings.Contains(got, want) {
			t.Errorf("the card says %q; want %q", got, want)
		}
		b.screenshot("home-reviews")
		b.checkClean("a project's reviews on the home page")
		// The first assessment points to its review, rather than offering
		// another review and a due date of its own.
		b.open(srv.URL + "/results?a=example-1")
		if got := b.text("#later-review"); !strings.Contains(got, "This project has a later review: Review 1, ") || b.count("#start-review") != 0 || b.count("#next-review") != 0 {
			t.Errorf("the first assessment's results say %q, with %d Start a review and %d due dates", got, b.count("#start-review"), b.count("#next-review"))
		}
		b.open(srv.URL + "/results?a=" + id)
		if got := b.text("#compare-0"); !strings.HasPrefix(got, "What changed since First assessment, ") {
			t.Errorf("the review's link to compare reads %q", got)
		}
		b.close()
	}
}

// TestShareLinks invites a person by link, brings their ratings back by
// link to the facilitator's device with no connection, and refuses
// tampered links; a link for a workshop not on the device asks where.
func TestShareLinks(t *testing.T) {
	srv, _ := serveSite(t, site)
	f, id, invite := quickWorkshop(t, srv, "Link workshop")
	p := newBrowser(t, browserOpts{Width: 375})
	p.joinAndRate(invite, "Dee", []q.Level{q.Simple, q.Complex, q.Complex, q.Unknown, q.Simple, q.Simple, q.Complicated})
	var send string
	p.eval(`document.getElementById("send-link").value`, &send)
	t.Logf("the answers link is %d characters", len(send))
	if len(send) > 300 || !strings.Contains(send, fmt.Sprintf("/receive#r%d.", q.LinkVersion)) {
		t.Errorf("answers link %q", send)
	}
	p.screenshot("send-link")
	p.checkClean("send link")

	f.open(srv.URL + "/receive#" + strings.Replace(send[strings.Index(send, "#")+1:], "A", "B", 1))
	f.waitHeading("These ratings could not be added")
	before := f.storage()

	srv.Stop()
	f.open(send)
	f.waitHeading("Add someone's ratings")
	if got := f.text("main"); !strings.Contains(got, "for the workshop on Link workshop") {
		t.Errorf("the receive page does not name the workshop: %q", got)
	}
	f.run(chromedp.Click("#receive-add", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	var people int
	f.eval(stored(id, `a.respondents.length`), &people)
	if people != 2 || len(before) != len(f.storage()) {
		t.Errorf("%d people after adding the link (want 2); stored records %d then %d", people, len(before), len(f.storage()))
	}
	f.screenshot("receive-done")
	f.checkClean("receive")

	// A link for a workshop that is not here: choose where it goes.
	r := q.Respondent{ID: "p-elsewhere", Role: "Pharmacist", Answers: map[string]q.Answer{"Q1": {Level: q.Complex}}}
	frag, _ := q.EncodeLink(q.Default(), "not-on-this-device", q.Quick, r)
	f.open(srv.URL + "/receive#" + frag)
	f.run(chromedp.Click("#receive-into-"+id, chromedp.ByQuery), waitFor(`!!document.getElementById("receive-add")`),
		chromedp.Click("#receive-add", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	f.eval(stored(id, `a.respondents.length`), &people)
	if people != 3 {
		t.Errorf("%d people after choosing the workshop; want 3", people)
	}
}

// TestDetailsSavedAsTyped changes a project's details and leaves by a
// link, not the button: the change is kept, as every other answer is.
func TestDetailsSavedAsTyped(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	id := b.startAssessment(srv.URL, "Details test", q.Quick)
	b.open(srv.URL + "/start?a=" + id)
	b.waitHeading("Project details")
	b.run(chromedp.Focus("#project-technology", chromedp.ByQuery), insertText("Bed sensors"),
		chromedp.Click(".header-nav a[href='/']", chromedp.ByQuery))
	b.waitHeading("Assess the complexity")
	var tech string
	b.eval(stored(id, `a.project.technology`), &tech)
	if tech != "Bed sensors" {
		t.Errorf("the technology typed on the details page was not saved: %q", tech)
	}
}

// TestTally counts a show of hands on one device: the counts join the
// spread, the flags and the results.
func TestTally(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	id := b.startAssessment(srv.URL, "Show of hands", q.Quick)
	b.open(srv.URL + "/workshop?a=" + id)
	b.run(chromedp.Click("#tally", chromedp.ByQuery))
	b.waitHeading("Count a show of hands")
	// The facilitator reads out each answer from the page.
	if got := b.text("#tally-Q1"); !strings.Contains(got, q.Default().Item("Q1").Levels.Complex) {
		t.Errorf("the tally does not give the answers to read out: %.300s", got)
	}
	b.run(setField("#tally-Q1-simple", "3"), setField("#tally-Q1-complex", "2"), setField("#tally-Q2-complicated", "4"),
		waitFor(stored(id, `a.tallies.Q2.complicated === 4`)))
	b.screenshot("tally-counted")
	b.checkClean("tally")
	b.run(chromedp.Click("#tally-done", chromedp.ByQuery))
	b.waitHeading("Compare ratings and agree")
	var flag, summary string
	b.eval(`document.getElementById("agree-Q1").dataset.flag`, &flag)
	b.eval(`document.querySelector("#agree-Q1 .discuss-summary").textContent`, &summary)
	if flag != "true" || !strings.HasPrefix(summary, "3 simple, 2 complex") {
		t.Errorf("Q1 after the show of hands: flag %s, %q", flag, summary)
	}
	b.open(srv.URL + "/results?a=" + id)
	var level string
	b.eval(`document.querySelector(".domain-card[data-domain='2']").dataset.level`, &level)
	if level != "complicated" {
		t.Errorf("domain 2 after four hands for complicated: %q", level)
	}
}

// TestNoNativeNavigation checks that the app stops the browser's own link
// following and form submission at once, in the event itself: go-app does
// it later, from its own goroutine, and a full reload loses typed text.
func TestNoNativeNavigation(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.open(srv.URL + "/start")
	var prevented bool
	b.eval(`(() => { const ev = new Event("submit", {bubbles: true, cancelable: true});
		document.getElementById("details").dispatchEvent(ev); return ev.defaultPrevented; })()`, &prevented)
	if !prevented {
		t.Error("a form submission is not prevented at once")
	}
	b.open(srv.URL + "/")
	b.eval(`(() => { const ev = new MouseEvent("click", {bubbles: true, cancelable: true, button: 0});
		document.getElementById("start").dispatchEvent(ev); return ev.defaultPrevented; })()`, &prevented)
	if !prevented {
		t.Error("following an app link is not prevented at once")
	}
	b.waitHeading("Start a new assessment") // go-app still navigates
}

// TestPDFMakerFailure: when the PDF renderer cannot be fetched, the person
// is told plainly and loses nothing, and the next try, once it can be
// fetched again, makes the PDF.
func TestPDFMakerFailure(t *testing.T) {
	var broken atomic.Bool
	broken.Store(true)
	srv := startServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() && r.URL.Path == site.HashedURL(server.PDFWasmName) {
			http.NotFound(w, r)
			return
		}
		site.ServeHTTP(w, r)
	}))
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	b.open(srv.URL + "/results?a=example-1")
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery), waitFor(`!!document.querySelector(".report-buttons .alert-error")`))
	if got := b.text(".report-buttons .alert-error h2"); got != "The PDF could not be made" {
		t.Errorf("the alert says %q", got)
	}
	if hint := b.text(".report-buttons .alert-error .hint"); !strings.Contains(hint, "could not be loaded (HTTP 404)") {
		t.Errorf("the alert gives the reason %q", hint)
	}
	b.screenshot("pdf-failed")
	b.checkClean("results after a failed PDF")
	if got := b.text("#assessments, main h1"); got == "" {
		t.Error("the page went blank")
	}

	broken.Store(false)
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, b.waitDownload(30*time.Second)); !strings.Contains(text, "Action plan") {
		t.Errorf("the second try made no proper PDF: %.200s", text)
	}
	if b.text(".report-buttons .alert-error") != "" {
		t.Error("the error stayed after the PDF was made")
	}
}

// TestOldPageAfterUpdate: a page left open across an update asks for its
// own version's report files, by URLs that carry their hash. The new
// version no longer has them, so the page says to reload; it never makes
// the PDF with the new version's renderer. After the reload, it can.
func TestOldPageAfterUpdate(t *testing.T) {
	srv, sw := serveSite(t, site)
	profile := filepath.Join(t.TempDir(), "profile")
	b := newBrowser(t, browserOpts{Profile: profile})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	b.waitCached()
	b.close()

	// The next version: one byte more in the PDF worker's script.
	dir := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(dir, os.DirFS(webDir)); err != nil {
		t.Fatal(err)
	}
	worker := filepath.Join(dir, "pdf-worker.js")
	if err := os.WriteFile(worker, append(mustRead(t, worker), '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	next, err := server.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	oldWorker, newWorker := site.HashedURL("pdf-worker.js"), next.HashedURL("pdf-worker.js")
	if oldWorker == newWorker {
		t.Fatalf("the changed worker kept its URL %s", oldWorker)
	}
	var h http.Handler = next
	sw.h.Store(&h)

	// The page comes from the old version's cache; the new version
	// installs meanwhile and takes over.
	b2 := newBrowser(t, browserOpts{Profile: profile})
	b2.open(srv.URL + "/results?a=example-1")
	b2.run(waitFor(`!!document.querySelector(".banner-update button")`))
	// The HTTP cache may still hold the old files, which would serve the
	// old page well; take it away, as time or a full disk would.
	b2.run(network.ClearBrowserCache())
	b2.run(chromedp.Click("#download-pdf", chromedp.ByQuery), waitFor(`!!document.querySelector(".report-buttons .alert-error")`))
	if got := b2.text(".report-buttons .alert-error"); !strings.Contains(got, "new version") || !strings.Contains(got, "Reload") {
		t.Errorf("the alert does not say to reload for the new version: %q", got)
	}
	select {
	case d := <-b2.completed:
		t.Errorf("the old page made a PDF: %s", d.name)
	case <-time.After(2 * time.Second):
	}
	// The new worker is requested too, but by the new service worker as it
	// installs.
	if reqs := b2.requests(); !slices.ContainsFunc(reqs, func(u string) bool { return strings.HasSuffix(u, oldWorker) }) {
		t.Errorf("the old page did not ask for its own worker %s: %v", oldWorker, reqs)
	}
	b2.screenshot("pdf-after-update")
	b2.checkClean("results after an update")

	b2.run(chromedp.Click(".banner-update button", chromedp.ByQuery), ready)
	b2.waitHeading("Results")
	b2.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, b2.waitDownload(30*time.Second)); !strings.Contains(text, "Action plan") {
		t.Errorf("after the reload, no proper PDF: %.200s", text)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestNotFoundPage: a mistyped address shows the app's own page, from the
// server and from within the app, with a way back.
func TestNotFoundPage(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{Width: 375, Height: 800})
	b.open(srv.URL + "/no-such-page")
	b.waitHeading("Page not found")
	b.screenshot("not-found")
	b.checkClean("page not found")
	b.run(chromedp.Click("#go-home", chromedp.ByQuery))
	b.waitHeading("Assess the complexity")
	// Within the app, as a link someone edited by hand would do.
	b.run(chromedp.Evaluate(`history.pushState({}, "", "/results/old"); goappNav("/results/old")`, nil))
	b.waitHeading("Page not found")
}

// TestStorageBlocked: where the browser refuses storage altogether (site
// data blocked, some private modes: local storage and IndexedDB both
// throw), the app still starts, the home page says so plainly, an
// assessment still goes from page to page, and every page offers the
// export that keeps it.
func TestStorageBlocked(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{Width: 375, Height: 800})
	b.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`for (const name of ["localStorage", "indexedDB"]) {
			Object.defineProperty(window, name, { get() { throw new DOMException("The operation is insecure.", "SecurityError") } });
		}`).Do(ctx)
		return err
	}))
	b.open(srv.URL + "/")
	b.run(waitFor(`!!document.querySelector("main .alert-error")`))
	if got := b.text("main .alert-error h3"); got != "This browser will not let the tool keep anything" {
		t.Errorf("the alert says %q", got)
	}
	if hint := b.text("main .alert-error .hint"); !strings.Contains(hint, "insecure") {
		t.Errorf("the alert's detail is %q", hint)
	}
	b.screenshot("storage-blocked")
	b.checkClean("home with storage blocked")

	id := b.startAssessment(srv.URL, "Kept on this page only", q.Quick)
	b.answerItem("Q1", answer{level: q.Complex})
	b.run(chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[1].Title)
	if got := b.text("main .alert-error h2"); got != "Nothing is kept on this device" {
		t.Errorf("after a change the alert says %q", got)
	}
	a := readFile(t, b.exportFile("#export-now"))
	if a.ID != id || a.Respondents[0].Answers["Q1"].Level != q.Complex {
		t.Errorf("the export lost the answer: %+v", a.Respondents[0].Answers)
	}
	b.screenshot("storage-blocked-domain")

	// Starting a review says, too, that nothing is kept, rather than
	// nothing at all.
	b.run(chromedp.Click(".button-group a.link", chromedp.ByQuery))
	b.waitHeading("Check your answers")
	b.run(chromedp.Click("#see-results", chromedp.ByQuery))
	b.waitHeading("Results")
	b.run(chromedp.Click("#start-review", chromedp.ByQuery), chromedp.Click("#start-review-yes", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[0].Title)
	if got := b.text("main .alert-error h2"); got != "Nothing is kept on this device" {
		t.Errorf("the review's first page says %q", got)
	}
}

// TestExportFailureIsShown: an export the browser cannot make says so on
// the results page; before, nothing happened.
func TestExportFailureIsShown(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	b.open(srv.URL + "/results?a=example-1")
	b.run(chromedp.Evaluate(`URL.createObjectURL = () => { throw new Error("downloads are blocked") }`, nil),
		chromedp.Click("#export", chromedp.ByQuery), waitFor(`!!document.querySelector(".status-area .alert-error")`))
	if got := b.text(".status-area .alert-error"); !strings.Contains(got, "The file could not be exported") || !strings.Contains(got, "downloads are blocked") {
		t.Errorf("the results page says %q", got)
	}
	b.checkClean("results with an export failure")
}

// TestReadableWhileLoading: on a slow link the home page's words show at
// once, as plain HTML, with a bar of real progress rather than a cover;
// when the app takes over nothing moves. Elsewhere the loader still covers
// the page, which the service worker serves with the home page's words.
func TestReadableWhileLoading(t *testing.T) {
	release := make(chan struct{})
	wasm := site.HashedURL(server.WasmName)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == wasm {
			select {
			case <-release:
			case <-time.After(20 * time.Second):
			}
		}
		site.ServeHTTP(w, r)
	})
	srv := startServer(t, slow)
	for _, width := range []int{1280, 375} {
		b := newBrowser(t, browserOpts{Width: width})
		b.run(chromedp.Navigate(srv.URL + "/"))
		var before struct {
			Top   float64
			Shown bool
			Label string
		}
		b.eval(`(() => {
			const h = document.querySelector("h1"), r = h.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + 10, r.top + r.height / 2);
			return {Top: r.top, Shown: h.contains(hit), Label: document.getElementById("app-wasm-loader-label").textContent};
		})()`, &before)
		if !before.Shown || !strings.HasPrefix(before.Label, "Loading the assessment tool: ") {
			t.Errorf("at %d px while loading: the heading can be seen %v; the loader says %q", width, before.Shown, before.Label)
		}
		if got := b.text("#assessments-loading"); got == "" {
			t.Error("the words sent before the app loads say nothing of this device's assessments, or claim there are none")
		}
		b.screenshot("home-loading")
		release <- struct{}{}
		b.run(ready)
		var after float64
		b.eval(`document.querySelector("h1").getBoundingClientRect().top`, &after)
		if after != before.Top {
			t.Errorf("at %d px the heading moved from %.0f to %.0f px when the app took over", width, before.Top, after)
		}
		b.close()
	}
}
