package app

import (
	"fmt"
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// minTimeline is how many assessments a timeline needs: with two, "what
// changed" says it all.
const minTimeline = 3

// timelineSection shows how each domain's level moved across a project's
// reviews: a chart, and the same as a table.
func timelineSection(t scoring.Timeline) app.UI {
	if len(t.Points) < minTimeline {
		return nil
	}
	return app.Section().Class("panel").ID("timeline").Body(
		app.H2().Text("How complexity changed"),
		app.P().Textf("Each domain's level at each of the %d assessments of this project, oldest first.", len(t.Points)),
		app.Div().Class("chart-figure").Body(app.Raw(timelineSVG(t))),
		timelineTable(t),
	)
}

// Timeline chart geometry, in SVG user units.
const (
	tlWidth  = 600
	tlLeft   = 8
	tlRight  = 20
	tlRow    = 70
	tlLabel  = 24
	tlStrip  = 34
	tlBottom = 26
)

// timelineSVG draws one strip per domain: its level at each assessment,
// simple low and complex high, joined by a line; "?" where nobody knew.
func timelineSVG(t scoring.Timeline) string {
	var b strings.Builder
	n := len(t.Points)
	height := tlRow*len(t.Domains) + tlBottom
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 %d %d" role="img" aria-labelledby="timeline-title" focusable="false">`, tlWidth, height)
	b.WriteString(`<title id="timeline-title">Each domain's level over time; the table below gives the same.</title>`)
	x := func(i int) float64 {
		return tlLeft + 20 + float64(i)*float64(tlWidth-tlLeft-tlRight-40)/float64(max(1, n-1))
	}
	for r, d := range t.Domains {
		top := r * tlRow
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="14" font-weight="bold" fill="#212b32">%s</text>`, tlLeft, top+14,
			html.EscapeString(clipText(d.ID+". "+d.Title, 70)))
		y := func(l q.Level) float64 { // complex at the top of the strip
			return float64(top+tlLabel) + float64(3-l.Score())*float64(tlStrip-6)/2 + 3
		}
		for l := 1; l <= 3; l++ {
			yy := float64(top+tlLabel) + float64(3-l)*float64(tlStrip-6)/2 + 3
			fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#d8dde0"/>`, tlLeft, tlWidth-tlRight, yy, yy)
		}
		var path []string
		for i, p := range t.Points {
			if l := p.Levels[r]; l.OnScale() {
				path = append(path, fmt.Sprintf("%.1f,%.1f", x(i), y(l)))
			}
		}
		if len(path) > 1 {
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#4c6272" stroke-width="2"/>`, strings.Join(path, " "))
		}
		for i, p := range t.Points {
			switch l := p.Levels[r]; {
			case l.OnScale():
				fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="6" fill="%s" stroke="#212b32"/>`, x(i), y(l), levelColours[l])
			case l == q.Unknown:
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="16" font-weight="bold" text-anchor="middle" fill="#212b32">?</text>`,
					x(i), float64(top+tlLabel+tlStrip/2+5))
			}
		}
	}
	for i, p := range t.Points {
		// The end dates keep inside the chart.
		anchor, at := "middle", x(i)
		switch i {
		case 0:
			anchor, at = "start", float64(tlLeft)
		case n - 1:
			anchor, at = "end", float64(tlWidth-tlRight)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12" text-anchor="%s" fill="#4c6272">%s</text>`,
			at, height-8, anchor, html.EscapeString(dayText(p.Date)))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// levelColours follow the level's meaning: green, amber, red.
var levelColours = map[q.Level]string{
	q.Simple:      "#007f3b",
	q.Complicated: "#ffb81c",
	q.Complex:     "#d5281b",
}

// timelineTable is the chart as a table.
func timelineTable(t scoring.Timeline) app.UI {
	return app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("labelledby", "timeline-caption").Body(
		app.Table().Class("table").ID("timeline-table").Body(
			app.Caption().ID("timeline-caption").Class("table-caption").Text("Each domain's level over time"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Domain"),
				app.Range(t.Points).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(dayText(t.Points[i].Date)) }),
			)),
			app.TBody().Body(app.Range(t.Domains).Slice(func(r int) app.UI {
				d := t.Domains[r]
				return app.Tr().DataSet("domain", d.ID).Body(
					app.Th().Scope("row").Text(d.ID+". "+d.Title),
					app.Range(t.Points).Slice(func(i int) app.UI {
						l := t.Points[i].Levels[r]
						return app.Td().Text(scoring.DomainLevelLabel(l, l == q.Unknown))
					}),
				)
			})),
		),
	)
}
