package app

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	q "github.com/nasss-toolkit/nasss/questionnaire"
	"github.com/nasss-toolkit/nasss/scoring"
)

// domainPage asks one domain's questions: a fieldset per item, its level
// descriptions as the radio buttons' hints, and a note box.
type domainPage struct {
	page
	n   int    // 1-based domain number
	rid string // who is answering, in a workshop; empty for the first respondent
	via string // "join": a person rating on their own device for a workshop
	// from is "check" when a Change link brought the person here: Continue
	// then takes them straight back to their answers.
	from string

	// The fields show the answers as they were when the page was drawn,
	// like uncontrolled form fields: after that the browser owns them, and
	// a re-render never writes a checked state or a note back over newer
	// keystrokes still on their way to the handlers.
	shownKey string
	shown    map[string]q.Answer
	shownRef string
	gloss    *glosser // the page's terms explained so far, as it draws
}

func (p *domainPage) OnNav(ctx app.Context) {
	p.load(ctx)
	p.n, _ = strconv.Atoi(ctx.Page().URL().Query().Get("d"))
	p.n = min(max(p.n, 1), 7)
	p.rid = ctx.Page().URL().Query().Get("r")
	p.quietSize = p.rid != ""
	p.via = ctx.Page().URL().Query().Get("via")
	p.from = ctx.Page().URL().Query().Get("from")
	title := "Question"
	if p.a != nil {
		title = p.domain().Title
	}
	p.arrive(ctx, title)
	if frag := ctx.Page().URL().Fragment; frag != "" {
		// A "Change" link from the check page: land on that question.
		ctx.Defer(func(ctx app.Context) {
			ctx.ScrollTo(frag)
			focusElement(frag + "-legend")
		})
	}
}

func (p *domainPage) bank() *q.Bank     { return q.LookupBank(p.a.Bank) }
func (p *domainPage) domain() *q.Domain { return &p.bank().Domains[p.n-1] }

// respondent is who is answering: the one the URL names, else the first.
func (p *domainPage) respondent() *q.Respondent {
	if len(p.a.Respondents) == 0 {
		p.a.Respondents = []q.Respondent{{ID: q.NewRespondentID()}}
	}
	for i := range p.a.Respondents {
		if p.a.Respondents[i].ID == p.rid {
			return &p.a.Respondents[i]
		}
	}
	return &p.a.Respondents[0]
}

func (p *domainPage) answers() map[string]q.Answer {
	r := p.respondent()
	if r.Answers == nil {
		r.Answers = map[string]q.Answer{}
	}
	return r.Answers
}

func (p *domainPage) Render() app.UI {
	if p.a == nil {
		return p.notFound()
	}
	b := p.bank()
	// In a workshop each person's pages carry who is answering, and the
	// last one hands the device back to the workshop page.
	who := []string{}
	next, back := link(PathCheck, p.a.ID), link(PathStart, p.a.ID)
	switch {
	case p.via == "join":
		who = []string{"r", p.rid, "via", "join"}
		next, back = link(PathResults, p.a.ID, "r", p.rid), PathHome
	case p.rid != "":
		who = []string{"r", p.rid}
		next, back = link(PathWorkshop, p.a.ID), link(PathWorkshop, p.a.ID)
	}
	if p.n < len(b.Domains) {
		next = link(PathDomain, p.a.ID, append([]string{"d", strconv.Itoa(p.n + 1)}, who...)...)
	}
	if p.n > 1 {
		back = link(PathDomain, p.a.ID, append([]string{"d", strconv.Itoa(p.n - 1)}, who...)...)
	}
	if p.from == "check" && p.rid == "" {
		next, back = link(PathCheck, p.a.ID), link(PathCheck, p.a.ID)
	}
	key := fmt.Sprint(p.a.ID, "/", p.rid, "/", p.n, "/", p.gen())
	if key != p.shownKey {
		p.shownKey, p.shown, p.shownRef = key, maps.Clone(p.answers()), p.a.Reflections[p.domain().ID]
	}
	// The status line stands outside the fields drawn afresh: it must
	// follow every save, and news from other tabs.
	return p.shell(
		app.A().Class("back-link").Href(back).Text("Back"),
		p.saveStatus(),
		&fresh{Key: key, body: func() []app.UI { return p.content(next) }},
	)
}

func (p *domainPage) content(next string) []app.UI {
	b, d := p.bank(), p.domain()
	p.gloss = newGlosser(b)
	items := d.ItemsFor(p.a.Mode)
	dr := scoring.Score(b, p.a).Domains[p.n-1]
	return []app.UI{
		app.Span().Class("caption").Body(app.Textf("Domain %d of %d", p.n, len(b.Domains)),
			app.Span().Class("wide-only").Text(" · "+caption(p.a))),
		app.If(p.rid != "", func() app.UI {
			r := p.respondent()
			i := slices.IndexFunc(p.a.Respondents, func(x q.Respondent) bool { return x.ID == r.ID })
			return app.P().Class("answering-as").Body(app.Text("Answering as "), app.Strong().Body(userText(r.Label(i))),
				app.Text(". Only your own answers are shown."))
		}),
		heading(d.Title),
		p.intro(b, d),
		app.P().Class("progress").ID("domain-progress").Textf("%d of %d %s in this domain answered.",
			dr.Answered, dr.Applicable, plural(dr.Applicable, "question", "questions")),
		app.Range(items).Slice(func(i int) app.UI { return p.item(items[i]) }),
		app.If(p.a.Mode == q.Full, func() app.UI { return p.reflections(d) }),
		app.Div().Class("button-group").Body(
			app.A().Class("button").ID("continue").Href(next).Text("Continue"),
			app.A().Class("link").Href(link(PathCheck, p.a.ID)).Text("Check your answers"),
		),
	}
}

// intro says what the domain is about, how to rate, and what to do when
// it does not apply. On a phone it waits behind a disclosure, so that the
// first question and its first answer show on the first screen.
func (p *domainPage) intro(b *q.Bank, d *q.Domain) app.UI {
	body := []app.UI{
		app.P().Class("lead").Body(p.gloss.text(d.Summary)),
		app.If(b.RatingHint != "", func() app.UI { return app.P().Class("rating-hint").Body(p.gloss.text(b.RatingHint)) }),
		app.If(d.NotApplicable != "", func() app.UI {
			return app.Details().Class("details").Body(
				app.Summary().Class("details-summary").Text("If this domain does not seem to apply"),
				app.Div().Class("details-text").Body(app.P().Body(p.gloss.text(d.NotApplicable))),
			)
		}),
	}
	if !narrowScreen() {
		return app.Div().Class("domain-intro").Body(body...)
	}
	return app.Details().Class("details domain-intro").ID("domain-intro").Body(
		app.Summary().Class("details-summary").Text("About this domain, and how to rate it"),
		app.Div().Class("details-text").Body(body...),
	)
}

func (p *domainPage) item(it *q.Item) app.UI {
	it = it.For(p.a.RoleOf())
	b := p.bank()
	ans := p.shown[it.ID]
	base := "item-" + it.ID
	title := it.Title
	if p.a.Mode == q.Full {
		title = it.ID + " " + it.Title
	}
	return app.Section().Class("item").ID(base).DataSet("item", it.ID).Body(
		app.FieldSet().Class("fieldset").Aria("describedby", base+"-question").Body(
			app.Legend().Class("legend").ID(base+"-legend").TabIndex(-1).Body(
				app.H2().Class("item-title").Text(title),
			),
			app.P().Class("item-question").ID(base+"-question").Body(p.gloss.text(it.Question)),
			app.Details().Class("details").Body(
				app.Summary().Class("details-summary").Text("Help with this question"),
				app.Div().Class("details-text").Body(
					app.P().Body(p.gloss.text(it.Help)),
					app.P().Body(app.Strong().Text("Example: "), p.gloss.text(it.Example)),
				),
			),
			app.Div().Class("radios").Body(
				app.Range(q.AllLevels).Slice(func(i int) app.UI {
					l := q.AllLevels[i]
					var hint app.UI
					s := it.Levels.Describe(l)
					if s == "" {
						s = b.Meaning(l) // don't know, not applicable: what they mean anywhere
					}
					if s != "" {
						hint = p.gloss.text(s)
					}
					return radioHint("level-"+it.ID, fmt.Sprintf("%s-%s", base, l), string(l), l.Label(),
						hint, ans.Level == l, func(v string) { p.setLevel(it.ID, q.Level(v)) })
				}),
			),
		),
		noteField(base+"-note", "Note (optional)", "Why you chose this answer, or what you need to find out.",
			ans.Note, q.NoteText, p.fieldError(base+"-note"), func(_ app.Context, v string) { p.setNote(it.ID, v) }),
	)
}

func (p *domainPage) reflections(d *q.Domain) app.UI {
	id := "reflection-" + d.ID
	return app.Section().Class("reflections").Body(
		app.H2().Text("Reflect as a team (optional)"),
		app.Ul().Class("list list-bullet").ID(id+"-questions").Body(
			app.Range(d.Reflections).Slice(func(i int) app.UI { return app.Li().Body(p.gloss.text(d.Reflections[i])) }),
		),
		noteField(id, "Your reflections on this domain", "", p.shownRef, q.NoteText, p.fieldError(id), func(_ app.Context, v string) {
			if p.a.Reflections == nil {
				p.a.Reflections = map[string]string{}
			}
			set := func(s string) {
				if s == "" {
					delete(p.a.Reflections, d.ID)
				} else {
					p.a.Reflections[d.ID] = s
				}
			}
			if old := p.a.Reflections[d.ID]; v != old {
				p.setText(id, q.NoteText, old, v, set)
			}
		}),
	)
}

func (p *domainPage) setLevel(id string, l q.Level) {
	r := p.respondent()
	old, oldRated := p.answers()[id], r.Rated
	if old.Level == l {
		return
	}
	set := func(a q.Answer, rated time.Time) {
		putAnswer(p.answers(), id, a)
		p.respondent().Rated = rated
	}
	now := old
	now.Level = l
	p.try("item-"+id, func() { set(now, time.Now().UTC().Truncate(time.Second)) }, func() { set(old, oldRated) })
}

// setNote keeps the note as typed. Keystrokes queued behind a save all
// read the field as it is now, so once the first of them has saved it,
// the rest find nothing new: typing never builds a queue of saves.
func (p *domainPage) setNote(id, note string) {
	old := p.answers()[id]
	if note == old.Note {
		return
	}
	set := func(s string) {
		a := p.answers()[id]
		a.Note = s
		putAnswer(p.answers(), id, a)
	}
	p.setText("item-"+id+"-note", q.NoteText, old.Note, note, set)
}

// putAnswer sets an answer, leaving none where it is empty.
func putAnswer(m map[string]q.Answer, id string, a q.Answer) {
	if a == (q.Answer{}) {
		delete(m, id)
		return
	}
	m[id] = a
}
