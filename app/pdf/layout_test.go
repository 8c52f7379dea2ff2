package pdf

import (
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

// TestSummaryPage: page 1 tells the whole story: the project, the reading,
// the agreed actions with owners and dates, and what is not known, and
// no suggestion nobody has taken up.
func TestSummaryPage(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	a.Project.Decision = "Whether to roll out to all practices"
	p := scoring.Score(q.Default(), a)
	page1 := flat(pdftotext(t, render(t, a, Options{Date: day}), 1, 1))
	for _, want := range []string{
		a.Project.Name, "Full assessment · 3 people", p.Reading.Headline, "not a validated prediction",
		"Whether to roll out to all practices", "Agreed actions (", "Programme board", "5 Feb 2026",
		"Not known yet", p.Unknowns[0].ID + " " + p.Unknowns[0].Title,
	} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, page1)
		}
	}
	for _, d := range p.Domains {
		if !strings.Contains(page1, d.ID+". "+d.Title) {
			t.Errorf("page 1's profile lacks domain %s", d.ID)
		}
	}
	if strings.Contains(page1, "Suggested") {
		t.Errorf("page 1 shows a suggestion nobody took up:\n%s", page1)
	}
}

// TestSummaryPageHoldsAnyFile: long project texts and many actions still
// leave the story on page 1, shortened, with the rest pointed to.
func TestSummaryPageHoldsAnyFile(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	long := strings.Repeat("A long sentence about the problem. ", 28)
	a.Project.Problem, a.Project.Success, a.Project.Decision = long, long, long
	for i := range 30 {
		a.Actions = append(a.Actions, q.Action{ID: fmt.Sprintf("x%d", i), ItemID: "5A", Owner: "Owner " + fmt.Sprint(i),
			Text: strings.Repeat("Agree the ward's rota for the first month. ", 6), Status: q.NotStarted})
	}
	data := render(t, a, Options{Date: day})
	page1, page2 := flat(pdftotext(t, data, 1, 1)), flat(pdftotext(t, data, 2, 2))
	for _, want := range []string{"Not known yet", "more under \"Agreed actions\", next page", "…"} {
		if !strings.Contains(page1, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, page1)
		}
	}
	if !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(page2, "Draft: incomplete")), "Agreed actions") {
		t.Errorf("page 2 does not start the detail:\n%.300s", page2)
	}
}

// TestNoNearlyEmptyPages: sections flow on, so no page but the last ends
// with less than a third of its text area used.
func TestNoNearlyEmptyPages(t *testing.T) {
	first := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	review := scoring.StartReview(q.Default(), first, "second", time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC))
	review.Respondents[0].Answers["1B"] = q.Answer{Level: q.Simple}
	noActions := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 4})
	noActions.Actions = nil
	cases := map[string]*q.Assessment{
		"full, 3 people":    example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1}),
		"quick, 1 person":   example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1}),
		"workshop, 12":      example.Generate(example.Options{Mode: q.Full, Respondents: 12, Seed: 5}),
		"review":            review,
		"nothing agreed":    noActions,
		"quick, unanswered": q.New(q.Default(), "empty", q.Quick, first.Created),
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			pages := textBottoms(t, render(t, a, Options{Date: day}))
			for i, used := range pages[:len(pages)-1] {
				if used < 1.0/3 {
					t.Errorf("page %d of %d uses %.0f%% of its text area", i+1, len(pages), used*100)
				}
			}
		})
	}
}

// textBottoms reads, page by page, how far down the text area the text
// reaches, as a fraction, leaving out the footer and the draft mark.
func textBottoms(t *testing.T, data []byte) []float64 {
	t.Helper()
	f := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(f, data, 0o644)
	out, err := exec.Command("pdftotext", "-bbox", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v (install poppler-utils)", err)
	}
	const pt = 72 / 25.4
	top, end := margin*pt, (pageH-bottom)*pt
	var pages []float64
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch el.Name.Local {
		case "page":
			pages = append(pages, 0)
		case "word":
			var yMin, yMax float64
			for _, at := range el.Attr {
				v, _ := strconv.ParseFloat(at.Value, 64)
				switch at.Name.Local {
				case "yMin":
					yMin = v
				case "yMax":
					yMax = v
				}
			}
			if yMin >= top && yMax <= end && len(pages) > 0 {
				pages[len(pages)-1] = max(pages[len(pages)-1], (yMax-top)/(end-top))
			}
		}
	}
	if len(pages) == 0 {
		t.Fatal("pdftotext found no pages")
	}
	return pages
}

// TestDraftMark: every page of an unfinished assessment says so, and a
// finished one's never does.
func TestDraftMark(t *testing.T) {
	done := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	unfinished := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	delete(unfinished.Respondents[0].Answers, "3B")
	for _, tt := range []struct {
		a     *q.Assessment
		draft bool
	}{{done, false}, {unfinished, true}} {
		data := render(t, tt.a, Options{Date: day})
		n := pageCount(t, data)
		for p := 1; p <= n; p++ {
			if got := strings.Contains(pdftotext(t, data, p, p), "Draft: incomplete"); got != tt.draft {
				t.Errorf("complete %v: page %d of %d draft mark %v", !tt.draft, p, n, got)
			}
		}
	}
}

// TestSuggestionsAppendix: suggestions nobody took up go in an appendix,
// left out by default once any action is agreed.
func TestSuggestionsAppendix(t *testing.T) {
	agreed := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	none := example.Generate(example.Options{Mode: q.Full, Respondents: 1, Seed: 1})
	none.Actions = nil
	const title = "Appendix: suggestions not yet taken up"
	for _, tt := range []struct {
		name string
		a    *q.Assessment
		s    Suggestions
		want bool
	}{
		{"agreed, auto", agreed, SuggestionsAuto, false},
		{"agreed, include", agreed, SuggestionsInclude, true},
		{"none agreed, auto", none, SuggestionsAuto, true},
		{"none agreed, leave out", none, SuggestionsLeaveOut, false},
	} {
		text := flat(pdftotext(t, render(t, tt.a, Options{Date: day, Suggestions: tt.s})))
		if got := strings.Contains(text, title); got != tt.want {
			t.Errorf("%s: appendix %v, want %v", tt.name, got, tt.want)
		}
		if got := strings.Contains(text, "Suggested"); got {
			t.Errorf("%s: a suggestion is mixed in with the plan", tt.name)
		}
	}
	if _, err := ParseSuggestions("sometimes"); err == nil {
		t.Error("ParseSuggestions took a word it does not know")
	}
}

// TestTextSizes: no text in the report is smaller than 10 points.
func TestTextSizes(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	data := render(t, a, Options{Date: day, Uncompressed: true, Suggestions: SuggestionsInclude})
	sizes := regexp.MustCompile(`/F\w+ ([0-9.]+) Tf`).FindAllSubmatch(data, -1)
	if len(sizes) == 0 {
		t.Fatal("no font settings found in the page content")
	}
	for _, m := range sizes {
		if v, _ := strconv.ParseFloat(string(m[1]), 64); v < 10 {
			t.Errorf("text set at %s pt", m[1])
		}
	}
}

// TestNamesOnlyWhenChosen: a workshop's report counts its people and
// names them, or says whose a note is, only when asked to.
func TestNamesOnlyWhenChosen(t *testing.T) {
	a := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	names := []string{"Community matron", "Aisha (Digital programme manager)", "Consultant cardiologist"}
	for _, named := range []bool{false, true} {
		text := flat(pdftotext(t, render(t, a, Options{Date: day, Names: named})))
		for _, n := range names {
			if strings.Contains(text, n) != named {
				t.Errorf("names %v: %q printed %v", named, n, !named)
			}
		}
		if strings.Contains(text, "3 people. Their names are left out") == named {
			t.Errorf("names %v: the count says otherwise", named)
		}
		if strings.Contains(text, "A participant: ") == named {
			t.Errorf("names %v: notes say whose they are %v", named, !named)
		}
	}
}

// TestTimelineSection: from the third assessment of a project, the report
// shows each domain's level at each.
func TestTimelineSection(t *testing.T) {
	first := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	second := scoring.StartReview(q.Default(), first, "two", time.Date(2027, 2, 1, 9, 0, 0, 0, time.UTC))
	if text := flat(pdftotext(t, render(t, second, Options{Date: day}))); strings.Contains(text, "How complexity changed") {
		t.Error("a first review has a timeline: what changed says it all")
	}
	third := scoring.StartReview(q.Default(), second, "three", time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC))
	third.Respondents[0].Answers["Q1"] = q.Answer{Level: q.Complex}
	text := flat(pdftotext(t, render(t, third, Options{Date: day})))
	for _, want := range []string{"How complexity changed", "of the 3 assessments", "1 Feb 2027", "1 May 2027"} {
		if !strings.Contains(text, want) {
			t.Errorf("the review's PDF lacks %q", want)
		}
	}
}
