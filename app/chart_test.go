package app

import (
	htmlpkg "html"
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
		html := app.HTMLString(profileChart(&pr))
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
