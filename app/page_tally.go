package app

import (
	"fmt"
	"maps"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
)

// tallyPage records a show of hands, question by question: how many
// people in the room chose each answer. Nobody's own rating is recorded.
type tallyPage struct {
	page
	shown map[string]q.Tally // what the fields held when drawn
	key   string
}

func (p *tallyPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.arrive(ctx, "Count a show of hands")
}

func (p *tallyPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	if key := fmt.Sprint(p.a.ID, "/", p.gen()); p.key != key {
		p.key, p.shown = key, maps.Clone(p.a.Tallies)
	}
	b := q.LookupBank(p.a.Bank)
	items := b.Items(p.a.Mode)
	return p.shell(
		app.A().Class("back-link").Href(link(PathWorkshop, p.a.ID)).Text("Back to the workshop"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("Count a show of hands"),
		app.P().Class("lead").Text("Read out each question and its answers, ask people to raise a hand for the one they choose, and type how many hands went up."),
		app.Range(items).Slice(func(i int) app.UI {
			it := items[i].For(p.a.RoleOf())
			t := p.shown[it.ID]
			return app.Section().Class("item").ID("tally-" + it.ID).Body(app.FieldSet().Class("fieldset").Body(
				app.Legend().Class("legend").Body(app.H2().Class("item-title").Text(it.ID+" "+it.Title)),
				app.P().Class("item-question").Text(it.Question),
				app.Details().Class("details").Open(i == 0).Body(
					app.Summary().Class("details-summary").Body(app.Text("The answers to read out"), hidden(": "+it.Title)),
					app.Dl().Class("read-out").Body(app.Range(q.AllLevels).Slice(func(j int) app.UI {
						l := q.AllLevels[j]
						text := it.Levels.Describe(l)
						if text == "" {
							text = b.Meaning(l)
						}
						return app.Div().Body(app.Dt().Text(l.Label()), app.Dd().Text(text))
					})),
				),
				app.Div().Class("tally-fields").Body(app.Range(q.AllLevels).Slice(func(j int) app.UI {
					l := q.AllLevels[j]
					id := fmt.Sprintf("tally-%s-%s", it.ID, l)
					return app.Div().Class("form-group").Body(
						app.Label().Class("label").For(id).Text(l.Label()),
						app.Input().Type("number").Class("input input-count").ID(id).Min(0).Max(q.MaxRespondents).Attr("inputmode", "numeric").
							Value(strconv.Itoa(t.Of(l))).
							OnChange(func(ctx app.Context, e app.Event) {
								n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
								if err != nil || n < 0 || n > q.MaxRespondents {
									return
								}
								if p.a.Tallies == nil {
									p.a.Tallies = map[string]q.Tally{}
								}
								old := p.a.Tallies[it.ID]
								now := old
								now.Set(l, n)
								p.try(id, func() { p.a.Tallies[it.ID] = now }, func() { p.a.Tallies[it.ID] = old })
							}, app.EventScope(id)),
					)
				})),
			))
		}),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("tally-done").Href(link(PathDiscuss, p.a.ID)).Text("Compare ratings and agree"),
		),
	)
}
