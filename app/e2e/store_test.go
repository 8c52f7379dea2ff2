package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// The browser tests of the store: what the app keeps in the browser's
// database, and that it never says "Saved" of something it cannot load.

// writeFile writes an assessment file for a test to import.
func writeFile(t testing.TB, name string, a *q.Assessment) string {
	t.Helper()
	data, err := q.Encode(a)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// workshop is a full assessment rated by people with a note of noteLen
// characters on every answer: a large workshop.
func workshop(id string, people, noteLen int, seed uint64) *q.Assessment {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: seed})
	a.ID = id
	a.Respondents = nil
	note := []rune(strings.Repeat("Discussed with the ward team; the evidence is mixed. ", noteLen/40+1))[:noteLen]
	for p := range people {
		r := q.Respondent{ID: fmt.Sprintf("p-%s-%d", id, p), Role: "Participant", Answers: map[string]q.Answer{}}
		for i, it := range q.Default().Items(q.Full) {
			r.Answers[it.ID] = q.Answer{Level: q.AllLevels[(i+p)%3], Note: string(note)}
		}
		a.Respondents = append(a.Respondents, r)
	}
	return a
}

// importHome imports files on the home page and waits for its message.
func (b *browser) importHome(base string, paths ...string) {
	b.t.Helper()
	b.open(base + "/")
	b.importFiles(paths...)
	b.run(waitFor(`document.getElementById("home-message").textContent.startsWith("Imported") || !!document.querySelector(".error-summary")`))
}

// TestWorkshopOverTheSizeCap: a large workshop warns well before it is
// full, and files that would take it past the most one assessment holds
// are refused with a reason, leaving what is saved whole. Before, the app
// said "Added 30 people" and "Saved", and on the next start called the
// workshop damaged.
func TestWorkshopOverTheSizeCap(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	// 40 people with notes of 790 characters: past the warning, not yet
	// full; 20 more would take it over.
	first := workshop("big-workshop", 40, 790, 1)
	second := workshop("big-workshop", 20, 790, 2)
	for i := range second.Respondents {
		second.Respondents[i].ID += "-b"
	}
	b.importHome(srv.URL, writeFile(t, "first.nasss.json", first))
	before := b.storage()

	b.open(srv.URL + "/workshop?a=big-workshop")
	b.waitHeading("Workshop")
	if got := b.text("#size-warning"); !strings.Contains(got, "% full") || !strings.Contains(got, "of the 1,024 KB one can hold") {
		t.Errorf("a workshop of %d KB gives no warning: %q", sizeOf(t, first)>>10, got)
	}
	b.screenshot("size-warning")
	b.run(chromedp.SetUploadFiles("#workshop-files", []string{writeFile(t, "second.nasss.json", second)}, chromedp.ByQuery),
		waitFor(`!!document.querySelector(".error-summary")`))
	if got := b.text(".error-summary"); !strings.Contains(got, "second.nasss.json") || !strings.Contains(got, "more than the 1,024 KB one assessment can hold") ||
		!strings.Contains(got, "It was not added") {
		t.Errorf("the refusal says %q", got)
	}
	if got := b.text("#workshop-message"); got != "No one was added." {
		t.Errorf("the page says %q", got)
	}
	if after := b.storage(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("the refused files changed what was saved")
	}
	b.checkClean("workshop with files refused")

	// A new start lists the workshop as it was, not damaged.
	b.run(chromedp.Reload(), ready)
	b.open(srv.URL + "/")
	if n := b.count(".card-damaged"); n != 0 {
		t.Errorf("%d damaged records after the refusal", n)
	}
	b.open(srv.URL + "/workshop?a=big-workshop")
	if n := b.count("#respondents > li"); n != 40 {
		t.Errorf("the workshop holds %d people, not its 40", n)
	}
}

func sizeOf(t testing.TB, a *q.Assessment) int {
	data, err := q.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return len(data)
}

// count is the number of elements matching a selector.
func (b *browser) count(sel string) int {
	var n int
	b.eval(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n)
	return n
}

// TestTheCapsOnPeopleAndActions: the 501st person and an action's text
// past its cap are refused at the field, and nothing saved is harmed.
func TestTheCapsOnPeopleAndActions(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	crowd := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	crowd.ID = "crowd"
	for i := len(crowd.Respondents); i < q.MaxRespondents; i++ {
		crowd.Respondents = append(crowd.Respondents, q.Respondent{ID: fmt.Sprintf("p%d", i), Answers: map[string]q.Answer{}})
	}
	b.importHome(srv.URL, writeFile(t, "crowd.nasss.json", crowd))
	b.open(srv.URL + "/workshop?a=crowd")
	b.run(chromedp.Focus("#person-name", chromedp.ByQuery), insertText("One too many"),
		chromedp.Click("#add-person-button", chromedp.ByQuery), waitFor(`!!document.getElementById("person-name-error")`))
	if got := b.text("#person-name-error"); !strings.Contains(got, "already has 500 people") {
		t.Errorf("the 501st person: %q", got)
	}
	var people int
	b.eval(stored("crowd", `a.respondents.length`), &people)
	if people != q.MaxRespondents {
		t.Errorf("%d people stored", people)
	}

	// The plan's text boxes hold what the file format does.
	b.open(srv.URL + "/plan?a=crowd")
	b.waitHeading("Action plan")
	var most int
	b.eval(`document.getElementById("own-text").maxLength`, &most)
	if most != q.ActionText.Max {
		t.Errorf("the action box holds %d characters; the file format, %d", most, q.ActionText.Max)
	}
	b.showAllSuggestions()
	var key string
	b.eval(`document.querySelector(".plan-suggested").dataset.key`, &key)
	id := "act-" + strings.ReplaceAll(key, "/", "-")
	b.run(chromedp.Click("#"+id+"-accept", chromedp.ByQuery), waitFor(fmt.Sprintf(`!!document.getElementById(%q)`, id+"-text")))
	b.eval(fmt.Sprintf(`document.getElementById(%q).maxLength`, id+"-text"), &most)
	if most != q.ActionText.Max {
		t.Errorf("an accepted action's box holds %d characters", most)
	}
	// Pasted past the cap by a script, which the field's cap does not stop.
	long := strings.Repeat("Fifteen hundred. ", 100)[:1500]
	b.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true})); })()`, id+"-text", long), nil),
		waitFor(fmt.Sprintf(`!!document.getElementById(%q)`, id+"-text-error")))
	if got := b.text("#" + id + "-text-error"); !strings.Contains(got, "has 1,500 characters; the most this field holds is 1,000") {
		t.Errorf("the field says %q", got)
	}
	if got := b.text("#save-status"); !strings.Contains(got, "Not saved") {
		t.Errorf("the status line says %q", got)
	}
	b.screenshot("action-too-long")
	b.checkClean("plan with a refused action")
	b.run(chromedp.Reload(), ready)
	b.waitHeading("Action plan")
	var text string
	b.eval(stored("crowd", `a.actions.find(x => x.suggestion === `+fmt.Sprintf("%q", key)+`).text`), &text)
	if len([]rune(text)) > q.ActionText.Max {
		t.Errorf("an action of %d characters was saved", len([]rune(text)))
	}
}

// TestTwoTabs: the same assessment open in two tabs. Before, the second
// tab's save reverted the first tab's answer and dropped its note, and
// neither tab said so.
func TestTwoTabs(t *testing.T) {
	srv, _ := serveSite(t, site)
	one := newBrowser(t, browserOpts{})
	id := one.startAssessment(srv.URL, "Two tabs", q.Full)
	two := one.newTab()
	// The second tab cannot hear the first (its messages are lost, as
	// they may be, and it is never hidden and shown again): its save finds
	// the first tab's by the revision.
	two.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`Object.defineProperty(BroadcastChannel.prototype, "onmessage", {set() {}, get() { return null }});
			const add = Document.prototype.addEventListener;
			Document.prototype.addEventListener = function (type, ...rest) { if (type !== "visibilitychange") return add.call(this, type, ...rest); };`).Do(ctx)
		return err
	}))
	two.open(srv.URL + "/domain?a=" + id + "&d=1")
	two.waitHeading(q.Default().Domains[0].Title)

	one.answerItem("1A", answer{q.Complex, "Tab one's note."})
	one.run(waitFor(stored(id, `a.respondents[0].answers["1A"] && a.respondents[0].answers["1A"].note === "Tab one's note."`)))
	two.answerItem("1B", answer{q.Simple, ""})
	// Tab one's answer and note appear; nothing was taken away, so the
	// status line says so, with no alarm.
	two.run(waitFor(`document.getElementById("save-status").textContent.includes("with changes from another tab")`))
	if !two.checked("item-1A-complex") || two.value("item-1A-note") != "Tab one's note." {
		t.Errorf("tab two does not show tab one's answer and note")
	}
	var both bool
	two.eval(stored(id, `a.respondents[0].answers["1A"].note === "Tab one's note." && a.respondents[0].answers["1B"].level === "simple"`), &both)
	if !both {
		t.Error("storage lost one tab's answer")
	}
	// Tab one hears tab two's save without a reload.
	one.run(waitFor(`document.getElementById("item-1B-simple").checked`))

	// Both change the same note: tab two saves last and keeps its words,
	// and shows tab one's; tab one shows the words it lost.
	one.run(chromedp.Focus("#item-1A-note", chromedp.ByQuery), chromedp.KeyEvent(kb.End), insertText(" More from tab one."))
	one.run(waitFor(stored(id, `a.respondents[0].answers["1A"].note.endsWith("More from tab one.")`)))
	two.run(chromedp.Evaluate(`document.getElementById("item-1A-note").select()`, nil), chromedp.Focus("#item-1A-note", chromedp.ByQuery),
		insertText("Tab two's version."))
	two.run(waitFor(`!!document.getElementById("other-tab")`))
	if got := two.text("#other-tab"); !strings.Contains(got, "Tab one's note. More from tab one.") || !strings.Contains(got, "Respondent 1, answer to question 1A, note") {
		t.Errorf("tab two does not show the words of tab one it replaced: %q", got)
	}
	two.screenshot("other-tab")
	two.checkClean("a page told of another tab's changes")
	one.run(waitFor(`document.getElementById("item-1A-note").value === "Tab two's version."`),
		waitFor(`!!document.getElementById("other-tab")`))
	if got := one.text("#other-tab"); !strings.Contains(got, "Tab one's note. More from tab one.") {
		t.Errorf("tab one does not show the words it lost: %q", got)
	}
	// In front, as a person would bring it: a tab behind others draws no
	// frames, and focus moves once the page is drawn.
	one.run(page.BringToFront(), waitFor(`document.visibilityState === "visible"`),
		chromedp.Click("#other-tab-ok", chromedp.ByQuery), waitFor(`!document.getElementById("other-tab")`),
		waitFor(`document.activeElement && document.activeElement.id === "page-heading"`))

	// A third tab on the home page sees a renamed project in its list.
	home := one.newTab()
	home.open(srv.URL + "/")
	one.open(srv.URL + "/start?a=" + id)
	one.waitHeading("Project details")
	one.run(chromedp.Focus("#project-name", chromedp.ByQuery), chromedp.KeyEvent(kb.End), insertText(", renamed"))
	home.run(waitFor(`document.querySelector("#assessments .card-title").textContent === "Two tabs, renamed"`))
}

func (b *browser) checked(id string) bool {
	var v bool
	b.eval(fmt.Sprintf(`!!(document.getElementById(%q) || {}).checked`, id), &v)
	return v
}

func (b *browser) value(id string) string {
	var v string
	b.eval(fmt.Sprintf(`(document.getElementById(%q) || {}).value || ""`, id), &v)
	return v
}

// TestShareLinksNeverReplaceSilently: a link naming someone already in
// the workshop says who would be replaced and how many answers change,
// and replaces no one until asked; an older link never overwrites newer
// ratings. Before, one click on a link naming the device's first person
// replaced their ratings, name and role.
func TestShareLinksNeverReplaceSilently(t *testing.T) {
	srv, _ := serveSite(t, site)
	f := newBrowser(t, browserOpts{})
	id := f.startAssessment(srv.URL, "Links workshop", q.Quick)
	f.complete(q.Quick, quickAnswers, "")
	var me q.Respondent
	var raw string
	f.eval(stored(id, `JSON.stringify(a.respondents[0])`), &raw)
	if err := json.Unmarshal([]byte(raw), &me); err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(me.ID, "r") || len(me.ID) < 10 {
		t.Errorf("the device's first person has the guessable ID %q", me.ID)
	}
	before := f.storage()

	// A forged link in the name of the facilitator's own ratings.
	forged := q.Respondent{ID: me.ID, Name: "Mallory", Rated: me.Rated.Add(time.Hour), Answers: map[string]q.Answer{}}
	for _, it := range q.Default().Items(q.Quick) {
		forged.Answers[it.ID] = q.Answer{Level: q.Complex}
	}
	frag, err := q.EncodeLink(q.Default(), id, q.Quick, forged)
	if err != nil {
		t.Fatal(err)
	}
	f.open(srv.URL + "/receive#" + frag)
	f.run(waitFor(`!!document.getElementById("receive-replace")`))
	got := f.text("#receive-replace")
	for _, want := range []string{"Someone with the same ID is already here", "change 5 answers", "The link names them Mallory"} {
		if !strings.Contains(got, want) {
			t.Errorf("the warning lacks %q: %q", want, got)
		}
	}
	if fmt.Sprint(f.storage()) != fmt.Sprint(before) {
		t.Fatal("opening the link changed what is stored")
	}
	f.screenshot("receive-replace")
	f.checkClean("receive asks before replacing")
	f.run(chromedp.Click("#receive-as-new", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	var kept bool
	f.eval(stored(id, fmt.Sprintf(`a.respondents.length === 2 && a.respondents[0].id === %q && a.respondents[0].answers.Q6.level === "simple"`, me.ID)), &kept)
	if !kept {
		t.Error("adding the link as a new person changed the facilitator's ratings")
	}

	// An older link for the same person: keeping the newer is the default.
	older := forged
	older.Name, older.Rated = me.Name, me.Rated.Add(-24*time.Hour)
	frag, _ = q.EncodeLink(q.Default(), id, q.Quick, older)
	f.open(srv.URL + "/receive#" + frag)
	f.run(waitFor(`!!document.getElementById("receive-keep")`))
	if got := f.text("#receive-replace"); !strings.Contains(got, "older than the ones here") {
		t.Errorf("an older link says %q", got)
	}
	before = f.storage()
	f.run(chromedp.Click("#receive-keep", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	if fmt.Sprint(f.storage()) != fmt.Sprint(before) {
		t.Error("keeping the newer ratings changed what is stored")
	}

	// A crafted link is refused, without repeating what it says.
	f.open(srv.URL + "/receive#r2.AgtuYXNzcy1lbi1HQgEB" + strings.Repeat("RVZJTA", 10))
	f.waitHeading("These ratings could not be added")
	if strings.Contains(f.text("main"), "EVIL") {
		t.Error("the error repeats the link")
	}
}

// TestJoinLinks: a join link's project name is shown, and one that would
// make a record the app cannot read is refused.
func TestJoinLinks(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{Width: 375})
	b.open(srv.URL + "/join#w=workshop-7&m=quick&p=Falls+sensors+in+care+homes")
	b.waitHeading("Join the workshop")
	if got := b.text("#join-project"); !strings.Contains(got, "asked to rate Falls sensors in care homes on your own") {
		t.Errorf("the join page says %q", got)
	}
	for name, frag := range map[string]string{
		"a 250-character project": "w=workshop-7&m=quick&p=" + strings.Repeat("n", 250),
		"a NUL in the project":    "w=workshop-7&m=quick&p=Falls%00sensors",
		"an escape in the ID":     "w=work%1Bshop&m=quick&p=Falls",
		"no mode":                 "w=workshop-7&p=Falls",
	} {
		b.open(srv.URL + "/join#" + frag)
		b.waitHeading("This invitation link does not work")
		if b.count("#join-start") != 0 {
			t.Errorf("%s: the page offers to start", name)
		}
	}
	if n := len(b.storage()); n != 0 {
		t.Errorf("bad links stored %d records", n)
	}
}

// TestFullStorage: the browser's storage fills while a person types. The
// page says "Not saved" on every page until a save succeeds, the note
// stays, the export offered holds it, and it is saved once there is room.
// Before, a note typed before moving on was gone, and a new page said
// "Saved".
func TestFullStorage(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	id := b.startAssessment(srv.URL, "Full storage", q.Quick)
	b.answerItem("Q1", answer{level: q.Simple})
	// The disk fills: the database refuses every write, as browsers do
	// when a site's quota or the disk runs out. (DevTools' quota override
	// does not reach the database in this Chromium.)
	full := func(on bool) {
		b.run(chromedp.Evaluate(fmt.Sprintf(`(() => {
			if (!window.nasssRealPut) {
				window.nasssRealPut = IDBObjectStore.prototype.put;
				IDBObjectStore.prototype.put = function (...args) {
					if (window.nasssDiskFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
					return window.nasssRealPut.apply(this, args);
				};
			}
			window.nasssDiskFull = %v;
		})()`, on), nil))
	}
	full(true)
	note := strings.Repeat("Typed before moving on. ", 84)[:2000]
	b.run(chromedp.Focus("#item-Q1-note", chromedp.ByQuery), insertText(note),
		waitFor(`!!document.querySelector(".alert-error")`))
	if got := b.text(".alert-error h2"); got != "Not saved: your latest changes are only on this page" {
		t.Errorf("the alert says %q", got)
	}
	b.screenshot("storage-full")
	b.checkClean("storage full")
	b.continueToNext(q.Default().Domains[1].Title)
	if got := b.text(".status-area"); !strings.Contains(got, "Not saved") || strings.Contains(got, "Saved on this device") {
		t.Errorf("the next page says %q", got)
	}
	a := readFile(t, b.exportFile("#export-now"))
	if a.ID != id || a.Respondents[0].Answers["Q1"].Note != note {
		t.Errorf("the export offered lacks the note")
	}
	// Back within the app, the page's memory still holds the note.
	b.run(chromedp.Click(".back-link", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[0].Title)
	if got := b.value("item-Q1-note"); got != note {
		t.Errorf("going back shows a note of %d characters", len(got))
	}
	full(false) // room again
	b.answerItem("Q1", answer{level: q.Complicated})
	b.run(waitFor(`document.getElementById("save-status") && document.getElementById("save-status").textContent.includes("Saved on this device")`))
	var saved bool
	b.eval(stored(id, fmt.Sprintf(`a.respondents[0].answers.Q1.note === %q`, note)), &saved)
	if !saved {
		t.Error("the note did not reach storage once there was room")
	}
}

// TestMigrationFromLocalStorage: an earlier version kept assessments in
// local storage. On the first start of this one, every record, a damaged
// one too, moves to the database, and local storage keeps none once its
// copy reads back the same.
func TestMigrationFromLocalStorage(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.open(srv.URL + "/")
	old := map[string]string{}
	for _, name := range []string{"example-full-3.nasss.json", "example-quick-1.nasss.json"} {
		data, err := os.ReadFile(filepath.Join(repoRoot(), "questionnaire", "testdata", "schema1", name))
		if err != nil {
			t.Fatal(err)
		}
		old["old-"+strings.TrimSuffix(name, ".nasss.json")] = string(data)
	}
	old["broken"] = `{"schema":1,"id":"broken","proj`
	for k, v := range old {
		b.run(chromedp.Evaluate(fmt.Sprintf(`localStorage.setItem(%q, %q)`, "nasss.assessment."+k, v), nil))
	}
	b.run(chromedp.Evaluate(`localStorage.setItem("not-ours", "kept")`, nil))
	for range 2 { // and a second start finds nothing more to do
		b.run(chromedp.Reload(), ready, waitFor(`document.querySelectorAll("#assessments > li").length === 3`))
	}
	if n := b.count(".card-damaged"); n != 1 {
		t.Errorf("%d damaged records, want 1", n)
	}
	stored := b.storage()
	for k, v := range old {
		if !strings.HasSuffix(stored[k], " "+v) {
			t.Errorf("%s did not arrive whole", k)
		}
	}
	var left []string
	b.eval(`Object.keys(localStorage)`, &left)
	if strings.Join(left, " ") != "not-ours" {
		t.Errorf("local storage still holds %v", left)
	}
	b.open(srv.URL + "/results?a=old-example-full-3")
	b.waitHeading("Results")
}

// TestDamagedRecord: a record that cannot be read is listed, its raw data
// can be downloaded, and deleting it asks first, offering the download.
// Before, one click deleted it with no question and no message.
func TestDamagedRecord(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.open(srv.URL + "/")
	b.run(chromedp.Evaluate(`localStorage.setItem("nasss.assessment.broken", '{"schema":1,"id":"broken","proj')`, nil),
		chromedp.Reload(), ready,
		waitFor(`!!document.querySelector(".card-damaged")`))
	b.run(chromedp.Click(".card-damaged button", chromedp.ByQuery))
	path := b.waitDownload(10 * time.Second)
	if data, _ := os.ReadFile(path); string(data) != `{"schema":1,"id":"broken","proj` {
		t.Errorf("raw data download: %q", data)
	}
	b.screenshot("damaged")
	b.checkClean("home with a damaged record")

	b.run(chromedp.Click(".card-damaged .link-warning", chromedp.ByQuery), waitFor(`!!document.getElementById("confirm-delete")`))
	if len(b.storage()) != 1 {
		t.Fatal("asking deleted it")
	}
	b.run(chromedp.Click("#confirm-delete-rescue", chromedp.ByQuery))
	b.waitDownload(10 * time.Second)
	b.screenshot("damaged-delete")
	b.checkClean("deleting a damaged record")
	b.run(chromedp.Click("#confirm-delete-yes", chromedp.ByQuery), waitFor(`document.getElementById("home-message").textContent.startsWith("Deleted")`))
	if len(b.storage()) != 0 || b.count(".card-damaged") != 0 {
		t.Error("the damaged record is still there")
	}
}

// TestImportTwoFilesWithOneID: two files of one assessment chosen
// together are two choices, and neither is dropped unasked.
func TestImportTwoFilesWithOneID(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	a1 := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	a2 := q.Clone(a1)
	a2.Project.Name = "The same assessment, changed elsewhere"
	b.open(srv.URL + "/")
	b.importFiles(writeFile(t, "one.nasss.json", a1), writeFile(t, "two.nasss.json", a2))
	b.run(waitFor(`!!document.getElementById("conflict-0-both")`))
	if b.count("fieldset input[value=both]") != 1 || !strings.Contains(b.text("form.panel"), "two.nasss.json") {
		t.Errorf("the choice does not name its file: %q", b.text("form.panel"))
	}
	b.run(chromedp.Click("#conflict-0-both", chromedp.ByQuery),
		chromedp.Click("form.panel button[type=submit]", chromedp.ByQuery),
		waitFor(`document.querySelectorAll("#assessments > li").length === 2`))
}

// TestKeepingCopies: the home page says whether the browser agreed to keep
// the data, how much is stored, and, once a week at most, reminds people
// to export a copy, with the date of their last export.
func TestKeepingCopies(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importHome(srv.URL, filepath.Join(repoRoot(), "questionnaire", "testdata", "example-quick-1.nasss.json"))
	b.open(srv.URL + "/")
	if got := b.text("#storage"); !strings.Contains(got, "Your assessments take") || !strings.Contains(got, "keep") {
		t.Errorf("the storage panel says %q", got)
	}
	if b.count("#backup-reminder") != 0 {
		t.Error("reminded on the first day")
	}
	// Eight days on, unless this browser agreed to keep the data.
	setSetting := func(k, v string) {
		b.run(chromedp.Evaluate(fmt.Sprintf(`nasssStore.then(s => s.setSetting(%q, %q))`, k, v), nil, awaitPromise))
	}
	setSetting("since", time.Now().Add(-8*24*time.Hour).UTC().Format(time.RFC3339))
	b.open(srv.URL + "/")
	var persisted bool
	b.eval(`navigator.storage.persisted()`, &persisted)
	if persisted {
		if b.count("#backup-reminder") != 0 {
			t.Error("reminded though the browser keeps the data")
		}
		return
	}
	b.run(waitFor(`!!document.getElementById("backup-reminder")`))
	b.screenshot("backup-reminder")
	b.checkClean("home with the reminder")
	b.run(chromedp.Click("#backup-later", chromedp.ByQuery), waitFor(`!document.getElementById("backup-reminder")`))
	b.open(srv.URL + "/")
	if b.count("#backup-reminder") != 0 {
		t.Error("the reminder came back at once")
	}
	b.exportFile("#assessments .link-button")
	today := time.Now().Format("2 January 2006")
	if err := b.runErr(waitForWithin(fmt.Sprintf(`document.getElementById("storage-last-export").textContent.includes(%q) &&
		document.querySelector("#assessments .card-export").textContent.includes(%q)`, today, today), 5*time.Second)); err != nil {
		t.Errorf("the last export is given as %q, and on the card %q", b.text("#storage-last-export"), b.text(".card-export"))
	}
}

// TestManyWorkshops stores 20 full workshops of 60 people, each with
// three reviews: 80 records, far more than local storage held. Their files
// predate series, so the reviews find their project by its name.
func TestManyWorkshops(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{Timeout: 3 * time.Minute})
	paths := manyWorkshops(t, 20, 3)
	total := 0
	for _, p := range paths {
		st, _ := os.Stat(p)
		total += int(st.Size())
	}
	t.Logf("importing %d files, %d MB in all", len(paths), total>>20)
	b.open(srv.URL + "/")
	b.importFiles(paths...)
	b.run(waitFor(`document.getElementById("home-message").textContent.startsWith("Imported")`))
	if got := b.text("#home-message"); got != fmt.Sprintf("Imported %d assessments.", len(paths)) || b.count(".error-summary") != 0 {
		t.Errorf("%q %s", got, b.text(".error-summary"))
	}
	b.run(chromedp.Reload(), ready)
	// One card per project, its three reviews' earlier assessments under it.
	if cards, earlier := b.count("#assessments > li"), b.count(".card-earlier-item"); cards != 20 || cards+earlier != len(paths) {
		t.Errorf("%d cards with %d earlier assessments listed after a reload, want 20 holding %d", cards, earlier, len(paths))
	}
}

// manyWorkshops writes workshops of 60 people, each with reviews.
func manyWorkshops(t testing.TB, n, reviews int) []string {
	dir := t.TempDir()
	var paths []string
	for w := range n {
		a := workshop(fmt.Sprintf("ws-%02d", w), 60, 150, uint64(w))
		for r := range reviews + 1 {
			c := q.Clone(a)
			c.ID = fmt.Sprintf("%s-r%d", a.ID, r)
			for s := range r {
				c.History = append(c.History, q.Snapshot{Date: q.Date(fmt.Sprintf("2026-0%d-01", s+1)), Mode: q.Full, Answers: c.Respondents[0].Answers})
			}
			data, err := q.Encode(c)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, c.ID+".nasss.json")
			os.WriteFile(path, data, 0o644)
			paths = append(paths, path)
		}
	}
	return paths
}

// TestRefusedTextStaysInTheBox: text the store refuses stays in its box,
// with the reason beside it, and nothing stored is harmed; typing on does
// not save what the box held before. Before, the box was drawn afresh
// from what it held when the page opened, and the next keystroke saved
// that over newer words.
func TestRefusedTextStaysInTheBox(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	id := b.startAssessment(srv.URL, "Refused text", q.Quick)
	b.answerItem("Q1", answer{q.Complex, "Saved words."})
	b.run(waitFor(stored(id, `a.respondents[0].answers.Q1.note === "Saved words."`)))
	b.run(insertText(" Pasted \x1b[2J from slides."), waitFor(`!!document.getElementById("item-Q1-note-error")`))
	check := func(when, box string) {
		t.Helper()
		if got := b.value("item-Q1-note"); got != box {
			t.Errorf("%s: the box holds %q, want %q", when, got, box)
		}
		if b.activeID() != "item-Q1-note" {
			t.Errorf("%s: focus is on #%s", when, b.activeID())
		}
		var kept bool
		b.eval(stored(id, `a.respondents[0].answers.Q1.note === "Saved words."`), &kept)
		if !kept {
			t.Errorf("%s: what was stored changed", when)
		}
	}
	check("refused", "Saved words. Pasted \x1b[2J from slides.")
	if got := b.text("#item-Q1-note-error"); !strings.Contains(got, "escape character") {
		t.Errorf("the reason given is %q", got)
	}
	b.screenshot("refused-text")
	b.checkClean("a refused note")
	b.run(insertText(" More"))
	check("typed on", "Saved words. Pasted \x1b[2J from slides. More")
	// Leaving with the refused text on screen asks first.
	b.run(chromedp.Reload(), ready)
	if !slices.ContainsFunc(b.console(), func(l string) bool { return strings.Contains(l, "the page asked before leaving") }) {
		t.Error("the page let itself be left with text it had not saved, without asking")
	}
	b.waitHeading(q.Default().Domains[0].Title)
	b.run(chromedp.Evaluate(`document.getElementById("item-Q1-note").select()`, nil), insertText("Mended."),
		waitFor(stored(id, `a.respondents[0].answers.Q1.note === "Mended."`)), waitFor(`!document.getElementById("item-Q1-note-error")`))

	// A nearly full workshop: a long paste that would take it past the
	// cap stays in its box, and the next keystroke saves nothing old.
	// Within 5 KB of the cap: reflections make up the difference.
	a := workshop("nearly-full", 48, 790, 3)
	a.Reflections = map[string]string{}
	for _, d := range q.Default().Domains {
		if pad := q.MaxFileSize - 5_000 - sizeOf(t, a); pad > 0 {
			a.Reflections[d.ID] = strings.Repeat("x", min(q.NoteText.Max, pad))
		}
	}
	t.Logf("a workshop of %d bytes; the cap is %d", sizeOf(t, a), q.MaxFileSize)
	b.importHome(srv.URL, writeFile(t, "nearly-full.nasss.json", a))
	r := a.Respondents[0]
	b.open(srv.URL + "/domain?a=nearly-full&d=2&r=" + r.ID)
	b.run(chromedp.Focus("#item-2A-note", chromedp.ByQuery), chromedp.KeyEvent(kb.End), insertText(strings.Repeat(" Minutes.", 1000)),
		waitFor(`!!document.getElementById("item-2A-note-error")`))
	if got := b.text("#item-2A-note-error"); !strings.Contains(got, "one assessment can hold") {
		t.Errorf("the reason given is %q", got)
	}
	b.run(insertText("."))
	var old string
	b.eval(stored("nearly-full", `a.respondents[0].answers["2A"].note`), &old)
	if old != r.Answers["2A"].Note {
		t.Errorf("a keystroke after the refusal stored a note of %d characters", len(old))
	}
	if got := b.value("item-2A-note"); !strings.HasSuffix(got, "Minutes..") {
		t.Errorf("the box lost the paste: it ends %q", got[max(0, len(got)-20):])
	}
}
