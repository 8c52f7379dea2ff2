package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// linksPage asks how the parts of the project affect each other: which of
// the questions rated complex or "don't know" make each other worse, and
// what else would have to change if one changed. The team links such
// questions, with a note, and linked risks travel together through the
// results, the plan and the PDF.
type linksPage struct {
	page
	itemA, itemB, note string
	errs               []fieldError
	added              int // remounts the form empty after each link
}

func (p *linksPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.errs, p.itemA, p.itemB, p.note = nil, "", "", ""
	p.arrive(ctx, "How the parts affect each other")
}

func (p *linksPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := q.LookupBank(p.a.Bank)
	g := newGlosser(b)
	pr := scoring.Score(b, p.a)
	var focus []scoring.ItemResult
	for _, d := range pr.Domains {
		for _, it := range d.Items {
			if it.Rating.Level == q.Complex || it.Rating.Level == q.Unknown {
				focus = append(focus, it)
			}
		}
	}
	return p.shell(
		app.A().Class("back-link").Href(link(PathCheck, p.a.ID)).Text("Back to your answers"),
		p.saveStatus(),
		app.Span().Class("caption").Body(userText(caption(p.a))),
		heading("How the parts affect each other"),
		app.P().Class("lead").Text("Each question so far was rated on its own. But the parts of a project act on each other: "+
			"a problem in one can make another worse, and a change in one can mean changes elsewhere."),
		app.Div().Class("inset").Body(
			app.P().Text("Look at what you rated complex or \u201cdon't know\u201d, and ask as a team:"),
			app.Ul().Class("list list-bullet").Body(
				app.Li().Text("Which of these make each other worse?"),
				app.Li().Text("If one of them changed, what else would have to change?"),
			),
		),
		app.If(len(focus) == 0, func() app.UI {
			return app.P().ID("links-none").Text("Nothing is rated complex or \u201cdon't know\u201d yet. You can still link any two questions that affect each other.")
		}).Else(func() app.UI {
			return app.Section().ID("links-focus").Body(
				app.H2().Textf("Complex or not known (%d)", len(focus)),
				app.Ul().Class("list").Body(app.Range(focus).Slice(func(i int) app.UI {
					it := focus[i]
					return app.Li().Body(
						app.Span().Class("tag tag-"+levelClass(it.Rating.Level)).Text(it.Rating.Level.Label()), app.Text(" "),
						app.Strong().Text(it.ID+" "), g.text(it.Title),
					)
				})),
			)
		}),
		&fresh{Key: "link-form/" + q.Thousands(p.added), body: func() []app.UI { return p.form(b, focus) }},
		p.list(b),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("links-done").Href(link(PathResults, p.a.ID)).Text("See the results"),
		),
	)
}

// form links two questions, the complex and unknown ones offered first.
func (p *linksPage) form(b *q.Bank, focus []scoring.ItemResult) []app.UI {
	items := b.Items(p.a.Mode)
	first := map[string]bool{}
	for _, it := range focus {
		first[it.ID] = true
	}
	options := func(selected string) []app.UI {
		out := []app.UI{app.Option().Value("").Text("Choose a question")}
		for _, pass := range []bool{true, false} {
			for _, it := range items {
				if first[it.ID] == pass {
					label := it.ID + " " + it.Title
					if pass {
						label += " (" + strings.ToLower(scoring.Effective(p.a, it.ID).Level.Label()) + ")"
					}
					out = append(out, app.Option().Value(it.ID).Selected(it.ID == selected).Text(label))
				}
			}
		}
		return out
	}
	sel := func(id, label string, selected string, set func(string)) app.UI {
		err := p.errFor(id)
		return app.Div().Class(groupClass(err)).Body(
			app.Label().Class("label").For(id).Text(label),
			fieldErrorText(id, err),
			app.Select().Class("select").ID(id).OnChange(func(ctx app.Context, e app.Event) {
				set(ctx.JSSrc().Get("value").String())
			}).Body(options(selected)...),
		)
	}
	return []app.UI{
		errorSummary(p.errs),
		app.Form().Class("panel").ID("add-link").OnSubmit(p.addLink).Body(
			app.H2().Text("Link two questions"),
			sel("link-a", "This question", p.itemA, func(v string) { p.itemA = v }),
			sel("link-b", "affects this one, or is affected by it", p.itemB, func(v string) { p.itemB = v }),
			noteField("link-note", "How they affect each other (optional)", "For example: if the supplier changes the device, staff need training again.",
				"", q.AboutText, p.errFor("link-note"), func(_ app.Context, v string) { p.note = v }),
			app.Button().Type("submit").Class("button button-secondary").ID("add-link-button").Text("Link these questions"),
		),
	}
}

func (p *linksPage) errFor(id string) string { return firstError(p.errs, id, p.fieldError) }

func (p *linksPage) addLink(ctx app.Context, e app.Event) {
	e.PreventDefault()
	note := q.AboutText.CleanText(strings.TrimSpace(p.note))
	p.errs = nil
	switch {
	case p.itemA == "":
		p.errs = append(p.errs, fieldError{"link-a", "Choose the first question"})
	case p.itemB == "":
		p.errs = append(p.errs, fieldError{"link-b", "Choose the question it affects"})
	case p.itemA == p.itemB:
		p.errs = append(p.errs, fieldError{"link-b", "Choose two different questions"})
	case p.a.LinkOf(p.itemA, p.itemB) != nil:
		p.errs = append(p.errs, fieldError{"link-b", "These two questions are already linked"})
	}
	if err := q.AboutText.Check(note); err != nil {
		p.errs = append(p.errs, fieldError{"link-note", "The note " + err.Error()})
	}
	if len(p.errs) > 0 {
		focusElement("error-summary")
		return
	}
	l := q.Link{ID: q.LinkID(p.itemA, p.itemB), A: p.itemA, B: p.itemB, Note: note}
	n := len(p.a.Links)
	if !p.try("link-note", func() { p.a.Links = append(p.a.Links, l) }, func() { p.a.Links = p.a.Links[:n] }) {
		p.errs = append(p.errs, fieldError{"link-note", p.fieldError("link-note")})
		focusElement("error-summary")
		return
	}
	p.itemA, p.itemB, p.note = "", "", ""
	p.added++
	focusElement("links-heading")
}

// list shows the links made, each with a way to take it away.
func (p *linksPage) list(b *q.Bank) app.UI {
	return app.Section().ID("links").Body(
		app.H2().ID("links-heading").TabIndex(-1).Textf("Linked questions (%d)", len(p.a.Links)),
		app.If(len(p.a.Links) == 0, func() app.UI { return app.P().Text("None yet.") }),
		app.Ul().Class("list link-list").Body(app.Range(p.a.Links).Slice(func(i int) app.UI {
			l := p.a.Links[i]
			return app.Li().Class("link-item").DataSet("link", l.ID).Body(
				linkText(b, l),
				app.Text(" "),
				app.Button().Class("link-button link-warning").ID("unlink-"+strings.ReplaceAll(l.ID, "+", "-")).
					Body(app.Text("Remove"), hidden(" the link between "+l.A+" and "+l.B)).
					OnClick(func(ctx app.Context, e app.Event) {
						before := append([]q.Link(nil), p.a.Links...)
						p.try("links", func() {
							for j := range p.a.Links {
								if p.a.Links[j].ID == l.ID {
									p.a.Links = append(p.a.Links[:j:j], p.a.Links[j+1:]...)
									break
								}
							}
						}, func() { p.a.Links = before })
						focusElement("links-heading")
					}, app.EventScope(l.ID)),
			)
		})),
	)
}

// linkText writes a link as people read it: both questions, then the note.
func linkText(b *q.Bank, l q.Link) app.UI {
	title := func(id string) string {
		if it := b.Item(id); it != nil {
			return id + " " + it.Title
		}
		return id
	}
	return app.Span().Body(
		app.Strong().Text(title(l.A)), app.Text(" and "), app.Strong().Text(title(l.B)),
		app.If(l.Note != "", func() app.UI { return app.Span().Body(app.Text(": "), userText(l.Note)) }),
	)
}
