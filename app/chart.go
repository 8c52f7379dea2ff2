package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/nasss-toolkit/nasss/scoring"
)

// profileChart draws the profile as bars in HTML: one per domain, as long
// as its level, with the level written at the bar's end. Being text, it
// grows with the reader's text size and is read as a list by screen
// readers; the bars themselves are decoration.
// id names the chart, as a page may hold several.
func profileChart(pr *scoring.Profile, id string) app.UI {
	return app.Ul().Class("hchart").ID(id).Aria("label", "Each domain's level").Body(
		app.Range(pr.Domains).Slice(func(i int) app.UI {
			d := pr.Domains[i]
			level := scoring.DomainLevelLabel(d.Level, d.Uncertain)
			if d.Uncertain && d.Level.OnScale() {
				level += " ?"
			}
			if d.SetByTeam {
				level += " (set by the team)"
			}
			return app.Li().Class("hchart-row").DataSet("domain", d.ID).DataSet("level", string(d.Level)).Body(
				app.Span().Class("hchart-label").Textf("%s. %s", d.ID, d.Title),
				app.Span().Class("hchart-track").Aria("hidden", "true").Body(
					app.If(d.Level.Score() > 0, func() app.UI {
						// Widths come from classes: the page's security policy
						// refuses inline styles.
						return app.Span().Class(fmt.Sprintf("hchart-bar hchart-bar-%d hchart-%s", d.Level.Score(), levelClass(d.Level)))
					}),
				),
				app.Span().Class("hchart-level").Body(hidden(": "), app.Text(level)),
			)
		}),
	)
}
