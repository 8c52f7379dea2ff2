package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

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
