package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TestRatingCodes: a participant rates on their own phone and reads out
// the code it shows; the facilitator, with no network at all, types it.
// A typo, a swapped pair, another workshop's code and a newer version's
// are each refused with a reason, and nothing changes until it is right.
func TestRatingCodes(t *testing.T) {
	srv, _ := serveSite(t, site)
	f, id, invite := quickWorkshop(t, srv, "Code workshop")
	p := newBrowser(t, browserOpts{Width: 375})
	levels := []q.Level{q.Simple, q.Complex, q.Complex, q.Unknown, q.Simple, q.NotApplicable, q.Complicated}
	p.joinAndRate(invite, "Dee", levels)
	code := strings.TrimSpace(p.text("#rating-code span"))
	if len(strings.ReplaceAll(code, " ", "")) != 12 || strings.Count(code, " ") != 2 {
		t.Fatalf("the participant's code is %q; want 12 characters in groups of four", code)
	}
	if got := p.text("#send-code"); !strings.Contains(got, "the device that holds the workshop") {
		t.Errorf("the code's panel does not say which device it must reach: %q", got)
	}
	if got := p.text("#send-back"); !strings.Contains(got, "Export my file") {
		t.Errorf("the send-back screen does not offer the file: %q", got)
	}
	p.screenshot("send-code")
	p.checkClean("the participant's code")

	// The facilitator's room has no network.
	srv.Stop()
	f.open(srv.URL + "/workshop?a=" + id)
	f.waitHeading("Workshop")
	people := func() int {
		var n int
		f.eval(stored(id, `a.respondents.length`), &n)
		return n
	}
	before := people()
	plain := strings.ReplaceAll(code, " ", "")
	swapped := plain[:4] + plain[5:6] + plain[4:5] + plain[6:]
	wrong := plain[:7] + string("0123456789ABCDEFGHJKMNPQRSTVWXYZ"[(strings.IndexByte("0123456789ABCDEFGHJKMNPQRSTVWXYZ", plain[7])+1)%32]) + plain[8:]
	otherWorkshop, _ := q.EncodeCode(q.Default(), "someone-elses", q.Quick, map[string]q.Answer{"Q1": {Level: q.Simple}})
	fullCode, _ := q.EncodeCode(q.Default(), id, q.Full, map[string]q.Answer{"1A": {Level: q.Simple}})
	refusals := []struct{ typed, want string }{
		{wrong, "has a mistake in it"},
		{swapped, "has a mistake in it"},
		{otherWorkshop, "made for another workshop"},
		{fullCode, "is for a full assessment, but this workshop is a quick scan"},
		{plain[:10], "12 characters in groups of four; this one has 10"},
	}
	if swapped == plain {
		t.Fatal("the test's swap changed nothing")
	}
	for _, r := range refusals {
		f.run(setInput("#code", r.typed), chromedp.Click("#add-code-button", chromedp.ByQuery))
		// The message before may still show: wait for this one's.
		said := fmt.Sprintf(`(document.getElementById("code-error") || {}).textContent.includes(%q)`, r.want)
		if err := f.runErr(waitForWithin(said, 5*time.Second)); err != nil {
			t.Errorf("typing %q says %q; want %q", r.typed, f.text("#code-error"), r.want)
		}
		if err := f.runErr(waitForWithin(`document.activeElement && document.activeElement.id === "code"`, 3*time.Second)); err != nil {
			id := f.activeID()
			t.Errorf("after refusing %q, focus is on #%s", r.typed, id)
		}
	}
	if n := people(); n != before {
		t.Errorf("refused codes changed the workshop: %d people, were %d", n, before)
	}
	f.screenshot("code-refused")
	f.checkClean("a refused code")

	// Typed as heard: lower case, dashes.
	f.run(chromedp.Focus("#code-name", chromedp.ByQuery), insertText("Dee"),
		setInput("#code", strings.ToLower(strings.ReplaceAll(code, " ", "-"))), chromedp.Click("#add-code-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.startsWith("Added")`))
	if n := people(); n != before+1 {
		t.Fatalf("%d people after the code; want %d", n, before+1)
	}
	var got []string
	f.eval(stored(id, `(() => { const r = a.respondents[a.respondents.length-1]; return [r.name, ...["Q1","Q2","Q3","Q4","Q5","Q6","Q7"].map(k => (r.answers[k] || {}).level || "")]; })()`), &got)
	want := []string{"Dee"}
	for _, l := range levels {
		want = append(want, string(l))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the code's ratings arrived as %v; want %v", got, want)
	}
	// The same code twice adds no one.
	f.run(chromedp.Focus("#code-name", chromedp.ByQuery), insertText("Dee"), setInput("#code", code),
		chromedp.Click("#add-code-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.includes("already here")`))
	if n := people(); n != before+1 {
		t.Errorf("the same code twice made %d people", n)
	}
}

// setInput types a value into a field as a person would, firing input.
func setInput(sel, value string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.value = %q;
		el.dispatchEvent(new Event("input", {bubbles: true})); })()`, sel, value), nil)
}

// setUpWorkshop sets up a quick-scan workshop from the home page's "Run a
// workshop", as a facilitator does, and gives its page and ID.
func setUpWorkshop(t *testing.T, srv *testServer, project string) (f *browser, id string) {
	t.Helper()
	f = newBrowser(t, browserOpts{})
	f.open(srv.URL + "/")
	f.run(chromedp.Click("#start-workshop", chromedp.ByQuery))
	f.waitHeading("Set up a workshop")
	f.run(chromedp.Focus("#project-name", chromedp.ByQuery), insertText(project),
		chromedp.Click("#mode-quick", chromedp.ByQuery), chromedp.Click("#continue", chromedp.ByQuery))
	f.waitHeading("Workshop")
	f.eval(`new URLSearchParams(location.search).get("a")`, &id)
	return f, id
}

// TestWorkshopPeople: a workshop is set up from the home page; the first
// person is renamed, someone is removed after a confirmation that says
// what goes, and people the facilitator listed before they joined are
// filled in, by code and by link, rather than added twice.
func TestWorkshopPeople(t *testing.T) {
	srv, _ := serveSite(t, site)
	f, id := setUpWorkshop(t, srv, "Ward tablets")
	var first string
	f.eval(`document.querySelector("#respondents > li").dataset.respondent`, &first)

	// Rename the first person.
	f.run(chromedp.Click("#rename-"+first, chromedp.ByQuery), waitFor(`!!document.getElementById("rename-name")`))
	f.run(setInput("#rename-name", "Ana"), setInput("#rename-role", "Facilitator"), chromedp.Click("#rename-save", chromedp.ByQuery),
		waitFor(`document.querySelector("#respondents > li .card-title").textContent === "Ana (Facilitator)"`))

	// List who is coming, and one too many.
	add := func(name string) {
		f.run(setInput("#person-name", name), chromedp.Click("#add-person-button", chromedp.ByQuery),
			waitFor(fmt.Sprintf(`document.getElementById("workshop-message").textContent === "Added %s."`, name)))
	}
	for _, name := range []string{"Tom", "Priya", "Sam"} {
		add(name)
	}
	var sam string
	f.eval(`[...document.querySelectorAll("#respondents > li")].find(li => li.textContent.includes("Sam")).dataset.respondent`, &sam)
	f.run(chromedp.Click("#remove-"+sam, chromedp.ByQuery), waitFor(`!!document.getElementById("remove-title")`))
	if got := f.text(`[data-respondent="` + sam + `"]`); !strings.Contains(got, "Their 0 ratings and 0 notes will go") {
		t.Errorf("the removal's confirmation says %q", got)
	}
	f.screenshot("remove-person")
	f.checkClean("removing a person")
	f.run(chromedp.Click("#remove-yes", chromedp.ByQuery), waitFor(`document.getElementById("workshop-message").textContent === "Removed Sam."`))
	people := func() int {
		var n int
		f.eval(stored(id, `a.respondents.length`), &n)
		return n
	}
	if n := people(); n != 3 {
		t.Fatalf("%d people after removing Sam; want 3", n)
	}
	var invite string
	f.eval(`document.getElementById("invite-link").value`, &invite)

	// Tom joins on his phone and reads out his code; typed with his name,
	// it fills his place.
	tom := newBrowser(t, browserOpts{Width: 375})
	tom.joinAndRate(invite, "tom", []q.Level{q.Simple, q.Simple, q.Complex, q.Simple, q.Simple, q.Simple, q.Simple})
	// His page is his own ratings: no team plan, PDF or review there.
	var offered []string
	tom.eval(`["#open-plan", "#download-pdf", "#start-review", "#keep-copy", "#change-answers"].filter(s => document.querySelector(s))`, &offered)
	if fmt.Sprint(offered) != "[#change-answers]" {
		t.Errorf("a participant's own page offers %v; want only #change-answers", offered)
	}
	code := strings.TrimSpace(tom.text("#rating-code span"))
	f.run(setInput("#code-name", "Tom"), setInput("#code", code), chromedp.Click("#add-code-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.startsWith("Filled in Tom's ratings")`))
	if n := people(); n != 3 {
		t.Errorf("%d people after Tom's code; want 3", n)
	}
	// Only Tom has rated: the discussion must not pass for the group's.
	f.run(chromedp.Click("#discuss", chromedp.ByQuery))
	f.waitHeading("Compare ratings and agree")
	if got := f.text("#not-yet-rated"); !strings.Contains(got, "1 of 3 so far") || !strings.Contains(got, "Ana (Facilitator), Priya") {
		t.Errorf("the discussion's warning says %q", got)
	}
	f.screenshot("discussion-not-yet-rated")
	f.checkClean("a discussion before everyone has rated")
	f.open(srv.URL + "/workshop?a=" + id)
	f.waitHeading("Workshop")

	// Priya sends a link; opening it offers to fill her place.
	priya := newBrowser(t, browserOpts{Width: 375})
	priya.joinAndRate(invite, "Priya", []q.Level{q.Complex, q.Simple, q.Simple, q.Simple, q.Simple, q.Simple, q.Unknown})
	var send string
	priya.eval(`document.getElementById("send-link").value`, &send)
	f.open(send)
	f.waitHeading("Add someone's ratings")
	f.run(waitFor(`!!document.getElementById("receive-match")`))
	f.screenshot("receive-match")
	f.checkClean("a link from someone already listed")
	f.run(chromedp.Click("#receive-fill", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	if n := people(); n != 3 {
		t.Errorf("%d people after Priya's link; want 3", n)
	}
	var filled []string
	f.eval(stored(id, `a.respondents.map(r => r.name + ":" + Object.keys(r.answers).length)`), &filled)
	if fmt.Sprint(filled) != "[Ana:0 Tom:7 Priya:7]" {
		t.Errorf("the people and their answers: %v", filled)
	}
	// Ana has still not rated: the results and the PDF count who did.
	f.open(srv.URL + "/results?a=" + id)
	f.waitHeading("Results")
	if got := f.text("#not-yet-rated"); !strings.Contains(got, "2 of 3 so far") || !strings.Contains(got, "Ana (Facilitator)") {
		t.Errorf("the results' warning says %q", got)
	}
	f.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, f.waitDownload(30*time.Second)); !strings.Contains(text, "Quick scan · 2 of 3 people rated ·") ||
		!strings.Contains(text, "1 person on the list has not rated yet") || !strings.Contains(text, "Who answered 2 of 3 people rated") {
		t.Errorf("the PDF does not say that only 2 of 3 people rated:\n%.400s", text)
	}
}

// TestDiscussion: the discussion shows each level's description and what
// people noted, counts what is agreed, and marks an agreed card; on a
// workshop's results, changing a domain leads there.
func TestDiscussion(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-full-3.nasss.json")
	b.open(srv.URL + "/results?a=example-1")
	b.waitHeading("Results")
	b.run(chromedp.Evaluate(`document.getElementById("domains-detail").open = true`, nil), chromedp.Click("#discuss-1", chromedp.ByQuery))
	b.waitHeading("Compare ratings and agree")
	var agreed, total int
	progress := func() {
		t.Helper()
		if _, err := fmt.Sscanf(b.text("#agreed-progress strong"), "%d of %d agreed", &agreed, &total); err != nil || total != 24 {
			t.Fatalf("the progress says %q", b.text("#agreed-progress"))
		}
	}
	progress()
	before := agreed
	var item string
	b.eval(`document.querySelector(".discuss-item[data-agreed='false']").dataset.item`, &item)
	bi := q.Default().Item(item)
	card := b.text("#agree-" + item)
	if !strings.Contains(card, bi.Levels.Complex) || !strings.Contains(card, bi.Levels.Simple) {
		t.Errorf("the agree choices for %s lack the level descriptions: %.300s", item, card)
	}
	var withNotes int
	b.eval(`document.querySelectorAll(".discuss-notes").length`, &withNotes)
	if withNotes == 0 {
		t.Error("no card shows what people noted")
	}
	b.run(chromedp.Click("#agree-"+item+"-complicated", chromedp.ByQuery),
		waitFor(fmt.Sprintf(`document.getElementById("agree-%s").dataset.agreed === "true"`, item)))
	progress()
	if agreed != before+1 {
		t.Errorf("agreeing one more question moved the count from %d to %d", before, agreed)
	}
	// The choice shows as made, without a reload.
	if err := b.runErr(waitForWithin(fmt.Sprintf(`document.getElementById("agree-%s-complicated").checked`, item), 3*time.Second)); err != nil {
		t.Errorf("the agreed rating of %s does not show as chosen", item)
	}
	b.screenshot("discuss-progress")
	b.checkClean("the discussion with progress")

	// The facilitator's pack, for the day, from the workshop page.
	b.open(srv.URL + "/workshop?a=example-1")
	b.waitHeading("Workshop")
	b.run(chromedp.Click("#download-pack", chromedp.ByQuery))
	path := b.waitDownload(30 * time.Second)
	if !strings.HasSuffix(path, ".pdf") || !strings.Contains(path, "facilitators-pack") {
		t.Errorf("the pack downloaded as %s", path)
	}
	text := pdfText(t, path)
	for _, want := range []string{"A 60-minute workshop", "Paper questionnaire", bi.Question} {
		if !strings.Contains(text, want) {
			t.Errorf("the pack lacks %q", want)
		}
	}
}

// TestThreeReviewTimeline follows a project through two reviews: the third
// assessment shows each domain's level at each, as a chart and a table,
// and its PDF has the same.
func TestThreeReviewTimeline(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-quick-1.nasss.json")
	id := "example-1"
	for n, change := range []answer{{level: q.Simple}, {level: q.Unknown}} {
		b.open(srv.URL + "/results?a=" + id)
		b.waitHeading("Results")
		b.run(chromedp.Click("#start-review", chromedp.ByQuery), chromedp.Click("#start-review-yes", chromedp.ByQuery))
		b.waitHeading(q.Default().Domains[0].Title)
		b.eval(`new URLSearchParams(location.search).get("a")`, &id)
		if got := b.text(".caption"); !strings.Contains(got, fmt.Sprintf("Review %d, ", n+1)) {
			t.Errorf("review %d's caption: %q", n+1, got)
		}
		b.open(srv.URL + "/domain?a=" + id + "&d=5")
		b.answerItem("Q5", change)
	}
	b.open(srv.URL + "/results?a=" + id)
	b.waitHeading("Results")
	b.run(waitFor(`!!document.getElementById("timeline")`))
	var cols int
	b.eval(`document.querySelectorAll("#timeline-table thead th").length`, &cols)
	if cols != 1+3 {
		t.Errorf("the timeline's table has %d columns; want the domain and 3 assessments", cols)
	}
	if got := b.text(`#timeline-table tr[data-domain="5"]`); !strings.Contains(got, "Complex") || !strings.Contains(got, "Simple") || !strings.Contains(got, "Don't know") {
		t.Errorf("domain 5 over time: %q", got)
	}
	b.screenshot("timeline")
	b.checkClean("a three-review timeline")
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	if text := pdfText(t, b.waitDownload(30*time.Second)); !strings.Contains(text, "How complexity changed") {
		t.Error("the third review's PDF has no timeline")
	}
}

// barcodeStub stands in for the BarcodeDetector that Chromium on Linux
// lacks (it has one on Android, macOS and ChromeOS). It reads nothing but
// a camera view that is playing, and then whatever the test has put in
// window.nasssTestQR, so the app's side is real: the offer, the camera,
// the reading loop, what it does with the text, and turning the camera off.
const barcodeStub = `window.BarcodeDetector = class {
  static async getSupportedFormats() { return ["qr_code"]; }
  constructor(o) { if (!o || !o.formats.includes("qr_code")) throw new Error("asked for " + JSON.stringify(o)); }
  async detect(source) {
    if (!(source instanceof HTMLVideoElement) || !source.srcObject || source.videoWidth === 0) return [];
    window.nasssStream = source.srcObject;
    window.nasssFrames = (window.nasssFrames || 0) + 1;
    return window.nasssTestQR ? [{ rawValue: window.nasssTestQR, format: "qr_code" }] : [];
  }
};`

// TestScanCode: where the browser cannot read QR codes, nothing offers it;
// where it can, the facilitator scans a participant's send-back picture and
// their ratings are offered for adding, with the camera off again.
func TestScanCode(t *testing.T) {
	srv, _ := serveSite(t, site)
	f, id, invite := quickWorkshop(t, srv, "Scanned ward")
	var native bool
	f.eval(`typeof BarcodeDetector !== "undefined"`, &native)
	var offered bool
	f.eval(`!!document.getElementById("scan-start")`, &offered)
	if offered != native {
		t.Errorf("the scan is offered: %v; the browser has a BarcodeDetector: %v", offered, native)
	}
	f.close()

	priya := newBrowser(t, browserOpts{Width: 375})
	priya.joinAndRate(invite, "Priya", []q.Level{q.Complex, q.Simple, q.Simple, q.Simple, q.Simple, q.Simple, q.Unknown})
	var send string
	priya.eval(`document.getElementById("send-link").value`, &send)

	// The same profile, now with a camera and a detector.
	s := newBrowser(t, browserOpts{Camera: true, Profile: f.opts.Profile})
	s.run(chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(barcodeStub).Do(ctx)
		return err
	}))
	s.open(srv.URL + "/workshop?a=" + id)
	s.waitHeading("Workshop")
	s.run(waitFor(`!!document.getElementById("scan-start")`), chromedp.Click("#scan-start", chromedp.ByQuery),
		waitFor(`window.nasssFrames > 2`))
	s.screenshot("scan-code")
	s.checkClean("scanning a participant's code")
	var focused string
	s.eval(`document.activeElement.id`, &focused)
	if focused != "scan-stop" {
		t.Errorf("focus is on %q while scanning; want the Stop button", focused)
	}

	// Escape turns the camera off.
	s.run(chromedp.KeyEvent(kb.Escape), waitFor(`!!document.getElementById("scan-start") && nasssStream.getTracks().every(t => t.readyState === "ended")`))

	// Something that is not a participant's picture is named as such.
	s.run(chromedp.Evaluate(`window.nasssFrames = 0`, nil), chromedp.Click("#scan-start", chromedp.ByQuery), waitFor(`window.nasssFrames > 2`),
		chromedp.Evaluate(`window.nasssTestQR = "https://example.org/menu"`, nil),
		waitFor(`document.getElementById("scan-message").textContent.includes("not a participant's ratings")`))
	// Priya's picture opens the page that adds her ratings.
	s.run(chromedp.Evaluate(`window.nasssTestQR = `+strconv.Quote(send), nil))
	s.waitHeading("Add someone's ratings")
	s.run(waitFor(`nasssStream.getTracks().every(t => t.readyState === "ended")`))
	s.run(chromedp.Click("#receive-add", chromedp.ByQuery), waitFor(`!!document.getElementById("receive-done")`))
	var names []string
	s.eval(stored(id, `a.respondents.map(r => (r.name || "") + ":" + Object.keys(r.answers).length)`), &names)
	if fmt.Sprint(names) != "[:7 Priya:7]" {
		t.Errorf("the people after the scan: %v", names)
	}
}

// TestListedBeforeRating: the first person listed in a new workshop takes
// the nameless first place rather than leaving a stranger on the list, and
// a code typed twice, the second time without a name, is not a second
// person.
func TestListedBeforeRating(t *testing.T) {
	srv, _ := serveSite(t, site)
	f, id := setUpWorkshop(t, srv, "Listed first")
	f.run(setInput("#person-name", "Tom"), chromedp.Click("#add-person-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent === "Added Tom."`))
	var people []string
	f.eval(stored(id, `a.respondents.map(r => r.name || "(no name)")`), &people)
	if fmt.Sprint(people) != "[Tom]" {
		t.Errorf("after listing Tom the workshop holds %v; want [Tom]", people)
	}

	answers := map[string]q.Answer{}
	for i, it := range q.Default().Items(q.Quick) {
		answers[it.ID] = q.Answer{Level: []q.Level{q.Simple, q.Complex, q.Complicated}[i%3]}
	}
	code, err := q.EncodeCode(q.Default(), id, q.Quick, answers)
	if err != nil {
		t.Fatal(err)
	}
	f.run(setInput("#code-name", "Tom"), setInput("#code", code), chromedp.Click("#add-code-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.startsWith("Filled in Tom's ratings")`))
	f.run(setInput("#code", strings.ReplaceAll(code, "0", "O")), chromedp.Click("#add-code-button", chromedp.ByQuery),
		waitFor(`document.getElementById("workshop-message").textContent.startsWith("These ratings are already here, as Tom")`))
	f.eval(stored(id, `a.respondents.map(r => r.name || "(no name)")`), &people)
	if fmt.Sprint(people) != "[Tom]" {
		t.Errorf("after Tom's code twice the workshop holds %v; want [Tom]", people)
	}
	var unsaved bool
	f.eval(`window.nasssUnsaved()`, &unsaved)
	if unsaved {
		t.Error("after a code found to be here already, leaving the page would ask about unsaved changes")
	}
}
