package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
)

// startAsBuilder starts a builder's quick scan of one setting and returns
// its ID.
func (b *browser) startAsBuilder(base, product, setting string) string {
	b.t.Helper()
	b.open(base + "/")
	b.run(chromedp.Click("#start", chromedp.ByQuery))
	b.waitHeading("Start a new assessment")
	var chosen bool
	b.eval(`document.getElementById("role-implementer").checked`, &chosen)
	if !chosen {
		b.t.Error("a new assessment should start as an implementer's, shown chosen")
	}
	b.run(chromedp.Click("#role-builder", chromedp.ByQuery), waitFor(`!!document.getElementById("project-setting")`),
		chromedp.Focus("#project-setting", chromedp.ByQuery), insertText(setting),
		chromedp.Focus("#project-name", chromedp.ByQuery), insertText(product),
		chromedp.Click("#mode-quick", chromedp.ByQuery),
		chromedp.Click("#continue", chromedp.ByQuery))
	b.waitHeading(q.Default().Domains[0].Title)
	var id string
	b.eval(`new URLSearchParams(location.search).get("a")`, &id)
	return id
}

// TestInnovatorSideBySide: someone who builds a product assesses it for
// three settings, in a maker's words, puts them side by side and takes the
// PDF.
func TestInnovatorSideBySide(t *testing.T) {
	srv, _ := serveSite(t, site)
	b := newBrowser(t, browserOpts{})
	settings := []struct {
		name    string
		answers map[string]answer
	}{
		{"Hospital trusts", map[string]answer{"Q1": {q.Complicated, ""}, "Q2": {q.Complicated, ""}, "Q3": {q.Unknown, ""}, "Q4": {q.Complicated, ""},
			"Q5": {q.Complicated, ""}, "Q6": {q.Simple, ""}, "Q7": {q.Complicated, ""}}},
		{"Care homes", map[string]answer{"Q1": {q.Complicated, ""}, "Q2": {q.Complex, "Wi-fi is patchy in most homes."}, "Q3": {q.Unknown, ""},
			"Q4": {q.Complicated, ""}, "Q5": {q.Complex, ""}, "Q6": {q.Simple, ""}, "Q7": {q.Complicated, ""}}},
		{"GP practices", map[string]answer{"Q1": {q.Complicated, ""}, "Q2": {q.Complicated, ""}, "Q3": {q.Unknown, ""}, "Q4": {q.Complicated, ""},
			"Q5": {q.Complicated, ""}, "Q6": {q.Simple, ""}, "Q7": {q.Complicated, ""}}},
	}
	var ids []string
	for i, s := range settings {
		id := b.startAsBuilder(srv.URL, "Falls sensor", s.name)
		ids = append(ids, id)
		if i == 0 {
			// The questions speak to a maker about the setting.
			b.open(srv.URL + "/domain?a=" + id + "&d=3")
			b.waitHeading(q.Default().Domains[2].Title)
			if got := b.text("#item-Q3-question"); !strings.Contains(got, "your business") || !strings.Contains(got, "this setting") {
				t.Errorf("a builder's Q3 reads %q", got)
			}
			b.checkClean("a builder's questions")
			b.open(srv.URL + "/domain?a=" + id + "&d=1")
			b.waitHeading(q.Default().Domains[0].Title)
		}
		b.complete(q.Quick, s.answers, "")
		b.waitHeading("Check your answers")
	}
	// The role can be changed later, and the wording follows it.
	b.open(srv.URL + "/start?a=" + ids[0])
	b.waitHeading("Project details")
	var builder bool
	b.eval(`document.getElementById("role-builder").checked`, &builder)
	if !builder {
		t.Error("the project details do not show the builder's role chosen")
	}
	b.run(chromedp.Click("#role-implementer", chromedp.ByQuery), saved)
	b.open(srv.URL + "/domain?a=" + ids[0] + "&d=3")
	b.waitHeading(q.Default().Domains[2].Title)
	if got := b.text("#item-Q3-question"); !strings.Contains(got, "the supplier") {
		t.Errorf("as an implementer again, Q3 reads %q", got)
	}
	b.open(srv.URL + "/start?a=" + ids[0])
	b.waitHeading("Project details")
	b.run(chromedp.Click("#role-builder", chromedp.ByQuery), saved)
	// A workshop starts as a facilitator's.
	b.open(srv.URL + "/start?workshop=1")
	b.waitHeading("Set up a workshop")
	var facilitating bool
	b.eval(`document.getElementById("role-facilitator").checked`, &facilitating)
	if !facilitating {
		t.Error("a workshop should start as a facilitator's, shown chosen")
	}

	b.open(srv.URL + "/results?a=" + ids[1])
	b.waitHeading("Results")
	if got := b.text("#reading-lens"); !strings.Contains(got, "adoption risks your product meets in this setting (Care homes)") {
		t.Errorf("a builder's reading says %q", got)
	}
	b.open(srv.URL + "/plan?a=" + ids[1])
	b.waitHeading("Action plan")
	if got := b.text("main"); !strings.Contains(got, "UKCA or CE mark and MHRA registration") || !strings.Contains(got, "Your clinical safety case (DCB0129)") {
		t.Errorf("a builder's plan lacks the maker's duties")
	}

	// The way in, and the chooser: one is not enough.
	b.open(srv.URL + "/")
	// Each setting's card names it: one product's cards look alike otherwise.
	if got := b.text("#assessments"); !strings.Contains(got, "Falls sensor · Care homes") || !strings.Contains(got, "Falls sensor · GP practices") {
		t.Errorf("the home page's cards read %q", got)
	}
	b.run(waitFor(`!!document.getElementById("to-side-by-side")`), chromedp.Click("#to-side-by-side", chromedp.ByQuery))
	b.waitHeading("Put assessments side by side")
	tick := func(id string) {
		b.run(chromedp.Click(fmt.Sprintf(`input[value=%q]`, id), chromedp.ByQuery), waitFor(fmt.Sprintf(`document.querySelector('input[value=%q]').checked`, id)))
	}
	tick(ids[0])
	b.run(chromedp.Click("#show-side-by-side", chromedp.ByQuery), waitFor(`!!document.getElementById("error-summary")`))
	if got := b.text("#error-summary"); !strings.Contains(got, "Choose between 2 and 8") {
		t.Errorf("choosing one says %q", got)
	}
	tick(ids[1])
	tick(ids[2])
	b.checkClean("choosing assessments to compare")
	b.screenshot("side-by-side-chooser")
	b.run(chromedp.Click("#show-side-by-side", chromedp.ByQuery))
	b.waitHeading("3 assessments side by side")
	heads := b.text("#side-table thead")
	if i, j, k := strings.Index(heads, "Hospital trusts"), strings.Index(heads, "Care homes"), strings.Index(heads, "GP practices"); i < 0 || j < i || k < j {
		t.Errorf("the columns are %q; want the settings in the order ticked", heads)
	}
	summary := b.text("#side-summary")
	for _, want := range []string{"They agree on 4 of 7 domains.", "Care homes stands out in 2. The technology itself: complex, where the others are complicated.",
		"Care homes looks hardest, with 2 complex domains."} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q: %q", want, summary)
		}
	}
	if got := b.text("#shared-unknown-list"); !strings.Contains(got, "Q3") {
		t.Errorf("what none knows: %q", got)
	}
	var charts int
	b.eval(`document.querySelectorAll(".side-chart .hchart").length`, &charts)
	if charts != 3 {
		t.Errorf("%d small charts, want 3", charts)
	}
	if id := b.activeID(); id != "page-heading" {
		t.Errorf("after choosing, focus is on #%s, want the heading", id)
	}
	b.checkClean("side by side")
	b.screenshot("side-by-side")
	b.run(chromedp.EmulateViewport(375, 800))
	b.opts.Width = 375
	b.screenshot("side-by-side")
	b.checkClean("side by side on a phone")

	b.run(chromedp.Click("#download-side-pdf", chromedp.ByQuery))
	text := pdfText(t, b.waitDownload(30*time.Second))
	for _, want := range []string{"Side by side", "Falls sensor", "1. Hospital trusts", "2. Care homes", "3. GP practices",
		"Each domain, side by side", "What none of them knows yet", "Always check: a maker's duties",
		"UKCA or CE mark and MHRA registration", "Your clinical safety case (DCB0129)", "DTAC evidence ready for buyers",
		"The evidence NICE's framework expects", "A route to the DSPT", "Accessible to everyone who will use it",
		"An exit and data-return offer"} {
		if !strings.Contains(text, want) {
			t.Errorf("the side-by-side PDF lacks %q", want)
		}
	}
}

// BenchmarkSideBySide8 draws the side-by-side page for 8 full assessments
// of 5 people each: the time from "Show side by side" to the table and
// the eight charts drawn.
func BenchmarkSideBySide8(b *testing.B) {
	var files, ids []string
	for i := range 8 {
		a := example.Generate(example.Options{Mode: q.Full, Respondents: 5, Seed: uint64(i + 1)})
		a.ID, a.Role, a.Project.Name, a.Project.Setting = fmt.Sprintf("setting-%d", i+1), q.Builder, "Falls sensor", fmt.Sprintf("Setting %d", i+1)
		files, ids = append(files, writeFile(b, a.ID+".nasss.json", a)), append(ids, a.ID)
	}
	srv := startServer(b, site)
	br := newBrowser(b, browserOpts{})
	br.open(srv.URL + "/")
	br.importFiles(files...)
	br.run(waitFor(`document.querySelectorAll("#assessments > li").length === 8`))
	var ms []float64
	for range b.N {
		br.open(srv.URL + "/side-by-side")
		br.waitHeading("Put assessments side by side")
		for _, id := range ids {
			br.run(chromedp.Click(fmt.Sprintf(`input[value=%q]`, id), chromedp.ByQuery))
		}
		br.run(waitFor(`document.querySelectorAll("#choose input:checked").length === 8`))
		var t0, t1 float64
		br.eval(`performance.now()`, &t0)
		br.run(chromedp.Click("#show-side-by-side", chromedp.ByQuery),
			waitFor(`document.querySelectorAll("#side-table tbody tr").length === 7 && document.querySelectorAll(".side-chart .hchart").length === 8`))
		br.eval(`performance.now()`, &t1)
		ms = append(ms, t1-t0)
	}
	fmt.Printf("\nside by side, 8 full assessments of 5 people: %.0f ms to draw (median of %d)\n", median(ms), b.N)
	b.ReportMetric(median(ms), "ms-side-by-side-8")
}
