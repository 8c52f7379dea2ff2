package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// checkPage lists every answer with a link to change it, the unanswered
// and "don't know" items first.
type checkPage struct{ page }

func (p *checkPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.arrive(ctx, "Check your answers")
}

func (p *checkPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	pr := scoring.Score(b, p.a)
	open := pr.Unanswered()
	return p.shell(
		app.A().Class("back-link").Href(link(PathDomain, p.a.ID, "d", "7")).Text("Back"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("Check your answers"),
		app.If(len(open) == 0 && len(pr.Unknowns) == 0, func() app.UI {
			return app.P().Class("lead").Text("You have answered every question.")
		}),
		p.itemList("not-answered", "Not answered yet", "Answer these if you can; the results use only what is answered.", open),
		p.itemList("unknowns", "Answered “don't know”", "These are not a failure: the action plan turns each into a task to find out.", pr.Unknowns),
		app.Range(pr.Domains).Slice(func(i int) app.UI { return p.domainAnswers(i+1, pr.Domains[i]) }),
		app.Div().Class("panel").ID("next-links").Body(
			app.H2().Text("Next: how the parts affect each other"),
			app.P().Text("Before the results, look at which of the questions rated complex or \u201cdon't know\u201d make each other worse. Linked risks are shown together in the results and the plan."),
			app.A().Class("button button-secondary").ID("to-links").Href(link(PathLinks, p.a.ID)).Text("Link questions that affect each other"),
		),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("see-results").Href(link(PathResults, p.a.ID)).Text("See the results"),
		),
	)
}

func (p *checkPage) itemList(id, title, hint string, items []scoring.ItemRef) app.UI {
	if len(items) == 0 {
		return nil
	}
	return app.Div().Class("panel panel-attention").ID(id).Body(
		app.H2().Textf("%s (%d)", title, len(items)),
		app.P().Class("hint").Text(hint),
		app.Ul().Class("list").Body(
			app.Range(items).Slice(func(i int) app.UI {
				it := items[i]
				return app.Li().Body(app.A().Href(p.changeLink(it.Domain, it.ID)).Text(it.Title))
			}),
		),
	)
}

func (p *checkPage) changeLink(domain, item string) string {
	return link(PathDomain, p.a.ID, "d", domain, "from", "check") + "#item-" + item
}

func (p *checkPage) domainAnswers(n int, d scoring.DomainResult) app.UI {
	answers := p.a.Respondents
	return app.Section().Class("check-domain").Body(
		app.H2().Textf("%d. %s", n, d.Title),
		app.Dl().Class("summary-list").Body(
			app.Range(d.Items).Slice(func(i int) app.UI {
				it := d.Items[i]
				var note string
				if len(answers) > 0 {
					note = answers[0].Answers[it.ID].Note
				}
				return app.Div().Class("summary-row").DataSet("item", it.ID).DataSet("level", string(it.Rating.Level)).Body(
					app.Dt().Class("summary-key").Text(it.Title),
					app.Dd().Class("summary-value").Body(
						app.Span().Class("tag tag-"+levelClass(it.Rating.Level)).Text(it.Rating.Level.Label()),
						app.If(note != "", func() app.UI { return app.P().Class("summary-note").Body(userText(clipText(note, 200))) }),
					),
					app.Dd().Class("summary-action").Body(
						app.A().Href(p.changeLink(strconv.Itoa(n), it.ID)).Body(app.Text("Change"), hidden(" "+it.Title)),
					),
				)
			}),
		),
	)
}
