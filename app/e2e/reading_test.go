package e2e

import (
	"strings"
	"testing"
	"time"

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
	b.run(chromedp.Evaluate(`document.getElementById("set-2").open = true`, nil),
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
