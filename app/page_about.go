package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// aboutPage explains the method, its sources and limits, and privacy.
type aboutPage struct{ page }

func (p *aboutPage) OnNav(ctx app.Context) { p.arrive(ctx, "About the method") }

func (p *aboutPage) Render() app.UI {
	return p.shell(
		heading("About the method"),
		app.P().Class("lead").Text("NASSS stands for Non-adoption, Abandonment, and challenges to Scale-up, Spread and Sustainability. "+
			"It is a framework from the University of Oxford that explains why technology projects in health and care so often stall."),
		app.H2().Text("Seven domains"),
		app.P().Text("NASSS looks at seven areas, called domains: the condition, the technology, the value it brings, the people who must use it, "+
			"the organisations, the wider system, and how all of these change over time. Each question has five answers:"),
		levelLegend(q.Default()),
		app.H2().Text("How the results are worked out"),
		app.Range(scoring.HowItWorks).Slice(func(i int) app.UI { return app.P().Text(scoring.HowItWorks[i]) }),
		app.Div().Class("inset").Body(app.P().Text(scoring.Caveat)),
		app.H2().Text("Sources"),
		app.Ol().Class("list list-number").Body(
			app.Range(q.Sources).Slice(func(i int) app.UI {
				return app.Li().Body(app.Text(q.Sources[i].Citation+" "), app.Span().Class("doi").Text("doi:"+q.Sources[i].DOI))
			}),
		),
		app.P().Text("This is an independent tool based on the NASSS framework. It is not the official NASSS-CAT, "+
			"and its questions, help and suggested actions are written in its own words."),
		app.H2().Text("Privacy"),
		app.P().Text("Nothing you enter leaves this device. There is no account and no server-side storage: "+
			"your answers are saved in this browser's storage on this device, and go elsewhere only if you export a file and share it yourself. "+
			"The tool works without a connection once it has loaded."),
		app.P().Text("Because browsers can clear saved data, export a file as a backup when you finish."),
		app.H2().Text("Licence"),
		app.P().Text("Free and open-source software under the MIT licence."),
	)
}
