package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// TestAboutLevelsAndLinks follows what a team records beyond the ratings:
// what the project is for, a domain's level set by the team with its
// reason, two questions linked as making each other worse, and a baseline
// check given to someone. Each reaches the results, the file and the PDF.
func TestAboutLevelsAndLinks(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.open(srv.URL + "/")
	b.run(chromedp.Click("#start", chromedp.ByQuery))
	b.waitHeading("Start a new assessment")
	b.screenshot("start-about")
	const (
		problem  = "People in rural villages wait weeks for a falls review."
		success  = "Half as many falls that need an ambulance, within a year."
		decision = "Whether to pilot in two care homes this winter."
		reason   = "The supplier's device is new, but our estates team has fitted the same kind before."
		linkNote = "If the councils disagree on who pays, the supplier will not change the device."
	)
	b.run(chromedp.Focus("#project-name", chromedp.ByQuery), insertText("Falls sensors in care homes"),
		chromedp.Focus("#project-problem", chromedp.ByQuery), insertText(problem),
		chromedp.Click("#stage-pilot", chromedp.ByQuery),
		chromedp.Focus("#project-success", chromedp.ByQuery), insertText(success),
		chromedp.Focus("#project-decision", chromedp.ByQuery), insertText(decision),
		chromedp.Click("#mode-quick", chromedp.ByQuery),
		chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[0].Title)
	var id string
	b.eval(`new URLSearchParams(location.search).get("a")`, &id)
	b.complete(q.Quick, quickAnswers, "")
	b.waitHeading("Check your answers")

	// Link the two complex questions, from the check page.
	b.run(chromedp.Click("#to-links", chromedp.ByQuery))
	b.waitHeading("How the parts affect each other")
	if got := b.text("#links-focus"); !strings.Contains(got, "Q2") || !strings.Contains(got, "Q3") || !strings.Contains(got, "Q5") || strings.Contains(got, "Q1") {
		t.Errorf("the questions offered first are %q; want the complex and unknown ones (Q2, Q3, Q5)", got)
	}
	// Linking a question with itself is refused, with a message.
	b.run(setField("#link-a", "Q2"), setField("#link-b", "Q2"), chromedp.Click("#add-link-button", chromedp.ByQuery),
		waitFor(`!!document.getElementById("error-summary")`))
	if got := b.text("#error-summary"); !strings.Contains(got, "two different questions") {
		t.Errorf("linking a question with itself says %q", got)
	}
	b.run(setField("#link-b", "Q5"), chromedp.Focus("#link-note", chromedp.ByQuery), insertText(linkNote),
		chromedp.Click("#add-link-button", chromedp.ByQuery),
		waitFor(`document.querySelectorAll(".link-item").length === 1`))
	if got := b.text("#links"); !strings.Contains(got, linkNote) {
		t.Errorf("the link list shows %q", got)
	}
	if id := b.activeID(); id != "links-heading" {
		t.Errorf("after linking, focus is on #%s, want the list's heading", id)
	}
	b.screenshot("links")
	b.checkClean("links")

	b.run(chromedp.Click("#links-done", chromedp.ByQuery))
	b.waitHeading("Results")
	if got := b.text("#reading h2"); got != "2 of 7 domains are complex; 1 is not known enough" {
		t.Errorf("reading before the team sets a level: %q", got)
	}
	about := b.text("#about-project")
	for _, want := range []string{problem, "A pilot or first use", success, decision} {
		if !strings.Contains(about, want) {
			t.Errorf("the results' project panel lacks %q: %q", want, about)
		}
	}
	if got := b.text("#linked"); !strings.Contains(got, linkNote) {
		t.Errorf("the results' linked risks: %q", got)
	}

	// Set domain 2 to complicated: a reason is needed first.
	b.run(chromedp.Evaluate(`document.getElementById("domains-detail").open = true; document.getElementById("set-2").open = true`, nil),
		chromedp.Click("#set-2-complicated", chromedp.ByQuery),
		chromedp.Click("#set-2-save", chromedp.ByQuery),
		waitFor(`document.body.textContent.includes("a level the team sets needs its reason")`))
	b.run(chromedp.Focus("#set-2-reason", chromedp.ByQuery), insertText(reason),
		chromedp.Click("#set-2-save", chromedp.ByQuery),
		waitFor(`document.querySelector("#reading h2").textContent.startsWith("1 of 7")`))
	if got := b.text("#reading h2"); got != "1 of 7 domains is complex; 1 is not known enough" {
		t.Errorf("reading after the team set domain 2: %q", got)
	}
	card := b.text(`.domain-card[data-domain="2"]`)
	if !strings.Contains(card, "set by the team; the questions suggest complex") || !strings.Contains(card, reason) {
		t.Errorf("domain 2's card: %q", card)
	}
	b.screenshot("results-set-level")
	b.checkClean("results with a level set by the team")

	// Give one baseline check to someone and mark another done.
	b.open(srv.URL + "/plan?a=" + id)
	b.waitHeading("Action plan")
	var first string
	b.eval(`document.querySelector("#plan .plan-item, .plan-item").className`, &first)
	if !strings.Contains(first, "plan-check") {
		t.Errorf("the plan's first row is %q; want an \"Always check\" row", first)
	}
	b.run(chromedp.Click("#act-check-dspt-assign", chromedp.ByQuery), waitFor(`!!document.getElementById("act-check-dspt-owner")`))
	b.run(chromedp.Focus("#act-check-dspt-owner", chromedp.ByQuery), insertText("Information governance lead"),
		chromedp.Click("#act-check-clinical-safety-done", chromedp.ByQuery),
		waitFor(`document.getElementById("act-check-clinical-safety").dataset.status === "done"`))
	b.screenshot("plan-checks")
	b.checkClean("plan with checks")

	// The file keeps it all, and the suggested level beside the team's.
	b.open(srv.URL + "/results?a=" + id)
	b.waitHeading("Results")
	a := readFile(t, b.exportFile("#export"))
	if a.Project.Problem != problem || a.Project.Stage != q.StagePilot || a.Project.Success != success || a.Project.Decision != decision {
		t.Errorf("the file's project: %+v", a.Project)
	}
	if dl := a.DomainLevels["2"]; dl.Level != q.Complicated || dl.Reason != reason {
		t.Errorf("the file's level for domain 2: %+v", dl)
	}
	if len(a.Links) != 1 || a.Links[0].ID != "Q2+Q5" || a.Links[0].Note != linkNote {
		t.Errorf("the file's links: %+v", a.Links)
	}
	if act := a.ActionForCheck("dspt"); act == nil || act.Owner != "Information governance lead" {
		t.Errorf("the DSPT check's action: %+v", act)
	}

	// The PDF says the same.
	b.open(srv.URL + "/plan?a=" + id)
	b.waitHeading("Action plan")
	b.run(chromedp.Click("#download-pdf", chromedp.ByQuery))
	text := pdfText(t, b.waitDownload(30*time.Second))
	for _, want := range []string{
		"The problem, and for whom", problem, "Stage A pilot or first use", success, decision,
		"1 of 7 domains is complex; 1 is not known enough",
		"The team set this level; the answers suggest complex. Their reason: " + reason,
		"How the parts affect each other", linkNote,
		"Always check", "Clinical safety of health IT", "Done", "With Information governance lead: not started",
		"Words used in this report",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "(3)") || strings.Contains(text, "score 3") {
		t.Errorf("the PDF shows a level as a number")
	}
}

// TestPlanChoices: on the plan page, a domain's suggestions are added in
// one go and undone; one left for now moves focus to the next; the
// complicated ones wait behind "Show more"; and the PDF is offered at the
// foot of the page as well as the top.
func TestPlanChoices(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-full-3.nasss.json")
	b.open(srv.URL + "/plan?a=example-1")
	b.waitHeading("Action plan")
	count := func(sel string) int {
		var n int
		b.eval(fmt.Sprintf(`document.querySelectorAll(%q).length`, sel), &n)
		return n
	}
	suggested := count(".plan-suggested")

	// Add all of one domain's suggestions, then undo.
	var bulk string
	b.eval(`(document.querySelector("button[id^='bulk-'][id$='-add']") || {}).id || ""`, &bulk)
	if bulk == "" {
		t.Fatal("no domain offers to add all its suggestions")
	}
	head := strings.TrimSuffix(bulk, "-add")
	b.run(chromedp.Click("#"+bulk, chromedp.ByQuery), waitFor(`document.getElementById("notice").textContent.includes("Added to your plan")`))
	added := suggested - count(".plan-suggested")
	if added < 2 {
		t.Errorf("adding all of a domain took %d suggestions off the list", added)
	}
	if id := b.focusOn(head); id != head {
		t.Errorf("after adding all, focus is on #%s, want the domain's heading #%s", id, head)
	}
	b.screenshot("plan-added")
	b.checkClean("plan with a notice")
	b.run(chromedp.Click("#notice-undo", chromedp.ByQuery), waitFor(fmt.Sprintf(`document.querySelectorAll(".plan-suggested").length === %d`, suggested)))
	if id := b.focusOn(head); id != head {
		t.Errorf("after Undo, focus is on #%s, want #%s", id, head)
	}

	// Leave one for now: focus moves to the next suggestion; Undo brings
	// it back and focus with it.
	var first, second string
	b.eval(`document.querySelectorAll(".plan-suggested")[0].id`, &first)
	b.eval(`document.querySelectorAll(".plan-suggested")[1].id`, &second)
	b.run(chromedp.Click("#"+first+"-drop", chromedp.ByQuery), waitFor(`document.getElementById("notice").textContent.includes("Left for now")`))
	if id := b.focusOn(second + "-accept"); id != second+"-accept" {
		t.Errorf("after leaving one for now, focus is on #%s, want #%s-accept", id, second)
	}
	b.run(chromedp.Click("#notice-undo", chromedp.ByQuery), waitFor(fmt.Sprintf(`!!document.getElementById(%q)`, first)))
	if id := b.focusOn(first + "-accept"); id != first+"-accept" {
		t.Errorf("after Undo, focus is on #%s, want #%s-accept", id, first)
	}

	// The complicated questions' suggestions wait behind "Show more".
	var more string
	b.eval(`(document.getElementById("show-more") || {}).textContent || ""`, &more)
	if !strings.HasPrefix(more, "Show ") {
		t.Fatalf("no \"Show more\" for the complicated questions' suggestions")
	}
	before := count(".plan-suggested")
	b.run(chromedp.Click("#show-more", chromedp.ByQuery), waitFor(fmt.Sprintf(`document.querySelectorAll(".plan-suggested").length > %d`, before)))

	// The PDF from the foot of the page.
	b.run(chromedp.Click("#download-pdf-bottom", chromedp.ByQuery))
	if text := pdfText(t, b.waitDownload(30*time.Second)); !strings.Contains(text, "Agreed actions") {
		t.Errorf("the PDF from the foot of the page: %.300s", text)
	}
	if got := b.text("#report-message-bottom"); !strings.Contains(got, "ready") {
		t.Errorf("the message by the foot's button: %q", got)
	}
}

// TestResultsPage: the headline, then the chart with each level in words,
// then what to do next; the table and the domain cards wait behind
// disclosures; the chart's text grows with the reader's text size; and a
// full assessment prints on at most two A4 pages.
func TestResultsPage(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	b.importExample(srv.URL, "example-full-3.nasss.json")
	b.open(srv.URL + "/results?a=example-1")
	b.waitHeading("Results")
	var order []string
	b.eval(`["reading", "profile-chart", "next", "table-detail", "domains-detail"].map(id => document.getElementById(id)).
		sort((a, b) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1).map(e => e.id)`, &order)
	if strings.Join(order, " ") != "reading profile-chart next table-detail domains-detail" {
		t.Errorf("the page's order is %v", order)
	}
	var tableOpen bool
	b.eval(`document.getElementById("table-detail").open`, &tableOpen)
	if tableOpen {
		t.Error("the table is open: it should wait behind its disclosure")
	}
	if got := b.text(`#profile-chart li[data-domain="1"]`); !strings.Contains(got, "Complex") {
		t.Errorf("domain 1's bar does not say its level: %q", got)
	}
	var unknownSections int
	b.eval(`[...document.querySelectorAll("h2")].filter(h => /find out/i.test(h.textContent)).length`, &unknownSections)
	if unknownSections != 1 {
		t.Errorf("the unknowns appear under %d headings; want one", unknownSections)
	}
	b.checkClean("results")

	// The chart's text follows the reader's text size.
	var before, after float64
	b.eval(`parseFloat(getComputedStyle(document.querySelector(".hchart-label")).fontSize)`, &before)
	b.run(textSize(200))
	b.eval(`parseFloat(getComputedStyle(document.querySelector(".hchart-label")).fontSize)`, &after)
	if after < 1.8*before {
		t.Errorf("at 200%% text the chart's labels went from %.0f to %.0f px", before, after)
	}
	var overflow bool
	b.eval(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow)
	if overflow {
		t.Error("at 200% text the results page scrolls sideways")
	}
	b.run(textSize(100))

	// Printed on A4, a full assessment's results take at most two pages.
	var printed []byte
	b.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		printed, _, err = page.PrintToPDF().WithPaperWidth(8.27).WithPaperHeight(11.69).Do(ctx)
		return err
	}))
	path := filepath.Join(testOutputDir(), "results-print.pdf")
	os.WriteFile(path, printed, 0o644)
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	var pages int
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Pages:") {
			fmt.Sscan(strings.TrimPrefix(line, "Pages:"), &pages)
		}
	}
	if pages == 0 || pages > 2 {
		t.Errorf("the results page prints on %d A4 pages; want at most 2", pages)
	}
	t.Logf("results print on %d A4 pages", pages)
}

// TestPhoneLayout: at 375×740 a question and its first answer show on the
// first screen; at 320 px, and with text at 200%, no page scrolls sideways.
func TestPhoneLayout(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{Width: 375, Height: 740})
	b.importExample(srv.URL, "example-full-3.nasss.json")
	for _, mode := range []string{"full", "quick"} {
		path := "/domain?a=example-1&d=1"
		if mode == "quick" {
			b.open(srv.URL + "/start?a=example-1")
			b.waitHeading("Project details")
			b.run(chromedp.Click("#mode-quick", chromedp.ByQuery), waitFor(`document.getElementById("mode-quick").checked`))
		}
		b.open(srv.URL + path)
		b.waitHeading(q.Default().Domains[0].Title)
		var bottom, height float64
		b.eval(`document.querySelector(".item .radio").getBoundingClientRect().bottom`, &bottom)
		b.eval(`window.innerHeight`, &height)
		if bottom > height {
			t.Errorf("%s: the first answer ends at %.0f px, below the first screen (%.0f px)", mode, bottom, height)
		}
		b.screenshot("phone-question-" + mode)
	}
	b.checkClean("a question on a phone")
	b.open(srv.URL + "/start?a=example-1")
	b.waitHeading("Project details")
	b.run(chromedp.Click("#mode-full", chromedp.ByQuery), waitFor(`document.getElementById("mode-full").checked`))

	pages := []struct{ path, heading string }{
		{"/", "Assess the complexity"},
		{"/domain?a=example-1&d=6", q.Default().Domains[5].Title},
		{"/results?a=example-1", "Results"},
		{"/plan?a=example-1", "Action plan"},
		{"/about", "About the method"},
	}
	for _, width := range []int{320, 375} {
		nb := b
		if width == 320 {
			nb = newBrowser(t, browserOpts{Width: 320, Height: 740})
			nb.importExample(srv.URL, "example-full-3.nasss.json")
		}
		for _, text := range []int{100, 200} {
			for _, p := range pages {
				nb.open(srv.URL + p.path)
				nb.waitHeading(p.heading)
				nb.run(textSize(text))
				var root float64
				nb.eval(`parseFloat(getComputedStyle(document.documentElement).fontSize)`, &root)
				if want := float64(16 * text / 100); root != want {
					t.Fatalf("text at %d%%: the page's root font is %.0f px, want %.0f", text, root, want)
				}
				// A data table may scroll within its own region; nothing
				// else may pass the page's edge.
				var wide []string
				nb.eval(`[...document.querySelectorAll("body *")].filter(e => !e.closest(".table-wrap") &&
					e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).
					slice(0, 5).map(e => e.tagName + "." + e.className + " " + (e.textContent || "").slice(0, 40))`, &wide)
				var scroll bool
				nb.eval(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &scroll)
				if scroll || len(wide) > 0 {
					t.Errorf("%d px, text at %d%%, %s: scrolls sideways: %v", width, text, p.path, wide)
				}
				if width == 375 && text == 200 && p.path != "/" && p.path != "/about" {
					// A full-page screenshot resets the browser's text size;
					// at this width the page's own 200% draws the same.
					nb.run(chromedp.Evaluate(`document.documentElement.style.fontSize = "200%"`, nil))
					nb.screenshot("phone-200-" + strings.Trim(strings.Split(p.path, "?")[0], "/"))
					nb.run(chromedp.Evaluate(`document.documentElement.style.fontSize = ""`, nil))
				}
			}
		}
	}
}

// textSize sets the browser's own text size, as a reader does in its
// settings, in per cent of the usual 16 px.
func textSize(percent int) chromedp.Action {
	return page.SetFontSizes(&page.FontSizes{Standard: int64(16 * percent / 100), Fixed: int64(13 * percent / 100)})
}
