package app

import (
	"encoding/xml"
	htmlpkg "html"
	"io"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/questionnaire/example"
	"github.com/nasss-toolkit/nasss/scoring"
)

// TestProfileChart: every domain has its whole title, a bar as long as its
// level, and the level in words at the bar's end; a level the team set
// says so.
func TestProfileChart(t *testing.T) {
	full := example.Generate(example.Options{Mode: q.Full, Respondents: 3, Seed: 1})
	full.DomainLevels = map[string]q.DomainLevel{"1": {Level: q.Simple, Reason: "Only staff use it."}}
	for _, a := range []*q.Assessment{full, q.New(q.Default(), "empty", q.Quick, full.Created)} {
		// No inline styles: the page's security policy refuses them.
		pr := scoring.Score(q.Default(), a)
		html := app.HTMLString(profileChart(&pr, "profile-chart"))
		for _, d := range pr.Domains {
			if !strings.Contains(html, htmlpkg.EscapeString(d.ID+". "+d.Title)) {
				t.Errorf("the chart lacks %q whole", d.Title)
			}
			label := scoring.DomainLevelLabel(d.Level, d.Uncertain)
			if !strings.Contains(html, label) {
				t.Errorf("domain %s: no %q at the bar's end", d.ID, label)
			}
			wantBar := map[int]string{1: "hchart-bar-1 hchart-simple", 2: "hchart-bar-2 hchart-complicated", 3: "hchart-bar-3 hchart-complex"}[d.Level.Score()]
			if wantBar != "" && !strings.Contains(html, wantBar) {
				t.Errorf("domain %s (%s): no bar %s wide", d.ID, d.Level, wantBar)
			}
		}
		if strings.Contains(html, "style=") {
			t.Error("the chart uses an inline style")
		}
		if a == full && !strings.Contains(html, "(set by the team)") {
			t.Error("the chart does not mark the level the team set")
		}
		if a != full && strings.Contains(html, "hchart-bar") {
			t.Error("an empty assessment draws bars")
		}
	}
}

// TestTimelineSVG: the timeline is well-formed SVG with a point or a
// question mark for each domain at each assessment, and no inline styles.
func TestTimelineSVG(t *testing.T) {
	first := example.Generate(example.Options{Mode: q.Quick, Respondents: 1, Seed: 1})
	second := scoring.StartReview(q.Default(), first, "two", first.Created.AddDate(0, 3, 0))
	third := scoring.StartReview(q.Default(), second, "three", first.Created.AddDate(0, 6, 0))
	tl := scoring.TimelineOf(q.Default(), third)
	svg := timelineSVG(tl)
	dec := xml.NewDecoder(strings.NewReader(svg))
	marks := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the timeline is not well-formed SVG: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "circle" {
			marks++
		}
	}
	marks += strings.Count(svg, ">?</text>")
	if want := 3 * 7; marks != want-strings.Count(app.HTMLString(timelineTable(tl)), "Not rated yet") {
		t.Errorf("%d marks on the timeline; want one per domain and assessment", marks)
	}
	if strings.Contains(svg, "style=") {
		t.Error("the timeline uses an inline style")
	}
	if timelineSection(scoring.TimelineOf(q.Default(), second)) != nil {
		t.Error("two assessments drew a timeline")
	}
}
